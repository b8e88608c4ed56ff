/**
 * The one error type of a failed LINE Messaging API call, whoever makes it (the gateway,
 * the rich menu and webhook scripts). It carries LINE's status and request id, so logs can
 * be matched with LINE's side, keeps the original error as `cause`, and says whether
 * trying again may help ({@link LineApiError.retryable}).
 */
import { HTTPFetchError } from "@line/bot-sdk";
import { DeadlineError } from "../retry";

/** The Messaging API call that failed. */
export type LineOperation =
  | "reply"
  | "push"
  | "leave"
  | "quota"
  | "profile"
  | "richMenu"
  | "richMenuAlias"
  | "richMenuLink"
  | "markAsRead"
  | "loading"
  | "webhookEndpoint"
  | "insight";

/** What a {@link LineApiError} knows about the failed call. */
export interface LineApiErrorDetails {
  operation: LineOperation;
  /** The HTTP status LINE answered, or undefined when no answer came (network error, timeout). */
  status: number | undefined;
  /** LINE's `x-line-request-id` response header, when LINE answered with one. */
  requestId: string | undefined;
  /** The response body as text (LINE's JSON error), when there was one. */
  responseBody: string | undefined;
  /** True when the caller stopped waiting after its deadline. */
  timedOut: boolean;
  /** The SDK's or the network's error. */
  cause: unknown;
}

/**
 * A Messaging API call that did not succeed. A 409 on a push (duplicate retry key) is
 * success and never becomes one of these.
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
  /**
   * True when trying again may help and cannot double-send: no answer came (network error,
   * timeout) or LINE answered 5xx. A 4xx is final (PRODUCT.md §4: retry only on 5xx or
   * timeout; a push retry must reuse its retry key).
   */
  readonly retryable: boolean;

  constructor(details: LineApiErrorDetails) {
    super(describe(details), { cause: details.cause });
    this.operation = details.operation;
    this.status = details.status;
    this.requestId = details.requestId;
    this.responseBody = details.responseBody;
    this.timedOut = details.timedOut;
    this.retryable = details.status === undefined || details.status >= 500;
  }
}

/**
 * `error` from a LINE call as a {@link LineApiError}: the SDK's HTTP errors keep status,
 * request id and body; a {@link DeadlineError} is a timeout; anything else is a call that
 * got no answer. A {@link LineApiError} is returned as it is.
 */
export function toLineApiError(operation: LineOperation, error: unknown): LineApiError {
  if (error instanceof LineApiError) return error;
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
    timedOut: error instanceof DeadlineError,
    cause: error,
  });
}

/** The LINE request id of `error` for logs, when it is a {@link LineApiError} that has one. */
export function lineRequestIdOf(error: unknown): string | undefined {
  return error instanceof LineApiError ? error.requestId : undefined;
}

function describe(details: LineApiErrorDetails): string {
  const what = `LINE ${details.operation} failed`;
  if (details.status === undefined) {
    const cause = details.cause;
    if (cause instanceof DeadlineError) return `${what}: no answer from LINE within ${cause.deadlineMs} ms`;
    // Duck-typed: the network's errors may come from another realm than this module's Error.
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
