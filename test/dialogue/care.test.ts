/**
 * Table tests of care around the safety replies, (state, input) → (state, replies, effects):
 * distress taken as the answer and said back whole with the help line once a session, the
 * care question at the next contact after a crisis reply, the care offer and its one push, the
 * week without nudges, and old stored states that knew none of it.
 */
import { afterJob, followUpReplies, restoreState, transition, type UserState } from "../../src/dialogue";
import { SESSION_GAP_MS } from "../../src/dialogue/session-gap";
import { messages } from "../../src/dialogue/content";
import { MAX_STRAINS_SAID, distressEchoFallback, distressStrains } from "../../src/dialogue/content/care";
import { commandData } from "../../src/dialogue/postback";
import { emptyCare } from "../../src/dialogue/state";
import { distressEcho } from "../../src/dialogue/understand/distress-echo";
import { howTheyAre } from "../../src/dialogue/understand/how-they-are";
import { checkMessages } from "../../src/line/limits";
import { renderReplies } from "../../src/line/render";
import {
  deliveredReplies,
  DISTRESS_TEXT,
  isSafetyReply,
  lastChoices,
  NOW,
  runInputs,
  sampleState,
  say,
  tap,
  textOf,
} from "../helpers/dialogue-states";

const tokyo = (wallClock: string) => new Date(`${wallClock}+09:00`);
const later = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);
const labelsOf = (result: ReturnType<typeof transition>) => lastChoices(result.replies).map((choice) => choice.label);
const HELP_LINE = messages["care.helpLine"].split("「")[0] ?? "";
const helpLinesShown = (result: ReturnType<typeof transition>) => result.replies.filter((reply) => textOf([reply]).startsWith(HELP_LINE));

/** A user mid-session at もやもや, who had a crisis reply a day ago and comes back now. */
function dayAfterCrisis(): UserState {
  return {
    ...sampleState("awaitingMoyamoya"),
    lastActiveAt: later(-24 * 60).toISOString(),
    care: { ...emptyCare(), acuteAt: later(-24 * 60 - 5).toISOString(), askHow: true },
  };
}

describe("the reflection of distress", () => {
  it("names everything the user named, in other words: being yelled at, no sleep, the limit", () => {
    const echo = distressEcho(DISTRESS_TEXT);
    expect(echo).toBe("怒鳴られて、夜も眠れなくて、もう限界だと感じているのですね。");
    expect(echo).not.toContain("もう限界です");
  });

  it.each([
    ["追い詰められています", "追い詰められた気持ちでいるのですね。"],
    ["上司のパワハラがつらい", "ハラスメントを受けて、つらい思いをしているのですね。"],
    ["お腹が痛くて出社できません", "体にも不調が出ていて、会社へ向かうのもつらいのですね。"],
    ["夜中に何度も目が覚めます", "夜も眠れずにいるのですね。"],
  ])("「%s」 is said back as 「%s」", (text, echo) => {
    expect(distressEcho(text)).toBe(echo);
  });

  it("does not say back a strain of someone the message describes: the patient's sleeplessness is not the nurse's", () => {
    const text = "看護師です。夜勤で、眠れないと何度もナースコールを押す患者さんのそばにいるのがしんどいときがあります";
    expect(distressEcho(text)).toBe("つらい思いをしているのですね。");
    expect(distressEcho("眠れないと何度もナースコールを押す患者さんがいて、私も眠れない日が続いています")).toContain("眠れ");
    expect(distressEcho("毎晩眠れない、上司のせいで")).toContain("眠れ");
  });

  it("never quotes a message it has no words for", () => {
    expect(distressEcho("同僚が自殺して、ずっと引きずっています")).toBe(distressEchoFallback);
  });

  it("stays one short sentence however many strains a message names", () => {
    const all = distressStrains.map((strain) => strain.cues[0]).join("、");
    const echo = distressEcho(all);
    expect(echo.split("、").length).toBeLessThanOrEqual(MAX_STRAINS_SAID);
    expect([...echo].length).toBeLessThanOrEqual(200);
  });
});

describe("distress at a question", () => {
  it("is taken as the もやもや answer, said back first, with the help line and 相談先を見る, and the session goes on", () => {
    const result = transition(sampleState("awaitingMoyamoya"), say(DISTRESS_TEXT), NOW);
    expect(result.state.step).toEqual({ type: "awaitingThanksMoment", source: "thanked" });
    expect(result.effects).toEqual([
      { type: "recordEntry", entry: { kind: "workScore", score: 2, note: DISTRESS_TEXT, at: NOW.toISOString() } },
    ]);
    expect(isSafetyReply(result.replies)).toBe(false);
    expect(textOf(result.replies.slice(0, 1))).toContain(distressEcho(DISTRESS_TEXT));
    expect(helpLinesShown(result)).toHaveLength(1);
    expect(textOf(result.replies)).toContain("https://kokoro.mhlw.go.jp/");
    expect(labelsOf(result)).toEqual(["思いつかない", "相談先を見る"]);
    expect(result.state.care.helpLineAt).toBe(NOW.toISOString());
    expect(checkMessages(renderReplies(result.replies))).toEqual([]);
  });

  it("shows the help line once a session: a second message of distress is only said back", () => {
    const [first, second] = runInputs(sampleState("awaitingMoyamoya"), [say(DISTRESS_TEXT), say("最近眠れないです")]);
    expect(helpLinesShown(first)).toHaveLength(1);
    expect(helpLinesShown(second)).toHaveLength(0);
    expect(second.state.draft?.moments.at(-1)?.text).toBe("最近眠れないです");
    expect(labelsOf(second)).not.toContain("相談先を見る");
  });

  it("shows the help line again in a new session, after an hour without a message", () => {
    const first = transition(sampleState("awaitingMoyamoya"), say(DISTRESS_TEXT), NOW);
    const again = transition(first.state, say("最近眠れないです"), new Date(NOW.getTime() + SESSION_GAP_MS));
    expect(helpLinesShown(again)).toHaveLength(1);
  });

  it("hears nights to the last train as overwork, and says so back (tried in the chat, in no corpus)", () => {
    const result = transition(
      sampleState("awaitingMoyamoya"),
      say("年末で毎日終電、正直しんどいです。でも死にたいとかではないので大丈夫です"),
      NOW,
    );
    expect(textOf(result.replies)).toContain("休む間もなく働いて");
    expect(result.state.step.type).toBe("awaitingThanksMoment");
  });

  it("keeps a check-in's ありがとう without a second reflection of the same words", () => {
    const result = transition(sampleState("reflectingThanksText"), say("お客さんに感謝されたけど、最近は残業続きで疲れ果てています"), NOW);
    expect(result.state.step).toEqual({
      type: "reflectingThanksFeeling",
      text: "お客さんに感謝されたけど、最近は残業続きで疲れ果てています",
      echoed: true,
    });
    expect(textOf(result.replies)).toContain("休む間もなく働いて");
    expect(textOf(result.replies)).not.toContain("「お客さんに感謝されたけど");
    expect(textOf(result.replies)).toContain(messages["checkin.thanks.feelingPlain"]);
  });

  const MOMENT_IN_DISTRESS = "お客さんに感謝されたけど、最近は残業続きで疲れ果てています";
  const FEELING_IN_DISTRESS = "うれしかったけど、もう限界で眠れないです";
  const DEED_IN_DISTRESS = "手順を紙にまとめて渡しました。でも最近は疲れ果てていて、うまく教えられている自信がないです";
  it.each([
    ["the first session's moment", "awaitingThanksMoment", MOMENT_IN_DISTRESS, "awaitingThanksFeeling"],
    ["the first session's feeling", "awaitingThanksFeeling", FEELING_IN_DISTRESS, "awaitingThanksDeed"],
    ["the first session's deed", "awaitingThanksDeed", DEED_IN_DISTRESS, "awaitingMoreMoments"],
    ["ありがとう記録's moment", "awaitingQuickThanks", MOMENT_IN_DISTRESS, "awaitingQuickThanksFeeling"],
    ["ありがとう記録's feeling", "awaitingQuickThanksFeeling", FEELING_IN_DISTRESS, "awaitingQuickThanksDeed"],
    ["ありがとう記録's deed", "awaitingQuickThanksDeed", DEED_IN_DISTRESS, "resting"],
    ["the check-in's feeling", "reflectingThanksFeeling", FEELING_IN_DISTRESS, "reflectingThanksDeed"],
    ["the check-in's deed", "reflectingThanksDeed", DEED_IN_DISTRESS, "reflectingAction"],
  ] as const)("says %s back once: the next question neither quotes nor reflects it", (_, at, text, next) => {
    const result = transition(sampleState(at), say(text), NOW);
    expect(result.state.step.type).toBe(next);
    expect(textOf(result.replies.slice(0, 1))).toContain(distressEcho(text));
    const start = text.slice(0, 8);
    expect(textOf(result.replies)).not.toContain(start);
    expect(textOf(result.replies)).not.toMatch(/持ち味|発揮され/);
  });

  it("keeps the mark of words already said back when the state is stored and loaded", () => {
    const result = transition(sampleState("awaitingThanksMoment"), say(MOMENT_IN_DISTRESS), NOW);
    const restored = restoreState(JSON.parse(JSON.stringify(result.state)));
    expect(restored.migrated).toBe(false);
    expect(restored.state.step).toEqual({ type: "awaitingThanksFeeling", echoed: true });
  });

  it("after a crisis reply, goes back to the question with the kept answer without saying it back twice", () => {
    const kept: UserState = {
      ...sampleState("awaitingMoyamoya"),
      step: { type: "awaitingSafetyChoice", tier: "distress", text: "上司に毎日怒鳴られて、眠れません" },
      paused: { type: "awaitingMoyamoya" },
    };
    const result = transition(kept, tap("safe", "continue"), NOW);
    expect(result.state.step.type).toBe("awaitingThanksMoment");
    expect(result.effects).toEqual([
      expect.objectContaining({ entry: expect.objectContaining({ note: "上司に毎日怒鳴られて、眠れません" }) }),
    ]);
    expect(textOf(result.replies)).not.toContain("『上司に毎日怒鳴られて");
  });
});

describe("distress with nothing pending", () => {
  it("at rest gets the reflection, the help line and the usual menu, and is not offered as a ありがとう", () => {
    const resting = sampleState("resting");
    const result = transition(resting, say(DISTRESS_TEXT), NOW);
    expect(result.state.step.type).toBe("resting");
    expect(result.effects).toEqual([]);
    expect(textOf(result.replies)).toContain(messages["care.heard.rest"].split("\n")[1]);
    expect(textOf(result.replies)).not.toContain(messages["freeText.offer"]);
    expect(helpLinesShown(result)).toHaveLength(1);
    expect(labelsOf(result)).toContain("相談先を見る");
    expect(labelsOf(result)).toContain("ふりかえり");
  });

  it("before consent is heard and answered with the consent question, and nothing is kept", () => {
    const before = sampleState("awaitingConsent");
    const result = transition(before, say(DISTRESS_TEXT), NOW);
    expect(result.state).toEqual(before);
    expect(textOf(result.replies.slice(0, 1))).toContain("怒鳴られて");
    expect(textOf(result.replies)).toContain("記録の扱い");
  });
});

describe("相談先を見る", () => {
  it("shows the work-related services and asks the pending question again", () => {
    const result = transition(sampleState("awaitingThanksMoment"), { type: "postbackReceived", data: commandData("helpLines") }, NOW);
    const card = result.replies[0];
    expect(card?.type === "card" ? card.card.title : "").toBe(messages["safety.card.titleWork"]);
    expect(result.state.step).toEqual(sampleState("awaitingThanksMoment").step);
    expect(labelsOf(result)).toEqual(["思いつかない"]);
  });

  it("shows the crisis lines in the week after a crisis reply", () => {
    const state = { ...sampleState("resting"), care: { ...emptyCare(), acuteAt: later(-60).toISOString() } };
    const card = transition(state, say("相談窓口"), NOW).replies[0];
    expect(card?.type === "card" ? card.card.title : "").toBe(messages["safety.card.title"]);
  });
});

describe("the crisis reply", () => {
  it("keeps the time and asks how the user is at their next contact; nothing before consent", () => {
    const result = transition(sampleState("awaitingMoyamoya"), say("もう消えてしまいたい"), NOW);
    expect(result.state.care).toEqual({ ...emptyCare(), acuteAt: NOW.toISOString(), askHow: true });
    const unconsented = transition(sampleState("awaitingConsent"), say("もう消えてしまいたい"), NOW);
    expect(unconsented.state.care).toEqual(emptyCare());
  });

  it("offers one care message after 今日はここまで, due the next day at the hour the user was last active", () => {
    const [, stopped, yes] = runInputs(sampleState("awaitingMoyamoya"), [
      say("もう消えてしまいたい"),
      tap("safe", "stop"),
      tap("coffer", "yes"),
    ]);
    expect(stopped.state.step.type).toBe("awaitingCareOffer");
    expect(textOf(stopped.replies)).toContain("明日、様子をうかがってもいいですか？");
    expect(yes.state.step.type).toBe("resting");
    expect(yes.state.paused).toEqual({ type: "awaitingMoyamoya" });
    expect(yes.state.care.messageAt).toBe(tokyo("2026-11-25T12:00").toISOString());
    expect(yes.state.followUp.next).toEqual({ kind: "care", at: tokyo("2026-11-25T12:00").toISOString() });
  });

  it.each([
    ["2026-11-24T23:30", "2026-11-25T20:00"],
    ["2026-11-24T06:10", "2026-11-25T09:00"],
    ["2026-11-24T14:40", "2026-11-25T14:00"],
  ])("agreed to at %s, the care message is due at %s (Tokyo)", (at, due) => {
    const offered: UserState = { ...sampleState("awaitingCareOffer"), lastActiveAt: tokyo(at).toISOString() };
    expect(transition(offered, say("はい、お願いします"), tokyo(at)).state.care.messageAt).toBe(tokyo(due).toISOString());
  });

  it("asks how the user is, in this session's words, before a sentence typed at the offer, and keeps the sentence for after", () => {
    const [, stopped, typed, better] = runInputs(sampleState("awaitingMoyamoya"), [
      say("もう消えてしまいたい"),
      tap("safe", "stop"),
      say("隣の席の先輩が、最近ずっと元気がなくて心配です"),
      tap("care", "better"),
    ]);
    expect(stopped.state.step.type).toBe("awaitingCareOffer");
    expect(typed.state.step).toMatchObject({ type: "awaitingCareCheck", held: { text: "隣の席の先輩が、最近ずっと元気がなくて心配です" } });
    expect(textOf(typed.replies)).toContain(messages["care.check.now"]);
    expect(textOf(typed.replies)).not.toContain("おかえりなさい");
    expect(textOf(typed.replies)).not.toContain("記録として残しますか");
    expect(labelsOf(typed)).toEqual(["少し楽になった", "まだつらい", "窓口を見る"]);
    expect(better.state.care.askHow).toBe(false);
  });

  it("at rest after 今日はここまで and no to the offer, asks how the user is before what they type next", () => {
    const [, , declined, typed] = runInputs(sampleState("awaitingMoyamoya"), [
      say("もう消えてしまいたい"),
      tap("safe", "stop"),
      tap("coffer", "no"),
      say("隣の席の先輩が、最近ずっと元気がなくて心配です"),
    ]);
    expect(declined.state.step.type).toBe("resting");
    expect(typed.state.step).toMatchObject({ type: "awaitingCareCheck", held: { text: "隣の席の先輩が、最近ずっと元気がなくて心配です" } });
    expect(textOf(typed.replies)).toContain(messages["care.check.now"]);
  });

  it("plans nothing when the user says no, and a typed sentence at the offer moves on from it", () => {
    expect(transition(sampleState("awaitingCareOffer"), tap("coffer", "no"), NOW).state.care.messageAt).toBeNull();
    expect(transition(sampleState("awaitingCareOffer"), say("いいえ"), NOW).state.care.messageAt).toBeNull();
    expect(transition(sampleState("awaitingCareOffer"), say("話を聞いてくれてありがとう"), NOW).state.step.type).not.toBe(
      "awaitingCareOffer",
    );
  });
});

describe("the care message", () => {
  const planned = (): UserState => ({
    ...sampleState("resting"),
    paused: null,
    care: { ...emptyCare(), acuteAt: NOW.toISOString(), askHow: true, messageAt: tokyo("2026-11-25T12:00").toISOString() },
    followUp: { next: { kind: "care", at: tokyo("2026-11-25T12:00").toISOString() }, actionDate: null, pushedAt: null },
  });

  it("asks how the user is with the three answers, and goes once", () => {
    const replies = followUpReplies(planned());
    expect(textOf(replies ?? [])).toContain("その後、いかがですか？");
    expect(lastChoices(replies ?? []).map((choice) => choice.label)).toEqual(["少し楽になった", "まだつらい", "窓口を見る"]);
    const sent = afterJob(planned(), { type: "followUpSent" }, tokyo("2026-11-25T12:01"));
    expect(sent.care.messageAt).toBeNull();
    expect(sent.followUp.next).toBeNull();
    expect(sent.tally.followUpsSent).toBe(1);
  });

  it("is not sent to a user with a consultant or who blocked the bot", () => {
    expect(followUpReplies({ ...planned(), following: false })).toBeNull();
  });

  it("is answered with one tap: a little better is glad and leaves the menu, still hard shows the lines again", () => {
    const better = transition(planned(), tap("care", "better"), tokyo("2026-11-25T12:30"));
    expect(better.state.step.type).toBe("resting");
    expect(better.state.care.askHow).toBe(false);
    expect(textOf(better.replies)).toContain(messages["care.better"]);
    const hard = transition(planned(), tap("care", "hard"), tokyo("2026-11-25T12:30"));
    expect(hard.state.step.type).toBe("awaitingSafetyChoice");
    expect(isSafetyReply(hard.replies)).toBe(true);
    expect(hard.state.care.askHow).toBe(true);
    expect(labelsOf(hard)).toEqual(["続ける", "今日はここまで"]);
  });
});

describe("the next contact after a crisis reply", () => {
  it("asks how the user is before the answer they typed, and takes that answer once they feel a little better", () => {
    const [asked, better] = runInputs(dayAfterCrisis(), [say("会議が多くて、自分の仕事が進まないことです"), tap("care", "better")]);
    expect(asked.state.step).toMatchObject({ type: "awaitingCareCheck", held: { text: "会議が多くて、自分の仕事が進まないことです" } });
    expect(asked.effects).toEqual([]);
    expect(labelsOf(asked)).toEqual(["少し楽になった", "まだつらい", "窓口を見る"]);
    expect(better.state.step.type).toBe("awaitingThanksMoment");
    expect(better.effects).toEqual([
      expect.objectContaining({ entry: expect.objectContaining({ note: "会議が多くて、自分の仕事が進まないことです" }) }),
    ]);
    expect(textOf(better.replies.slice(0, 1))).toBe(messages["care.better"]);
  });

  it("asks first at a reminder's ふりかえる too, and starts the check-in after", () => {
    const resting: UserState = {
      ...sampleState("resting"),
      lastActiveAt: later(-3 * 24 * 60).toISOString(),
      care: { ...emptyCare(), askHow: true },
    };
    const [asked, better] = runInputs(resting, [{ type: "postbackReceived", data: commandData("reflect") }, say("少し楽になりました")]);
    expect(asked.state.step.type).toBe("awaitingCareCheck");
    expect(better.state.step.type).toBe("reflectingScore");
  });

  it("asks first after a re-follow", () => {
    const blocked: UserState = { ...dayAfterCrisis(), following: false };
    const back = transition(blocked, { type: "followed", displayName: null }, NOW);
    expect(back.state.step.type).toBe("awaitingCareCheck");
    expect(back.state.paused).toEqual({ type: "awaitingMoyamoya" });
  });

  it("does not ask within the same session, so 続ける goes straight on", () => {
    const [, continued, answered] = runInputs(sampleState("awaitingMoyamoya"), [
      say("もう消えてしまいたい"),
      tap("safe", "continue"),
      say("会議が多くて、自分の仕事が進まないことです"),
    ]);
    expect(continued.state.step.type).toBe("awaitingMoyamoya");
    expect(answered.state.step.type).toBe("awaitingThanksMoment");
  });

  it.each([
    ["まだつらいです", "awaitingSafetyChoice"],
    ["変わらないです", "awaitingSafetyChoice"],
    ["大丈夫じゃないです", "awaitingSafetyChoice"],
    ["少し楽になりました", "awaitingThanksMoment"],
    ["なんとか大丈夫です", "awaitingThanksMoment"],
  ])("understands 「%s」 typed at the question, to %s", (text, step) => {
    const [, answered] = runInputs(dayAfterCrisis(), [say("会議が多くて、自分の仕事が進まないことです"), say(text)]);
    expect(answered.state.step.type).toBe(step);
  });

  it("asks once more, with the buttons, when the typed answer says neither", () => {
    const [, unclear] = runInputs(dayAfterCrisis(), [say("はじめる"), say("昨日はすみませんでした")]);
    expect(unclear.state.step.type).toBe("awaitingCareCheck");
    expect(textOf(unclear.replies)).toBe(messages["care.check.again"]);
    expect(labelsOf(unclear)).toEqual(["少し楽になった", "まだつらい", "窓口を見る"]);
  });

  it("hears words of distress as still hard: said back, the lines again, the answer kept for 続ける", () => {
    const result = transition(dayAfterCrisis(), say(DISTRESS_TEXT), NOW);
    expect(result.state.step).toEqual({ type: "awaitingSafetyChoice", tier: "acute", text: DISTRESS_TEXT });
    expect(isSafetyReply(result.replies)).toBe(true);
    expect(textOf(result.replies.slice(0, 1))).toContain(distressEcho(DISTRESS_TEXT));
    expect(result.state.care.askHow).toBe(true);
  });

  it("answers a crisis at once, never the care question first", () => {
    const result = transition(dayAfterCrisis(), say("やっぱり死にたい"), NOW);
    expect(result.state.step.type).toBe("awaitingSafetyChoice");
    expect(textOf(result.replies)).toContain(messages["safety.acute"].split("\n")[0]);
  });

  it("lets データ削除, データ確認 and ヘルプ through at once", () => {
    for (const word of ["データ削除", "データ確認", "ヘルプ"])
      expect(transition(dayAfterCrisis(), say(word), NOW).state.step.type).not.toBe("awaitingCareCheck");
  });

  it("窓口を見る shows the lines and offers to stop for today", () => {
    const [, lines] = runInputs(dayAfterCrisis(), [say("はじめる"), tap("care", "lines")]);
    expect(isSafetyReply(lines.replies)).toBe(true);
    expect(labelsOf(lines)).toEqual(["続ける", "今日はここまで"]);
  });
});

describe("how the user says they are", () => {
  it.each([
    ["少し楽になりました", "better"],
    ["だいぶ落ち着きました", "better"],
    ["昨日よりはましです", "better"],
    ["まだつらいです", "hard"],
    ["元気がないです", "hard"],
    ["大丈夫じゃないです", "hard"],
    ["ありがとうございました", null],
    ["昨日はすみませんでした", null],
  ])("「%s」 is %s", (text, how) => {
    expect(howTheyAre(text)).toBe(how);
  });
});

describe("nudges after a crisis reply", () => {
  it("wait a week: a user who stopped mid-session is nudged no sooner than seven days after the crisis reply", () => {
    const [crisis, stopped] = runInputs(sampleState("awaitingMoyamoya"), [say("もう消えてしまいたい"), tap("safe", "continue")]);
    expect(crisis.state.followUp.next).toBeNull();
    expect(stopped.state.followUp.next).toEqual({ kind: "nudge", n: 1, at: tokyo("2026-12-01T12:00").toISOString() });
  });

  it("leave the reminders the user chose alone", () => {
    const result = transition(sampleState("resting"), say("もう消えてしまいたい"), NOW);
    expect(result.state.profile.reminder).toEqual(sampleState("resting").profile.reminder);
  });
});

describe("データ確認", () => {
  it("shows when the lines were shown and when the care message is due", () => {
    const state: UserState = {
      ...sampleState("resting"),
      care: { ...emptyCare(), acuteAt: NOW.toISOString(), messageAt: tokyo("2026-11-25T12:00").toISOString() },
    };
    const shown = JSON.stringify(deliveredReplies(transition(state, say("データ確認"), NOW)));
    expect(shown).toContain("相談窓口をご案内した日時");
    expect(shown).toContain("様子をうかがうメッセージ：11月25日(水) 12:00に一度だけ");
    expect(JSON.stringify(deliveredReplies(transition(sampleState("resting"), say("データ確認"), NOW)))).not.toContain("相談窓口をご案内");
  });
});

describe("stored states from before care", () => {
  it("load as they were, with nothing to care for", () => {
    const old: Record<string, unknown> = { ...sampleState("awaitingMoyamoya") };
    delete old.care;
    const restored = restoreState(JSON.parse(JSON.stringify(old)));
    expect(restored.migrated).toBe(false);
    expect(restored.state.care).toEqual(emptyCare());
  });

  it("reject a damaged care record by restarting politely", () => {
    const damaged = { ...sampleState("awaitingMoyamoya"), care: { askHow: "yes" } };
    expect(restoreState(JSON.parse(JSON.stringify(damaged))).migrated).toBe(true);
  });
});

describe("the care question asked again in the same session", () => {
  it("welcomes the user back once: asked again after ヘルプ, it carries on without a second おかえりなさい", () => {
    const [asked, helped] = runInputs(dayAfterCrisis(), [say("会議が多くて、自分の仕事が進まないことです"), say("ヘルプ")]);
    expect(textOf(asked.replies)).toContain("おかえりなさい");
    expect(helped.state.step.type).toBe("awaitingCareCheck");
    expect(textOf(helped.replies)).toContain(messages["care.check.reask"]);
    expect(textOf(helped.replies)).not.toContain("おかえりなさい");
  });

  it("welcomes them back again when they return to the question in a later session", () => {
    const asked = transition(dayAfterCrisis(), say("会議が多くて、自分の仕事が進まないことです"), NOW);
    const nextDay = transition(asked.state, say("ヘルプ"), later(24 * 60));
    expect(textOf(nextDay.replies)).toContain("おかえりなさい");
  });
});
