/**
 * The consultants' console's data functions, an Express app of their own (deployed as the
 * `consoleApi` function, apart from the webhook). Every request needs a consultant's ID
 * token (`Authorization: Bearer …`): 401 without a valid one, 403 for an account that is not
 * a consultant. A consultant sees only the clients who share, by 受付番号; an unshared or
 * unknown 受付番号 is the same 404.
 */
import express, { type Express, type NextFunction, type Request, type Response } from "express";
import { describeError, type Logger } from "../log";
import { CLIENTS_PAGE, type ConsoleStore } from "../store/console-store";
import { clientPage, clientRows } from "./client-view";
import type { VerifyToken } from "./consultant-auth";
import { registerHomeworkRoutes, type HomeworkDeps } from "./homework-routes";
import { registerHandoverRoutes, type HandoverRouteDeps } from "./handover-routes";
import { registerMeRoutes, type LinePairingDeps } from "./me-routes";

/** What the console app needs. */
export interface ConsoleDeps {
  verify: VerifyToken;
  store: ConsoleStore;
  log: Logger;
  /** Notes, homework, alerts and the read log; without them, those routes are absent. */
  homework?: HomeworkDeps;
  /** The hand-over queue and its commands; without them the queue's routes answer 503. */
  handovers?: HandoverRouteDeps;
  /** The consultant's LINE (「LINEとつなぐ」); without it consultants are console-only. */
  pairing?: LinePairingDeps;
}

const MAX_FROM = 1_000_000;
const BEARER = /^Bearer ([A-Za-z0-9._-]{1,4096})$/;

/** The console's API under `/api`. */
export function createConsoleApp(deps: ConsoleDeps): Express {
  const app = express();
  app.disable("x-powered-by");
  app.use((_req, res, next) => {
    res.set({ "cache-control": "no-store", "x-content-type-options": "nosniff" });
    next();
  });
  app.use("/api", async (req: Request, res: Response, next: NextFunction) => {
    const token = BEARER.exec(req.get("authorization") ?? "")?.[1];
    const verdict = token === undefined ? { kind: "invalid" as const } : await deps.verify(token);
    if (verdict.kind === "invalid") return void res.status(401).json({ error: "unauthenticated" });
    if (verdict.kind === "notConsultant") return void res.status(403).json({ error: "forbidden" });
    res.locals.consultant = verdict.uid;
    res.locals.consultantEmail = verdict.email;
    next();
  });
  registerMeRoutes(app, deps.pairing);
  app.get("/api/clients", async (req, res, next) => {
    try {
      // One page at a time (`?from=`), so that 1,000 clients open about as fast as 25; `next` is where the following page starts.
      const from = Math.min(Math.max(Number.parseInt(typeof req.query.from === "string" ? req.query.from : "0", 10) || 0, 0), MAX_FROM);
      const { clients, total } = await deps.store.sharedClientsPage(from, CLIENTS_PAGE);
      const next = from + clients.length < total ? from + clients.length : null;
      res.json({ clients: clientRows(clients), total, next });
    } catch (error) {
      next(error);
    }
  });
  if (deps.homework) registerHomeworkRoutes(app, deps.homework);
  app.get("/api/clients/:code", async (req, res, next) => {
    try {
      const client = await deps.store.sharedClient(String(req.params.code));
      if (client === null) return void res.status(404).json({ error: "notFound" });
      res.json({ client: clientPage(client) });
    } catch (error) {
      next(error);
    }
  });
  registerHandoverRoutes(app, deps.handovers, deps.pairing);
  app.use("/api", (_req, res) => {
    res.status(404).json({ error: "notFound" });
  });
  app.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    deps.log.error("console request failed", { error: describeError(error) });
    res.status(500).json({ error: "internal" });
  });
  return app;
}
