/**
 * The reminder job against the Firestore emulator and the LINE stand-in: exactly one push
 * per due slot, under overlap, crashes, blocks, the quota and outages.
 */
import { createLineGateway } from "../../src/line/client";
import type { LineGateway } from "../../src/line/gateway";
import type { Logger } from "../../src/log";
import { sendDueReminders, type ReminderJobDeps } from "../../src/jobs/reminders";
import type { ReminderSchedule } from "../../src/calendar/schedule";
import { retryKey } from "../../src/line/retry-key";
import { createFirestoreReminderStore } from "../../src/store/reminder-store";
import { postback, text, userId } from "../helpers/events";
import { seedReminderUser } from "../helpers/reminder-users";
import { useStack } from "../helpers/stack";
import { recentEventsIn, stateIn, storedReminderAt, storedState } from "../helpers/stored-user";

const stack = useStack();
const SUNDAY_20: ReminderSchedule = { kind: "weekly", weekdays: [0], time: "20:00" };
const DAILY_21: ReminderSchedule = { kind: "daily", time: "21:00" };
const tokyo = (wallClock: string) => new Date(`${wallClock}+09:00`);
const silent: Logger = { info: () => {}, warn: () => {}, error: () => {} };

function deps(overrides: Partial<ReminderJobDeps> = {}): ReminderJobDeps {
  return {
    store: createFirestoreReminderStore(stack().db),
    line: createLineGateway({ channelAccessToken: stack().channelAccessToken, baseURL: stack().line.url }),
    log: silent,
    sleep: async () => {},
    ...overrides,
  };
}

/** The real LINE gateway, except that `turn` runs (and finishes) just before each push. */
function turnDuringPush(turn: () => Promise<unknown>): LineGateway {
  const line = createLineGateway({ channelAccessToken: stack().channelAccessToken, baseURL: stack().line.url });
  return { ...line, push: async (...args) => (await turn(), line.push(...args)) };
}

/**
 * Counts, on the stack's real Firestore client, the writes queued on its bulk writers and the
 * transactions run, from now until the test ends.
 */
function countOps(): () => { guardedWrites: number; transactions: number } {
  const db = stack().db;
  const newBulkWriter = db.bulkWriter.bind(db);
  const updateCounts: Array<() => number> = [];
  const bulkWriter = jest.spyOn(db, "bulkWriter").mockImplementation((options) => {
    const writer = newBulkWriter(options);
    const update = jest.spyOn(writer, "update");
    updateCounts.push(() => update.mock.calls.length);
    return writer;
  });
  const runTransaction = jest.spyOn(db, "runTransaction");
  restores.push(() => {
    bulkWriter.mockRestore();
    runTransaction.mockRestore();
  });
  return () => ({
    guardedWrites: updateCounts.reduce((sum, count) => sum + count(), 0),
    transactions: runTransaction.mock.calls.length,
  });
}
const restores: Array<() => void> = [];
afterEach(() => {
  for (const restore of restores.splice(0)) restore();
});

const pushes = () =>
  stack()
    .line.sent()
    .filter((batch) => batch.kind === "push");
const nextReminderAt = async (id: string) => storedReminderAt(await stack().db.collection("users").doc(id).get());

describe("the reminder job", () => {
  it("sends a due user exactly one push with a retry key, then moves the schedule on", async () => {
    const id = userId();
    await seedReminderUser(stack().db, id, SUNDAY_20, tokyo("2026-11-29T20:00"));

    const summary = await sendDueReminders(tokyo("2026-11-29T20:02"), deps());

    expect(summary).toMatchObject({ due: 1, sent: 1, failed: 0 });
    expect(pushes()).toHaveLength(1);
    expect(pushes()[0]).toMatchObject({ to: [id], retryKey: retryKey(`reminder:${id}:${tokyo("2026-11-29T20:00").toISOString()}`) });
    expect(JSON.stringify(pushes()[0]?.messages)).toContain("ふりかえる");
    expect(await nextReminderAt(id)).toBe(tokyo("2026-12-06T20:00").toISOString());
    const state = await storedState(stack().db, id);
    expect(state.profile.reminder?.nextAt).toBe(tokyo("2026-12-06T20:00").toISOString());

    expect(await sendDueReminders(tokyo("2026-11-29T20:07"), deps())).toMatchObject({ due: 0, sent: 0 });
    expect(pushes()).toHaveLength(1);
  });

  it("sends nothing before the slot", async () => {
    await seedReminderUser(stack().db, userId(), SUNDAY_20, tokyo("2026-11-29T20:00"));
    expect(await sendDueReminders(tokyo("2026-11-29T19:59"), deps())).toMatchObject({ due: 0, sent: 0 });
    expect(pushes()).toHaveLength(0);
  });

  it("sends once when two passes overlap: the retry key makes LINE drop the second push", async () => {
    const ids = [userId(), userId(), userId()];
    for (const id of ids) await seedReminderUser(stack().db, id, DAILY_21, tokyo("2026-11-24T21:00"));

    const [a, b] = await Promise.all([
      sendDueReminders(tokyo("2026-11-24T21:01"), deps()),
      sendDueReminders(tokyo("2026-11-24T21:01"), deps()),
    ]);

    expect(pushes()).toHaveLength(3);
    expect(new Set(pushes().map((batch) => batch.to[0]))).toEqual(new Set(ids));
    expect(a.sent + b.sent).toBe(3);
    const refused = stack()
      .line.calls()
      .filter((call) => call.path === "/v2/bot/message/push" && call.status === 409);
    expect(a.alreadySent + b.alreadySent + a.skipped + b.skipped).toBe(refused.length);
    for (const id of ids) expect(await nextReminderAt(id)).toBe(tokyo("2026-11-25T21:00").toISOString());
  });

  it("neither loses nor repeats a reminder when a pass died after reading the due users", async () => {
    const id = userId();
    const slot = tokyo("2026-11-24T21:00");
    await seedReminderUser(stack().db, id, DAILY_21, slot);
    // The dead pass got as far as its due query: nothing was pushed or written.
    expect(await createFirestoreReminderStore(stack().db).dueReminders(tokyo("2026-11-24T21:01"), 300, null)).toHaveLength(1);

    expect(await sendDueReminders(tokyo("2026-11-24T21:05"), deps())).toMatchObject({ sent: 1 });
    expect(await sendDueReminders(tokyo("2026-11-24T21:10"), deps())).toMatchObject({ due: 0, sent: 0 });
    expect(pushes()).toHaveLength(1);
    expect(await nextReminderAt(id)).toBe(tokyo("2026-11-25T21:00").toISOString());
  });

  it("does not overwrite a reminder the user switched off between the due query and the completion", async () => {
    const id = userId();
    await seedReminderUser(stack().db, id, DAILY_21, tokyo("2026-11-24T21:00"));
    // The webhook turn lands while the push is on its way, after the pass read the user.
    const line = turnDuringPush(() =>
      stack()
        .send(postback(id, "w1|cmd|reminder"))
        .then(() => stack().send(postback(id, "w1|rem|off"))),
    );

    expect(await sendDueReminders(tokyo("2026-11-24T21:01"), deps({ line }))).toMatchObject({ sent: 1, failed: 0 });

    expect(await nextReminderAt(id)).toBeNull();
    const state = await storedState(stack().db, id);
    expect(state.profile.reminder).toBeNull();
  });

  it("keeps a webhook turn that landed between the due query and the completion, and still moves the schedule on", async () => {
    const id = userId();
    await seedReminderUser(stack().db, id, DAILY_21, tokyo("2026-11-24T21:00"));
    const before = recentEventsIn(await stack().db.collection("users").doc(id).get());
    const line = turnDuringPush(() => stack().send(text(id, "ヘルプ")));
    const ops = countOps();

    expect(await sendDueReminders(tokyo("2026-11-24T21:01"), deps({ line }))).toMatchObject({ sent: 1, failed: 0 });

    // The webhook turn's transaction, then the guarded write, which found the document changed,
    // and the one transaction that re-read it and completed the slot.
    expect(ops()).toEqual({ guardedWrites: 1, transactions: 2 });

    const doc = await stack().db.collection("users").doc(id).get();
    expect(recentEventsIn(doc)).toHaveLength(before.length + 1);
    expect(storedReminderAt(doc)).toBe(tokyo("2026-11-25T21:00").toISOString());
    expect(stateIn(doc).profile.reminder).toEqual({ schedule: DAILY_21, nextAt: tokyo("2026-11-25T21:00").toISOString() });
  });

  it("costs one guarded write per due user and no transaction when nothing interferes", async () => {
    const ids = [userId(), userId(), userId()];
    for (const id of ids) await seedReminderUser(stack().db, id, DAILY_21, tokyo("2026-11-24T21:00"));
    const ops = countOps();

    expect(await sendDueReminders(tokyo("2026-11-24T21:01"), deps())).toMatchObject({ sent: 3 });

    expect(ops()).toEqual({ guardedWrites: 3, transactions: 0 });
    for (const id of ids) {
      const doc = await stack().db.collection("users").doc(id).get();
      expect(stateIn(doc).step).toEqual({ type: "resting" });
      expect(storedReminderAt(doc)).toBe(tokyo("2026-11-25T21:00").toISOString());
    }
  });

  it("completes without a second message when a pass died after its push", async () => {
    const id = userId();
    const slot = tokyo("2026-11-24T21:00");
    await seedReminderUser(stack().db, id, DAILY_21, slot);
    const line = createLineGateway({ channelAccessToken: stack().channelAccessToken, baseURL: stack().line.url });
    await line.push(id, [{ type: "text", text: "ふりかえりの時間です。" }], retryKey(`reminder:${id}:${slot.toISOString()}`));

    const summary = await sendDueReminders(tokyo("2026-11-24T21:10"), deps());

    expect(summary).toMatchObject({ sent: 0, alreadySent: 1 });
    expect(pushes()).toHaveLength(1);
    expect(await nextReminderAt(id)).toBe(tokyo("2026-11-25T21:00").toISOString());
  });

  it("retries a push that LINE answered with 5xx, with the same retry key", async () => {
    const id = userId();
    await seedReminderUser(stack().db, id, DAILY_21, tokyo("2026-11-24T21:00"));
    stack().line.failNext("/v2/bot/message/push", 503, 2);

    expect(await sendDueReminders(tokyo("2026-11-24T21:01"), deps())).toMatchObject({ sent: 1, failed: 0 });
    const attempts = stack()
      .line.calls()
      .filter((call) => call.path === "/v2/bot/message/push");
    expect(attempts.map((call) => call.status)).toEqual([503, 503, 200]);
    expect(new Set(attempts.map((call) => call.headers["x-line-retry-key"])).size).toBe(1);
  });

  it("leaves a reminder due when every retry fails, and sends it on the next pass", async () => {
    const id = userId();
    await seedReminderUser(stack().db, id, DAILY_21, tokyo("2026-11-24T21:00"));
    stack().line.failNext("/v2/bot/message/push", 500, 4);

    expect(await sendDueReminders(tokyo("2026-11-24T21:01"), deps())).toMatchObject({ sent: 0, failed: 1 });
    expect(await sendDueReminders(tokyo("2026-11-24T21:06"), deps())).toMatchObject({ sent: 1 });
    expect(pushes()).toHaveLength(1);
  });

  it("sends nothing to a user who blocked the bot, and switches their reminders off", async () => {
    const blockedByEvent = userId();
    const blockedAtLine = userId();
    await seedReminderUser(stack().db, blockedByEvent, DAILY_21, tokyo("2026-11-24T21:00"), false);
    await seedReminderUser(stack().db, blockedAtLine, DAILY_21, tokyo("2026-11-24T21:00"));
    stack().line.blockUser(blockedAtLine);

    const summary = await sendDueReminders(tokyo("2026-11-24T21:01"), deps());

    expect(summary).toMatchObject({ sent: 0, disabled: 2 });
    expect(pushes()).toHaveLength(0);
    expect(await nextReminderAt(blockedByEvent)).toBeNull();
    expect(await nextReminderAt(blockedAtLine)).toBeNull();
    // Like an unfollow: the schedule stays, so a re-follow brings the reminders back.
    const state = await storedState(stack().db, blockedAtLine);
    expect(state).toMatchObject({ following: false, profile: { reminder: { schedule: DAILY_21, nextAt: null } } });
  });

  it.each([400, 403])(
    "does not switch reminders off when LINE answers %i, which may be the request's or the channel's fault",
    async (status) => {
      const id = userId();
      await seedReminderUser(stack().db, id, DAILY_21, tokyo("2026-11-24T21:00"));
      stack().line.failNext("/v2/bot/message/push", status, 1);

      expect(await sendDueReminders(tokyo("2026-11-24T21:01"), deps())).toMatchObject({ sent: 0, failed: 1, disabled: 0 });
      expect(await nextReminderAt(id)).toBe(tokyo("2026-11-24T21:00").toISOString());
    },
  );

  it("sends as many as the monthly quota allows, oldest first, and leaves the rest due", async () => {
    const ids = [userId(), userId(), userId(), userId(), userId()];
    for (const [i, id] of ids.entries())
      await seedReminderUser(stack().db, id, DAILY_21, new Date(tokyo("2026-11-24T21:00").getTime() + i * 60_000));
    stack().line.quota.limit = 3;

    const summary = await sendDueReminders(tokyo("2026-11-24T21:10"), deps());

    expect(summary).toMatchObject({ due: 5, sent: 3, overQuota: 2, quotaReached: true });
    expect(
      pushes()
        .map((batch) => batch.to[0])
        .sort(),
    ).toEqual(ids.slice(0, 3).sort());
    expect(await nextReminderAt(ids[3])).toBe(new Date(tokyo("2026-11-24T21:00").getTime() + 3 * 60_000).toISOString());
  });

  it("reads no further page once the month's pushes are spent", async () => {
    const ids = [userId(), userId(), userId(), userId(), userId()];
    for (const [i, id] of ids.entries())
      await seedReminderUser(stack().db, id, DAILY_21, new Date(tokyo("2026-11-24T21:00").getTime() + i * 60_000));
    stack().line.quota.limit = 1;

    const summary = await sendDueReminders(tokyo("2026-11-24T21:10"), deps({ settings: { pageSize: 2 } }));

    expect(summary).toMatchObject({ due: 2, sent: 1, overQuota: 1, quotaReached: true });
    for (const [i, id] of ids.entries()) {
      if (i > 0) expect(await nextReminderAt(id)).toBe(new Date(tokyo("2026-11-24T21:00").getTime() + i * 60_000).toISOString());
    }
  });

  it("stops cleanly when LINE answers 429 for the month", async () => {
    const ids = [userId(), userId(), userId()];
    for (const id of ids) await seedReminderUser(stack().db, id, DAILY_21, tokyo("2026-11-24T21:00"));
    stack().line.quota.limit = 1000;
    const store = createFirestoreReminderStore(stack().db);
    // The quota read says there is room, but LINE refuses every push (spent elsewhere).
    stack().line.failNext("/v2/bot/message/push", 429, 10);

    const summary = await sendDueReminders(tokyo("2026-11-24T21:01"), deps({ store, settings: { concurrency: 1 } }));

    expect(summary).toMatchObject({ sent: 0, quotaReached: true, failed: 0 });
    expect(summary.overQuota).toBe(3);
    for (const id of ids) expect(await nextReminderAt(id)).toBe(tokyo("2026-11-24T21:00").toISOString());
  });

  it("gives each user one catch-up after a two-day outage, then continues from now", async () => {
    const weekly = userId();
    const daily = userId();
    await seedReminderUser(stack().db, weekly, { kind: "weekly", weekdays: [1], time: "09:00" }, tokyo("2026-11-23T09:00"));
    await seedReminderUser(stack().db, daily, { kind: "daily", time: "09:00" }, tokyo("2026-11-23T09:00"));

    const back = tokyo("2026-11-25T10:00");
    expect(await sendDueReminders(back, deps())).toMatchObject({ sent: 2 });
    expect(await sendDueReminders(new Date(back.getTime() + 5 * 60_000), deps())).toMatchObject({ sent: 0 });

    expect(pushes()).toHaveLength(2);
    expect(await nextReminderAt(daily)).toBe(tokyo("2026-11-26T09:00").toISOString());
    expect(await nextReminderAt(weekly)).toBe(tokyo("2026-11-30T09:00").toISOString());
  });

  it("holds a catch-up back during quiet hours and sends it in the morning", async () => {
    const id = userId();
    await seedReminderUser(stack().db, id, DAILY_21, tokyo("2026-11-24T21:00"));

    expect(await sendDueReminders(tokyo("2026-11-25T03:00"), deps())).toMatchObject({ sent: 0, deferred: 1 });
    expect(await sendDueReminders(tokyo("2026-11-25T08:05"), deps())).toMatchObject({ sent: 1 });
    expect(pushes()).toHaveLength(1);
  });

  it("holds back a late catch-up even when the missed slot was itself at a quiet hour", async () => {
    await seedReminderUser(stack().db, userId(), { kind: "daily", time: "23:30" }, tokyo("2026-11-24T23:30"));
    expect(await sendDueReminders(tokyo("2026-11-25T04:00"), deps())).toMatchObject({ sent: 0, deferred: 1 });
  });

  it("after a catch-up, skips the slot that would follow within minutes", async () => {
    const id = userId();
    await seedReminderUser(stack().db, id, DAILY_21, tokyo("2026-11-23T21:00"));
    expect(await sendDueReminders(tokyo("2026-11-24T20:55"), deps())).toMatchObject({ sent: 1 });
    expect(await nextReminderAt(id)).toBe(tokyo("2026-11-25T21:00").toISOString());
  });

  it("sends on time at a quiet hour the user chose themselves", async () => {
    const id = userId();
    await seedReminderUser(stack().db, id, { kind: "daily", time: "23:30" }, tokyo("2026-11-24T23:30"));
    expect(await sendDueReminders(tokyo("2026-11-24T23:31"), deps())).toMatchObject({ sent: 1 });
  });
});
