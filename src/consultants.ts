/**
 * The consultants the webhook knows: the LINE ids of `OPERATOR_LINE_IDS` and the ones paired
 * by code (`npm run setup -- --add-consultant`), kept in Firestore so that adding or removing
 * one needs no redeploy. The paired ones are read at most once per {@link CONSULTANT_CACHE_MS}
 * on an instance (a removal reaches the other instances within that time; a pairing or a
 * removal made through this instance at once).
 *
 * Removing a consultant ends their running hand-overs as a consultant's 終了 does: each client
 * is told the bot is back and where they were, then the consultant is told who was handed back.
 */
import { consultantRemovedReplies, removedEnding, type PairingOutcome } from "./dialogue";
import type { LineGateway } from "./line/gateway";
import { renderReplies } from "./line/render";
import { retryKey } from "./line/retry-key";
import { describeError, userTag, type Logger } from "./log";
import type { ConsoleAccount, Consultant, ConsultantStore, PairingStatus, PairingTicket } from "./store/consultant-store";
import type { HandoverStore } from "./store/handover-store";
import { handoverCode } from "./store/user-document";

/** How long an instance trusts its list of paired consultants. */
export const CONSULTANT_CACHE_MS = 30_000;
/** The most hand-overs one removal ends (a consultant has far fewer). */
const MAX_HANDOVERS = 500;
/** A time after every hand-over's end, to list the running ones with the idle query. */
const END_OF_TIME = new Date("9999-12-31T00:00:00Z");

/** What a removal did. */
export interface RemovalSummary {
  /** Whether the LINE id was a paired consultant. */
  removed: boolean;
  /** Clients whose hand-over with them ended. */
  handedBack: number;
  /** Hand-overs that could not be ended (left to the idle sweep). */
  failed: number;
}

/** The consultants, for the webhook and the setup's admin requests. */
export interface Consultants {
  /** `OPERATOR_LINE_IDS` and the paired consultants, without repeats. */
  operatorIds(): Promise<string[]>;
  /** Every paired consultant (not those of `OPERATOR_LINE_IDS`). */
  paired(): Promise<Consultant[]>;
  /** A new one-time code; with `account`, the code links the LINE id that sends it to that console consultant. */
  issuePairing(now: Date, account?: ConsoleAccount): Promise<PairingTicket>;
  pairingStatus(id: string, now: Date): Promise<PairingStatus>;
  /** Takes a code sent by `lineUserId`; `displayName` is asked for only when the code is good. */
  pair(code: string, lineUserId: string, displayName: () => Promise<string | null>, now: Date): Promise<PairingOutcome>;
  /** Removes a paired consultant and ends their hand-overs. */
  remove(lineUserId: string, now: Date): Promise<RemovalSummary>;
}

/** What {@link createConsultants} needs. */
export interface ConsultantsDeps {
  store: ConsultantStore;
  handovers: HandoverStore;
  line: LineGateway;
  log: Logger;
  /** `OPERATOR_LINE_IDS`. */
  configured: readonly string[];
  /** {@link CONSULTANT_CACHE_MS} unless given. */
  cacheMs?: number;
}

/** The consultants over `deps.store`. */
export function createConsultants(deps: ConsultantsDeps): Consultants {
  const cacheMs = deps.cacheMs ?? CONSULTANT_CACHE_MS;
  let cached: { ids: string[]; at: number } | null = null;
  const fresh = () => void (cached = null);
  return {
    async operatorIds() {
      if (cached === null || Date.now() - cached.at >= cacheMs) {
        const paired = (await deps.store.list()).map((consultant) => consultant.lineUserId);
        cached = { ids: [...new Set([...deps.configured, ...paired])], at: Date.now() };
      }
      return cached.ids;
    },
    paired: () => deps.store.list(),
    issuePairing: (now, account) => deps.store.issuePairing(now, account),
    pairingStatus: (id, now) => deps.store.pairingStatus(id, now),
    async pair(code, lineUserId, displayName, now) {
      const name = code === "" ? null : await displayName();
      const outcome = await deps.store.redeem(code, lineUserId, name, now);
      fresh();
      return outcome;
    },
    async remove(lineUserId, now) {
      const removed = (await deps.store.remove(lineUserId)) !== null;
      fresh();
      const summary: RemovalSummary = { removed, handedBack: 0, failed: 0 };
      if (!removed) return summary;
      const codes: string[] = [];
      for (const handover of await deps.handovers.idleHandovers(END_OF_TIME, MAX_HANDOVERS)) {
        const ending = removedEnding(handover.state, [lineUserId], now);
        if (ending === null) continue;
        try {
          const key = `consultant-removed:${handover.userId}:${handover.until.toISOString()}`;
          await deps.line.push(handover.userId, renderReplies(ending.toUser), retryKey(key));
          if (await deps.handovers.complete(handover, () => ending.state)) {
            summary.handedBack++;
            codes.push(handoverCode(handover.userId));
          }
        } catch (error) {
          summary.failed++;
          deps.log.error("hand-over end on removal failed", { user: userTag(handover.userId), error: describeError(error) });
        }
      }
      await deps.line
        .push(lineUserId, renderReplies(consultantRemovedReplies(codes)), retryKey(`consultant-removed:${lineUserId}:${now.toISOString()}`))
        .catch((error: unknown) => deps.log.warn("removal notice failed", { operator: userTag(lineUserId), error: describeError(error) }));
      deps.log.info("consultant removed", { operator: userTag(lineUserId), ...summary });
      return summary;
    },
  };
}
