/**
 * The Firestore implementation of {@link UserStore}: `users/{lineUserId}` documents with
 * an `entries` subcollection. A turn is one transaction: one document read, one commit.
 * The document's shape is in `user-document.ts`.
 */
import type { DocumentData, DocumentReference, Firestore, Transaction } from "@google-cloud/firestore";
import { scoresWanted, withFilledScores } from "../dialogue";
import type { StoredEntry } from "../model/entry";
import {
  HANDOVER_CODE,
  handoverCode,
  carriesCode,
  LAST_COMMIT,
  readRecentEvents,
  readState,
  RECENT_EVENTS,
  recentEventsField,
  stateFields,
} from "./user-document";
import { readEntry, type StoredUser, type TurnPlan, type UserStore } from "./user-store";

/** The collection holding one document per LINE user. */
export const USERS = "users";
/** The subcollection of a user's ありがとう moments and check-ins. */
export const ENTRIES = "entries";

/** A {@link UserStore} over a Firestore client. */
export function createFirestoreStore(db: Firestore): UserStore {
  const users = db.collection(USERS);
  return {
    runTurn<T>(userId: string, plan: (stored: StoredUser | null) => TurnPlan<T>): Promise<T> {
      const ref = users.doc(userId);
      return db.runTransaction(async (tx) => {
        const snapshot = await tx.get(ref);
        const data = snapshot.data();
        const stored = data === undefined ? null : decode(data);
        const { write, result } = plan(stored && { ...stored, state: await withCheckinScores(tx, ref, stored.state) });
        if (write !== null) {
          const now = new Date();
          // The whole document: every field of it is the turn's (a document of the old shape
          // thereby loses its old fields).
          tx.set(ref, {
            ...stateFields(write.state, now),
            [RECENT_EVENTS]: recentEventsField(write.recentEventIds),
            ...(write.commitId === undefined ? {} : { [LAST_COMMIT]: write.commitId }),
            ...(carriesCode(write.state) ? { [HANDOVER_CODE]: handoverCode(userId) } : {}),
          });
          const removed = new Set(write.removedEntries);
          for (const { id, entry } of write.entries)
            if (!removed.has(id)) tx.set(ref.collection(ENTRIES).doc(id), { ...entry, createdAt: now });
          for (const id of removed) tx.delete(ref.collection(ENTRIES).doc(id));
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
    async findByHandoverCode(code: string): Promise<string | null> {
      const snapshot = await users.where(HANDOVER_CODE, "==", code).limit(1).get();
      return snapshot.empty ? null : snapshot.docs[0].id;
    },
    async deleteUser(userId: string): Promise<void> {
      await db.recursiveDelete(users.doc(userId));
    },
  };
}

/**
 * The stored state `raw` of the user at `ref`, with the check-in scores the consultants' alerts
 * read filled in from the user's check-in entries when it lacks current ones (a state stored
 * before they were kept, see the dialogue's `checkin-scores.ts`); read in the transaction `tx`,
 * so they are written with whatever the transaction writes. Once per such user: every later
 * check-in counts its own score.
 */
export async function withCheckinScores(tx: Transaction, ref: DocumentReference, raw: unknown): Promise<unknown> {
  if (!scoresWanted(raw)) return raw;
  const checkins = await tx.get(ref.collection(ENTRIES).where("kind", "==", "checkin"));
  return withFilledScores(
    raw,
    checkins.docs.map((doc) => ({ id: doc.id, at: String(doc.get("at")), score: Number(doc.get("score")) })),
  );
}

function decode(data: DocumentData): StoredUser {
  const lastCommit: unknown = data[LAST_COMMIT];
  return { state: readState(data), recentEventIds: readRecentEvents(data), lastCommit: typeof lastCommit === "string" ? lastCommit : null };
}
