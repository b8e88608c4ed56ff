/**
 * The console's hand-over queue over real HTTP, the real Firestore and Auth emulators, the real
 * webhook and the LINE stand-in: only consultants see it or act on it; a consultant takes over
 * from the console with LINE's rules (the first wins, whichever side the second is on; the bot
 * is silent meanwhile) and ends it, and the client is told exactly what the LINE path tells them.
 */
import { messages } from "../../src/dialogue/content";
import { handoverCode } from "../../src/store/user-document";
import { text } from "../helpers/events";
import { clientAskingForHelp, type LineUser } from "../helpers/line-user";
import { CONSULTANT, NON_CONSULTANT, startConsoleFixture, type ConsoleFixture } from "../helpers/console";

const OPERATOR = `U${"d4".repeat(16)}`;
const SECOND = { email: "second@example.com", password: "second-pass-1" };

let fixture: ConsoleFixture;
let token: string;
let secondToken: string;

beforeAll(async () => {
  fixture = await startConsoleFixture({ operatorLineIds: [OPERATOR] });
  token = await fixture.signIn(CONSULTANT);
  await fixture.signUp(SECOND);
  expect(fixture.consultants("add", SECOND.email).status).toBe(0);
  secondToken = await fixture.signIn(SECOND);
}, 120_000);

afterAll(async () => {
  await fixture?.close();
});

interface Row {
  code: string;
  status: string;
  waitedMs: number;
  takenBy: { name: string | null; line: boolean; you: boolean } | null;
}

const call = async (method: "GET" | "POST", path: string, bearer?: string) => {
  const response = await fetch(`${fixture.apiUrl}${path}`, {
    method,
    headers: bearer === undefined ? {} : { authorization: `Bearer ${bearer}` },
  });
  const raw = await response.text();
  return { status: response.status, raw, body: JSON.parse(raw) as Record<string, unknown> };
};

const queue = async (bearer = token) => ((await call("GET", "/api/handovers", bearer)).body.handovers ?? []) as Row[];
const rowOf = async (code: string, bearer = token) => (await queue(bearer)).filter((row) => row.code === code);

/** A client who consented, answered やりがい度 and asked for a consultant. */
const askingForHelp = (id: string): Promise<LineUser> => clientAskingForHelp(fixture.stack, id);

const pushedTexts = (id: string) =>
  fixture.stack.line
    .sent()
    .filter((batch) => batch.kind === "push" && batch.to.includes(id))
    .flatMap((batch) => batch.messages.map((message) => JSON.stringify(message)));

describe("the console's hand-over queue", () => {
  it("answers no one but a consultant", async () => {
    const outsider = await fixture.signIn(NON_CONSULTANT);
    expect((await call("GET", "/api/handovers")).status).toBe(401);
    expect((await call("GET", "/api/handovers", "not-a-token")).status).toBe(401);
    expect((await call("GET", "/api/handovers", outsider)).status).toBe(403);
    expect((await call("POST", "/api/handovers/0000ABCD/take", outsider)).status).toBe(403);
    expect((await call("POST", "/api/handovers/0000ABCD/take")).status).toBe(401);
  });

  it("takes over from the console once, keeps the bot silent, and ends as the LINE path ends", async () => {
    const id = `U${"e5".repeat(16)}`;
    const code = handoverCode(id);
    await askingForHelp(id);

    const waiting = await call("GET", "/api/handovers", token);
    expect(waiting.raw).not.toContain(id);
    expect(await rowOf(code)).toEqual([expect.objectContaining({ status: "waiting", takenBy: null })]);

    const taken = await call("POST", `/api/handovers/${code}/take`, token);
    expect(taken.body).toEqual({ outcome: "taken", takenBy: null });
    expect(pushedTexts(id).join("\n")).toContain(messages["handover.taken"].slice(0, 20));
    expect(await rowOf(code)).toEqual([
      expect.objectContaining({ status: "active", takenBy: { name: CONSULTANT.email, line: false, you: true } }),
    ]);

    const again = await call("POST", `/api/handovers/${code}/take`, secondToken);
    expect(again.body).toEqual({ outcome: "takenByOther", takenBy: { name: CONSULTANT.email, line: false, you: false } });
    expect(await fixture.stack.send(text(OPERATOR, `対応 ${code}`))).toBe(200);
    expect(
      fixture.stack
        .messagesTo(OPERATOR)
        .map((m) => JSON.stringify(m))
        .join("\n"),
    ).toContain(`受付番号 ${code} の方は、別の担当者がすでに対応しています。`);

    const before = fixture.stack.messagesTo(id).length;
    expect(await fixture.stack.send(text(id, "よろしくお願いします。来週あたり少しお話しできますか？"))).toBe(200);
    expect(fixture.stack.messagesTo(id).length).toBe(before);

    expect((await call("POST", `/api/handovers/${code}/end`, secondToken)).body).toEqual({ outcome: "ended", takenBy: null });
    expect(pushedTexts(id).join("\n")).toContain(messages["handover.back.operator"]);
    expect(await rowOf(code)).toEqual([
      expect.objectContaining({ status: "ended", takenBy: expect.objectContaining({ name: CONSULTANT.email }) }),
    ]);
    expect((await call("POST", `/api/handovers/${code}/end`, token)).body).toEqual({ outcome: "notActive", takenBy: null });
    // The consultant who took it in the console has no LINE chat: nothing is pushed to an id that is not LINE's.
    expect(fixture.stack.line.sent().some((batch) => batch.to.some((to) => to.startsWith("console:")))).toBe(false);

    const after = fixture.stack.messagesTo(id).length;
    await fixture.stack.send(text(id, "ありがとうございました"));
    expect(fixture.stack.messagesTo(id).length).toBeGreaterThan(after);
  });

  it("a hand-over taken in LINE is taken in the console's eyes too: the console's take is refused", async () => {
    const id = `U${"f6".repeat(16)}`;
    const code = handoverCode(id);
    await askingForHelp(id);
    expect(await fixture.stack.send(text(OPERATOR, `対応 ${code}`))).toBe(200);
    const refused = await call("POST", `/api/handovers/${code}/take`, token);
    expect(refused.body).toEqual({ outcome: "takenByOther", takenBy: { name: null, line: true, you: false } });
    expect(refused.raw).not.toContain(OPERATOR);
    const rows = await call("GET", "/api/handovers", token);
    expect(rows.raw).not.toContain(OPERATOR);
    expect(await rowOf(code)).toEqual([expect.objectContaining({ status: "active", takenBy: { name: null, line: true, you: false } })]);
  });

  it("an unknown 受付番号 changes nothing and says so", async () => {
    expect((await call("POST", "/api/handovers/0000ABCD/take", token)).body).toEqual({ outcome: "unknownCode", takenBy: null });
    expect((await call("POST", "/api/handovers/not-a-code/take", token)).status).toBe(404);
  });
});
