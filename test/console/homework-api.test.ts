/**
 * Notes, homework, alerts and the read log through the console API (issue 22, items 3–6), over
 * real HTTP, the Firestore and Auth emulators, the real webhook and the LINE stand-in: a
 * homework push within the month's quota and refused past it, the client's answer in the chat,
 * withdrawal, the alerts, every page read logged and shown in データ確認, and データ削除
 * removing the client's notes, homework and read log with them.
 */
import { answerData } from "../../src/dialogue";
import { CONSOLE_RECORDS } from "../../src/store/client-records";
import { handoverCode } from "../../src/store/user-document";
import { CONSULTANT, startConsoleFixture, type ConsoleFixture } from "../helpers/console";
import { postback, text } from "../helpers/events";

const CLIENT = `U${"d4".repeat(16)}`;
const CODE = handoverCode(CLIENT);
const LOW = `U${"e5".repeat(16)}`;
const PRIVATE = `U${"f6".repeat(16)}`;

let fixture: ConsoleFixture;
let token: string;

beforeAll(async () => {
  fixture = await startConsoleFixture();
  token = await fixture.signIn(CONSULTANT);
  await fixture.client(CLIENT, true);
  await fixture.client(PRIVATE, false);
}, 90_000);

afterAll(async () => {
  await fixture?.close();
});

async function call(method: "GET" | "POST", path: string, body?: object) {
  const response = await fetch(`${fixture.apiUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { "content-type": "application/json" } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const pushedTexts = (user: string) =>
  fixture.stack.line
    .sent()
    .filter((batch) => !batch.replyToken && batch.to.includes(user))
    .flatMap((batch) => batch.messages.map((message) => String((message as { text?: string }).text ?? "")));
const repliesText = (user: string) => JSON.stringify(fixture.stack.messagesTo(user));

describe("notes, homework, alerts and the read log", () => {
  it("a consultant keeps private notes on a client, with who wrote each and when, and empty or unknown clients are refused", async () => {
    expect((await call("POST", `/api/clients/${CODE}/notes`, { text: "  " })).body).toEqual({ error: "empty" });
    expect((await call("POST", `/api/clients/${CODE}/notes`, { text: "次回は異動の話から" })).status).toBe(201);
    const { body } = await call("GET", `/api/clients/${CODE}/notes`);
    expect(body.notes).toEqual([expect.objectContaining({ text: "次回は異動の話から", author: CONSULTANT.email })]);
    expect((await call("GET", `/api/clients/${handoverCode(PRIVATE)}/notes`)).status).toBe(404);
    expect((await call("POST", `/api/clients/${handoverCode(PRIVATE)}/homework`, { kind: "question", text: "?" })).status).toBe(404);
    const stored = await fixture.stack.db.collection("users").doc(CLIENT).get();
    expect(JSON.stringify(stored.data())).not.toContain("次回は異動の話から");
  });

  it("homework is checked, pushed to the client, answered in the chat, shown with its answer, and counted", async () => {
    expect((await call("POST", `/api/clients/${CODE}/homework`, { kind: "essay", text: "x" })).body).toEqual({ error: "badKind" });
    expect((await call("POST", `/api/clients/${CODE}/homework`, { kind: "question", text: "" })).body).toEqual({ error: "empty" });
    const long = await call("POST", `/api/clients/${CODE}/homework`, { kind: "question", text: "あ".repeat(501) });
    expect(long.body).toEqual({ error: "tooLong", max: 500 });
    const sent = await call("POST", `/api/clients/${CODE}/homework`, { kind: "question", text: "最近ほっとしたのはどんなとき？" });
    expect(sent.status).toBe(201);
    expect(pushedTexts(CLIENT).join("\n")).toContain("最近ほっとしたのはどんなとき？");
    expect((await call("POST", `/api/clients/${CODE}/homework`, { kind: "step", text: "もう一つ" })).body).toEqual({ error: "waiting" });

    await fixture.stack.send(text(CLIENT, "家で本を読んでいるときです"));
    expect(repliesText(CLIENT)).toContain("担当者にお届けしました");
    const { body } = await call("GET", `/api/clients/${CODE}/homework`);
    expect(body.homework).toEqual([
      expect.objectContaining({
        status: "answered",
        text: "最近ほっとしたのはどんなとき？",
        answer: expect.objectContaining({ text: "家で本を読んでいるときです" }),
      }),
    ]);
    const report = JSON.parse(String((await fixture.stack.db.collection("users").doc(CLIENT).get()).get("report"))) as { tally: object };
    expect(report.tally).toMatchObject({ homeworkSent: 1, homeworkAnswered: 1 });
  });

  it("unanswered homework can be withdrawn, and an answer after that is an ordinary message", async () => {
    const sent = await call("POST", `/api/clients/${CODE}/homework`, { kind: "step", text: "同僚の話を15分聞いてみる" });
    const id = String(sent.body.id);
    expect((await call("POST", `/api/clients/${CODE}/homework/${id}/withdraw`)).body).toEqual({ withdrawn: true });
    expect((await call("POST", `/api/clients/${CODE}/homework/${id}/withdraw`)).body).toEqual({ error: "notWaiting" });
    await fixture.stack.send(text(CLIENT, "やってみました"));
    const { body } = await call("GET", `/api/clients/${CODE}/homework`);
    expect((body.homework as { id: string; status: string; answer: unknown }[]).find((row) => row.id === id)).toMatchObject({
      status: "withdrawn",
      answer: null,
    });
  });

  it("homework that would pass the month's push quota is refused with a reason, and nothing is pushed or waits", async () => {
    fixture.stack.line.quota.limit = fixture.stack.line.quota.used;
    const before = pushedTexts(CLIENT).length;
    const refused = await call("POST", `/api/clients/${CODE}/homework`, { kind: "question", text: "今週のよかったことは？" });
    expect(refused).toEqual({ status: 409, body: { error: "quota" } });
    expect(pushedTexts(CLIENT).length).toBe(before);
    fixture.stack.line.quota.limit = "none";
    expect((await call("GET", `/api/clients/${CODE}/homework`)).body.homework).toHaveLength(2);
  });

  it("lists a shared client whose last three check-ins were 2 or lower, and not one who did not share or only got a crisis reply", async () => {
    await fixture.client(LOW, true);
    await fixture.stack.send(text(CLIENT, "しにたい"));
    for (const score of [4, 2, 1]) await fixture.checkin(LOW, score);
    for (const score of [1, 1, 1]) await fixture.checkin(PRIVATE, score);
    expect((await call("GET", "/api/alerts")).body.alerts).toEqual([]);
    await fixture.checkin(LOW, 2);
    const { body } = await call("GET", "/api/alerts");
    expect(body.alerts).toEqual([{ code: handoverCode(LOW), lowScores: [2, 1, 2], contactRequested: false }]);
  });

  it("every page read is logged and shown to the client in データ確認, and データ削除 removes notes, homework and the log", async () => {
    expect((await call("GET", `/api/clients/${CODE}`)).status).toBe(200);
    const reads = await fixture.stack.db.collection(CONSOLE_RECORDS).doc(CLIENT).collection("reads").get();
    expect(reads.docs.map((doc) => String(doc.get("who")))).toEqual([CONSULTANT.email]);
    expect(Object.keys(reads.docs[0].data()).sort()).toEqual(["at", "uid", "who"]);
    await fixture.stack.send(text(CLIENT, "データ確認"));
    expect(repliesText(CLIENT)).toContain("担当者が見た記録");
    expect(repliesText(CLIENT)).toContain(CONSULTANT.email);

    await fixture.stack.send(text(CLIENT, "データ削除"));
    await fixture.stack.send(postback(CLIENT, answerData("del", "yes")));
    const records = fixture.stack.db.collection(CONSOLE_RECORDS).doc(CLIENT);
    for (const sub of ["notes", "homework", "reads"]) expect((await records.collection(sub).get()).size).toBe(0);
    expect((await fixture.stack.db.collection("users").doc(CLIENT).get()).exists).toBe(false);
    expect((await call("GET", `/api/clients/${CODE}`)).status).toBe(404);
  });
});
