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

/**
 * When a message was sent and its id, as the platform gives them. Messages sent in a row are
 * told apart by `at` (`burst.ts`), and the entries a message records are named after `id`.
 */
export interface Sent {
  /** When the user sent it (ISO instant), which may be a little before it arrives. */
  at: string;
  /** A unique id of the message (LINE's webhook event id). */
  id: string;
}

/** Everything a user can do that the dialogue reacts to. */
export type Input =
  /** The user added the bot as a friend (or unblocked it). `displayName` is null when the profile could not be read. */
  | { type: "followed"; displayName: string | null }
  /** The user blocked the bot. No reply can be sent. */
  | { type: "unfollowed" }
  /** The user typed text; `sent` tells when and which message it was, when known. */
  | { type: "textReceived"; text: string; sent?: Sent }
  /** The user tapped a button; `picked` is present for date/time pickers, `sent` as for text. */
  | { type: "postbackReceived"; data: string; picked?: PickedDateTime; sent?: Sent }
  /** The user sent something other than text. */
  | { type: "mediaReceived"; kind: MediaKind };
