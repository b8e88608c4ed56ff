/**
 * The console's hand-over queue (issue 22, item 3 「Hand-overs」): the waiting requests, the
 * running hand-overs and those ended in the last week, by 受付番号, with who took each and how
 * long the client waited; and taking over and ending, which run the very command a consultant
 * sends from LINE (injected as {@link HandoverRouteDeps.command}, so that the rules are one:
 * the first to take wins, the bot is silent while a consultant has the client, and ending hands
 * the client back as it does from LINE).
 */
import { randomUUID } from "node:crypto";
import type { Express, Request, Response, NextFunction } from "express";
import { isLineOperator, type OperatorOutcome } from "../dialogue";
import type { HandoverQueueStore, QueueItem } from "../store/handover-record-store";
import { operatorIds, type LinePairingDeps } from "./me-routes";

/** How far back the queue lists ended hand-overs. */
export const ENDED_SHOWN_MS = 7 * 24 * 3_600_000;

/** A consultant's command from the console, run as the LINE path runs it. */
export interface ConsoleCommand {
  verb: "take" | "end";
  code: string;
  operator: string;
  /** Unique to this request (a repeat of the same key changes nothing). */
  key: string;
}

/** What the command did, and who has the client when another consultant took them first. */
export interface ConsoleCommandResult {
  outcome: OperatorOutcome | "handled";
  heldBy: string | null;
}

/** What the hand-over routes need; the console without them answers 503 to a take or an end. */
export interface HandoverRouteDeps {
  queue: HandoverQueueStore;
  command(request: ConsoleCommand): Promise<ConsoleCommandResult>;
  now: () => Date;
}

/** Who took a hand-over, as the page shows it: a name or an email, `line` for a LINE consultant without a name; `you` for oneself. */
export interface TakenBy {
  name: string | null;
  line: boolean;
  you: boolean;
}

/** One row of the hand-overs page. */
export interface HandoverRow {
  code: string;
  status: QueueItem["status"];
  crisis: boolean;
  requestedAt: string;
  takenAt: string | null;
  endedAt: string | null;
  /** From the request to the take-over, or to now while waiting. */
  waitedMs: number;
  takenBy: TakenBy | null;
}

const RANK: Record<QueueItem["status"], number> = { waiting: 0, active: 1, ended: 2 };

/**
 * The rows of the page: waiting first (urgent, then the longest waiting), then running, then
 * ended (latest first). `me` are the operator ids of the consultant who asks.
 */
export function handoverRows(
  items: readonly QueueItem[],
  names: ReadonlyMap<string, string>,
  me: readonly string[],
  now: Date,
): HandoverRow[] {
  const rows = items.map((item) => ({
    code: item.code,
    status: item.status,
    crisis: item.crisis,
    requestedAt: item.requestedAt,
    takenAt: item.takenAt,
    endedAt: item.endedAt,
    waitedMs: Math.max(0, (item.takenAt === null ? now.getTime() : Date.parse(item.takenAt)) - Date.parse(item.requestedAt)),
    takenBy: item.operator === null ? null : takenBy(item.operator, names, me),
  }));
  return rows.sort(
    (a, b) =>
      RANK[a.status] - RANK[b.status] ||
      (a.status === "waiting" ? Number(b.crisis) - Number(a.crisis) || a.requestedAt.localeCompare(b.requestedAt) : 0) ||
      (b.takenAt ?? "").localeCompare(a.takenAt ?? ""),
  );
}

/**
 * Who `operator` is, as the page may show it (never a LINE id): a LINE consultant by the name
 * in `names` (their console address once linked), a console one by their address.
 */
export function takenBy(operator: string, names: ReadonlyMap<string, string>, me: readonly string[]): TakenBy {
  const line = isLineOperator(operator);
  const name = line ? (names.get(operator) ?? null) : operator.slice(operator.indexOf(":") + 1);
  return { name, line, you: me.includes(operator) };
}

/**
 * Mounts `GET /api/handovers` and `POST /api/handovers/:code/take|end` on `app` (after the token
 * check). With `pairing`, a consultant whose LINE is linked takes hand-overs under their LINE id.
 */
export function registerHandoverRoutes(app: Express, deps: HandoverRouteDeps | undefined, pairing?: LinePairingDeps): void {
  const me = (res: Response) => operatorIds(res, pairing);
  const guard = (run: (req: Request, res: Response, deps: HandoverRouteDeps) => Promise<void>) => {
    return (req: Request, res: Response, next: NextFunction) => {
      if (deps === undefined) return void res.status(503).json({ error: "handoversUnavailable" });
      run(req, res, deps).catch(next);
    };
  };
  app.get(
    "/api/handovers",
    guard(async (_req, res, routes) => {
      const at = routes.now();
      const since = new Date(at.getTime() - ENDED_SHOWN_MS);
      const [items, names, mine] = await Promise.all([routes.queue.queue(since), routes.queue.consultantNames(), me(res)]);
      res.json({ handovers: handoverRows(items, names, mine, at) });
    }),
  );
  for (const verb of ["take", "end"] as const) {
    app.post(
      `/api/handovers/:code/${verb}`,
      guard(async (req, res, routes) => {
        const code = String(req.params.code);
        if (!/^[0-9A-F]{8}$/.test(code)) return void res.status(404).json({ error: "notFound" });
        const mine = await me(res);
        const result = await routes.command({ verb, code, operator: mine[0], key: `console-${randomUUID()}` });
        const held = result.heldBy === null ? null : takenBy(result.heldBy, await routes.queue.consultantNames(), mine);
        res.json({ outcome: result.outcome, takenBy: held });
      }),
    );
  }
}
