/**
 * The console's alerts over real HTTP, the Firestore and Auth emulators and the real webhook:
 * whether a client is listed is stored on their document by the write that records the check-in,
 * the tap of 連絡してほしい, the un-sharing or the take-over, and `/api/alerts` is one query on
 * it. Clients whose check-ins were stored before the scores were kept are listed too: the first
 * read fills in those who share, and a turn fills in anyone else.
 */
import { FieldValue, type Timestamp } from "@google-cloud/firestore";
import { answerData, commandData } from "../../src/dialogue";
import type { UserState } from "../../src/dialogue/state";
import { CONSOLE_META, SCORES_FILLED } from "../../src/store/alerts-store";
import { handoverCode } from "../../src/store/user-document";
import { CONSULTANT, startConsoleFixture, type ConsoleFixture } from "../helpers/console";
import { postback, userId } from "../helpers/events";
import { lineUser } from "../helpers/line-user";
import { storedState } from "../helpers/stored-user";

const OPERATOR = `U${"e".repeat(32)}`;
/** Shares, and checked in three times at 2 or lower under a release that kept no scores. */
const BEFORE = `U${"a1".repeat(16)}`;
/** The same, but shared only after the alerts were first read. */
const LATER = `U${"b2".repeat(16)}`;

let fixture: ConsoleFixture;
let token: string;
const users = () => fixture.stack.db.collection("users");

beforeAll(async () => {
  fixture = await startConsoleFixture({ operatorLineIds: [OPERATOR], escalateCrisis: true });
  token = await fixture.signIn(CONSULTANT);
  await fixture.client(BEFORE, true);
  await storedBeforeScores(BEFORE, [5, 2, 1, 2]);
  await fixture.client(LATER, false);
  await storedBeforeScores(LATER, [1, 1, 1]);
}, 90_000);

afterAll(async () => {
  await fixture?.close();
});

/**
 * Makes `id`'s document one the release before the kept scores left: check-ins with `scores` as
 * entries, counted in the state's profile, no scores in the state and no alert flag.
 */
async function storedBeforeScores(id: string, scores: number[]): Promise<void> {
  const state = await storedState(fixture.stack.db, id);
  const { checkinScores: _notYetKept, ...profile } = state.profile;
  await users()
    .doc(id)
    .update({
      stateJson: JSON.stringify({ ...state, profile: { ...profile, checkins: scores.length } }),
      consoleAlert: FieldValue.delete(),
    });
  for (const [i, score] of scores.entries())
    await users()
      .doc(id)
      .collection("entries")
      .doc(`old-${i}`)
      .set({
        kind: "checkin",
        score,
        thanks: false,
        actionStatus: null,
        willLink: null,
        at: new Date(Date.UTC(2026, 9, i + 1)).toISOString(),
      });
}

async function alerts(): Promise<unknown[]> {
  const response = await fetch(`${fixture.apiUrl}/api/alerts`, { headers: { authorization: `Bearer ${token}` } });
  expect(response.status).toBe(200);
  return ((await response.json()) as { alerts: unknown[] }).alerts;
}

const row = (id: string, lowScores: number[] | null, contactRequested = false) => ({ code: handoverCode(id), lowScores, contactRequested });
const flag = async (id: string): Promise<unknown> => (await users().doc(id).get()).get("consoleAlert");

describe("the alerts", () => {
  it("list a client who shares and whose low check-ins were stored before the scores were kept, from the first read, without a turn", async () => {
    const lastWrite = ((await users().doc(BEFORE).get()).get("updatedAt") as Timestamp).toMillis();
    expect(await flag(BEFORE)).toBeUndefined();

    expect(await alerts()).toEqual([row(BEFORE, [2, 1, 2])]);

    const after = await users().doc(BEFORE).get();
    expect(after.get("consoleAlert")).toBe(true);
    expect((after.get("updatedAt") as Timestamp).toMillis()).toBe(lastWrite);
    expect((await storedState(fixture.stack.db, BEFORE)).profile.checkinScores).toEqual({ asOf: 4, scores: [2, 1, 2] });
    expect((await fixture.stack.db.collection(CONSOLE_META).doc(SCORES_FILLED).get()).get("clients")).toBe(1);
  });

  it("list a client whose low check-ins were stored before the scores were kept from the turn in which they share", async () => {
    expect(await alerts()).toEqual([row(BEFORE, [2, 1, 2])]);
    await fixture.stack.send(postback(LATER, commandData("share")));
    await fixture.stack.send(postback(LATER, answerData("share", "yes")));
    expect(await flag(LATER)).toBe(true);
    expect(await alerts()).toEqual([row(BEFORE, [2, 1, 2]), row(LATER, [1, 1, 1])].sort(byCode));
  });

  it("count each check-in in the write that records it: the third low one lists the client, a better one takes them off", async () => {
    const id = userId();
    await fixture.client(id, true);
    for (const score of [1, 2]) await fixture.checkin(id, score);
    expect(await flag(id)).toBe(false);
    await fixture.checkin(id, 2);
    expect(await flag(id)).toBe(true);
    const state: UserState = await storedState(fixture.stack.db, id);
    expect(state.profile).toMatchObject({ checkins: 3, checkinScores: { asOf: 3, scores: [1, 2, 2] } });
    expect(await alerts()).toContainEqual(row(id, [1, 2, 2]));

    await fixture.checkin(id, 3);
    expect(await flag(id)).toBe(false);
    expect(await alerts()).not.toContainEqual(expect.objectContaining({ code: handoverCode(id) }));
  });

  it("drop a client who stops sharing at once, and list them again when they share again", async () => {
    await fixture.unshare(BEFORE);
    expect(await flag(BEFORE)).toBe(false);
    expect(await alerts()).not.toContainEqual(expect.objectContaining({ code: handoverCode(BEFORE) }));

    await fixture.stack.send(postback(BEFORE, commandData("share")));
    await fixture.stack.send(postback(BEFORE, answerData("share", "yes")));
    expect(await alerts()).toContainEqual(row(BEFORE, [2, 1, 2]));
  });

  it("never list a crisis reply alone; list 連絡してほしい from its tap until a consultant takes the client", async () => {
    const user = lineUser(fixture.stack, userId());
    await fixture.client(user.id, true);
    await user.say("もう限界です。消えてしまいたい");
    expect(user.choices()).toContain("連絡してほしい");
    expect(await flag(user.id)).toBe(false);
    expect(await alerts()).not.toContainEqual(expect.objectContaining({ code: handoverCode(user.id) }));

    await user.tap("連絡してほしい");
    expect(await flag(user.id)).toBe(true);
    expect((await alerts())[0]).toEqual(row(user.id, null, true));

    const taken = await fetch(`${fixture.apiUrl}/api/handovers/${handoverCode(user.id)}/take`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}` },
    });
    expect(((await taken.json()) as { outcome: string }).outcome).toBe("taken");
    expect(await flag(user.id)).toBe(false);
    expect(await alerts()).not.toContainEqual(expect.objectContaining({ code: handoverCode(user.id) }));
  });
});

function byCode(a: { code: string }, b: { code: string }): number {
  return a.code.localeCompare(b.code);
}
