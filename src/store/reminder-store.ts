/**
 * What the reminder job reads and writes in Firestore. A reminder is due when the user
 * document's top-level `nextReminderAt` (kept in step with the dialogue state) is at or
 * before now.
 *
 * A due user costs one document read (the due query, which also returns the state) and one
 * write (the completion, which moves the schedule on). The completion is guarded by the
 * document's update time as the query saw it, so a webhook turn that landed in between is
 * never overwritten: on a mismatch the slot is re-read in a transaction and completed only
 * if it is still due. There is no claim: the push's retry key, derived from (user, slot),
 * makes LINE drop a second push of the same slot (409), whichever pass sends it.
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
import { USERS } from "./firestore-store";

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

/** How a slot ends. */
export type ReminderOutcome =
  /** Pushed (or LINE already had it): the schedule moves on to `nextAt`. */
  | { kind: "sent"; nextAt: Date }
  /** LINE does not know the user id any more (404): stop like an unfollow, keeping the schedule. */
  | { kind: "unreachable" }
  /** The stored state has no reminder or an unfollowed user: take the slot out of the due query. */
  | { kind: "off" };

/** The completions of one pass, written in batches. */
export interface ReminderCompletions {
  /**
   * Ends `due`'s slot with `outcome`. Resolves to true once written, false when the slot was
   * no longer due (another pass completed it, the user changed their reminder or deleted
   * their data): nothing is written then. Queued writes go out when a batch fills or on
   * {@link ReminderCompletions.flush}.
   */
  complete(due: DueReminder, outcome: ReminderOutcome): Promise<boolean>;
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

/** A {@link ReminderStore} over Firestore. */
export function createFirestoreReminderStore(db: Firestore): ReminderStore {
  // Loaded here, not at the top: this module is part of the functions bundle, whose module
  // load must stay free of the Firestore library (see src/server.ts).
  const { FieldPath, Timestamp } = require("@google-cloud/firestore") as typeof import("@google-cloud/firestore");
  const users = db.collection(USERS);

  /** Completes in a transaction, when the document changed since the query. */
  const completeIfStillDue = (ref: DocumentReference, slot: Date, outcome: ReminderOutcome) =>
    db.runTransaction(async (tx) => {
      const snapshot = await tx.get(ref);
      const due: unknown = snapshot.get("nextReminderAt");
      if (!(due instanceof Timestamp) || due.toMillis() !== slot.getTime()) return false;
      tx.update(ref, completion(outcome, hasReminder(snapshot.get("state"))));
      return true;
    });

  return {
    async dueReminders(now, limit, after) {
      let query = users.where("nextReminderAt", "<=", Timestamp.fromDate(now)).orderBy("nextReminderAt").orderBy(FieldPath.documentId());
      if (after) query = query.startAfter(Timestamp.fromDate(after.slot), after.userId);
      const snapshot = await query.limit(limit).select("nextReminderAt", "state").get();
      return snapshot.docs.map((doc) => ({
        userId: doc.id,
        slot: (doc.get("nextReminderAt") as FirestoreTimestamp).toDate(),
        state: doc.get("state") as unknown,
        version: versionOf(doc),
      }));
    },
    completions() {
      let writer: BulkWriter | undefined;
      return {
        async complete(due, outcome) {
          const ref = users.doc(due.userId);
          const [seconds, nanoseconds] = due.version.split(".").map(Number) as [number, number];
          writer ??= db.bulkWriter();
          try {
            await writer.update(ref, completion(outcome, hasReminder(due.state)), { lastUpdateTime: new Timestamp(seconds, nanoseconds) });
            return true;
          } catch (error) {
            const code = (error as { code?: unknown }).code;
            if (code === NOT_FOUND) return false;
            if (code === FAILED_PRECONDITION) return completeIfStillDue(ref, due.slot, outcome);
            throw error;
          }
        },
        async flush() {
          await writer?.flush();
        },
        async close() {
          await writer?.close();
          writer = undefined;
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

function hasReminder(state: unknown): boolean {
  if (typeof state !== "object" || state === null) return false;
  const profile = (state as { profile?: unknown }).profile;
  if (typeof profile !== "object" || profile === null) return false;
  const reminder = (profile as { reminder?: unknown }).reminder;
  return reminder !== null && reminder !== undefined;
}

/** The fields a completion updates; only the reminder's bookkeeping, never the rest of the state. */
function completion(outcome: ReminderOutcome, withReminder: boolean): UpdateData<DocumentData> {
  // Dotted paths into the reminder only when there is one: writing into a null map would
  // leave a half-made reminder behind.
  const nextAt = (value: string | null) => (withReminder ? { "state.profile.reminder.nextAt": value } : {});
  switch (outcome.kind) {
    case "sent":
      return { nextReminderAt: outcome.nextAt, ...nextAt(outcome.nextAt.toISOString()) };
    case "unreachable":
      // `updatedAt` marks when the block was found: the retention period counts from it.
      return { nextReminderAt: null, "state.following": false, updatedAt: new Date(), ...nextAt(null) };
    case "off":
      return { nextReminderAt: null, ...nextAt(null) };
  }
}
