/**
 * A failure after a turn is stored must not fail its request. The records, the stored-data
 * card, the insights chart and a hand-off's shared entries are read after the turn's commit;
 * when that read failed (its 1.5 s deadline, under load), the webhook used to answer 500 for
 * an event it had already applied, and LINE's redelivery then found the event handled: the
 * user never got an answer.
 * Found by the one-user burst of 100 with Firestore's link slowed down.
 *
 * Real parts (the app over real HTTP, the production-wired store against the emulator, the
 * LINE stand-in); the fault is injected at the store's `listEntries`, after the real turn.
 */
import { messages } from "../../src/dialogue/content";
import { answerData } from "../../src/dialogue/postback";
import { StoreDeadlineError } from "../../src/store/turn-queue";
import type { UserStore } from "../../src/store/user-store";
import { NOW, sampleState } from "../helpers/dialogue-states";
import { postback, redelivered, text, userId } from "../helpers/events";
import { useStack } from "../helpers/stack";
import { recentEventsIn } from "../helpers/stored-user";

let failReads = false;
let readsFailed = 0;

/** The production store, whose entry reads fail (as its deadline fails them) while `failReads` is set. */
const failingReads = (store: UserStore): UserStore => ({
  runTurn: (userId, plan, options) => store.runTurn(userId, plan, options),
  listEntries: (userId, offset, limit) => {
    if (!failReads) return store.listEntries(userId, offset, limit);
    readsFailed += 1;
    return Promise.reject(new StoreDeadlineError("listEntries", 1_500));
  },
  findByHandoverCode: (code) => store.findByHandoverCode(code),
  deleteUser: (userId) => store.deleteUser(userId),
});

const OPERATOR = userId();
const stack = useStack({ now: () => NOW, operatorLineIds: [OPERATOR], wrapStore: failingReads });

beforeEach(() => {
  failReads = false;
  readsFailed = 0;
});

type TextMessage = { type: string; text?: string };

describe.each([
  {
    name: "「記録を見る」",
    send: (user: string) => text(user, "記録を見る"),
    effect: "showRecords",
    says: messages["records.unavailable"],
  },
  {
    name: "「データ確認」",
    send: (user: string) => text(user, "データ確認"),
    effect: "showStoredData",
    says: messages["records.unavailable"],
  },
  // The WILL card and the prompt are the answer; only the chart is left out.
  { name: "「WILL」", send: (user: string) => text(user, "WILL"), effect: "showInsights", says: null },
  // The user chose to share recent entries: without them nothing goes to the operators.
  {
    name: "a hand-off sharing recent entries",
    state: { ...sampleState("awaitingHandoffConfirm", NOW), step: { type: "awaitingHandoffConfirm", scope: "withEntries" } },
    send: (user: string) => postback(user, answerData("hoc", "send")),
    effect: "handOff",
    says: messages["handoff.failed"],
  },
])("$name whose entries cannot be read after its turn is stored", ({ state, send, effect, says }) => {
  it("is answered 200 with its one reply, and a redelivery changes nothing and sends nothing", async () => {
    const user = userId();
    const ref = stack().db.collection("users").doc(user);
    await ref.set({ state: state ?? sampleState("resting", NOW), recentEventIds: [] });
    const event = send(user);

    failReads = true;
    expect(await stack().send(event)).toBe(200);

    expect(readsFailed).toBe(1);
    const replies = stack().line.sent();
    expect(replies.map((batch) => batch.replyToken)).toEqual([event.replyToken]);
    const sentTexts = (replies[0]?.messages as TextMessage[]).flatMap((message) => (message.type === "text" ? [message.text] : []));
    if (says !== null) expect(sentTexts).toContain(says);
    else expect(sentTexts).not.toContain(messages["records.unavailable"]);
    expect(stack().logs).toContainEqual(
      expect.objectContaining({ severity: "ERROR", message: "entries read failed", fields: expect.objectContaining({ effect }) }),
    );
    const stored = await ref.get();
    expect(recentEventsIn(stored)).toEqual([event.webhookEventId]);

    stack().line.reset();
    expect(await stack().send(redelivered(event))).toBe(200);
    expect(stack().line.sent()).toEqual([]);
    expect((await ref.get()).updateTime?.isEqual(stored.updateTime!)).toBe(true);
  });
});
