/**
 * The turn queue's guarantees against a scripted store that plays Firestore's transaction
 * (read, plan, commit, the client's own retries) with chosen delays and failures: a turn
 * that fails has applied nothing, and a turn that was applied gets its result once.
 */
import { randomBytes } from "node:crypto";
import { createFirestore } from "../../src/server";
import { createFirestoreStore } from "../../src/store/firestore-store";
import type { StoredUser, TurnPlan, UserStore, UserWrite } from "../../src/store/user-store";
import { CommitOutcomeUnknownError, queuedStore, StoreDeadlineError, type TurnQueueSettings } from "../../src/store/turn-queue";
import { sleep } from "../../src/retry";
import { sampleState, NOW } from "../helpers/dialogue-states";
import { recentEventsIn } from "../helpers/stored-user";

const SETTINGS: TurnQueueSettings = {
  warmMs: 200,
  coldMs: 200,
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
  let commitBegan = () => {};
  /** Settles when a transaction first hands its write over, so a test can act during a commit. */
  const committing = new Promise<void>((resolve) => (commitBegan = resolve));
  const store: UserStore = {
    async runTurn<T>(_userId: string, plan: (stored: StoredUser | null) => TurnPlan<T>): Promise<T> {
      counts.transactions += 1;
      await sleep(script.readMs ?? 0);
      const { write, result } = plan(doc === null ? null : structuredClone(doc));
      if (write === null) return result;
      commitBegan();
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
  return { store, counts, committing, doc: () => doc };
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

  it("folds a turn that arrives while the user's document is being read into that transaction, in timestamp order", async () => {
    const scripted = scriptedStore({ readMs: 80 });
    const queue = queuedStore(scripted.store, SETTINGS);
    const second = queue.runTurn("U1", turn("second"), { order: 2 });
    await sleep(20);
    // Sent first, received second: its request was slower, and the read is still on its way.
    const first = queue.runTurn("U1", turn("first"), { order: 1 });
    await expect(Promise.all([first, second])).resolves.toEqual([1, 2]);
    expect(scripted.counts).toEqual({ transactions: 1, commits: 1 });
    expect(scripted.doc()?.recentEventIds).toEqual(["first", "second"]);
  });

  it("starts an idle user's turn without waiting for others", async () => {
    const scripted = scriptedStore({ readMs: 200 });
    const queue = queuedStore(scripted.store, { ...SETTINGS, warmMs: 1_000, coldMs: 1_000 });
    const pending = queue.runTurn("U1", turn("first"), { order: 1 });
    // One turn of the event loop (for requests already received) and the read has begun.
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    expect(scripted.counts.transactions).toBe(1);
    await expect(pending).resolves.toBe(1);
  });

  it("leaves out of a batch the turns whose budget ran out while they waited, and commits the rest", async () => {
    // Margins of hundreds of milliseconds either way, so a busy machine cannot reorder them.
    const scripted = scriptedStore({ readMs: 100, commitMs: 800 });
    const queue = queuedStore(scripted.store, { ...SETTINGS, warmMs: 400, coldMs: 400 });
    const first = queue.runTurn("U1", turn("first"), { order: 1 });
    await scripted.committing;
    // Queued while the first turn's commit is in flight (its read is over, so it cannot
    // join): its 400 ms budget runs out while it waits.
    const late = queue.runTurn("U1", turn("late"), { order: 2 });
    await expect(first).resolves.toBe(1);
    await expect(late).rejects.toBeInstanceOf(StoreDeadlineError);
    await sleep(400);
    expect(scripted.doc()?.recentEventIds).toEqual(["first"]);
  });
});

/**
 * The queue over the real Firestore store against the emulator, with one interleaving
 * injected at the store's interface: attempt 1 hands its write to Firestore and loses the
 * answer (the client reports UNAVAILABLE), the commit is still on its way, the queue's
 * attempt 2 reads the document before it lands, and then it lands, as a commit does when
 * nothing wrote the document since its transaction read it. Seen with the burst of 100 and
 * the link to the emulator cut after commits: all 100 answered 500, all 100 applied.
 */
describe("the turn queue over the emulator, with a commit that lands after the next attempt read", () => {
  const db = createFirestore({
    projectId: `demo-${randomBytes(4).toString("hex")}`,
    firestoreEmulatorHost: process.env.FIRESTORE_EMULATOR_HOST,
  });
  /** A budget that a warm client's read fits easily; attempt 1 answers only after it ran out. */
  const settings: TurnQueueSettings = { ...SETTINGS, warmMs: 2_000, coldMs: 2_000, commitWaitMs: 10_000 };
  beforeAll(async () => {
    // The client's first call loads and connects; the turn meets a warm client.
    await db.collection("users").doc("warm-up").get();
  });
  afterAll(async () => {
    await db.terminate();
  });

  /** The real store, whose first turn commits late: after the turn that follows it has read. */
  function lateFirstCommit(store: UserStore) {
    let attempts = 0;
    let late: { write: UserWrite; readCommit: string | null } | null = null;
    let heldBack = false;
    let tried: (landed: Promise<boolean>) => void = () => {};
    const landing = new Promise<boolean>((resolve, reject) => (tried = (landed) => void landed.then(resolve, reject)));
    /** Lands the late commit unless the document changed since its read (Firestore's rule for a transaction). */
    const land = (userId: string) => {
      const pending = late;
      late = null;
      if (pending === null) {
        tried(Promise.resolve(false));
        return;
      }
      tried(
        store.runTurn(userId, (stored) =>
          (stored?.lastCommit ?? null) === pending.readCommit ? { write: pending.write, result: true } : { write: null, result: false },
        ),
      );
    };
    const wrapped: UserStore = {
      async runTurn<T>(userId: string, plan: (stored: StoredUser | null) => TurnPlan<T>): Promise<T> {
        attempts += 1;
        if (attempts === 1) {
          // Attempt 1 reads and plans for real; its write is held back, and its answer is lost.
          await store.runTurn(userId, (stored) => {
            const planned = plan(stored);
            if (planned.write !== null) late = { write: planned.write, readCommit: stored?.lastCommit ?? null };
            return { write: null, result: null };
          });
          heldBack = late !== null;
          await sleep(settings.warmMs + 50);
          throw Object.assign(new Error("14 UNAVAILABLE: connection reset"), { code: 14 });
        }
        try {
          return await store.runTurn(userId, plan);
        } finally {
          land(userId);
        }
      },
      listEntries: (userId, offset, limit) => store.listEntries(userId, offset, limit),
      findByHandoverCode: (code) => store.findByHandoverCode(code),
      deleteUser: (userId) => store.deleteUser(userId),
    };
    /** Whether the late commit landed, once it has been tried after attempt 2. */
    return { store: wrapped, landed: () => landing, heldBack: () => heldBack };
  }

  it("never answers an error for a turn whose commit may still land: it is applied once and gets its result", async () => {
    const scripted = lateFirstCommit(createFirestoreStore(db));
    const queue = queuedStore(scripted.store, settings);
    const userId = `U${randomBytes(16).toString("hex")}`;

    const outcome = await queue.runTurn(userId, turn("e1")).then(
      (value) => ({ value }),
      (error: unknown) => ({ error }),
    );

    // The injected interleaving: attempt 1 planned a write and held it back; it was tried
    // after attempt 2 (landing or not).
    expect(scripted.heldBack()).toBe(true);
    expect(await scripted.landed()).toEqual(expect.any(Boolean));
    const snapshot = await db.collection("users").doc(userId).get();
    const applied = recentEventsIn(snapshot).filter((id) => id === "e1").length;
    // Either nothing was applied and the turn failed, or it was applied once and got its result.
    expect({ outcome, applied }).toEqual(
      applied === 0 ? { outcome: { error: expect.any(Error) }, applied } : { outcome: { value: 1 }, applied: 1 },
    );
    // Kept in doubt, the turn is in attempt 2, which lands; the late commit then finds the
    // document changed and cannot land too.
    expect(applied).toBe(1);
  });
});
