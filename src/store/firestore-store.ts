/**
 * The Firestore implementation of {@link UserStore}: `users/{lineUserId}` documents with
 * an `entries` subcollection. A turn is one transaction: one document read, one commit.
 */
import type { DocumentData, Firestore } from "@google-cloud/firestore";
import type { StoredEntry } from "../model/entry";
import { readEntry, type StoredUser, type TurnPlan, type UserStore, type UserWrite } from "./user-store";

/** The collection holding one document per LINE user. */
export const USERS = "users";
/** The subcollection of a user's ありがとう moments and check-ins. */
export const ENTRIES = "entries";

/** The fields of a user document that a webhook turn writes, each replaced whole. */
const TURN_FIELDS = ["state", "recentEventIds", "nextReminderAt", "updatedAt"];

/** A {@link UserStore} over a Firestore client. */
export function createFirestoreStore(db: Firestore): UserStore {
  const users = db.collection(USERS);
  return {
    runTurn<T>(userId: string, plan: (stored: StoredUser | null) => TurnPlan<T>): Promise<T> {
      const ref = users.doc(userId);
      return db.runTransaction(async (tx) => {
        const snapshot = await tx.get(ref);
        const { write, result } = plan(snapshot.exists ? decode(snapshot.data() ?? {}) : null);
        if (write !== null) {
          const now = new Date();
          // Only the fields a turn owns: the reminder job's bookkeeping beside them stays.
          tx.set(ref, encode(write, now), { mergeFields: TURN_FIELDS });
          for (const { id, entry } of write.entries) tx.set(ref.collection(ENTRIES).doc(id), { ...entry, createdAt: now });
        }
        return result;
      });
    },
    async listEntries(userId: string, offset: number, limit: number): Promise<StoredEntry[]> {
      const snapshot = await users.doc(userId).collection(ENTRIES).orderBy("at", "desc").offset(offset).limit(limit).get();
      return snapshot.docs.flatMap((doc) => {
        const entry = readEntry(doc.data());
        return entry ? [{ id: doc.id, entry }] : [];
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

/**
 * The document: the state as plain data, plus `nextReminderAt` lifted to the top level as
 * a timestamp (null when off or blocked) for the reminder job's query.
 */
function encode(write: UserWrite, now: Date): DocumentData {
  const nextAt = write.state.profile.reminder?.nextAt ?? null;
  return {
    state: write.state,
    recentEventIds: write.recentEventIds,
    nextReminderAt: nextAt === null ? null : new Date(nextAt),
    updatedAt: now,
  };
}
