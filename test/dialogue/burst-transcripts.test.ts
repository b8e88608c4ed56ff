/**
 * The golden transcript of a client who types as people do in LINE (issue 21, item 11): 「えっと」
 * before an answer, an answer sent in two parts, corrections right after an answer or a little
 * later (「いや、やっぱり…」「すみません、さっきのは間違いです。正しくは…」「あ、違いました」
 * 「〜じゃなくて…」), and 「ちょっと考えます」 while a question waits. Read a changed file as the
 * client would on a phone and as a career consultant would; regenerate with
 * `UPDATE_GOLDEN=1 npx jest test/dialogue/burst-transcripts`.
 */
import { grammarFaults, unbalancedBrackets } from "../helpers/grammar";
import { botTexts, storedState } from "../helpers/persona-run";
import { createTranscript, expectGolden, startFirstSession } from "../helpers/transcript";

const BURST_USER = `U${"e".repeat(32)}`;

describe("golden messages in a row", () => {
  it("fillers, answers in parts and corrections leave exactly the corrected answers stored", async () => {
    const t = createTranscript({ userId: BURST_USER });
    await startFirstSession(t);
    const replies = (): number => t.gateway.calls.filter((call) => call.kind === "reply").length;
    const before = replies();
    await t.sayInRow(["えっと", "3くらいですかね", "いや、やっぱり2です"]);
    // Three messages, one answer: the filler's and the first answer's replies are left unsent.
    expect(replies() - before).toBe(1);
    await t.say("うーん");
    await t.say("仕様が毎週変わって、終わりが見えないです");
    await t.say("すみません、さっきのは間違いです。正しくは、会議が多くて自分の作業が進まないことです");
    await t.sayInRow(["えっと", "新人の頃、後輩に資料の作り方を教えたら", "ありがとうと言われました"]);
    await t.say("ちょっと考えます");
    await t.tap("うれしかった");
    await t.say("資料の作り方を一緒に確認しました");
    await t.say("あ、違いました");
    await t.say("手順を紙にまとめて、一緒に作ってみました");
    await t.tap("次へ");
    await t.offRecord("価値観に「誰かの成長を支える」と「教える・伝える」を選んで決定", async () => {
      await t.tap("★ 誰かの成長を支える");
      await t.tap("★ 教える・伝える");
      await t.tap("決定");
    });
    await t.say("新人さん");
    await t.say("新人さんじゃなくて、チームの後輩たちです");
    await t.say("仕事の段取りを教えること");
    await t.say("訂正です。困ったときに気軽に相談できる場をつくることです");
    expectGolden("correction-in-a-row", t.text());

    const state = storedState(t);
    expect(state.draft?.workScore).toBe(2);
    expect(state.draft?.moments).toEqual([
      {
        text: "新人の頃、後輩に資料の作り方を教えたら、ありがとうと言われました",
        source: "thanked",
        feeling: "うれしかった",
        deed: "手順を紙にまとめて、一緒に作ってみました",
      },
    ]);
    expect(state.draft?.willWho).toBe("チームの後輩たちです");
    expect(state.draft?.willWhat).toBe("困ったときに気軽に相談できる場をつくることです");
    const entries = (t.store.entries.get(BURST_USER) ?? []).map(({ entry }) => entry);
    expect(entries).toEqual([
      expect.objectContaining({ kind: "workScore", score: 2, note: "会議が多くて自分の作業が進まないことです" }),
      expect.objectContaining({ kind: "thanks", deed: "手順を紙にまとめて、一緒に作ってみました" }),
    ]);
    expect(botTexts(t).flatMap(grammarFaults)).toEqual([]);
    expect(botTexts(t).filter((text) => unbalancedBrackets(text) > 0)).toEqual([]);
  });
});
