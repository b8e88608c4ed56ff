/**
 * The learning loop in the core, without I/O: how a step went, typed as people type it; how doing
 * it felt and who reacted, stored as one `step` entry; まだ met without blame and the smaller step;
 * a tap on an older follow-up answered kindly with nothing stored; the check-in's recall line; and
 * old documents without the loop's fields.
 */
import { afterJob, restoreState, transition, type Transition, type UserState } from "../../src/dialogue";
import { answerData } from "../../src/dialogue/postback";
import type { NewEntry } from "../../src/model/entry";
import { completedProfile, NOW, sampleState, say, tap, textOf } from "../helpers/dialogue-states";

const DUE = "2026-11-29";
const AT_FOLLOW_UP = new Date("2026-11-29T10:00:00.000Z");
const LATER = new Date("2026-11-29T12:40:00.000Z");

/** A user without reminders at rest, whose step 「友人の自己分析を手伝う」 (due 11/29) got its follow-up push. */
function afterPush(): UserState {
  const base = sampleState("resting");
  const resting: UserState = {
    ...base,
    profile: { ...base.profile, reminder: null },
    followUp: { next: { kind: "action", date: DUE, at: AT_FOLLOW_UP.toISOString() }, actionDate: DUE, pushedAt: null },
  };
  return afterJob(resting, { type: "followUpSent" }, AT_FOLLOW_UP);
}

/** Runs the inputs in order from `state`; the last turn's result, and every entry recorded on the way. */
function run(state: UserState, inputs: Parameters<typeof transition>[1][], now: Date = LATER): Transition & { entries: NewEntry[] } {
  let result: Transition = { state, replies: [], effects: [] };
  const entries: NewEntry[] = [];
  for (const input of inputs) {
    result = transition(result.state, input, now);
    for (const effect of result.effects) if (effect.type === "recordEntry") entries.push(effect.entry);
  }
  return { ...result, entries };
}

const stepOutcomes = (entries: NewEntry[]) => entries.filter((entry) => entry.kind === "step");

describe("how the step went, at its follow-up", () => {
  it("puts a user at rest at the follow-up's question once it is pushed, and leaves a question on screen where it was", () => {
    expect(afterPush().step).toEqual({ type: "reflectingStepStatus" });
    const midCheckin = afterJob(
      {
        ...sampleState("reflectingScore"),
        followUp: { next: { kind: "action", date: DUE, at: AT_FOLLOW_UP.toISOString() }, actionDate: DUE, pushedAt: null },
      },
      { type: "followUpSent" },
      AT_FOLLOW_UP,
    );
    expect(midCheckin.step).toEqual({ type: "reflectingScore" });
  });

  it.each([
    ["できました！", "done"],
    ["できた", "done"],
    ["半分くらい", "partly"],
    ["少しだけできました", "partly"],
    ["やりました！楽しかったです", "done"],
  ])("takes 「%s」 typed after the push as %s and asks how it felt", (text, status) => {
    const result = run(afterPush(), [say(text)]);
    expect(result.state.step).toEqual({ type: "reflectingStepFeeling", status, within: "followUp" });
    expect(textOf(result.replies)).toContain("やってみて、どうでしたか？");
  });

  it("takes 「まだです、すみません」 as まだ: stored at once, no blame, and a new date or a smaller step on offer", () => {
    const result = run(afterPush(), [say("まだです、すみません")]);
    expect(stepOutcomes(result.entries)).toEqual([
      {
        kind: "step",
        action: "友人の自己分析を手伝う",
        due: DUE,
        status: "notYet",
        feeling: null,
        reaction: null,
        at: LATER.toISOString(),
      },
    ]);
    expect(result.state.step.type).toBe("resting");
    expect(result.replies.at(-1)?.choices?.map((choice) => choice.label)).toEqual(["日付を変える", "もっと小さな一歩にする", "OK"]);
    expect(textOf(result.replies)).not.toMatch(/残念|なぜ|どうして/);
  });

  it("takes 「まだです、でも来週やります」 as まだ", () => {
    expect(stepOutcomes(run(afterPush(), [say("まだです、でも来週やります")]).entries)).toEqual([
      expect.objectContaining({ status: "notYet" }),
    ]);
  });

  it("offers a text that is no answer to the follow-up to be kept as a ありがとう, as at rest", () => {
    const text = "今日、後輩に資料の作り方を教えたら、わかりやすいと言われました";
    const result = run(afterPush(), [say(text)]);
    expect(result.state.step).toEqual({ type: "awaitingSaveFreeText", text });
    expect(result.entries).toEqual([]);
  });
});

describe("how it felt and who reacted", () => {
  it("stores a tapped feeling and a typed reaction as one step entry, and offers the next step", () => {
    const result = run(afterPush(), [tap("fu", `done-${DUE}`), tap("sfeel", "f0"), say("友人に、頭が整理できたと言われました")]);
    expect(stepOutcomes(result.entries)).toEqual([
      expect.objectContaining({ status: "done", feeling: "楽しかった", reaction: "友人に、頭が整理できたと言われました" }),
    ]);
    expect(result.state.profile.steps).toHaveLength(1);
    expect(result.replies.at(-1)?.choices?.map((choice) => choice.label)).toEqual(["次の一歩を決める", "OK"]);
  });

  it.each([
    ["楽しかったです", "楽しかった"],
    ["ちょっと緊張したけどよかった", "ちょっと緊張したけどよかった"],
  ])("keeps the typed feeling 「%s」 as 「%s」", (typed, kept) => {
    const result = run(afterPush(), [say("できました！"), say(typed), tap("sreact", "none")]);
    expect(stepOutcomes(result.entries)).toEqual([expect.objectContaining({ feeling: kept, reaction: null })]);
  });

  it.each(["特にないです", "思いつかない", "反応は特になかったです", "とくに思い浮かばないです"])(
    "stores no reaction for 「%s」",
    (text) => {
      const result = run(afterPush(), [say("半分くらい"), tap("sfeel", "f2"), say(text)]);
      expect(stepOutcomes(result.entries)).toEqual([expect.objectContaining({ status: "partly", feeling: "緊張した", reaction: null })]);
    },
  );

  it.each(["えっと", "うーん", "ちょっと待って"])("answers the filler 「%s」 gently, with the buttons, and stores nothing", (filler) => {
    const atReaction = run(afterPush(), [say("できました"), tap("sfeel", "f1")]).state;
    const result = run(atReaction, [say(filler)]);
    expect(result.entries).toEqual([]);
    expect(result.state.step).toEqual(atReaction.step);
    expect(result.replies).toHaveLength(1);
    expect(textOf(result.replies)).toBe("ゆっくりで大丈夫です。");
    expect(result.replies[0].choices?.map((choice) => choice.label)).toEqual(["特になし"]);
  });

  it("asks which reaction when the answer is only 「ありました」", () => {
    const atReaction = run(afterPush(), [say("できました"), tap("sfeel", "skip")]).state;
    const result = run(atReaction, [say("ありました")]);
    expect(result.entries).toEqual([]);
    expect(result.state.step.type).toBe("reflectingStepReaction");
    expect(textOf(result.replies)).toContain("どんな反応でしたか");
  });

  it("goes back to a first-session question the tap set aside, after the loop", () => {
    const mid: UserState = { ...sampleState("awaitingWillWho"), profile: completedProfile() };
    const result = run(mid, [tap("fu", `partly-${DUE}`), tap("sfeel", "f3"), tap("sreact", "none")]);
    expect(result.state.step.type).toBe("awaitingWillWho");
    expect(stepOutcomes(result.entries)).toHaveLength(1);
  });
});

describe("a tap on an older follow-up", () => {
  it("names the current step when the tapped one had another date, and stores nothing", () => {
    const moved: UserState = {
      ...afterPush(),
      profile: { ...afterPush().profile, action: { text: "友人の自己分析を手伝う", due: "2026-12-06" } },
    };
    const result = run(moved, [tap("fu", `done-${DUE}`)]);
    expect(result.entries).toEqual([]);
    expect(result.state.profile).toEqual(moved.profile);
    expect(textOf(result.replies)).toContain("前にお送りしたご案内のボタンのようです");
    expect(textOf(result.replies)).toContain("12月6日(日)");
  });

  it("thanks, without a second entry, for a tap on a step already told", () => {
    const told = run(afterPush(), [tap("fu", `done-${DUE}`), tap("sfeel", "f0"), tap("sreact", "none")]).state;
    const result = run(told, [tap("fu", `partly-${DUE}`)]);
    expect(result.entries).toEqual([]);
    expect(textOf(result.replies)).toContain("もう記録してあります");
  });

  it("says kindly that no step is set when there is none, and an old button without a date still works for the current step", () => {
    const none: UserState = { ...afterPush(), profile: { ...afterPush().profile, action: null } };
    expect(textOf(run(none, [tap("fu", "done")]).replies)).toContain("いまは、決まっている一歩はありません");
    expect(run(afterPush(), [tap("fu", "done")]).state.step.type).toBe("reflectingStepFeeling");
  });

  it("treats a feeling button tapped after the loop ended as stale", () => {
    const told = run(afterPush(), [tap("fu", `done-${DUE}`), tap("sfeel", "f0"), tap("sreact", "none")]).state;
    const result = run(told, [tap("sfeel", "f1")]);
    expect(result.entries).toEqual([]);
    expect(result.state.profile.steps).toEqual(told.profile.steps);
  });

  it("ignores a forged status value", () => {
    const result = run(afterPush(), [{ type: "postbackReceived", data: answerData("fu", "maybe-2026-11-29") }]);
    expect(result.entries).toEqual([]);
    expect(result.state.step).toEqual({ type: "reflectingStepStatus" });
  });
});

describe("a smaller step", () => {
  it("offers a suggested step's first 15 minutes, on to its date", () => {
    const result = run(afterPush(), [say("まだ"), tap("cnext", "smaller")]);
    expect(result.state.step).toEqual({ type: "awaitingActionDue", action: "手伝えそうな人を1人思い浮かべる" });
  });

  it("asks for a smaller step of the user's own when the step was their own", () => {
    const own: UserState = {
      ...afterPush(),
      profile: { ...afterPush().profile, action: { text: "土曜に地域の子ども食堂を見学する", due: DUE } },
    };
    const result = run(own, [say("まだです"), tap("cnext", "smaller")]);
    expect(result.state.step).toEqual({ type: "awaitingOwnAction" });
    expect(textOf(result.replies)).toContain("15分ほどでできるくらいに小さく");
  });
});

describe("in a check-in", () => {
  const atAction = (): UserState => sampleState("reflectingAction");

  it("asks how it felt and who reacted after 少しできた, then the WILL question", () => {
    const result = run(atAction(), [say("少しできました"), say("難しかったです"), say("特にないです")], NOW);
    expect(stepOutcomes(result.entries)).toEqual([expect.objectContaining({ status: "partly", feeling: "難しかった", reaction: null })]);
    expect(result.state.step.type).toBe("reflectingWill");
    expect(result.state.reflection?.actionStatus).toBe("partly");
  });

  it("recalls the step told before the check-in in one line at its WILL question, once", () => {
    const told = run(afterPush(), [tap("fu", `done-${DUE}`), say("ちょっと緊張したけどよかった"), tap("sreact", "none")]).state;
    const checkin = run(told, [say("ふりかえり"), tap("cscore", "4"), tap("cthx", "no"), tap("cact", "done"), tap("sfeel", "f0")]);
    const will = run(checkin.state, [tap("sreact", "none")]);
    expect(textOf(will.replies)).toContain("前回の一歩「友人の自己分析を手伝う」では、「ちょっと緊張したけどよかった」と感じたんですね。");
    const finished = run(will.state, [tap("cwill", "yes")]);
    expect(finished.state.profile.steps.map((step) => step.recalled === true)).toEqual([true, false]);
    const next = run(finished.state, [say("ふりかえり"), tap("cscore", "4"), tap("cthx", "no"), tap("cact", "notYet")]);
    expect(textOf(next.replies)).toContain("前回の一歩「友人の自己分析を手伝う」では、楽しかったと感じたんですね。");
  });
});

describe("stored states", () => {
  it("loads a document written before the loop (no steps in the profile) without a restart", () => {
    const state = sampleState("resting");
    const { steps: _dropped, ...oldProfile } = state.profile;
    const { state: restored, migrated } = restoreState({ ...state, profile: oldProfile });
    expect(migrated).toBe(false);
    expect(restored.profile.steps).toEqual([]);
  });

  it("keeps a loop step and its outcomes through a save, and restarts a damaged one politely", () => {
    const mid = run(afterPush(), [say("できました"), tap("sfeel", "f0")]).state;
    const saved = JSON.parse(JSON.stringify(mid)) as unknown;
    expect(restoreState(saved)).toEqual({ state: mid, migrated: false });
    const damaged = { ...mid, step: { type: "reflectingStepReaction", status: "maybe", within: "followUp", feeling: null } };
    expect(restoreState(damaged).migrated).toBe(true);
    const badSteps = { ...mid, profile: { ...mid.profile, steps: [{ action: "x", status: "done" }] } };
    expect(restoreState(badSteps).migrated).toBe(true);
  });
});
