/**
 * One user's burst through the production wiring (`createServerApp`: the per-user turn
 * queue, its time budget, the LINE gateway's timeouts) over real HTTP against the emulator:
 * one request per event, as LINE sends them, all at once.
 */
import type { UserState } from "../../src/dialogue/state";
import { advance } from "../../src/dialogue/transition";
import { routeEvent } from "../../src/line/events";
import { NOW, sampleState } from "../helpers/dialogue-states";
import { burstEvents, redelivered, text, userId } from "../helpers/events";
import { recentEventsIn, stateIn } from "../helpers/stored-user";
import { startServerStack, type ServerStack } from "./server-stack";

jest.setTimeout(60_000);

/** LINE's wait for an answer. */
const LINE_DEADLINE_MS = 2_000;
/** LINE redelivers what was answered 5xx; the test does too, a bounded number of times. */
const MAX_DELIVERIES = 6;

let stack: ServerStack;
beforeAll(async () => {
  stack = await startServerStack({ now: () => NOW });
  // The instance's first call waits for the client to load; a burst meets a warm instance.
  expect(await stack.send(text(userId(), "こんにちは"))).toBe(200);
});
afterAll(async () => {
  await stack.close();
});
beforeEach(() => {
  stack.line.reset();
});
afterEach(() => {
  expect(stack.line.violations()).toEqual([]);
});

async function restingUser(): Promise<string> {
  const user = userId();
  await stack.db
    .collection("users")
    .doc(user)
    .set({ state: sampleState("resting", NOW), recentEventIds: [] });
  return user;
}

/** Posts each event in its own request, all at once; returns each request's status and milliseconds. */
async function sendAtOnce(events: Record<string, unknown>[]): Promise<{ status: number; ms: number }[]> {
  return Promise.all(
    events.map(async (event) => {
      const started = performance.now();
      const status = await stack.send(event);
      return { status, ms: performance.now() - started };
    }),
  );
}

/** The state and entries that applying `ids` one by one, in this order, gives. */
function replay(start: UserState, events: Record<string, unknown>[], ids: string[]) {
  const byId = new Map(events.map((event) => [event.webhookEventId as string, event]));
  let state = start;
  const entries: Record<string, unknown> = {};
  for (const id of ids) {
    const routed = routeEvent(byId.get(id));
    if (routed.kind !== "user") throw new Error(`event ${id} was not routed to the user`);
    const turn = advance(state, routed.input, NOW);
    state = turn.state;
    turn.effects.forEach((effect, index) => {
      if (effect.type === "recordEntry") entries[`${id}-${index}`] = effect.entry;
    });
  }
  return { state: JSON.parse(JSON.stringify(state)) as unknown, entries: JSON.parse(JSON.stringify(entries)) as unknown };
}

async function stored(user: string) {
  const ref = stack.db.collection("users").doc(user);
  const doc = await ref.get();
  const entries = await ref.collection("entries").get();
  return {
    doc,
    committed: recentEventsIn(doc),
    state: stateIn(doc),
    entries: Object.fromEntries(
      entries.docs.map((entry) => {
        const { createdAt: _createdAt, ...fields } = entry.data();
        return [entry.id, fields];
      }),
    ),
  };
}

const replyTokens = () =>
  stack.line
    .sent()
    .filter((batch) => batch.kind === "reply")
    .map((batch) => batch.replyToken);

/**
 * The events, by id, that break "applied exactly once and answered once": not among the
 * stored event ids, stored twice, with no reply, or with more than one. Named apart so that
 * a failure says which half of the invariant broke (a reply lost after its commit leaves the
 * event stored but unanswered).
 */
function invariantBreaches(events: Record<string, unknown>[], committed: string[]) {
  const replies = replyTokens();
  const idOf = (event: Record<string, unknown>) => event.webhookEventId as string;
  const count = (list: readonly unknown[], value: unknown) => list.filter((item) => item === value).length;
  return {
    notApplied: events.filter((event) => count(committed, idOf(event)) === 0).map(idOf),
    appliedTwice: events.filter((event) => count(committed, idOf(event)) > 1).map(idOf),
    unanswered: events.filter((event) => count(replies, event.replyToken) === 0).map(idOf),
    answeredTwice: events.filter((event) => count(replies, event.replyToken) > 1).map(idOf),
  };
}

/**
 * Every event of `events` stored once, one reply to each, and the state and entries those of
 * a serial replay through the core in the order the events were applied.
 */
function expectEachOnceAsSerialReplay(events: Record<string, unknown>[], after: Awaited<ReturnType<typeof stored>>): void {
  expect([...after.committed].sort()).toEqual(events.map((event) => event.webhookEventId as string).sort());
  const expected = replay(sampleState("resting", NOW), events, after.committed);
  expect(after.state).toEqual(expected.state);
  expect(after.entries).toEqual(expected.entries);
  expect(replyTokens().sort()).toEqual(events.map((event) => event.replyToken as string).sort());
}

/** A full redelivery of `events` is answered 200, changes nothing and sends nothing. */
async function expectRedeliveryChangesNothing(user: string, events: Record<string, unknown>[]): Promise<void> {
  const before = await stored(user);
  stack.line.reset();
  const answers = await sendAtOnce(events.map(redelivered));
  expect(answers.map(({ status }) => status)).toEqual(events.map(() => 200));
  expect(stack.line.sent()).toEqual([]);
  const after = await stored(user);
  expect(after.doc.updateTime?.isEqual(before.doc.updateTime!)).toBe(true);
  expect(after.entries).toEqual(before.entries);
}

describe.each([2, 30])("%i requests of one user at once", (size) => {
  it("are all answered 200 within 2 s, each applied once with one reply, the state that of a serial replay", async () => {
    const user = await restingUser();
    const events = burstEvents(user, size);

    const answers = await sendAtOnce(events);

    expect(answers.map(({ status }) => status)).toEqual(events.map(() => 200));
    expect(Math.max(...answers.map(({ ms }) => ms))).toBeLessThan(LINE_DEADLINE_MS);
    const after = await stored(user);
    // Every event once. The order is the timestamp order for the requests that reached the
    // server before the user's document was read; one that a loaded machine delayed past it is
    // applied after those (turn-queue.test.ts checks the timestamp order of turns that wait
    // together, deterministically). Whatever the order, nothing is lost on the way:
    expectEachOnceAsSerialReplay(events, after);

    await expectRedeliveryChangesNothing(user, events);
  });
});

describe("100 requests of one user at once", () => {
  it("apply every event exactly once and answer each once, counting LINE's redelivery of what was answered 5xx", async () => {
    const user = await restingUser();
    const events = burstEvents(user, 100);

    let pending = events;
    for (let delivery = 0; pending.length > 0 && delivery < MAX_DELIVERIES; delivery++) {
      const answers = await sendAtOnce(pending);
      expect(answers.every(({ status }) => status === 200 || status === 500)).toBe(true);
      pending = pending.filter((_, i) => answers[i].status !== 200).map(redelivered);
    }
    expect(pending).toEqual([]);

    const after = await stored(user);
    expect(invariantBreaches(events, after.committed)).toEqual({ notApplied: [], appliedTwice: [], unanswered: [], answeredTwice: [] });
    expectEachOnceAsSerialReplay(events, after);

    await expectRedeliveryChangesNothing(user, events);
  });
});
