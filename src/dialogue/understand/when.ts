/**
 * Dates and times as people type them (PRODUCT.md §3.6): 12月1日, １２／１, 明日, 来週の金曜,
 * 今週中, 月末, 3日後; 21時, ２１：００, 夜9時, 午前7時半. Pure: "today" is an argument,
 * and date arithmetic is plain UTC arithmetic on calendar dates, so no time zone is
 * involved. The words live in `../content/when.ts`.
 */
import { clockPattern, datePatterns, relativeDays, weekdayChars } from "../content/when";
import { escapeRegExp, foldPatternSource } from "./fold";

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function compile(source: string): RegExp {
  return new RegExp(foldPatternSource(source), "u");
}

const DATE = {
  fullDate: compile(datePatterns.fullDate),
  monthDay: compile(datePatterns.monthDay),
  later: compile(datePatterns.later),
  thisWeekEnd: compile(datePatterns.thisWeekEnd),
  nextWeekEnd: compile(datePatterns.nextWeekEnd),
  weekday: compile(datePatterns.weekday),
  nextMonthEnd: compile(datePatterns.nextMonthEnd),
  thisMonthEnd: compile(datePatterns.thisMonthEnd),
  nextWeek: compile(datePatterns.nextWeek),
  weekAfterNext: compile(datePatterns.weekAfterNext),
};
const RELATIVE_DAY = new Map(relativeDays.map(([word, days]) => [foldPatternSource(word), days]));
const RELATIVE_DAY_PATTERN = new RegExp(
  [...RELATIVE_DAY.keys()]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join("|"),
  "u",
);
const WEEKDAYS = [...weekdayChars];
const CLOCK = compile(clockPattern);

/** A text folded for dates and times: NFKC, katakana to hiragana, lower case, no white space. */
function fold(text: string): string {
  return foldPatternSource(text).toLowerCase().replace(/\s/gu, "");
}

/** Days since 1970-01-01 of a calendar date, or null when it does not exist (2月30日). */
function dayNumber(year: number, month: number, day: number): number | null {
  if (month < 1 || month > 12 || day < 1) return null;
  const ms = Date.UTC(year, month - 1, day);
  const date = new Date(ms);
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1) return null;
  return ms / DAY_MS;
}

function isoDate(days: number): string {
  return new Date(days * DAY_MS).toISOString().slice(0, 10);
}

/** The last day of the month `offset` months after year/month, as a day number. */
function monthEnd(year: number, month: number, offset: number): number {
  return Date.UTC(year, month - 1 + offset + 1, 0) / DAY_MS;
}

/** The same day of the month `offset` months later, kept within that month (1月31日 + 1か月 = 2月28日). */
function addMonths(year: number, month: number, day: number, offset: number): number {
  return Math.min(Date.UTC(year, month - 1 + offset, day) / DAY_MS, monthEnd(year, month, offset));
}

/**
 * The due date `text` names, as yyyy-MM-dd, or null when it names none (or a date that
 * does not exist, such as 2月30日). `today` is the current date in Asia/Tokyo
 * (yyyy-MM-dd) and `weekday` its day of the week (0 = Sunday). Weeks run Monday to
 * Sunday. Rules:
 * - 12月1日, 12/1, 12月1日(火): this year, or next year when already past.
 * - 2026/12/1, 2026-12-01: as written, even when past.
 * - 今日 0, 明日 1, あさって 2, しあさって 3 days; 3日後, 1週間後, 2か月後 from today.
 * - 今週中, 今週末, 週末: this week's Sunday; 来週中: next week's Sunday.
 * - 金曜日 alone: the next Friday after today (1–7 days ahead); 今週の土曜, 来週の金曜,
 *   再来週の月曜: that day of that week (今週の月曜 may be past; the caller decides).
 * - 月末, 今月末: the last day of this month; 来月末: of next month.
 * - 来週 alone: a week from today; 再来週 alone: two weeks from today.
 * @throws RangeError when `today` is not a yyyy-MM-dd date or `weekday` not 0–6.
 */
export function parseDueDate(text: string, today: string, weekday: number): string | null {
  const iso = ISO_DATE.exec(today);
  const todayNumber = iso === null ? null : dayNumber(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  if (iso === null || todayNumber === null || !Number.isInteger(weekday) || weekday < 0 || weekday > 6) {
    throw new RangeError(`parseDueDate needs today as yyyy-MM-dd and weekday 0-6, got ${today} and ${weekday}`);
  }
  const year = Number(iso[1]);
  const month = Number(iso[2]);
  const day = Number(iso[3]);
  const folded = fold(text);
  const days = dueDay(folded, { year, month, day, number: todayNumber, weekday });
  return days === null ? null : isoDate(days);
}

interface Today {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly number: number;
  readonly weekday: number;
}

function dueDay(folded: string, today: Today): number | null {
  const full = DATE.fullDate.exec(folded)?.groups;
  if (full !== undefined) return dayNumber(Number(full.year), Number(full.month), Number(full.day));

  const monthDay = DATE.monthDay.exec(folded)?.groups;
  if (monthDay !== undefined) {
    const thisYear = dayNumber(today.year, Number(monthDay.month), Number(monthDay.day));
    if (thisYear === null || thisYear >= today.number) return thisYear;
    return dayNumber(today.year + 1, Number(monthDay.month), Number(monthDay.day));
  }

  const later = DATE.later.exec(folded)?.groups;
  if (later !== undefined) {
    const count = Number(later.count);
    if (later.months !== undefined) return addMonths(today.year, today.month, today.day, count);
    return today.number + count * (later.weeks !== undefined ? 7 : 1);
  }

  const relative = RELATIVE_DAY_PATTERN.exec(folded);
  if (relative !== null) return today.number + (RELATIVE_DAY.get(relative[0]) ?? 0);

  const monday = today.number - ((today.weekday + 6) % 7);
  if (DATE.thisWeekEnd.test(folded)) return monday + 6;
  if (DATE.nextWeekEnd.test(folded)) return monday + 13;

  const named = DATE.weekday.exec(folded)?.groups;
  if (named !== undefined) {
    const target = WEEKDAYS.indexOf(named.weekday ?? "");
    if (target < 0) return null;
    const week = named.weekAfterNext !== undefined ? 2 : named.nextWeek !== undefined ? 1 : named.thisWeek !== undefined ? 0 : null;
    if (week === null) return today.number + ((target - today.weekday + 7) % 7 || 7);
    return monday + week * 7 + ((target + 6) % 7);
  }

  if (DATE.nextMonthEnd.test(folded)) return monthEnd(today.year, today.month, 1);
  if (DATE.thisMonthEnd.test(folded)) return monthEnd(today.year, today.month, 0);
  if (DATE.weekAfterNext.test(folded)) return today.number + 14;
  if (DATE.nextWeek.test(folded)) return today.number + 7;
  return null;
}

/**
 * A clock time read from text: `{ time: "HH:mm" }` when the hour is clear, or
 * `{ ambiguousHour, minute }` for a bare 1–11 o'clock (9時, 9時半, 8時くらい) that could be
 * morning or evening, so the caller asks which.
 */
export type ClockTime = { readonly time: string } | { readonly ambiguousHour: number; readonly minute: number };

/**
 * The clock time `text` names, or null when it names none or an impossible one (25時,
 * 9時75分). 朝・午前 keep 1–11 and make 12 midnight; 午後・夕方 add 12 to 1–11;
 * 夜・晩 add 12 to 6–11, keep 1–5 (夜の1時 is 01:00) and make 12 midnight; 昼 adds 12
 * to 1–5; 深夜・夜中 keep 0–5, add 12 to 6–11 and make 12 midnight. Without a part of
 * the day, 0 and 12–24 are clear (24時 is 00:00) and 1–11 are ambiguous.
 */
export function parseClockTime(text: string): ClockTime | null {
  const groups = CLOCK.exec(fold(text))?.groups;
  if (groups === undefined) return null;
  const written = Number(groups.hour);
  const minute = groups.half !== undefined ? 30 : Number(groups.minute ?? groups.colonMinute ?? 0);
  if (written > 24 || minute > 59 || (written === 24 && minute > 0)) return null;
  const hour = dayHour(written, groups);
  if (hour === null) return { ambiguousHour: written, minute };
  if (hour > 23) return null;
  return { time: `${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}` };
}

/** The 0–23 hour meant by `written` under the part of the day named, or null when it is ambiguous. */
function dayHour(written: number, part: Record<string, string | undefined>): number | null {
  const small = written >= 1 && written <= 11;
  if (part.am !== undefined) return written === 12 ? 0 : written;
  if (part.pm !== undefined) return small ? written + 12 : written;
  if (part.night !== undefined) return written === 12 ? 0 : written >= 6 && small ? written + 12 : written;
  if (part.noon !== undefined) return written >= 1 && written <= 5 ? written + 12 : written;
  if (part.late !== undefined) return written === 12 ? 0 : written >= 6 && small ? written + 12 : written;
  if (written === 24) return 0;
  return small ? null : written;
}
