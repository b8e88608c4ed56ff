/**
 * Messages in a row, read by the core: fillers, corrections of the answer just given, and the
 * rest of an answer sent right after it. Each message carries when it was sent and its id, as
 * the webhook's events do.
 */
import { BURST_WINDOW_MS } from "../../src/dialogue/burst";
import { messages } from "../../src/dialogue/content";
import type { Effect } from "../../src/dialogue/effect";
import type { Transition } from "../../src/dialogue/flow";
import type { Input } from "../../src/dialogue/input";
import { answerData } from "../../src/dialogue/postback";
import { restoreState } from "../../src/dialogue/restore";
import type { UserState } from "../../src/dialogue/state";
import { transition } from "../../src/dialogue/transition";
import { isFiller, readBurst } from "../../src/dialogue/understand/burst";
import { isSafetyReply, NOW, sampleState, textOf } from "../helpers/dialogue-states";

const START = NOW.getTime();

/** Typing `text` at `ms` after {@link NOW}, as message `id`. */
function typed(text: string, ms: number, id = `m${ms}`): Input {
  return { type: "textReceived", text, sent: { at: new Date(START + ms).toISOString(), id } };
}

/** Tapping `value` of `topic` at `ms` after {@link NOW}. */
function tapped(topic: Parameters<typeof answerData>[0], value: string, ms: number): Input {
  return { type: "postbackReceived", data: answerData(topic, value), sent: { at: new Date(START + ms).toISOString(), id: `m${ms}` } };
}

/** Runs `inputs` from `state`, each handled when it was sent; every transition, in order. */
function run(state: UserState, inputs: readonly Input[]): Transition[] {
  const results: Transition[] = [];
  for (const input of inputs) {
    const at = "sent" in input && input.sent ? new Date(input.sent.at) : NOW;
    results.push(transition(results.at(-1)?.state ?? state, input, at));
  }
  return results;
}

const firstText = (result: Transition) => textOf(result.replies.slice(0, 1));
const recorded = (effects: readonly Effect[]) => effects.filter((effect) => effect.type === "recordEntry");
const removed = (effects: readonly Effect[]) => effects.filter((effect) => effect.type === "removeEntry");

describe("reading a message that follows an answer", () => {
  it.each(["えっと", "うーんと…", "えーっと、うーん", "ちょっと待ってください", "考え中です", "んー", "ちょっと考えます", "うーーん"])(
    "「%s」 is a filler",
    (text) => expect(isFiller(text)).toBe(true),
  );

  it.each(["えっと、新人の頃に教えました", "うん", "はい", "あの日のことです", "待ってました"])("「%s」 is no filler", (text) =>
    expect(isFiller(text)).toBe(false),
  );

  it.each([
    ["いや、やっぱり2です", "2です", null],
    ["すみません、さっきのは間違いです。正しくは3です", "3です", null],
    ["あ、違いました", "", null],
    ["間違えました", "", null],
    ["訂正：お客さんです", "お客さんです", null],
    ["3じゃなくて2です", "2です", "3くらいですかね"],
    ["いややっぱり後輩です", "後輩です", null],
  ] as const)("「%s」 corrects the answer just given to 「%s」", (text, right, previous) => {
    expect(readBurst(text, previous, false)).toEqual({ kind: "correction", text: right });
  });

  it.each([
    ["いや、特にないです", null],
    ["違う部署の人に資料の作り方を教えました", null],
    ["お金じゃなくて、人の役に立ちたいです", "後輩"],
    ["やっぱり人の役に立ちたいです", null],
    ["あのとき、先輩に感謝されました", null],
  ] as const)("「%s」 is an answer, not a correction", (text, previous) => {
    expect(readBurst(text, previous, false)).toEqual({ kind: "plain" });
  });

  it("takes a bare 「やっぱり…」 as a correction only right after the answer", () => {
    expect(readBurst("やっぱり2です", "3", true)).toEqual({ kind: "correction", text: "2です" });
    expect(readBurst("やっぱり2です", "3", false)).toEqual({ kind: "plain" });
  });
});

describe("messages in a row at a question", () => {
  it("a filler, an answer and its correction leave exactly the corrected score, and the filler repeats no question", () => {
    const [filler, answer, correction] = run(sampleState("reflectingScore"), [
      typed("えっと", 0),
      typed("3くらいですかね", 300),
      typed("いや、やっぱり2です", 600),
    ]);
    expect(textOf(filler.replies)).toBe(messages["burst.filler"]);
    expect(filler.replies[0].choices?.map((choice) => choice.label)).toEqual(["1 ほとんど感じない", "2", "3", "4", "5 とても感じる"]);
    expect(filler.state.step).toEqual({ type: "reflectingScore" });
    expect(answer.takesUp).toBe(1);
    expect(correction.takesUp).toBe(1);
    expect(correction.state.step).toEqual({ type: "reflectingThanks" });
    expect(correction.state.reflection?.score).toBe(2);
    expect(firstText(correction)).toBe("やりがい度を2に直しました。");
    expect([filler, answer, correction].flatMap((result) => result.effects)).toEqual([]);
  });

  it("a correction of a tapped score is understood as well", () => {
    const results = run(sampleState("awaitingWorkScore"), [
      tapped("score", "4", 0),
      typed("すみません、間違えました。正しくは2です", 20_000),
    ]);
    expect(results.at(-1)?.state.draft?.workScore).toBe(2);
    expect(results.at(-1)?.state.step.type).toBe("awaitingMoyamoya");
  });

  it("a corrected もやもや writes its entry again under the same id, and nothing else is recorded", () => {
    const [answer, correction] = run(sampleState("awaitingMoyamoya"), [
      typed("仕様が毎週変わります", 0, "first"),
      typed("すみません、さっきのは間違いです。正しくは、会議が多くて作業が進まないことです", 40_000, "second"),
    ]);
    expect(recorded(answer.effects)).toEqual([expect.objectContaining({ id: "first-0" })]);
    expect(correction.effects).toEqual([
      { type: "recordEntry", id: "first-0", entry: expect.objectContaining({ note: "会議が多くて作業が進まないことです" }) },
    ]);
    expect(textOf(correction.replies)).toContain("「会議が多くて作業が進まないこと」に直しました。");
    expect(correction.state.step.type).toBe("awaitingThanksMoment");
  });

  it("「あ、違いました」 takes the deed back: its entry is removed and the question comes again", () => {
    const [deed, back] = run(sampleState("awaitingThanksDeed"), [
      typed("手順を紙にまとめました", 0, "deed"),
      typed("あ、違いました", 30_000),
    ]);
    const id = recorded(deed.effects).map((effect) => (effect.type === "recordEntry" ? effect.id : ""))[0];
    expect(back.effects).toEqual([{ type: "removeEntry", id }]);
    expect(back.state.step.type).toBe("awaitingThanksDeed");
    expect(back.state.draft?.moments.at(-1)?.deed).toBeNull();
    expect(firstText(back)).toBe(messages["burst.retracted"]);
  });

  it("a sticker between an answer and its correction changes nothing", () => {
    const sticker: Input = { type: "mediaReceived", kind: "sticker" };
    const results = run(sampleState("awaitingWorkScore"), [tapped("score", "4", 0), sticker, typed("あ、間違えました。2です", 20_000)]);
    expect(results.at(-1)?.state.draft?.workScore).toBe(2);
  });

  it("a correction with nothing to amend gets a kind line and the question, and stores nothing", () => {
    const [result] = run(sampleState("awaitingThanksMoment"), [typed("いや、やっぱり2です", 0)]);
    expect(firstText(result)).toBe(messages["burst.nothingToAmend"]);
    expect(result.state.step).toEqual(sampleState("awaitingThanksMoment").step);
    expect(result.state.draft?.moments).toEqual(sampleState("awaitingThanksMoment").draft?.moments);
    expect(result.effects).toEqual([]);
  });

  it("the parts of a moment sent within the window become one moment", () => {
    const results = run(sampleState("awaitingThanksMoment"), [
      typed("えっと", 0),
      typed("新人の頃、先輩に資料の作り方を教えたら", 400),
      typed("ありがとうと言われました", 900),
    ]);
    const last = results.at(-1)!;
    expect(last.takesUp).toBe(1);
    expect(last.state.draft?.moments.map((moment) => moment.text)).toEqual([
      ...(sampleState("awaitingThanksMoment").draft?.moments.map((moment) => moment.text) ?? []),
      "新人の頃、先輩に資料の作り方を教えたら、ありがとうと言われました",
    ]);
    expect(last.state.step.type).toBe("awaitingThanksFeeling");
  });

  it("a second message sent later than the window answers the question it came to", () => {
    const results = run(sampleState("awaitingThanksMoment"), [
      typed("新人の頃、先輩に資料の作り方を教えました", 0),
      typed("うれしかったです", BURST_WINDOW_MS + 500),
    ]);
    expect(results.at(-1)?.state.step.type).toBe("awaitingThanksDeed");
    expect(results.at(-1)?.state.draft?.moments.at(-1)?.feeling).toBe("うれしかったです");
  });

  it("safety reads the joined parts as a whole: the half answer is dropped and the crisis reply comes", () => {
    const state = sampleState("awaitingThanksMoment");
    const results = run(state, [typed("人生を", 0), typed("終わらせたい", 500)]);
    const last = results.at(-1)!;
    expect(isSafetyReply(last.replies)).toBe(true);
    expect(last.state.draft?.moments).toEqual(state.draft?.moments);
    expect(last.state.paused?.type).toBe("awaitingThanksMoment");
  });

  it("a correction that tells of distress is said back, not just confirmed, and amends the answer", () => {
    const [, correction] = run(sampleState("awaitingMoyamoya"), [
      typed("仕様が毎週変わります", 0),
      typed("いや、やっぱり、毎日怒鳴られて眠れないです", 30_000),
    ]);
    expect(textOf(correction.replies)).not.toContain("に直しました");
    expect(textOf(correction.replies)).toContain("眠れずにいる");
    expect(recorded(correction.effects)).toEqual([
      expect.objectContaining({ entry: expect.objectContaining({ note: "毎日怒鳴られて眠れないです" }) }),
    ]);
    expect(removed(correction.effects)).toEqual([]);
  });

  it("an acute message is never a filler or a correction: the crisis reply comes first", () => {
    const results = run(sampleState("awaitingMoyamoya"), [
      typed("仕様が毎週変わります", 0),
      typed("いや、やっぱりもう消えたいです", 30_000),
    ]);
    expect(isSafetyReply(results.at(-1)!.replies)).toBe(true);
  });
});

describe("a stored burst", () => {
  it("is read back with its earlier state, and a damaged one is dropped without losing anything else", () => {
    const [answer] = run(sampleState("awaitingMoyamoya"), [typed("仕様が毎週変わります", 0)]);
    const stored: unknown = JSON.parse(JSON.stringify(answer.state));
    expect(restoreState(stored)).toEqual({ state: answer.state, migrated: false });
    const damaged = { ...(stored as UserState), burst: { at: null, messages: 1, fillers: 0, answer: { text: 1 } } };
    const { burst: _dropped, ...rest } = answer.state;
    expect(restoreState(damaged)).toEqual({ state: rest, migrated: false });
  });
});
