/**
 * The turn queue's guarantees against a scripted store that plays Firestore's transaction
 * (read, plan, commit, the client's own retries) with chosen delays and failures: a turn
 * that fails has applied nothing, and a turn that was applied gets its result once.
 */
import type { StoredUser, TurnPlan, UserStore } from "../../src/store/user-store";
import { CommitOutcomeUnknownError, queuedStore, StoreDeadlineError, type TurnQueueSettings } from "../../src/store/turn-queue";
import { sleep } from "../../src/retry";
import { sampleState, NOW } from "../helpers/dialogue-states";

const SETTINGS: TurnQueueSettings = {
  warmMs: 200,
  coldMs: 200,
  gatherQuietMs: 5,
  gatherMaxMs: 20,
  commitMarginMs: 20,
  commitWaitMs: 2_000,
};

interface Script {
  readMs?: number;
  commitMs?: number;
  /** Commits this many attempts and then fails them as if the answer were lost. */
  loseAnswers?: number;
  /** The store rejects this many transactions with ABORTED (the client's retries spent). */
  aborts?: number;
}

/** One document, transactions as Firestore runs them; counts what happened. */
function scriptedStore(script: Script) {
  let doc: StoredUser | null = null;
  const counts = { transactions: 0, commits: 0 };
  let { loseAnswers = 0, aborts = 0 } = script;
  const store: UserStore = {
    async runTurn<T>(_userId: string, plan: (stored: StoredUser | null) => TurnPlan<T>): Promise<T> {
      counts.transactions += 1;
      await sleep(script.readMs ?? 0);
      const { write, result } = plan(doc === null ? null : structuredClone(doc));
      if (write === null) return result;
      // A commit that never answers holds no timer (so nothing outlives the test).
      await (script.commitMs === Infinity ? new Promise(() => {}) : sleep(script.commitMs ?? 0));
      if (aborts > 0) {
        aborts -= 1;
        throw Object.assign(new Error("10 ABORTED: contention"), { code: 10 });
      }
      doc = { state: write.state, recentEventIds: write.recentEventIds, lastCommit: write.commitId ?? null };
      counts.commits += 1;
      if (loseAnswers > 0) {
        loseAnswers -= 1;
        throw Object.assign(new Error("14 UNAVAILABLE: connection reset"), { code: 14 });
      }
      return result;
    },
    listEntries: () => Promise.resolve([]),
    findByHandoverCode: () => Promise.resolve(null),
    deleteUser: () => Promise.resolve(),
  };
  return { store, counts, doc: () => doc };
}

/** A turn that appends `id` to the handled events and returns how many there are then. */
const turn =
  (id: string) =>
  (stored: StoredUser | null): TurnPlan<number> => {
    const recentEventIds = [...(stored?.recentEventIds ?? []), id];
    return { write: { state: sampleState("resting", NOW), recentEventIds, entries: [] }, result: recentEventIds.length };
  };

describe("the turn queue", () => {
  it("fails a turn whose budget runs out while its transaction reads, and never commits it", async () => {
    const scripted = scriptedStore({ readMs: 400 });
    const queue = queuedStore(scripted.store, SETTINGS);
    await expect(queue.runTurn("U1", turn("e1"))).rejects.toBeInstanceOf(StoreDeadlineError);
    await sleep(500);
    expect(scripted.counts.commits).toBe(0);
    expect(scripted.doc()).toBeNull();
  });

  it("waits for a commit in flight at the deadline instead of abandoning it", async () => {
    const scripted = scriptedStore({ commitMs: 400 });
    const queue = queuedStore(scripted.store, SETTINGS);
    await expect(queue.runTurn("U1", turn("e1"))).resolves.toBe(1);
    expect(scripted.doc()?.recentEventIds).toEqual(["e1"]);
  });

  it("recognises an attempt that landed although its answer was lost, and applies it once", async () => {
    const scripted = scriptedStore({ loseAnswers: 1 });
    const queue = queuedStore(scripted.store, SETTINGS);
    await expect(queue.runTurn("U1", turn("e1"))).resolves.toBe(1);
    expect(scripted.counts).toEqual({ transactions: 2, commits: 1 });
    expect(scripted.doc()?.recentEventIds).toEqual(["e1"]);
  });

  it("fails with the outcome unknown only after waiting commitWaitMs for a commit that never answers", async () => {
    const scripted = scriptedStore({ commitMs: Infinity });
    const queue = queuedStore(scripted.store, { ...SETTINGS, commitWaitMs: 300 });
    const started = Date.now();
    await expect(queue.runTurn("U1", turn("e1"))).rejects.toBeInstanceOf(CommitOutcomeUnknownError);
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
  });

  it("tries an aborted transaction again within the budget", async () => {
    const scripted = scriptedStore({ aborts: 2 });
    const queue = queuedStore(scripted.store, SETTINGS);
    await expect(queue.runTurn("U1", turn("e1"))).resolves.toBe(1);
    expect(scripted.counts).toEqual({ transactions: 3, commits: 1 });
  });

  it("runs the turns of one user that wait together in one transaction, in timestamp order", async () => {
    const scripted = scriptedStore({});
    const queue = queuedStore(scripted.store, SETTINGS);
    const results = await Promise.all([
      queue.runTurn("U1", turn("third"), { order: 3 }),
      queue.runTurn("U1", turn("first"), { order: 1 }),
      queue.runTurn("U1", turn("second"), { order: 2 }),
    ]);
    expect(results).toEqual([3, 1, 2]);
    expect(scripted.counts).toEqual({ transactions: 1, commits: 1 });
    expect(scripted.doc()?.recentEventIds).toEqual(["first", "second", "third"]);
  });

  it("leaves out of a batch the turns whose budget ran out while they waited, and commits the rest", async () => {
    const scripted = scriptedStore({ readMs: 150, commitMs: 150 });
    const queue = queuedStore(scripted.store, SETTINGS);
    const first = queue.runTurn("U1", turn("first"), { order: 1 });
    await sleep(30);
    // Queued behind a transaction of 300 ms: its 200 ms budget runs out while it waits.
    const late = queue.runTurn("U1", turn("late"), { order: 2 });
    await expect(first).resolves.toBe(1);
    await expect(late).rejects.toBeInstanceOf(StoreDeadlineError);
    await sleep(400);
    expect(scripted.doc()?.recentEventIds).toEqual(["first"]);
  });
});
