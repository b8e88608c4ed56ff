/**
 * The golden transcript of a client who types instead of tapping (issue 21, item 7): 「とくに思い
 * 浮かばないです」 at the ありがとう question, a step date already past and then 来月の10日, and
 * reminder wishes typed in one message, at the reminder question or at rest, stored after at most
 * one tap. Read a changed file as the
 * client would on a phone and as a career consultant would; regenerate with
 * `UPDATE_GOLDEN=1 npx jest test/dialogue/typed-transcripts`.
 */
import { grammarFaults } from "../helpers/grammar";
import { botTexts, storedState } from "../helpers/persona-run";
import { createTranscript, expectGolden, startFirstSession } from "../helpers/transcript";

const TYPING_USER = `U${"b".repeat(32)}`;

describe("golden typed answers", () => {
  it("a client who types reminder wishes and dates has them stored as meant", async () => {
    const t = createTranscript({ userId: TYPING_USER });
    await t.offRecord("同意して最初のふり返りを始め、やりがい度に「3です」、もやもやに「スキップ」と答えたユーザー", async () => {
      await startFirstSession(t);
      await t.say("3です");
      await t.tap("スキップ");
    });
    await t.say("とくに思い浮かばないです");
    await t.tap("日常の小さなこと");
    await t.say("電車で席をゆずったら、ありがとうと言われました");
    await t.tap("うれしかった");
    await t.say("立っているのがつらそうだったので、声をかけました");
    await t.say("特にないです");
    await t.offRecord("価値観に「人の役に立つ」を選び、WILLを「①にする」で保存", async () => {
      await t.tap("人の役に立つ");
      await t.tap("決定");
      await t.tap("地域の人");
      await t.tap("困っている人の力になること");
      await t.tap("①にする");
    });
    await t.tap("地域のボランティアに参加する");
    await t.say("11月1日");
    await t.say("来月の１０日でお願いします");
    await t.say("毎週 土曜 10:00");
    expect(storedState(t).profile.action?.due).toBe("2026-12-10");
    expect(storedState(t).profile.reminder?.schedule).toEqual({ kind: "weekly", weekdays: [6], time: "10:00" });

    t.advanceDays(1);
    await t.say("リマインダー");
    await t.say("平日の夜9時がいいです");
    expect(storedState(t).profile.reminder?.schedule).toEqual({ kind: "weekly", weekdays: [1, 2, 3, 4, 5], time: "21:00" });

    await t.say("リマインダーを毎日7時半にしたいです");
    await t.tap("朝 7:30");
    expect(storedState(t).profile.reminder?.schedule).toEqual({ kind: "daily", time: "07:30" });

    await t.say("リマインダー");
    await t.say("日曜がいいです");
    await t.say("２１時で");
    expectGolden("typed-reminder", t.text());

    expect(storedState(t).profile.reminder).toEqual({
      schedule: { kind: "weekly", weekdays: [0], time: "21:00" },
      nextAt: "2026-11-29T12:00:00.000Z",
    });
    const moments = (t.store.entries.get(TYPING_USER) ?? []).map(({ entry }) => entry).filter((entry) => entry.kind === "thanks");
    expect(moments).toEqual([expect.objectContaining({ text: "電車で席をゆずったら、ありがとうと言われました", source: "everyday" })]);
    expect(botTexts(t).flatMap(grammarFaults)).toEqual([]);
  });
});
