/**
 * A local stand-in for LINE's Messaging API: an HTTP server that answers the endpoints the bot
 * uses the way LINE does (single-use reply tokens, retry keys, quota, limits) and records every
 * request, so tests and local runs can point the real gateway at it.
 *
 * Apart from LINE's paths it answers one of its own, for other processes on this machine
 * (the consultant's terminal chat, `npm start -- --operator`): `GET /local/sent?after=N`
 * streams the accepted batches, one JSON {@link FeedEntry} a line, from the (N+1)th on and
 * then as they are accepted, until the client or the stand-in goes away. It takes the same
 * token as LINE's paths and is not recorded in `calls`.
 */
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { LINE_LIMITS, findLimitViolations } from "../../src/line/limits";
import { createChatRoutes } from "./line-stand-in-chat";
import { createChannelRoutes, type StandInChannel } from "./line-stand-in-channel";
import { createRichMenuRoutes, type RichMenuRoutes } from "./line-stand-in-richmenu";
import { createWebhookRoutes } from "./line-stand-in-webhook";

/** Messages the stand-in accepted in one reply, push or multicast request. */
export interface SentBatch {
  kind: "reply" | "push" | "multicast";
  /** Recipients' user ids; empty for a reply (see `replyToken`). */
  to: string[];
  replyToken?: string;
  retryKey?: string;
  messages: unknown[];
  at: Date;
}

/** A line of the `/local/sent` feed: a batch and its number, counted from 1 since the stand-in started (`reset` goes on counting). */
export interface FeedEntry extends Omit<SentBatch, "at"> {
  seq: number;
  at: string;
}

/** The path of the stand-in's own feed of accepted batches; nothing at LINE answers it. */
export const LOCAL_FEED_PATH = "/local/sent";
/** The feed's header with the number of the last batch it replays, accepted before it was opened (0 for none). */
export const FEED_LAST_HEADER = "x-local-feed-last";

/** One request as the stand-in saw and answered it. */
export interface RecordedCall {
  method: string;
  /** The path without the query string, e.g. `/v2/bot/message/push`. */
  path: string;
  /** The status the stand-in answered. */
  status: number;
  /** The parsed JSON body; a Buffer for image uploads; undefined when there was none. */
  body: unknown;
  /** Request headers, lower-cased. */
  headers: Record<string, string | undefined>;
}

/** A running stand-in; see {@link startLineStandIn}. */
export interface LineStandIn {
  /** The origin to use as the SDK's `baseURL`, e.g. `http://127.0.0.1:PORT`. */
  url: string;
  /** Every request, in order. */
  calls(): RecordedCall[];
  /** Accepted reply/push/multicast batches, in order. */
  sent(): SentBatch[];
  /** Every limits violation seen; those requests were answered 400, as LINE would. */
  violations(): string[];
  /** Sets a user's profile; null makes the profile endpoint answer 404 (blocked or unknown). */
  setProfile(userId: string, profile: { displayName: string } | null): void;
  /**
   * The monthly message quota, mutable. Push and multicast add their recipient count to
   * `used`; a request that would take `used` over `limit` is answered 429.
   */
  quota: { limit: number | "none"; used: number };
  /** The channel's ID and bot info (its チャット mode can be switched off, as in the console). */
  channel: StandInChannel;
  /** How many clients are reading the `/local/sent` feed now. */
  feedReaders(): number;
  /** Calls `listener` with each accepted batch, before the request is answered. */
  on(event: "sent", listener: (batch: SentBatch) => void): void;
  /** Stops calling a listener added with {@link LineStandIn.on}. */
  off(event: "sent", listener: (batch: SentBatch) => void): void;
  /** Makes pushes to `userId` fail with 404, as for a user LINE does not know (blocked, gone). */
  blockUser(userId: string): void;
  /** Lets pushes to `userId` through again after {@link LineStandIn.blockUser} (the user unblocked the bot). */
  unblockUser(userId: string): void;
  /**
   * Makes the next `times` requests whose path starts with `pathPrefix` fail with `status`
   * (a 5xx to test retries); `delayMs` holds each answer back first (to test timeouts).
   */
  failNext(pathPrefix: string, status: number, times: number, delayMs?: number): void;
  /**
   * Makes the next `times` requests whose path starts with `pathPrefix` get no answer at all,
   * as from a hung server; they are recorded with status 0 and held until `reset` or `close`.
   */
  hangNext(pathPrefix: string, times: number): void;
  /** The rich menu `userId` sees now (their own, else the default), as {@link RichMenuRoutes.menuOf}. */
  menuOf: RichMenuRoutes["menuOf"];
  /** The rich menu an alias points to, or null. */
  menuOfAlias: RichMenuRoutes["menuOfAlias"];
  /** The mark-as-read tokens LINE accepted, in order. */
  readMarks(): string[];
  /** Clears records, used reply tokens, retry keys, profiles, blocks, faults, rich menus, read marks, the channel's チャット mode and the quota (used and limit). */
  reset(): void;
  /** Stops the server, closing keep-alive connections too. */
  close(): Promise<void>;
}

/** Options for {@link startLineStandIn}. */
export interface LineStandInOptions {
  /** The token every request must carry as `Authorization: Bearer <token>`. */
  channelAccessToken: string;
  /** The channel secret that signs LINE's webhook test request; a random one when absent. */
  channelSecret?: string;
  /** The channel ID that the secret issues tokens for; {@link DEFAULT_CHANNEL_ID} when absent. */
  channelId?: string;
  /** Tokens of other channels, which verify as theirs. */
  otherChannels?: readonly { channelId: string; channelAccessToken: string }[];
  /** 0 or absent picks a free port. */
  port?: number;
  /** Defaults to 127.0.0.1. */
  host?: string;
}

/** The stand-in channel's ID unless another is given. */
export const DEFAULT_CHANNEL_ID = "2000000001";

/** The display name of users without a profile set by {@link LineStandIn.setProfile}. */
export const DEFAULT_DISPLAY_NAME = "テストユーザー";

const MAX_REQUEST_BYTES = 2 * 1024 * 1024;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface Answer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

interface Request {
  body: unknown;
  headers: Record<string, string | undefined>;
  requestId: string;
}

const hex = (bytes: number): string => randomBytes(bytes).toString("hex");
const fail = (status: number, message: string, details?: unknown[]): Answer => ({
  status,
  body: details ? { message, details } : { message },
});
const ok = (body: unknown = {}): Answer => ({ status: 200, body });
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** Starts a stand-in for LINE's Messaging API and resolves once it is listening. */
export async function startLineStandIn(options: LineStandInOptions): Promise<LineStandIn> {
  const host = options.host ?? "127.0.0.1";
  const calls: RecordedCall[] = [];
  const sent: SentBatch[] = [];
  const violations: string[] = [];
  const usedReplyTokens = new Set<string>();
  const acceptedRetryKeys = new Map<string, string>();
  const profiles = new Map<string, { displayName: string } | null>();
  const richMenu = createRichMenuRoutes();
  const chat = createChatRoutes();
  const webhook = createWebhookRoutes(options.channelSecret);
  const channel = createChannelRoutes({
    channelId: options.channelId ?? DEFAULT_CHANNEL_ID,
    channelSecret: options.channelSecret ?? "",
    channelAccessToken: options.channelAccessToken,
    otherChannels: options.otherChannels ?? [],
  });
  const listeners = new Set<(batch: SentBatch) => void>();
  const quota: LineStandIn["quota"] = { limit: "none", used: 0 };
  const blocked = new Set<string>();
  const faults: { pathPrefix: string; status: number; left: number; delayMs: number; hang: boolean }[] = [];
  const held = new Set<ServerResponse>();
  /** The accepted batches since the last `reset`, numbered on from the ones before it (`feedBase`). */
  const feed: FeedEntry[] = [];
  let feedBase = 0;
  const feedReaders = new Set<ServerResponse>();

  function accept(batch: Omit<SentBatch, "at">): void {
    const full: SentBatch = { ...batch, at: new Date() };
    sent.push(full);
    const entry: FeedEntry = { ...batch, seq: feedBase + feed.length + 1, at: full.at.toISOString() };
    feed.push(entry);
    for (const reader of feedReaders) reader.write(`${JSON.stringify(entry)}\n`);
    for (const listener of [...listeners]) listener(full);
  }

  /** `GET /local/sent?after=N`: the batches after the Nth, then each new one, as JSON lines. */
  function streamFeed(incoming: IncomingMessage, res: ServerResponse, after: string | null): void {
    if (incoming.headers["authorization"] !== `Bearer ${options.channelAccessToken}`) {
      res.writeHead(401, { "content-type": "application/json" });
      res.end(JSON.stringify({ message: "Authentication failed." }));
      return;
    }
    const from = Number(after ?? 0);
    if (!Number.isSafeInteger(from) || from < 0) {
      res.writeHead(400, { "content-type": "application/json" });
      res.end(JSON.stringify({ message: "after must be a whole number" }));
      return;
    }
    const replay = feed.slice(Math.max(0, from - feedBase));
    res.writeHead(200, {
      "content-type": "application/x-ndjson; charset=utf-8",
      "cache-control": "no-store",
      [FEED_LAST_HEADER]: String(replay.at(-1)?.seq ?? 0),
    });
    res.flushHeaders(); // the client learns it is connected even when there is nothing to replay
    for (const entry of replay) res.write(`${JSON.stringify(entry)}\n`);
    feedReaders.add(res);
    res.once("close", () => feedReaders.delete(res));
  }

  function checkBatch(messages: unknown): Answer | null {
    const found = Array.isArray(messages)
      ? findLimitViolations(messages, { loopbackImageUrls: true })
      : [{ property: "messages", message: "is not an array" }];
    if (found.length === 0) return null;
    for (const v of found) violations.push(`${v.property} ${v.message}`);
    return fail(400, `The request body has ${found.length} error(s)`, found);
  }

  /** Shared by push and multicast: retry key, limits, quota, then acceptance. */
  function send(kind: "push" | "multicast", to: string[], req: Request): Answer {
    const retryKey = req.headers["x-line-retry-key"];
    if (retryKey !== undefined && !UUID.test(retryKey)) {
      return fail(400, "The value for the 'X-Line-Retry-Key' header is invalid");
    }
    const acceptedId = retryKey === undefined ? undefined : acceptedRetryKeys.get(retryKey);
    if (acceptedId !== undefined) {
      return { ...fail(409, "The retry key is already accepted"), headers: { "x-line-accepted-request-id": acceptedId } };
    }
    const body = isRecord(req.body) ? req.body : {};
    const invalid = checkBatch(body["messages"]);
    if (invalid) return invalid;
    if (kind === "push" && to.some((id) => blocked.has(id))) return fail(404, "Not found");
    if (quota.limit !== "none" && quota.used + to.length > quota.limit) {
      return fail(429, "You have reached your monthly limit.");
    }
    quota.used += to.length;
    if (retryKey !== undefined) acceptedRetryKeys.set(retryKey, req.requestId);
    const messages = body["messages"] as unknown[];
    accept({ kind, to, ...(retryKey === undefined ? {} : { retryKey }), messages });
    return ok(kind === "push" ? { sentMessages: messages.map(() => ({ id: hex(8), quoteToken: hex(16) })) } : {});
  }

  type Handler = (req: Request, params: string[]) => Answer | Promise<Answer>;
  const routes: Array<{ method: string; pattern: RegExp; binary?: boolean; public?: boolean; handle: Handler }> = [
    {
      method: "POST",
      pattern: /^\/v2\/bot\/message\/reply$/,
      handle: (req) => {
        const body = isRecord(req.body) ? req.body : {};
        const token = body["replyToken"];
        if (typeof token !== "string" || token === "" || usedReplyTokens.has(token)) {
          return fail(400, "Invalid reply token");
        }
        const invalid = checkBatch(body["messages"]);
        if (invalid) return invalid;
        usedReplyTokens.add(token);
        const messages = body["messages"] as unknown[];
        accept({ kind: "reply", to: [], replyToken: token, messages });
        return ok({ sentMessages: messages.map(() => ({ id: hex(8), quoteToken: hex(16) })) });
      },
    },
    {
      method: "POST",
      pattern: /^\/v2\/bot\/message\/push$/,
      handle: (req) => {
        const to = isRecord(req.body) ? req.body["to"] : undefined;
        if (typeof to !== "string" || to === "") return fail(400, "The property, 'to', in the request body is invalid");
        return send("push", [to], req);
      },
    },
    {
      method: "POST",
      pattern: /^\/v2\/bot\/message\/multicast$/,
      handle: (req) => {
        const to: unknown = isRecord(req.body) ? req.body["to"] : undefined;
        const max = LINE_LIMITS.maxMulticastRecipients;
        if (!Array.isArray(to) || to.length < 1 || to.length > max || !to.every((id) => typeof id === "string" && id !== "")) {
          return fail(400, "The request body has 1 error(s)", [{ message: `Size must be between 1 and ${max}`, property: "to" }]);
        }
        return send("multicast", to as string[], req);
      },
    },
    {
      method: "GET",
      pattern: /^\/v2\/bot\/profile\/([^/]+)$/,
      handle: (_req, [userId = ""]) => {
        const profile = profiles.has(userId) ? profiles.get(userId) : { displayName: DEFAULT_DISPLAY_NAME };
        return profile ? ok({ userId, displayName: profile.displayName, language: "ja" }) : fail(404, "Not found");
      },
    },
    {
      method: "GET",
      pattern: /^\/v2\/bot\/message\/quota$/,
      handle: () => ok(quota.limit === "none" ? { type: "none" } : { type: "limited", value: quota.limit }),
    },
    { method: "GET", pattern: /^\/v2\/bot\/message\/quota\/consumption$/, handle: () => ok({ totalUsage: quota.used }) },
    { method: "POST", pattern: /^\/v2\/bot\/(?:group|room)\/[^/]+\/leave$/, handle: () => ok() },
    ...richMenu.routes,
    ...chat.routes,
    ...webhook.routes,
    ...channel.routes,
  ];

  async function route(method: string, path: string, raw: Buffer, req: Request): Promise<{ answer: Answer; body: unknown }> {
    for (const r of routes) {
      const match = r.method === method ? r.pattern.exec(path) : null;
      if (!match) continue;
      if (!r.public && req.headers["authorization"] !== `Bearer ${options.channelAccessToken}`) {
        return {
          answer: fail(401, "Authentication failed. Confirm that the access token in the authorization header is valid."),
          body: undefined,
        };
      }
      let body: unknown = raw.length === 0 ? undefined : raw;
      if (!r.binary && raw.length > 0) {
        try {
          body = JSON.parse(raw.toString("utf8"));
        } catch {
          return { answer: fail(400, "The request body is not valid JSON"), body: raw.toString("utf8") };
        }
      }
      const params = match.slice(1).map((p) => decodeURIComponent(p));
      return { answer: await r.handle({ ...req, body }, params), body };
    }
    return { answer: fail(404, "Not found"), body: undefined };
  }

  async function handle(incoming: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of incoming) {
      const buf = chunk as Buffer;
      size += buf.length;
      if (size <= MAX_REQUEST_BYTES) chunks.push(buf);
    }
    const raw = Buffer.concat(chunks);
    const headers: Record<string, string | undefined> = {};
    for (const [name, value] of Object.entries(incoming.headers)) headers[name] = Array.isArray(value) ? value.join(", ") : value;
    const method = incoming.method ?? "GET";
    const url = new URL(incoming.url ?? "/", "http://stand-in");
    const path = url.pathname;
    if (method === "GET" && path === LOCAL_FEED_PATH) return streamFeed(incoming, res, url.searchParams.get("after"));
    const requestId = hex(16);
    let result: { answer: Answer; body: unknown };
    const fault = faults.find((candidate) => candidate.left > 0 && path.startsWith(candidate.pathPrefix));
    if (fault) {
      fault.left -= 1;
      if (fault.hang) {
        calls.push({ method, path, status: 0, body: undefined, headers });
        held.add(res);
        res.once("close", () => held.delete(res));
        return;
      }
      if (fault.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
      calls.push({ method, path, status: fault.status, body: undefined, headers });
      res.writeHead(fault.status, { "content-type": "application/json", "x-line-request-id": requestId });
      res.end(JSON.stringify({ message: "Injected fault" }));
      return;
    }
    try {
      result =
        size > MAX_REQUEST_BYTES
          ? { answer: fail(413, "Request Entity Too Large"), body: undefined }
          : await route(method, path, raw, { body: undefined, headers, requestId });
    } catch (error) {
      result = { answer: fail(500, `Stand-in error: ${error instanceof Error ? error.message : String(error)}`), body: undefined };
    }
    const { answer, body } = result;
    calls.push({ method, path, status: answer.status, body, headers });
    res.writeHead(answer.status, { "content-type": "application/json", "x-line-request-id": requestId, ...answer.headers });
    res.end(Buffer.isBuffer(answer.body) ? answer.body : JSON.stringify(answer.body));
  }

  const server = createServer((incoming, res) => {
    handle(incoming, res).catch(() => res.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://${host.includes(":") ? `[${host}]` : host}:${port}`,
    calls: () => [...calls],
    sent: () => [...sent],
    violations: () => [...violations],
    feedReaders: () => feedReaders.size,
    menuOf: (userId) => richMenu.menuOf(userId),
    menuOfAlias: (aliasId) => richMenu.menuOfAlias(aliasId),
    readMarks: () => chat.readMarks(),
    channel: channel.channel,
    setProfile: (userId, profile) => void profiles.set(userId, profile),
    quota,
    on: (_event, listener) => void listeners.add(listener),
    off: (_event, listener) => void listeners.delete(listener),
    blockUser: (userId) => void blocked.add(userId),
    unblockUser: (userId) => void blocked.delete(userId),
    failNext(pathPrefix, status, times, delayMs = 0) {
      faults.push({ pathPrefix, status, left: times, delayMs, hang: false });
    },
    hangNext(pathPrefix, times) {
      faults.push({ pathPrefix, status: 0, left: times, delayMs: 0, hang: true });
    },
    reset() {
      for (const res of held) res.destroy();
      held.clear();
      blocked.clear();
      faults.length = 0;
      calls.length = 0;
      sent.length = 0;
      feedBase += feed.length;
      feed.length = 0;
      violations.length = 0;
      usedReplyTokens.clear();
      acceptedRetryKeys.clear();
      profiles.clear();
      richMenu.reset();
      chat.reset();
      webhook.reset();
      channel.reset();
      quota.used = 0;
      quota.limit = "none";
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
