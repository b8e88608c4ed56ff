/**
 * The golden transcript of the small step (issue 21, item 5): a nurse whose WILL is about
 * patients is offered steps about care, each with its first 15 minutes, framed as activities that
 * need no side-job permission; she types a step of her own that says neither when nor where, is
 * asked 「いつ・どこで？」 once, and her answer joins the step. Read a changed file as the client
 * would on a phone and as a career consultant would; regenerate with
 * `UPDATE_GOLDEN=1 npx jest test/dialogue/step-transcripts`.
 */
import { grammarFaults } from "../helpers/grammar";
import { botTexts, storedState } from "../helpers/persona-run";
import { createTranscript, expectGolden, startFirstSession } from "../helpers/transcript";

const STEP_USER = `U${"5".repeat(32)}`;

describe("golden small steps", () => {
  it("a typed step without when or where is asked 「いつ・どこで？」 once, and the answer joins the step", async () => {
    const t = createTranscript({ userId: STEP_USER });
    await t.offRecord("最初のふり返りを、患者さんに「ありがとう」と言われたいというWILLの案まで進めたユーザー", async () => {
      await startFirstSession(t);
      await t.tap("3");
      await t.tap("スキップ");
      await t.say("入院中の患者さんに、退院後の生活の不安を聞いて、一緒に準備を考えたら、ありがとうと言われました");
      await t.tap("ほっとした");
      await t.say("話をさえぎらずに聞いて、できることを一つずつ書き出しました");
      await t.tap("次へ");
      await t.tap("人の役に立つ");
      await t.tap("決定");
      await t.say("患者さんとそのご家族");
      await t.say("不安なときに、安心して話せる相手になること");
    });
    await t.tap("①にする");
    const offered = t.choices();
    await t.say("患者さんの家族の話を聞く活動をしてみたい");
    await t.say("月に一度、土曜の午後に地域の家族会で");
    await t.tap("今月中");
    expectGolden("step-when-where", t.text());

    expect(offered).not.toContain("友人の悩みを聞く時間をつくる");
    expect(offered[0]).toBe("患者会や家族会を手伝う");
    expect(storedState(t).profile.action?.text).toBe("月に一度、土曜の午後に地域の家族会で、患者さんの家族の話を聞く活動をしてみたい");
    expect(botTexts(t).filter((text) => text.includes("いつ・どこで"))).toHaveLength(1);
    expect(botTexts(t).flatMap(grammarFaults)).toEqual([]);
  });
});
