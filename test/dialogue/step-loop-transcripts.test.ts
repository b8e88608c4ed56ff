/**
 * The golden transcript of the learning loop (issue 21, item 6): at the step's date the follow-up
 * asks how it went and a typed 「できました！」 leads on to how it felt and who reacted; at the next
 * check-ins 「半分くらい」 does too, and that earlier step is recalled in one line at the WILL
 * question; 「まだです、すみません」 is met without blame and leads to a smaller step; 記録を見る
 * shows the steps as a timeline. Read a changed file as the client would on a phone and as a
 * career consultant would; regenerate with `UPDATE_GOLDEN=1 npx jest test/dialogue/step-loop-transcripts`.
 */
import { sendDueFollowUps } from "../../src/jobs/follow-ups";
import type { Logger } from "../../src/log";
import type { NewEntry } from "../../src/model/entry";
import { createMemoryFollowUpStore } from "../../src/store/follow-up-store";
import { grammarFaults } from "../helpers/grammar";
import { botTexts, storedState } from "../helpers/persona-run";
import { createTranscript, expectGolden, startFirstSession, type Transcript } from "../helpers/transcript";

const LOOP_USER = `U${"7".repeat(32)}`;
const tokyo = (wallClock: string) => new Date(`${wallClock}+09:00`);
const silent: Logger = { info: () => {}, warn: () => {}, error: () => {} };
const PASS = "定期実行：リマインダーとフォローアップ";

const followUpPass = (t: Transcript) => (now: Date) =>
  sendDueFollowUps(now, { store: createMemoryFollowUpStore(t.store.documents), line: t.gateway, log: silent, sleep: async () => {} });

const stepEntries = (t: Transcript): NewEntry[] =>
  (t.store.entries.get(t.userId) ?? []).map(({ entry }) => entry).filter((entry) => entry.kind === "step");

describe("golden learning loop", () => {
  it("a step's outcome, feeling and reaction are asked, stored, recalled at the next check-in and shown as a timeline", async () => {
    const t = createTranscript({ userId: LOOP_USER });
    await t.offRecord(
      "最初のふり返りを終え、一歩「仕事の経験を文章に書く」を今週中に。リマインダーはなしで、その日に一度だけ様子を聞いてほしいと頼んだユーザー",
      async () => {
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
        await t.tap("仕事の経験を文章に書く");
        await t.tap("今週中");
        await t.tap("いらない");
        await t.tap("お願いします");
      },
    );
    t.advanceTo(tokyo("2026-11-29T19:00"));
    await t.runJob(PASS, followUpPass(t));
    t.advanceTo(tokyo("2026-11-29T21:40"));
    await t.say("できました！");
    await t.say("ちょっと緊張したけどよかった");
    await t.say("えっと");
    await t.say("同僚が、読みやすかったと言ってくれました");
    await t.tap("次の一歩を決める");
    await t.tap("学生のキャリア教育に参加する");
    await t.tap("今月中");
    await t.tap("なくて大丈夫");

    t.advanceTo(tokyo("2026-12-06T20:30"));
    await t.say("ふりかえり");
    await t.tap("4");
    await t.tap("なかった");
    await t.say("半分くらい");
    await t.say("楽しかったです");
    await t.say("特にないです");
    await t.tap("つながっている");

    t.advanceTo(tokyo("2026-12-13T20:30"));
    await t.say("ふりかえり");
    await t.tap("3");
    await t.tap("なかった");
    await t.say("まだです、すみません");
    await t.tap("少し");
    await t.tap("もっと小さな一歩にする");
    await t.tap("今月中");
    await t.tap("お願いします");
    await t.say("記録を見る");
    expectGolden("step-learning-loop", t.text());

    expect(stepEntries(t)).toEqual([
      expect.objectContaining({
        action: "仕事の経験を文章に書く",
        status: "done",
        feeling: "ちょっと緊張したけどよかった",
        reaction: "同僚が、読みやすかったと言ってくれました",
      }),
      expect.objectContaining({ action: "学生のキャリア教育に参加する", status: "partly", feeling: "楽しかった", reaction: null }),
      expect.objectContaining({ action: "学生のキャリア教育に参加する", status: "notYet", feeling: null, reaction: null }),
    ]);
    const state = storedState(t);
    expect(state.profile.action?.text).toBe("NPOの募集を1件調べる");
    expect(state.profile.steps.map((step) => step.recalled === true)).toEqual([true, true, false]);
    expect(botTexts(t).filter((text) => text.startsWith("前回の一歩"))).toHaveLength(2);
    expect(botTexts(t).flatMap(grammarFaults)).toEqual([]);
  });
});
