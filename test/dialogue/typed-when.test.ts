/**
 * Table tests of what users type at the reminder question and at the step's date question
 * (issue 21, item 7): a reminder wish in one message is stored after at most one tap, a typed
 * date is understood, and a date already past is questioned. (state, input) → state; no mocks.
 */
import type { ReminderSchedule } from "../../src/calendar/schedule";
import { transition } from "../../src/dialogue";
import type { Transition } from "../../src/dialogue/flow";
import type { Input } from "../../src/dialogue/input";
import type { UserState } from "../../src/dialogue/state";
import { lastChoices, NOW, sampleState, say, tapOf, textOf } from "../helpers/dialogue-states";

const WORKDAYS = [1, 2, 3, 4, 5];

/** The first session's reminder question, and the リマインダー command's, of a user who has a weekly reminder. */
const AT_REMINDER: readonly (readonly [where: string, state: UserState])[] = [
  ["in the first session", sampleState("awaitingReminder")],
  ["from the リマインダー command", sampleState("changingReminder")],
];

/** Sends `inputs` one after the other; the last transition. */
function run(state: UserState, inputs: readonly Input[]): Transition {
  let result: Transition = { state, replies: [], effects: [] };
  for (const input of inputs) result = transition(result.state, input, NOW);
  return result;
}

/** Taps the quick reply labelled `label` on the replies of `result`. */
function tapLabel(result: Transition, label: string): Input {
  const choice = lastChoices(result.replies).find((c) => c.label === label);
  if (choice === undefined) throw new Error(`no button 「${label}」 in ${JSON.stringify(lastChoices(result.replies).map((c) => c.label))}`);
  return tapOf(choice);
}

describe.each(AT_REMINDER)("a reminder wish typed in one message, %s", (_where, state) => {
  it.each([
    ["毎週 土曜 10:00", { kind: "weekly", weekdays: [6], time: "10:00" }, "2026-11-28T01:00:00.000Z"],
    ["毎週土曜の朝10時で", { kind: "weekly", weekdays: [6], time: "10:00" }, "2026-11-28T01:00:00.000Z"],
    ["平日の夜9時がいいです", { kind: "weekly", weekdays: WORKDAYS, time: "21:00" }, "2026-11-24T12:00:00.000Z"],
    ["日曜21時", { kind: "weekly", weekdays: [0], time: "21:00" }, "2026-11-29T12:00:00.000Z"],
    ["日曜日の２１時にしてください", { kind: "weekly", weekdays: [0], time: "21:00" }, "2026-11-29T12:00:00.000Z"],
    ["毎晩9時でお願いします", { kind: "daily", time: "21:00" }, "2026-11-24T12:00:00.000Z"],
    ["毎朝７時半", { kind: "daily", time: "07:30" }, "2026-11-24T22:30:00.000Z"],
    ["月水金の20時", { kind: "weekly", weekdays: [1, 3, 5], time: "20:00" }, "2026-11-25T11:00:00.000Z"],
    ["月〜金 21:00", { kind: "weekly", weekdays: WORKDAYS, time: "21:00" }, "2026-11-24T12:00:00.000Z"],
  ] as const)("「%s」 is stored at once as %j", (text, schedule, nextAt) => {
    const result = transition(state, say(text), NOW);
    expect(result.state.profile.reminder).toEqual({ schedule, nextAt });
    expect(textOf(result.replies)).toContain("にお知らせします");
  });

  it.each([
    ["土曜 10時", "朝 10:00", { kind: "weekly", weekdays: [6], time: "10:00" }],
    ["土曜 10時", "夜 22:00", { kind: "weekly", weekdays: [6], time: "22:00" }],
    ["毎日7時半", "朝 7:30", { kind: "daily", time: "07:30" }],
    ["どようびの10じ", "夜 22:00", { kind: "weekly", weekdays: [6], time: "22:00" }],
  ] as const)("「%s」 asks morning or evening once; 「%s」 stores %j", (text, label, schedule) => {
    const asked = transition(state, say(text), NOW);
    expect(asked.state.profile.reminder).toEqual(state.profile.reminder);
    expect(textOf(asked.replies)).toContain("どちらにしましょう？");
    expect(textOf(asked.replies)).not.toContain("どの曜日");
    const tapped = transition(asked.state, tapLabel(asked, label), NOW);
    expect(tapped.state.profile.reminder?.schedule).toEqual(schedule);
  });

  it.each([
    ["朝です", "10:00"],
    ["夜でお願いします", "22:00"],
    ["午前がいいです", "10:00"],
    ["夜の10時です", "22:00"],
  ])("takes 「%s」 typed after the question as %s, keeping the days", (answer, time) => {
    const result = run(state, [say("土曜 10時"), say(answer)]);
    expect(result.state.profile.reminder?.schedule).toEqual({ kind: "weekly", weekdays: [6], time });
  });

  it("asks the time for days typed without one, then stores a tapped time", () => {
    const asked = transition(state, say("平日がいいです"), NOW);
    expect(textOf(asked.replies)).toContain("平日ですね。何時に送りましょう？");
    const tapped = transition(asked.state, tapLabel(asked, "21:00"), NOW);
    expect(tapped.state.profile.reminder?.schedule).toEqual({ kind: "weekly", weekdays: WORKDAYS, time: "21:00" });
  });

  it("asks the time for 毎週水曜 and takes a typed 夜8時", () => {
    const result = run(state, [say("毎週水曜"), say("夜8時で")]);
    expect(result.state.profile.reminder?.schedule).toEqual({ kind: "weekly", weekdays: [3], time: "20:00" });
  });

  it("asks the days for a time typed alone, and takes 「土曜でお願いします」", () => {
    const asked = transition(state, say("21時"), NOW);
    expect(textOf(asked.replies)).toContain("どの曜日に送りましょう？");
    const result = transition(asked.state, say("土曜でお願いします"), NOW);
    expect(result.state.profile.reminder?.schedule).toEqual({ kind: "weekly", weekdays: [6], time: "21:00" });
  });

  it("takes a whole wish typed at the days question, time included", () => {
    const result = run(state, [say("21時"), say("やっぱり土曜の朝10時で")]);
    expect(result.state.profile.reminder?.schedule).toEqual({ kind: "weekly", weekdays: [6], time: "10:00" });
  });

  it("still stops reminders on 「いらないです」", () => {
    expect(transition(state, say("いらないです"), NOW).state.profile.reminder).toBeNull();
  });

  it.each(["いらね", "いらん"])("stops reminders on a dialect's 「%s」", (text) => {
    expect(transition(state, say(text), NOW).state.profile.reminder).toBeNull();
  });

  it.each([
    ["木曜の朝", "毎週 木曜の朝ですね。", ["6:00", "7:00", "8:00", "9:00"], "8:00", { kind: "weekly", weekdays: [4], time: "08:00" }],
    ["毎週水曜の昼", "毎週 水曜の昼ですね。", ["11:00", "12:00", "13:00"], "12:00", { kind: "weekly", weekdays: [3], time: "12:00" }],
    [
      "月曜の夜（定休日の前）",
      "毎週 月曜の夜ですね。",
      ["19:00", "20:00", "21:00", "22:00"],
      "22:00",
      { kind: "weekly", weekdays: [1], time: "22:00" },
    ],
    ["毎朝", "毎日の朝ですね。", ["6:00", "7:00", "8:00", "9:00"], "6:00", { kind: "daily", time: "06:00" }],
  ] as const)("offers the hours of the part of the day typed with the days, 「%s」", (text, said, hours, tap, schedule) => {
    const asked = transition(state, say(text), NOW);
    expect(textOf(asked.replies)).toContain(said);
    expect(lastChoices(asked.replies).map((choice) => choice.label)).toEqual([...hours, "時間をえらぶ", "いらない"]);
    expect(transition(asked.state, tapLabel(asked, tap), NOW).state.profile.reminder?.schedule).toEqual(schedule);
  });

  it.each(["毎週月曜がいちばんいい", "木曜の夕食後"])(
    "offers the usual hours when 「%s」 names no part of the day (いちばん, 夕食)",
    (text) => {
      const asked = transition(state, say(text), NOW);
      expect(lastChoices(asked.replies).map((choice) => choice.label)).toEqual([
        "7:00",
        "12:00",
        "20:00",
        "21:00",
        "時間をえらぶ",
        "いらない",
      ]);
    },
  );
});

describe("a date typed at the step's date question, on Tuesday 24 November 2026", () => {
  const state = sampleState("awaitingActionDue");

  it.each([
    ["来月の10日", "2026-12-10"],
    ["来月の１０日までにやります", "2026-12-10"],
    ["再来週の月曜", "2026-12-07"],
    ["再来週の月曜日でお願いします", "2026-12-07"],
    ["月末", "2026-11-30"],
    ["月末までに", "2026-11-30"],
    ["10日", "2026-12-10"],
    ["来月中", "2026-12-31"],
    ["年内", "2026-12-31"],
  ])("「%s」 sets the step for %s", (text, due) => {
    const result = transition(state, say(text), NOW);
    expect(result.state.profile.action).toEqual({ text: "友人の自己分析を手伝う", due });
    expect(result.state.step.type).toBe("awaitingReminder");
  });

  it.each([
    ["11月1日", "11月1日(日)"],
    ["11/20", "11月20日(金)"],
    ["昨日", "11月23日(月)"],
    ["今月の20日", "11月20日(金)"],
  ])("「%s」, already past, is questioned and not moved a year ahead", (text, shown) => {
    const result = transition(state, say(text), NOW);
    expect(result.state.profile.action).toBeNull();
    expect(result.state.step.type).toBe("awaitingActionDue");
    expect(textOf(result.replies)).toContain(`${shown}は、もう過ぎた日付のようです。`);
  });

  it("takes a date that is past this year but near next year as next year's", () => {
    const december = new Date("2026-12-20T03:00:00.000Z");
    const result = transition(sampleState("awaitingActionDue", december), say("1/15"), december);
    expect(result.state.profile.action?.due).toBe("2027-01-15");
  });
});

describe("the reminder setting after a typed wish", () => {
  it("reads 平日 on the summary, not five weekday names", () => {
    const result = transition(sampleState("awaitingReminder"), say("平日の夜9時がいいです"), NOW);
    const schedule: ReminderSchedule | undefined = result.state.profile.reminder?.schedule;
    expect(schedule).toEqual({ kind: "weekly", weekdays: WORKDAYS, time: "21:00" });
    expect(textOf(result.replies)).toContain("平日 21:00にお知らせします。");
  });
});

describe("a reminder wish typed at rest", () => {
  const resting = sampleState("resting");

  it("「リマインダーを平日の夜9時に変えてください」 changes the reminder at once", () => {
    const result = transition(resting, say("リマインダーを平日の夜9時に変えてください"), NOW);
    expect(result.state.profile.reminder?.schedule).toEqual({ kind: "weekly", weekdays: WORKDAYS, time: "21:00" });
    expect(result.state.step.type).toBe("resting");
    expect(result.effects).toEqual([]);
  });

  it("「リマインダーの時間を変えたいです」 asks the reminder question", () => {
    const result = transition(resting, say("リマインダーの時間を変えたいです"), NOW);
    expect(result.state.step).toEqual({ type: "changingReminder" });
    expect(result.state.profile.reminder).toEqual(resting.profile.reminder);
  });

  it("a moment that speaks of a Saturday is still offered as a ありがとう, not read as a reminder", () => {
    const result = transition(resting, say("土曜の朝10時に、近所の人に道を教えたらお礼を言われました"), NOW);
    expect(result.state.step.type).toBe("awaitingSaveFreeText");
    expect(result.state.profile.reminder).toEqual(resting.profile.reminder);
  });
});

describe("a reminder asked for in a sentence while a question waits, on Tuesday 24 November 2026", () => {
  const asked = sampleState("awaitingMoyamoya");

  it("「再来週の木曜の夜8時ごろに思い出させてもらえますか」 sets Thursdays at 20:00 from the Thursday after next, and the question waits on", () => {
    const result = transition(asked, say("再来週の木曜の夜8時ごろに思い出させてもらえますか"), NOW);
    expect(result.state.profile.reminder).toEqual({
      schedule: { kind: "weekly", weekdays: [4], time: "20:00" },
      nextAt: "2026-12-10T11:00:00.000Z",
    });
    expect(result.state.step.type).toBe("awaitingMoyamoya");
    expect(result.effects).toEqual([]);
    expect(JSON.stringify(result.replies)).toContain("12月10日(木) 20:00");
  });

  it("「リマインドしてもらえますか」 asks the reminder question and keeps the one waiting for after", () => {
    const result = transition(asked, say("リマインドしてもらえますか"), NOW);
    expect(result.state.step).toEqual({ type: "changingReminder" });
    expect(result.state.paused?.type).toBe("awaitingMoyamoya");
  });

  it("takes a wish typed at the reminder's own question as its answer, so the first session still ends", () => {
    const result = transition(sampleState("awaitingReminder"), say("毎朝8時にリマインドしてください"), NOW);
    expect(result.state.step.type).not.toBe("awaitingReminder");
    expect(result.state.profile.reminder?.schedule).toEqual({ kind: "daily", time: "08:00" });
  });

  it("takes 「来月の3日の朝9時ごろに、もう一度声をかけていただけますか」 as a reminder: a word of contact with a time", () => {
    const result = transition(asked, say("来月の3日の朝9時ごろに、もう一度声をかけていただけますか"), NOW);
    expect(result.state.step).toEqual({ type: "changingReminderDays", time: "09:00" });
    expect(result.state.paused?.type).toBe("awaitingMoyamoya");
  });

  it("takes 「毎週金曜の夜9時に声をかけてもらえると助かります」 as a reminder: a polite request by what it would do (tried in the chat, in no corpus)", () => {
    const result = transition(sampleState("awaitingMoreMoments"), say("毎週金曜の夜9時に声をかけてもらえると助かります"), NOW);
    expect(result.state.profile.reminder?.schedule).toEqual({ kind: "weekly", weekdays: [5], time: "21:00" });
    expect(result.state.step.type).toBe("awaitingMoreMoments");
  });

  it("leaves a message of distress to the reflection of distress, even with a request in it", () => {
    const result = transition(asked, say("毎日怒鳴られて、もう限界です。リマインドしてほしいくらい忘れっぽくなりました"), NOW);
    expect(result.state.step.type).toBe("awaitingThanksMoment");
  });

  it.each([
    "上司にリマインドしてほしいと頼まれたのがもやもやします",
    "同僚に会議の時間を知らせてあげたら、ありがとうと言われました",
    "先輩がいつも締め切りを知らせてくれる",
    "上司に相談しても、あとで聞いてくれない",
    "同僚に会議の時間をリマインドして",
    "先輩が毎朝9時に声をかけてくれます",
  ])("「%s」 is an answer, not a request", (text) => {
    const result = transition(asked, say(text), NOW);
    expect(result.state.step.type).toBe("awaitingThanksMoment");
    expect(result.state.profile.reminder).toEqual(asked.profile.reminder);
  });
});
