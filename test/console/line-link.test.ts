/**
 * 「LINEとつなぐ」 over real HTTP, the Firestore and Auth emulators, the real webhook and the LINE
 * stand-in: a console consultant's LINE and their account become one consultant record,
 * whichever came first. From then on the hand-off requests reach their LINE, a hand-over taken
 * on either side is theirs on both, and every page shows one name for them.
 * OPERATOR_LINE_IDS keeps working beside them.
 */
import { fill, operatorData } from "../../src/dialogue";
import { messages } from "../../src/dialogue/content";
import { handoverCode } from "../../src/store/user-document";
import { issuePairing } from "../../scripts/lib/setup/admin-client";
import { userId } from "../helpers/events";
import { clientAskingForHelp, lineUser, type LineUser } from "../helpers/line-user";
import { storedState } from "../helpers/stored-user";
import { CONSULTANT, NON_CONSULTANT, startConsoleFixture, type ConsoleFixture } from "../helpers/console";

const CONFIGURED = `U${"c9".repeat(16)}`;
const SECOND = { email: "second@example.com", password: "second-pass-1" };
const LATER = { email: "later@example.com", password: "later-pass-1" };

let fixture: ConsoleFixture;

beforeAll(async () => {
  fixture = await startConsoleFixture({ operatorLineIds: [CONFIGURED] });
  await fixture.signUp(SECOND);
  expect(fixture.consultants("add", SECOND.email).status).toBe(0);
}, 120_000);

afterAll(async () => {
  await fixture?.close();
});

interface Row {
  code: string;
  status: string;
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

const rowOf = async (code: string, bearer: string) =>
  (((await call("GET", "/api/handovers", bearer)).body.handovers ?? []) as Row[]).filter((row) => row.code === code);

const sentTo = (id: string) =>
  fixture.stack
    .messagesTo(id)
    .map((message) => JSON.stringify(message))
    .join("\n");

/** A client who consented, answered やりがい度 and asked for a consultant. */
const askingForHelp = (): Promise<LineUser> => clientAskingForHelp(fixture.stack, userId());

/** 「LINEとつなぐ」 in the console as `bearer`, and the code sent from `line`. */
async function linkFromConsole(bearer: string, line: LineUser): Promise<void> {
  const ticket = await call("POST", "/api/me/line", bearer);
  expect(ticket.status).toBe(200);
  expect(ticket.body.message).toMatch(/^相談員登録 \d{4}-\d{4}$/);
  await line.say(String(ticket.body.message));
}

describe("「LINEとつなぐ」", () => {
  it("answers no one but a consultant", async () => {
    expect((await call("POST", "/api/me/line")).status).toBe(401);
    expect((await call("POST", "/api/me/line", await fixture.signIn(NON_CONSULTANT))).status).toBe(403);
  });

  it("makes the console consultant's LINE theirs: requests reach it, and a hand-over is theirs on both sides under one name", async () => {
    const token = await fixture.signIn(CONSULTANT);
    expect((await call("GET", "/api/me", token)).body.line).toEqual({ linked: false, name: null, since: null });
    const line = lineUser(fixture.stack, userId());
    await linkFromConsole(token, line);
    expect(sentTo(line.id)).toContain(messages["consultant.linked"].split("\n")[0]);
    expect((await call("GET", "/api/me", token)).body.line).toEqual({ linked: true, name: "テストユーザー", since: expect.any(String) });
    // The code message is no conversation of the consultant's, and never shown back with their LINE id.
    expect((await fixture.stack.db.collection("users").doc(line.id).get()).exists).toBe(false);
    expect((await call("GET", "/api/me", token)).raw).not.toContain(line.id);

    const client = await askingForHelp();
    const code = handoverCode(client.id);
    expect(sentTo(line.id)).toContain(code);
    expect(sentTo(CONFIGURED)).toContain(code);

    expect((await call("POST", `/api/handovers/${code}/take`, token)).body).toEqual({ outcome: "taken", takenBy: null });
    expect((await storedState(fixture.stack.db, client.id)).handover).toMatchObject({ status: "active", operator: line.id });
    await line.tapData(operatorData("take", code));
    expect(sentTo(line.id)).toContain(fill(messages["operator.alreadyYours"], { code }));
    expect(await rowOf(code, token)).toEqual([
      expect.objectContaining({ status: "active", takenBy: { name: CONSULTANT.email, line: true, you: true } }),
    ]);
    const other = await fixture.signIn(SECOND);
    expect(await rowOf(code, other)).toEqual([
      expect.objectContaining({ status: "active", takenBy: { name: CONSULTANT.email, line: true, you: false } }),
    ]);
    expect((await call("GET", "/api/handovers", other)).raw).not.toContain(line.id);

    // Ended by the client: the consultant hears it in their LINE, as a LINE consultant does.
    await client.say("ボットに戻る");
    expect(sentTo(line.id)).toContain(fill(messages["operator.userReturned"], { code }));
    expect(await rowOf(code, token)).toEqual([
      expect.objectContaining({ status: "ended", takenBy: expect.objectContaining({ you: true }) }),
    ]);
  });

  it("makes a LINE consultant who later gets a console account one consultant, once they link from the console", async () => {
    const line = lineUser(fixture.stack, userId());
    const ticket = await issuePairing({ baseUrl: new URL(fixture.stack.webhookUrl).origin, channelSecret: fixture.stack.channelSecret });
    await line.say(`相談員登録 ${ticket.code}`);
    expect(sentTo(line.id)).toContain("相談員として登録しました");
    const client = await askingForHelp();
    const code = handoverCode(client.id);
    await line.tapData(operatorData("take", code));

    await fixture.signUp(LATER);
    expect(fixture.consultants("add", LATER.email).status).toBe(0);
    const token = await fixture.signIn(LATER);
    expect(await rowOf(code, token)).toEqual([expect.objectContaining({ takenBy: { name: "テストユーザー", line: true, you: false } })]);
    await linkFromConsole(token, line);
    expect(sentTo(line.id)).toContain(messages["consultant.linked"].split("\n")[0]);
    const records = await fixture.stack.db.collection("consultants").where("email", "==", LATER.email).get();
    expect(records.docs.map((doc) => doc.id)).toEqual([line.id]);
    expect(await rowOf(code, token)).toEqual([expect.objectContaining({ takenBy: { name: LATER.email, line: true, you: true } })]);
    expect((await call("POST", `/api/handovers/${code}/end`, token)).body).toEqual({ outcome: "ended", takenBy: null });
  });

  it("keeps a console account to one LINE: a code taken from another LINE moves the link there", async () => {
    const token = await fixture.signIn(SECOND);
    const first = lineUser(fixture.stack, userId());
    const second = lineUser(fixture.stack, userId());
    await linkFromConsole(token, first);
    await linkFromConsole(token, second);
    const linked = await fixture.stack.db.collection("consultants").where("email", "==", SECOND.email).get();
    expect(linked.docs.map((doc) => doc.id)).toEqual([second.id]);
  });
});
