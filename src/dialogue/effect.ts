/**
 * Effects: commands the dialogue core asks the app to carry out. They are data; the core
 * never performs I/O itself. `recordEntry` and `removeEntry` are committed in the same
 * transaction as the state; the others run after the commit.
 */
import type { NewEntry } from "../model/entry";
import type { HandoverEnd } from "./state";
import type { HandoffScope } from "./step";

/** How many recent entries a hand-off shares when the user chose to share them. */
export const HANDOFF_ENTRIES = 10;

/** Something the app must do for a turn. */
export type Effect =
  /**
   * Store an entry, atomically with the state; under `id` when given (an answer that a
   * correction may amend, which writes the same id again), else under an id the app derives
   * from the event.
   */
  | { type: "recordEntry"; entry: NewEntry; id?: string }
  /** Remove the entry `id`, atomically with the state: an answer corrected or taken back recorded it. */
  | { type: "removeEntry"; id: string }
  /** Delete the user document and all entries; the state of this turn is not written. */
  | { type: "deleteUserData" }
  /** Append page `page` (0 = newest) of the user's entries as a carousel to the reply. */
  | { type: "showRecords"; page: number }
  /** Show the user everything stored about them (「データ確認」), before these replies. */
  | { type: "showStoredData" }
  /**
   * Insert the insights chart (from the user's entries) before the last reply; `lookBack` (at
   * the end of a check-in) adds the look back at last month when this is the month's first check-in.
   */
  | { type: "showInsights"; lookBack?: true }
  /** Make the user's 振り返りシート from their entries, keep it behind a new link, and show it before these replies. */
  | { type: "showSheet" }
  /**
   * Push the user's summary (and recent entries) to the operators, with what the user wants to
   * talk about (`topic`, null when skipped), then tell the user. The topic is never logged.
   */
  | { type: "handOff"; scope: HandoffScope; topic: string | null }
  /**
   * Tell the operator who had taken the user over that the hand-over ended (the user's 受付番号
   * is the app's), and record when it ended on the hand-over taken at `takenAt`.
   */
  | { type: "notifyOperator"; operator: string; reason: HandoverEnd; takenAt: string }
  /** The user in crisis agreed that their consultant contact them: tell the operators (the 受付番号 only, never the text). */
  | { type: "escalate" };
