/**
 * An in-memory {@link UserStore} for unit tests and experiments. Turns of one user are
 * serialised, like Firestore transactions that retry on contention.
 */
import type { StoredUser, TurnPlan, UserStore } from "./user-store";

/** A {@link UserStore} that keeps documents in a Map; `documents` is exposed for assertions. */
export function createMemoryStore(): UserStore & { documents: Map<string, StoredUser> } {
  const documents = new Map<string, StoredUser>();
  const queues = new Map<string, Promise<unknown>>();
  return {
    documents,
    runTurn<T>(userId: string, plan: (stored: StoredUser | null) => TurnPlan<T>): Promise<T> {
      const previous = queues.get(userId) ?? Promise.resolve();
      const turn = previous.then(() => {
        const stored = documents.get(userId);
        const { write, result } = plan(stored ? structuredClone(stored) : null);
        if (write !== null) documents.set(userId, structuredClone({ state: write.state, recentEventIds: write.recentEventIds }));
        return result;
      });
      queues.set(userId, turn.catch(() => undefined));
      return turn;
    },
    async deleteUser(userId: string): Promise<void> {
      documents.delete(userId);
    },
  };
}
