/**
 * Dates and times as people type them (PRODUCT.md §3.6): 12月1日, １２／１, 明日, 来週の金曜,
 * 再来週の月曜, 来月の10日, 今週中, 月末, 3日後; 21時, ２１：００, 夜9時, 午前7時半. Pure:
 * "today" is an argument, and date arithmetic is plain UTC arithmetic on calendar dates, so
 * no time zone is involved. The words live in `../content/when.ts`.
 */
import {
  clockPattern,
  datePatterns,
  kanaClockUnits,
  kanaSpellings,
  kanjiNumerals,
  rangeMarks,
  relativeDays,
  weekdayChars,
} from "../content/when";
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
  dayOfMonth: compile(datePatterns.dayOfMonth),
  nextMonthEnd: compile(datePatterns.nextMonthEnd),
  thisMonthEnd: compile(datePatterns.thisMonthEnd),
  yearEnd: compile(datePatterns.yearEnd),
  nextMonth: compile(datePatterns.nextMonth),
  monthAfterNext: compile(datePatterns.monthAfterNext),
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
const KANA = kanaSpellings.map(([reading, kanji]) => [new RegExp(escapeRegExp(foldPatternSource(reading)), "gu"), kanji] as const);
const WAVE_DASH = new RegExp(`[${escapeRegExp(rangeMarks.dashes)}]`, "gu");
const KANA_UNITS = kanaClockUnits.map(
  ([reading, kanji]) => [new RegExp(`(\\d)${escapeRegExp(foldPatternSource(reading))}`, "gu"), `$1${kanji}`] as const,
);
const KANJI_NUMBER = new RegExp(`[${kanjiNumerals.digits}${kanjiNumerals.ten}]+(?=${kanjiNumerals.before})`, "gu");

/** A number written in kanji (九, 十二, 二十, 三十五) as digits; as written when it is no number (十十). */
function kanjiNumber(written: string): string {
  const digit = (char: string | undefined) => (char === undefined ? -1 : kanjiNumerals.digits.indexOf(char));
  const ten = written.indexOf(kanjiNumerals.ten);
  if (ten < 0) return [...written].map((char) => String(digit(char))).join("");
  const tens = ten === 0 ? 1 : digit(written[ten - 1]);
  const ones = ten === written.length - 1 ? 0 : digit(written[ten + 1]);
  if (ten > 1 || written.length - ten > 2 || tens < 0 || ones < 0) return written;
  return String(tens * 10 + ones);
}

/**
 * A text folded for dates and times: NFKC, katakana to hiragana, lower case, no white space,
 * a wave dash or tilde as から (月〜金, 21時〜), words in kana as kanji (さらいしゅう → 再来週), numbers in
 * kanji before a unit of time as digits (九時半 → 9時半) and units in kana after a digit (8じ → 8時).
 */
export function foldWhen(text: string): string {
  const folded = foldPatternSource(text.replace(WAVE_DASH, rangeMarks.word)).toLowerCase().replace(/\s/gu, "");
  const spelled = KANA.reduce((result, [reading, kanji]) => result.replace(reading, kanji), folded);
  return KANA_UNITS.reduce((result, [unit, kanji]) => result.replace(unit, kanji), spelled.replace(KANJI_NUMBER, kanjiNumber));
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
 * does not exist, such as 2月30日). The date may be past: the caller asks about it rather
 * than moving it a year on. `today` is the current date in Asia/Tokyo (yyyy-MM-dd) and
 * `weekday` its day of the week (0 = Sunday). Weeks run Monday to Sunday. Rules:
 * - 12月1日, 12/1, 12月1日(火): the nearest such date to today, of last year, this year or
 *   next year (1/15 in December is next January; 11/1 on 24 November is past).
 * - 2026/12/1, 2026-12-01: as written, even when past.
 * - 今日 0, 明日 1, あさって 2, しあさって 3, 昨日 −1 days; 3日後, 1週間後, 2か月後 from today.
 * - 来月の10日, 今月の20日, 再来月の1日: that day of that month; 10日 alone: this month's,
 *   or next month's when it has passed.
 * - 今週中, 今週末, 週末: this week's Sunday; 来週中: next week's Sunday.
 * - 金曜日 alone: the next Friday after today (1–7 days ahead); 今週の土曜, 来週の金曜,
 *   再来週の月曜: that day of that week (今週の月曜 may be past; the caller decides).
 * - 月末, 今月末: the last day of this month; 来月末: of next month; 年内, 年末: 31 December.
 * - 来週 alone: a week from today; 再来週: two weeks; 来月: a month; 再来月: two months.
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
  const folded = foldWhen(text);
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
  if (monthDay !== undefined) return nearestMonthDay(Number(monthDay.month), Number(monthDay.day), today);

  const later = DATE.later.exec(folded)?.groups;
  if (later !== undefined) {
    const count = Number(later.count);
    if (later.months !== undefined) return addMonths(today.year, today.month, today.day, count);
    return today.number + count * (later.weeks !== undefined ? 7 : 1);
  }

  const ofMonth = DATE.dayOfMonth.exec(folded)?.groups;
  if (ofMonth !== undefined) return dayOfMonth(ofMonth, today);

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
  if (DATE.yearEnd.test(folded)) return monthEnd(today.year, 12, 0);
  if (DATE.monthAfterNext.test(folded)) return addMonths(today.year, today.month, today.day, 2);
  if (DATE.nextMonth.test(folded)) return addMonths(today.year, today.month, today.day, 1);
  if (DATE.weekAfterNext.test(folded)) return today.number + 14;
  if (DATE.nextWeek.test(folded)) return today.number + 7;
  return null;
}

/** Of last year's, this year's and next year's month/day, the one nearest today (null when it does not exist). */
function nearestMonthDay(month: number, day: number, today: Today): number | null {
  const candidates = [today.year - 1, today.year, today.year + 1]
    .map((year) => dayNumber(year, month, day))
    .filter((days): days is number => days !== null);
  if (candidates.length === 0 || dayNumber(today.year, month, day) === null) return null;
  return candidates.reduce((best, days) => (Math.abs(days - today.number) < Math.abs(best - today.number) ? days : best));
}

/** The day of a month named by {@link datePatterns.dayOfMonth}, or null when that month has no such day. */
function dayOfMonth(groups: Record<string, string | undefined>, today: Today): number | null {
  const day = Number(groups.day);
  const offset = groups.monthAfterNext !== undefined ? 2 : groups.nextMonth !== undefined ? 1 : groups.thisMonth !== undefined ? 0 : null;
  const inMonth = (months: number) => {
    const first = Date.UTC(today.year, today.month - 1 + months, 1) / DAY_MS;
    const date = new Date(first * DAY_MS);
    return dayNumber(date.getUTCFullYear(), date.getUTCMonth() + 1, day);
  };
  if (offset !== null) return inMonth(offset);
  const thisMonth = inMonth(0);
  return thisMonth !== null && thisMonth >= today.number ? thisMonth : inMonth(1);
}

/**
 * A clock time read from text: `{ time: "HH:mm" }` when the hour is clear, or
 * `{ ambiguousHour, minute }` for a bare 1–11 o'clock (9時, 9時半, 8時くらい) that could be
 * morning or evening, so the caller asks which.
 */
export type ClockTime = { readonly time: string } | { readonly ambiguousHour: number; readonly minute: number };

/**
 * The clock time `text` names, or null when it names none or an impossible one (25時,
 * 9時75分). 朝・午前・am keep 1–11 and make 12 midnight; 午後・夕方・pm add 12 to 1–11;
 * 夜・晩 add 12 to 6–11, keep 1–5 (夜の1時 is 01:00) and make 12 midnight; 昼 adds 12
 * to 1–5; 深夜・夜中 keep 0–5, add 12 to 6–11 and make 12 midnight. Without a part of
 * the day, a time with a colon is on the 24-hour clock (10:00 is morning, 7:30 too), 0 and
 * 12–24 are clear (24時 is 00:00) and 1–11 o'clock (9時, 7時半) are ambiguous.
 */
export function parseClockTime(text: string): ClockTime | null {
  const groups = CLOCK.exec(foldWhen(text))?.groups;
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
  if (part.am !== undefined || part.amAfter !== undefined) return written === 12 ? 0 : written;
  if (part.pm !== undefined || part.pmAfter !== undefined) return small ? written + 12 : written;
  if (part.night !== undefined) return written === 12 ? 0 : written >= 6 && small ? written + 12 : written;
  if (part.noon !== undefined) return written >= 1 && written <= 5 ? written + 12 : written;
  if (part.late !== undefined) return written === 12 ? 0 : written >= 6 && small ? written + 12 : written;
  if (written === 24) return 0;
  return small && part.colonMinute === undefined ? null : written;
}
