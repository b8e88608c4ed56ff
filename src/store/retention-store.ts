/**
 * What the retention sweep reads and deletes in Firestore: users who blocked the bot
 * (top-level `following` false, or `state.following` false in a document of the old shape,
 * see `user-document.ts`) whose document last changed before a cutoff. Uses the composite
 * indexes on (following, updatedAt) and (state.following, updatedAt) in
 * firestore.indexes.json.
 *
 * A user is deleted as データ削除 deletes them: their 振り返りシート, the console's records of
 * them (`consoleRecords/{user}`: notes, homework, the read log), then the user document with
 * everything beneath it (entries, hand-over records).
 */
import type { Firestore, Query, QueryDocumentSnapshot, QuerySnapshot, Timestamp } from "@google-cloud/firestore";
import { createClientRecordsForBot } from "./client-records";
import { USERS } from "./firestore-store";
import { createFirestoreSheetStore } from "./sheet-store";
import { FOLLOWING, LEGACY_STATE, UPDATED_AT } from "./user-document";
import { JOB_CALL_DEADLINE_MS } from "./reminder-store";
import { withDeadline } from "../retry";

/** A user whose data has expired, as the query read it. */
export interface ExpiredUser {
  userId: string;
  /** The document's update time when read; a deletion happens only over this version. */
  version: Timestamp;
}

/** The retention sweep's view of the store. */
export interface RetentionStore {
  /**
   * Users who blocked the bot and whose document last changed before `cutoff`, oldest first,
   * read `pageSize` at a time as the caller goes on.
   */
  expiredUsers(cutoff: Date, pageSize: number): AsyncIterable<ExpiredUser>;
  /**
   * Deletes the user only if their document is still the version the query read: their sheets
   * and the console's records of them, then the document and everything beneath it. Resolves
   * false, deleting nothing, when the user came back in the meantime (a re-follow or a message
   * changes the document).
   */
  deleteIfUnchanged(user: ExpiredUser): Promise<boolean>;
}

/** gRPC status of a write whose precondition failed. */
const FAILED_PRECONDITION = 9;

/**
 * A {@link RetentionStore} over Firestore; every call rejects with a `DeadlineError` (from
 * `retry.ts`) after `callDeadlineMs` (a user's recursive deletion gets four times that). An
 * abandoned deletion is harmless: the next sweep finds what is left and deletes it.
 */
export function createFirestoreRetentionStore(db: Firestore, callDeadlineMs: number = JOB_CALL_DEADLINE_MS): RetentionStore {
  const users = db.collection(USERS);
  const bounded = <T>(work: Promise<T>, label: string, ms = callDeadlineMs) => withDeadline(work, ms, `Firestore ${label}`);
  return {
    async *expiredUsers(cutoff, pageSize) {
      // The current shape first, then documents still of the old one (until they are all rewritten).
      for (const following of [FOLLOWING, `${LEGACY_STATE}.${FOLLOWING}`]) {
        const expired = users.where(following, "==", false).where(UPDATED_AT, "<", cutoff).orderBy(UPDATED_AT).limit(pageSize);
        yield* pages(expired, pageSize, (query) => bounded(query.get(), "expired users query"));
      }
    },
    async deleteIfUnchanged(user) {
      const ref = users.doc(user.userId);
      // What lies outside the document goes first, as データ削除 does it: if it fails, the document
      // is still there, and the next sweep finds the user and tries again. A user who comes back
      // between this check and the document's deletion keeps the document and loses only these.
      if (!(await bounded(ref.get(), "user read")).updateTime?.isEqual(user.version)) return false;
      await bounded(createFirestoreSheetStore(db).deleteForUser(user.userId), "sheets deletion");
      await bounded(createClientRecordsForBot(db).deleteForUser(user.userId), "console records deletion", callDeadlineMs * 4);
      try {
        await bounded(ref.delete({ lastUpdateTime: user.version }), "user deletion");
      } catch (error) {
        if ((error as { code?: unknown }).code === FAILED_PRECONDITION) return false;
        throw error;
      }
      await bounded(db.recursiveDelete(ref), "recursive deletion", callDeadlineMs * 4);
      return true;
    },
  };
}

async function* pages(query: Query, pageSize: number, get: (query: Query) => Promise<QuerySnapshot>): AsyncGenerator<ExpiredUser> {
  let after: QueryDocumentSnapshot | undefined;
  for (;;) {
    const page = await get(after === undefined ? query : query.startAfter(after));
    for (const doc of page.docs) yield { userId: doc.id, version: doc.updateTime };
    if (page.size < pageSize) return;
    after = page.docs.at(-1);
  }
}
