/**
 * Gentle follow-ups against the Firestore emulator and the LINE stand-in: users talk to the
 * real webhook over HTTP at a set time, and the reminder pass (with its follow-up pass) runs
 * at later times. Nudges to a user who stopped mid-session, the follow-up on an action's date,
 * the users who must get nothing, exactly once under overlapping passes, the quota shared
 * with reminders, and FOLLOW_UPS=off.
 */
import { loadJobConfig } from "../../src/config";
import type { ReminderSchedule } from "../../src/calendar/schedule";
import { commandData } from "../../src/dialogue";
import { initialState, type UserState } from "../../src/dialogue/state";
import { sendDueFollowUps, sendRemindersThenFollowUps, type FollowUpJobDeps } from "../../src/jobs/follow-ups";
import { createLineGateway } from "../../src/line/client";
import { retryKey } from "../../src/line/retry-key";
import type { Logger } from "../../src/log";
import { createReminderJob } from "../../src/server";
import { createFirestoreFollowUpStore } from "../../src/store/follow-up-store";
import { createFirestoreReminderStore } from "../../src/store/reminder-store";
import { stateFields } from "../../src/store/user-document";
import { follow, postback, text, unfollow, userId } from "../helpers/events";
import { seedReminderUser } from "../helpers/reminder-users";
import { useStack } from "../helpers/stack";
import { storedState } from "../helpers/stored-user";

const tokyo = (wallClock: string) => new Date(`${wallClock}+09:00`);
const silent: Logger = { info: () => {}, warn: () => {}, error: () => {} };
let clock = tokyo("2026-11-24T10:00");
const stack = useStack({ now: () => new Date(clock) });
const THIRD_QUESTION = "最近、誰かに「ありがとう」と言われたのは、どんな場面でしたか？";

const line = () => createLineGateway({ channelAccessToken: stack().channelAccessToken, baseURL: stack().line.url });
const deps = (overrides: Partial<FollowUpJobDeps> = {}): FollowUpJobDeps => ({
  store: createFirestoreFollowUpStore(stack().db),
  line: line(),
  log: silent,
  sleep: async () => {},
  ...overrides,
});
const pass = (at: Date) => sendDueFollowUps(at, deps());
/** The scheduled pass as deployed: the reminders, then the follow-ups with what they leave. */
const wholePass = (at: Date) =>
  sendRemindersThenFollowUps(at, {
    store: createFirestoreReminderStore(stack().db),
    followUps: createFirestoreFollowUpStore(stack().db),
    line: line(),
    log: silent,
    sleep: async () => {},
  });
const pushes = (to?: string) =>
  stack()
    .line.sent()
    .filter((batch) => batch.kind === "push" && (to === undefined || batch.to.includes(to)));
const textsOf = (messages: unknown[]) => messages.map((message) => (message as { text?: string }).text ?? "");
const buttonsOf = (messages: unknown[]) =>
  ((messages.at(-1) as { quickReply?: { items: { action: { label: string; data?: string } }[] } }).quickReply?.items ?? []).map(
    (item) => item.action,
  );
const nextFollowUpAt = async (id: string) => {
  const value: unknown = (await stack().db.collection("users").doc(id).get()).get("nextFollowUpAt");
  return value === null || value === undefined ? null : (value as { toDate(): Date }).toDate().toISOString();
};

/** Sends `events` to the webhook at `at`, one request each, as a user taps and types. */
async function at(when: Date, ...events: Record<string, unknown>[]): Promise<void> {
  clock = when;
  for (const event of events) expect(await stack().send(event)).toBe(200);
}

/** A user who consents, starts, answers the first two questions and leaves the third (the ありがとう question) unanswered. */
/** A user without reminders, after the first session, who changes their action and picks 2026-11-27 for it. */
async function pickActionDate(id: string): Promise<void> {
  await seedState(id, { ...midSession(), step: { type: "resting" }, draft: null, profile: finishedProfile() });
  await at(
    tokyo("2026-11-24T12:00"),
    postback(id, commandData("changeAction")),
    postback(id, "w1|act|s0"),
    postback(id, "w1|due|pick", { date: "2026-11-27" }),
  );
}

async function stopAtQuestionThree(id: string, when: Date): Promise<void> {
  await at(
    when,
    follow(id),
    postback(id, "w1|consent|agree"),
    postback(id, "w1|start|now"),
    postback(id, "w1|score|3"),
    text(id, "会議が多くて、自分の仕事が進まないことです"),
  );
  expect((await storedState(stack().db, id)).step).toEqual({ type: "awaitingThanksMoment", source: "thanked" });
}

describe("nudges to a user who stopped in the middle of the first session", () => {
  it("sends the first nudge a day later and the last three days after it, each once, and never a third", async () => {
    const id = userId();
    await stopAtQuestionThree(id, tokyo("2026-11-24T10:00"));
    expect(await nextFollowUpAt(id)).toBe(tokyo("2026-11-25T10:00").toISOString());

    expect(await pass(tokyo("2026-11-25T09:59"))).toMatchObject({ due: 0, sent: 0 });
    expect(await pass(tokyo("2026-11-25T10:01"))).toMatchObject({ due: 1, sent: 1 });
    expect(await pass(tokyo("2026-11-25T10:06"))).toMatchObject({ due: 0, sent: 0 });
    expect(await nextFollowUpAt(id)).toBe(tokyo("2026-11-28T10:00").toISOString());
    expect(await pass(tokyo("2026-11-28T10:02"))).toMatchObject({ due: 1, sent: 1 });
    for (const day of ["2026-11-29", "2026-12-02", "2026-12-20"]) expect(await pass(tokyo(`${day}T12:00`))).toMatchObject({ sent: 0 });

    const sent = pushes(id);
    expect(sent).toHaveLength(2);
    expect(sent.map((batch) => batch.retryKey)).toEqual([
      retryKey(`followup:nudge1:${id}:${tokyo("2026-11-25T10:00").toISOString()}`),
      retryKey(`followup:nudge2:${id}:${tokyo("2026-11-28T10:00").toISOString()}`),
    ]);
    expect(textsOf(sent[0].messages).join()).toContain("途中のままになっていますね");
    expect(textsOf(sent[1].messages).join()).toContain("これで最後にしますね");
    for (const batch of sent) expect(buttonsOf(batch.messages).map((button) => button.label)).toEqual(["続きから", "今はやめておく"]);
    const state = await storedState(stack().db, id);
    expect(state.tally).toMatchObject({ followUpsSent: 2, followUpsResumed: 0 });
    expect(state.step).toEqual({ type: "awaitingThanksMoment", source: "thanked" });
    expect(await nextFollowUpAt(id)).toBeNull();
  });

  it("resumes the very question left open with one tap on the nudge, counts the return and plans afresh", async () => {
    const id = userId();
    await stopAtQuestionThree(id, tokyo("2026-11-24T10:00"));
    await pass(tokyo("2026-11-25T10:00"));
    const resume = buttonsOf(pushes(id)[0].messages).find((button) => button.label === "続きから");

    await at(tokyo("2026-11-25T12:30"), postback(id, resume?.data ?? ""));

    const reply = textsOf(stack().messagesTo(id).slice(-2));
    expect(reply).toEqual(["続きから再開しましょう。", `${THIRD_QUESTION}\n小さなことでもかまいません。`]);
    const state = await storedState(stack().db, id);
    expect(state.step).toEqual({ type: "awaitingThanksMoment", source: "thanked" });
    expect(state.tally).toMatchObject({ followUpsSent: 1, followUpsResumed: 1 });
    expect(await nextFollowUpAt(id)).toBe(tokyo("2026-11-26T12:30").toISOString());
  });

  it("moves the nudge on with every message: a user who answers keeps being a day ahead of it", async () => {
    const id = userId();
    await stopAtQuestionThree(id, tokyo("2026-11-24T10:00"));
    await at(tokyo("2026-11-25T09:30"), text(id, "後輩に資料の作り方を教えたら、助かりましたと言われました"));

    expect(await pass(tokyo("2026-11-25T10:05"))).toMatchObject({ due: 0, sent: 0 });
    expect(await nextFollowUpAt(id)).toBe(tokyo("2026-11-26T09:30").toISOString());
  });

  it("sends no nudge in quiet hours: late at night is moved into the day, and a missed one waits for the morning", async () => {
    const night = userId();
    const early = userId();
    await stopAtQuestionThree(night, tokyo("2026-11-24T23:40"));
    await stopAtQuestionThree(early, tokyo("2026-11-25T06:10"));
    expect(await nextFollowUpAt(night)).toBe(tokyo("2026-11-25T20:00").toISOString());
    expect(await nextFollowUpAt(early)).toBe(tokyo("2026-11-26T09:00").toISOString());

    // The passes of the evening and the next morning did not run (an outage): at 23:00 and 03:00 nothing goes.
    expect(await pass(tokyo("2026-11-26T23:00"))).toMatchObject({ quiet: true, due: 0, sent: 0 });
    expect(await pass(tokyo("2026-11-27T03:00"))).toMatchObject({ quiet: true, sent: 0 });
    expect(pushes()).toHaveLength(0);
    // Even an operator who switched quiet hours off gets no follow-up sent at night.
    const quietOff = await sendDueFollowUps(
      tokyo("2026-11-27T07:59"),
      deps({ settings: { quietHours: { start: "00:00", end: "00:00" } } }),
    );
    expect(quietOff).toMatchObject({ quiet: true, sent: 0 });
    expect(await pass(tokyo("2026-11-27T08:00"))).toMatchObject({ due: 2, sent: 2 });
  });

  it("sends nothing to users who paused, declined, blocked the bot, deleted their data, finished, or are with a consultant", async () => {
    const paused = userId();
    await stopAtQuestionThree(paused, tokyo("2026-11-24T10:00"));
    await at(tokyo("2026-11-24T10:05"), text(paused, "やめる"));
    const stopped = userId();
    await stopAtQuestionThree(stopped, tokyo("2026-11-24T10:00"));
    await at(tokyo("2026-11-24T10:05"), postback(stopped, commandData("pause")));
    const declined = userId();
    await at(tokyo("2026-11-24T10:00"), follow(declined), postback(declined, "w1|consent|decline"));
    const blocked = userId();
    await stopAtQuestionThree(blocked, tokyo("2026-11-24T10:00"));
    await at(tokyo("2026-11-24T10:05"), unfollow(blocked));
    const deleted = userId();
    await stopAtQuestionThree(deleted, tokyo("2026-11-24T10:00"));
    await at(tokyo("2026-11-24T10:05"), postback(deleted, commandData("deleteData")), postback(deleted, "w1|del|yes"));
    const finished = userId();
    await seedState(finished, { ...midSession(), step: { type: "resting" }, draft: null, profile: finishedProfile() });
    const withConsultant = userId();
    await seedState(withConsultant, {
      ...midSession(),
      handover: {
        status: "active",
        operator: `U${"c0de".repeat(8)}`,
        requestedAt: "2026-11-24T00:50:00.000Z",
        takenAt: "2026-11-24T01:00:00.000Z",
        idleMs: 48 * 3600_000,
        until: "2026-11-26T01:00:00.000Z",
      },
      followUp: { next: { kind: "nudge", n: 1, at: tokyo("2026-11-25T10:00").toISOString() }, actionDate: null, pushedAt: null },
    });
    const shouldGetOne = userId();
    await stopAtQuestionThree(shouldGetOne, tokyo("2026-11-24T10:00"));

    for (const day of ["2026-11-25", "2026-11-26", "2026-11-28", "2026-12-05"]) await pass(tokyo(`${day}T12:00`));

    expect(pushes().map((batch) => batch.to[0])).toEqual([shouldGetOne, shouldGetOne]);
    for (const id of [paused, stopped, declined, blocked, finished, withConsultant]) expect(await nextFollowUpAt(id)).toBeNull();
    expect((await stack().db.collection("users").doc(deleted).get()).exists).toBe(false);
    expect((await storedState(stack().db, stopped)).paused).toEqual({ type: "awaitingThanksMoment", source: "thanked" });
  });

  it("a nudge whose user blocked the bot at LINE is dropped like an unfollow", async () => {
    const id = userId();
    await stopAtQuestionThree(id, tokyo("2026-11-24T10:00"));
    stack().line.blockUser(id);

    expect(await pass(tokyo("2026-11-25T10:00"))).toMatchObject({ sent: 0, dropped: 1 });
    expect(await storedState(stack().db, id)).toMatchObject({ following: false, followUp: { next: null } });
    expect(await nextFollowUpAt(id)).toBeNull();
  });
});

describe("the follow-up on an action's date", () => {
  it("is offered when a user without reminders picks a date, and sent once, on that date, at a sensible hour", async () => {
    const id = userId();
    await pickActionDate(id);
    expect(textsOf(stack().messagesTo(id).slice(-1)).join()).toContain("11月27日(金)の夜に一度だけ");
    expect(await nextFollowUpAt(id)).toBeNull();
    await at(tokyo("2026-11-24T12:01"), postback(id, "w1|fuo|yes"));
    expect(await nextFollowUpAt(id)).toBe(tokyo("2026-11-27T19:00").toISOString());

    expect(await pass(tokyo("2026-11-26T19:00"))).toMatchObject({ sent: 0 });
    expect(await pass(tokyo("2026-11-27T18:59"))).toMatchObject({ sent: 0 });
    expect(await pass(tokyo("2026-11-27T19:00"))).toMatchObject({ sent: 1 });
    expect(await pass(tokyo("2026-11-27T19:05"))).toMatchObject({ due: 0, sent: 0 });
    expect(await pass(tokyo("2026-11-28T19:00"))).toMatchObject({ due: 0, sent: 0 });

    const [push] = pushes(id);
    expect(pushes(id)).toHaveLength(1);
    expect(textsOf(push.messages).join()).toMatch(/^WILLノートです。今日までと決めていた「.+」は、どうでしたか？/);
    expect(buttonsOf(push.messages).map((button) => button.label)).toEqual(["できた", "少しできた", "まだ", "ふりかえる"]);

    // One tap answers it, and the learning loop asks how it felt and who reacted.
    const done = buttonsOf(push.messages).find((button) => button.label === "できた");
    await at(tokyo("2026-11-27T21:00"), postback(id, done?.data ?? ""));
    expect(textsOf(stack().messagesTo(id).slice(-2))).toEqual([
      "すばらしいです！一歩を踏み出せましたね。",
      "やってみて、どうでしたか？ボタンで選んでも、ひと言で書いても大丈夫です。",
    ]);
    expect((await storedState(stack().db, id)).tally).toMatchObject({ followUpsSent: 1, followUpsResumed: 1 });
    await at(tokyo("2026-11-27T21:01"), text(id, "楽しかったです"));
    await at(tokyo("2026-11-27T21:02"), text(id, "特にないです"));
    // The same push's button tapped again stores nothing more.
    await at(tokyo("2026-11-27T21:03"), postback(id, done?.data ?? ""));
    expect(textsOf(stack().messagesTo(id).slice(-2)).join()).toContain("もう記録してあります");
    const steps = await stack().db.collection("users").doc(id).collection("entries").where("kind", "==", "step").get();
    expect(steps.docs.map((doc) => doc.data())).toEqual([
      expect.objectContaining({ status: "done", feeling: "楽しかった", reaction: null }),
    ]);
  });

  it("is not sent when the user declined it, or when they set reminders after asking for it", async () => {
    const declined = userId();
    const remindedLater = userId();
    for (const id of [declined, remindedLater]) await pickActionDate(id);
    await at(tokyo("2026-11-24T12:01"), text(declined, "大丈夫です"), text(remindedLater, "お願いします"));
    await at(tokyo("2026-11-24T12:02"), postback(remindedLater, commandData("reminder")), postback(remindedLater, "w1|rem|daily"));

    await pass(tokyo("2026-11-27T19:00"));
    expect(pushes()).toHaveLength(0);
    for (const id of [declined, remindedLater]) expect(await nextFollowUpAt(id)).toBeNull();
  });
});

describe("the care message after a crisis reply", () => {
  it("is sent once, the next day at the hour the user was last active, and nothing follows it", async () => {
    const id = userId();
    await stopAtQuestionThree(id, tokyo("2026-11-24T10:00"));
    await at(tokyo("2026-11-24T22:40"), text(id, "もう消えてしまいたい"), postback(id, "w1|safe|stop"), postback(id, "w1|coffer|yes"));
    expect(await nextFollowUpAt(id)).toBe(tokyo("2026-11-25T20:00").toISOString());

    expect(await pass(tokyo("2026-11-25T19:59"))).toMatchObject({ sent: 0 });
    expect(await pass(tokyo("2026-11-25T20:00"))).toMatchObject({ sent: 1 });
    expect(await pass(tokyo("2026-11-25T20:05"))).toMatchObject({ sent: 0 });
    const [push, ...more] = pushes(id);
    expect(more).toEqual([]);
    expect(textsOf(push.messages).join()).toContain("その後、いかがですか？");
    expect(buttonsOf(push.messages).map((button) => button.label)).toEqual(["少し楽になった", "まだつらい", "窓口を見る"]);
    // The user stopped for today, so the question waits paused: no nudge follows the care message.
    expect(await nextFollowUpAt(id)).toBeNull();
    for (const day of ["2026-11-26T20:00", "2026-11-28T20:00", "2026-11-30T20:00"]) await pass(tokyo(day));
    expect(pushes(id)).toHaveLength(1);

    const better = buttonsOf(push.messages).find((button) => button.label === "少し楽になった");
    await at(tokyo("2026-11-25T21:00"), postback(id, better?.data ?? ""));
    const state = await storedState(stack().db, id);
    expect(state.care).toMatchObject({ askHow: false, messageAt: null });
    expect(state.tally).toMatchObject({ followUpsSent: 1, followUpsResumed: 1 });
  });
});

describe("nudges after a crisis reply", () => {
  it("wait a week for a user who went on after the crisis reply and then left the question", async () => {
    const id = userId();
    await stopAtQuestionThree(id, tokyo("2026-11-24T10:00"));
    await at(tokyo("2026-11-24T10:05"), text(id, "もう消えてしまいたい"), postback(id, "w1|safe|continue"));
    expect(await nextFollowUpAt(id)).toBe(tokyo("2026-12-01T10:05").toISOString());
    for (const day of ["2026-11-25T10:05", "2026-11-28T10:05", "2026-11-30T10:05"]) await pass(tokyo(day));
    expect(pushes(id)).toHaveLength(0);
    expect(await pass(tokyo("2026-12-01T10:05"))).toMatchObject({ sent: 1 });
  });
});

describe("the follow-up pass", () => {
  it("sends each nudge exactly once when two passes run at once", async () => {
    const ids = [userId(), userId(), userId()];
    for (const id of ids) await stopAtQuestionThree(id, tokyo("2026-11-24T10:00"));

    const [a, b] = await Promise.all([pass(tokyo("2026-11-25T10:01")), pass(tokyo("2026-11-25T10:01"))]);

    expect(pushes()).toHaveLength(3);
    expect(new Set(pushes().map((batch) => batch.to[0]))).toEqual(new Set(ids));
    expect(a.sent + b.sent).toBe(3);
    for (const id of ids) {
      const state = await storedState(stack().db, id);
      expect(state.tally.followUpsSent).toBe(1);
      expect(state.followUp.next).toEqual({ kind: "nudge", n: 2, at: tokyo("2026-11-28T10:00").toISOString() });
    }
    expect(await pass(tokyo("2026-11-25T10:06"))).toMatchObject({ due: 0, sent: 0 });
  });

  it("sends reminders first and follow-ups only with what the month's quota leaves", async () => {
    const DAILY_21: ReminderSchedule = { kind: "daily", time: "21:00" };
    const reminded = [userId(), userId()];
    for (const id of reminded) await seedReminderUser(stack().db, id, DAILY_21, tokyo("2026-11-25T19:00"));
    const nudged = [userId(), userId()];
    for (const id of nudged) await stopAtQuestionThree(id, tokyo("2026-11-24T10:00"));
    stack().line.quota.limit = 3;

    const summary = await wholePass(tokyo("2026-11-25T19:01"));

    expect(summary).toMatchObject({ sent: 2, followUps: { due: 2, sent: 1, overQuota: 1 } });
    expect(
      pushes()
        .slice(0, 2)
        .map((batch) => batch.to[0]),
    ).toEqual(expect.arrayContaining(reminded));
    const unsent = nudged.filter((id) => pushes(id).length === 0);
    expect(unsent).toHaveLength(1);
    expect(await nextFollowUpAt(unsent[0])).toBe(tokyo("2026-11-25T10:00").toISOString());
  });

  it("sends no follow-up at all when reminders alone reach the quota", async () => {
    await seedReminderUser(stack().db, userId(), { kind: "daily", time: "21:00" }, tokyo("2026-11-25T19:00"));
    await seedReminderUser(stack().db, userId(), { kind: "daily", time: "21:00" }, tokyo("2026-11-25T19:00"));
    await stopAtQuestionThree(userId(), tokyo("2026-11-24T10:00"));
    stack().line.quota.limit = 1;

    const summary = await wholePass(tokyo("2026-11-25T19:01"));

    expect(summary).toMatchObject({ sent: 1, quotaReached: true, followUps: null });
    expect(pushes()).toHaveLength(1);
  });

  it.each([
    ["on", 1],
    ["off", 0],
  ])("with FOLLOW_UPS=%s the scheduled job sends %i follow-ups", async (setting, expected) => {
    const id = userId();
    await stopAtQuestionThree(id, tokyo("2026-11-24T10:00"));
    const job = createReminderJob(
      loadJobConfig({
        LINE_CHANNEL_ACCESS_TOKEN: stack().channelAccessToken,
        LINE_API_BASE_URL: stack().line.url,
        FIRESTORE_EMULATOR_HOST: process.env.FIRESTORE_EMULATOR_HOST,
        GOOGLE_CLOUD_PROJECT: stack().projectId,
        FOLLOW_UPS: setting,
      }),
      silent,
    );

    const summary = await job(tokyo("2026-11-25T10:01"));

    expect(pushes(id)).toHaveLength(expected);
    expect(summary.followUps?.sent ?? 0).toBe(expected);
  });
});

/** A consenting user in the middle of the first session, at its third question, last active on the first morning. */
function midSession(): UserState {
  return {
    ...initialState(),
    step: { type: "awaitingThanksMoment", source: "thanked" },
    consent: { status: "given", at: "2026-11-24T01:00:00.000Z" },
    draft: { workScore: 3, moments: [], values: [], ownValues: [], willWho: null, willWhat: null },
    lastActiveAt: tokyo("2026-11-24T10:00").toISOString(),
  };
}

function finishedProfile(): UserState["profile"] {
  return {
    ...initialState().profile,
    values: ["teach"],
    moments: ["新人さんに業務の流れを説明したら、わかりやすかったと言われた"],
    will: { statement: "後輩に仕事のコツを伝える人になる", at: "2026-11-20T01:00:00.000Z", history: [] },
    action: { text: "自分の経験を文章に書く", due: "2026-11-22" },
    completedFirstSession: true,
  };
}

/** Writes `state` as the webhook would, with its derived top-level fields. */
async function seedState(id: string, state: UserState): Promise<void> {
  await stack()
    .db.collection("users")
    .doc(id)
    .set({ ...stateFields(state, new Date()), recentEvents: "" });
}
