/**
 * A {@link LineGateway} that talks to no one: it records every call in order and answers
 * display names and rich menu aliases from maps. The second implementation next to `./client`, for unit tests,
 * transcripts and experiments without a network.
 */
import type { LineGateway, LineMessage } from "./gateway";

/** The display name answered for a user the {@link RecordingGatewayOptions.displayNames} map does not name. */
export const DEFAULT_DISPLAY_NAME = "テストユーザー";

/** One call the bot made, as {@link createRecordingGateway} recorded it. Messages are copies. */
export type RecordedLineCall =
  /** A reply; `target` is the reply token. */
  | { kind: "reply"; target: string; messages: LineMessage[]; retryKey: null }
  /** A push; `target` is the user id, `retryKey` the X-Line-Retry-Key the bot chose. */
  | { kind: "push"; target: string; messages: LineMessage[]; retryKey: string }
  /** Leaving a shared chat; `target` is the group or room id. */
  | { kind: "leave"; target: string; messages: []; retryKey: null }
  /** Linking rich menu `richMenuId` to user `target`, or unlinking theirs (`richMenuId` null). */
  | { kind: "richMenu"; target: string; richMenuId: string | null; messages: []; retryKey: null }
  /** Marking messages read; `target` is the mark-as-read token. */
  | { kind: "markAsRead"; target: string; messages: []; retryKey: null }
  /** The loading animation in user `target`'s chat. */
  | { kind: "loading"; target: string; seconds: number; messages: []; retryKey: null };

/** How a {@link createRecordingGateway} answers. */
export interface RecordingGatewayOptions {
  /**
   * Display names by user id. A user not in the map is {@link DEFAULT_DISPLAY_NAME}; a
   * `null` entry answers null, as LINE does for a user who blocked the bot.
   */
  displayNames?: Record<string, string | null>;
  /** Rich menu ids by alias; an alias not in the map answers null, as for one never deployed. */
  richMenuAliases?: Record<string, string>;
}

/** A {@link LineGateway} whose calls are kept, oldest first, in `calls`. */
export interface RecordingGateway extends LineGateway {
  /** Every call so far (replies, pushes, leaves, rich menus, read marks, loading), in the order they were made. */
  readonly calls: RecordedLineCall[];
}

/** Creates a {@link RecordingGateway}; every call succeeds. */
export function createRecordingGateway(options: RecordingGatewayOptions = {}): RecordingGateway {
  const calls: RecordedLineCall[] = [];
  const displayNames = options.displayNames ?? {};
  return {
    calls,
    reply(replyToken, messages) {
      calls.push({ kind: "reply", target: replyToken, messages: structuredClone(messages), retryKey: null });
      return Promise.resolve();
    },
    push(to, messages, retryKey) {
      const duplicate = calls.some((call) => call.kind === "push" && call.retryKey === retryKey);
      calls.push({ kind: "push", target: to, messages: structuredClone(messages), retryKey });
      return Promise.resolve(duplicate ? "duplicate" : "sent");
    },
    displayName(userId) {
      return Promise.resolve(Object.hasOwn(displayNames, userId) ? (displayNames[userId] ?? null) : DEFAULT_DISPLAY_NAME);
    },
    quota() {
      return Promise.resolve({ limit: null, used: calls.filter((call) => call.kind === "push").length });
    },
    leave(source) {
      calls.push({ kind: "leave", target: source.type === "group" ? source.groupId : source.roomId, messages: [], retryKey: null });
      return Promise.resolve();
    },
    richMenuOfAlias(aliasId) {
      return Promise.resolve(options.richMenuAliases?.[aliasId] ?? null);
    },
    linkRichMenu(userId, richMenuId) {
      calls.push({ kind: "richMenu", target: userId, richMenuId, messages: [], retryKey: null });
      return Promise.resolve();
    },
    unlinkRichMenu(userId) {
      calls.push({ kind: "richMenu", target: userId, richMenuId: null, messages: [], retryKey: null });
      return Promise.resolve();
    },
    markAsRead(markAsReadToken) {
      calls.push({ kind: "markAsRead", target: markAsReadToken, messages: [], retryKey: null });
      return Promise.resolve();
    },
    showLoading(userId, seconds) {
      calls.push({ kind: "loading", target: userId, seconds, messages: [], retryKey: null });
      return Promise.resolve();
    },
  };
}
