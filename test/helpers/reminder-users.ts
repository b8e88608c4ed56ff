/** Users seeded straight into Firestore with a reminder due, for reminder job tests. */
import type { Firestore } from "@google-cloud/firestore";
import { Timestamp } from "@google-cloud/firestore";
import { initialState, type UserState } from "../../src/dialogue/state";
import type { ReminderSchedule } from "../../src/reminders/schedule";

/** A user who finished the first session and chose `schedule`, with `slot` as the next reminder. */
export function reminderUserState(schedule: ReminderSchedule, slot: Date, following = true): UserState {
  return {
    ...initialState(),
    step: { type: "resting" },
    consent: { status: "given", at: "2026-11-01T00:00:00.000Z" },
    following,
    lastActiveAt: "2026-11-20T12:00:00.000Z",
    profile: {
      values: ["teach"],
      moments: ["後輩に資料の作り方を教えた"],
      will: { statement: "後輩から、わかりやすく教えることで『ありがとう』と言われる人になる。", at: "2026-11-01T00:00:00.000Z", history: [] },
      action: { text: "後輩の相談にのる", due: "2026-12-31" },
      reminder: { schedule, nextAt: slot.toISOString() },
      completedFirstSession: true,
      checkins: 0,
    },
  };
}

/** Writes such a user as the webhook would: state plus the top-level `nextReminderAt`. */
export async function seedReminderUser(db: Firestore, userId: string, schedule: ReminderSchedule, slot: Date, following = true): Promise<void> {
  await db.collection("users").doc(userId).set({
    state: reminderUserState(schedule, slot, following),
    recentEventIds: [],
    nextReminderAt: Timestamp.fromDate(slot),
    updatedAt: new Date(),
  });
}
