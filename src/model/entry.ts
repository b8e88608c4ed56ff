/**
 * The records kept under each user (`users/{id}/entries`): ありがとう moments, やりがい度
 * answers and check-ins. Plain types shared by the dialogue, the insights, the store and the
 * jobs; this module imports nothing, so every layer can depend on it.
 */

/** What kind of ありがとう moment the user is telling. */
export type MomentSource = "thanked" | "thankedSomeone" | "longAgo" | "everyday";

/** How the committed action went. */
export type ActionStatus = "done" | "partly" | "notYet";

/** Whether this week connected to the WILL. */
export type WillLink = "yes" | "partly" | "no";

/**
 * How one committed step went (the learning loop): the step and its target date, できた / 少しできた
 * / まだ, how doing it felt and whether anyone reacted (both null when skipped, or for まだ).
 */
export interface StepOutcome {
  action: string;
  /** The step's target date, `yyyy-MM-dd` in Asia/Tokyo. */
  due: string;
  status: ActionStatus;
  feeling: string | null;
  reaction: string | null;
  /** ISO-8601 instant when the outcome was told. */
  at: string;
}

/** A record in `users/{id}/entries`: a ありがとう moment, a やりがい度 answer, a check-in or a step's outcome. */
export type NewEntry =
  | { kind: "thanks"; text: string; source: MomentSource; feeling: string | null; deed: string | null; at: string }
  | { kind: "workScore"; score: number; note: string | null; at: string }
  /** A reflection check-in: this week's やりがい度, whether a ありがとう came, the action, the link to the WILL. */
  | { kind: "checkin"; score: number; thanks: boolean; actionStatus: ActionStatus | null; willLink: WillLink | null; at: string }
  /** How a committed step went, told at its follow-up or a check-in ({@link StepOutcome}). */
  | ({ kind: "step" } & StepOutcome)
  /** The client's answer to a consultant's homework: what was asked (`ask`, as pushed at `askedAt`) and the answer. */
  | { kind: "homework"; homeworkId: string; askKind: "question" | "step"; ask: string; askedAt: string; answer: string; at: string };

/** One stored entry with its id, as read back for the records view, insights and hand-offs. */
export interface StoredEntry {
  id: string;
  entry: NewEntry;
}
