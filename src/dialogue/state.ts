/**
 * The dialogue state of one user: versioned plain data, stored as-is in Firestore.
 * Before consent it holds nothing but the step and the consent state (PRODUCT.md §3.1).
 */
import type { ReminderSchedule } from "../calendar/schedule";
import type { ActionStatus, MomentSource, StepOutcome } from "../model/entry";
import type { Burst } from "./burst-state";
import type { CheckinScores } from "./checkin-scores-state";
import { emptyFollowUps, type FollowUps } from "./follow-up-state";
import type { HomeworkAsk } from "./homework-ask";
import type { QuestionStep, Step } from "./step";

export { emptyFollowUps, type FollowUpPush, type FollowUps } from "./follow-up-state";
export { KEPT_SCORES, type CheckinScores } from "./checkin-scores-state";
export type { HomeworkAsk } from "./homework-ask";

/** Bump when {@link UserState} changes shape; an unknown version restarts politely. */
export const STATE_VERSION = 1;

/** The values a user can pick (PRODUCT.md §3.2 step 3); their labels live in content. */
export const VALUE_IDS = [
  "helpOthers",
  "growOthers",
  "solveProblems",
  "createNew",
  "teach",
  "teamwork",
  "mastery",
  "freedom",
  "challenge",
  "stability",
] as const;
/** One value from {@link VALUE_IDS}. */
export type ValueId = (typeof VALUE_IDS)[number];

/** A ありがとう moment as told in the first session. */
export interface Moment {
  text: string;
  source: MomentSource;
  feeling: string | null;
  deed: string | null;
}

/** Answers collected during the first session, before they become the profile. */
export interface SessionDraft {
  /** やりがい度 1–5, recorded as an entry once the もやもや question is answered. */
  workScore: number | null;
  moments: Moment[];
  values: ValueId[];
  /** Values the user named that are not on the list (誠実さ); with `values`, at most three. */
  ownValues: string[];
  willWho: string | null;
  willWhat: string | null;
  /** How many 思いつかない in a row the latest answers were; absent when the latest was not one. */
  blanks?: number;
}

/** The user's WILL statement with its earlier versions, newest last. */
export interface Will {
  statement: string;
  /** ISO-8601 instant when it was set. */
  at: string;
  history: { statement: string; at: string }[];
}

/** How far ahead an action's target date may be, in days. */
export const MAX_DUE_DAYS = 365;

/** The small action the user committed to. */
export interface CommittedAction {
  text: string;
  /** Target date, `yyyy-MM-dd` in Asia/Tokyo. */
  due: string;
}

/** Reminder settings; `nextAt` (ISO instant) is what the reminder job queries, null while blocked. */
export interface Reminder {
  schedule: ReminderSchedule;
  nextAt: string | null;
}

/** What the user has decided so far; shown on the WILL card. */
export interface Profile {
  values: ValueId[];
  /** Values the user named themselves, shown after the listed ones. */
  ownValues: string[];
  /** Up to three moments behind the WILL, as the user told them (cards shorten what they show). */
  moments: string[];
  will: Will | null;
  action: CommittedAction | null;
  reminder: Reminder | null;
  /** Whether the first session reached its summary at least once. */
  completedFirstSession: boolean;
  /** How many reflection check-ins the user has finished. */
  checkins: number;
  /** The latest やりがい度 (first session or check-in), to notice a drop; null before the first. */
  lastScore: number | null;
  /**
   * The やりがい度 of the latest check-ins, for the consultants' alerts; absent in a state stored
   * before they were kept, until the store fills them in from the entries.
   */
  checkinScores?: CheckinScores;
  /** The latest step outcomes, oldest first (≤ {@link STEP_HISTORY}); the last feeds the next check-in, which marks it `recalled`. */
  steps: (StepOutcome & { recalled?: true })[];
}

/** How many step outcomes the profile keeps for the timeline (every one is also an entry). */
export const STEP_HISTORY = 10;

/** Answers of a reflection check-in in progress. */
export interface Reflection {
  score: number | null;
  thanks: boolean;
  actionStatus: ActionStatus | null;
  /** The earlier step this check-in recalls at its WILL question: the outcome's time, the step and how it felt. */
  recall?: { at: string; action: string; feeling: string };
}

/** Whether the user has agreed to the data use described in the consent message. */
export type Consent =
  | { status: "none" }
  | { status: "declined" }
  /** `at` is an ISO-8601 instant. */
  | { status: "given"; at: string };

/**
 * A consultant hand-over (相談したい, then an operator's 対応). While `requested`, the bot goes
 * on as usual; while `active`, the bot stays silent for this user (replies, reminders and
 * follow-ups) until the operator ends it, the user says 「ボットに戻る」 or `until` passes.
 */
export type Handover =
  /**
   * The hand-off was sent to the operators; `at` is an ISO instant. `crisis` marks a request
   * the user agreed to after a crisis message: urgent for the consultant, and its decline
   * shows the consultation lines again instead of a booking link.
   */
  | { status: "requested"; at: string; crisis?: true }
  /**
   * An operator took over: `operator` is their LINE user id (an id from the operator's
   * configuration), `requestedAt` and `takenAt` ISO instants; the bot comes back at `until`
   * unless the user writes again, which moves it `idleMs` on.
   */
  | { status: "active"; operator: string; requestedAt: string; takenAt: string; idleMs: number; until: string };

/** Why a hand-over ended: the operator ended it, the user went back to the bot, it went idle, the user deleted their data or blocked the bot. */
export type HandoverEnd = "operator" | "user" | "idle" | "deleted" | "blocked";

/**
 * Counts the operators' report reads (`npm run stats`): what happened to this user across
 * hand-overs, follow-ups and escalations. Never any text.
 */
export interface Tally {
  handoversRequested: number;
  handoversTaken: number;
  handoversEnded: number;
  /** Milliseconds from request to take-over, of the latest hand-overs (at most five). */
  takeOverMs: number[];
  /** Crisis escalations the user agreed to. */
  escalations: number;
  /** Follow-up nudges and action follow-ups pushed. */
  followUpsSent: number;
  /** Follow-ups after which the user wrote again within 48 hours. */
  followUpsResumed: number;
  /** Homework pushed from the console (a consultant's question or suggested step), and answered. */
  homeworkSent: number;
  homeworkAnswered: number;
}

/**
 * What the bot keeps to look after a user once a safety reply was given (PRODUCT.md §3.6):
 * times and flags only, never what the user wrote.
 */
export interface Care {
  /** When the latest crisis (acute) reply was given, an ISO instant; nudges wait a week after it. */
  acuteAt: string | null;
  /** Whether the next contact that starts a new session first asks how the user is. */
  askHow: boolean;
  /** When the one line pointing to work-related help was shown this session (ISO instant); null when not yet. */
  helpLineAt: string | null;
  /** When the one care message the user agreed to is due (ISO instant); null when none waits. */
  messageAt: string | null;
}

/** The whole per-user dialogue state. */
export interface UserState {
  version: typeof STATE_VERSION;
  step: Step;
  consent: Consent;
  /** A question left for a side flow (a command, a pause); resumed when that flow ends. */
  paused: QuestionStep | null;
  /** Answers of the first session in progress. */
  draft: SessionDraft | null;
  /** Answers of a check-in in progress. */
  reflection: Reflection | null;
  profile: Profile;
  /** ISO instant of the user's last message; null before the first. */
  lastActiveAt: string | null;
  /** Whether the user currently has the bot as a friend (false after blocking). */
  following: boolean;
  /** A consultant hand-over requested or under way; null when there is none. */
  handover: Handover | null;
  /** Since when (ISO instant) the client shares their notes with the consultants (「担当者と共有する」); null when not. */
  sharing: { since: string } | null;
  /** Homework from a consultant waiting for the client's answer; null when none waits. */
  homework: HomeworkAsk | null;
  /** Counts for the operators' report. */
  tally: Tally;
  /** Gentle follow-ups: nudges back to an unfinished first session, or one on the action's date. */
  followUp: FollowUps;
  /** Care after a safety reply: asking how the user is, the help line once a session, the care message. */
  care: Care;
  /** Messages in a row: the answer just given, which a correction amends; absent when there is none. */
  burst?: Burst<UserState>;
}

/** An empty profile. */
export function emptyProfile(): Profile {
  return {
    values: [],
    ownValues: [],
    moments: [],
    will: null,
    action: null,
    reminder: null,
    completedFirstSession: false,
    checkins: 0,
    lastScore: null,
    checkinScores: { asOf: 0, scores: [] },
    steps: [],
  };
}

/** A tally with nothing counted. */
export function emptyTally(): Tally {
  return {
    handoversRequested: 0,
    handoversTaken: 0,
    handoversEnded: 0,
    takeOverMs: [],
    escalations: 0,
    followUpsSent: 0,
    followUpsResumed: 0,
    homeworkSent: 0,
    homeworkAnswered: 0,
  };
}

/** Care with nothing to do: no safety reply given yet. */
export function emptyCare(): Care {
  return { acuteAt: null, askHow: false, helpLineAt: null, messageAt: null };
}

/** Whether a consultant is talking with the user, so that the bot stays silent. */
export function withConsultant(state: UserState): boolean {
  return state.handover?.status === "active";
}

/**
 * The state once a hand-off was sent: a request waits for an operator (a running hand-over
 * stays). A `crisis` request stays one until an operator answers it.
 */
export function requestHandover(state: UserState, now: Date, crisis = false): UserState {
  if (state.handover?.status === "active") return state;
  const urgent = crisis || (state.handover?.status === "requested" && state.handover.crisis === true);
  return {
    ...state,
    handover: urgent ? { status: "requested", at: now.toISOString(), crisis: true } : { status: "requested", at: now.toISOString() },
    tally: { ...state.tally, handoversRequested: state.tally.handoversRequested + 1 },
  };
}

/** An empty first-session draft. */
export function emptyDraft(): SessionDraft {
  return { workScore: null, moments: [], values: [], ownValues: [], willWho: null, willWhat: null };
}

/** The state of a user the bot has never seen. */
export function initialState(): UserState {
  return {
    version: STATE_VERSION,
    step: { type: "new" },
    consent: { status: "none" },
    paused: null,
    draft: null,
    reflection: null,
    profile: emptyProfile(),
    lastActiveAt: null,
    following: true,
    handover: null,
    sharing: null,
    homework: null,
    tally: emptyTally(),
    followUp: emptyFollowUps(),
    care: emptyCare(),
  };
}
