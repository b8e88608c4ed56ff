/**
 * Inputs to the dialogue core: facts about what the user did, already translated from
 * LINE's webhook events by `src/line/events.ts`. Nothing here is LINE-specific.
 */

/** Non-text messages the bot cannot read; it answers kindly and stores nothing. */
export type MediaKind = "sticker" | "image" | "video" | "audio" | "file" | "location" | "other";

/** Values a date/time picker sends back with a postback. */
export interface PickedDateTime {
  date?: string;
  time?: string;
  datetime?: string;
}

/** Everything a user can do that the dialogue reacts to. */
export type Input =
  /** The user added the bot as a friend (or unblocked it). `displayName` is null when the profile could not be read. */
  | { type: "followed"; displayName: string | null }
  /** The user blocked the bot. No reply can be sent. */
  | { type: "unfollowed" }
  /** The user typed text. */
  | { type: "textReceived"; text: string }
  /** The user tapped a button; `picked` is present for date/time pickers. */
  | { type: "postbackReceived"; data: string; picked?: PickedDateTime }
  /** The user sent something other than text. */
  | { type: "mediaReceived"; kind: MediaKind };
