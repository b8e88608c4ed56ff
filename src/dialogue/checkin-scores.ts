/**
 * What the consultants' alerts read of a client's state (issue 22, item 5): a client who shares
 * is listed when their latest three check-ins were all やりがい度 ≤ 2, or when they tapped
 * 連絡してほしい after a crisis reply. The state keeps the latest check-ins' scores
 * ({@link CheckinScores}), counted with the check-in itself, so that {@link consoleAlert} can be
 * stored beside the state on every write and the alerts are one query.
 *
 * A state stored before the scores were kept has none, and one written by an older release
 * may have counted check-ins without them: the store fills them in from the check-in entries,
 * in the transaction of the client's next turn ({@link scoresWanted}, {@link withFilledScores}).
 */
import { isCount, isRecord, isScore } from "./restore-checks";
import { KEPT_SCORES, type CheckinScores } from "./checkin-scores-state";
import type { Profile, UserState } from "./state";

/** The score at or under which a check-in counts towards an alert. */
export const ALERT_SCORE = 2;
/** How many check-ins in a row make an alert. */
export const ALERT_RUN = KEPT_SCORES;

/** A check-in entry as stored, for filling the scores in. */
export interface StoredCheckin {
  id: string;
  at: string;
  score: number;
}

/**
 * The profile's kept scores once a check-in scored `score` is counted (`profile` still before
 * it). Scores that are not current stay as they are: the store fills them in from the entries.
 */
export function scoresAfterCheckin(profile: Profile, score: number): CheckinScores | undefined {
  const kept = profile.checkinScores;
  if (kept === undefined || kept.asOf !== profile.checkins) return kept;
  return { asOf: profile.checkins + 1, scores: [...kept.scores, score].slice(-KEPT_SCORES) };
}

/** The latest {@link ALERT_RUN} check-in scores, oldest first, when they are current and all ≤ {@link ALERT_SCORE}; null otherwise. */
export function lowScores(state: UserState): number[] | null {
  const kept = state.profile.checkinScores;
  if (kept === undefined || kept.asOf !== state.profile.checkins) return null;
  const latest = kept.scores.slice(-ALERT_RUN);
  return latest.length === ALERT_RUN && latest.every((score) => score <= ALERT_SCORE) ? latest : null;
}

/** Whether the client tapped 連絡してほしい after a crisis reply and no consultant has taken it yet (a crisis reply alone never is). */
export function contactRequested(state: UserState): boolean {
  return state.handover?.status === "requested" && state.handover.crisis === true;
}

/** Whether the consultants' alerts list this client: they share, and {@link lowScores} or {@link contactRequested}. */
export function consoleAlert(state: UserState): boolean {
  return state.sharing !== null && (lowScores(state) !== null || contactRequested(state));
}

/** Whether a stored value is a {@link CheckinScores}. */
export function isCheckinScores(raw: unknown): raw is CheckinScores {
  return (
    isRecord(raw) &&
    isCount(raw.asOf) &&
    Array.isArray(raw.scores) &&
    raw.scores.length <= KEPT_SCORES &&
    raw.scores.every((score) => isScore(score))
  );
}

/** Whether a stored state, or the earlier state its burst keeps, lacks current check-in scores. */
export function scoresWanted(raw: unknown): boolean {
  if (!isRecord(raw)) return false;
  const answer = burstAnswer(raw);
  return stale(raw.profile) || (answer !== null && isRecord(answer.before) && stale(answer.before.profile));
}

/**
 * A stored state with its check-in scores (and those of the earlier state its burst keeps)
 * filled in from `checkins`, every check-in entry stored for the user. The burst's earlier
 * state is before its answer, so the entries that answer recorded are left out of its scores.
 */
export function withFilledScores(raw: unknown, checkins: readonly StoredCheckin[]): unknown {
  if (!isRecord(raw)) return raw;
  const sorted = checkins.filter((c) => isScore(c.score)).sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id));
  const filled = fill(raw, sorted);
  const answer = burstAnswer(raw);
  if (answer === null || !isRecord(answer.before) || !isRecord(raw.burst)) return filled;
  const recorded = new Set(answer.entries);
  const before = fill(
    answer.before,
    sorted.filter((c) => !recorded.has(c.id)),
  );
  return { ...filled, burst: { ...raw.burst, answer: { ...answer, before } } };
}

function fill(raw: Record<string, unknown>, sorted: readonly StoredCheckin[]): Record<string, unknown> {
  const profile = raw.profile;
  if (!isRecord(profile) || !stale(profile)) return raw;
  const checkinScores: CheckinScores = { asOf: countOf(profile), scores: sorted.slice(-KEPT_SCORES).map((c) => c.score) };
  return { ...raw, profile: { ...profile, checkinScores } };
}

function stale(profile: unknown): boolean {
  if (!isRecord(profile)) return false;
  const kept = profile.checkinScores;
  return !(isCheckinScores(kept) && kept.asOf === countOf(profile));
}

/** The profile's check-in count as restored (a profile from before the count has none: 0). */
function countOf(profile: Record<string, unknown>): number {
  return isCount(profile.checkins) ? (profile.checkins as number) : 0;
}

function burstAnswer(raw: Record<string, unknown>): (Record<string, unknown> & { entries: unknown[] }) | null {
  const burst = raw.burst;
  if (!isRecord(burst) || !isRecord(burst.answer) || !Array.isArray(burst.answer.entries)) return null;
  return burst.answer as Record<string, unknown> & { entries: unknown[] };
}
