/**
 * What the reminder job reads and writes in Firestore. A reminder is due when the user
 * document's top-level `nextReminderAt` (kept in step with the dialogue state) is at or
 * before now. A slot is claimed with a lease before the push and completed after it, each
 * in one transaction, so that overlapping passes never push the same slot twice and a
 * pass that dies between claim and push leaves the slot due again once the lease ends.
 */
import type { Firestore, Timestamp as FirestoreTimestamp } from "@google-cloud/firestore";
import { USERS } from "./firestore-store";

/** One due reminder: whose, and which slot (the `nextReminderAt` it was due at). */
export interface DueReminder {
  userId: string;
  slot: Date;
}

/** How a claimed slot ends. */
export type ReminderOutcome =
  /** Pushed (or LINE already had it): the schedule moves on to `nextAt`. */
  | { kind: "sent"; nextAt: Date }
  /** LINE does not know the user any more (blocked, gone): stop like an unfollow, keeping the schedule. */
  | { kind: "unreachable" }
  /** The stored state has no reminder or an unfollowed user: take the slot out of the due query. */
  | { kind: "off" };

/** The reminder job's view of the store. */
export interface ReminderStore {
  /** Due reminders, oldest slot first, after `after` (for paging), at most `limit`. */
  dueReminders(now: Date, limit: number, after: DueReminder | null): Promise<DueReminder[]>;
  /**
   * Claims `slot` for `leaseMs` if it is still the user's due slot and no live claim holds
   * it; returns the stored dialogue state (unvalidated) when claimed, else null.
   */
  claim(userId: string, slot: Date, now: Date, leaseMs: number): Promise<{ state: unknown } | null>;
  /** Ends a claimed slot; false when the user changed their reminder meanwhile (nothing written). */
  complete(userId: string, slot: Date, outcome: ReminderOutcome): Promise<boolean>;
}

/** A {@link ReminderStore} over Firestore. */
export function createFirestoreReminderStore(db: Firestore): ReminderStore {
  // Loaded here, not at the top: this module is part of the functions bundle, whose module
  // load must stay free of the Firestore library (see src/server.ts).
  const { FieldPath, FieldValue, Timestamp } = require("@google-cloud/firestore") as typeof import("@google-cloud/firestore");
  const isDueSlot = (value: unknown, slot: Date): boolean => value instanceof Timestamp && value.toMillis() === slot.getTime();
  const users = db.collection(USERS);
  return {
    async dueReminders(now, limit, after) {
      let query = users.where("nextReminderAt", "<=", Timestamp.fromDate(now)).orderBy("nextReminderAt").orderBy(FieldPath.documentId());
      if (after) query = query.startAfter(Timestamp.fromDate(after.slot), after.userId);
      const snapshot = await query.limit(limit).select("nextReminderAt").get();
      return snapshot.docs.map((doc) => ({ userId: doc.id, slot: (doc.get("nextReminderAt") as FirestoreTimestamp).toDate() }));
    },
    claim(userId, slot, now, leaseMs) {
      const ref = users.doc(userId);
      return db.runTransaction(async (tx) => {
        const snapshot = await tx.get(ref);
        if (!isDueSlot(snapshot.get("nextReminderAt"), slot)) return null;
        const claim: unknown = snapshot.get("reminderClaim");
        if (isLiveClaim(claim, slot, now)) return null;
        tx.update(ref, { reminderClaim: { slot: slot.toISOString(), until: new Date(now.getTime() + leaseMs).toISOString() } });
        return { state: snapshot.get("state") as unknown };
      });
    },
    complete(userId, slot, outcome) {
      const ref = users.doc(userId);
      return db.runTransaction(async (tx) => {
        const snapshot = await tx.get(ref);
        if (!isDueSlot(snapshot.get("nextReminderAt"), slot)) return false;
        const common = { reminderClaim: FieldValue.delete(), lastReminderSlot: Timestamp.fromDate(slot) };
        // Dotted paths into the reminder only when there is one: writing into a null map would
        // leave a half-made reminder behind.
        const hasReminder = snapshot.get("state.profile.reminder") !== null && snapshot.get("state.profile.reminder") !== undefined;
        switch (outcome.kind) {
          case "sent":
            tx.update(ref, { ...common, nextReminderAt: Timestamp.fromDate(outcome.nextAt), ...(hasReminder ? { "state.profile.reminder.nextAt": outcome.nextAt.toISOString() } : {}) });
            break;
          case "unreachable":
            tx.update(ref, { ...common, nextReminderAt: null, "state.following": false, ...(hasReminder ? { "state.profile.reminder.nextAt": null } : {}) });
            break;
          case "off":
            tx.update(ref, { ...common, nextReminderAt: null, ...(hasReminder ? { "state.profile.reminder.nextAt": null } : {}) });
            break;
        }
        return true;
      });
    },
  };
}

function isLiveClaim(claim: unknown, slot: Date, now: Date): boolean {
  if (typeof claim !== "object" || claim === null) return false;
  const { slot: claimed, until } = claim as { slot?: unknown; until?: unknown };
  return claimed === slot.toISOString() && typeof until === "string" && Date.parse(until) > now.getTime();
}
