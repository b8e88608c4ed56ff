/**
 * Effects: commands the dialogue core asks the app to carry out. They are data; the core
 * never performs I/O itself. `recordEntry` is committed in the same transaction as the
 * state; the others run after the commit.
 */
import type { HandoffScope, MomentSource } from "./state";

/** A record in `users/{id}/entries`: a ありがとう moment or a やりがい度 answer. */
export type NewEntry =
  | { kind: "thanks"; text: string; source: MomentSource; feeling: string | null; deed: string | null; at: string }
  | { kind: "workScore"; score: number; note: string | null; at: string }
  /** A reflection check-in: this week's やりがい度, whether a ありがとう came, the action, the link to the WILL. */
  | { kind: "checkin"; score: number; thanks: boolean; actionStatus: ActionStatus | null; willLink: WillLink | null; at: string };

/** How the committed action went. */
export type ActionStatus = "done" | "partly" | "notYet";
/** Whether this week connected to the WILL. */
export type WillLink = "yes" | "partly" | "no";

/** Something the app must do for a turn. */
export type Effect =
  /** Store an entry, atomically with the state. */
  | { type: "recordEntry"; entry: NewEntry }
  /** Delete the user document and all entries; the state of this turn is not written. */
  | { type: "deleteUserData" }
  /** Append page `page` (0 = newest) of the user's entries as a carousel to the reply. */
  | { type: "showRecords"; page: number }
  /** Show the user everything stored about them (「データ確認」), before these replies. */
  | { type: "showStoredData" }
  /** Insert the insights chart (from the user's entries) before the last reply. */
  | { type: "showInsights" }
  /** Push the user's summary (and recent entries) to the operators, then tell the user. */
  | { type: "handOff"; scope: HandoffScope };
