/**
 * The setup's requests to the running bot (`POST /admin/consultants`): make a pairing code,
 * ask whether it was taken, list or remove consultants, and push the setup's test message to
 * every consultant. They need no Google credentials on the operator's computer: a request is
 * signed like LINE's webhook, with the channel secret the setup already holds (base64
 * HMAC-SHA256 of {@link ADMIN_SIGNATURE_CONTEXT} and the raw body, in
 * {@link ADMIN_SIGNATURE_HEADER}), and carries its time, which must be within
 * {@link ADMIN_MAX_SKEW_MS} of the server's.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import type { RequestHandler } from "express";
import type { Consultants } from "./consultants";
import { setupTestReplies } from "./dialogue";
import type { LineGateway } from "./line/gateway";
import { renderReplies } from "./line/render";
import { retryKey } from "./line/retry-key";
import { describeError, userTag, type Logger } from "./log";

/** The path of the setup's requests. */
export const ADMIN_PATH = "/admin/consultants";
/** The header that carries a request's signature. */
export const ADMIN_SIGNATURE_HEADER = "x-will-admin-signature";
/** Signed before the body, so that no signature made for another purpose (LINE's) fits. */
export const ADMIN_SIGNATURE_CONTEXT = "will-note-admin\n";
/** How far a request's time may be from the server's. */
export const ADMIN_MAX_SKEW_MS = 5 * 60_000;

/** What the setup may ask. */
export type AdminRequest =
  | { action: "issuePairing"; at: string }
  | { action: "pairingStatus"; at: string; id: string }
  | { action: "list"; at: string }
  | { action: "remove"; at: string; lineUserId: string }
  | { action: "testPush"; at: string; runId: string };

/** The signature of `body` under `secret`. */
export function adminSignature(secret: string, body: string | Buffer): string {
  return createHmac("sha256", secret).update(ADMIN_SIGNATURE_CONTEXT).update(body).digest("base64");
}

/** What the admin handler needs. */
export interface AdminDeps {
  channelSecret: string;
  consultants: Consultants;
  line: LineGateway;
  now: () => Date;
  log: Logger;
}

/** The request in `raw` if it is one, else null. */
function readRequest(raw: string): AdminRequest | null {
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof body !== "object" || body === null || !("action" in body) || !("at" in body) || typeof body.at !== "string") return null;
  const text = (key: string) => (key in body && typeof (body as Record<string, unknown>)[key] === "string" ? true : false);
  switch (body.action) {
    case "issuePairing":
    case "list":
      return body as AdminRequest;
    case "pairingStatus":
      return text("id") ? (body as AdminRequest) : null;
    case "remove":
      return text("lineUserId") ? (body as AdminRequest) : null;
    case "testPush":
      return text("runId") ? (body as AdminRequest) : null;
    default:
      return null;
  }
}

/** The handler of {@link ADMIN_PATH}; the body must be read raw before it. */
export function adminHandler(deps: AdminDeps): RequestHandler {
  return (req, res, next) => {
    // On Cloud Functions the platform has read the body already and keeps its bytes in rawBody.
    const rawBody: unknown = (req as { rawBody?: unknown }).rawBody;
    const raw: unknown = Buffer.isBuffer(rawBody) ? rawBody : req.body;
    const body = Buffer.isBuffer(raw) ? raw : Buffer.alloc(0);
    const given = Buffer.from(String(req.get(ADMIN_SIGNATURE_HEADER) ?? ""), "utf8");
    const expected = Buffer.from(adminSignature(deps.channelSecret, body), "utf8");
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      deps.log.warn("admin request rejected", { reason: "signature" });
      res.status(401).json({ error: "invalid or missing signature" });
      return;
    }
    const request = readRequest(body.toString("utf8"));
    // The freshness of a request is judged by the wall clock; the codes' times by the bot's clock.
    if (request === null || !(Math.abs(Date.parse(request.at) - Date.now()) <= ADMIN_MAX_SKEW_MS)) {
      deps.log.warn("admin request rejected", { reason: request === null ? "body" : "time" });
      res.status(400).json({ error: request === null ? "not an admin request" : "the request's time is too far from the server's" });
      return;
    }
    answer(request, deps.now(), deps).then((result) => res.status(200).json(result), next);
  };
}

async function answer(request: AdminRequest, now: Date, deps: AdminDeps): Promise<unknown> {
  deps.log.info("admin request", { action: request.action });
  switch (request.action) {
    case "issuePairing":
      return deps.consultants.issuePairing(now);
    case "pairingStatus":
      return deps.consultants.pairingStatus(request.id, now);
    case "list":
      return { configured: await deps.consultants.operatorIds(), paired: await deps.consultants.paired() };
    case "remove":
      return deps.consultants.remove(request.lineUserId, now);
    case "testPush": {
      const results: { lineUserId: string; sent: boolean }[] = [];
      for (const operator of await deps.consultants.operatorIds()) {
        try {
          await deps.line.push(operator, renderReplies(setupTestReplies()), retryKey(`setup-test:${request.runId}:${operator}`));
          results.push({ lineUserId: operator, sent: true });
        } catch (error) {
          deps.log.warn("setup test push failed", { operator: userTag(operator), error: describeError(error) });
          results.push({ lineUserId: operator, sent: false });
        }
      }
      return { results };
    }
  }
}
