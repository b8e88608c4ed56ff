/**
 * Golden transcripts: whole conversations through the real event handler, compared with
 * `test/transcripts/<name>.txt`. Read a changed file as a user would read the chat; when
 * the change is intended, regenerate with `UPDATE_GOLDEN=1 npx jest test/dialogue/transcripts`.
 */
import { storedState } from "../helpers/persona-run";
import { BOOKING_URL, createTranscript, expectGolden, OPERATOR_ID, startFirstSession, type Transcript } from "../helpers/transcript";

const FIRST_USER = `U${"1".repeat(32)}`;
const BLANK_USER = `U${"2".repeat(32)}`;
const RETURNING_USER = `U${"3".repeat(32)}`;
const DELETING_USER = `U${"4".repeat(32)}`;
const CONSULTING_USER = `U${"5".repeat(32)}`;
const REFLECTING_USER = `U${"6".repeat(32)}`;

/** A short first session with one ありがとう moment, for users whose data is not the point. */
async function shortSession(t: Transcript): Promise<void> {
  await startFirstSession(t);
  await t.tap("3");
  await t.say("会議が多くて、自分の仕事が進まないこと");
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
  await t.tap("毎週 日曜 20:00");
}

const pushes = (t: Transcript) => t.gateway.calls.filter((call) => call.kind === "push");

describe("golden transcripts", () => {
  it("a first session by taps and typed answers ends with the summary card and saves everything", async () => {
    const t = createTranscript({ userId: FIRST_USER });
    await startFirstSession(t);
    await t.tap("2");
    await t.say("毎日同じ作業のくり返しで、誰の役に立っているのか見えないことです");
    await t.say("後輩がシステムの操作で困っていたので手順をまとめて渡したら、すごく助かりましたと言われました");
    await t.tap("うれしかった");
    await t.say("自分がつまずいたところを思い出して、画面の写真つきでまとめました");
    await t.tap("もう一つ");
    await t.say("友人の転職の相談にのったら、気持ちが整理できた、ありがとうと言ってもらえました");
    await t.say("役に立ててほっとしました");
    await t.say("急かさずに最後まで話を聞いて、質問しながら一緒に考えました");
    await t.tap("もう一つ");
    await t.say("子どもの学校のバザーで、値札づくりを引き受けたら先生から感謝されました");
    await t.tap("やりがいを感じた");
    await t.tap("スキップ");
    await t.tap("誰かの成長を支える");
    await t.tap("教える・伝える");
    await t.tap("人の役に立つ");
    await t.tap("決定");
    await t.tap("学生・若い人");
    await t.say("働く楽しさや自分の経験を伝えること");
    await t.tap("①にする");
    await t.tap("学生のキャリア教育に参加する");
    await t.tap("今週中");
    await t.tap("毎週 日曜 20:00");
    expectGolden("first-session", t.text());

    expect(t.store.documents.get(FIRST_USER)?.state).toMatchObject({
      step: { type: "resting" },
      draft: null,
      profile: {
        completedFirstSession: true,
        values: ["growOthers", "teach", "helpOthers"],
        will: { statement: expect.stringContaining("働く楽しさや自分の経験を伝える人でいたい") },
        action: { text: "学生のキャリア教育に参加する", due: "2026-11-29" },
        reminder: { schedule: { kind: "weekly", weekdays: [0], time: "20:00" }, nextAt: "2026-11-29T11:00:00.000Z" },
      },
    });
    const entries = (t.store.entries.get(FIRST_USER) ?? []).map(({ entry }) => entry);
    expect(entries.filter((entry) => entry.kind === "thanks")).toHaveLength(3);
    expect(entries.filter((entry) => entry.kind === "workScore")).toEqual([
      expect.objectContaining({ score: 2, note: "毎日同じ作業のくり返しで、誰の役に立っているのか見えないことです" }),
    ]);
    expect(entries).toHaveLength(4);
  });

  it("a user to whom nothing comes to mind still reaches the summary", async () => {
    const t = createTranscript({ userId: BLANK_USER });
    await startFirstSession(t);
    await t.say("思いつかない");
    await t.tap("3");
    await t.say("思いつかない");
    await t.tap("思いつかない");
    await t.tap("誰かに感謝した場面");
    await t.say("思いつかない");
    await t.sticker();
    await t.say("思いつかない");
    await t.tap("決定");
    await t.tap("安心・安定");
    await t.tap("決定");
    await t.say("思いつかない");
    await t.say("思いつかない");
    await t.tap("自分で決める");
    await t.say("思いつかない");
    await t.say("思いつかない");
    await t.tap("身近な人の相談にのる");
    await t.say("思いつかない");
    await t.tap("今月中");
    await t.say("思いつかない");
    await t.tap("いらない");
    await t.tap("なくて大丈夫");
    expectGolden("nothing-comes-to-mind", t.text());

    expect(t.store.documents.get(BLANK_USER)?.state).toMatchObject({
      step: { type: "resting" },
      profile: { completedFirstSession: true, will: null },
    });
  });

  it("a user back after five days has their answer taken after a line on where they were, then finishes", async () => {
    const t = createTranscript({ userId: RETURNING_USER });
    await startFirstSession(t);
    await t.tap("4");
    await t.tap("スキップ");
    await t.say("取引先の方から、いつも丁寧に対応してくれてありがとうと言われました");
    await t.tap("ほっとした");
    await t.say("問い合わせに、その日のうちに返事をするようにしていました");
    await t.tap("もう一つ");
    await t.say("部署の飲み会の幹事をしたら、みんなに楽しかったと言ってもらえました");
    t.advanceDays(5);
    await t.say("ちょっと照れくさかったです");
    await t.say("参加しやすいように、みんなの予定を聞いて日程を決めました");
    await t.tap("次へ");
    await t.tap("チームで成し遂げる");
    await t.tap("安心・安定");
    await t.tap("決定");
    await t.tap("同僚・後輩");
    await t.tap("みんなで何かを成し遂げること");
    await t.tap("①にする");
    await t.tap("社外の勉強会で経験を話す");
    await t.tap("日付をえらぶ", { date: "2026-12-12" });
    await t.tap("毎日 21:00");
    expectGolden("return-after-days", t.text());

    expect(t.store.documents.get(RETURNING_USER)?.state).toMatchObject({
      profile: { completedFirstSession: true, action: { due: "2026-12-12" } },
    });
    expect((t.store.entries.get(RETURNING_USER) ?? []).filter(({ entry }) => entry.kind === "thanks")).toHaveLength(2);
  });

  it("データ確認 shows what is kept; データ削除 asks first, keeps everything on やめる and deletes everything on 削除する", async () => {
    const t = createTranscript({ userId: DELETING_USER });
    await t.offRecord("最初のふり返りを終えたユーザー", () => shortSession(t));
    await t.say("データ確認");
    expect(pushes(t)).toEqual([]);
    await t.say("データ削除");
    await t.tap("やめる");
    expect(t.store.documents.has(DELETING_USER)).toBe(true);
    expect(t.store.entries.get(DELETING_USER)).toHaveLength(2);
    await t.say("データ削除");
    await t.tap("削除する");
    expect(t.store.documents.has(DELETING_USER)).toBe(false);
    expect(t.store.entries.has(DELETING_USER)).toBe(false);
    await t.say("こんにちは");
    await t.say("データ確認");
    expectGolden("delete-data", t.text());

    expect(t.store.documents.get(DELETING_USER)?.state).toMatchObject({
      step: { type: "awaitingConsent" },
      consent: { status: "none" },
      profile: { will: null },
    });
    expect(t.store.entries.get(DELETING_USER) ?? []).toEqual([]);
  });

  it("相談したい sends nothing when cancelled, and the summary with recent entries once confirmed", async () => {
    const t = createTranscript({ userId: CONSULTING_USER });
    await t.offRecord("最初のふり返りを終えたユーザー", () => shortSession(t));
    await t.say("相談したい");
    await t.tap("スキップ");
    await t.tap("最近の記録も");
    await t.tap("やめる");
    expect(pushes(t)).toEqual([]);
    await t.say("相談したい");
    await t.tap("スキップ");
    await t.tap("最近の記録も");
    await t.tap("送る");
    expectGolden("consult", t.text());

    expect(pushes(t)).toHaveLength(1);
    const [push] = pushes(t);
    expect(push?.target).toBe(OPERATOR_ID);
    expect(push?.retryKey).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const notice = JSON.stringify(push?.messages);
    expect(notice).toContain("仕事のコツをわかりやすく伝える人でいたい");
    expect(notice).toContain("新人さんに業務の流れを説明したら");
    expect(notice).toContain("やりがい度 3 / 5");
    const lastReply = t.gateway.calls.filter((call) => call.kind === "reply").at(-1);
    expect(JSON.stringify(lastReply?.messages)).toContain(BOOKING_URL);
  });

  it("two weekly check-ins a week apart end with the insights chart and the next reminder", async () => {
    const t = createTranscript({ userId: REFLECTING_USER });
    await t.offRecord("最初のふり返りを終え、毎週日曜20時のリマインダーを選んだユーザー", () => shortSession(t));
    t.advanceDays(5);
    await t.say("ふりかえり");
    await t.tap("4");
    await t.tap("あった");
    await t.say("後輩の資料づくりを手伝ったら、助かりましたと言われました");
    await t.tap("うれしかった");
    await t.say("締め切りの前日に、一緒に構成を見直しました");
    await t.tap("少しできた");
    await t.tap("手ごたえがあった");
    await t.say("読んだ後輩が、続きも読みたいと言ってくれました");
    await t.tap("つながっている");
    expect(storedState(t).profile.reminder?.nextAt).toBe("2026-12-06T11:00:00.000Z");
    t.advanceDays(7);
    await t.say("ふりかえり");
    await t.tap("5 とても感じる");
    await t.say("後輩から、相談にのってもらえて心強かったと言われた");
    await t.say("ちょっと照れくさかったです");
    await t.tap("スキップ");
    await t.tap("できた");
    await t.say("楽しかったです");
    await t.tap("特になし");
    await t.tap("少し");
    expectGolden("checkin", t.text());

    const entries = (t.store.entries.get(REFLECTING_USER) ?? []).map(({ entry }) => entry);
    expect(entries.filter((entry) => entry.kind === "checkin")).toHaveLength(2);
    expect(entries.filter((entry) => entry.kind === "step")).toEqual([
      expect.objectContaining({
        status: "partly",
        feeling: "手ごたえがあった",
        reaction: "読んだ後輩が、続きも読みたいと言ってくれました",
      }),
      expect.objectContaining({ status: "done", feeling: "楽しかった", reaction: null }),
    ]);
    expect(entries.filter((entry) => entry.kind === "thanks").slice(-2)).toEqual([
      expect.objectContaining({ feeling: "うれしかった", deed: "締め切りの前日に、一緒に構成を見直しました" }),
      expect.objectContaining({ feeling: "ちょっと照れくさかったです", deed: null }),
    ]);
    expect(storedState(t).profile.reminder?.nextAt).toBe("2026-12-13T11:00:00.000Z");
    expect(t.choices()).toEqual(["次の一歩を決める", "シートを見る", "OK"]);
  });
});
