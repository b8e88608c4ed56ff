/**
 * Pure aggregation for the operators' report (`npm run stats`): from user documents and
 * entries as stored to counts and rates. Nothing here reads the clock or Firestore, and
 * nothing it returns names a user or carries their words: only numbers, stage ids and
 * Tokyo week starts. Weeks are calendar weeks in Asia/Tokyo starting on Monday, as in
 * {@link weeklySeries}.
 */
import { isQuestionStep, STEP_TYPES, type QuestionStep, type Step, type Tally } from "../dialogue";
import { weeklySeries, weekStartOf } from "../insights/analysis";

/** The first session as a funnel, in order; `completed` is a user who reached the summary. */
export const FUNNEL_STAGES = ["consent", "workScore", "thanks", "values", "will", "action", "reminder", "completed"] as const;
/** One stage of {@link FUNNEL_STAGES}. */
export type FunnelStage = (typeof FUNNEL_STAGES)[number];

/** How many Tokyo weeks the weekly series cover when not told. */
export const REPORT_WEEKS = 12;

/** What counts as "active recently" for {@link StatsNumbers.activeLast7Days}. */
const RECENT_MS = 7 * 24 * 60 * 60 * 1000;

/** A user document as the report reads it: the stored state (unvalidated) and when it was last written. */
export interface UserDoc {
  /** Any key unique to the user, the same as {@link EntryDoc.owner}; only used to count distinct users. */
  key: string;
  state: unknown;
  /** ISO instant of the document's last write, or null when unknown. */
  updatedAt: string | null;
}

/** An entry as the report reads it: only its kind and time, and an opaque key of its owner. */
export interface EntryDoc {
  /** The {@link UserDoc.key} of the entry's user. */
  owner: string;
  kind: unknown;
  /** ISO instant the entry is about. */
  at: unknown;
}

/** The facts of one user the report counts, read from a {@link UserDoc}. */
export interface UserFacts {
  key: string;
  stage: FunnelStage;
  consented: boolean;
  declined: boolean;
  following: boolean;
  /** Whether a reminder schedule is set (it may be paused while the user blocks the bot). */
  reminder: boolean;
  /** The user's last activity: their last message, else the document's last write; null when unknown. */
  lastActiveAt: Date | null;
  /** Whether a consultant is with the user now. */
  withConsultant: boolean;
  /** The user's counts of hand-overs, escalations and follow-ups (zeros for documents from before they were kept). */
  tally: TallyFacts;
}

/** The counts of one user the report adds up: the state's tally, read defensively. */
export type TallyFacts = Tally;

/** The consultants' side of the report: hand-overs, escalations, follow-ups. */
export interface ConsultantNumbers {
  handoversRequested: number;
  handoversTaken: number;
  handoversEnded: number;
  /** Users a consultant is with now. */
  withConsultantNow: number;
  /** The median time from a request to its take-over, over the latest take-overs of every user; null without any. */
  medianTakeOverMs: number | null;
  escalations: number;
  /** Homework pushed from the console (each one push of the month's quota). */
  homeworkSent: number;
  /** Homework the clients answered. */
  homeworkAnswered: number;
}

/** One stage of the funnel in {@link StatsNumbers}. */
export interface FunnelRow {
  stage: FunnelStage;
  /** Users who are at this stage now (their next step is this one). */
  current: number;
  /** Users at this stage or past it. */
  reached: number;
}

/** One Tokyo week of {@link StatsNumbers.weeks}. */
export interface WeekRow {
  /** The Monday the week starts on, "yyyy-MM-dd". */
  weekStart: string;
  /** Users with an entry that week or whose last activity fell in it (a lower bound for past weeks). */
  activeUsers: number;
  /** Users with at least one check-in that week. */
  reflectingUsers: number;
  /** ありがとう entries that week. */
  thanksEntries: number;
  /** Check-in entries that week. */
  checkins: number;
}

/** A count out of a whole; `rate` is `count / of`, or null when `of` is 0. */
export interface Ratio {
  count: number;
  of: number;
  rate: number | null;
}

/** Everything the report shows except LINE's quota. Aggregates only. */
export interface StatsNumbers {
  users: { total: number; following: number; blocked: number; consented: number; declined: number };
  funnel: FunnelRow[];
  /** Users who finished the first session, out of those who consented. */
  completion: Ratio;
  /** Users who finished the first session with a reminder set, out of those who finished it. */
  reminderOptIn: Ratio;
  /** Users active in the 7 days up to `now`. */
  activeLast7Days: number;
  /** The last weeks, oldest first, ending with the week containing `now`. */
  weeks: WeekRow[];
  consultant: ConsultantNumbers;
  /** Gentle follow-ups: how many were pushed, to how many users, and how many of those wrote again within 48 hours. */
  followUps: { sent: number; users: number; resumedUsers: number };
}

const STAGE_OF_QUESTION: Record<QuestionStep["type"], FunnelStage> = {
  awaitingWorkScore: "workScore",
  awaitingMoyamoya: "workScore",
  awaitingThanksMoment: "thanks",
  awaitingThanksAlternative: "thanks",
  awaitingThanksFeeling: "thanks",
  awaitingThanksDeed: "thanks",
  awaitingMoreMoments: "thanks",
  awaitingValues: "values",
  awaitingWillWho: "will",
  awaitingWillWhat: "will",
  awaitingWillReview: "will",
  awaitingWillRewrite: "will",
  awaitingAction: "action",
  awaitingOwnAction: "action",
  awaitingActionDue: "action",
  awaitingReminder: "reminder",
  awaitingReminderDays: "reminder",
  awaitingFollowUpOffer: "reminder",
};

/**
 * Reads the facts of one user from a stored document; a damaged one counts rather than
 * fails. A user who finished the first session is `completed`; one without consent is at
 * `consent`; otherwise the stage of the pending first-session question (or the one paused
 * for a side flow), and `workScore`, the first question, when none is pending.
 */
export function readUserFacts(doc: UserDoc): UserFacts {
  const state = record(doc.state);
  const consent = record(state.consent);
  const profile = record(state.profile);
  const consented = consent.status === "given";
  const question = questionOf(state.step) ?? questionOf(state.paused);
  const stage: FunnelStage =
    profile.completedFirstSession === true
      ? "completed"
      : !consented
        ? "consent"
        : question
          ? STAGE_OF_QUESTION[question.type]
          : "workScore";
  return {
    key: doc.key,
    stage,
    consented,
    declined: consent.status === "declined",
    following: state.following !== false,
    reminder: typeof profile.reminder === "object" && profile.reminder !== null,
    lastActiveAt: instant(state.lastActiveAt) ?? instant(doc.updatedAt),
    withConsultant: record(state.handover).status === "active",
    tally: tallyOf(state.tally),
  };
}

function tallyOf(raw: unknown): TallyFacts {
  const tally = record(raw);
  const count = (value: unknown) => (typeof value === "number" && Number.isInteger(value) && value >= 0 ? value : 0);
  return {
    handoversRequested: count(tally.handoversRequested),
    handoversTaken: count(tally.handoversTaken),
    handoversEnded: count(tally.handoversEnded),
    takeOverMs: Array.isArray(tally.takeOverMs) ? tally.takeOverMs.filter((ms): ms is number => typeof ms === "number" && ms >= 0) : [],
    escalations: count(tally.escalations),
    followUpsSent: count(tally.followUpsSent),
    followUpsResumed: count(tally.followUpsResumed),
    homeworkSent: count(tally.homeworkSent),
    homeworkAnswered: count(tally.homeworkAnswered),
  };
}

function consultantNumbers(facts: readonly UserFacts[]): ConsultantNumbers {
  const sum = (pick: (tally: TallyFacts) => number) => facts.reduce((total, user) => total + pick(user.tally), 0);
  const waits = facts.flatMap((user) => user.tally.takeOverMs).sort((a, b) => a - b);
  const middle = Math.floor(waits.length / 2);
  return {
    handoversRequested: sum((tally) => tally.handoversRequested),
    handoversTaken: sum((tally) => tally.handoversTaken),
    handoversEnded: sum((tally) => tally.handoversEnded),
    withConsultantNow: facts.filter((user) => user.withConsultant).length,
    medianTakeOverMs: waits.length === 0 ? null : waits.length % 2 === 1 ? waits[middle] : (waits[middle - 1] + waits[middle]) / 2,
    escalations: sum((tally) => tally.escalations),
    homeworkSent: sum((tally) => tally.homeworkSent),
    homeworkAnswered: sum((tally) => tally.homeworkAnswered),
  };
}

/** The report's numbers for `users` and their `entries` at `now`, over the last `weeks` Tokyo weeks. */
export function aggregate(users: readonly UserDoc[], entries: readonly EntryDoc[], now: Date, weeks: number = REPORT_WEEKS): StatsNumbers {
  const facts = users.map(readUserFacts);
  const count = (test: (user: UserFacts) => boolean) => facts.reduce((n, user) => (test(user) ? n + 1 : n), 0);
  const stageIndex = (stage: FunnelStage) => FUNNEL_STAGES.indexOf(stage);
  const consented = count((user) => user.consented);
  const completed = count((user) => user.stage === "completed");
  const recentFrom = now.getTime() - RECENT_MS;
  return {
    users: {
      total: facts.length,
      following: count((user) => user.following),
      blocked: count((user) => !user.following),
      consented,
      declined: count((user) => user.declined),
    },
    funnel: FUNNEL_STAGES.map((stage) => ({
      stage,
      current: count((user) => user.stage === stage),
      reached: count((user) => stageIndex(user.stage) >= stageIndex(stage)),
    })),
    completion: ratio(completed, consented),
    reminderOptIn: ratio(
      count((user) => user.stage === "completed" && user.reminder),
      completed,
    ),
    activeLast7Days: count((user) => {
      const at = user.lastActiveAt?.getTime();
      return at !== undefined && at > recentFrom && at <= now.getTime();
    }),
    weeks: weekRows(facts, entries, now, weeks),
    consultant: consultantNumbers(facts),
    followUps: {
      sent: facts.reduce((n, user) => n + user.tally.followUpsSent, 0),
      users: count((user) => user.tally.followUpsSent > 0),
      resumedUsers: count((user) => user.tally.followUpsSent > 0 && user.tally.followUpsResumed > 0),
    },
  };
}

function weekRows(facts: readonly UserFacts[], entries: readonly EntryDoc[], now: Date, weeks: number): WeekRow[] {
  // The series of no entries gives the week starts, so the weeks match the users' own charts.
  const starts = weeklySeries([], now, weeks).map((point) => point.weekStart);
  const tallies = new Map(
    starts.map((start) => [start, { active: new Set<string>(), reflecting: new Set<string>(), thanks: 0, checkins: 0 }]),
  );
  for (const entry of entries) {
    const at = instant(entry.at);
    const tally = at && at.getTime() <= now.getTime() ? tallies.get(weekStartOf(at)) : undefined;
    if (tally === undefined) continue;
    tally.active.add(entry.owner);
    if (entry.kind === "thanks") tally.thanks += 1;
    if (entry.kind === "checkin") {
      tally.checkins += 1;
      tally.reflecting.add(entry.owner);
    }
  }
  for (const user of facts) {
    const at = user.lastActiveAt;
    if (at !== null && at.getTime() <= now.getTime()) tallies.get(weekStartOf(at))?.active.add(user.key);
  }
  return [...tallies].map(([weekStart, tally]) => ({
    weekStart,
    activeUsers: tally.active.size,
    reflectingUsers: tally.reflecting.size,
    thanksEntries: tally.thanks,
    checkins: tally.checkins,
  }));
}

function ratio(count: number, of: number): Ratio {
  return { count, of, rate: of === 0 ? null : count / of };
}

function questionOf(raw: unknown): QuestionStep | null {
  const step = record(raw);
  if (typeof step.type !== "string" || !(STEP_TYPES as readonly string[]).includes(step.type)) return null;
  const known = step as unknown as Step;
  return isQuestionStep(known) ? known : null;
}

/** A stored count, or 0 when it is missing or not one. */
function instant(value: unknown): Date | null {
  if (typeof value !== "string") return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
