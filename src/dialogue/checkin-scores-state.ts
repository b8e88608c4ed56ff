/**
 * What the state keeps of the latest check-ins for the consultants' alerts (`checkin-scores.ts`
 * reads and fills it). Apart from `state.ts`, which holds it in the profile, to keep that file short.
 */

/** How many check-in scores {@link CheckinScores} keeps: as many as make an alert. */
export const KEPT_SCORES = 3;

/**
 * The scores of the latest check-ins, oldest first (at most {@link KEPT_SCORES}), as of the
 * profile's `asOf`-th check-in: they are current while `asOf` equals the profile's `checkins`.
 * A state written by a release that did not keep them (one rolled back to) counts a check-in
 * without them, which leaves them behind, and they are filled in again from the entries.
 */
export interface CheckinScores {
  asOf: number;
  scores: number[];
}
