/**
 * Pure analysis of a user's entries for the insights (PRODUCT.md §3.5): ありがとう count and
 * やりがい度 per week, and the streak of weeks reflected. Weeks are calendar weeks in
 * {@link REMINDER_TIME_ZONE} starting on Monday. Nothing here reads the clock; `now` is a
 * parameter. The module has no wording; the dialogue builds labels from these numbers.
 */
import { tz } from "@date-fns/tz";
import { addWeeks, format, startOfWeek } from "date-fns";
import type { NewEntry } from "../model/entry";
import { REMINDER_TIME_ZONE } from "../calendar/schedule";

/** One week of {@link weeklySeries}. */
export interface WeekPoint {
  /** The Monday the week starts on, in Tokyo, "yyyy-MM-dd". */
  weekStart: string;
  /**
   * ありがとう moments that week: `thanks` entries. A check-in's ありがとう is recorded as its
   * own `thanks` entry, so the check-in's flag is not counted again.
   */
  thanks: number;
  /**
   * Mean やりがい度 that week over `workScore` entries and check-ins, rounded to one decimal;
   * `null` when the week has no score.
   */
  score: number | null;
}

/** How many weeks {@link weeklySeries} covers when not told. */
export const DEFAULT_SERIES_WEEKS = 6;

const inZone = tz(REMINDER_TIME_ZONE);
const DATE_FORMAT = "yyyy-MM-dd";

/**
 * The Monday (in Tokyo, "yyyy-MM-dd") of the week containing `instant`.
 *
 * @throws RangeError when `instant` is an invalid date.
 */
export function weekStartOf(instant: Date): string {
  if (Number.isNaN(instant.getTime())) throw new RangeError("weekStartOf: `instant` is an invalid date");
  return format(startOfWeek(instant, { weekStartsOn: 1, in: inZone }), DATE_FORMAT, { in: inZone });
}

/**
 * The last `weeks` Tokyo weeks, oldest first, ending with the week that contains `now`; a
 * week without entries has `thanks: 0` and `score: null`. Entries may be of any kind and in
 * any order; entries outside those weeks, with an unreadable `at`, or with a score that is
 * not a finite number (for the score only) are left out. `weeks` is floored; below 1 gives `[]`.
 *
 * @throws RangeError when `now` is an invalid date.
 */
export function weeklySeries(entries: readonly NewEntry[], now: Date, weeks: number = DEFAULT_SERIES_WEEKS): WeekPoint[] {
  const starts = lastWeekStarts(now, weeks);
  const tallies = new Map(starts.map((start) => [start, { thanks: 0, scoreSum: 0, scoreCount: 0 }]));
  for (const entry of entries) {
    const week = weekOfEntry(entry);
    const tally = week === null ? undefined : tallies.get(week);
    if (tally === undefined) continue;
    if (entry.kind === "thanks") tally.thanks += 1;
    if ((entry.kind === "workScore" || entry.kind === "checkin") && Number.isFinite(entry.score)) {
      tally.scoreSum += entry.score;
      tally.scoreCount += 1;
    }
  }
  return starts.map((weekStart) => {
    const { thanks, scoreSum, scoreCount } = tallies.get(weekStart) ?? { thanks: 0, scoreSum: 0, scoreCount: 0 };
    return { weekStart, thanks, score: scoreCount === 0 ? null : Math.round((scoreSum / scoreCount) * 10) / 10 };
  });
}

/**
 * {@link weeklySeries} without the weeks before the week of the earliest readable entry: the
 * weeks before a person started are not theirs to count, so they are left out rather than
 * shown as 0. Empty when no entry has a readable `at`.
 *
 * @throws RangeError when `now` is an invalid date.
 */
export function seriesSinceStart(entries: readonly NewEntry[], now: Date, weeks: number = DEFAULT_SERIES_WEEKS): WeekPoint[] {
  const series = weeklySeries(entries, now, weeks);
  const first = entries.reduce<string | null>((earliest, entry) => {
    const week = weekOfEntry(entry);
    return week !== null && (earliest === null || week < earliest) ? week : earliest;
  }, null);
  return first === null ? [] : series.filter((point) => point.weekStart >= first);
}

/**
 * How many consecutive Tokyo weeks, counting back from the week containing `now`, have at
 * least one `checkin` entry. A week still under way without a check-in does not break the
 * streak: counting then starts from the week before. Check-ins in later weeks do not count.
 *
 * @throws RangeError when `now` is an invalid date.
 */
export function reflectionStreak(entries: readonly NewEntry[], now: Date): number {
  const current = startOfWeek(validNow(now, "reflectionStreak"), { weekStartsOn: 1, in: inZone });
  const reflected = new Set<string>();
  for (const entry of entries) {
    if (entry.kind !== "checkin") continue;
    const week = weekOfEntry(entry);
    if (week !== null) reflected.add(week);
  }
  const weekKey = (back: number) => format(addWeeks(current, -back, { in: inZone }), DATE_FORMAT, { in: inZone });
  let back = reflected.has(weekKey(0)) ? 0 : 1;
  let streak = 0;
  while (streak <= reflected.size && reflected.has(weekKey(back))) {
    streak += 1;
    back += 1;
  }
  return streak;
}

/** How many `checkin` entries there are, e.g. to offer revising the WILL every few check-ins. */
export function checkinCount(entries: readonly NewEntry[]): number {
  return entries.reduce((count, entry) => (entry.kind === "checkin" ? count + 1 : count), 0);
}

function lastWeekStarts(now: Date, weeks: number): string[] {
  const current = startOfWeek(validNow(now, "weeklySeries"), { weekStartsOn: 1, in: inZone });
  const count = Number.isFinite(weeks) ? Math.max(0, Math.floor(weeks)) : 0;
  return Array.from({ length: count }, (_, i) => format(addWeeks(current, i - (count - 1), { in: inZone }), DATE_FORMAT, { in: inZone }));
}

function validNow(now: Date, caller: string): Date {
  if (Number.isNaN(now.getTime())) throw new RangeError(`${caller}: \`now\` is an invalid date`);
  return now;
}

/** The week of an entry's `at`, or `null` when `at` is not a readable instant. */
function weekOfEntry(entry: NewEntry): string | null {
  const at = new Date(entry.at);
  return Number.isNaN(at.getTime()) ? null : weekStartOf(at);
}
