/**
 * What `npm run consultants -- remove <email>` does beyond the account's claim: the consultant's
 * LINE linked to the account (「LINEとつなぐ」) stops being a consultant, and every hand-over they
 * took, in the console or in LINE, ends as a consultant's 終了 ends it (src/consultants.ts): each
 * client is told the bot is back, and the consultant's LINE who was handed back. Firestore as
 * `npm run stats` reaches it, and LINE's access token from the environment or from the setup.
 */
import type { StatsConfig } from "../../src/config";
import { createConsultants, type RemovalSummary } from "../../src/consultants";
import { createLineGateway } from "../../src/line/client";
import type { Logger } from "../../src/log";
import { createFirestore } from "../../src/server";
import { createFirestoreConsultantStore } from "../../src/store/consultant-store";
import { createHandoverRecords } from "../../src/store/handover-record-store";
import { createFirestoreHandoverStore } from "../../src/store/handover-store";

/** What was done, or that nothing could be because LINE's access token is missing. */
export type LineSideOutcome = { kind: "done"; summary: RemovalSummary } | { kind: "noToken" };

/** Removes the LINE side and ends the hand-overs of the consultant `email` (uid "" when the account is gone). */
export async function removeLineSide(
  account: { uid: string; email: string },
  config: StatsConfig,
  log: Logger,
  now: Date = new Date(),
): Promise<LineSideOutcome> {
  if (config.lineChannelAccessToken === undefined) return { kind: "noToken" };
  const db = createFirestore(config);
  try {
    const consultants = createConsultants({
      store: createFirestoreConsultantStore(db),
      handovers: createFirestoreHandoverStore(db),
      records: createHandoverRecords(db),
      line: createLineGateway({ channelAccessToken: config.lineChannelAccessToken, baseURL: config.lineApiBaseUrl }),
      log,
      configured: [],
    });
    return { kind: "done", summary: await consultants.removeAccount(account, now) };
  } finally {
    await db.terminate();
  }
}
