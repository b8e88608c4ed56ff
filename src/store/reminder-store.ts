/**
 * What the reminder job reads and writes in Firestore. A reminder is due when the user
 * document's top-level `nextReminderAt` (derived from the dialogue state on every write) is
 * at or before now.
 *
 * The job never writes a path inside the dialogue state. A slot ends with a pure update
 * that the job gets from the dialogue core (`afterJob`: the push went out, LINE does not know
 * the user, there is nothing to send): the store applies it to the state as stored and
 * writes the resulting state whole, with the top-level fields derived from it, exactly as a
 * webhook turn writes it (`user-document.ts`).
 *
 * A due user costs one document read (the due query, which also returns the state) and one
 * write (the completion). The completion is guarded by the document's update time as the
 * query saw it, so a webhook turn that landed in between is never overwritten: on a
 * mismatch the document is re-read in a transaction and completed, from the fresh state,
 * only if the slot is still due. There is no claim: the push's retry key, derived from
 * (user, slot), makes LINE drop a second push of the same slot (409), whichever pass sends it.
 * Completions go out through a BulkWriter, about 20 to an RPC, which keeps the client's
 * memory small (each RPC's request stays referenced until its deadline).
 */
import type {
  BulkWriter,
  DocumentData,
  DocumentReference,
  DocumentSnapshot,
  Firestore,
  Timestamp as FirestoreTimestamp,
  UpdateData,
} from "@google-cloud/firestore";
import type { UserState } from "../dialogue";
import { USERS } from "./firestore-store";
import { LEGACY_STATE, NEXT_REMINDER_AT, readState, STATE_JSON, stateFields } from "./user-document";
import { firestoreLibrary } from "./firestore-library";
import { withDeadline } from "../retry";

/**
 * How long one Firestore call of a job may take. The client's own deadlines are 60 s and
 * more, and a host that accepts connections but never answers holds a call longer still; with
 * this bound a black-holed pass stops well within a minute (the first call fails after it).
 * A call abandoned at its deadline is harmless: a completion that lands late is guarded by
 * the update time, and one that never lands leaves the slot due, whose push LINE then drops
 * by its retry key.
 */
export const JOB_CALL_DEADLINE_MS = 15_000;

/** One due reminder as the due query read it. */
export interface DueReminder {
  userId: string;
  /** The slot: the `nextReminderAt` it was due at. */
  slot: Date;
  /** The stored dialogue state (unvalidated). */
  state: unknown;
  /** The document's update time when read, `seconds.nanoseconds`; a completion writes only over this version. */
  version: string;
}

/**
 * How a slot ends: the next dialogue state, computed from the state as stored (unvalidated).
 * Pure, since it may run twice: on the state the due query read, and again on a fresh read
 * when the document changed in between.
 */
export type SlotEnd = (stored: unknown) => UserState;

/** The completions of one pass, written in batches. */
export interface ReminderCompletions {
  /**
   * Ends `due`'s slot with `end`. Resolves to true once written, false when the slot was
   * no longer due (another pass completed it, the user changed their reminder or deleted
   * their data): nothing is written then. Queued writes go out when a batch fills or on
   * {@link ReminderCompletions.flush}.
   */
  complete(due: DueReminder, end: SlotEnd): Promise<boolean>;
  /** Sends what is queued and waits for the batch RPCs (not for the fallbacks they cause). */
  flush(): Promise<void>;
  /** Flushes and releases the writer; call once at the end of a pass. */
  close(): Promise<void>;
}

/** The reminder job's view of the store. */
export interface ReminderStore {
  /** Due reminders, oldest slot first, after `after` (for paging), at most `limit`. */
  dueReminders(now: Date, limit: number, after: DueReminder | null): Promise<DueReminder[]>;
  /** Starts the completions of a pass. */
  completions(): ReminderCompletions;
}

/** gRPC status codes the completion tells apart. */
const NOT_FOUND = 5;
const FAILED_PRECONDITION = 9;

/**
 * A {@link ReminderStore} over Firestore; every call rejects with a `DeadlineError` (from
 * `retry.ts`) after `callDeadlineMs`.
 */
export function createFirestoreReminderStore(db: Firestore, callDeadlineMs: number = JOB_CALL_DEADLINE_MS): ReminderStore {
  return createFirestoreSlotStore(db, NEXT_REMINDER_AT, callDeadlineMs);
}

/**
 * A {@link ReminderStore} over the slots in the top-level timestamp `field` (one of the fields
 * {@link stateFields} derives from the state: `nextReminderAt`, or `nextFollowUpAt` for the
 * follow-up pass), with the same due query, guarded completion and deadlines.
 */
export function createFirestoreSlotStore(db: Firestore, field: string, callDeadlineMs: number = JOB_CALL_DEADLINE_MS): ReminderStore {
  const { FieldPath, FieldValue, Timestamp } = firestoreLibrary();
  const bounded = <T>(work: Promise<T>, label: string) => withDeadline(work, callDeadlineMs, `Firestore ${label}`);
  const users = db.collection(USERS);

  /**
   * The fields that end a slot: the whole next state with its derived fields, and the nested
   * state of the old document shape removed (a no-op on a document of the current shape).
   */
  const completion = (stored: unknown, end: SlotEnd): UpdateData<DocumentData> => stateFields(end(stored), new Date(), FieldValue.delete());

  /** Completes in a transaction, when the document changed since the query. */
  const completeIfStillDue = (ref: DocumentReference, slot: Date, end: SlotEnd) =>
    bounded(
      db.runTransaction(async (tx) => {
        const snapshot = await tx.get(ref);
        const due: unknown = snapshot.get(field);
        if (!(due instanceof Timestamp) || due.toMillis() !== slot.getTime()) return false;
        tx.update(ref, completion(readState(snapshot.data()), end));
        return true;
      }),
      "reminder completion",
    );

  return {
    async dueReminders(now, limit, after) {
      let query = users.where(field, "<=", Timestamp.fromDate(now)).orderBy(field).orderBy(FieldPath.documentId());
      if (after) query = query.startAfter(Timestamp.fromDate(after.slot), after.userId);
      const snapshot = await bounded(query.limit(limit).select(field, STATE_JSON, LEGACY_STATE).get(), `due ${field} query`);
      return snapshot.docs.map((doc) => ({
        userId: doc.id,
        slot: (doc.get(field) as FirestoreTimestamp).toDate(),
        state: readState(doc.data()),
        version: versionOf(doc),
      }));
    },
    completions() {
      let writer: BulkWriter | undefined;
      return {
        async complete(due, end) {
          const ref = users.doc(due.userId);
          const [seconds, nanoseconds] = due.version.split(".").map(Number) as [number, number];
          writer ??= db.bulkWriter();
          try {
            await bounded(
              writer.update(ref, completion(due.state, end), { lastUpdateTime: new Timestamp(seconds, nanoseconds) }),
              "reminder completion",
            );
            return true;
          } catch (error) {
            const code = (error as { code?: unknown }).code;
            if (code === NOT_FOUND) return false;
            if (code === FAILED_PRECONDITION) return completeIfStillDue(ref, due.slot, end);
            throw error;
          }
        },
        async flush() {
          if (writer) await bounded(writer.flush(), "completions flush");
        },
        async close() {
          const closing = writer;
          writer = undefined;
          if (closing) await bounded(closing.close(), "completions close");
        },
      };
    },
  };
}

function versionOf(doc: DocumentSnapshot): string {
  const time = doc.updateTime;
  if (time === undefined) throw new Error("A document from a query has no update time.");
  return `${time.seconds}.${time.nanoseconds}`;
}
