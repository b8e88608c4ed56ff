/**
 * The signed-in consultant themselves: whether their LINE is one consultant with this console
 * account, and 「LINEとつなぐ」, a one-time code for the account. Sent to the bot from the
 * consultant's own LINE, the code records that LINE id on this consultant (the webhook's pairing,
 * `store/consultant-store.ts`): from then on hand-off requests reach that LINE, and a hand-over
 * taken in the console or in LINE is taken under the LINE id, so both sides show one consultant.
 */
import type { Express, Response } from "express";
import { consoleOperator, pairingMessage } from "../dialogue";
import type { ConsoleAccount, Consultant, PairingTicket } from "../store/consultant-store";

/** What the routes need; without them the console has no 「LINEとつなぐ」 and consultants stay console-only. */
export interface LinePairingDeps {
  /** The consultant linked to the console account `uid`, if any. */
  linked(uid: string): Promise<Consultant | null>;
  /** A new one-time code for `account`. */
  issue(account: ConsoleAccount, now: Date): Promise<PairingTicket>;
  now: () => Date;
}

/** The signed-in consultant's account, as the token check left it in `res.locals`. */
export function accountOf(res: Response): ConsoleAccount {
  return { uid: String(res.locals.consultant), email: (res.locals.consultantEmail as string | null) ?? null };
}

/**
 * The operator ids of the signed-in consultant: first the one a hand-over taken now is taken
 * under (their linked LINE id, else their console id), then the console id they may have taken
 * hand-overs under before their LINE was linked.
 */
export async function operatorIds(res: Response, deps: LinePairingDeps | undefined): Promise<string[]> {
  const account = accountOf(res);
  const console = consoleOperator(account.email ?? account.uid);
  const line = deps === undefined ? null : await deps.linked(account.uid);
  return line === null ? [console] : [line.lineUserId, console];
}

/**
 * Mounts `GET /api/me` (the account, and whether and since when its LINE is linked) and
 * `POST /api/me/line` (a new code, as the message to send from LINE, and until when) on `app`,
 * after the token check.
 */
export function registerMeRoutes(app: Express, deps: LinePairingDeps | undefined): void {
  app.get("/api/me", async (_req, res, next) => {
    try {
      const line = deps === undefined ? null : await deps.linked(accountOf(res).uid);
      res.json({
        consultant: true,
        email: accountOf(res).email,
        line:
          deps === undefined
            ? null
            : { linked: line !== null, name: line?.displayName ?? null, since: line?.linkedAt?.toISOString() ?? null },
      });
    } catch (error) {
      next(error);
    }
  });
  app.post("/api/me/line", async (_req, res, next) => {
    if (deps === undefined) return void res.status(503).json({ error: "pairingUnavailable" });
    try {
      const ticket = await deps.issue(accountOf(res), deps.now());
      res.json({ message: pairingMessage(ticket.code), expiresAt: ticket.expiresAt.toISOString() });
    } catch (error) {
      next(error);
    }
  });
}
