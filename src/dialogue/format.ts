/**
 * Dates, times and schedules in the user's language, from the patterns in content.
 */
import { dateParts, scheduleParts, tokyoDate, tokyoTime, type ReminderSchedule, type Weekday } from "../calendar/schedule";
import { fill, formats, weekdayNames } from "./content";

/** A "yyyy-MM-dd" date as in "12月1日(火)". */
export function formatDate(date: string): string {
  const { month, day, weekday } = dateParts(date);
  return fill(formats.date, { month: String(month), day: String(day), weekday: weekdayNames[weekday] ?? "" });
}

/** An instant as its Tokyo date and time, e.g. "11月29日(日) 20:00" or "12月1日(火) 7:30". */
export function formatInstant(instant: Date): string {
  const [hours, minutes] = tokyoTime(instant).split(":");
  return fill(formats.instant, { date: formatDate(tokyoDate(instant)), time: formatClock(Number(hours), Number(minutes)) });
}

function formatClock(hours: number, minutes: number): string {
  return fill(formats.time, { hours: String(hours), minutes: String(minutes).padStart(2, "0") });
}

/** A schedule as in "毎週 日曜 20:00", "毎日 21:00", "平日 21:00" or "毎週 月・水・金 7:30". */
export function formatSchedule(schedule: ReminderSchedule): string {
  const { everyDay, weekdays, hours, minutes } = scheduleParts(schedule);
  const time = formatClock(hours, minutes);
  if (everyDay) return fill(formats.daily, { time });
  if (isWorkdays(weekdays)) return fill(formats.workdays, { time });
  return fill(formats.weekly, { days: weekdayList(weekdays), time });
}

/** The days of a reminder whose time is not chosen yet: "毎日", "平日", "毎週 土曜" or "毎週 月・水・金". */
export function formatDays(days: readonly Weekday[]): string {
  const weekdays = [...new Set(days)].sort((a, b) => a - b);
  if (weekdays.length === 7) return formats.dailyDays;
  if (isWorkdays(weekdays)) return formats.workdaysDays;
  return fill(formats.weeklyDays, { days: weekdayList(weekdays) });
}

function isWorkdays(weekdays: readonly Weekday[]): boolean {
  return weekdays.join() === "1,2,3,4,5";
}

function weekdayList(weekdays: readonly Weekday[]): string {
  return weekdays.length === 1
    ? fill(formats.singleWeekday, { weekday: weekdayNames[weekdays[0]] ?? "" })
    : weekdays.map((day) => weekdayNames[day]).join(formats.weekdaySeparator);
}

/** An "HH:mm" time as written in messages, e.g. "7:30". */
export function formatTime(time: string): string {
  const [hours, minutes] = time.split(":");
  return formatClock(Number(hours), Number(minutes));
}

/** A date with its year, as in a notice of when something was checked: 2026年11月29日. */
export function formatFullDate(date: string): string {
  const { year, month, day } = dateParts(date);
  return fill(formats.fullDate, { year: String(year), month: String(month), day: String(day) });
}
