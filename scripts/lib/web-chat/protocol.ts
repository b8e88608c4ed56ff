/**
 * What the web chat's page and its local server say to each other (types only, so that both
 * the Node server and the browser bundle compile it). The page asks for {@link UserAction}s;
 * the server turns each into a signed webhook event and streams the user's
 * {@link TimelineEntry}s back over Server-Sent Events.
 */

/** The sticker the page sends: one of LINE's free sticker packages. */
export const WEB_CHAT_STICKER = { packageId: "446", stickerId: "1988" } as const;

/** How large (characters of a data URL) the preview of a sent image may be. */
export const MAX_IMAGE_PREVIEW_CHARS = 200_000;

/** Something the user does in the page; the server sends it to the webhook as LINE would. */
export type UserAction =
  /** Typed text, or a quick reply / Flex button with a message action. */
  | { type: "text"; text: string }
  /**
   * A postback from a quick reply, a Flex button or a rich-menu area. `displayText` is what
   * LINE shows in the chat as the user's message; `params` carries a datetimepicker's pick.
   */
  | { type: "postback"; data: string; displayText?: string; params?: Record<string, string> }
  /** The page's one sticker ({@link WEB_CHAT_STICKER}). */
  | { type: "sticker" }
  /** An image; `preview` is a small data URL the page shows in the chat (never sent to the bot). */
  | { type: "image"; preview?: string }
  /** Adds the bot as a friend for the first time. */
  | { type: "follow" }
  /** Blocks the bot (LINE's unfollow event). */
  | { type: "block" }
  /** Unblocks the bot (a follow event with `isUnblocked: true`). */
  | { type: "unblock" };

/** The server's answer to a {@link UserAction}. */
export interface SendResult {
  /** The webhook's HTTP status (200 when the bot took the event). */
  status: number;
  /** The user's last timeline entry once the webhook answered: the page is up to date when it has seen it. */
  seq: number;
}

/** One item of a user's chat, in order; `seq` grows across all users and never repeats. */
export type TimelineEntry = { seq: number; at: string } & (
  | /** What the user sent, as LINE shows it on their side. */ {
      type: "sent";
      message: { type: "text"; text: string } | { type: "sticker" } | { type: "image"; preview?: string };
    }
  | /**
     * Messages the account sent this user (the raw LINE message objects): the bot's, in one reply
     * or push request, or a consultant's from the Official Account chat (`chat`, not a push).
     */ {
      type: "received";
      delivery: "reply" | "push" | "multicast" | "chat";
      messages: unknown[];
    }
  | /** The user followed, blocked or unblocked the bot. */ { type: "friendship"; change: "followed" | "blocked" | "unblocked" }
  | /** A consultant was sent a push (a hand-off request) while this user's message was handled. */ {
      type: "operatorNotified";
      messages: unknown[];
    }
  | /** The rich menu under the user's chat changed (their stage did); null when there is none. */ {
      type: "menu";
      menu: WebRichMenu | null;
    }
);

/** The rich menu as the page draws it: LINE's rich menu object and the image's address. */
export interface WebRichMenu {
  richMenuId: string;
  /** The menu's name, which says its stage (`will-note richmenu main …`). */
  name: string;
  imageUrl: string;
  size: { width: number; height: number };
  chatBarText: string;
  selected: boolean;
  areas: {
    bounds: { x: number; y: number; width: number; height: number };
    action: { type: "postback"; data: string; displayText: string };
  }[];
}

/** What the page learns about its user when it opens. */
export interface SessionInfo {
  userId: string;
  /** Whether the bot already knows this user (a follow was sent before). */
  known: boolean;
  /** Whether the user has blocked the bot. */
  blocked: boolean;
  /** Whether this id is a consultant's (hand-off pushes arrive here; no follow is sent). */
  operator: boolean;
  /** The consultants' ids, to open their side of a hand-off. */
  operatorIds: string[];
  /** The consultants' console, which the ⋯ menu opens; null when the local stack runs none. */
  consoleUrl: string | null;
  /** The rich menu the user sees now (their own, else the default); null when the channel has none. */
  richMenu: WebRichMenu | null;
}

/** A client's chat in the Official Account chat's list. */
export interface OaChatSummary {
  /** The client's 受付番号. */
  code: string;
  lastAt: string | null;
  lastText: string | null;
}
