/**
 * A reminder wish typed in one message (PRODUCT.md §3.2 step 7): 「毎週土曜の朝10時で」,
 * 「平日の夜9時がいいです」, 「日曜21時」, 「毎日7時半」, 「月水金の20時」. Pure; the words live in
 * `../content/when.ts`.
 */
import type { Weekday } from "../../calendar/schedule";
import { exceptDays, reminderDayPatterns, weekdayChars } from "../content/when";
import { foldPatternSource } from "./fold";
import { foldWhen, parseClockTime, type ClockTime } from "./when";

/** What a typed reminder wish names: the days (null when it names none) and the time (null when none). */
export interface ReminderWish {
  /** The weekdays, ascending and without repeats; all seven for 毎日. */
  readonly days: readonly Weekday[] | null;
  readonly time: ClockTime | null;
}

const WEEKDAYS = [...weekdayChars];
const ALL_DAYS: readonly Weekday[] = [0, 1, 2, 3, 4, 5, 6];
const MONDAY_TO_FRIDAY: readonly Weekday[] = [1, 2, 3, 4, 5];
const WEEKEND: readonly Weekday[] = [0, 6];

function compile(source: string, flags = "u"): RegExp {
  return new RegExp(foldPatternSource(source), flags);
}

const EVERY_DAY = compile(reminderDayPatterns.everyDay);
const WORKDAYS = compile(reminderDayPatterns.weekdays);
const WEEKEND_WORD = compile(reminderDayPatterns.weekend);
const RANGE = compile(reminderDayPatterns.range, "gu");
const NAMED = compile(reminderDayPatterns.named, "gu");
const EXCEPT = compile(exceptDays);

/**
 * The days and time a reminder wish names, or null when it names neither. A time that could
 * be morning or evening (土曜 10時) comes back as such, for the caller to ask once; one
 * written with a colon (10:00) or a part of the day (朝10時, 夜9時) is clear.
 */
export function parseReminderWish(text: string): ReminderWish | null {
  const folded = foldWhen(text);
  const days = reminderDays(folded);
  const time = parseClockTime(text);
  return days === null && time === null ? null : { days, time };
}

/** The weekdays a folded text names, or null when it names none; 「日曜以外」 names every day but Sunday. */
function reminderDays(folded: string): Weekday[] | null {
  const except = EXCEPT.exec(folded);
  if (except !== null) {
    const left = namedDays(folded.slice(0, except.index));
    if (left !== null) return ALL_DAYS.filter((day) => !left.includes(day));
  }
  return namedDays(folded);
}

/** The weekdays a folded text names, or null when it names none. */
function namedDays(folded: string): Weekday[] | null {
  if (EVERY_DAY.test(folded)) return [...ALL_DAYS];
  const found = new Set<Weekday>();
  if (WORKDAYS.test(folded)) MONDAY_TO_FRIDAY.forEach((day) => found.add(day));
  if (WEEKEND_WORD.test(folded)) WEEKEND.forEach((day) => found.add(day));
  const rest = folded.replace(RANGE, (...args: unknown[]) => {
    const groups = args.at(-1) as Record<string, string>;
    for (const day of dayRange(weekdayOf(groups.from), weekdayOf(groups.to))) found.add(day);
    return "・";
  });
  for (const match of rest.matchAll(NAMED)) {
    const named = [...(match.groups?.days ?? "")].filter((char) => WEEKDAYS.includes(char));
    if (named.length < 2 && match.groups?.suffix === undefined) continue;
    named.forEach((char) => found.add(weekdayOf(char)));
  }
  return found.size === 0 ? null : [...found].sort((a, b) => a - b);
}

function weekdayOf(char: string | undefined): Weekday {
  return Math.max(0, WEEKDAYS.indexOf(char ?? "")) as Weekday;
}

/** The days from `from` to `to`, both included, wrapping past Saturday (金〜月 is Fri, Sat, Sun, Mon). */
function dayRange(from: Weekday, to: Weekday): Weekday[] {
  const length = ((to - from + 7) % 7) + 1;
  return Array.from({ length }, (_, i) => ((from + i) % 7) as Weekday);
}
