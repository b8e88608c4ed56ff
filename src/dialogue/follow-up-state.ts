/** The follow-ups a user's state plans (PRODUCT.md §3.8); decided by `follow-up.ts`, sent by the reminder pass. */

/** The next follow-up push (PRODUCT.md §3.8), which the reminder pass sends; `at` is an ISO instant. */
export type FollowUpPush =
  /** Nudge `n` (the first or the last) back to the first-session question the user left unanswered. */
  | { kind: "nudge"; n: 1 | 2; at: string }
  /** The one follow-up on the action's target date `date` ("yyyy-MM-dd"). */
  | { kind: "action"; date: string; at: string }
  /** The one care message the user agreed to after a crisis reply: how are you now? */
  | { kind: "care"; at: string };

/** A user's follow-ups; decided by the core (`follow-up.ts`), sent by the reminder pass. */
export interface FollowUps {
  /** The next push; null when there is none to send. */
  next: FollowUpPush | null;
  /** The action date ("yyyy-MM-dd") the user asked one follow-up for, until it is sent or the action changes. */
  actionDate: string | null;
  /** When the latest follow-up was pushed (ISO instant); cleared by the user's next message. */
  pushedAt: string | null;
}

/** Follow-ups with nothing planned or asked for. */
export function emptyFollowUps(): FollowUps {
  return { next: null, actionDate: null, pushedAt: null };
}
