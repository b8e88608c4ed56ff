/**
 * The conversation measured over a corpus of realistic messages (test/corpus/): every crisis
 * expression gets the safety reply in every state it is tried in, every word of distress is
 * taken as the answer and said back while the session goes on, no benign one is flagged and its
 * answer is kept, polite and casual answers mean what the user meant, typed dates and times
 * are understood, and whole first sessions of many personas contain no grammar fault. The
 * figures are printed at the end; any figure short of perfect fails its test.
 */
import { messages, transition, type Transition, type UserState } from "../../src/dialogue";
import { benign, acute, distress } from "../corpus/safety";
import { personas } from "../corpus/personas";
import { freshPersonas, freshPersonasB } from "../corpus/personas-fresh";
import { NOW, isSafetyReply, sampleState, say, stringsIn, type StepType } from "../helpers/dialogue-states";
import { grammarFaults, offeredWills, sentenceCount, thankersWordsAsStrength, unbalancedBrackets } from "../helpers/grammar";
import { botTexts, runPersona, storedState } from "../helpers/persona-run";
import { createTranscript } from "../helpers/transcript";

/** The states each safety expression is tried in: questions of the session, rest, and a check-in. */
const SAFETY_STATES: readonly StepType[] = [
  "awaitingMoyamoya",
  "awaitingThanksMoment",
  "awaitingWillWhat",
  "resting",
  "reflectingThanksText",
];

const figures: Record<string, { good: number; of: number; goal: "all" | "none" }> = {};

function count(name: string, goal: "all" | "none", hit: boolean): void {
  const figure = (figures[name] ??= { good: 0, of: 0, goal });
  figure.of += 1;
  if (hit) figure.good += 1;
}

afterAll(() => {
  const lines = Object.entries(figures).map(([name, { good, of, goal }]) => {
    const percent = of === 0 ? 0 : Math.round((good / of) * 1000) / 10;
    return `${name}: ${good} / ${of} (${percent} %, goal ${goal === "all" ? "100 %" : "0"})`;
  });
  console.log(`Conversation corpus\n${lines.join("\n")}`);
});

function safetyTier(result: Transition): "acute" | "distress" | null {
  const step = result.state.step;
  return step.type === "awaitingSafetyChoice" && isSafetyReply(result.replies) ? step.tier : null;
}

describe("crisis expressions", () => {
  const cases = SAFETY_STATES.flatMap((state) => acute.map((text) => ({ state, text })));
  it.each(cases)("「$text」 at $state gets the crisis reply, with the question kept", ({ state, text }) => {
    const before = sampleState(state);
    const result = transition(before, say(text), NOW);
    const got = safetyTier(result);
    count("crisis recall (acute)", "all", got === "acute");
    expect(got).toBe("acute");
    expect(result.effects).toEqual([]);
    const step = result.state.step;
    const waiting = step.type === "awaitingSafetyChoice" ? (step.resume ?? result.state.paused) : null;
    if (before.step.type !== "resting") expect(waiting).toEqual(before.step);
  });
});

describe("words of distress", () => {
  const cases = SAFETY_STATES.flatMap((state) => distress.map((text) => ({ state, text })));
  it.each(cases)("「$text」 at $state is taken as the answer, said back in other words, and the session goes on", ({ state, text }) => {
    const before = sampleState(state);
    const result = transition(before, say(text), NOW);
    const first = result.replies[0];
    const said = first?.type === "text" ? first.text : "";
    const answering = before.step.type !== "resting";
    const closing = messages[answering ? "care.heard.goOn" : "care.heard.rest"].split("\n")[1] ?? "";
    const heard = said.includes(closing) && !said.includes(text.trim());
    const kept = [...stringsIn(result.state), ...stringsIn(result.effects)].includes(text.trim());
    const goesOn = safetyTier(result) === null && (!answering || (kept && result.state.step.type !== before.step.type));
    count("distress heard, answer kept and the session going on", "all", heard && goesOn);
    expect(said).toContain(closing);
    expect(said).not.toContain(text.trim());
    expect(safetyTier(result)).toBeNull();
    if (answering) {
      expect(kept).toBe(true);
      expect(result.state.step.type).not.toBe(before.step.type);
    }
  });
});

describe("benign messages that only look like a crisis", () => {
  const cases = SAFETY_STATES.flatMap((state) => benign.map((text) => ({ state, text })));
  it.each(cases)("「$text」 at $state is answered as an answer and kept", ({ state, text }) => {
    const result = transition(sampleState(state), say(text), NOW);
    const kept = [...stringsIn(result.state), ...stringsIn(result.effects)].includes(text.trim());
    const flagged = safetyTier(result) !== null;
    count("false positives (benign flagged or answer lost)", "none", flagged || !kept);
    expect(flagged).toBe(false);
    expect(kept).toBe(true);
  });
});

/** One polite or casual answer at one question, and what must follow. */
interface PoliteCase {
  at: StepType;
  text: string;
  means: string;
  check: (result: Transition, before: UserState) => void;
}

const stepIs = (type: StepType) => (result: Transition) => expect(result.state.step.type).toBe(type);
const willSaved = (result: Transition, before: UserState) =>
  expect(result.state.profile.will?.statement).toBe(before.step.type === "awaitingWillReview" ? before.step.draft : null);
const checkinEntry = (field: "thanks" | "actionStatus" | "willLink", value: unknown) => (result: Transition) => {
  if (field === "thanks") {
    expect(result.state.step.type).toBe(value ? "reflectingThanksText" : "reflectingAction");
    expect(result.effects.filter((effect) => effect.type === "recordEntry")).toEqual([]);
  } else if (field === "actionStatus") expect(result.state.reflection?.actionStatus).toBe(value);
  else expect(result.effects).toContainEqual({ type: "recordEntry", entry: expect.objectContaining({ willLink: value }) });
};

const polite: PoliteCase[] = [
  ...[
    "思いつかないです",
    "特にないです。",
    "ありません",
    "わからないです",
    "思い浮かばないです😢",
    "ないです",
    "うーん、出てこないです",
    "とくに思い浮かばないです",
    "特に思い出せません",
    "全然出てこないです…",
    "すぐには浮かばないですね",
  ].map((text) => ({
    at: "awaitingThanksMoment" as const,
    text,
    means: "nothing comes to mind: other angles are offered",
    check: stepIs("awaitingThanksAlternative"),
  })),
  ...["はい", "はい、あります", "あります！", "もう一つあります"].map((text) => ({
    at: "awaitingMoreMoments" as const,
    text,
    means: "one more moment",
    check: stepIs("awaitingThanksMoment"),
  })),
  ...["もうないです", "ないです", "いいえ", "次へ進みます", "以上です", "次へ進みたいです", "次に行きたいです"].map((text) => ({
    at: "awaitingMoreMoments" as const,
    text,
    means: "no more moments",
    check: stepIs("awaitingValues"),
  })),
  ...["はい", "いいと思います", "しっくりきます", "それでいいです", "OKです"].map((text) => ({
    at: "awaitingWillReview" as const,
    text,
    means: "the draft is accepted as the WILL",
    check: willSaved,
  })),
  ...["ちょっと違う", "違います", "うーん、ちょっと違うかも", "しっくりこないです"].map((text) => ({
    at: "awaitingWillReview" as const,
    text,
    means: "a rewrite is offered with the draft shown",
    check: (result: Transition) => expect(result.state.step).toMatchObject({ type: "awaitingWillRewrite", draft: expect.any(String) }),
  })),
  { at: "awaitingWillRewrite", text: "わからないです", means: "later", check: stepIs("awaitingAction") },
  {
    at: "awaitingMoyamoya",
    text: "特にないです",
    means: "nothing to say: no note kept",
    check: (r) => expect(r.effects).toContainEqual({ type: "recordEntry", entry: expect.objectContaining({ note: null }) }),
  },
  {
    at: "awaitingThanksFeeling",
    text: "特にないです",
    means: "no feeling",
    check: (r) => expect(r.state.draft?.moments.at(-1)?.feeling).toBeNull(),
  },
  {
    at: "awaitingThanksDeed",
    text: "わからないです",
    means: "no deed",
    check: (r) => expect(r.state.draft?.moments.at(-1)?.deed).toBeNull(),
  },
  { at: "awaitingWillWho", text: "わからないです", means: "no one in particular", check: (r) => expect(r.state.draft?.willWho).toBeNull() },
  ...["はい", "ありました", "あった！"].map((text) => ({
    at: "reflectingThanks" as const,
    text,
    means: "there was one",
    check: checkinEntry("thanks", true),
  })),
  ...["なかったです", "いいえ", "ないです", "特になかったです", "とくに思い浮かばないです", "ありませんでした"].map((text) => ({
    at: "reflectingThanks" as const,
    text,
    means: "there was none",
    check: checkinEntry("thanks", false),
  })),
  ...["できました", "やりました！"].map((text) => ({
    at: "reflectingAction" as const,
    text,
    means: "done",
    check: checkinEntry("actionStatus", "done"),
  })),
  ...["少しできました", "ちょっとだけ"].map((text) => ({
    at: "reflectingAction" as const,
    text,
    means: "partly",
    check: checkinEntry("actionStatus", "partly"),
  })),
  ...["できませんでした", "まだです", "やれてないです"].map((text) => ({
    at: "reflectingAction" as const,
    text,
    means: "not yet",
    check: checkinEntry("actionStatus", "notYet"),
  })),
  ...["はい", "つながってます"].map((text) => ({
    at: "reflectingWill" as const,
    text,
    means: "connected",
    check: checkinEntry("willLink", "yes"),
  })),
  ...["いいえ", "わからないです"].map((text) => ({
    at: "reflectingWill" as const,
    text,
    means: "not connected",
    check: checkinEntry("willLink", "no"),
  })),
  ...["いらないです", "いりません", "いいえ"].map((text) => ({
    at: "awaitingReminder" as const,
    text,
    means: "no reminders",
    check: (r: Transition) => expect(r.state.profile.reminder).toBeNull(),
  })),
  {
    at: "awaitingMoyamoya",
    text: "相談",
    means: "a command word as the answer",
    check: (r) => expect(stringsIn(r.effects)).toContain("相談"),
  },
  {
    at: "awaitingWillWhat",
    text: "まとめ役",
    means: "an answer, not a command",
    check: (r) => expect(r.state.draft?.willWhat).toBe("まとめ役"),
  },
  {
    at: "awaitingThanksMoment",
    text: "記録",
    means: "a command word as the answer",
    check: (r) => expect(r.state.draft?.moments.at(-1)?.text).toBe("記録"),
  },
];

describe("polite and casual answers", () => {
  it.each(polite)("「$text」 at $at means $means", ({ at, text, check }) => {
    const before = sampleState(at);
    const result = transition(before, say(text), NOW);
    let right = true;
    try {
      check(result, before);
    } catch (error) {
      right = false;
      throw error;
    } finally {
      count("polite-answer accuracy", "all", right);
    }
  });
});

/** Typed due dates at 「いつまでに」 on Tuesday 24 November 2026, noon in Tokyo. */
const dueDates: [string, string][] = [
  ["12月1日", "2026-12-01"],
  ["12/1", "2026-12-01"],
  ["１２／１", "2026-12-01"],
  ["12月10日(木)", "2026-12-10"],
  ["2026/12/10", "2026-12-10"],
  ["明日", "2026-11-25"],
  ["あした", "2026-11-25"],
  ["あさって", "2026-11-26"],
  ["来週の金曜", "2026-12-04"],
  ["来週金曜日です", "2026-12-04"],
  ["金曜日", "2026-11-27"],
  ["今週中", "2026-11-29"],
  ["今月中でお願いします", "2026-11-30"],
  ["月末", "2026-11-30"],
  ["来月末", "2026-12-31"],
  ["3日後", "2026-11-27"],
  ["1月10日", "2027-01-10"],
  ["来月の10日", "2026-12-10"],
  ["来月の１０日までにやります", "2026-12-10"],
  ["再来週の月曜", "2026-12-07"],
  ["再来週の月曜日でお願いします", "2026-12-07"],
  ["月末までに", "2026-11-30"],
  ["来週のきんようび", "2026-12-04"],
];

/** Typed dates already past on Tuesday 24 November 2026: questioned, never moved a year on. */
const pastDates = ["11月1日", "11/20", "11月23日です", "昨日", "今月の20日"];

/**
 * Reminder wishes typed in one message at the reminder question, the button a client would tap
 * if asked morning or evening (at most one tap), and the schedule that must be stored.
 */
const wishes: [text: string, tap: "morning" | "evening" | null, schedule: { kind: string; weekdays?: number[]; time: string }][] = [
  ["毎週 土曜 10:00", null, { kind: "weekly", weekdays: [6], time: "10:00" }],
  ["毎週土曜の朝10時で", null, { kind: "weekly", weekdays: [6], time: "10:00" }],
  ["平日の夜9時がいいです", null, { kind: "weekly", weekdays: [1, 2, 3, 4, 5], time: "21:00" }],
  ["日曜21時", null, { kind: "weekly", weekdays: [0], time: "21:00" }],
  ["毎日7時半", "morning", { kind: "daily", time: "07:30" }],
  ["土曜 10時", "morning", { kind: "weekly", weekdays: [6], time: "10:00" }],
  ["毎晩９時でお願いします", null, { kind: "daily", time: "21:00" }],
  ["火曜と木曜の夜8時", null, { kind: "weekly", weekdays: [2, 4], time: "20:00" }],
  ["月〜金の朝７時", null, { kind: "weekly", weekdays: [1, 2, 3, 4, 5], time: "07:00" }],
  ["日曜日の夜8時半にお願いします", null, { kind: "weekly", weekdays: [0], time: "20:30" }],
];

/** Typed reminder times: what is set, or that morning or evening is asked. */
const times: [string, { time: string } | { ask: string }][] = [
  ["21時", { time: "21:00" }],
  ["夜9時", { time: "21:00" }],
  ["21:30", { time: "21:30" }],
  ["午後8時", { time: "20:00" }],
  ["朝7時", { time: "07:00" }],
  ["20時ごろ", { time: "20:00" }],
  ["9時半", { ask: "09:30" }],
  ["9時", { ask: "09:00" }],
];

describe("dates and times as people type them", () => {
  it.each(dueDates)("「%s」 sets the action's date to %s", (text, date) => {
    const result = transition(sampleState("awaitingActionDue"), say(text), NOW);
    count("date and time acceptance", "all", result.state.profile.action?.due === date);
    expect(result.state.profile.action?.due).toBe(date);
  });
  it.each(times)("「%s」 at the reminder question gives %j", (text, expected) => {
    const result = transition(sampleState("awaitingReminder"), say(text), NOW);
    const step = result.state.step;
    const got =
      step.type === "awaitingReminderDays"
        ? { time: step.time }
        : step.type === "awaitingReminder" && step.hour
          ? { ask: step.hour }
          : null;
    count("date and time acceptance", "all", JSON.stringify(got) === JSON.stringify(expected));
    expect(got).toEqual(expected);
  });
});

describe("typed dates already past and reminder wishes in one message", () => {
  it.each(pastDates)("「%s」 at 「いつまでに」 is questioned and nothing is set", (text) => {
    const result = transition(sampleState("awaitingActionDue"), say(text), NOW);
    const questioned = result.state.step.type === "awaitingActionDue" && result.state.profile.action === null;
    count("past dates questioned", "all", questioned);
    expect(questioned).toBe(true);
  });

  it.each(wishes)("「%s」 (then %s) is stored as %j", (text, tap, schedule) => {
    let result = transition(sampleState("awaitingReminder"), say(text), NOW);
    const step = result.state.step;
    if (tap !== null && step.type === "awaitingReminder" && step.hour !== undefined) {
      const label = result.replies.at(-1)?.choices?.[tap === "morning" ? 0 : 1];
      if (label?.action.type === "postback") result = transition(result.state, { type: "postbackReceived", data: label.action.data }, NOW);
    }
    const stored = result.state.profile.reminder?.schedule;
    count("reminder wishes stored within one tap", "all", JSON.stringify(stored) === JSON.stringify(schedule));
    expect(stored).toEqual(schedule);
  });
});

describe("whole first sessions of personas", () => {
  it.each([...personas, ...freshPersonas, ...freshPersonasB].map((persona) => ({ name: persona.name, persona })))(
    "$name reaches the summary and every message the bot sent reads right",
    async ({ persona }) => {
      const t = createTranscript({
        userId: `U${persona.name
          .replace(/[^a-z]/g, "")
          .padEnd(32, "0")
          .slice(0, 32)}`,
      });
      await runPersona(t, persona);
      const messages = botTexts(t);
      const own = persona.rewrite?.replace(/「/gu, "『").replace(/」/gu, "』");
      const wills = messages.flatMap(offeredWills).filter((will) => will !== own);
      for (const message of messages) {
        count("grammar faults (bot messages of the persona runs)", "none", grammarFaults(message).length > 0);
        count("unbalanced brackets (bot messages of the persona runs)", "none", unbalancedBrackets(message) > 0);
        count("thanker's words reflected as the user's strength", "none", thankersWordsAsStrength(message));
      }
      for (const will of wills) count("WILL drafts of more than one sentence", "none", sentenceCount(will) !== 1);
      const faults = messages.flatMap((message) => grammarFaults(message).map((fault) => `${fault}: ${message}`));
      expect(storedState(t).profile.completedFirstSession).toBe(true);
      expect(faults).toEqual([]);
      expect(messages.filter((message) => unbalancedBrackets(message) > 0)).toEqual([]);
      expect(messages.filter(thankersWordsAsStrength)).toEqual([]);
      expect(wills.length).toBeGreaterThan(0);
      expect(wills.filter((will) => sentenceCount(will) !== 1)).toEqual([]);
    },
  );
});
