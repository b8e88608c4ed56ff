/**
 * A consultant's 対応 / 見送り / 終了 on the client with a 受付番号, whether it came from LINE (a
 * tap or a typed command in the consultant's own chat with the bot) or from the console. One
 * implementation for both: the command is applied in the client's own turn (so it queues with
 * the client's messages and the first of two consultants wins), remembered under `key` (a
 * repeat changes nothing), then the client is told (a push) and shown the menu of their new
 * stage, and the hand-over is recorded for the console's queue.
 */
import { menuFor, operatorTurn, restoreState, type Handover, type OperatorCommand, type OperatorTurn } from "./dialogue";
import type { LineGateway } from "./line/gateway";
import { lineRequestIdOf } from "./line/error";
import { renderReplies } from "./line/render";
import { retryKey } from "./line/retry-key";
import { showMenu } from "./line/surface";
import { describeError, userTag, type Logger } from "./log";
import type { HandoverRecords } from "./store/handover-record-store";
import { rememberEvent, type UserStore } from "./store/user-store";

/** The hand-over settings a command needs (`HandoffSettings` of the webhook). */
export interface OperatorSettings {
  idleMs: number;
  bookingUrl: string | undefined;
  replyHours?: number;
}

/** What running a command needs. */
export interface OperatorCommandDeps {
  store: UserStore;
  line: LineGateway;
  now: () => Date;
  log: Logger;
  handoff: OperatorSettings;
  /** Where taken and ended hand-overs are recorded for the console; without it, nothing is. */
  records?: HandoverRecords;
}

/** One command: who gives it, a unique key for it (the LINE event id, or the console's request id) and its order among the client's events. */
export interface OperatorRequest extends OperatorCommand {
  operator: string;
  key: string;
  order: number;
}

/** How a command went: the turn (or "handled" for a repeat of the same key) and the client's LINE id when the 受付番号 is known. */
export interface OperatorResult {
  turn: OperatorTurn | "handled";
  userId: string | null;
  /** Who has the client, when another consultant took them first (`takenByOther`). */
  heldBy: string | null;
}

/** Runs `request`; a failure to store it rejects (nothing was changed), a failed push is logged. */
export async function runOperatorCommand(request: OperatorRequest, deps: OperatorCommandDeps): Promise<OperatorResult> {
  const fields = { eventId: request.key, operator: userTag(request.operator), verb: request.verb };
  const now = deps.now();
  const act = { ...request, ...deps.handoff };
  const userId = await deps.store.findByHandoverCode(request.code);
  // The hand-over as the command found it (the plan may run again: the last run is the one committed).
  const found: { handover: Handover | null } = { handover: null };
  const turn: OperatorTurn | "handled" =
    userId === null
      ? operatorTurn(null, act, now)
      : await deps.store.runTurn<OperatorTurn | "handled">(
          userId,
          (stored) => {
            if (stored?.recentEventIds.includes(request.key)) return { write: null, result: "handled" };
            const result = operatorTurn(stored?.state ?? null, act, now);
            found.handover = stored === null ? null : restoreState(stored.state).state.handover;
            const write =
              stored === null || result.state === null
                ? null
                : { state: result.state, recentEventIds: rememberEvent(stored.recentEventIds, request.key), entries: [] };
            return { write, result };
          },
          { order: request.order },
        );
  const held = found.handover;
  const heldBy = turn !== "handled" && turn.outcome === "takenByOther" && held?.status === "active" ? held.operator : null;
  if (turn === "handled" || userId === null) return { turn, userId, heldBy };
  const user = { ...fields, user: userTag(userId) };
  if (turn.toUser.length > 0) {
    try {
      await deps.line.push(userId, renderReplies(turn.toUser), retryKey(`handover:${request.key}`));
    } catch (error) {
      deps.log.error("push failed", { ...user, error: describeError(error), lineRequestId: lineRequestIdOf(error) });
    }
  }
  if (turn.state !== null && (turn.outcome === "taken" || turn.outcome === "ended")) {
    await showMenu(deps.line, userId, menuFor(turn.state), deps.log, user);
    await record(userId, turn, held, now, deps).catch((error: unknown) =>
      deps.log.warn("hand-over record failed", { ...user, error: describeError(error) }),
    );
  }
  return { turn, userId, heldBy };
}

async function record(userId: string, turn: OperatorTurn, before: Handover | null, now: Date, deps: OperatorCommandDeps): Promise<void> {
  const taken = turn.state?.handover;
  if (turn.outcome === "taken" && taken?.status === "active")
    await deps.records?.taken(userId, { requestedAt: taken.requestedAt, takenAt: taken.takenAt, operator: taken.operator });
  if (turn.outcome === "ended" && before?.status === "active") await deps.records?.ended(userId, before.takenAt, now);
}
