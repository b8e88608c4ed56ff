/**
 * An in-memory {@link UserStore} for unit tests and experiments. Turns of one user are
 * serialised, like Firestore transactions that retry on contention.
 */
import type { UserState } from "../dialogue";
import type { StoredEntry } from "../model/entry";
import { handoverCode } from "./user-document";
import type { StoredUser, TurnPlan, UserStore } from "./user-store";

/** A {@link UserStore} that keeps documents in Maps; both are exposed for assertions. */
export function createMemoryStore(): UserStore & { documents: Map<string, StoredUser>; entries: Map<string, StoredEntry[]> } {
  const documents = new Map<string, StoredUser>();
  const entries = new Map<string, StoredEntry[]>();
  const queues = new Map<string, Promise<unknown>>();
  return {
    documents,
    entries,
    runTurn<T>(userId: string, plan: (stored: StoredUser | null) => TurnPlan<T>): Promise<T> {
      const previous = queues.get(userId) ?? Promise.resolve();
      const turn = previous.then(() => {
        const stored = documents.get(userId);
        const { write, result } = plan(stored ? structuredClone(stored) : null);
        if (write !== null) {
          const document: StoredUser = { state: write.state, recentEventIds: write.recentEventIds };
          if (write.commitId !== undefined) document.lastCommit = write.commitId;
          documents.set(userId, structuredClone(document));
          const removed = new Set(write.removedEntries);
          const kept = (entries.get(userId) ?? []).filter((old) => !write.entries.some((added) => added.id === old.id));
          const written = [...kept, ...structuredClone(write.entries)].filter((entry) => !removed.has(entry.id));
          entries.set(userId, written);
        }
        return result;
      });
      queues.set(
        userId,
        turn.catch(() => undefined),
      );
      return turn;
    },
    listEntries(userId: string, offset: number, limit: number): Promise<StoredEntry[]> {
      const all = [...(entries.get(userId) ?? [])].sort((a, b) => b.entry.at.localeCompare(a.entry.at));
      return Promise.resolve(all.slice(offset, offset + limit));
    },
    findByHandoverCode(code: string): Promise<string | null> {
      const found = [...documents].find(([userId, user]) => hasHandover(user.state) && handoverCode(userId) === code);
      return Promise.resolve(found?.[0] ?? null);
    },
    deleteUser(userId: string): Promise<void> {
      documents.delete(userId);
      entries.delete(userId);
      return Promise.resolve();
    },
  };
}

/** Whether the user ever asked for a consultant, so that their 受付番号 is stored (as `firestore-store.ts` does). */
function hasHandover(state: unknown): boolean {
  return ((state as Partial<UserState> | null)?.tally?.handoversRequested ?? 0) > 0;
}
