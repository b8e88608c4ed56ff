/** What a job's fact does to a stored state: the core computes it, the job only stores it. */
import { afterJob } from "../../src/dialogue";
import { reminderUserState } from "../helpers/reminder-users";

const DAILY_21 = { kind: "daily", time: "21:00" } as const;
const SLOT = new Date("2026-11-24T12:00:00Z");
const NEXT = new Date("2026-11-25T12:00:00Z");
const NOW = new Date("2026-11-24T12:02:00Z");

describe("afterJob", () => {
  it("moves the reminder on to the next slot after a push and changes nothing else", () => {
    const stored = reminderUserState(DAILY_21, SLOT);
    expect(afterJob(stored, { type: "reminderSent", nextAt: NEXT }, NOW)).toEqual(reminderUserState(DAILY_21, NEXT));
  });

  it("keeps no next slot for a user who unfollowed before the push was recorded", () => {
    const stored = reminderUserState(DAILY_21, SLOT, false);
    expect(afterJob(stored, { type: "reminderSent", nextAt: NEXT }, NOW).profile.reminder).toEqual({ schedule: DAILY_21, nextAt: null });
  });

  it("treats a user LINE does not know like an unfollow: not following, schedule kept, no next slot", () => {
    const next = afterJob(reminderUserState(DAILY_21, SLOT), { type: "userUnreachable" }, NOW);
    expect(next).toMatchObject({ following: false, profile: { reminder: { schedule: DAILY_21, nextAt: null } } });
  });

  it("drops the slot when there is nothing to send, and leaves a state without a reminder as it is", () => {
    expect(afterJob(reminderUserState(DAILY_21, SLOT), { type: "reminderDropped" }, NOW).profile.reminder?.nextAt).toBeNull();
    const withoutReminder = {
      ...reminderUserState(DAILY_21, SLOT),
      profile: { ...reminderUserState(DAILY_21, SLOT).profile, reminder: null },
    };
    expect(afterJob(withoutReminder, { type: "reminderDropped" }, NOW)).toEqual(withoutReminder);
  });
});
