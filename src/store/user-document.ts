/**
 * The shape of a `users/{lineUserId}` document, read and written by the webhook's turns
 * (`firestore-store.ts`) and the reminder job's completions alike.
 *
 * The dialogue state is stored as one JSON string, `stateJson`: the Firestore client then
 * encodes and decodes one string per turn instead of a large nested map, which was most of
 * a turn's CPU. The state keeps its own `version` inside the string; an unknown version is
 * restored politely by the core. Beside it, the few top-level fields that queries and the
 * report read, each derived from the state on every write and never written on its own:
 *
 * - `nextReminderAt` (timestamp or null): the reminder job's due query;
 * - `nextFollowUpAt` (timestamp or null): the follow-up pass's due query (the state's `followUp.next`);
 * - `following` (boolean): the retention sweep's query, with `updatedAt`;
 * - `report` (JSON string): the handful of facts the operators' report counts (steps,
 *   consent, reminder kind, last activity), so that the report never reads answer text;
 * - `recentEvents` (string): the ids of the handled webhook events, oldest first, separated
 *   by spaces, for deduplication (one string, again, rather than an array of 50);
 * - `handoverCode` (string, once the user has asked for a consultant or shared their notes):
 *   the user's 受付番号, which an operator's 「対応 <code>」 and the console look up;
 * - `sharedSince` (timestamp or null): since when the user shares their notes with the
 *   consultants (the state's `sharing`), the console's query;
 * - `consoleAlert` (boolean): whether the consultants' alerts list the user (they share, and
 *   their latest three check-ins were all やりがい度 ≤ 2 or they asked to be contacted after a
 *   crisis reply; see the dialogue's `consoleAlert`), the alerts' one query;
 * - `handoverUntil` (timestamp or null): when a running hand-over goes idle, the hand-over
 *   job's due query;
 * - `lastCommit` (string): the commit id of the webhook write that stored this version, which
 *   tells the turn queue that an attempt whose answer was lost did land;
 * - `updatedAt` (timestamp): the last write.
 *
 * Every field belongs to the webhook's turn, which writes the document whole (no field
 * mask to encode); the reminder job writes the same state fields through
 * {@link stateFields}. Documents written before this shape hold the state as a nested map
 * under `state` and the event ids as an array under `recentEventIds`. They are read as they
 * are and rewritten in this shape, without those two fields, on their next turn.
 */
import type { DocumentData } from "@google-cloud/firestore";
import { consoleAlert, type UserState } from "../dialogue";
import { userTag } from "../log";

/** The top-level field holding the dialogue state as JSON. */
export const STATE_JSON = "stateJson";
/** The nested-map state field of documents written before {@link STATE_JSON}. */
export const LEGACY_STATE = "state";
/** The top-level copy of the state's `following`, which the retention sweep queries. */
export const FOLLOWING = "following";
/** The top-level copy of the state's next reminder, which the reminder job queries. */
export const NEXT_REMINDER_AT = "nextReminderAt";
/** The user's 受付番号, once they have asked for a consultant (written by turns only). */
export const HANDOVER_CODE = "handoverCode";
/** Since when the user shares their notes with the consultants; null when not (the console's query). */
export const SHARED_SINCE = "sharedSince";
/** Whether the consultants' alerts list the user: the alerts' query. */
export const CONSOLE_ALERT = "consoleAlert";
/** When a running hand-over goes idle: the hand-over job's due query. */
export const HANDOVER_UNTIL = "handoverUntil";
/** The top-level copy of the state's next follow-up (`followUp.next.at`), which the follow-up pass queries. */
export const NEXT_FOLLOW_UP_AT = "nextFollowUpAt";
/** The operators' report facts as JSON (see {@link ReportFacts}). */
export const REPORT = "report";
/** When the document was last written. */
export const UPDATED_AT = "updatedAt";
/** The ids of the most recently handled webhook events, separated by spaces. */
export const RECENT_EVENTS = "recentEvents";
/** The id of the turn queue's write that stored this version (see `turn-queue.ts`). */
export const LAST_COMMIT = "lastCommit";
/** The array of event ids of documents written before {@link RECENT_EVENTS}. */
export const LEGACY_RECENT_EVENT_IDS = "recentEventIds";

/** The fields every write of the state replaces, whole. */
export const STATE_FIELDS = [
  STATE_JSON,
  NEXT_REMINDER_AT,
  HANDOVER_UNTIL,
  NEXT_FOLLOW_UP_AT,
  FOLLOWING,
  SHARED_SINCE,
  CONSOLE_ALERT,
  REPORT,
  UPDATED_AT,
] as const;

/**
 * The reference code (受付番号) of a user: eight hex digits derived from the LINE id, the same
 * each time, shown to the user and to the operators.
 */
export function handoverCode(userId: string): string {
  return userTag(`handoff:${userId}`).slice(0, 8).toUpperCase();
}

/** Whether the user's document carries their 受付番号: once they asked for a consultant or shared their notes. */
export function carriesCode(state: UserState): boolean {
  return state.tally.handoversRequested > 0 || state.sharing !== null;
}

/**
 * What the operators' report reads of a user: a skeleton of the state with only step and
 * status names, flags and times, never an answer. Shaped like the state so that the
 * report reads old and new documents alike.
 */
export interface ReportFacts {
  step: { type: string };
  paused: { type: string } | null;
  consent: { status: string };
  profile: { completedFirstSession: boolean; reminder: { schedule: { kind: string } } | null };
  lastActiveAt: string | null;
  following: boolean;
  /** Whether a hand-over is requested or under way, by status only. */
  handover: { status: string } | null;
  /** The state's counts (hand-overs, escalations, follow-ups): numbers only. */
  tally: UserState["tally"];
}

/** The state's stored form: the dialogue state, unvalidated; undefined when the document has none. */
export function readState(data: DocumentData | undefined): unknown {
  if (data === undefined) return undefined;
  const json: unknown = data[STATE_JSON];
  if (typeof json === "string") {
    try {
      return JSON.parse(json) as unknown;
    } catch {
      // A damaged string restores like any damaged state: the core restarts the user politely.
      return null;
    }
  }
  return data[LEGACY_STATE];
}

/** The handled event ids stored in `data`, oldest first, from either shape. */
export function readRecentEvents(data: DocumentData | undefined): string[] {
  const text: unknown = data?.[RECENT_EVENTS];
  if (typeof text === "string") return text === "" ? [] : text.split(" ");
  const legacy: unknown = data?.[LEGACY_RECENT_EVENT_IDS];
  return Array.isArray(legacy) ? legacy.filter((id): id is string => typeof id === "string") : [];
}

/** The stored form of `ids` ({@link RECENT_EVENTS}); LINE's event ids hold no spaces. */
export function recentEventsField(ids: readonly string[]): string {
  return ids.join(" ");
}

/**
 * The fields that store `state` at `now` (see {@link STATE_FIELDS}). `removeLegacy` is the
 * value that deletes a nested-map `state` field (Firestore's `FieldValue.delete()`), given
 * when the document being replaced has one.
 */
export function stateFields(state: UserState, now: Date, removeLegacy?: unknown): DocumentData {
  // While a consultant is with the user, nothing is due: the hand-over's end moves the reminder on.
  const away = state.handover?.status === "active";
  const nextAt = away ? null : (state.profile.reminder?.nextAt ?? null);
  const followUpAt = away ? null : (state.followUp.next?.at ?? null);
  const until = state.handover?.status === "active" ? state.handover.until : null;
  return {
    [STATE_JSON]: JSON.stringify(state),
    [NEXT_REMINDER_AT]: nextAt === null ? null : new Date(nextAt),
    [HANDOVER_UNTIL]: until === null ? null : new Date(until),
    [NEXT_FOLLOW_UP_AT]: followUpAt === null ? null : new Date(followUpAt),
    [FOLLOWING]: state.following,
    [SHARED_SINCE]: state.sharing === null ? null : new Date(state.sharing.since),
    [CONSOLE_ALERT]: consoleAlert(state),
    [REPORT]: JSON.stringify(reportFacts(state)),
    [UPDATED_AT]: now,
    ...(removeLegacy === undefined ? {} : { [LEGACY_STATE]: removeLegacy }),
  };
}

/** The {@link ReportFacts} of `state`. */
export function reportFacts(state: UserState): ReportFacts {
  const reminder = state.profile.reminder;
  return {
    step: { type: state.step.type },
    paused: state.paused === null ? null : { type: state.paused.type },
    consent: { status: state.consent.status },
    profile: {
      completedFirstSession: state.profile.completedFirstSession,
      reminder: reminder === null ? null : { schedule: { kind: reminder.schedule.kind } },
    },
    lastActiveAt: state.lastActiveAt,
    following: state.following,
    handover: state.handover === null ? null : { status: state.handover.status },
    tally: state.tally,
  };
}
