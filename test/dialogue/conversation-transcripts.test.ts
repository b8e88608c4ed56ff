/**
 * Golden transcripts of the conversation as a client meets it: a crisis in the middle of the
 * first session, polite answers at every question, six personas' whole first sessions (the
 * pharmacist tells deeds in the thanker's words), and a ありがとう記録 that asks what the user did.
 * Read a changed file as a client on a phone and as a career consultant would; regenerate an
 * intended change with `UPDATE_GOLDEN=1 npx jest test/dialogue/conversation-transcripts`.
 */
import { fill, messages } from "../../src/dialogue/content";
import { acuteResources } from "../../src/dialogue/content/safety";
import { personas } from "../corpus/personas";
import { grammarFaults, thankersWordsAsStrength, unbalancedBrackets } from "../helpers/grammar";
import { botTexts, runPersona, storedState } from "../helpers/persona-run";
import { createTranscript, expectGolden, startFirstSession } from "../helpers/transcript";

const CRISIS_USER = `U${"7".repeat(32)}`;
const POLITE_USER = `U${"8".repeat(32)}`;
const THANKS_USER = `U${"9".repeat(32)}`;
const DISTRESS_USER = `U${"6d".repeat(16)}`;

describe("golden conversations", () => {
  it("a crisis in the middle of the first session: the lines to call, the question kept, and how they are asked on return", async () => {
    const t = createTranscript({ userId: CRISIS_USER });
    await startFirstSession(t);
    await t.say("1です");
    await t.say("毎日怒鳴られて、もう限界です。眠れない日が続いています");
    await t.say("思いつかないです");
    await t.say("正直、もう消えてしまいたいです");
    const sent = JSON.stringify(t.gateway.calls.filter((call) => call.kind === "reply").at(-1)?.messages);
    for (const resource of acuteResources) if (resource.tel) expect(sent).toContain(`tel:${resource.tel}`);
    await t.say("ありがとう");
    await t.tap("今日はここまで");
    await t.tap("いいえ、大丈夫です");
    t.advanceDays(1);
    await t.say("はじめる");
    await t.tap("少し楽になった");
    expectGolden("crisis-mid-session", t.text());

    const state = storedState(t);
    expect(state.step.type).toBe("awaitingThanksAlternative");
    expect(state.draft?.workScore).toBe(1);
    expect(botTexts(t).flatMap(grammarFaults)).toEqual([]);
  });

  it("distress at the もやもや question: the answer is taken, said back whole, and the session goes on", async () => {
    const t = createTranscript({ userId: DISTRESS_USER });
    await startFirstSession(t);
    await t.tap("2");
    await t.say("毎日怒鳴られて、もう限界です。眠れない日が続いています");
    expect(t.choices()).toEqual(["思いつかない", "相談先を見る"]);
    await t.tap("相談先を見る");
    await t.say("新人さんに仕事の段取りを教えたら、助かりましたと言われました");
    await t.tap("ほっとした");
    await t.say("手順を紙にまとめて渡しました。でも最近は疲れ果てていて、うまく教えられている自信がないです");
    expectGolden("distress-at-moyamoya", t.text());

    const state = storedState(t);
    expect(state.step.type).toBe("awaitingMoreMoments");
    expect(state.draft?.moments.map((moment) => moment.deed)).toEqual([
      "手順を紙にまとめて渡しました。でも最近は疲れ果てていて、うまく教えられている自信がないです",
    ]);
    const entries = (t.store.entries.get(DISTRESS_USER) ?? []).map(({ entry }) => entry);
    expect(entries).toContainEqual(
      expect.objectContaining({ kind: "workScore", note: "毎日怒鳴られて、もう限界です。眠れない日が続いています" }),
    );
    // The line to work-related help comes once in the session, with the first message of distress only.
    const line = fill(messages["care.helpLine"], { name: "こころの耳", contact: "" }).split("\n")[0] ?? "";
    expect(botTexts(t).filter((text) => text.includes(line))).toHaveLength(1);
    expect(botTexts(t).flatMap(grammarFaults)).toEqual([]);
  });

  it("polite answers at every question are understood as the client meant them", async () => {
    const t = createTranscript({ userId: POLITE_USER });
    await startFirstSession(t);
    await t.say("3です");
    await t.say("特にないです。");
    await t.say("思いつかないです");
    await t.tap("日常の小さなこと");
    await t.say("コンビニで道を聞かれて、案内したらお礼を言われました");
    await t.say("うれしかったです");
    await t.say("地図アプリを見せながら、一緒に行き方を確認しました");
    await t.say("もうないです");
    await t.say("人の役に立つです");
    await t.say("誠実さ");
    await t.say("決定です");
    await t.say("わからないです");
    await t.say("困っている人を助けること");
    await t.say("いいと思います");
    await t.tap("自分で決める");
    await t.say("週末に地域の清掃ボランティアに参加する");
    await t.say("来週の土曜");
    await t.say("9時");
    await t.say("朝です");
    await t.say("土曜");
    expectGolden("polite-answers", t.text());

    const state = storedState(t);
    expect(state.profile.completedFirstSession).toBe(true);
    expect(state.profile.ownValues).toEqual(["誠実さ"]);
    expect(state.profile.action?.due).toBe("2026-12-05");
    expect(state.profile.reminder?.schedule).toEqual({ kind: "weekly", weekdays: [6], time: "09:00" });
    expect(botTexts(t).flatMap(grammarFaults)).toEqual([]);
  });

  const GOLDEN_PERSONAS = ["nurse", "sales", "engineer", "returning-parent", "civil-servant", "pharmacist"];
  it.each(GOLDEN_PERSONAS)("the %s persona's first session", async (name) => {
    const persona = personas.find((p) => p.name === name);
    if (persona === undefined) throw new Error(`no persona named ${name} in test/corpus/personas.ts`);
    const t = createTranscript({ userId: `U${String(GOLDEN_PERSONAS.indexOf(name) + 1).repeat(32)}` });
    await runPersona(t, persona);
    expectGolden(`persona-${name}`, t.text());
    expect(botTexts(t).flatMap(grammarFaults)).toEqual([]);
  });

  it("ありがとう記録 asks what the user did, once more when the answer is the thanker's words, and reflects it in their voice", async () => {
    const t = createTranscript({ userId: THANKS_USER });
    const sales = personas.find((p) => p.name === "sales-assistant");
    if (sales === undefined) throw new Error("no persona named sales-assistant in test/corpus/personas.ts");
    await t.offRecord("最初のふり返りを終えたユーザー", async () => void (await runPersona(t, sales)));
    await t.say("ありがとう記録");
    await t.say("取引先から、急ぎの見積もりが助かりましたって電話があった");
    await t.tap("ほっとした");
    await t.say("早く出してくれて助かったって言ってくれた");
    await t.say("朝イチで単価を確認して、先に見積もりを出しておきました");
    expectGolden("thanks-record", t.text());

    const messages = botTexts(t);
    expect(messages.flatMap(grammarFaults)).toEqual([]);
    expect(messages.filter(thankersWordsAsStrength)).toEqual([]);
    expect(messages.filter((message) => unbalancedBrackets(message) > 0)).toEqual([]);
    const thanks = (t.store.entries.get(THANKS_USER) ?? [])
      .map(({ entry }) => entry)
      .filter((entry) => entry.kind === "thanks")
      .at(-1);
    expect(thanks).toMatchObject({ feeling: "ほっとした", deed: "朝イチで単価を確認して、先に見積もりを出しておきました" });
  });
});
