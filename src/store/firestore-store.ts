/**
 * The Firestore implementation of {@link UserStore}: `users/{lineUserId}` documents, each
 * turn one transaction (one document read, one commit).
 */
import type { DocumentData, Firestore } from "@google-cloud/firestore";
import type { StoredUser, TurnPlan, UserStore, UserWrite } from "./user-store";

/** The collection holding one document per LINE user. */
export const USERS = "users";

/** A {@link UserStore} over a Firestore client. */
export function createFirestoreStore(db: Firestore): UserStore {
  const users = db.collection(USERS);
  return {
    runTurn<T>(userId: string, plan: (stored: StoredUser | null) => TurnPlan<T>): Promise<T> {
      const ref = users.doc(userId);
      return db.runTransaction(async (tx) => {
        const snapshot = await tx.get(ref);
        const { write, result } = plan(snapshot.exists ? decode(snapshot.data() ?? {}) : null);
        if (write !== null) tx.set(ref, encode(write, new Date()));
        return result;
      });
    },
    async deleteUser(userId: string): Promise<void> {
      await db.recursiveDelete(users.doc(userId));
    },
  };
}

function decode(data: DocumentData): StoredUser {
  const recent: unknown = data.recentEventIds;
  return {
    state: data.state,
    recentEventIds: Array.isArray(recent) ? recent.filter((id): id is string => typeof id === "string") : [],
  };
}

function encode(write: UserWrite, now: Date): DocumentData {
  return { state: write.state, recentEventIds: write.recentEventIds, updatedAt: now };
}
