/**
 * Facts the scheduled jobs learn outside a conversation, and the state each one leaves. A
 * job never edits the stored state itself: it hands the stored state and its fact to
 * {@link afterJob}, and stores the state the core gives back, like a webhook turn does.
 */
import { idleEnding } from "./handover";
import { afterFollowUpSent, withoutFollowUp } from "./follow-up";
import { restoreState } from "./restore";
import type { UserState } from "./state";
import { advance } from "./transition";

/** What a job learnt about one user. */
export type JobInput =
  /** The reminder of a slot was pushed (or LINE already had it): the schedule moves on to `nextAt`. */
  | { type: "reminderSent"; nextAt: Date }
  /** LINE does not know the user any more (a push answered 404): the same as an unfollow. */
  | { type: "userUnreachable" }
  /** The state holds no reminder to send (none chosen, or the user unfollowed): the slot is dropped. */
  | { type: "reminderDropped" }
  /** A consultant's hand-over went idle and the user was told the bot is back. */
  | { type: "handoverIdle" }
  /** The due follow-up was pushed (or LINE already had it): counted, and the second nudge planned after the first. */
  | { type: "followUpSent" }
  /** The due follow-up no longer fits the user (paused, finished, with a consultant …): nothing is planned. */
  | { type: "followUpDropped" };

/**
 * The state after `input`, from the stored state (unvalidated) at `now`. A stored state
 * that does not restore cleanly is restored the way a webhook turn restores it.
 */
export function afterJob(stored: unknown, input: JobInput, now: Date): UserState {
  switch (input.type) {
    case "userUnreachable":
      return advance(stored, { type: "unfollowed" }, now).state;
    case "reminderSent": {
      // A user who unfollowed since the push keeps no next slot, as an unfollow leaves it.
      const state = restoreState(stored).state;
      return withNextAt(state, state.following ? input.nextAt.toISOString() : null);
    }
    case "reminderDropped":
      return withNextAt(restoreState(stored).state, null);
    case "handoverIdle":
      return idleEnding(stored, now)?.state ?? restoreState(stored).state;
    case "followUpSent":
      return afterFollowUpSent(restoreState(stored).state, now);
    case "followUpDropped":
      return withoutFollowUp(restoreState(stored).state);
  }
}

function withNextAt(state: UserState, nextAt: string | null): UserState {
  const reminder = state.profile.reminder;
  return reminder === null ? state : { ...state, profile: { ...state.profile, reminder: { ...reminder, nextAt } } };
}
