/**
 * The webhook-settings part of the LINE stand-in (`./line-stand-in`): the channel's webhook
 * URL, whether it is in use, and LINE's test request. Like LINE, the test POSTs an empty
 * `events` array to the URL, signed with the channel secret, and reports the status it got.
 */
import { createHmac, randomBytes } from "node:crypto";

/** An answer of the stand-in, as its other route modules give. */
interface Answer {
  status: number;
  body: unknown;
}

/** A route that may wait (the test request goes out over HTTP). */
export interface AsyncStandInRoute {
  method: string;
  pattern: RegExp;
  handle: (req: { body: unknown }) => Answer | Promise<Answer>;
}

/** The webhook routes and their state. */
export interface WebhookRoutes {
  routes: AsyncStandInRoute[];
  /** "Use webhook" in the console; on unless a test turns it off. */
  setActive(active: boolean): void;
  /** Forgets the URL and turns "Use webhook" back on. */
  reset(): void;
}

/** How long LINE's test waits for the webhook to answer. */
const TEST_TIMEOUT_MS = 10_000;
const MAX_ENDPOINT_LENGTH = 500;

const bad = (property: string, message: string): Answer => ({
  status: 400,
  body: { message: "The request body has 1 error(s)", details: [{ message, property }] },
});

function endpointOf(body: unknown, required: boolean): string | Answer | null {
  const value = typeof body === "object" && body !== null && "endpoint" in body ? body.endpoint : undefined;
  if (value === undefined && !required) return null;
  if (typeof value !== "string" || value.length > MAX_ENDPOINT_LENGTH)
    return bad("endpoint", `Size must be between 0 and ${MAX_ENDPOINT_LENGTH}`);
  const url = URL.parse(value);
  // LINE takes https only; the stand-in also takes http on loopback, where tests run.
  const local = url?.protocol === "http:" && ["127.0.0.1", "localhost", "[::1]"].includes(url.hostname);
  if (url === null || (url.protocol !== "https:" && !local)) return bad("endpoint", "Invalid webhook endpoint URL");
  return url.href;
}

/** Creates the routes; the test request is signed with `channelSecret` (a random one when absent). */
export function createWebhookRoutes(channelSecret: string = randomBytes(16).toString("hex")): WebhookRoutes {
  let endpoint: string | null = null;
  let active = true;

  async function test(url: string): Promise<Answer> {
    const body = JSON.stringify({ destination: `U${randomBytes(16).toString("hex")}`, events: [] });
    const signature = createHmac("sha256", channelSecret).update(body).digest("base64");
    const timestamp = new Date().toISOString();
    try {
      const res = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", "x-line-signature": signature, "user-agent": "LineBotWebhook/2.0" },
        body,
        signal: AbortSignal.timeout(TEST_TIMEOUT_MS),
      });
      await res.arrayBuffer();
      const success = res.status === 200;
      return {
        status: 200,
        body: { success, timestamp, statusCode: res.status, reason: success ? "OK" : "ERROR_STATUS_CODE", detail: String(res.status) },
      };
    } catch (error) {
      return {
        status: 200,
        body: {
          success: false,
          timestamp,
          statusCode: 0,
          reason: "COULD_NOT_CONNECT",
          detail: error instanceof Error ? error.message : String(error),
        },
      };
    }
  }

  return {
    routes: [
      {
        method: "GET",
        pattern: /^\/v2\/bot\/channel\/webhook\/endpoint$/,
        handle: () => (endpoint === null ? { status: 404, body: { message: "Not found" } } : { status: 200, body: { endpoint, active } }),
      },
      {
        method: "PUT",
        pattern: /^\/v2\/bot\/channel\/webhook\/endpoint$/,
        handle: (req) => {
          const found = endpointOf(req.body, true);
          if (typeof found !== "string") return found ?? bad("endpoint", "Required");
          endpoint = found;
          return { status: 200, body: {} };
        },
      },
      {
        method: "POST",
        pattern: /^\/v2\/bot\/channel\/webhook\/test$/,
        handle: (req) => {
          const found = endpointOf(req.body, false);
          if (found !== null && typeof found !== "string") return found;
          const url = found ?? endpoint;
          return url === null ? bad("endpoint", "The webhook endpoint is not set") : test(url);
        },
      },
    ],
    setActive(value) {
      active = value;
    },
    reset() {
      endpoint = null;
      active = true;
    },
  };
}
