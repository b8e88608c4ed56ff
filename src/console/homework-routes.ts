/**
 * The console's routes for working with a shared client (issue 22, items 3–6): private notes,
 * homework sent, withdrawn and answered, the alerts, and the read log of every client page
 * served. Registered by {@link registerHomeworkRoutes} before the client page's own route, so
 * that a page read is logged before it is answered. Every route sits behind the app's
 * consultant check; an unshared or unknown 受付番号 is the same 404 as everywhere.
 */
import express, { type Express, type NextFunction, type Request, type Response } from "express";
import { HOMEWORK_MAX } from "../dialogue";
import type { Consultant } from "../store/client-records";
import type { HomeworkStore, PushHomework, SharedHandle } from "../store/homework-store";
import { homeworkRows } from "./homework-view";

/** What the homework routes need. */
export interface HomeworkDeps {
  store: HomeworkStore;
  /** LINE's side: the pushes left this month (Infinity when unknown or unlimited) and the push; null when no channel token is configured. */
  line: { pushesLeft(): Promise<number>; push: PushHomework } | null;
  now: () => Date;
}

/** The longest private note, in characters. */
export const NOTE_MAX = 2000;

/** Registers the routes on `app`; call before the client page's route. */
export function registerHomeworkRoutes(app: Express, deps: HomeworkDeps): void {
  const json = express.json({ limit: "16kb" });
  const who = (res: Response): Consultant => ({
    uid: String(res.locals.consultant),
    email: (res.locals.consultantEmail as string | null) ?? null,
  });
  const withClient =
    (run: (client: SharedHandle, req: Request, res: Response) => Promise<void>) =>
    async (req: Request, res: Response, next: NextFunction) => {
      try {
        const client = await deps.store.shared(String(req.params.code));
        if (client === null) return void res.status(404).json({ error: "notFound" });
        await run(client, req, res);
      } catch (error) {
        next(error);
      }
    };

  // Every client page served is logged first (who, which client, when); the page's own route answers.
  app.get("/api/clients/:code", async (req, res, next) => {
    try {
      const client = await deps.store.shared(String(req.params.code));
      if (client !== null) await client.records.logRead(who(res), deps.now());
      next();
    } catch (error) {
      next(error);
    }
  });
  app.get(
    "/api/clients/:code/notes",
    withClient(async (client, _req, res) => {
      res.json({ notes: await client.records.notes() });
    }),
  );
  app.post(
    "/api/clients/:code/notes",
    json,
    withClient(async (client, req, res) => {
      const text = textOf(req.body, "text");
      if (text === "") return void res.status(400).json({ error: "empty" });
      if (text.length > NOTE_MAX) return void res.status(400).json({ error: "tooLong", max: NOTE_MAX });
      res.status(201).json({ note: await client.records.addNote(text, who(res), deps.now()) });
    }),
  );
  app.get(
    "/api/clients/:code/homework",
    withClient(async (client, _req, res) => {
      const [sent, answers] = await Promise.all([client.records.homework(), client.answers()]);
      res.json({ homework: homeworkRows(sent, answers) });
    }),
  );
  app.post(
    "/api/clients/:code/homework",
    json,
    withClient(async (client, req, res) => {
      const body = (req.body ?? {}) as Record<string, unknown>;
      const kind = body.kind;
      if (kind !== "question" && kind !== "step") return void res.status(400).json({ error: "badKind" });
      const text = textOf(body, "text");
      if (text === "") return void res.status(400).json({ error: "empty" });
      if (text.length > HOMEWORK_MAX) return void res.status(400).json({ error: "tooLong", max: HOMEWORK_MAX });
      if (deps.line === null) return void res.status(503).json({ error: "noLine" });
      if ((await deps.line.pushesLeft()) <= 0) return void res.status(409).json({ error: "quota" });
      const outcome = await client.send(kind, text, who(res), deps.now(), deps.line.push);
      if (outcome.kind === "sent") return void res.status(201).json({ id: outcome.id });
      if (outcome.kind === "refused") return void res.status(409).json({ error: outcome.why });
      res.status(outcome.kind === "failed" ? 502 : 409).json({ error: outcome.kind });
    }),
  );
  app.post(
    "/api/clients/:code/homework/:id/withdraw",
    withClient(async (client, req, res) => {
      const outcome = await client.withdraw(String(req.params.id), who(res), deps.now());
      if (outcome === "notFound") return void res.status(404).json({ error: "notFound" });
      if (outcome === "notWaiting") return void res.status(409).json({ error: "notWaiting" });
      res.json({ withdrawn: true });
    }),
  );
  app.get("/api/alerts", async (_req, res, next) => {
    try {
      res.json({ alerts: await deps.store.alerts() });
    } catch (error) {
      next(error);
    }
  });
}

function textOf(body: unknown, field: string): string {
  const value: unknown = typeof body === "object" && body !== null ? (body as Record<string, unknown>)[field] : undefined;
  return typeof value === "string" ? value.trim() : "";
}
