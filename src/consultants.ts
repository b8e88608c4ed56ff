/**
 * The consultants the webhook knows: the LINE ids of `OPERATOR_LINE_IDS` and the ones paired
 * by code (`npm run setup -- --add-consultant`), kept in Firestore so that adding or removing
 * one needs no redeploy. The paired ones are read at most once per {@link CONSULTANT_CACHE_MS}
 * on an instance (a removal reaches the other instances within that time; a pairing or a
 * removal made through this instance at once).
 *
 * A consultant paired from the console is one consultant with that console account (see
 * `store/consultant-store.ts`): removing either side removes the whole consultant.
 *
 * Removing a consultant ends their running hand-overs as a consultant's 終了 does, whichever side
 * they took them from: each client is told the bot is back and where they were, then the
 * consultant is told in LINE who was handed back.
 */
import { consoleOperator, consultantRemovedReplies, removedEnding, type PairingOutcome } from "./dialogue";
import type { LineGateway } from "./line/gateway";
import { renderReplies } from "./line/render";
import { retryKey } from "./line/retry-key";
import { describeError, userTag, type Logger } from "./log";
import type { ConsoleAccount, Consultant, ConsultantStore, PairingStatus, PairingTicket } from "./store/consultant-store";
import type { HandoverRecords } from "./store/handover-record-store";
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
  /** Whether a paired LINE id was removed (for an account: a LINE linked to it). */
  removed: boolean;
  /** The sign-in address of the console account the removed LINE id was one consultant with; null when none. */
  account: string | null;
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
  /** Removes a paired consultant (and the link to their console account) and ends their hand-overs. */
  remove(lineUserId: string, now: Date): Promise<RemovalSummary>;
  /**
   * Removes the consultant of a console account (taking its claim is the caller's part): the LINE
   * ids linked to it, and every hand-over taken under them or under the account. `account.uid`
   * may be "" when the account no longer exists.
   */
  removeAccount(account: ConsoleAccount, now: Date): Promise<RemovalSummary>;
}

/** What {@link createConsultants} needs. */
export interface ConsultantsDeps {
  store: ConsultantStore;
  handovers: HandoverStore;
  /** Where a hand-over ended by a removal is recorded for the console; without it, nothing is. */
  records?: HandoverRecords;
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
      const removed = await deps.store.remove(lineUserId);
      fresh();
      const email = removed?.account?.email ?? null;
      if (removed === null) return { removed: false, account: null, handedBack: 0, failed: 0 };
      const summary = await endHandoversOf([lineUserId, ...(email === null ? [] : [consoleOperator(email)])], [lineUserId], now, deps);
      return { removed: true, account: email, ...summary };
    },
    async removeAccount(account, now) {
      // By the address too: an account deleted in Firebase's console and made again has a new uid.
      const byEmail = account.email === null ? [] : await deps.store.linkedTo({ email: account.email });
      const linked = new Set([...(await deps.store.linkedTo({ uid: account.uid })), ...byEmail].map((c) => c.lineUserId));
      const lineIds: string[] = [];
      for (const lineUserId of linked) if ((await deps.store.remove(lineUserId)) !== null) lineIds.push(lineUserId);
      fresh();
      const console = account.email === null ? [] : [consoleOperator(account.email)];
      const summary = await endHandoversOf([...lineIds, ...console], lineIds, now, deps);
      return { removed: lineIds.length > 0, account: account.email, ...summary };
    },
  };
}

/**
 * Ends every running hand-over taken under one of `operators`, pushing each client the words of
 * a consultant's 終了, then tells `lineIds` (the consultant's LINE) who was handed back.
 */
async function endHandoversOf(
  operators: readonly string[],
  lineIds: readonly string[],
  now: Date,
  deps: ConsultantsDeps,
): Promise<{ handedBack: number; failed: number }> {
  const summary = { handedBack: 0, failed: 0 };
  const codes: string[] = [];
  for (const handover of await deps.handovers.idleHandovers(END_OF_TIME, MAX_HANDOVERS)) {
    const ending = removedEnding(handover.state, operators, now);
    if (ending === null) continue;
    try {
      const key = `consultant-removed:${handover.userId}:${handover.until.toISOString()}`;
      await deps.line.push(handover.userId, renderReplies(ending.toUser), retryKey(key));
      if (await deps.handovers.complete(handover, () => ending.state)) {
        summary.handedBack++;
        codes.push(handoverCode(handover.userId));
        await deps.records
          ?.ended(handover.userId, ending.takenAt, now)
          .catch((error: unknown) =>
            deps.log.warn("hand-over record failed", { user: userTag(handover.userId), error: describeError(error) }),
          );
      }
    } catch (error) {
      summary.failed++;
      deps.log.error("hand-over end on removal failed", { user: userTag(handover.userId), error: describeError(error) });
    }
  }
  for (const lineUserId of lineIds) {
    await deps.line
      .push(lineUserId, renderReplies(consultantRemovedReplies(codes)), retryKey(`consultant-removed:${lineUserId}:${now.toISOString()}`))
      .catch((error: unknown) => deps.log.warn("removal notice failed", { operator: userTag(lineUserId), error: describeError(error) }));
  }
  deps.log.info("consultant removed", { operators: operators.length, ...summary });
  return summary;
}
