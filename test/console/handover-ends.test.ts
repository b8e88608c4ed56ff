/**
 * A hand-over that ends without its consultant shows in the console as 終了 with the time it
 * ended, over real HTTP, the Firestore and Auth emulators, the real webhook and the LINE stand-in:
 * the client goes back to the bot, it goes idle (found by the sweep, or by the client's next
 * message), or the client blocks the bot. A client who deletes their data leaves no record.
 */
import { silentLogger } from "../../src/log";
import { endIdleHandovers } from "../../src/jobs/handovers";
import { createLineGateway } from "../../src/line/client";
import { createHandoverRecords, HANDOVER_RECORDS } from "../../src/store/handover-record-store";
import { createFirestoreHandoverStore } from "../../src/store/handover-store";
import { handoverCode } from "../../src/store/user-document";
import { text, unfollow, userId } from "../helpers/events";
import { clientAskingForHelp, type LineUser } from "../helpers/line-user";
import { CONSULTANT, startConsoleFixture, type ConsoleFixture } from "../helpers/console";

const OPERATOR = `U${"b2".repeat(16)}`;
const HOUR = 3_600_000;
const START = new Date(Math.floor(Date.now() / 1000) * 1000);
let now = START;

let fixture: ConsoleFixture;
let token: string;

beforeAll(async () => {
  fixture = await startConsoleFixture({ operatorLineIds: [OPERATOR], handoverIdleHours: 48, now: () => now });
  token = await fixture.signIn(CONSULTANT);
}, 120_000);

afterAll(async () => {
  await fixture?.close();
});

beforeEach(() => {
  now = START;
});

const at = (hours: number) => new Date(START.getTime() + hours * HOUR);

interface Row {
  code: string;
  status: string;
  endedAt: string | null;
}

async function rowOf(code: string): Promise<Row[]> {
  const response = await fetch(`${fixture.apiUrl}/api/handovers`, { headers: { authorization: `Bearer ${token}` } });
  const rows = ((await response.json()) as { handovers: Row[] }).handovers;
  return rows.filter((row) => row.code === code);
}

/** A client who asked for a consultant, taken over in the console (or from LINE, `fromLine`). */
async function takenClient(fromLine = false): Promise<LineUser> {
  const user = await clientAskingForHelp(fixture.stack, userId());
  const code = handoverCode(user.id);
  if (fromLine) expect(await fixture.stack.send(text(OPERATOR, `対応 ${code}`))).toBe(200);
  else {
    const taken = await fetch(`${fixture.apiUrl}/api/handovers/${code}/take`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}` },
    });
    expect(((await taken.json()) as { outcome: string }).outcome).toBe("taken");
  }
  expect(await rowOf(code)).toEqual([expect.objectContaining({ status: "active", endedAt: null })]);
  return user;
}

describe("a hand-over that ends without its consultant", () => {
  it("shows when it ended after the client went back to the bot", async () => {
    const client = await takenClient();
    now = at(1);
    await client.say("ボットに戻る");
    expect(await rowOf(handoverCode(client.id))).toEqual([expect.objectContaining({ status: "ended", endedAt: now.toISOString() })]);
  });

  it("shows when it ended after it went idle, whether the client's next message or the sweep found it", async () => {
    const writes = await takenClient(true);
    const silent = await takenClient();
    now = at(49);
    await writes.say("お久しぶりです。また相談させてください。");
    expect(await rowOf(handoverCode(writes.id))).toEqual([expect.objectContaining({ status: "ended", endedAt: now.toISOString() })]);

    const { stack } = fixture;
    const line = createLineGateway({ channelAccessToken: stack.channelAccessToken, baseURL: stack.line.url });
    const deps = { store: createFirestoreHandoverStore(stack.db), records: createHandoverRecords(stack.db), line, log: silentLogger };
    expect(await endIdleHandovers(now, deps)).toMatchObject({ ended: 1, failed: 0 });
    expect(await rowOf(handoverCode(silent.id))).toEqual([expect.objectContaining({ status: "ended", endedAt: now.toISOString() })]);
  });

  it("shows when it ended after the client blocked the bot", async () => {
    const client = await takenClient(true);
    now = at(2);
    expect(await fixture.stack.send(unfollow(client.id))).toBe(200);
    expect(await rowOf(handoverCode(client.id))).toEqual([expect.objectContaining({ status: "ended", endedAt: now.toISOString() })]);
  });

  it("leaves no record behind when the client deleted their data", async () => {
    const client = await takenClient();
    await client.say("データ削除");
    await client.tap("削除する");
    expect(await rowOf(handoverCode(client.id))).toEqual([]);
    const records = await fixture.stack.db.collection("users").doc(client.id).collection(HANDOVER_RECORDS).get();
    expect(records.size).toBe(0);
  });
});
