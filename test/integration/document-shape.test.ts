/**
 * The user document's two shapes against the Firestore emulator: documents written before
 * the JSON state (the state as a nested map under `state`) are still read by a webhook
 * turn, the reminder job and the retention sweep, and a write rewrites them in the current
 * shape (see src/store/user-document.ts).
 */
import type { Timestamp } from "@google-cloud/firestore";
import { addDays } from "date-fns";
import { sendDueReminders } from "../../src/jobs/reminders";
import { deleteExpiredUsers } from "../../src/jobs/retention";
import type { ReminderSchedule } from "../../src/calendar/schedule";
import { createLineGateway } from "../../src/line/client";
import { silentLogger } from "../../src/log";
import { createFirestoreReminderStore } from "../../src/store/reminder-store";
import { createFirestoreRetentionStore } from "../../src/store/retention-store";
import { reportFacts } from "../../src/store/user-document";
import { text, userId } from "../helpers/events";
import { reminderUserState, seedReminderUser } from "../helpers/reminder-users";
import { useStack } from "../helpers/stack";
import { recentEventsIn, stateIn } from "../helpers/stored-user";

const stack = useStack();
const DAILY_21: ReminderSchedule = { kind: "daily", time: "21:00" };
const tokyo = (wallClock: string) => new Date(`${wallClock}+09:00`);
const doc = (id: string) => stack().db.collection("users").doc(id).get();

describe("a user document of the old shape", () => {
  it("is read by a webhook turn and rewritten as a JSON state with its derived fields, without the nested map or the id array", async () => {
    const id = userId();
    const slot = tokyo("2027-01-05T21:00");
    await seedReminderUser(stack().db, id, DAILY_21, slot, true, true);

    expect(await stack().send(text(id, "記録"))).toBe(200);

    const after = await doc(id);
    expect(after.get("state")).toBeUndefined();
    expect(typeof after.get("stateJson")).toBe("string");
    const state = stateIn(after);
    expect(state).toMatchObject({
      consent: { status: "given" },
      profile: { reminder: { schedule: DAILY_21, nextAt: slot.toISOString() } },
    });
    expect((after.get("nextReminderAt") as Timestamp).toDate().toISOString()).toBe(slot.toISOString());
    expect(after.get("following")).toBe(true);
    expect(JSON.parse(after.get("report") as string)).toEqual(reportFacts(state));
    expect(after.get("recentEventIds")).toBeUndefined();
    expect(recentEventsIn(after)).toHaveLength(1);
    expect(typeof after.get("recentEvents")).toBe("string");
  });

  it("gets its due reminder once from the job, which rewrites it in the current shape", async () => {
    const id = userId();
    await seedReminderUser(stack().db, id, DAILY_21, tokyo("2026-11-24T21:00"), true, true);
    const deps = {
      store: createFirestoreReminderStore(stack().db),
      line: createLineGateway({ channelAccessToken: stack().channelAccessToken, baseURL: stack().line.url }),
      log: silentLogger,
      sleep: () => Promise.resolve(),
    };

    expect(await sendDueReminders(tokyo("2026-11-24T21:02"), deps)).toMatchObject({ sent: 1, failed: 0 });

    const after = await doc(id);
    expect(after.get("state")).toBeUndefined();
    expect(stateIn(after)).toEqual({ ...reminderUserState(DAILY_21, tokyo("2026-11-25T21:00")) });
    expect((after.get("nextReminderAt") as Timestamp).toDate().toISOString()).toBe(tokyo("2026-11-25T21:00").toISOString());
    expect(await sendDueReminders(tokyo("2026-11-24T21:07"), deps)).toMatchObject({ due: 0, sent: 0 });
  });

  it("of a user who blocked the bot long ago is deleted by the retention sweep", async () => {
    const id = userId();
    await seedReminderUser(stack().db, id, DAILY_21, tokyo("2026-11-24T21:00"), false, true);

    const summary = await deleteExpiredUsers(createFirestoreRetentionStore(stack().db), addDays(new Date(), 400), 365, silentLogger);

    expect(summary.deleted).toBeGreaterThanOrEqual(1);
    expect((await doc(id)).exists).toBe(false);
  });
});
