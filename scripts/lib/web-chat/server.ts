/**
 * The web chat (`npm start -- --web`): a local HTTP server for a page that looks like a LINE
 * chat on a phone. The page's taps and messages come in as {@link UserAction}s and go to the
 * real webhook as signed events; what the LINE stand-in accepts for the user streams back
 * over Server-Sent Events. The page is bundled with esbuild when the server starts; it loads
 * nothing from elsewhere (its Content-Security-Policy allows this origin only).
 */
import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { build } from "esbuild";
import type { LineStandIn } from "../line-stand-in";
import { postEvents } from "../webhook-client";
import type { SendResult, SessionInfo, TimelineEntry, UserAction, WebRichMenu } from "./protocol";
import { handleOaChat } from "./oa-chat";
import { createTimeline, type NewEntry } from "./timeline";
import { LINE_USER_ID, parseUserAction, webhookEventOf } from "./user-actions";

/** What {@link startWebChat} needs: the webhook to post to, its secret and the stand-in the bot sends through. */
export interface WebChatOptions {
  webhookUrl: string;
  channelSecret: string;
  line: Pick<LineStandIn, "on" | "off" | "blockUser" | "unblockUser" | "menuOf">;
  /** The consultants' LINE user ids (pushes to them are hand-off notices). */
  operatorIds: readonly string[];
  /** Whether the bot already knows `userId` (the page sends a follow event otherwise). */
  isKnownUser(userId: string): Promise<boolean>;
  /** The consultants' console, which the ⋯ menu opens in place of the consultant's LINE tab. */
  consoleUrl?: string;
  /** 0 or absent picks a free port. */
  port?: number;
  /** Defaults to 127.0.0.1. */
  host?: string;
}

/** A running web chat; see {@link startWebChat}. */
export interface WebChat {
  /** The page's address, e.g. `http://127.0.0.1:8070/`. */
  url: string;
  /** Stops the server and its event streams. */
  close(): Promise<void>;
}

const PAGE_DIR = join(__dirname, "page");
const MENU_IMAGE_PATH = /^\/richmenu\/([\w-]+)$/;
const MAX_BODY_BYTES = 512 * 1024;
const KEEP_ALIVE_MS = 15_000;
/** The page's headers; images may also come from the webhook's server (the 振り返りシート the bot sends). */
function securityHeaders(webhookUrl: string): Record<string, string> {
  const images = new URL(webhookUrl).origin;
  return {
    "content-security-policy": `default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob: ${images}; connect-src 'self'; base-uri 'none'; form-action 'none'`,
    "x-content-type-options": "nosniff",
    "cache-control": "no-store",
  };
}

/** A page's script: page/<entry> (main.ts, or oa.ts for the Official Account chat) and what it imports, bundled for the browser. */
async function bundlePage(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [join(PAGE_DIR, entry)],
    tsconfig: join(PAGE_DIR, "tsconfig.json"),
    bundle: true,
    write: false,
    format: "iife",
    platform: "browser",
    target: "es2022",
    charset: "utf8",
    logLevel: "silent",
  });
  return result.outputFiles[0]?.text ?? "";
}

/** Starts the web chat's server and resolves once it is listening. */
export async function startWebChat(options: WebChatOptions): Promise<WebChat> {
  const [script, oaScript, html, oaHtml, css] = await Promise.all([
    bundlePage("main.ts"),
    bundlePage("oa.ts"),
    readFile(join(PAGE_DIR, "index.html")),
    readFile(join(PAGE_DIR, "oa.html")),
    readFile(join(PAGE_DIR, "style.css")),
  ]);
  const SECURITY_HEADERS = securityHeaders(options.webhookUrl);
  const timeline = createTimeline(options.line, options.operatorIds);
  const blocked = new Set<string>();
  let lastTimestamp = 0;

  const files: Record<string, { type: string; body: string | Buffer }> = {
    "/": { type: "text/html; charset=utf-8", body: html },
    "/app.js": { type: "text/javascript; charset=utf-8", body: script },
    "/app.css": { type: "text/css; charset=utf-8", body: css },
    "/oa": { type: "text/html; charset=utf-8", body: oaHtml },
    "/oa.js": { type: "text/javascript; charset=utf-8", body: oaScript },
  };
  /** Menu images by rich menu id, as the stand-in holds them; the menu each page's user was last shown. */
  const menuImages = new Map<string, { type: string; data: Buffer }>();
  const shownMenus = new Map<string, string | null>();

  /** The menu `userId` sees at the stand-in now, as the page draws it. */
  function menuOf(userId: string): WebRichMenu | null {
    const menu = options.line.menuOf(userId);
    if (menu === null) return null;
    if (menu.image !== null) menuImages.set(menu.richMenuId, menu.image);
    const definition = menu.definition as Omit<WebRichMenu, "richMenuId" | "imageUrl">;
    return { ...definition, richMenuId: menu.richMenuId, imageUrl: `/richmenu/${menu.richMenuId}` };
  }

  /** Tells each open page whose user's menu changed (a stage change, a consultant's take-over) its new menu. */
  function refreshMenus(): void {
    for (const [userId, shown] of shownMenus) {
      const menu = menuOf(userId);
      if ((menu?.richMenuId ?? null) === shown) continue;
      shownMenus.set(userId, menu?.richMenuId ?? null);
      timeline.add(userId, { type: "menu", menu });
    }
  }

  function session(userId: string, known: boolean): SessionInfo {
    const richMenu = menuOf(userId);
    shownMenus.set(userId, richMenu?.richMenuId ?? null);
    return {
      userId,
      known,
      blocked: blocked.has(userId),
      operator: options.operatorIds.includes(userId),
      operatorIds: [...options.operatorIds],
      consoleUrl: options.consoleUrl ?? null,
      richMenu,
    };
  }

  /** What LINE shows in the user's own chat for `action`, if anything. */
  function echoOf(action: UserAction): NewEntry | null {
    switch (action.type) {
      case "text":
        return { type: "sent", message: { type: "text", text: action.text } };
      case "postback":
        return action.displayText === undefined ? null : { type: "sent", message: { type: "text", text: action.displayText } };
      case "sticker":
        return { type: "sent", message: { type: "sticker" } };
      case "image":
        return { type: "sent", message: action.preview === undefined ? { type: "image" } : { type: "image", preview: action.preview } };
      case "follow":
        return { type: "friendship", change: "followed" };
      case "block":
        return { type: "friendship", change: "blocked" };
      case "unblock":
        return { type: "friendship", change: "unblocked" };
    }
  }

  async function send(userId: string, action: UserAction): Promise<SendResult | null> {
    const friendship = action.type === "follow" || action.type === "block" || action.type === "unblock";
    if (blocked.has(userId) && !friendship) return null;
    const echo = echoOf(action);
    if (echo) timeline.add(userId, echo);
    if (action.type === "block") {
      blocked.add(userId);
      options.line.blockUser(userId);
    } else if (friendship) {
      blocked.delete(userId);
      options.line.unblockUser(userId);
    }
    const replyToken = randomBytes(16).toString("hex");
    if (action.type !== "block") timeline.expectReply(replyToken, userId);
    lastTimestamp = Math.max(lastTimestamp + 1, Date.now());
    timeline.handling(userId, true);
    try {
      const status = await postEvents(options.webhookUrl, options.channelSecret, [
        webhookEventOf(action, userId, replyToken, lastTimestamp),
      ]);
      refreshMenus();
      return { status, seq: timeline.lastSeq(userId) };
    } finally {
      timeline.handling(userId, false);
    }
  }

  function stream(userId: string, req: IncomingMessage, res: ServerResponse, after: number): void {
    res.writeHead(200, { ...SECURITY_HEADERS, "content-type": "text/event-stream; charset=utf-8", connection: "keep-alive" });
    const write = (entry: TimelineEntry) => res.write(`id: ${entry.seq}\ndata: ${JSON.stringify(entry)}\n\n`);
    res.write("retry: 1000\n\n");
    for (const entry of timeline.entries(userId, after)) write(entry);
    const unsubscribe = timeline.subscribe(userId, write);
    const ping = setInterval(() => res.write(": ping\n\n"), KEEP_ALIVE_MS);
    req.once("close", () => {
      unsubscribe();
      clearInterval(ping);
    });
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://web-chat");
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { ...SECURITY_HEADERS, "content-type": "application/json; charset=utf-8" });
      res.end(JSON.stringify(body));
    };
    const image = req.method === "GET" ? menuImages.get(MENU_IMAGE_PATH.exec(url.pathname)?.[1] ?? "") : undefined;
    if (image) {
      res.writeHead(200, { ...SECURITY_HEADERS, "content-type": image.type });
      res.end(image.data);
      return;
    }
    const file = req.method === "GET" ? files[url.pathname] : undefined;
    if (file) {
      res.writeHead(200, { ...SECURITY_HEADERS, "content-type": file.type });
      res.end(file.body);
      return;
    }
    if (!url.pathname.startsWith("/api/")) return json(404, { error: "not found" });
    const oa = { timeline, operatorIds: options.operatorIds, stream, readJson };
    if (await handleOaChat(url, req, res, { ...oa, json: (_res, status, body) => json(status, body) })) return;
    const userId = url.searchParams.get("user") ?? "";
    if (!LINE_USER_ID.test(userId)) return json(400, { error: "user must be a LINE user id: U and 32 hex digits" });
    if (req.method === "GET" && url.pathname === "/api/session") {
      const known = timeline.lastSeq(userId) > 0 || (await options.isKnownUser(userId));
      return json(200, session(userId, known));
    }
    if (req.method === "GET" && url.pathname === "/api/stream") {
      const after = Number(req.headers["last-event-id"] ?? url.searchParams.get("after") ?? 0);
      return stream(userId, req, res, Number.isSafeInteger(after) ? after : 0);
    }
    if (req.method === "POST" && url.pathname === "/api/send") {
      const action = parseUserAction(await readJson(req));
      if (action === null) return json(400, { error: "not a user action" });
      const result = await send(userId, action);
      return result === null ? json(409, { error: "the user has blocked the bot" }) : json(200, result);
    }
    json(404, { error: "not found" });
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (res.headersSent) return void res.destroy();
      res.writeHead(500, { "content-type": "application/json; charset=utf-8" });
      res.end(JSON.stringify({ error: error instanceof Error ? error.message : String(error) }));
    });
  });
  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        timeline.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** The request's JSON body; undefined when it is not JSON or too large. */
async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8")) as unknown;
  } catch {
    return undefined;
  }
}
