/**
 * What the reminder fan-out reads in Firestore, beside {@link ReminderStore}: the planner's
 * keys-only due query over a window of slots and a range of user ids, and a shard's own due
 * reminders, read by id.
 *
 * The planner reads the ranges of one window at once, one query cursor each. A range is an
 * interval of document ids in Firestore's own order, so ranges whose bounds follow each other
 * hold every user exactly once, whatever characters the ids have. The query has range
 * filters on two fields, the slot and the document id, which Firestore allows on several
 * fields; the order it needs (`nextReminderAt`, then the id) is that of the single-field index
 * on `nextReminderAt`, which ends with the id (run here on the emulator only, which does not
 * check indexes; see the README, "Reminders at scale"). Firestore scans that index over the slot
 * filter and drops ids outside the range, so within one slot a range's users lie together,
 * and a page skips other ranges' users only where it crosses into the next slot.
 *
 * A user of a fanned-out slot costs two reads (the plan's key, the shard's document) and one
 * write (the completion, through the same guarded BulkWriter as the single pass).
 */
import type { DocumentSnapshot, Firestore, Timestamp as FirestoreTimestamp } from "@google-cloud/firestore";
import { USERS } from "./firestore-store";
import { firestoreLibrary } from "./firestore-library";
import { createFirestoreReminderStore, type DueReminder, type ReminderStore } from "./reminder-store";
import { LEGACY_STATE, NEXT_REMINDER_AT, readState, STATE_JSON } from "./user-document";

/** A due user as the planner sees it: who, and the slot it is due at. */
export interface DueKey {
  userId: string;
  slot: Date;
}

/** Slots `after` < slot ≤ `until`; `after` null means every slot up to `until`. */
export interface SlotWindow {
  after: Date | null;
  until: Date;
}

/**
 * User ids `from` ≤ id < `until` in Firestore's order of document ids; null leaves that side
 * open. The planner's ranges follow each other, so together they hold every id once.
 */
export interface IdRange {
  from: string | null;
  until: string | null;
}

/** The fan-out's view of the store. */
export interface ReminderPlanStore {
  /** Due keys in `window` with ids in `range`, oldest slot first then by user id, after `cursor`, at most `limit`. */
  dueKeys(window: SlotWindow, range: IdRange, limit: number, cursor: DueKey | null): Promise<DueKey[]>;
  /**
   * A {@link ReminderStore} over these users only: its first page holds every member due at
   * `now` (members whose slot moved on are left out), and there is no second page.
   */
  shard(userIds: readonly string[]): ReminderStore;
}

/** A {@link ReminderPlanStore} over Firestore. */
export function createFirestorePlanStore(db: Firestore): ReminderPlanStore {
  const { FieldPath, Timestamp } = firestoreLibrary();
  const users = db.collection(USERS);
  const reminders = createFirestoreReminderStore(db);
  return {
    async dueKeys(window, range, limit, cursor) {
      let inWindow = users.where(NEXT_REMINDER_AT, "<=", Timestamp.fromDate(window.until));
      if (window.after) inWindow = inWindow.where(NEXT_REMINDER_AT, ">", Timestamp.fromDate(window.after));
      let query = inWindow;
      if (range.from !== null) query = query.where(FieldPath.documentId(), ">=", users.doc(range.from));
      if (range.until !== null) query = query.where(FieldPath.documentId(), "<", users.doc(range.until));
      query = query.orderBy(NEXT_REMINDER_AT).orderBy(FieldPath.documentId());
      if (cursor) query = query.startAfter(Timestamp.fromDate(cursor.slot), cursor.userId);
      else if (range.from !== null) {
        // Firestore scans the index from the slot filter's start and only filters the ids, so
        // a range's first page begins at its own ids in the window's first slot, instead of
        // scanning past the lower ranges' users there (all of them, when everyone shares a slot).
        const first = await inWindow.orderBy(NEXT_REMINDER_AT).limit(1).select(NEXT_REMINDER_AT).get();
        if (first.empty) return [];
        query = query.startAt(first.docs[0].get(NEXT_REMINDER_AT) as FirestoreTimestamp, range.from);
      }
      const snapshot = await query.limit(limit).select(NEXT_REMINDER_AT).get();
      return snapshot.docs.map((doc) => ({ userId: doc.id, slot: (doc.get(NEXT_REMINDER_AT) as FirestoreTimestamp).toDate() }));
    },
    shard(userIds) {
      return {
        async dueReminders(now, _limit, after) {
          if (after !== null || userIds.length === 0) return [];
          const refs = userIds.map((id) => users.doc(id));
          const snapshots = await db.getAll(...refs, { fieldMask: [NEXT_REMINDER_AT, STATE_JSON, LEGACY_STATE] });
          const due: DueReminder[] = [];
          for (const doc of snapshots) {
            const slot: unknown = doc.get(NEXT_REMINDER_AT);
            if (!doc.exists || !(slot instanceof Timestamp) || slot.toMillis() > now.getTime()) continue;
            due.push({ userId: doc.id, slot: slot.toDate(), state: readState(doc.data()), version: versionOf(doc) });
          }
          return due.sort((a, b) => a.slot.getTime() - b.slot.getTime() || (a.userId < b.userId ? -1 : 1));
        },
        completions: () => reminders.completions(),
      };
    },
  };
}

function versionOf(doc: DocumentSnapshot): string {
  const time = doc.updateTime;
  if (time === undefined) throw new Error("A document read by id has no update time.");
  return `${time.seconds}.${time.nanoseconds}`;
}
