/**
 * The webhook's way into the user store: one user's turns one transaction at a time in this
 * instance, within a time budget, and never a commit after its turn has given up.
 *
 * - **Queue.** Turns of one user wait in a keyed queue. The turns that are waiting when the
 *   user's previous transaction ends, and those that arrive while a transaction is still
 *   reading the user's document, run together in **one** transaction, folded in the order of
 *   their events' timestamps: a burst of N requests of one user costs a few short
 *   transactions and no contention inside the instance, and an idle user's turn waits for
 *   nothing but its own read.
 * - **Budget.** Each turn's budget starts when it is queued and covers the wait and the
 *   transaction. A turn whose budget runs out while it waits or while its transaction reads
 *   fails at once with {@link StoreDeadlineError} and is left out of every later attempt:
 *   it is cancelled **before** any commit that could hold it.
 * - **Commits in flight are never abandoned.** Once a transaction attempt has handed its
 *   write to Firestore, its turns wait for the outcome (up to `commitWaitMs`), whatever
 *   their budget: a turn answered with an error has therefore applied nothing.
 * - **Nor are commits in doubt.** A failed attempt does not prove that its write did not
 *   land: an answer lost on the way (a connection reset) leaves the write possibly still on
 *   its way, and the next attempt may read the document before it lands. So a turn once
 *   handed to a commit is never failed for its budget again: it stays in every later attempt
 *   until one lands (Firestore then refuses the earlier write, whose read is stale) or the
 *   earlier one is seen to have landed. Past `commitWaitMs` it fails with
 *   {@link CommitOutcomeUnknownError}, not as cancelled.
 * - **Retries.** An attempt that Firestore aborts (another instance wrote the user) is
 *   run again, first by the client, then here while a turn still has budget. Each
 *   attempt stamps the document with its own commit id; when an attempt's outcome was
 *   lost (the client retried, or failed, after a commit that landed), the next attempt
 *   reads its id back and hands the turns that attempt's results instead of applying
 *   them again.
 */
import { randomUUID } from "node:crypto";
import { DeadlineError } from "../retry";
import { mergedEntries, type StoredUser, type TurnOptions, type TurnPlan, type UserStore, type UserWrite } from "./user-store";

/** How the queue spends a turn's time. */
export interface TurnQueueSettings {
  /** A turn's budget (queue + transaction) once a transaction has succeeded in this instance. */
  warmMs: number;
  /** The budget until then, while the client library loads and connects. */
  coldMs: number;
  /** A turn joins an attempt only with at least this much of its budget left (so its commit fits). */
  commitMarginMs: number;
  /** How long turns whose commit is in flight wait for its outcome, from the commit. */
  commitWaitMs: number;
}

/** The webhook's settings: LINE waits 2 s for an answer, and the reply needs some of it. */
export const TURN_QUEUE_SETTINGS: TurnQueueSettings = {
  warmMs: 1_500,
  coldMs: 10_000,
  commitMarginMs: 100,
  commitWaitMs: 30_000,
};

/** A turn that ran out of budget before it could commit: nothing was applied. */
export class StoreDeadlineError extends DeadlineError {
  override readonly name: string = "StoreDeadlineError";
  constructor(
    readonly operation: keyof UserStore,
    deadlineMs: number,
  ) {
    super(`Firestore ${operation}`, deadlineMs);
  }
}

/**
 * A commit whose outcome stayed unknown for `commitWaitMs` (Firestore unreachable after the
 * write was sent). The one case where the turn may have been applied without its reply.
 */
export class CommitOutcomeUnknownError extends Error {
  override readonly name: string = "CommitOutcomeUnknownError";
  constructor(waitedMs: number, options?: ErrorOptions) {
    super(`a commit's outcome was still unknown after ${waitedMs} ms`, options);
  }
}

/** The order turns fold in: their events' timestamps, then their arrival. */
function byTimestamp(a: Turn, b: Turn): number {
  return a.order - b.order || a.arrival - b.arrival;
}

/** gRPC codes of a transaction that may simply be tried again. */
const ABORTED = 10;
const UNAVAILABLE = 14;

type Phase = "queued" | "reading" | "committing" | "settled";

interface Turn {
  plan: (stored: StoredUser | null) => TurnPlan<unknown>;
  order: number;
  arrival: number;
  deadline: number;
  budgetMs: number;
  phase: Phase;
  /**
   * The turn was in a write handed to Firestore whose outcome is not known (its answer was
   * lost, or the client tried again): that write may still land until a later write of the
   * document does, so the turn is never failed for its budget again; it stays in every later
   * attempt until one of them, or the earlier one, is seen to have landed.
   */
  inDoubt: boolean;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

/** Wraps `store` so that its turns go through the queue; other calls pass through. */
export function queuedStore(store: UserStore, settings: TurnQueueSettings = TURN_QUEUE_SETTINGS): UserStore {
  let warm = false;
  let arrivals = 0;
  const waiting = new Map<string, Turn[]>();
  const running = new Set<string>();

  const settle = (turn: Turn, outcome: { value: unknown } | { error: unknown }) => {
    if (turn.phase === "settled") return;
    turn.phase = "settled";
    if ("value" in outcome) turn.resolve(outcome.value);
    else turn.reject(outcome.error);
  };

  /** Cancels a turn whose budget ran out, unless a commit that holds it is in flight or in doubt. */
  const expire = (turn: Turn) => {
    if (turn.inDoubt) return;
    if (turn.phase === "queued" || turn.phase === "reading") settle(turn, { error: new StoreDeadlineError("runTurn", turn.budgetMs) });
  };
  /** Whether the turn still waits for the outcome of a commit that may hold it. */
  const doubtful = (turn: Turn) => turn.phase !== "settled" && turn.inDoubt;

  async function drain(userId: string): Promise<void> {
    running.add(userId);
    try {
      // One turn of the event loop first, so that requests already received but not yet read
      // (an instance busy loading its libraries) queue their turns in time to join this one.
      await new Promise((resolve) => setImmediate(resolve));
      for (;;) {
        const batch = (waiting.get(userId) ?? []).filter((turn) => turn.phase === "queued");
        waiting.delete(userId);
        if (batch.length === 0) return;
        batch.sort(byTimestamp);
        await runBatch(userId, batch);
      }
    } finally {
      running.delete(userId);
      if (waiting.has(userId)) void drain(userId);
    }
  }

  /** Runs one batch until every turn of it is settled, or only abandoned attempts remain. */
  async function runBatch(userId: string, batch: Turn[]): Promise<void> {
    const attempts = new Map<string, { turns: Turn[]; results: unknown[] }>();
    let included: Turn[] = [];
    let commitStarted: number | null = null;
    const allSettled = () => batch.every((turn) => turn.phase === "settled");

    const plan = (stored: StoredUser | null): TurnPlan<string | null> => {
      const landed = stored?.lastCommit ? attempts.get(stored.lastCommit) : undefined;
      if (landed) {
        landed.turns.forEach((turn, i) => settle(turn, { value: landed.results[i] }));
        return { write: null, result: null };
      }
      for (const turn of included) if (turn.phase === "committing") turn.phase = "reading";
      included = [];
      // Turns that arrived while the document was read join this attempt, in timestamp order.
      const joined = waiting.get(userId)?.filter((turn) => turn.phase === "queued") ?? [];
      if (joined.length > 0) {
        waiting.delete(userId);
        batch.push(...joined);
        batch.sort(byTimestamp);
      }
      const results: unknown[] = [];
      let current = stored;
      let write = null as UserWrite | null;
      for (const turn of batch) {
        if (turn.phase === "settled") continue;
        if (!turn.inDoubt && Date.now() > turn.deadline - settings.commitMarginMs) {
          expire(turn);
          continue;
        }
        // What Firestore would give back of the turn before: plain JSON (made only when a turn follows).
        if (write !== null && current?.state === write.state)
          current = { state: JSON.parse(JSON.stringify(write.state)) as unknown, recentEventIds: write.recentEventIds };
        const next = turn.plan(current);
        included.push(turn);
        results.push(next.result);
        if (next.write !== null) {
          write = { ...next.write, ...mergedEntries(write, next.write) };
          current = { state: next.write.state, recentEventIds: next.write.recentEventIds };
        }
      }
      if (included.length === 0) return { write: null, result: null };
      const commitId = randomUUID();
      attempts.set(commitId, { turns: included, results });
      for (const turn of included) {
        turn.phase = "committing";
        turn.inDoubt = true;
      }
      commitStarted ??= Date.now();
      return { write: write && { ...write, commitId }, result: commitId };
    };

    for (;;) {
      if (allSettled()) return;
      const attempt = store.runTurn(userId, plan);
      attempt.catch(() => {});
      const outcome = await untilSettled(batch, doubtful, attempt, () => commitStarted, settings.commitWaitMs);
      if (outcome.kind === "abandoned") return;
      if (outcome.kind === "done") {
        warm = true;
        const results = outcome.commitId === null ? undefined : attempts.get(outcome.commitId);
        results?.turns.forEach((turn, i) => settle(turn, { value: results.results[i] }));
        // Turns left out of this attempt were expired while it ran; nothing else is pending.
        continue;
      }
      if (outcome.kind === "commitTimeout") {
        for (const turn of batch) {
          if (doubtful(turn)) settle(turn, { error: new CommitOutcomeUnknownError(settings.commitWaitMs) });
          else expire(turn);
        }
        return;
      }
      const error = outcome.error;
      const inDoubt = batch.some(doubtful);
      const retryable = isRetryable(error);
      const withinCommitWait = commitStarted !== null && Date.now() - commitStarted < settings.commitWaitMs;
      const budgetLeft = batch.some((turn) => turn.phase !== "settled" && Date.now() < turn.deadline - settings.commitMarginMs);
      if ((inDoubt && withinCommitWait) || (retryable && budgetLeft)) {
        // Try again: the next attempt finds out whether an attempt in doubt landed.
        for (const turn of batch) if (turn.phase === "committing") turn.phase = "reading";
        continue;
      }
      for (const turn of batch) {
        settle(turn, { error: doubtful(turn) ? new CommitOutcomeUnknownError(settings.commitWaitMs, { cause: error }) : error });
      }
      return;
    }
  }

  return {
    runTurn<T>(userId: string, plan: (stored: StoredUser | null) => TurnPlan<T>, options?: TurnOptions): Promise<T> {
      const budgetMs = warm ? settings.warmMs : settings.coldMs;
      return new Promise<T>((resolve, reject) => {
        const now = Date.now();
        const turn: Turn = {
          plan,
          order: options?.order ?? now,
          arrival: arrivals++,
          deadline: now + budgetMs,
          budgetMs,
          phase: "queued",
          inDoubt: false,
          resolve: (value) => {
            clearTimeout(timer);
            resolve(value as T);
          },
          reject: (error) => {
            clearTimeout(timer);
            reject(error instanceof Error ? error : new Error(String(error)));
          },
        };
        const timer = setTimeout(() => expire(turn), budgetMs);
        waiting.set(userId, [...(waiting.get(userId) ?? []), turn]);
        if (!running.has(userId)) void drain(userId);
      });
    },
    listEntries: (userId, offset, limit) => store.listEntries(userId, offset, limit),
    findByHandoverCode: (code) => store.findByHandoverCode(code),
    deleteUser: (userId) => store.deleteUser(userId),
  };
}

type AttemptOutcome =
  | { kind: "done"; commitId: string | null }
  | { kind: "failed"; error: unknown }
  /** Every turn of the batch was settled (expired) while the attempt was still reading. */
  | { kind: "abandoned" }
  | { kind: "commitTimeout" };

/** Waits for `attempt`, unless every turn settles first or a commit in flight or in doubt outlives `commitWaitMs`. */
function untilSettled(
  batch: Turn[],
  doubtful: (turn: Turn) => boolean,
  attempt: Promise<string | null>,
  commitStarted: () => number | null,
  commitWaitMs: number,
): Promise<AttemptOutcome> {
  return new Promise((resolve) => {
    const poll = setInterval(() => {
      const started = commitStarted();
      const inDoubt = batch.some(doubtful);
      if (!inDoubt && batch.every((turn) => turn.phase === "settled")) finish({ kind: "abandoned" });
      else if (inDoubt && started !== null && Date.now() - started >= commitWaitMs) finish({ kind: "commitTimeout" });
    }, 10);
    const finish = (outcome: AttemptOutcome) => {
      clearInterval(poll);
      resolve(outcome);
    };
    attempt.then(
      (commitId) => finish({ kind: "done", commitId }),
      (error: unknown) => finish({ kind: "failed", error }),
    );
  });
}

function isRetryable(error: unknown): boolean {
  const code = typeof error === "object" && error !== null && "code" in error ? error.code : undefined;
  return code === ABORTED || code === UNAVAILABLE;
}
