/**
 * Pure reminder schedule math in {@link REMINDER_TIME_ZONE}: when the next reminder is
 * due, which slots an outage skipped, and due dates for actions. Wording lives in the
 * dialogue content; this module has none.
 * Nothing here reads the clock; every "now" is a parameter. Zone conversions go through
 * `@date-fns/tz`, so the code stays right for a zone with DST.
 */
import { TZDate, tz } from "@date-fns/tz";
import { endOfMonth, endOfWeek, format } from "date-fns";

/** 0 = Sunday … 6 = Saturday, as Date#getDay. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/**
 * A reminder schedule as the user chose it; times are wall-clock in
 * {@link REMINDER_TIME_ZONE}, "HH:mm" 24h (see {@link isValidTime}). Untrusted data
 * becomes one only through {@link parseSchedule}.
 */
export type ReminderSchedule =
  /** Every day at `time`. */
  | { kind: "daily"; time: string }
  /** At `time` on each of `weekdays` (one or more, ascending, no duplicates). */
  | { kind: "weekly"; weekdays: Weekday[]; time: string };

/** The IANA zone every schedule, due date and label is computed in. */
export const REMINDER_TIME_ZONE = "Asia/Tokyo";

const inZone = tz(REMINDER_TIME_ZONE);
const TIME_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_FORMAT = "yyyy-MM-dd";
const ALL_WEEKDAYS: readonly Weekday[] = [0, 1, 2, 3, 4, 5, 6];
/** A weekly slot is at most 7 days after any instant; one more day of margin. */
const MAX_DAYS_AHEAD = 8;

/** Whether `time` is exactly "HH:mm" between "00:00" and "23:59". */
export function isValidTime(time: string): boolean {
  return TIME_PATTERN.test(time);
}

/**
 * Validates stored or untrusted data as a {@link ReminderSchedule}. Returns a fresh
 * object with only the known fields and weekdays sorted and deduplicated, or `null`
 * when anything is missing or malformed.
 */
export function parseSchedule(raw: unknown): ReminderSchedule | null {
  if (typeof raw !== "object" || raw === null) return null;
  const { kind, time, weekdays } = raw as Record<string, unknown>;
  if (typeof time !== "string" || !isValidTime(time)) return null;
  if (kind === "daily") return { kind, time };
  if (kind !== "weekly" || !Array.isArray(weekdays)) return null;
  const days: unknown[] = weekdays;
  if (days.length === 0 || !days.every(isWeekday)) return null;
  return { kind, weekdays: [...new Set(days)].sort((a, b) => a - b), time };
}

/**
 * The first slot of `schedule` strictly after `after` (a slot equal to `after` is not
 * returned), as a plain `Date`.
 *
 * @throws RangeError when `after` is an invalid date or the schedule has no weekdays
 * or a malformed time.
 */
export function nextReminderAt(schedule: ReminderSchedule, after: Date): Date {
  const start = new TZDate(after.getTime(), REMINDER_TIME_ZONE);
  if (Number.isNaN(start.getTime())) throw new RangeError("nextReminderAt: `after` is an invalid date");
  const [hours, minutes] = parseTime(schedule.time);
  const weekdays = new Set(scheduledWeekdays(schedule));
  const [year, month, day] = [start.getFullYear(), start.getMonth(), start.getDate()];
  for (let offset = 0; offset <= MAX_DAYS_AHEAD; offset += 1) {
    if (!weekdays.has(calendarWeekday(year, month, day + offset))) continue;
    const slot = new TZDate(year, month, day + offset, hours, minutes, REMINDER_TIME_ZONE);
    if (slot.getTime() > after.getTime()) return new Date(slot.getTime());
  }
  throw new RangeError(`nextReminderAt: the schedule has no weekdays (${JSON.stringify(schedule)})`);
}

/**
 * The first slot of `schedule` on a Tokyo day after the day of `now`: a reflection done on a
 * reminder's own day (Sunday morning, reminder Sunday 20:00) skips that day's slot.
 *
 * @throws RangeError as {@link nextReminderAt}.
 */
export function nextReminderAfterDay(schedule: ReminderSchedule, now: Date): Date {
  const today = new TZDate(now.getTime(), REMINDER_TIME_ZONE);
  if (Number.isNaN(today.getTime())) throw new RangeError("nextReminderAfterDay: `now` is an invalid date");
  const tomorrow = new TZDate(today.getFullYear(), today.getMonth(), today.getDate() + 1, 0, 0, REMINDER_TIME_ZONE);
  return nextReminderAt(schedule, new Date(tomorrow.getTime() - 1));
}

/**
 * The slots of `schedule` in (`from`, `to`], oldest first, at most `limit` of them
 * (the oldest ones); for catching up after an outage.
 */
export function slotsBetween(schedule: ReminderSchedule, from: Date, to: Date, limit: number): Date[] {
  const slots: Date[] = [];
  let cursor = from;
  while (slots.length < limit) {
    const slot = nextReminderAt(schedule, cursor);
    if (slot.getTime() > to.getTime()) break;
    slots.push(slot);
    cursor = slot;
  }
  return slots;
}

/** The parts of a schedule a description needs: every day or which weekdays, and the clock time. */
export interface ScheduleParts {
  everyDay: boolean;
  /** Ascending, without repeats; all seven when `everyDay`. */
  weekdays: Weekday[];
  hours: number;
  minutes: number;
}

/** Breaks a schedule into {@link ScheduleParts}; a weekly schedule on all seven days is every day. */
export function scheduleParts(schedule: ReminderSchedule): ScheduleParts {
  const [hours, minutes] = parseTime(schedule.time);
  const weekdays = [...new Set(scheduledWeekdays(schedule))].sort((a, b) => a - b);
  return { everyDay: weekdays.length === ALL_WEEKDAYS.length, weekdays, hours, minutes };
}

/** The due date "end of this week": the Sunday on or after `now` in Tokyo, "yyyy-MM-dd". */
export function endOfWeekDate(now: Date): string {
  return format(endOfWeek(now, { weekStartsOn: 1, in: inZone }), DATE_FORMAT, { in: inZone });
}

/** The due date "end of this month": the last day of `now`'s month in Tokyo, "yyyy-MM-dd". */
export function endOfMonthDate(now: Date): string {
  return format(endOfMonth(now, { in: inZone }), DATE_FORMAT, { in: inZone });
}

/** The calendar date of `now` in Tokyo, "yyyy-MM-dd". */
export function tokyoDate(now: Date): string {
  return format(now, DATE_FORMAT, { in: inZone });
}

/** Whether `date` is exactly "yyyy-MM-dd" and a real calendar date (2026-02-30 is not). */
export function isValidDate(date: string): boolean {
  return parseDate(date) !== null;
}

/**
 * Month (1–12), day and weekday of a "yyyy-MM-dd" date, for describing it.
 *
 * @throws RangeError when `date` is not valid per {@link isValidDate}.
 */
export function dateParts(date: string): { year: number; month: number; day: number; weekday: Weekday } {
  const parts = parseDate(date);
  if (parts === null) throw new RangeError(`dateParts: not a calendar date: ${JSON.stringify(date)}`);
  const [year, month, day] = parts;
  return { year, month: month + 1, day, weekday: calendarWeekday(year, month, day) };
}

/**
 * The instant of wall-clock `time` ("HH:mm") on `date` ("yyyy-MM-dd") in Tokyo.
 *
 * @throws RangeError when `date` or `time` is malformed.
 */
export function tokyoInstant(date: string, time: string): Date {
  const parts = parseDate(date);
  if (parts === null) throw new RangeError(`tokyoInstant: not a calendar date: ${JSON.stringify(date)}`);
  const [hours, minutes] = parseTime(time);
  return new Date(new TZDate(parts[0], parts[1], parts[2], hours, minutes, REMINDER_TIME_ZONE).getTime());
}

/** The Tokyo wall-clock time of `instant`, "HH:mm". */
export function tokyoTime(instant: Date): string {
  return format(instant, "HH:mm", { in: inZone });
}

function isWeekday(value: unknown): value is Weekday {
  return typeof value === "number" && Number.isInteger(value) && value >= 0 && value <= 6;
}

function scheduledWeekdays(schedule: ReminderSchedule): readonly Weekday[] {
  return schedule.kind === "daily" ? ALL_WEEKDAYS : schedule.weekdays;
}

function parseTime(time: string): [hours: number, minutes: number] {
  const match = TIME_PATTERN.exec(time);
  if (match === null) throw new RangeError(`not an "HH:mm" time: ${JSON.stringify(time)}`);
  return [Number(match[1]), Number(match[2])];
}

/** [year, month 0–11, day] of a real "yyyy-MM-dd" date, or `null`. */
function parseDate(date: string): [year: number, month: number, day: number] | null {
  const match = DATE_PATTERN.exec(date);
  if (match === null) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]) - 1, Number(match[3])];
  const probe = calendarDay(year, month, day);
  const real = probe.getUTCFullYear() === year && probe.getUTCMonth() === month && probe.getUTCDate() === day;
  return real ? [year, month, day] : null;
}

/** The weekday of a calendar day; overflowing months and days roll over like Date's. */
function calendarWeekday(year: number, month: number, day: number): Weekday {
  return calendarDay(year, month, day).getUTCDay() as Weekday;
}

/** A calendar day as a UTC midnight, used only for calendar arithmetic (no zone). */
function calendarDay(year: number, month: number, day: number): Date {
  const probe = new Date(0);
  probe.setUTCFullYear(year, month, day);
  return probe;
}

/** A daily window, "HH:mm" to "HH:mm" in Tokyo, that may cross midnight (22:00–08:00). */
export interface QuietHours {
  start: string;
  end: string;
}

/** Whether `instant` falls in `quiet` (start inclusive, end exclusive), in Tokyo time. */
export function isQuietTime(instant: Date, quiet: QuietHours): boolean {
  const minutes = (time: string) => {
    const [hours, mins] = parseTime(time);
    return hours * 60 + mins;
  };
  const [hours, mins] = parseTime(format(instant, "HH:mm", { in: inZone }));
  const at = hours * 60 + mins;
  const start = minutes(quiet.start);
  const end = minutes(quiet.end);
  return start <= end ? at >= start && at < end : at >= start || at < end;
}
