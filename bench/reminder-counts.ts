/**
 * Counting what the reminder benchmark asks of Firestore, the way Firestore bills it; shared by
 * the single pass (bench/reminders.ts) and the fan-out's workers (bench/reminder-fanout.ts).
 */
import type { Firestore } from "@google-cloud/firestore";
import type { ReminderStore } from "../src/store/reminder-store";

/** Firestore operations of a pass, as counted by {@link countingStore} and {@link countAttempts}. */
export interface OpCounts {
  /** Due-query pages run. */
  queries: number;
  /** Query reads billed: the documents a page returned, at least 1 per page. */
  queryReads: number;
  /** Completions asked for: each one guarded write (batched through a BulkWriter). */
  completions: number;
  /** Fallback transactions run, when a guarded write found the document changed. */
  transactions: number;
  /** Times a transaction body ran (each does one `tx.get`); above `transactions` only on retries. */
  transactionAttempts: number;
  /** Document writes: 1 per completion that returned true (by the guarded write or its fallback). */
  writes: number;
}

export const zeroCounts = (): OpCounts => ({
  queries: 0,
  queryReads: 0,
  completions: 0,
  transactions: 0,
  transactionAttempts: 0,
  writes: 0,
});

/**
 * Wraps `store` to count what it asks of Firestore, the way Firestore bills it. Reads: each
 * document a due-query page returns (at least one per page), plus the one `tx.get` in every
 * fallback transaction attempt. Writes: a completion writes one document when it returns
 * true (a failed precondition is not billed as a write).
 */
export function countingStore(store: ReminderStore, counts: OpCounts): ReminderStore {
  return {
    async dueReminders(now, limit, after) {
      const page = await store.dueReminders(now, limit, after);
      counts.queries++;
      counts.queryReads += Math.max(1, page.length);
      return page;
    },
    completions() {
      const inner = store.completions();
      return {
        async complete(due, outcome) {
          counts.completions++;
          const done = await inner.complete(due, outcome);
          if (done) counts.writes++;
          return done;
        },
        flush: () => inner.flush(),
        close: () => inner.close(),
      };
    },
  };
}

/** Counts every run of a transaction body on `db`: Firestore runs a contended one again. */
export function countAttempts(db: Firestore, counts: () => OpCounts): void {
  type RunTransaction = Firestore["runTransaction"];
  const run = db.runTransaction.bind(db);
  const counted = (update: Parameters<RunTransaction>[0], options?: Parameters<RunTransaction>[1]) => (
    counts().transactions++,
    run((tx) => {
      counts().transactionAttempts++;
      return update(tx);
    }, options)
  );
  db.runTransaction = counted as RunTransaction;
}
