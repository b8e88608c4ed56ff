/**
 * The production {@link LineGateway}: LINE's Messaging API through `@line/bot-sdk`'s
 * `MessagingApiClient`. Failed calls become {@link LineApiError}s carrying LINE's status and
 * request id, so logs can be matched with LINE's side.
 */
import { HTTPFetchError, messagingApi } from "@line/bot-sdk";
import type { LineGateway, LineMessage } from "./gateway";

/** The gateway call that failed. */
export type LineOperation = "reply" | "push" | "leave" | "quota";

/** What a {@link LineApiError} knows about the failed call. */
export interface LineApiErrorDetails {
  operation: LineOperation;
  /** The HTTP status LINE answered, or undefined when no answer came (network error, timeout). */
  status: number | undefined;
  /** LINE's `x-line-request-id` response header, when LINE answered with one. */
  requestId: string | undefined;
  /** The response body as text (LINE's JSON error), when there was one. */
  responseBody: string | undefined;
  /** True when the gateway stopped waiting after its timeout. */
  timedOut: boolean;
  /** The SDK's or the network's error. */
  cause: unknown;
}

/**
 * A Messaging API call that did not succeed. Keeps the original error as `cause`; a 409 on a
 * push (duplicate retry key) is success and never becomes one of these.
 */
export class LineApiError extends Error {
  override readonly name = "LineApiError";
  /** See {@link LineApiErrorDetails.operation}. */
  readonly operation: LineOperation;
  /** See {@link LineApiErrorDetails.status}. */
  readonly status: number | undefined;
  /** See {@link LineApiErrorDetails.requestId}. */
  readonly requestId: string | undefined;
  /** See {@link LineApiErrorDetails.responseBody}. */
  readonly responseBody: string | undefined;
  /** See {@link LineApiErrorDetails.timedOut}. */
  readonly timedOut: boolean;

  constructor(details: LineApiErrorDetails) {
    super(describe(details), { cause: details.cause });
    this.operation = details.operation;
    this.status = details.status;
    this.requestId = details.requestId;
    this.responseBody = details.responseBody;
    this.timedOut = details.timedOut;
  }

  /**
   * True when trying again may help and cannot double-send: no answer came, or LINE answered
   * 5xx. (PRODUCT.md §4: retry only on 5xx or timeout; a push retry must reuse its retry key.)
   */
  get retryable(): boolean {
    return this.status === undefined || this.status >= 500;
  }
}

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

/**
 * Creates the {@link LineGateway} that talks to LINE over HTTP. `reply`, `push` and `leave`
 * reject with {@link LineApiError}; `displayName` resolves null on any failure.
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
  const call = <T>(operation: LineOperation, run: () => Promise<T>, waitMs = timeoutMs): Promise<T> =>
    withTimeout(run, waitMs).catch((error: unknown) => {
      throw toLineApiError(operation, error);
    });

  return {
    async reply(replyToken: string, messages: LineMessage[]): Promise<void> {
      const deadline = Date.now() + replyBudgetMs;
      for (let attempt = 0; ; attempt++) {
        const waitMs = Math.min(timeoutMs, REPLY_ATTEMPT_MS, deadline - Date.now());
        try {
          await call("reply", () => client.replyMessage({ replyToken, messages }), waitMs);
          return;
        } catch (error) {
          const delay = REPLY_RETRY_DELAYS_MS[attempt];
          const retry = error instanceof LineApiError && error.retryable && delay !== undefined;
          if (!retry || deadline - Date.now() - delay < MIN_REPLY_ATTEMPT_MS) throw error;
          await new Promise((resolve) => setTimeout(resolve, delay));
        }
      }
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
        const profile = await withTimeout(() => client.getProfile(userId), timeoutMs);
        return typeof profile.displayName === "string" ? profile.displayName : null;
      } catch {
        return null;
      }
    },
    async leave(source): Promise<void> {
      await call("leave", () => (source.type === "group" ? client.leaveGroup(source.groupId) : client.leaveRoom(source.roomId)));
    },
  };
}

/** Thrown inside the gateway when a call outlives its timeout; always wrapped before it leaves. */
class LineTimeout extends Error {
  override readonly name = "LineTimeout";
  constructor(readonly timeoutMs: number) {
    super(`no answer from LINE within ${timeoutMs} ms`);
  }
}

async function withTimeout<T>(run: () => Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new LineTimeout(timeoutMs)), timeoutMs);
  });
  try {
    return await Promise.race([run(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function toLineApiError(operation: LineOperation, error: unknown): LineApiError {
  if (error instanceof HTTPFetchError) {
    return new LineApiError({
      operation,
      status: error.status,
      requestId: error.headers.get("x-line-request-id") ?? undefined,
      responseBody: error.body,
      timedOut: false,
      cause: error,
    });
  }
  return new LineApiError({
    operation,
    status: undefined,
    requestId: undefined,
    responseBody: undefined,
    timedOut: error instanceof LineTimeout,
    cause: error,
  });
}

function describe(details: LineApiErrorDetails): string {
  const what = `LINE ${details.operation} failed`;
  if (details.status === undefined) {
    const cause = details.cause;
    const reason =
      typeof cause === "object" && cause !== null && "message" in cause && typeof cause.message === "string"
        ? cause.message
        : String(cause);
    return `${what}: ${reason}`;
  }
  const lineMessage = messageOf(details.responseBody);
  const requestId = details.requestId ? ` (x-line-request-id ${details.requestId})` : "";
  return `${what}: HTTP ${details.status}${lineMessage ? ` ${lineMessage}` : ""}${requestId}`;
}

function messageOf(body: string | undefined): string | undefined {
  if (!body) return undefined;
  try {
    const parsed: unknown = JSON.parse(body);
    if (typeof parsed === "object" && parsed !== null && "message" in parsed && typeof parsed.message === "string") {
      return parsed.message;
    }
  } catch {
    return undefined;
  }
  return undefined;
}
