/** Table tests of the pure core for onboarding: (state, input) → (state, replies). */
import { advance, transition } from "../../src/dialogue/transition";
import { answerData, commandData, decodePostback, encodePostback, type Postback, type Topic } from "../../src/dialogue/postback";
import { initialState, type UserState } from "../../src/dialogue/state";
import type { Input } from "../../src/dialogue/input";
import type { Reply } from "../../src/dialogue/reply";

const NOW = new Date("2026-11-24T12:00:00Z");
const tap = (topic: Topic, value: string): Input => ({ type: "postbackReceived", data: answerData(topic, value) });
const at = (step: UserState["step"]["type"], consent: UserState["consent"] = { status: "none" }): UserState => ({
  ...initialState(),
  step: { type: step } as UserState["step"],
  consent,
  ...(step === "awaitingWorkScore"
    ? { draft: { workScore: null, moments: [], values: [], ownValues: [], willWho: null, willWhat: null } }
    : {}),
});
const given = { status: "given", at: "2026-11-20T00:00:00.000Z" } as const;
const labelsOf = (replies: Reply[]) => replies.at(-1)?.choices?.map((choice) => choice.label) ?? [];
const textOf = (replies: Reply[]) =>
  replies
    .map((reply) =>
      reply.type === "text"
        ? reply.text
        : reply.type === "card"
          ? reply.card.title
          : reply.type === "cards"
            ? reply.altText
            : reply.type === "chart"
              ? reply.chart.title
              : reply.url,
    )
    .join("\n");

describe("onboarding", () => {
  it.each<[string, UserState, Input, UserState["step"]["type"], string[]]>([
    [
      "a follow greets and asks for consent",
      initialState(),
      { type: "followed", displayName: "花子" },
      "awaitingConsent",
      ["同意してはじめる", "くわしく見る", "やめておく"],
    ],
    [
      "agreeing asks whether to start now",
      at("awaitingConsent"),
      tap("consent", "agree"),
      "awaitingStartChoice",
      ["いまはじめる", "あとで"],
    ],
    [
      "くわしく見る explains and asks again",
      at("awaitingConsent"),
      tap("consent", "details"),
      "awaitingConsent",
      ["同意してはじめる", "くわしく見る", "やめておく"],
    ],
    ["declining leaves a way back", at("awaitingConsent"), tap("consent", "decline"), "declined", ["はじめる"]],
    [
      "starting now asks the first question",
      at("awaitingStartChoice", given),
      tap("start", "now"),
      "awaitingWorkScore",
      ["1 ほとんど感じない", "2", "3", "4", "5 とても感じる"],
    ],
    ["starting later rests", at("awaitingStartChoice", given), tap("start", "later"), "resting", ["はじめる", "ヘルプ"]],
    [
      "はじめる after declining asks for consent again",
      at("declined", { status: "declined" }),
      { type: "textReceived", text: "はじめる" },
      "awaitingConsent",
      ["同意してはじめる", "くわしく見る", "やめておく"],
    ],
    [
      "はじめる after consent starts the session",
      at("resting", given),
      { type: "textReceived", text: "はじめる" },
      "awaitingWorkScore",
      ["1 ほとんど感じない", "2", "3", "4", "5 とても感じる"],
    ],
    [
      "free text while consent is pending asks again",
      at("awaitingConsent"),
      { type: "textReceived", text: "こんにちは" },
      "awaitingConsent",
      ["同意してはじめる", "くわしく見る", "やめておく"],
    ],
    [
      "a stale button repeats the current question",
      at("awaitingStartChoice", given),
      tap("consent", "decline"),
      "awaitingStartChoice",
      ["いまはじめる", "あとで"],
    ],
    [
      "forged postback data repeats the current question",
      at("awaitingConsent"),
      { type: "postbackReceived", data: "w1|consent|hack" },
      "awaitingConsent",
      ["同意してはじめる", "くわしく見る", "やめておく"],
    ],
    [
      "a sticker is answered kindly and the question kept",
      at("awaitingWorkScore", given),
      { type: "mediaReceived", kind: "sticker" },
      "awaitingWorkScore",
      ["1 ほとんど感じない", "2", "3", "4", "5 とても感じる"],
    ],
    ["a typed score is accepted", at("awaitingWorkScore", given), { type: "textReceived", text: "４" }, "awaitingMoyamoya", ["スキップ"]],
    ["a tapped score is accepted", at("awaitingWorkScore", given), tap("score", "2"), "awaitingMoyamoya", ["スキップ"]],
    [
      "text that is not a score asks again",
      at("awaitingWorkScore", given),
      { type: "textReceived", text: "わからない" },
      "awaitingWorkScore",
      ["1 ほとんど感じない", "2", "3", "4", "5 とても感じる"],
    ],
    [
      "a re-follow after consent welcomes back",
      at("resting", given),
      { type: "followed", displayName: null },
      "resting",
      ["はじめる", "ヘルプ"],
    ],
  ])("%s", (_name, state, input, nextStep, choices) => {
    const result = transition(state, input, NOW);
    expect(result.state.step.type).toBe(nextStep);
    expect(labelsOf(result.replies)).toEqual(choices);
    expect(result.replies.length).toBeGreaterThanOrEqual(1);
    expect(result.replies.length).toBeLessThanOrEqual(5);
  });

  it("uses the display name in the greeting and falls back without one", () => {
    expect(textOf(transition(initialState(), { type: "followed", displayName: "花子" }, NOW).replies)).toContain("花子さん");
    expect(textOf(transition(initialState(), { type: "followed", displayName: null }, NOW).replies)).toMatch(/^はじめまして/);
  });

  it("records when consent was given and nothing else before it", () => {
    const result = transition(at("awaitingConsent"), tap("consent", "agree"), NOW);
    expect(result.state).toEqual({
      ...initialState(),
      step: { type: "awaitingStartChoice" },
      consent: { status: "given", at: NOW.toISOString() },
      lastActiveAt: NOW.toISOString(),
    });
  });

  it("answers ヘルプ in every step and keeps the step", () => {
    for (const state of [
      initialState(),
      at("awaitingConsent"),
      at("awaitingStartChoice", given),
      at("declined", { status: "declined" }),
      at("resting", given),
      at("awaitingWorkScore", given),
    ]) {
      const result = transition(state, { type: "textReceived", text: "ヘルプ" }, NOW);
      expect(result.state.step).toEqual(state.step);
      expect(result.state.consent).toEqual(state.consent);
      expect(textOf(result.replies)).toContain("使い方");
      expect(labelsOf(result.replies).length).toBeGreaterThan(0);
    }
  });

  it("sends nothing when the user blocks the bot", () => {
    expect(transition(at("resting", given), { type: "unfollowed" }, NOW).replies).toEqual([]);
  });

  it("restarts politely from a stored state it does not understand, keeping consent", () => {
    const result = advance(
      { version: 99, step: { type: "somethingNew" }, consent: given },
      { type: "textReceived", text: "こんにちは" },
      NOW,
    );
    expect(result.state).toEqual({ ...initialState(), step: { type: "resting" }, consent: given });
    expect(textOf(result.replies)).toContain("新しくなりました");
  });

  it("treats a missing state as a new user", () => {
    expect(advance(undefined, { type: "followed", displayName: null }, NOW).state.step.type).toBe("awaitingConsent");
  });

  it("is pure: the same arguments give the same result and the input state is untouched", () => {
    const state = at("awaitingConsent");
    const frozen = structuredClone(state);
    const input = tap("consent", "agree");
    expect(transition(state, input, NOW)).toEqual(transition(state, input, NOW));
    expect(state).toEqual(frozen);
  });
});

describe("postback data", () => {
  it.each<Postback>([
    { kind: "answer", topic: "consent", value: "agree" },
    { kind: "answer", topic: "score", value: "5" },
    { kind: "command", command: "help" },
    { kind: "command", command: "deleteData" },
  ])("round-trips %j", (postback) => {
    expect(decodePostback(encodePostback(postback))).toEqual(postback);
  });

  it("keeps every button's data short", () => {
    expect(commandData("deleteData").length).toBeLessThan(40);
    expect(answerData("willrev", "accept").length).toBeLessThan(40);
  });

  it.each([
    "",
    "w1|consent",
    "w0|consent|agree",
    "w1|consent|agree|x",
    "w1|cmd|unknown",
    "w1|toString|x",
    "w1|__proto__|x",
    "w1|consent|a b",
    `w1|consent|${"a".repeat(400)}`,
  ])("rejects %j", (data) => {
    expect(decodePostback(data)).toBeNull();
  });
});
