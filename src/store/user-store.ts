/**
 * Storage of per-user dialogue state. One webhook event is one call of
 * {@link UserStore.runTurn}: one read and one atomic write of `users/{userId}`.
 */
import type { UserState } from "../dialogue/state";

/** How many handled webhook event ids a user document remembers for deduplication. */
export const RECENT_EVENT_IDS = 50;

/** A user document as read back; `state` is unvalidated and restored by the dialogue core. */
export interface StoredUser {
  state: unknown;
  /** Ids of the most recently handled webhook events, oldest first. */
  recentEventIds: string[];
}

/** What a turn writes back: the full next version of the user document. */
export interface UserWrite {
  state: UserState;
  recentEventIds: string[];
}

/** The result of planning a turn: an optional write and a value handed back to the caller. */
export interface TurnPlan<T> {
  write: UserWrite | null;
  result: T;
}

/** Where users live. Firestore in production and integration tests; memory in unit tests. */
export interface UserStore {
  /**
   * Reads `users/{userId}` (null when absent), calls `plan`, and commits its write in the
   * same transaction. `plan` may be called again when another turn of the same user
   * commits first, so it must be pure.
   */
  runTurn<T>(userId: string, plan: (stored: StoredUser | null) => TurnPlan<T>): Promise<T>;
  /** Deletes the user document and everything beneath it. */
  deleteUser(userId: string): Promise<void>;
}

/** Appends `eventId` to the remembered ids, keeping the newest {@link RECENT_EVENT_IDS}. */
export function rememberEvent(recent: readonly string[], eventId: string): string[] {
  return [...recent, eventId].slice(-RECENT_EVENT_IDS);
}
