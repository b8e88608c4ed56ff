/**
 * A consultant's live hand-over over real HTTP, against the Firestore emulator and the LINE
 * stand-in: taking over by button and by typing, the bot's silence, each way back, who may
 * take over, two operators at once, LINE's redelivery, and the idle sweep.
 */
import { answerData, operatorData } from "../../src/dialogue";
import { createLineGateway } from "../../src/line/client";
import type { Logger } from "../../src/log";
import { endIdleHandovers } from "../../src/jobs/handovers";
import { createFirestoreHandoverStore } from "../../src/store/handover-store";
import { handoverCode } from "../../src/store/user-document";
import { postback, redelivered, text, userId } from "../helpers/events";
import { clientAskingForHelp, lineUser, type LineUser } from "../helpers/line-user";
import { useStack } from "../helpers/stack";
import { storedState } from "../helpers/stored-user";

const NOW = new Date("2026-11-24T10:00:00+09:00");
const OPERATOR_A = `U${"a".repeat(32)}`;
const OPERATOR_B = `U${"b".repeat(32)}`;
const stack = useStack({ now: () => NOW, operatorLineIds: [OPERATOR_A, OPERATOR_B], bookingUrl: "https://example.com/booking" });
const silent: Logger = { info: () => {}, warn: () => {}, error: () => {} };

/** A user who consented, answered やりがい度 and asked for a consultant at the next question. */
const askingForHelp = (): Promise<LineUser> => clientAskingForHelp(stack(), userId());

/** Every message the bot sent to `id` (replies and pushes), as JSON text. */
function sentTo(id: string): string[] {
  return stack()
    .messagesTo(id)
    .map((message) => JSON.stringify(message));
}

function pushesTo(id: string) {
  return stack()
    .line.sent()
    .filter((batch) => batch.kind === "push" && batch.to.includes(id));
}

function sweep(at: Date) {
  const line = createLineGateway({ channelAccessToken: stack().channelAccessToken, baseURL: stack().line.url });
  return endIdleHandovers(at, { store: createFirestoreHandoverStore(stack().db), line, log: silent });
}

describe("a consultant's hand-over", () => {
  it("is offered to the operators with buttons, taken by a tap, and keeps the bot quiet until 終了", async () => {
    const user = await askingForHelp();
    const code = handoverCode(user.id);
    const notice = sentTo(OPERATOR_A).join("\n");
    expect(notice).toContain(code);
    expect(notice).toContain(operatorData("take", code));
    expect(notice).toContain(operatorData("decline", code));

    const operator = lineUser(stack(), OPERATOR_A);
    await operator.tapData(operatorData("take", code));
    expect(JSON.stringify(operator.lastReply())).toContain(`終了 ${code}`);
    expect(sentTo(user.id).at(-1)).toContain("担当のキャリアコンサルタントにつながりました");
    expect((await storedState(stack().db, user.id)).handover).toMatchObject({ status: "active", operator: OPERATOR_A });

    const before = stack().messagesTo(user.id).length;
    await user.say("よろしくお願いします。会議で意見が通らなくて悩んでいます");
    await user.say("WILL");
    expect(stack().messagesTo(user.id)).toHaveLength(before);
    await user.say("ヘルプ");
    expect(JSON.stringify(user.lastReply())).toContain("いまは担当のキャリアコンサルタントが、このトークでお返事します");
    const quiet = await storedState(stack().db, user.id);
    // The question set aside at 送る waits while the consultant talks.
    expect(quiet.step.type).toBe("resting");
    expect(quiet.paused).toEqual({ type: "awaitingMoyamoya" });
    expect(JSON.stringify(quiet)).not.toContain("会議で意見が通らなくて");

    await user.say("データ確認");
    expect(JSON.stringify(user.lastReply())).toContain("引き続き、このトークで担当者がお返事します");

    await operator.say(`終了 ${code}`);
    expect(JSON.stringify(operator.lastReply())).toContain("対応を終了し");
    const back = pushesTo(user.id).at(-1);
    expect(JSON.stringify(back?.messages)).toContain("担当者とのお話が終わりました");
    expect(JSON.stringify(back?.messages)).toContain("おつかれさまでした。続きは気が向いたときに");
    expect(JSON.stringify(back?.messages)).not.toContain("しっくりこない");
    // The choice came in a push, so it is tapped by its data.
    await user.tapData(answerData("cont", "continue"));
    await user.say("会議で意見が通らないときです");
    expect((await storedState(stack().db, user.id)).step.type).toBe("awaitingThanksMoment");
  });

  it("cannot be taken by someone who is not an operator, by button or by typing", async () => {
    const user = await askingForHelp();
    const code = handoverCode(user.id);
    const stranger = lineUser(stack(), userId());
    await stranger.follow();
    await stranger.tapData(operatorData("take", code));
    await stranger.say(`対応 ${code}`);
    expect(JSON.stringify(stranger.lastReply())).not.toContain(code);
    expect((await storedState(stack().db, user.id)).handover).toMatchObject({ status: "requested" });
    expect(sentTo(user.id).join("\n")).not.toContain("つながりました");
  });

  it("goes to the first of two operators who take it at once; the second is told", async () => {
    const user = await askingForHelp();
    const code = handoverCode(user.id);
    const statuses = await Promise.all([
      stack().send(postback(OPERATOR_A, operatorData("take", code))),
      stack().send(text(OPERATOR_B, `対応 ${code}`)),
    ]);
    expect(statuses).toEqual([200, 200]);
    const winner = (await storedState(stack().db, user.id)).handover;
    expect(winner?.status).toBe("active");
    const loser = winner?.status === "active" && winner.operator === OPERATOR_A ? OPERATOR_B : OPERATOR_A;
    expect(sentTo(loser).at(-1)).toContain("別の担当者がすでに対応しています");
    expect(sentTo(user.id).filter((message) => message.includes("つながりました"))).toHaveLength(1);
  });

  it("changes nothing when LINE redelivers the take-over", async () => {
    const user = await askingForHelp();
    const take = postback(OPERATOR_A, operatorData("take", handoverCode(user.id)));
    expect(await stack().send(take)).toBe(200);
    const calls = stack().line.sent().length;
    const stored = await storedState(stack().db, user.id);
    expect(await stack().send(redelivered(take))).toBe(200);
    expect(stack().line.sent()).toHaveLength(calls);
    expect(await storedState(stack().db, user.id)).toEqual(stored);
  });

  it("ends when the user says ボットに戻る or deletes their data, and the consultant is told each time", async () => {
    const user = await askingForHelp();
    const code = handoverCode(user.id);
    const operator = lineUser(stack(), OPERATOR_A);
    await operator.say(`対応 ${code}`);
    await user.say("ボットに戻る");
    expect(JSON.stringify(user.lastReply())).toContain("ボットに戻りました");
    expect(JSON.stringify(pushesTo(OPERATOR_A).at(-1)?.messages)).toContain("「ボットに戻る」を選んだ");

    await user.say("相談したい");
    await user.tap("スキップ");
    await user.tap("WILLのまとめだけ");
    await user.tap("送る");
    await operator.say(`対応 ${code}`);
    await user.say("データ削除");
    await user.tap("削除する");
    expect(JSON.stringify(user.lastReply())).toContain("すべての記録を削除しました");
    expect(JSON.stringify(pushesTo(OPERATOR_A).at(-1)?.messages)).toContain("データを削除したため");
    expect((await stack().db.collection("users").doc(user.id).get()).exists).toBe(false);
  });

  it("ends after two quiet days by the sweep, once, even when two sweeps run at once", async () => {
    const user = await askingForHelp();
    await lineUser(stack(), OPERATOR_A).say(`対応 ${handoverCode(user.id)}`);
    expect((await sweep(new Date(NOW.getTime() + 47 * 3_600_000))).ended).toBe(0);

    const later = new Date(NOW.getTime() + 49 * 3_600_000);
    const [first, second] = await Promise.all([sweep(later), sweep(later)]);
    expect(first.idle + second.idle).toBeGreaterThanOrEqual(1);
    expect(first.failed + second.failed).toBe(0);
    const backNotices = pushesTo(user.id).filter((batch) => JSON.stringify(batch.messages).includes("しばらくやりとりがなかった"));
    expect(backNotices).toHaveLength(1);
    const operatorNotices = pushesTo(OPERATOR_A).filter((batch) => JSON.stringify(batch.messages).includes("48時間なかった"));
    expect(operatorNotices).toHaveLength(1);
    expect((await storedState(stack().db, user.id)).handover).toBeNull();
    expect(await sweep(new Date(later.getTime() + 3_600_000))).toMatchObject({ idle: 0, ended: 0 });
  });

  it("answers an unknown code and a code with no request plainly", async () => {
    const operator = lineUser(stack(), OPERATOR_A);
    await operator.say("対応 0000ABCD");
    expect(JSON.stringify(operator.lastReply())).toContain("見つかりませんでした");
    const user = await askingForHelp();
    await operator.tapData(operatorData("decline", handoverCode(user.id)));
    expect(sentTo(user.id).join("\n")).toContain("https://example.com/booking");
    await operator.say(`終了 ${handoverCode(user.id)}`);
    expect(JSON.stringify(operator.lastReply())).toContain("いま対応中ではありません");
  });
});

describe("a consultant's request when the paired consultants cannot be read", () => {
  const unreadable = useStack({
    now: () => NOW,
    operatorLineIds: [OPERATOR_A],
    wrapConsultants: (consultants) => ({
      ...consultants,
      operatorIds: () => Promise.reject(new Error("the consultants could not be read")),
    }),
  });

  it("still reaches the configured consultant and answers the user: the request, already stored, is not lost", async () => {
    const user = await clientAskingForHelp(unreadable(), userId());
    const pushed = unreadable()
      .line.sent()
      .filter((batch) => batch.kind === "push" && batch.to.includes(OPERATOR_A));
    expect(JSON.stringify(pushed)).toContain(handoverCode(user.id));
    expect(user.lastReply()).not.toEqual([]);
  });
});
