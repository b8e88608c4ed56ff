/**
 * Crisis escalation over real HTTP, with ESCALATE_CRISIS on: the consultants hear of a user
 * in crisis only when the user agrees, and then only the 受付番号, never the words.
 */
import { operatorData } from "../../src/dialogue";
import { handoverCode } from "../../src/store/user-document";
import { userId } from "../helpers/events";
import { lineUser, type LineUser } from "../helpers/line-user";
import { useStack } from "../helpers/stack";
import { storedState } from "../helpers/stored-user";

const OPERATOR = `U${"e".repeat(32)}`;
const BOOKING_URL = "https://example.com/booking";
const stack = useStack({ operatorLineIds: [OPERATOR], escalateCrisis: true, bookingUrl: BOOKING_URL, handoverReplyHours: 24 });
const CRISIS = "もう限界です。消えてしまいたい";

async function userInCrisis(): Promise<LineUser> {
  const user = lineUser(stack(), userId());
  await user.follow();
  await user.tap("同意してはじめる");
  await user.tap("いまはじめる");
  await user.say(CRISIS);
  return user;
}

function pushesTo(id: string): string[] {
  return stack()
    .line.sent()
    .filter((batch) => batch.kind === "push" && batch.to.includes(id))
    .map((batch) => JSON.stringify(batch.messages));
}

function pushesToOperator(): string[] {
  return stack()
    .line.sent()
    .filter((batch) => batch.kind === "push" && batch.to.includes(OPERATOR))
    .map((batch) => JSON.stringify(batch.messages));
}

describe("crisis escalation (ESCALATE_CRISIS on)", () => {
  it("tells the consultants nothing until the user agrees", async () => {
    const user = await userInCrisis();
    expect(user.choices()).toEqual(["連絡してほしい", "続ける", "今日はここまで"]);
    await user.tap("続ける");
    expect(pushesToOperator()).toEqual([]);
    expect((await storedState(stack().db, user.id)).tally.escalations).toBe(0);
  });

  it("on yes, pushes the 受付番号 and the take-over buttons, never the words, and the consultant can take over", async () => {
    const user = await userInCrisis();
    await user.tap("連絡してほしい");
    expect(JSON.stringify(user.lastReply())).toContain("担当のキャリアコンサルタントにお伝えしました");
    const [push, ...more] = pushesToOperator();
    expect(more).toEqual([]);
    expect(push).toContain(handoverCode(user.id));
    expect(push).not.toContain("消えて");
    expect(push).not.toContain("限界");
    await lineUser(stack(), OPERATOR).tapData(operatorData("take", handoverCode(user.id)));
    expect((await storedState(stack().db, user.id)).handover?.status).toBe("active");
  });

  it("says plainly to the consultants that the user showed signs of suicidal thoughts and was promised a reply in time", async () => {
    const user = await userInCrisis();
    await user.tap("連絡してほしい");
    const [push] = pushesToOperator();
    expect(push).toContain("自殺を考えている様子");
    expect(push).toContain("至急");
    expect(push).toContain("24時間以内");
    expect(JSON.stringify(user.lastReply())).toContain("24時間以内");
  });

  it("on 見送る, pushes the user the lines again and when someone will write, never the booking page, and tells the consultant", async () => {
    const user = await userInCrisis();
    await user.tap("連絡してほしい");
    const consultant = lineUser(stack(), OPERATOR);
    await consultant.tapData(operatorData("decline", handoverCode(user.id)));
    const [decline, ...more] = pushesTo(user.id);
    expect(more).toEqual([]);
    expect(decline).toContain("tel:0120783556");
    expect(decline).toContain("tel:0570783556");
    expect(decline).toContain("24時間以内");
    expect(decline).not.toContain(BOOKING_URL);
    expect(decline).not.toContain("予約");
    const told = JSON.stringify(consultant.lastReply());
    expect(told).toContain("相談窓口（電話・チャット）をもう一度ご案内しました");
    expect(told).toContain("24時間以内");
    expect((await storedState(stack().db, user.id)).handover).toBeNull();
  });
});
