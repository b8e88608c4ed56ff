/**
 * Golden transcripts of gentle follow-ups: the nudges a user who stopped in the middle of the
 * first session gets and the one tap that brings the same question back, and the one
 * follow-up on an action's date. The pushes come from the real follow-up pass over the
 * transcript's store. Read a changed file as the client would on a phone and as a career
 * consultant would; regenerate with `UPDATE_GOLDEN=1 npx jest test/dialogue/follow-up-transcripts`.
 */
import { sendDueFollowUps } from "../../src/jobs/follow-ups";
import type { Logger } from "../../src/log";
import { createMemoryFollowUpStore } from "../../src/store/follow-up-store";
import { grammarFaults } from "../helpers/grammar";
import { botTexts, storedState } from "../helpers/persona-run";
import { createTranscript, expectGolden, startFirstSession, type Transcript } from "../helpers/transcript";

const NUDGED_USER = `U${"9".repeat(32)}`;
const ACTION_USER = `U${"a".repeat(32)}`;
const CRISIS_USER = `U${"b".repeat(32)}`;
const tokyo = (wallClock: string) => new Date(`${wallClock}+09:00`);
const silent: Logger = { info: () => {}, warn: () => {}, error: () => {} };
const PASS = "定期実行：リマインダーとフォローアップ";

/** The follow-up pass at `now` over the transcript's store and gateway. */
const followUpPass = (t: Transcript) => (now: Date) =>
  sendDueFollowUps(now, { store: createMemoryFollowUpStore(t.store.documents), line: t.gateway, log: silent, sleep: async () => {} });

const pushes = (t: Transcript) => t.gateway.calls.filter((call) => call.kind === "push");

describe("golden follow-ups", () => {
  it("a user who stopped at the third question is nudged twice, gently, and one tap brings the same question back", async () => {
    const t = createTranscript({ userId: NUDGED_USER, now: tokyo("2026-11-24T21:30") });
    await startFirstSession(t);
    await t.tap("3");
    await t.say("会議が多くて、自分の仕事が進まないことです");
    t.advanceTo(tokyo("2026-11-25T20:00"));
    await t.runJob(PASS, followUpPass(t));
    t.advanceTo(tokyo("2026-11-28T20:00"));
    await t.runJob(PASS, followUpPass(t));
    t.advanceTo(tokyo("2026-11-28T21:10"));
    await t.tap("続きから");
    await t.say("後輩に資料の作り方を教えたら、わかりやすいと言われました");
    expectGolden("follow-up-resume", t.text());

    expect(pushes(t)).toHaveLength(2);
    expect(storedState(t)).toMatchObject({
      step: { type: "awaitingThanksFeeling" },
      tally: { followUpsSent: 2, followUpsResumed: 1 },
    });
    expect(botTexts(t).flatMap(grammarFaults)).toEqual([]);
  });

  it("a user without reminders asks for one follow-up on the action's date, gets it there, and answers with one tap", async () => {
    const t = createTranscript({ userId: ACTION_USER });
    await t.offRecord("最初のふり返りを、行動「仕事の経験を文章に書く」の手前まで進める", async () => {
      await startFirstSession(t);
      await t.tap("3");
      await t.tap("スキップ");
      await t.say("新人さんに業務の流れを説明したら、わかりやすかったとお礼を言われました");
      await t.tap("うれしかった");
      await t.say("図を描いて、順番に説明しました");
      await t.tap("次へ");
      await t.tap("教える・伝える");
      await t.tap("決定");
      await t.tap("同僚・後輩");
      await t.say("仕事のコツをわかりやすく伝えること");
      await t.tap("①にする");
    });
    await t.tap("仕事の経験を文章に書く");
    await t.tap("今週中");
    await t.tap("いらない");
    await t.tap("お願いします");
    t.advanceTo(tokyo("2026-11-29T19:00"));
    await t.runJob(PASS, followUpPass(t));
    t.advanceTo(tokyo("2026-11-29T21:40"));
    await t.tap("少しできた");
    await t.tap("緊張した");
    await t.say("特にないです");
    await t.tap("日付を変える");
    expectGolden("follow-up-action-date", t.text());

    expect(pushes(t)).toHaveLength(1);
    expect(storedState(t)).toMatchObject({ step: { type: "awaitingActionDue" }, tally: { followUpsSent: 1, followUpsResumed: 1 } });
    expect(botTexts(t).flatMap(grammarFaults)).toEqual([]);
  });

  it("after a crisis reply: one care message the next day, the lines again while it is still hard, and how they are asked on return", async () => {
    const t = createTranscript({ userId: CRISIS_USER, now: tokyo("2026-11-24T21:10") });
    await t.offRecord("同意して最初のふり返りをはじめ、やりがい度に2と答え、もやもやはスキップしたユーザー", async () => {
      await startFirstSession(t);
      await t.tap("2");
      await t.tap("スキップ");
    });
    await t.say("ありがとうなんて言われません。もう何もかも終わりにしたいです");
    await t.tap("今日はここまで");
    await t.tap("はい、お願いします");
    t.advanceTo(tokyo("2026-11-25T20:00"));
    await t.runJob(PASS, followUpPass(t));
    t.advanceTo(tokyo("2026-11-25T20:30"));
    await t.tap("まだつらい");
    await t.tap("今日はここまで");
    await t.tap("いいえ、大丈夫です");
    t.advanceTo(tokyo("2026-11-27T12:00"));
    await t.runJob(PASS, followUpPass(t));
    t.advanceTo(tokyo("2026-11-27T19:40"));
    await t.say("はじめる");
    await t.tap("少し楽になった");
    expectGolden("return-after-crisis", t.text());

    // One care message, and no nudge back to the questions in the week after the crisis reply.
    expect(pushes(t)).toHaveLength(1);
    const state = storedState(t);
    expect(state.step.type).toBe("awaitingThanksMoment");
    expect(state.care).toMatchObject({ askHow: false, messageAt: null });
    expect(Date.parse(state.followUp.next?.at ?? "")).toBeGreaterThanOrEqual(tokyo("2026-12-01T20:00").getTime());
    expect(botTexts(t).flatMap(grammarFaults)).toEqual([]);
  });
});
