/**
 * The golden transcripts of a consultant's homework (issue 22, item 4): the push as the client
 * reads it, an answer given mid-question and days later, the 「あとで答える」 tap, a crisis message that does not count as an answer, and a withdrawn homework
 * whose late answer is an ordinary message. The console's push is played as the console
 * makes it: the core's push and the state it returns.
 */
import { afterHomeworkSent, afterHomeworkWithdrawn, homeworkPush, type HomeworkAsk } from "../../src/dialogue";
import { renderReplies } from "../../src/line/render";
import { createTranscript, expectGolden, startFirstSession, type Transcript } from "../helpers/transcript";

const USER = `U${"4b".repeat(16)}`;

/** What the console does when a consultant sends `ask`: the state first, then the push. */
function consoleSends(t: Transcript, ask: HomeworkAsk): (now: Date) => Promise<void> {
  return async () => {
    await t.store.runTurn(t.userId, (stored) => ({
      write: stored && { state: afterHomeworkSent(stored.state, ask), recentEventIds: stored.recentEventIds, entries: [] },
      result: null,
    }));
    await t.gateway.push(t.userId, renderReplies(homeworkPush(ask)), `homework:${ask.id}`);
  };
}

function consoleWithdraws(t: Transcript, id: string): (now: Date) => Promise<void> {
  return async () => {
    await t.store.runTurn(t.userId, (stored) => {
      const state = stored && afterHomeworkWithdrawn(stored.state, id);
      return { write: stored && state && { state, recentEventIds: stored.recentEventIds, entries: [] }, result: null };
    });
  };
}

const homeworkEntries = (t: Transcript) => (t.store.entries.get(USER) ?? []).filter(({ entry }) => entry.kind === "homework");

describe("homework transcripts", () => {
  it("a client mid-question answers a consultant's question, is thanked and goes on where they were", async () => {
    const t = createTranscript({ userId: USER });
    await t.offRecord("同意して最初のふり返りをはじめ、やりがい度に2と答えたユーザー", async () => {
      await startFirstSession(t);
      await t.tap("2");
    });
    const ask: HomeworkAsk = {
      id: "hw1",
      kind: "question",
      text: "最近、時間を忘れて取り組めたことは何でしたか？",
      at: t.now().toISOString(),
    };
    await t.runJob("担当者がコンソールから問いを送る", consoleSends(t, ask));
    await t.say("しにたい");
    await t.say("後輩の資料づくりを手伝っていたときです");
    await t.say("会議が多くて、自分の仕事が進まないときです");
    expectGolden("homework-answer", t.text());

    expect(homeworkEntries(t).map(({ entry }) => entry)).toEqual([
      expect.objectContaining({ kind: "homework", homeworkId: "hw1", answer: "後輩の資料づくりを手伝っていたときです" }),
    ]);
    const state = t.store.documents.get(USER)?.state as {
      homework: unknown;
      step: { type: string };
      tally: { homeworkSent: number; homeworkAnswered: number };
    };
    expect(state.homework).toBeNull();
    expect(state.step.type).not.toBe("awaitingMoyamoya");
    expect(state.tally).toMatchObject({ homeworkSent: 1, homeworkAnswered: 1 });
  });

  it("a suggested step answered days later after 「あとで答える」, and a withdrawn question whose late answer is an ordinary message", async () => {
    const t = createTranscript({ userId: USER });
    await t.offRecord("最初のふり返りで、WILLの問いまで進んだユーザー", async () => {
      await startFirstSession(t);
      await t.tap("4");
      await t.tap("スキップ");
      await t.say("中途で入った人に手順を教えたら、ありがとうと言われた");
      await t.tap("うれしかった");
      await t.say("手順書をつくった");
      await t.tap("次へ");
      await t.tap("人の役に立つ");
      await t.tap("決定");
    });
    const ask: HomeworkAsk = { id: "hw2", kind: "step", text: "今週、同僚の話を15分だけ聞いてみませんか。", at: t.now().toISOString() };
    await t.runJob("担当者がコンソールから次の一歩を提案する", consoleSends(t, ask));
    await t.tap("あとで答える");
    t.advanceDays(4);
    await t.say("やってみました。思ったより話がはずみました");
    const withdrawn: HomeworkAsk = { id: "hw3", kind: "question", text: "この一週間で、ほっとした瞬間は？", at: t.now().toISOString() };
    await t.runJob("担当者が問いを送り、そのあと取り下げる", async (now) => {
      await consoleSends(t, withdrawn)(now);
      await consoleWithdraws(t, "hw3")(now);
    });
    await t.say("朝のコーヒーの時間です");
    expectGolden("homework-later", t.text());

    expect(homeworkEntries(t).map(({ entry }) => entry)).toEqual([expect.objectContaining({ homeworkId: "hw2" })]);
    const state = t.store.documents.get(USER)?.state as { homework: unknown; step: { type: string } };
    expect(state.homework).toBeNull();
    expect(state.step.type).toBe("awaitingWillWhat");
  });
});
