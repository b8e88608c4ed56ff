/**
 * What the follow-up pass reads and writes in Firestore: the users whose top-level
 * `nextFollowUpAt` (derived from the state's `followUp.next` on every write, see
 * `user-document.ts`) is due, with the reminder store's due query, guarded completion and
 * deadlines over that field. Beside it, an in-memory one over the memory user store, for the
 * golden transcripts and the terminal chat.
 */
import type { Firestore } from "@google-cloud/firestore";
import type { UserState } from "../dialogue";
import type { StoredUser } from "./user-store";
import { createFirestoreSlotStore, JOB_CALL_DEADLINE_MS, type DueReminder, type ReminderStore } from "./reminder-store";
import { NEXT_FOLLOW_UP_AT } from "./user-document";

/** A {@link ReminderStore} whose slots are the users' next follow-ups. */
export function createFirestoreFollowUpStore(db: Firestore, callDeadlineMs: number = JOB_CALL_DEADLINE_MS): ReminderStore {
  return createFirestoreSlotStore(db, NEXT_FOLLOW_UP_AT, callDeadlineMs);
}

/**
 * The follow-up slots of the users in `documents` (the memory user store's map, whose states
 * are the ones its turns wrote). A completion writes the next state and, like the guarded
 * write, nothing when the slot is no longer the one that was read.
 */
export function createMemoryFollowUpStore(documents: Map<string, StoredUser>): ReminderStore {
  const slotOf = (state: unknown): Date | null => {
    const at = (state as Partial<UserState> | undefined)?.followUp?.next?.at;
    return typeof at === "string" ? new Date(at) : null;
  };
  return {
    dueReminders(now, limit, after) {
      const due: DueReminder[] = [];
      for (const [userId, document] of documents) {
        const slot = slotOf(document.state);
        if (slot !== null && slot.getTime() <= now.getTime())
          due.push({ userId, slot, state: structuredClone(document.state), version: "0" });
      }
      due.sort((a, b) => a.slot.getTime() - b.slot.getTime() || a.userId.localeCompare(b.userId));
      const from =
        after === null
          ? 0
          : due.findIndex(
              (entry) => entry.slot > after.slot || (entry.slot.getTime() === after.slot.getTime() && entry.userId > after.userId),
            );
      return Promise.resolve(from < 0 ? [] : due.slice(from, from + limit));
    },
    completions() {
      return {
        complete(due, end) {
          const document = documents.get(due.userId);
          if (document === undefined || slotOf(document.state)?.getTime() !== due.slot.getTime()) return Promise.resolve(false);
          documents.set(due.userId, { ...document, state: end(structuredClone(document.state)) });
          return Promise.resolve(true);
        },
        flush: () => Promise.resolve(),
        close: () => Promise.resolve(),
      };
    },
  };
}
