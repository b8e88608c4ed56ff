/**
 * The dialogue state of one user: versioned plain data, stored as-is in Firestore.
 * Only what the current step needs is kept; before consent it holds nothing but the
 * consent state, as PRODUCT.md §3.1 promises.
 */

/** Bump when {@link UserState} changes shape; an unknown version restarts politely. */
export const STATE_VERSION = 1;

/** Where the user is in the conversation. Each member names a situation. */
export type Step =
  /** Nothing has happened yet: no follow event has been seen. */
  | { type: "new" }
  /** The consent question is on screen. */
  | { type: "awaitingConsent" }
  /** Consent given; asked whether to start the first session now or later. */
  | { type: "awaitingStartChoice" }
  /** The user declined; the bot waits until they say 「はじめる」. */
  | { type: "declined" }
  /** Consent given, no question pending. */
  | { type: "resting" }
  /** First session, step 1: やりがい度 today on a 1–5 scale. */
  | { type: "awaitingWorkScore" };

/** Whether the user has agreed to the data use described in the consent message. */
export type Consent =
  | { status: "none" }
  | { status: "declined" }
  /** `at` is an ISO-8601 instant. */
  | { status: "given"; at: string };

/** The whole per-user dialogue state. */
export interface UserState {
  version: typeof STATE_VERSION;
  step: Step;
  consent: Consent;
}

/** The state of a user the bot has never seen. */
export function initialState(): UserState {
  return { version: STATE_VERSION, step: { type: "new" }, consent: { status: "none" } };
}
