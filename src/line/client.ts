/**
 * The production {@link LineGateway}: LINE's Messaging API through `@line/bot-sdk`'s
 * `MessagingApiClient`. Failed calls become {@link LineApiError}s carrying LINE's status and
 * request id, so logs can be matched with LINE's side.
 */
import { messagingApi } from "@line/bot-sdk";
import { retry, withDeadline } from "../retry";
import { LineApiError, toLineApiError, type LineOperation } from "./error";
import type { LineGateway, LineMessage } from "./gateway";

/** Options for {@link createLineGateway}. */
export interface LineGatewayOptions {
  /** The channel access token (long-lived or v2.1). Must not be empty. */
  channelAccessToken: string;
  /** The Messaging API origin: `https://api.line.me` in production, the stand-in's URL in tests. */
  baseURL: string;
  /** How long to wait for LINE before giving up on a call; 10 000 ms unless given. */
  timeoutMs?: number;
  /**
   * How long a reply may take, retries included: 1 500 ms unless given, so that a reply
   * fits in the 2 s LINE gives the webhook (see {@link createLineGateway}).
   */
  replyBudgetMs?: number;
}

const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_REPLY_BUDGET_MS = 1_500;
/** The longest one reply attempt waits, so that a hung attempt leaves time for another. */
const REPLY_ATTEMPT_MS = 700;
/** Waits before the second and third reply attempts. */
const REPLY_RETRY_DELAYS_MS = [50, 150];
/** A retry is not started with less time than this left in the reply budget. */
const MIN_REPLY_ATTEMPT_MS = 200;
/** How long the rich menu an alias points to is remembered (a deploy moves the aliases). */
export const ALIAS_CACHE_MS = 5 * 60_000;

/**
 * Creates the {@link LineGateway} that talks to LINE over HTTP. Every call but `displayName`
 * rejects with {@link LineApiError}; `displayName` resolves null on any failure. The rich
 * menu an alias points to is kept for {@link ALIAS_CACHE_MS}, and forgotten when linking it fails.
 *
 * A reply that times out or gets a 5xx is tried again (up to three attempts, each waiting at
 * most 700 ms) while its budget lasts; a 4xx is final. Retrying a reply cannot send it
 * twice: LINE accepts a reply token once, so a repeat of a reply that did arrive gets a 400.
 *
 * The timeout only stops the wait: the SDK offers no way to abort its `fetch`, so a request
 * that timed out may still reach LINE (a push is then deduplicated by its retry key).
 */
export function createLineGateway(options: LineGatewayOptions): LineGateway {
  if (options.channelAccessToken.trim() === "") {
    throw new Error("createLineGateway: channelAccessToken is empty; set the LINE channel access token");
  }
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const replyBudgetMs = options.replyBudgetMs ?? DEFAULT_REPLY_BUDGET_MS;
  for (const [name, value] of [
    ["timeoutMs", timeoutMs],
    ["replyBudgetMs", replyBudgetMs],
  ] as const) {
    if (!Number.isFinite(value) || value <= 0) {
      throw new Error(`createLineGateway: ${name} must be a positive number of milliseconds, got ${value}`);
    }
  }
  const client = new messagingApi.MessagingApiClient({
    channelAccessToken: options.channelAccessToken,
    baseURL: options.baseURL,
  });
  const call = <T>(operation: LineOperation, run: () => Promise<T>): Promise<T> =>
    withDeadline(Promise.resolve().then(run), timeoutMs, `LINE ${operation}`).catch((error: unknown) => {
      throw toLineApiError(operation, error);
    });
  const aliases = new Map<string, { richMenuId: string | null; until: number }>();

  return {
    async reply(replyToken: string, messages: LineMessage[]): Promise<void> {
      await retry(() => client.replyMessage({ replyToken, messages }), {
        delaysMs: REPLY_RETRY_DELAYS_MS,
        perAttemptMs: Math.min(timeoutMs, REPLY_ATTEMPT_MS),
        budgetMs: replyBudgetMs,
        minAttemptMs: MIN_REPLY_ATTEMPT_MS,
        label: "LINE reply",
        retryable: (error) => toLineApiError("reply", error).retryable,
      }).catch((error: unknown) => {
        throw toLineApiError("reply", error);
      });
    },
    async push(to: string, messages: LineMessage[], retryKey: string): Promise<"sent" | "duplicate"> {
      try {
        await call("push", () => client.pushMessage({ to, messages }, retryKey));
        return "sent";
      } catch (error) {
        if (error instanceof LineApiError && error.status === 409) return "duplicate";
        throw error;
      }
    },
    async quota(): Promise<{ limit: number | null; used: number }> {
      const [quota, consumption] = await Promise.all([
        call("quota", () => client.getMessageQuota()),
        call("quota", () => client.getMessageQuotaConsumption()),
      ]);
      return { limit: quota.type === "limited" && typeof quota.value === "number" ? quota.value : null, used: consumption.totalUsage ?? 0 };
    },
    async displayName(userId: string): Promise<string | null> {
      try {
        const profile = await call("profile", () => client.getProfile(userId));
        return typeof profile.displayName === "string" ? profile.displayName : null;
      } catch {
        return null;
      }
    },
    async leave(source): Promise<void> {
      await call("leave", () => (source.type === "group" ? client.leaveGroup(source.groupId) : client.leaveRoom(source.roomId)));
    },
    async richMenuOfAlias(aliasId: string): Promise<string | null> {
      const cached = aliases.get(aliasId);
      if (cached !== undefined && cached.until > Date.now()) return cached.richMenuId;
      let richMenuId: string | null;
      try {
        richMenuId = (await call("richMenuAlias", () => client.getRichMenuAlias(aliasId))).richMenuId;
      } catch (error) {
        if (!(error instanceof LineApiError && error.status === 404)) throw error;
        richMenuId = null;
      }
      aliases.set(aliasId, { richMenuId, until: Date.now() + ALIAS_CACHE_MS });
      return richMenuId;
    },
    async linkRichMenu(userId: string, richMenuId: string): Promise<void> {
      try {
        await call("richMenuLink", () => client.linkRichMenuIdToUser(userId, richMenuId));
      } catch (error) {
        // The menu may be gone since the alias was read (a deploy deleted it): read it afresh next time.
        for (const [alias, cached] of aliases) if (cached.richMenuId === richMenuId) aliases.delete(alias);
        throw error;
      }
    },
    async unlinkRichMenu(userId: string): Promise<void> {
      await call("richMenuLink", () => client.unlinkRichMenuIdFromUser(userId));
    },
    async markAsRead(markAsReadToken: string): Promise<void> {
      await call("markAsRead", () => client.markMessagesAsReadByToken({ markAsReadToken }));
    },
    async showLoading(userId: string, seconds: number): Promise<void> {
      await call("loading", () => client.showLoadingAnimation({ chatId: userId, loadingSeconds: seconds }));
    },
  };
}
