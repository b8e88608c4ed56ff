/**
 * The local stand-in for LINE Official Account Manager's chat (issue 22, item 7): where, in
 * production, a consultant who took a hand-over reads what the client writes and answers.
 * `/oa` lists the web chat's clients by 受付番号 and shows each one's conversation as it
 * streams; what the consultant sends appears in the client's tab at once, as a message of the
 * account (`delivery: "chat"`). Such replies are not the Messaging API's pushes: they never go
 * through the LINE stand-in and never count against the month's push quota.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { handoverCode } from "../../../src/store/user-document";
import type { OaChatSummary, TimelineEntry } from "./protocol";
import type { Timeline } from "./timeline";

const CODE = /^[0-9A-F]{8}$/;
const MAX_TEXT = 5000;

/** What the OA chat's requests need from the web chat's server. */
export interface OaChatContext {
  timeline: Timeline;
  /** The consultants' LINE ids: their own chats with the bot are not clients' chats. */
  operatorIds: readonly string[];
  json: (res: ServerResponse, status: number, body: unknown) => void;
  stream: (userId: string, req: IncomingMessage, res: ServerResponse, after: number) => void;
  readJson: (req: IncomingMessage) => Promise<unknown>;
}

/** Handles `/api/oa/…`; resolves false for any other path. */
export async function handleOaChat(url: URL, req: IncomingMessage, res: ServerResponse, context: OaChatContext): Promise<boolean> {
  if (!url.pathname.startsWith("/api/oa/")) return false;
  const { timeline } = context;
  const json = (answer: ServerResponse, status: number, body: unknown) => context.json(answer, status, body);
  const clients = timeline.users().filter((id) => !context.operatorIds.includes(id));
  if (req.method === "GET" && url.pathname === "/api/oa/chats") {
    json(res, 200, { chats: clients.map((id) => summary(id, timeline.entries(id, 0))) });
    return true;
  }
  const code = url.searchParams.get("code") ?? "";
  const userId = CODE.test(code) ? clients.find((id) => handoverCode(id) === code) : undefined;
  if (userId === undefined) {
    json(res, 404, { error: "no such chat" });
    return true;
  }
  if (req.method === "GET" && url.pathname === "/api/oa/stream") {
    const after = Number(req.headers["last-event-id"] ?? 0);
    context.stream(userId, req, res, Number.isSafeInteger(after) ? after : 0);
    return true;
  }
  if (req.method === "POST" && url.pathname === "/api/oa/send") {
    const body = await context.readJson(req);
    const text = typeof body === "object" && body !== null && "text" in body ? body.text : undefined;
    if (typeof text !== "string" || text.trim() === "" || text.length > MAX_TEXT) {
      json(res, 400, { error: "text must be 1 to 5000 characters" });
      return true;
    }
    const entry = timeline.add(userId, { type: "received", delivery: "chat", messages: [{ type: "text", text }] });
    json(res, 200, { seq: entry.seq });
    return true;
  }
  json(res, 404, { error: "not found" });
  return true;
}

/** A chat in the list: the client's 受付番号 and the last thing said in it. */
function summary(userId: string, entries: readonly TimelineEntry[]): OaChatSummary {
  const said = entries.filter((entry) => entry.type === "sent" || entry.type === "received");
  const last = said.at(-1);
  const lastText =
    last?.type === "sent" && last.message.type === "text"
      ? last.message.text
      : last?.type === "received"
        ? textOf(last.messages.at(-1))
        : null;
  return { code: handoverCode(userId), lastAt: last?.at ?? null, lastText };
}

function textOf(message: unknown): string | null {
  if (typeof message !== "object" || message === null) return null;
  const record = message as Record<string, unknown>;
  return typeof record.text === "string" ? record.text : typeof record.altText === "string" ? record.altText : null;
}
