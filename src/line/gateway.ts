/**
 * The bot's view of LINE's Messaging API: the few calls it makes. Production uses
 * {@link createLineGateway} from `./client`; tests may use any other implementation. A call
 * that fails rejects with a `LineApiError` (`./error`), whose `retryable` tells the caller whether
 * another attempt may help.
 */
import type { messagingApi } from "@line/bot-sdk";

/** A LINE message object, as sent in reply and push requests. */
export type LineMessage = messagingApi.Message;

/** The Messaging API calls the bot needs. */
export interface LineGateway {
  /** Replies with up to five messages; the token is single use and valid for about a minute. */
  reply(replyToken: string, messages: LineMessage[]): Promise<void>;
  /**
   * Pushes messages to one user. `retryKey` (a UUID) makes the push idempotent at LINE for
   * 24 h; a duplicate answers 409, which counts as sent ("duplicate").
   */
  push(to: string, messages: LineMessage[], retryKey: string): Promise<"sent" | "duplicate">;
  /** This month's push quota: `limit` null when unlimited; `used` messages so far. */
  quota(): Promise<{ limit: number | null; used: number }>;
  /** The user's display name, or null when LINE does not give it (blocked, not a friend, error). */
  displayName(userId: string): Promise<string | null>;
  /** Makes the bot leave a group or room chat. */
  leave(source: { type: "group"; groupId: string } | { type: "room"; roomId: string }): Promise<void>;
  /** The id of the rich menu `aliasId` points to, or null when LINE knows no such alias. */
  richMenuOfAlias(aliasId: string): Promise<string | null>;
  /** Shows rich menu `richMenuId` to one user, over the default menu. */
  linkRichMenu(userId: string, richMenuId: string): Promise<void>;
  /** Takes away the user's own rich menu, so that they see the default one again. */
  unlinkRichMenu(userId: string): Promise<void>;
  /** Marks a user's message, and the ones before it, as read, with the token its webhook event carried. */
  markAsRead(markAsReadToken: string): Promise<void>;
  /** Shows the loading animation in a 1:1 chat for `seconds` (5 to 60, in steps of 5) or until the bot's next message. */
  showLoading(userId: string, seconds: number): Promise<void>;
}
