/**
 * Removing a consultant is one command, over real HTTP, the Firestore and Auth emulators, the real
 * webhook and the LINE stand-in: `npm run consultants -- remove <email>` takes the console from
 * them, their linked LINE stops getting requests, and every hand-over they took, in the console or
 * in LINE, ends politely (each client is told the bot is back, the consultant's LINE who was
 * handed back). The setup's removal by LINE id ends the console side's hand-overs too.
 */
import { fill, operatorData } from "../../src/dialogue";
import { messages } from "../../src/dialogue/content";
import { handoverCode } from "../../src/store/user-document";
import { removeConsultant } from "../../scripts/lib/setup/admin-client";
import { userId } from "../helpers/events";
import { clientAskingForHelp, lineUser, type LineUser } from "../helpers/line-user";
import { storedState } from "../helpers/stored-user";
import { CONSULTANT, startConsoleFixture, type ConsoleFixture } from "../helpers/console";

const CONFIGURED = `U${"e1".repeat(16)}`;

let fixture: ConsoleFixture;

beforeAll(async () => {
  fixture = await startConsoleFixture({ operatorLineIds: [CONFIGURED] });
}, 120_000);

afterAll(async () => {
  await fixture?.close();
});

const call = async (method: "GET" | "POST", path: string, bearer: string) => {
  const response = await fetch(`${fixture.apiUrl}${path}`, { method, headers: { authorization: `Bearer ${bearer}` } });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};

const sentTo = (id: string) =>
  fixture.stack
    .messagesTo(id)
    .map((message) => JSON.stringify(message))
    .join("\n");

const askingForHelp = (): Promise<LineUser> => clientAskingForHelp(fixture.stack, userId());

/** A console consultant made now, signed in. */
async function consoleConsultant(email: string): Promise<string> {
  const account = { email, password: `${email}-pass-1` };
  await fixture.signUp(account);
  expect(fixture.consultants("add", email).status).toBe(0);
  return fixture.signIn(account);
}

async function linkLine(token: string): Promise<LineUser> {
  const line = lineUser(fixture.stack, userId());
  await line.say(String((await call("POST", "/api/me/line", token)).body.message));
  expect(sentTo(line.id)).toContain(messages["consultant.linked"].split("\n")[0]);
  return line;
}

describe("removing a consultant", () => {
  it("is one command: the console is closed to them, their LINE gets no more requests, and every client they had hears the bot is back", async () => {
    const email = "leaving@example.com";
    const token = await consoleConsultant(email);
    const first = await askingForHelp();
    expect((await call("POST", `/api/handovers/${handoverCode(first.id)}/take`, token)).body.outcome).toBe("taken");
    const line = await linkLine(token);
    const second = await askingForHelp();
    expect(sentTo(line.id)).toContain(handoverCode(second.id));
    await line.tapData(operatorData("take", handoverCode(second.id)));
    expect((await storedState(fixture.stack.db, second.id)).handover).toMatchObject({ status: "active", operator: line.id });

    const removed = await fixture.consultantsAsync("remove", email);
    expect(removed).toEqual({ status: 0, output: expect.stringContaining(`${email} can no longer use the console.`) });
    expect(removed.output).toContain("2 client(s) in a hand-over with them went back to the bot");
    for (const client of [first, second]) {
      expect((await storedState(fixture.stack.db, client.id)).handover).toBeNull();
      expect(sentTo(client.id)).toContain(messages["handover.back.operator"]);
    }
    const told = sentTo(line.id);
    expect(told).toContain(messages["consultant.removed"]);
    expect(told).toContain(fill(messages["consultant.removedHandovers"], { codes: "" }).split("（")[0]);
    for (const client of [first, second]) expect(told).toContain(handoverCode(client.id));
    expect((await call("GET", "/api/handovers", token)).status).toBe(401);
    const rows = ((await call("GET", "/api/handovers", await fixture.signIn(CONSULTANT))).body.handovers ?? []) as {
      code: string;
      status: string;
      endedAt: string | null;
    }[];
    for (const client of [first, second])
      expect(rows.filter((row) => row.code === handoverCode(client.id))).toEqual([
        expect.objectContaining({ status: "ended", endedAt: expect.any(String) }),
      ]);

    const next = await askingForHelp();
    expect(sentTo(line.id)).not.toContain(handoverCode(next.id));
    expect(sentTo(CONFIGURED)).toContain(handoverCode(next.id));

    const pushes = fixture.stack.line.sent().length;
    expect(await fixture.consultantsAsync("remove", email)).toEqual({ status: 0, output: `${email} had no console access.\n` });
    expect(fixture.stack.line.sent().length).toBe(pushes);
  });

  it("by LINE id, as the setup removes, ends the hand-overs they took in the console as well, and names the console account left", async () => {
    const token = await fixture.signIn(CONSULTANT);
    const client = await askingForHelp();
    expect((await call("POST", `/api/handovers/${handoverCode(client.id)}/take`, token)).body.outcome).toBe("taken");
    const line = await linkLine(token);
    const admin = { baseUrl: new URL(fixture.stack.webhookUrl).origin, channelSecret: fixture.stack.channelSecret };
    expect(await removeConsultant(admin, line.id)).toEqual({ removed: true, account: CONSULTANT.email, handedBack: 1, failed: 0 });
    expect((await storedState(fixture.stack.db, client.id)).handover).toBeNull();
    expect(sentTo(client.id)).toContain(messages["handover.back.operator"]);
    expect((await call("GET", "/api/me", token)).body.line).toEqual({ linked: false, name: null, since: null });
  });
});
