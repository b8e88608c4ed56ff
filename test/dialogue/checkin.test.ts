/**
 * The check-in's edges: the push arriving mid-question, its closing buttons, a ありがとう told
 * with its feeling and deed, and the next reminder after a check-in on the reminder's own day.
 */
import type { ReminderSchedule } from "../../src/calendar/schedule";
import type { Input } from "../../src/dialogue/input";
import { answerData, commandData } from "../../src/dialogue/postback";
import type { UserState } from "../../src/dialogue/state";
import { transition } from "../../src/dialogue/transition";
import { type Transition } from "../../src/dialogue/flow";
import { sampleState, say, textOf } from "../helpers/dialogue-states";

const NOW = new Date("2026-11-29T20:01:00+09:00");

const tap = (topic: Parameters<typeof answerData>[0], value: string): Input => ({
  type: "postbackReceived",
  data: answerData(topic, value),
});

/** Runs `inputs` from `state`; every transition, in order. */
function run(state: UserState, inputs: readonly Input[], now: Date = NOW): Transition[] {
  const results: Transition[] = [];
  for (const input of inputs) results.push(transition(results.at(-1)?.state ?? state, input, now));
  return results;
}

/** A user at rest whose reminder follows `schedule`, next due at `nextAt`. */
function withReminder(schedule: ReminderSchedule, nextAt: string): UserState {
  const state = sampleState("resting");
  return { ...state, profile: { ...state.profile, reminder: { schedule, nextAt } } };
}

/** A whole check-in by taps, without a ありがとう. */
const CHECKIN_BY_TAPS: readonly Input[] = [
  { type: "postbackReceived", data: commandData("reflect") },
  tap("cscore", "4"),
  tap("cthx", "no"),
  tap("cact", "done"),
  tap("sfeel", "f0"),
  tap("sreact", "none"),
  tap("cwill", "yes"),
];

describe("the check-in", () => {
  it("leaves a question in progress as it was when the push's あとで is tapped", () => {
    const state = sampleState("awaitingValues");
    const result = transition(state, { type: "postbackReceived", data: answerData("cnext", "later") }, NOW);
    expect(result.state.step).toEqual(state.step);
    expect(result.state.draft).toEqual(state.draft);
    expect(result.replies.at(-1)?.choices?.some((choice) => choice.label === "決定")).toBe(true);
  });

  it.each(["あとで", "今ちょっと忙しいので後で"])("keeps a check-in question and its answers waiting when 「%s」 is typed", (text) => {
    const [asked, later, done] = run(sampleState("resting"), [
      { type: "postbackReceived", data: commandData("reflect") },
      tap("cscore", "4"),
      tap("cthx", "no"),
      say(text),
      say("できました"),
    ]).slice(-3);
    expect(asked.state.step.type).toBe("reflectingAction");
    expect(later.state.step).toEqual(asked.state.step);
    expect(later.state.reflection).toEqual(asked.state.reflection);
    expect(textOf(later.replies)).toContain("さきほどの質問への答えを送ってください");
    expect(done.state.reflection?.actionStatus).toBe("done");
  });

  it.each([
    ["awaitingMoyamoya", "今会議中！"],
    ["awaitingThanksMoment", "運転中なんで後ほど"],
    ["awaitingWillWhat", "あとで"],
  ] as const)("keeps the first session's question at %s waiting when 「%s」 is typed", (step, text) => {
    const state = sampleState(step);
    const later = transition(state, say(text), NOW);
    expect(later.state.step).toEqual(state.step);
    expect(later.state.draft).toEqual(state.draft);
    expect(textOf(later.replies)).toContain("さきほどの質問への答えを送ってください");
    const answered = transition(later.state, say("後輩の資料づくりを手伝って、助かりましたと言われました"), NOW);
    expect(answered.state.step.type).not.toBe(step);
  });

  it("treats a closing button of an earlier check-in as stale while a question is open", () => {
    const state = sampleState("awaitingValues");
    const result = transition(state, { type: "postbackReceived", data: answerData("cnext", "newAction") }, NOW);
    expect(result.state.step).toEqual(state.step);
  });

  it("moves a reminder time that has already passed on when the check-in ends", () => {
    let state = sampleState("resting");
    state = {
      ...state,
      profile: {
        ...state.profile,
        reminder: { schedule: { kind: "weekly", weekdays: [0], time: "20:00" }, nextAt: "2026-11-29T11:00:00.000Z" },
      },
    };
    for (const input of [
      { type: "postbackReceived" as const, data: commandData("reflect") },
      { type: "postbackReceived" as const, data: answerData("cscore", "4") },
      { type: "postbackReceived" as const, data: answerData("cthx", "no") },
      { type: "postbackReceived" as const, data: answerData("cact", "done") },
      { type: "postbackReceived" as const, data: answerData("sfeel", "f0") },
      { type: "postbackReceived" as const, data: answerData("sreact", "none") },
      { type: "postbackReceived" as const, data: answerData("cwill", "yes") },
    ]) {
      state = transition(state, input, NOW).state;
    }
    expect(state.step.type).toBe("resting");
    expect(state.profile.reminder?.nextAt).toBe("2026-12-06T11:00:00.000Z");
  });

  it("asks how a ありがとう felt and what the user did, then records all three", () => {
    const results = run(sampleState("reflectingThanks"), [
      tap("cthx", "yes"),
      say("後輩の資料づくりを手伝ったら、助かりましたと言われました"),
      tap("cfeel", "f0"),
      say("締め切り前に一緒に構成を見直しました"),
    ]);
    expect(results[1].state.step).toEqual({
      type: "reflectingThanksFeeling",
      text: "後輩の資料づくりを手伝ったら、助かりましたと言われました",
    });
    expect(textOf(results[1].replies)).toContain("どんな気持ちになりましたか？");
    expect(results[2].state.step.type).toBe("reflectingThanksDeed");
    expect(textOf(results[2].replies)).toContain("うれしかったんですね。");
    expect(results[0].effects.concat(results[1].effects, results[2].effects)).toEqual([]);
    const last = results[3];
    expect(last.effects).toContainEqual({
      type: "recordEntry",
      entry: expect.objectContaining({
        kind: "thanks",
        text: "後輩の資料づくりを手伝ったら、助かりましたと言われました",
        feeling: "うれしかった",
        deed: "締め切り前に一緒に構成を見直しました",
      }),
    });
    expect(last.state.step.type).toBe("reflectingAction");
    expect(last.state.reflection?.thanks).toBe(true);
  });

  it("takes a moment typed at 「ありましたか？」, a typed feeling and a skipped deed", () => {
    const results = run(sampleState("reflectingThanks"), [
      say("お客さんから、説明がわかりやすかったと言ってもらえました"),
      say("ちょっと照れくさかったです"),
      say("特にないです"),
    ]);
    expect(results[2].effects).toContainEqual({
      type: "recordEntry",
      entry: expect.objectContaining({ feeling: "ちょっと照れくさかったです", deed: null }),
    });
    expect(textOf(results[2].replies)).toContain("記録しました");
  });

  it("records nothing when 「とくに思い浮かばないです」 follows 「あった」", () => {
    const [, last] = run(sampleState("reflectingThanks"), [tap("cthx", "yes"), say("とくに思い浮かばないです")]);
    expect(last.effects).toEqual([]);
    expect(last.state.step.type).toBe("reflectingAction");
  });

  it("records a ありがとう with neither feeling nor deed when both are skipped", () => {
    const [, , last] = run(sampleState("reflectingThanks"), [tap("cthx", "yes"), say("同僚にお礼を言われた"), tap("cfeel", "skip")]);
    expect(last.state.step.type).toBe("reflectingThanksDeed");
    const [saved] = run(last.state, [tap("cdeed", "skip")]);
    expect(saved.effects).toContainEqual({ type: "recordEntry", entry: expect.objectContaining({ feeling: null, deed: null }) });
  });

  it("moves a reminder due this evening to next week's when the check-in is done that Sunday morning", () => {
    const sundayMorning = new Date("2026-11-29T09:30:00+09:00");
    const results = run(
      withReminder({ kind: "weekly", weekdays: [0], time: "20:00" }, "2026-11-29T11:00:00.000Z"),
      CHECKIN_BY_TAPS,
      sundayMorning,
    );
    expect(results.at(-1)?.state.profile.reminder?.nextAt).toBe("2026-12-06T11:00:00.000Z");
    expect(textOf(results.at(-1)?.replies ?? [])).toContain("次のリマインダーは12月6日(日) 20:00です。");
  });

  it("moves a daily reminder due tonight to tomorrow when the check-in is done in the morning", () => {
    const morning = new Date("2026-11-24T08:00:00+09:00");
    const results = run(withReminder({ kind: "daily", time: "21:00" }, "2026-11-24T12:00:00.000Z"), CHECKIN_BY_TAPS, morning);
    expect(results.at(-1)?.state.profile.reminder?.nextAt).toBe("2026-11-25T12:00:00.000Z");
  });

  it("leaves a reminder due on another day where it was", () => {
    const saturday = new Date("2026-11-28T21:00:00+09:00");
    const results = run(
      withReminder({ kind: "weekly", weekdays: [0], time: "20:00" }, "2026-11-29T11:00:00.000Z"),
      CHECKIN_BY_TAPS,
      saturday,
    );
    expect(results.at(-1)?.state.profile.reminder?.nextAt).toBe("2026-11-29T11:00:00.000Z");
  });
});
