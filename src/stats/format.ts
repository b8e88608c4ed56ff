/**
 * The report's numbers as words, shared by the HTML page and the text summary. All wording
 * comes from `statsText` in the content module.
 */
import { fill } from "../dialogue";
import { statsText } from "./content";
import { tokyoDate, tokyoTime } from "../calendar/schedule";
import type { Ratio, StatsNumbers, WeekRow } from "./aggregate";
import type { QuotaStatus, RichMenuStatus } from "./read";

/** Everything one report shows. */
export interface StatsReport {
  numbers: StatsNumbers;
  quota: QuotaStatus;
  /** The rich menus at LINE; absent in reports made before they were read. */
  richMenus?: RichMenuStatus;
  /** The time the numbers are for. */
  now: Date;
}

/** One headline figure: a label, the figure and a line explaining it. */
export interface Headline {
  label: string;
  value: string;
  note: string;
}

/** "2026-11-24 12:00 時点（日本時間）". */
export function asOf(now: Date): string {
  return fill(statsText.asOf, { date: tokyoDate(now), time: tokyoTime(now) });
}

/** A count of people, e.g. "1,234人". */
export function people(count: number): string {
  return fill(statsText.people, { count: count.toLocaleString("ja-JP") });
}

/** A rate as a whole percentage, or a dash when there is nothing to divide by. */
export function percent(rate: number | null): string {
  return rate === null ? statsText.none : fill(statsText.percent, { value: String(Math.round(rate * 100)) });
}

/** "11/23" for the week starting on Monday 2026-11-23. */
export function weekLabel(week: WeekRow): string {
  const [, month = "", day = ""] = week.weekStart.split("-");
  return fill(statsText.weekLabel, { month: String(Number(month)), day: String(Number(day)) });
}

/** This month's pushes as a line, or why they are not known. */
export function quotaLine(quota: QuotaStatus): string {
  switch (quota.status) {
    case "known": {
      const used = quota.used.toLocaleString("ja-JP");
      if (quota.limit === null) return fill(statsText.quotaUnlimited, { used });
      return fill(statsText.quotaKnown, {
        used,
        limit: quota.limit.toLocaleString("ja-JP"),
        percent: percent(quotaRate(quota.used, quota.limit)),
      });
    }
    case "noToken":
      return statsText.quotaNoToken;
    case "failed":
      return fill(statsText.quotaFailed, { reason: quota.httpStatus === null ? statsText.quotaNoAnswer : `HTTP ${quota.httpStatus}` });
  }
}

/** What the report says of LINE's side: the stages' menus, their tap counts and the webhook's errors. */
export function lineRows(report: StatsReport): { label: string; value: string }[] {
  const menus = report.richMenus ?? { status: "noToken" };
  let live: string;
  if (menus.status === "known") {
    const stages = (Object.keys(menus.live) as (keyof typeof menus.live)[]).map(
      (stage) => `${statsText.menuStages[stage]} ${menus.live[stage] ? statsText.menuLive : statsText.menuMissing}`,
    );
    live = stages.join(statsText.menuSeparator);
  } else if (menus.status === "noToken") {
    live = statsText.menusNoToken;
  } else {
    live = fill(statsText.menusFailed, { reason: menus.httpStatus === null ? statsText.quotaNoAnswer : `HTTP ${menus.httpStatus}` });
  }
  return [
    { label: statsText.menusLabel, value: live },
    { label: statsText.menuTapsLabel, value: statsText.menuTapsNotOffered },
    { label: statsText.webhookErrorsLabel, value: statsText.webhookErrorsWhere },
  ];
}

/** The consultants' figures as label and value, in the order the report shows them. */
export function consultantRows(report: StatsReport): { label: string; value: string }[] {
  const c = report.numbers.consultant;
  const count = (n: number) => fill(statsText.count, { count: String(n) });
  return [
    { label: statsText.handoversRequested, value: count(c.handoversRequested) },
    { label: statsText.handoversTaken, value: count(c.handoversTaken) },
    { label: statsText.handoversEnded, value: count(c.handoversEnded) },
    { label: statsText.withConsultantNow, value: people(c.withConsultantNow) },
    { label: statsText.medianTakeOver, value: duration(c.medianTakeOverMs) },
    { label: statsText.escalations, value: count(c.escalations) },
    { label: statsText.homeworkSent, value: count(c.homeworkSent) },
    { label: statsText.homeworkAnswered, value: count(c.homeworkAnswered) },
  ];
}

/** A duration as hours and minutes, or a dash when there is none. */
function duration(ms: number | null): string {
  if (ms === null) return statsText.none;
  const minutes = Math.round(ms / 60_000);
  const hours = Math.floor(minutes / 60);
  return hours === 0
    ? fill(statsText.minutes, { minutes: String(minutes) })
    : fill(statsText.hoursMinutes, { hours: String(hours), minutes: String(minutes % 60) });
}

export function headlines(report: StatsReport): Headline[] {
  const { numbers, quota } = report;
  const thisWeek = numbers.weeks.at(-1);
  const ratioNote = (template: string, ratio: Ratio) => fill(template, { of: String(ratio.of), count: String(ratio.count) });
  return [
    {
      label: statsText.usersTile,
      value: people(numbers.users.total),
      note: fill(statsText.usersNote, { blocked: String(numbers.users.blocked), declined: String(numbers.users.declined) }),
    },
    {
      label: statsText.completionTile,
      value: percent(numbers.completion.rate),
      note: ratioNote(statsText.completionNote, numbers.completion),
    },
    {
      label: statsText.reminderTile,
      value: percent(numbers.reminderOptIn.rate),
      note: ratioNote(statsText.reminderNote, numbers.reminderOptIn),
    },
    { label: statsText.activeTile, value: people(numbers.activeLast7Days), note: statsText.activeNote },
    {
      label: statsText.reflectingTile,
      value: people(thisWeek?.reflectingUsers ?? 0),
      note: fill(statsText.reflectingNote, { count: String(thisWeek?.checkins ?? 0) }),
    },
    {
      label: statsText.followUpsTile,
      value: fill(statsText.times, { count: String(numbers.followUps.sent) }),
      note: fill(statsText.followUpsNote, { users: String(numbers.followUps.users), resumed: String(numbers.followUps.resumedUsers) }),
    },
    quotaHeadline(quota),
  ];
}

function quotaHeadline(quota: QuotaStatus): Headline {
  if (quota.status !== "known") return { label: statsText.quotaTitle, value: statsText.none, note: quotaLine(quota) };
  // Without a limit the count is the figure, and the note says what the limit is for.
  if (quota.limit === null) return { label: statsText.quotaTitle, value: quotaLine(quota), note: statsText.quotaNote };
  return { label: statsText.quotaTitle, value: percent(quotaRate(quota.used, quota.limit)), note: quotaLine(quota) };
}

function quotaRate(used: number, limit: number): number | null {
  return limit === 0 ? null : used / limit;
}
