/**
 * Golden transcripts of issue 21's items 9 and 10: 相談したい with what the person wants to talk
 * about, the bot after the consultant hands them back, a user back after days whose answer is
 * taken with a line on where they were, and a tired user offered a rest.
 */
import { handoverCode } from "../../src/store/user-document";
import { createTranscript, expectGolden, OPERATOR_ID, startFirstSession } from "../helpers/transcript";

const CONSULTING_USER = `U${"7c".repeat(16)}`;
const RETURNING_USER = `U${"8d".repeat(16)}`;
const TIRED_USER = `U${"9e".repeat(16)}`;
const TOPIC = "いまの会社で続けるか、転職するか迷っています";

describe("consultation and return transcripts", () => {
  it("相談したい asks what to talk about, names all it sends, lets the user wait, and after the hand-back does not ask at once", async () => {
    const t = createTranscript({ userId: CONSULTING_USER });
    await t.offRecord("同意して最初のふり返りをはじめ、やりがい度に2と答えたユーザー", async () => {
      await startFirstSession(t);
      await t.tap("2");
    });
    await t.say("相談したい");
    await t.say(TOPIC);
    await t.tap("最近の記録も");
    await t.tap("送る");
    await t.tap("待つ");
    await t.operatorTap("対応する");
    await t.say("よろしくお願いします");
    await t.operatorSays(`終了 ${handoverCode(CONSULTING_USER)}`);
    await t.tap("ふり返りを続ける");
    expectGolden("consult-with-topic", t.text());

    const toOperator = t.gateway.calls.filter((call) => call.kind === "push" && call.target === OPERATOR_ID);
    const notice = JSON.stringify(toOperator[0]?.messages);
    expect(notice).toContain(TOPIC);
    expect(notice).toContain("LINEの表示名：テストユーザー");
    expect(JSON.stringify(t.logs)).not.toContain("迷っています");
    expect(t.store.documents.get(CONSULTING_USER)?.state).toMatchObject({ step: { type: "awaitingMoyamoya" }, paused: null });
  });

  it("a user back after five days has their answer taken, after one line on the scene they were telling", async () => {
    const t = createTranscript({ userId: RETURNING_USER });
    await t.offRecord("同意して最初のふり返りをはじめ、やりがい度とひとつ目の場面に答えたユーザー", async () => {
      await startFirstSession(t);
      await t.tap("4");
      await t.tap("スキップ");
      await t.say("取引先の方から、いつも丁寧に対応してくれてありがとうと言われました");
      await t.tap("ほっとした");
      await t.say("問い合わせに、その日のうちに返事をするようにしていました");
      await t.tap("もう一つ");
    });
    await t.say("部署の飲み会の幹事をしたら、みんなに楽しかったと言ってもらえました");
    t.advanceDays(5);
    await t.say("ちょっと照れくさかったです");
    await t.say("参加しやすいように、みんなの予定を聞いて日程を決めました");
    expectGolden("return-recap", t.text());

    const state = t.store.documents.get(RETURNING_USER)?.state as { draft: { moments: { feeling: string | null }[] } };
    expect(state.draft.moments.at(-1)?.feeling).toBe("ちょっと照れくさかったです");
  });

  it("a tired user who finds nothing three times in a row is offered a rest, and can rest with the question kept", async () => {
    const t = createTranscript({ userId: TIRED_USER });
    await t.offRecord("同意して最初のふり返りをはじめ、やりがい度に2と答えたユーザー", async () => {
      await startFirstSession(t);
      await t.tap("2");
    });
    await t.say("特にないです");
    await t.tap("思いつかない");
    await t.say("とくに思い浮かばないです");
    await t.tap("ここで休む");
    t.advanceDays(1);
    await t.say("はじめる");
    expectGolden("tired-user", t.text());
  });
});
