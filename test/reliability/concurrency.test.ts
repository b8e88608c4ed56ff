/**
 * Concurrency and order: one user's burst of 50 events in several requests at once loses no
 * write and leaves exactly the state (and entries) that replaying the events one by one, in
 * the order they committed, produces; each request's events commit in timestamp order; a
 * redelivery of the whole burst changes nothing and sends nothing.
 */
import { advance } from "../../src/dialogue/transition";
import type { UserState } from "../../src/dialogue/state";
import { routeEvent } from "../../src/line/events";
import { NOW, sampleState } from "../helpers/dialogue-states";
import { postback, redelivered, sticker, text, userId } from "../helpers/events";
import { commandData } from "../../src/dialogue/postback";
import { useStack } from "../helpers/stack";
import { recentEventsIn, stateIn } from "../helpers/stored-user";

jest.setTimeout(180_000);
const stack = useStack({ now: () => NOW });

const REQUESTS = 5;
const PER_REQUEST = 10;
/** LINE redelivers a request that failed; the test does the same, a bounded number of times. */
const MAX_DELIVERIES = 8;

function burst(user: string): Record<string, unknown>[] {
  const make = [
    () => postback(user, commandData("logThanks")),
    () => text(user, "同僚に資料の作り方を教えたら感謝された"),
    () => text(user, "うれしかった"),
    () => text(user, "ヘルプ"),
    () => text(user, "4"),
    () => sticker(user),
    () => text(user, "WILL"),
  ];
  return Array.from({ length: REQUESTS * PER_REQUEST }, (_, i) => make[(i * 3 + Math.floor(i / 7)) % make.length]());
}

/** Posts the requests at once; re-posts failed ones as LINE would, until all are answered 200. */
async function deliver(requests: Record<string, unknown>[][]): Promise<number> {
  let pending = requests;
  let deliveries = 0;
  while (pending.length > 0 && deliveries < MAX_DELIVERIES) {
    const statuses = await Promise.all(pending.map((events) => stack().send(...events)));
    expect(statuses.every((status) => status === 200 || status === 500)).toBe(true);
    pending = pending.filter((_, i) => statuses[i] !== 200).map((events) => events.map(redelivered));
    deliveries += 1;
  }
  expect(pending).toEqual([]);
  return deliveries;
}

const shuffled = <T>(items: T[]): T[] => [...items].sort(() => Math.random() - 0.5);

describe("one user's burst of 50 events in 5 requests at once", () => {
  it("loses no write and ends in the state a serial replay of the committed order gives", async () => {
    const user = userId();
    const start = sampleState("resting", NOW);
    const ref = stack().db.collection("users").doc(user);
    await ref.set({ state: start, recentEventIds: [] });
    const events = burst(user);
    const requests = Array.from({ length: REQUESTS }, (_, r) => shuffled(events.slice(r * PER_REQUEST, (r + 1) * PER_REQUEST)));

    await deliver(requests);

    const stored = await ref.get();
    const committed = recentEventsIn(stored);
    expect([...committed].sort()).toEqual(events.map((event) => event.webhookEventId as string).sort());

    for (const request of requests) {
      const byTime = [...request].sort((a, b) => (a.timestamp as number) - (b.timestamp as number));
      const positions = byTime.map((event) => committed.indexOf(event.webhookEventId as string));
      expect(positions).toEqual([...positions].sort((a, b) => a - b));
    }

    const byId = new Map(events.map((event) => [event.webhookEventId as string, event]));
    let state: UserState = start;
    const expectedEntries: Record<string, unknown> = {};
    for (const id of committed) {
      const routed = routeEvent(byId.get(id));
      if (routed.kind !== "user") throw new Error(`event ${id} was not routed to the user`);
      const turn = advance(state, routed.input, NOW);
      state = turn.state;
      turn.effects.forEach((effect, index) => {
        if (effect.type === "recordEntry") expectedEntries[`${id}-${index}`] = effect.entry;
      });
    }
    expect(stateIn(stored)).toEqual(JSON.parse(JSON.stringify(state)));
    const entries = await ref.collection("entries").get();
    const actualEntries = Object.fromEntries(
      entries.docs.map((doc) => {
        const { createdAt: _createdAt, ...entry } = doc.data();
        return [doc.id, entry];
      }),
    );
    expect(Object.keys(expectedEntries).length).toBeGreaterThan(0);
    expect(actualEntries).toEqual(JSON.parse(JSON.stringify(expectedEntries)));

    const replyTokens = stack()
      .line.sent()
      .filter((batch) => batch.kind === "reply")
      .map((batch) => batch.replyToken);
    expect(new Set(replyTokens).size).toBe(events.length);
    expect(replyTokens).toHaveLength(events.length);

    stack().line.reset();
    await deliver(requests.map((request) => request.map(redelivered)));
    expect(stack().line.sent()).toEqual([]);
    expect((await ref.get()).updateTime?.isEqual(stored.updateTime!)).toBe(true);
    expect((await ref.collection("entries").get()).size).toBe(entries.size);
  });
});
