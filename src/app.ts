/**
 * The Express app: the LINE webhook and `GET /healthz`. Built by {@link createApp} from
 * injected parts; it holds no globals.
 */
import { JSONParseError, middleware, SignatureValidationFailed } from "@line/bot-sdk";
import express, { type ErrorRequestHandler, type Express } from "express";
import { ADMIN_PATH, adminHandler } from "./admin";
import { handleEvents, type BotDeps } from "./handle-events";
import { describeError } from "./log";
import { sheetRouter } from "./sheet-routes";

/** Everything the app needs. */
export interface AppDeps extends BotDeps {
  /** The channel secret that signs webhook bodies. */
  channelSecret: string;
  /** The largest webhook body accepted, in bytes (default 1 MiB; LINE's are far smaller). */
  maxBodyBytes?: number;
}

/** The paths that take LINE's webhook POST. */
export const WEBHOOK_PATHS = ["/webhook", "/"];

/** Builds the webhook app, with the setup's signed requests ({@link ADMIN_PATH}) when it knows the paired consultants. */
export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable("x-powered-by");

  app.get("/healthz", (_req, res) => {
    res.status(200).json({ status: "ok" });
  });

  const consultants = deps.consultants;
  if (consultants !== undefined) {
    app.post(
      ADMIN_PATH,
      express.raw({ type: () => true, limit: 16 * 1024 }),
      adminHandler({ channelSecret: deps.channelSecret, consultants, line: deps.line, now: deps.now, log: deps.log }),
    );
  }
  // The 振り返りシート behind their links: the page, the images and the PDF, and the page's font.
  if (deps.sheets) app.use(sheetRouter(deps.sheets.store, deps.now, deps.log));

  app.post(
    // `/webhook` on a plain server; on Cloud Functions the function's name is stripped from
    // the path, so its URL (…cloudfunctions.net/webhook) arrives here as `/`.
    WEBHOOK_PATHS,
    // Reads the raw bytes, bounded; the signature is checked over exactly these bytes. On
    // Cloud Functions the platform has read the body already and this step passes through.
    express.raw({ type: () => true, limit: deps.maxBodyBytes ?? 1024 * 1024 }),
    middleware({ channelSecret: deps.channelSecret }),
    async (req, res) => {
      const body: unknown = req.body;
      const events = typeof body === "object" && body !== null && "events" in body ? body.events : undefined;
      if (!Array.isArray(events)) {
        res.status(400).json({ error: "The body must be a JSON object with an events array." });
        return;
      }
      if (events.length > 0) await handleEvents(events, deps);
      res.status(200).json({});
    },
  );

  app.use(errorHandler(deps));
  return app;
}

/** The one place that decides the HTTP answer to a failed request. */
function errorHandler(deps: Pick<AppDeps, "log">): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    const { status, reason } = classify(error);
    const fields = { path: req.path, status, reason };
    if (status >= 500) deps.log.error("request failed", { ...fields, error: describeError(error) });
    else deps.log.warn("request rejected", fields);
    if (!res.headersSent) res.status(status).json({ error: reason });
  };
}

function classify(error: unknown): { status: number; reason: string } {
  if (error instanceof SignatureValidationFailed) return { status: 401, reason: "invalid or missing signature" };
  if (error instanceof JSONParseError) return { status: 400, reason: "body is not valid JSON" };
  const status = typeof error === "object" && error !== null && "status" in error ? error.status : undefined;
  if (status === 413) return { status: 413, reason: "body too large" };
  if (typeof status === "number" && status >= 400 && status < 500) return { status, reason: "bad request" };
  return { status: 500, reason: "internal error" };
}
