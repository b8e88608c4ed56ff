/**
 * The hand-over sweep, run with each reminder pass: a consultant's hand-over that went
 * `HANDOVER_IDLE_HOURS` without a message from the user ends, the user is told the bot is
 * back and where they were (and sees the usual menu again), the consultant is told it ended, and
 * its end is recorded for the console's hand-over queue.
 *
 * Exactly once rests, as for reminders, on the pushes' retry keys, derived from (user, idle
 * time): a pass that pushed and died before completing is repeated by the next one, whose
 * pushes LINE drops (409). The completion is a transaction that writes only if the hand-over
 * is still the one the query saw.
 */
import { afterJob, idleEnding, isLineOperator, menuFor, operatorEndNotice } from "../dialogue";
import { toLineApiError } from "../line/error";
import type { LineGateway } from "../line/gateway";
import { renderReplies } from "../line/render";
import { retryKey } from "../line/retry-key";
import { showMenu } from "../line/surface";
import { describeError, userTag, type Logger } from "../log";
import type { HandoverRecords } from "../store/handover-record-store";
import type { HandoverStore, IdleHandover } from "../store/handover-store";
import { handoverCode } from "../store/user-document";

/** The most idle hand-overs one pass ends; the rest wait for the next pass. */
export const HANDOVERS_PER_PASS = 200;

/** The one-line summary of a sweep. */
export interface HandoverSummary {
  /** Idle hand-overs found. */
  idle: number;
  /** Ended now (the user and the consultant were told). */
  ended: number;
  /** Changed since the query (the user wrote, the consultant ended it): left alone. */
  skipped: number;
  /** Pushes or completions that failed; still idle for the next pass. */
  failed: number;
}

/** What a sweep needs. */
export interface HandoverJobDeps {
  store: HandoverStore;
  line: LineGateway;
  log: Logger;
  /** Where the end is recorded for the console's queue; without it, nothing is. */
  records?: HandoverRecords;
}

/** Ends every hand-over idle at `now`; never throws for one user's failure. */
export async function endIdleHandovers(now: Date, deps: HandoverJobDeps): Promise<HandoverSummary> {
  const summary: HandoverSummary = { idle: 0, ended: 0, skipped: 0, failed: 0 };
  const idle = await deps.store.idleHandovers(now, HANDOVERS_PER_PASS);
  summary.idle = idle.length;
  for (const handover of idle) {
    try {
      summary[(await endOne(handover, now, deps)) ? "ended" : "skipped"]++;
    } catch (error) {
      summary.failed++;
      deps.log.error("hand-over end failed", { user: userTag(handover.userId), error: describeError(error) });
    }
  }
  deps.log.info("hand-over sweep", { at: now.toISOString(), ...summary });
  return summary;
}

async function endOne(handover: IdleHandover, now: Date, deps: HandoverJobDeps): Promise<boolean> {
  const ending = idleEnding(handover.state, now);
  if (ending === null) return false;
  const slot = `${handover.userId}:${handover.until.toISOString()}`;
  const notice = operatorEndNotice("idle", handoverCode(handover.userId), ending.idleMs);
  await pushOnce(handover.userId, renderReplies(ending.toUser), `handover-idle:${slot}`, deps);
  if (isLineOperator(ending.operator)) await pushOnce(ending.operator, renderReplies(notice), `handover-idle-operator:${slot}`, deps);
  const completed = await deps.store.complete(handover, (stored) => afterJob(stored, { type: "handoverIdle" }, now));
  if (!completed) return false;
  const user = { user: userTag(handover.userId) };
  await deps.records
    ?.ended(handover.userId, ending.takenAt, now)
    .catch((error: unknown) => deps.log.warn("hand-over record failed", { ...user, error: describeError(error) }));
  await showMenu(deps.line, handover.userId, menuFor(ending.state), deps.log, user);
  return true;
}

/**
 * Pushes with a retry key. LINE's 409 (already sent with this key) counts as sent, and 404
 * (LINE does not know the id) as nobody left to tell; anything else fails this user's end.
 */
async function pushOnce(to: string, messages: ReturnType<typeof renderReplies>, key: string, deps: HandoverJobDeps): Promise<void> {
  try {
    await deps.line.push(to, messages, retryKey(key));
  } catch (error) {
    const status = toLineApiError("push", error).status;
    if (status === 409 || status === 404) return;
    throw error;
  }
}
