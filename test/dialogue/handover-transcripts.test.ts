/**
 * Golden transcripts of a live hand-over, the user's side and the consultant's side in one
 * text: 相談したい mid-session, the consultant taking over, the bot keeping silent, and each
 * way back to the bot (the consultant's 終了, the user's ボットに戻る, two quiet days).
 */
import { handoverCode } from "../../src/store/user-document";
import { createTranscript, expectGolden, OPERATOR_ID, startFirstSession, type Transcript } from "../helpers/transcript";

const USER = `U${"4a0d".repeat(8)}`;

/** Starts the first session, answers the first question and asks for a consultant at the second. */
async function askForConsultant(t: Transcript): Promise<void> {
  await t.offRecord("同意して最初のふり返りをはじめ、やりがい度に2と答えたユーザー", async () => {
    await startFirstSession(t);
    await t.tap("2");
  });
  await t.say("相談したい");
  await t.tap("スキップ");
  await t.tap("WILLのまとめだけ");
  await t.tap("送る");
}

function pushesTo(t: Transcript, target: string) {
  return t.gateway.calls.filter((call) => call.kind === "push" && call.target === target);
}

describe("hand-over transcripts", () => {
  it("the consultant takes over, the bot keeps quiet, and after 終了 the user goes back to their question when they choose", async () => {
    const t = createTranscript({ userId: USER });
    await askForConsultant(t);
    await t.operatorTap("対応する");
    const repliesBefore = t.gateway.calls.length;
    await t.say("よろしくお願いします。最近、仕事に行くのがしんどくて");
    await t.sticker();
    expect(t.gateway.calls.length).toBe(repliesBefore);
    await t.say("データ確認");
    await t.operatorSays(`終了 ${handoverCode(USER)}`);
    await t.tap("ふり返りを続ける");
    await t.say("会議で意見が通らないときです");
    expectGolden("handover-consultant-ends", t.text());
    // Nothing the user said to the consultant was stored as an answer.
    const state = JSON.stringify(t.store.documents.get(USER)?.state);
    expect(state).not.toContain("しんどくて");
  });

  it("the user goes back to the bot with ボットに戻る, and the consultant is told", async () => {
    const t = createTranscript({ userId: USER });
    await askForConsultant(t);
    await t.operatorSays(`対応 ${handoverCode(USER).toLowerCase()}`);
    await t.say("ありがとうございました。話せてすっきりしました");
    await t.say("ボットに戻る");
    expectGolden("handover-user-returns", t.text());
    expect(pushesTo(t, OPERATOR_ID).map((call) => JSON.stringify(call.messages))).toEqual([
      expect.stringContaining("相談の希望が届きました"),
      expect.stringContaining("ボットに戻る"),
    ]);
  });

  it("two quiet days end the hand-over: the next message is answered by the bot again", async () => {
    const t = createTranscript({ userId: USER });
    await askForConsultant(t);
    await t.operatorTap("対応する");
    await t.say("今日はありがとうございました");
    t.advanceTo(new Date(t.now().getTime() + 49 * 3_600_000));
    await t.say("会議で意見が通らないときです");
    expectGolden("handover-idle", t.text());
  });

  it("the consultant declines: the user is told kindly and the bot goes on", async () => {
    const t = createTranscript({ userId: USER });
    await askForConsultant(t);
    await t.operatorTap("見送る");
    await t.operatorSays(`対応 ${handoverCode(USER)}`);
    await t.say("会議で意見が通らないときです");
    expectGolden("handover-declined", t.text());
  });
});

describe("crisis escalation transcripts (ESCALATE_CRISIS on)", () => {
  it("offers contact by the consultant after the acute reply, and tells the operator the 受付番号 only on yes", async () => {
    const t = createTranscript({ userId: USER, escalateCrisis: true });
    await t.offRecord("同意して最初のふり返りをはじめたユーザー", () => startFirstSession(t));
    await t.say("もう消えたい。死にたいです");
    expect(pushesTo(t, OPERATOR_ID)).toEqual([]);
    await t.tap("連絡してほしい");
    await t.tap("今日はここまで");
    expectGolden("crisis-escalation", t.text());
    const pushed = JSON.stringify(pushesTo(t, OPERATOR_ID).map((call) => call.messages));
    expect(pushed).toContain(handoverCode(USER));
    expect(pushed).not.toContain("消えたい");
    expect(pushed).not.toContain("死にたい");
    expect(t.store.documents.get(USER)?.state).toMatchObject({ tally: { escalations: 1 } });
  });

  it("見送る on a crisis request: the user gets the lines again and an honest time, never a booking link, and the consultant is told", async () => {
    const t = createTranscript({ userId: USER, escalateCrisis: true, replyHours: 24 });
    await t.offRecord("同意して最初のふり返りをはじめたユーザー", () => startFirstSession(t));
    await t.say("もう消えたい。死にたいです");
    await t.tap("連絡してほしい");
    await t.operatorTap("見送る");
    await t.tap("今日はここまで");
    await t.tap("いいえ、大丈夫です");
    expectGolden("crisis-escalation-declined", t.text());
    const [notice, decline] = pushesTo(t, OPERATOR_ID).map((call) => JSON.stringify(call.messages));
    expect(notice).toContain("自殺を考えている様子");
    expect(notice).toContain("24時間以内");
    expect(notice).not.toContain("死にたい");
    expect(decline).toBeUndefined();
    const toUser = JSON.stringify(pushesTo(t, USER).map((call) => call.messages));
    expect(toUser).not.toContain("予約");
    expect(toUser).not.toContain("https://example.com/booking");
    expect(toUser).toContain("tel:0120783556");
    expect(toUser).toContain("24時間以内");
    expect(t.store.documents.get(USER)?.state).toMatchObject({ handover: null, tally: { escalations: 1 } });
  });

  it("offers nothing when the operator has not turned it on", async () => {
    const t = createTranscript({ userId: USER });
    await t.offRecord("同意して最初のふり返りをはじめたユーザー", () => startFirstSession(t));
    await t.say("もう消えたい。死にたいです");
    expect(t.choices()).toEqual(["続ける", "今日はここまで"]);
  });
});
