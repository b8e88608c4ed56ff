/**
 * The first session end to end: a user completes it over real HTTP with real signatures,
 * and Firestore holds their WILL, values, entries, action and reminder afterwards.
 */
import { createLineGateway } from "../../src/line/client";
import { sendDueReminders } from "../../src/jobs/reminders";
import { createFirestoreReminderStore } from "../../src/store/reminder-store";
import { lineUser } from "../helpers/line-user";
import { useStack } from "../helpers/stack";
import { answerData } from "../../src/dialogue/postback";
import { postback, redelivered, unfollow, userId } from "../helpers/events";
import { stateIn, storedReminderAt, storedState } from "../helpers/stored-user";

const NOW = new Date("2026-11-24T10:00:00+09:00");
const stack = useStack({ now: () => NOW, operatorLineIds: [`U${"a".repeat(32)}`], bookingUrl: "https://example.com/booking" });

async function completeFirstSession(id: string) {
  const user = lineUser(stack(), id);
  await user.follow();
  await user.tap("同意してはじめる");
  await user.tap("いまはじめる");
  await user.tap("2");
  await user.say("評価のための仕事ばかりで、誰の役に立っているのか見えにくいです");
  await user.say("後輩の企画書づくりを手伝ったら、ありがとうと言われた");
  await user.tap("うれしかった");
  await user.say("一緒に構成を考えて、説明のしかたを教えた");
  await user.tap("もう一つ");
  await user.tap("思いつかない");
  await user.tap("日常の小さなこと");
  await user.say("友人の転職の相談にのったら感謝された");
  await user.say("じんわり温かい気持ちになった");
  await user.tap("スキップ");
  await user.tap("次へ");
  await user.tap("誰かの成長を支える");
  await user.tap("教える・伝える");
  await user.tap("決定");
  await user.tap("学生・若い人");
  await user.say("働き方に迷ったときの相談相手になること");
  await user.tap("①にする");
  await user.tap("友人の自己分析を手伝う");
  await user.tap("今週中");
  await user.tap("毎週 日曜 20:00");
  return user;
}

describe("the first session", () => {
  it("can be completed by a new friend and leaves everything in Firestore", async () => {
    const id = userId();
    const user = await completeFirstSession(id);

    const summary = user.lastReply().find((message) => message.type === "flex");
    expect(summary?.altText).toBe("あなたのWILLノート");
    const doc = await stack().db.collection("users").doc(id).get();
    const state = stateIn(doc);
    expect(state.step.type).toBe("resting");
    expect(state.draft).toBeNull();
    expect(state.profile).toMatchObject({
      completedFirstSession: true,
      values: ["growOthers", "teach"],
      will: {
        statement: "学生や若い人のために、働き方に迷ったときの相談相手になる人でいたい。",
      },
      action: { text: "友人の自己分析を手伝う", due: "2026-11-29" },
      reminder: { schedule: { kind: "weekly", weekdays: [0], time: "20:00" }, nextAt: "2026-11-29T11:00:00.000Z" },
    });
    expect(state.profile.moments).toHaveLength(2);
    expect(storedReminderAt(doc)).toBe("2026-11-29T11:00:00.000Z");

    const entries = await stack().db.collection("users").doc(id).collection("entries").orderBy("at").get();
    const kinds = entries.docs.map((entry): unknown => entry.get("kind"));
    expect(kinds.filter((kind) => kind === "thanks")).toHaveLength(2);
    expect(kinds.filter((kind) => kind === "workScore")).toHaveLength(1);
    expect(entries.docs.map((entry) => entry.data())).toContainEqual(
      expect.objectContaining({
        kind: "thanks",
        text: "後輩の企画書づくりを手伝ったら、ありがとうと言われた",
        feeling: "うれしかった",
        deed: "一緒に構成を考えて、説明のしかたを教えた",
      }),
    );
  });

  it("shows the summary again with WILL and the records newest first", async () => {
    const id = userId();
    const user = await completeFirstSession(id);

    await user.say("WILL");
    expect(user.lastReply()[0]).toMatchObject({ type: "flex", altText: "あなたのWILLノート" });

    await user.say("記録を見る");
    const carousel = user.lastReply().find((message) => message.type === "flex") as
      { contents?: { type: string; contents: unknown[] } } | undefined;
    expect(carousel?.contents?.type).toBe("carousel");
    expect(carousel?.contents?.contents).toHaveLength(3);
  });

  it("shows the user what is stored about them on データ確認, to them alone", async () => {
    const id = userId();
    const user = await completeFirstSession(id);
    const before = stack().line.sent().length;

    await user.say("データ確認");
    const card = user.lastReply().find((message) => message.type === "flex");
    const text = JSON.stringify(card);
    expect(card).toMatchObject({ altText: "WILLノートに保存しているデータ" });
    expect(text).toContain("11月24日(火)に同意");
    expect(text).toContain("ありがとう 2件・やりがい度 1件・ふりかえり 0件");
    expect(text).toContain("誰かの成長を支える");
    expect(text).toContain("次回：11月29日(日) 20:00");
    const sent = stack().line.sent().slice(before);
    expect(sent.map((batch) => batch.kind)).toEqual(["reply"]);
  });

  it("deletes the user document and every entry after データ削除 is confirmed", async () => {
    const id = userId();
    const user = await completeFirstSession(id);

    await user.say("データ削除");
    await user.tap("やめる");
    expect((await stack().db.collection("users").doc(id).get()).exists).toBe(true);

    await user.say("データ削除");
    const confirm = postback(id, answerData("del", "yes"));
    expect(await stack().send(confirm)).toBe(200);
    expect((await stack().db.collection("users").doc(id).get()).exists).toBe(false);
    expect((await stack().db.collection("users").doc(id).collection("entries").get()).size).toBe(0);

    // LINE redelivers the confirmation (e.g. the first answer came too late): no document comes back.
    const sent = stack().line.sent().length;
    expect(await stack().send(redelivered(confirm))).toBe(200);
    expect((await stack().db.collection("users").doc(id).get()).exists).toBe(false);
    expect(stack().line.sent().length).toBe(sent);
  });

  it("hands off to the operator only after the user confirms, and sends the booking link", async () => {
    const id = userId();
    const user = await completeFirstSession(id);
    const pushes = () =>
      stack()
        .line.sent()
        .filter((batch) => batch.kind === "push");

    await user.say("相談したい");
    await user.tap("スキップ");
    await user.tap("最近の記録も");
    expect(pushes()).toHaveLength(0);
    await user.tap("送る");

    expect(pushes()).toHaveLength(1);
    const [push] = pushes();
    expect(push?.to).toEqual([`U${"a".repeat(32)}`]);
    expect(push?.retryKey).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.stringify(push?.messages)).toContain("学生や若い人");
    expect(JSON.stringify(push?.messages)).toContain("後輩の企画書づくり");
    expect(JSON.stringify(user.lastReply())).toContain("https://example.com/booking");
  });

  it("stops reminders when the user blocks the bot and resumes them on re-follow", async () => {
    const id = userId();
    const user = await completeFirstSession(id);

    await stack().send(unfollow(id));
    expect((await stack().db.collection("users").doc(id).get()).data()?.nextReminderAt).toBeNull();

    await user.follow();
    expect(storedReminderAt(await stack().db.collection("users").doc(id).get())).toBe("2026-11-29T11:00:00.000Z");
    expect(user.lastReply()[0]?.text).toContain("おかえりなさい");
  });
});

describe("the weekly check-in", () => {
  it("opens from the reminder push, records a check-in and ends with the insights chart", async () => {
    const id = userId();
    const user = await completeFirstSession(id);
    await sendDueReminders(new Date("2026-11-29T20:01:00+09:00"), {
      store: createFirestoreReminderStore(stack().db),
      line: createLineGateway({ channelAccessToken: stack().channelAccessToken, baseURL: stack().line.url }),
      log: { info: () => {}, warn: () => {}, error: () => {} },
    });
    const push = stack()
      .line.sent()
      .find((batch) => batch.kind === "push" && batch.to.includes(id));
    const reflect = (push?.messages.at(-1) as { quickReply?: { items: { action: { label: string; data: string } }[] } }).quickReply
      ?.items[0]?.action;
    expect(reflect?.label).toBe("ふりかえる");

    await user.tapData(reflect!.data);
    await user.tap("4");
    await user.tap("あった");
    await user.say("同僚に資料の見せ方を教えたら、助かったと言われました");
    await user.tap("うれしかった");
    await user.say("グラフの色を減らす方法を、実際に一緒に直しながら伝えました");
    await user.tap("少しできた");
    await user.tap("緊張した");
    await user.say("同僚が、次もお願いしたいと言ってくれました");
    await user.tap("つながっている");

    const chart = user.lastReply().find((message) => message.type === "flex" && message.altText === "ありがとうの数とやりがい度の記録");
    expect(chart).toBeDefined();
    expect(user.choices()).toEqual(["日付を変える", "行動を変える", "シートを見る", "OK"]);
    const entries = await stack().db.collection("users").doc(id).collection("entries").where("kind", "==", "checkin").get();
    expect(entries.docs.map((doc) => doc.data())).toEqual([
      expect.objectContaining({ kind: "checkin", score: 4, thanks: true, actionStatus: "partly", willLink: "yes" }),
    ]);
    const steps = await stack().db.collection("users").doc(id).collection("entries").where("kind", "==", "step").get();
    expect(steps.docs.map((doc) => doc.data())).toEqual([
      expect.objectContaining({ status: "partly", feeling: "緊張した", reaction: "同僚が、次もお願いしたいと言ってくれました" }),
    ]);
    const thanks = await stack().db.collection("users").doc(id).collection("entries").where("kind", "==", "thanks").get();
    expect(thanks.docs.map((doc) => doc.data())).toContainEqual(
      expect.objectContaining({
        text: "同僚に資料の見せ方を教えたら、助かったと言われました",
        feeling: "うれしかった",
        deed: "グラフの色を減らす方法を、実際に一緒に直しながら伝えました",
      }),
    );
    const state = await storedState(stack().db, id);
    expect(state).toMatchObject({ step: { type: "resting" }, reflection: null, profile: { checkins: 1 } });
  });
});
