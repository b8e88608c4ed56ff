/** Users seeded straight into Firestore with a reminder due, for reminder job tests. */
import type { Firestore } from "@google-cloud/firestore";
import { Timestamp } from "@google-cloud/firestore";
import { initialState, type UserState } from "../../src/dialogue/state";
import type { ReminderSchedule } from "../../src/calendar/schedule";
import { stateFields } from "../../src/store/user-document";
import { completedProfile } from "./dialogue-states";

/** A user who finished the first session and chose `schedule`, with `slot` as the next reminder. */
export function reminderUserState(schedule: ReminderSchedule, slot: Date, following = true): UserState {
  return {
    ...initialState(),
    step: { type: "resting" },
    consent: { status: "given", at: "2026-11-01T00:00:00.000Z" },
    following,
    lastActiveAt: "2026-11-20T12:00:00.000Z",
    profile: { ...completedProfile(), reminder: { schedule, nextAt: slot.toISOString() } },
  };
}

/**
 * Writes such a user as the webhook would (the state with its derived top-level fields,
 * `nextReminderAt` among them); `legacy` writes the old document shape instead, the state as
 * a nested map, as documents written before the JSON state hold it.
 */
export async function seedReminderUser(
  db: Firestore,
  userId: string,
  schedule: ReminderSchedule,
  slot: Date,
  following = true,
  legacy = false,
): Promise<void> {
  const state = reminderUserState(schedule, slot, following);
  const fields = legacy
    ? { state, nextReminderAt: Timestamp.fromDate(slot), updatedAt: new Date(), recentEventIds: [] }
    : { ...stateFields(state, new Date()), recentEvents: "" };
  await db.collection("users").doc(userId).set(fields);
}
