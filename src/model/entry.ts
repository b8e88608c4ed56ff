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

/** A record in `users/{id}/entries`: a ありがとう moment or a やりがい度 answer. */
export type NewEntry =
  | { kind: "thanks"; text: string; source: MomentSource; feeling: string | null; deed: string | null; at: string }
  | { kind: "workScore"; score: number; note: string | null; at: string }
  /** A reflection check-in: this week's やりがい度, whether a ありがとう came, the action, the link to the WILL. */
  | { kind: "checkin"; score: number; thanks: boolean; actionStatus: ActionStatus | null; willLink: WillLink | null; at: string };

/** One stored entry with its id, as read back for the records view, insights and hand-offs. */
export interface StoredEntry {
  id: string;
  entry: NewEntry;
}
