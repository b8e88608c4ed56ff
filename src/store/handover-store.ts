/**
 * What the hand-over job reads and writes in Firestore: users whose consultant hand-over
 * has gone idle, by the top-level `handoverUntil` (derived from the dialogue state on every
 * write, see `user-document.ts`). Like the reminder job, the job never writes a path inside
 * the state: it hands the stored state to the dialogue core and writes the state it gets
 * back, whole, in a transaction that first checks that the hand-over is still the one the
 * query saw (a message from the user moves `handoverUntil` on; the operator may have ended it).
 */
import type { Firestore, Timestamp as FirestoreTimestamp } from "@google-cloud/firestore";
import type { UserState } from "../dialogue";
import { USERS } from "./firestore-store";
import { firestoreLibrary } from "./firestore-library";
import { JOB_CALL_DEADLINE_MS } from "./reminder-store";
import { HANDOVER_UNTIL, LEGACY_STATE, readState, STATE_JSON, stateFields } from "./user-document";
import { withDeadline } from "../retry";

/** A hand-over past its idle time, as the query read it. */
export interface IdleHandover {
  userId: string;
  /** The `handoverUntil` it was due at. */
  until: Date;
  /** The stored dialogue state (unvalidated). */
  state: unknown;
}

/** The hand-over job's view of the store. */
export interface HandoverStore {
  /** Hand-overs idle at `now`, the longest idle first, at most `limit`. */
  idleHandovers(now: Date, limit: number): Promise<IdleHandover[]>;
  /**
   * Ends `idle` with the state `end` computes from the state as stored, if the document still
   * has the same `handoverUntil`; resolves false, writing nothing, when it changed or is gone.
   */
  complete(idle: IdleHandover, end: (stored: unknown) => UserState): Promise<boolean>;
}

/** A {@link HandoverStore} over Firestore; every call rejects with a `DeadlineError` after `callDeadlineMs`. */
export function createFirestoreHandoverStore(db: Firestore, callDeadlineMs: number = JOB_CALL_DEADLINE_MS): HandoverStore {
  const { Timestamp } = firestoreLibrary();
  const users = db.collection(USERS);
  const bounded = <T>(work: Promise<T>, label: string) => withDeadline(work, callDeadlineMs, `Firestore ${label}`);
  return {
    async idleHandovers(now, limit) {
      const query = users.where(HANDOVER_UNTIL, "<=", Timestamp.fromDate(now)).orderBy(HANDOVER_UNTIL).limit(limit);
      const snapshot = await bounded(query.select(HANDOVER_UNTIL, STATE_JSON, LEGACY_STATE).get(), "idle hand-overs query");
      return snapshot.docs.map((doc) => ({
        userId: doc.id,
        until: (doc.get(HANDOVER_UNTIL) as FirestoreTimestamp).toDate(),
        state: readState(doc.data()),
      }));
    },
    complete(idle, end) {
      const ref = users.doc(idle.userId);
      return bounded(
        db.runTransaction(async (tx) => {
          const snapshot = await tx.get(ref);
          const until: unknown = snapshot.get(HANDOVER_UNTIL);
          if (!(until instanceof Timestamp) || until.toMillis() !== idle.until.getTime()) return false;
          tx.update(ref, stateFields(end(readState(snapshot.data())), new Date()));
          return true;
        }),
        "hand-over completion",
      );
    },
  };
}
