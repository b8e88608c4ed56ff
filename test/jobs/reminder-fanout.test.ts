/**
 * The reminder fan-out's planner and shard sender over the in-memory reminder store and the
 * recording LINE gateway: where shards begin and end, what a repeated plan does, a shard that
 * fails and is retried, the month's quota split across shards, and the ranges of user ids a
 * plan reads at once (the same over Firestore: test/integration/reminder-plan.test.ts).
 */
import fc from "fast-check";
import type { ReminderSchedule } from "../../src/calendar/schedule";
import {
  idRanges,
  MAX_ID_RANGES,
  planReminderShards,
  sendReminderShard,
  shardTaskId,
  ShardIncompleteError,
  type PlanDeps,
} from "../../src/jobs/reminder-fanout";
import { LineApiError } from "../../src/line/error";
import type { LineGateway } from "../../src/line/gateway";
import { createRecordingGateway, type RecordingGateway } from "../../src/line/recording-gateway";
import { retryKey } from "../../src/line/retry-key";
import type { Logger } from "../../src/log";
import { createMemoryReminderStore, type MemoryReminderStore } from "../../src/store/memory-reminder-store";
import { readShardTask, type ShardTask } from "../../src/tasks/shard-queue";
import { reminderUserState } from "../helpers/reminder-users";
import { recordingQueue } from "../helpers/recording-queue";

const tokyo = (wallClock: string) => new Date(`${wallClock}+09:00`);
const DAILY_21: ReminderSchedule = { kind: "daily", time: "21:00" };
const TICK = tokyo("2026-11-24T21:05");
const silent: Logger = { info: () => {}, warn: () => {}, error: () => {} };
const noSleep = () => Promise.resolve();

const userIdOf = (n: number) => `U${n.toString(16).padStart(32, "0")}`;
/** A LINE-shaped id whose leading hex digits spread over the id space as real ones do (distinct for each n). */
const spreadIdOf = (n: number) => `U${((n * 2654435761) % 2 ** 32).toString(16).padStart(8, "0")}${"0".repeat(24)}`;

/** `count` users with spread ids, due at `slot`. */
function seedSpread(store: MemoryReminderStore, count: number, slot: Date): string[] {
  const ids = Array.from({ length: count }, (_, n) => spreadIdOf(n));
  for (const id of ids) store.put(id, slot, reminderUserState(DAILY_21, slot));
  return ids;
}

/** `count` users due at `slot` (ids in order from `first`). */
function seed(store: MemoryReminderStore, count: number, slot: Date, first = 0): string[] {
  const ids = Array.from({ length: count }, (_, i) => userIdOf(first + i));
  for (const id of ids) store.put(id, slot, reminderUserState(DAILY_21, slot));
  return ids;
}

function world(quota: { limit: number | null; used: number } = { limit: null, used: 0 }) {
  const store = createMemoryReminderStore();
  const queue = recordingQueue();
  const recording = createRecordingGateway();
  const line: RecordingGateway = { ...recording, calls: recording.calls, quota: () => Promise.resolve(quota) };
  const plan = (now: Date, settings: PlanDeps["settings"] = { shardSize: 500, ranges: 1 }) =>
    planReminderShards(now, { store, queue, line, log: silent, settings });
  const send = (task: ShardTask, now: Date, gateway: LineGateway = line) =>
    sendReminderShard(task, now, { store, line: gateway, log: silent, sleep: noSleep });
  const pushedTo = () => line.calls.filter((call) => call.kind === "push").map((call) => call.target);
  return { store, queue, line, plan, send, pushedTo };
}

describe("the reminder fan-out planner", () => {
  it("cuts the due users into shards of the shard size, in the due query's order, one task id per (tick, shard)", async () => {
    const { store, queue, plan } = world();
    const ids = seed(store, 1201, tokyo("2026-11-24T21:01"));

    const summary = await plan(tokyo("2026-11-24T21:06:30"));

    expect(summary).toMatchObject({ tick: TICK.toISOString(), planned: 1201, enqueued: 3, existing: 0, overQuota: 0 });
    expect([...queue.tasks.keys()]).toEqual([0, 1, 2].map((index) => shardTaskId(TICK, "fresh", 0, index)));
    const shards = [...queue.tasks.values()];
    expect(shards.map((task) => task.userIds.length)).toEqual([500, 500, 201]);
    expect(shards.flatMap((task) => task.userIds)).toEqual(ids);
    expect(shards.every((task) => task.maxPushes === null && task.window === "fresh")).toBe(true);
  });

  it("plans the last interval's slots up to the tick and slots past the settle time, not those in between", async () => {
    const { store, queue, plan } = world();
    const at = (wallClock: string, n: number) => seed(store, 1, tokyo(wallClock), n)[0];
    const atTick = at("2026-11-24T21:05", 1);
    const justAfterPreviousTick = at("2026-11-24T21:00:00.001", 2);
    const previousTick = at("2026-11-24T21:00", 3);
    const inFlight = at("2026-11-24T20:51", 4);
    const settled = at("2026-11-24T20:50", 5);
    const yesterday = at("2026-11-23T21:00", 6);
    const afterTick = at("2026-11-24T21:05:00.001", 7);

    await plan(tokyo("2026-11-24T21:09:59"));

    const planned = (window: ShardTask["window"]) =>
      [...queue.tasks.values()].filter((task) => task.window === window).flatMap((task) => task.userIds);
    expect(planned("fresh")).toEqual([justAfterPreviousTick, atTick]);
    expect(planned("stale")).toEqual([yesterday, settled]);
    for (const id of [previousTick, inFlight, afterTick]) expect([...planned("fresh"), ...planned("stale")]).not.toContain(id);
  });

  it("enqueues nothing new when the plan of a tick runs again, before or after some shards were sent", async () => {
    const { store, queue, plan, send } = world();
    seed(store, 1201, tokyo("2026-11-24T21:00:30"));
    await plan(tokyo("2026-11-24T21:05:10"));

    expect(await plan(tokyo("2026-11-24T21:05:40"))).toMatchObject({ enqueued: 0, existing: 3 });
    await send(queue.tasks.get(shardTaskId(TICK, "fresh", 0, 0))!, tokyo("2026-11-24T21:06"));
    expect(await plan(tokyo("2026-11-24T21:06:10"))).toMatchObject({ planned: 701, enqueued: 0, existing: 2 });
    expect(queue.tasks.size).toBe(3);
  });

  it("sends every member of every shard once, and a shard sent twice pushes nothing more", async () => {
    const { store, queue, plan, send, pushedTo } = world();
    const ids = seed(store, 1201, tokyo("2026-11-24T21:03"));
    await plan(tokyo("2026-11-24T21:05"));

    for (const task of queue.tasks.values()) await send(task, tokyo("2026-11-24T21:05:30"));
    const again = await send(queue.tasks.get(shardTaskId(TICK, "fresh", 0, 1))!, tokyo("2026-11-24T21:06"));

    expect(again).toMatchObject({ due: 0, sent: 0 });
    expect(pushedTo()).toEqual(ids);
    for (const id of ids) expect(store.slotOf(id)).toEqual(tokyo("2026-11-25T21:00"));
  });

  it("retries a shard whose push failed: the task throws, and its retry sends only what is still due", async () => {
    const { store, queue, plan, send, line, pushedTo } = world();
    const ids = seed(store, 30, tokyo("2026-11-24T21:02"));
    await plan(tokyo("2026-11-24T21:05"), { shardSize: 10, ranges: 1 });
    const failing = ids[13];
    const outage: LineGateway = {
      ...line,
      push: (to, messages, key) =>
        to === failing
          ? Promise.reject(
              new LineApiError({
                operation: "push",
                status: 503,
                requestId: undefined,
                responseBody: undefined,
                timedOut: false,
                cause: null,
              }),
            )
          : line.push(to, messages, key),
    };
    const shard = queue.tasks.get(shardTaskId(TICK, "fresh", 0, 1))!;

    await expect(send(shard, tokyo("2026-11-24T21:05:20"), outage)).rejects.toBeInstanceOf(ShardIncompleteError);
    expect(store.slotOf(failing)).toEqual(tokyo("2026-11-24T21:02"));
    const retry = await send(shard, tokyo("2026-11-24T21:06"));

    expect(retry).toMatchObject({ due: 1, sent: 1, failed: 0 });
    expect(
      pushedTo()
        .filter((id) => ids.slice(10, 20).includes(id))
        .sort(),
    ).toEqual(ids.slice(10, 20));
    const retried = line.calls.filter((call) => call.kind === "push" && call.target === failing);
    expect(retried.map((call) => call.retryKey)).toEqual([retryKey(`reminder:${failing}:${tokyo("2026-11-24T21:02").toISOString()}`)]);
  });

  it("splits the month's remaining quota across the shards in order and plans none past it", async () => {
    const { store, queue, plan, send, pushedTo } = world({ limit: 1000, used: 300 });
    const ids = seed(store, 1201, tokyo("2026-11-24T21:00:01"));

    expect(await plan(tokyo("2026-11-24T21:05"))).toMatchObject({ planned: 700, enqueued: 2, overQuota: 300 });
    expect([...queue.tasks.values()].map((task) => [task.userIds.length, task.maxPushes])).toEqual([
      [500, 500],
      [500, 200],
    ]);
    const summaries = [];
    for (const task of queue.tasks.values()) summaries.push(await send(task, tokyo("2026-11-24T21:05:30")));

    expect(pushedTo()).toEqual(ids.slice(0, 700));
    expect(summaries[1]).toMatchObject({ sent: 200, overQuota: 300, quotaReached: true });
    for (const id of ids.slice(700)) expect(store.slotOf(id)).toEqual(tokyo("2026-11-24T21:00:01"));
  });

  it("plans nothing and reads no due user when the month's quota is spent", async () => {
    const { store, queue, plan } = world({ limit: 200, used: 200 });
    seed(store, 50, tokyo("2026-11-24T21:01"));
    expect(await plan(tokyo("2026-11-24T21:05"))).toMatchObject({ planned: 0, enqueued: 0 });
    expect(queue.tasks.size).toBe(0);
  });
});

describe("planning in ranges of user ids", () => {
  it("cuts the id space into ranges that follow each other, open at both ends, in increasing order", () => {
    for (const count of [1, 2, 3, 16, 100, 255, MAX_ID_RANGES]) {
      const ranges = idRanges(count);
      expect(ranges).toHaveLength(count);
      expect(ranges[0].from).toBeNull();
      expect(ranges.at(-1)!.until).toBeNull();
      for (let r = 1; r < count; r++) {
        expect(ranges[r].from).toBe(ranges[r - 1].until);
        if (r > 1) expect(ranges[r].from! > ranges[r - 1].from!).toBe(true);
      }
    }
    expect(idRanges(4).map((range) => range.from)).toEqual([null, "U40", "U80", "Uc0"]);
    for (const count of [0, MAX_ID_RANGES + 1, 1.5]) expect(() => idRanges(count)).toThrow(RangeError);
  });

  it("puts every due user in exactly one shard, whatever the ids, the number of ranges and the shard size", async () => {
    const id = fc.oneof(
      fc.string({ minLength: 1, maxLength: 6, unit: "grapheme" }),
      fc.stringMatching(/^U[0-9a-f]{1,4}$/),
      fc.constantFrom("U", "U0", "U10", "U40", "U80", "Uc0", "Uff", "V", "u00", "UFF"),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(id, { maxLength: 40 }),
        fc.integer({ min: 1, max: MAX_ID_RANGES }),
        fc.integer({ min: 1, max: 6 }),
        async (ids, ranges, shardSize) => {
          const { store, queue, plan } = world();
          for (const [n, userId] of ids.entries()) {
            const slot = tokyo(n % 2 === 0 ? "2026-11-24T21:01" : "2026-11-24T21:04");
            store.put(userId, slot, reminderUserState(DAILY_21, slot));
          }
          await plan(tokyo("2026-11-24T21:05"), { shardSize, ranges });
          const planned = [...queue.tasks.values()].flatMap((task) => task.userIds);
          expect(planned.slice().sort()).toEqual(ids.slice().sort());
          for (const task of queue.tasks.values()) expect(task.userIds.length).toBeLessThanOrEqual(shardSize);
        },
      ),
      { numRuns: 150 },
    );
  });

  it("names each shard by its range and place, and enqueues nothing new when the tick is planned again", async () => {
    const { store, queue, plan } = world();
    seedSpread(store, 400, tokyo("2026-11-24T21:02"));
    const settings = { shardSize: 10, ranges: 8 };

    const first = await plan(tokyo("2026-11-24T21:05"), settings);
    const again = await plan(tokyo("2026-11-24T21:07"), settings);

    expect(first).toMatchObject({ ranges: 8, planned: 400, existing: 0 });
    expect(new Set([...queue.tasks.values()].map((task) => task.range)).size).toBe(8);
    for (const [taskId, task] of queue.tasks) expect(taskId).toBe(shardTaskId(TICK, "fresh", task.range, task.index));
    expect(again).toMatchObject({ planned: 400, enqueued: 0, existing: first.enqueued });
    expect(queue.tasks.size).toBe(first.enqueued);
  });

  it("splits the month's quota across the shards of all ranges without giving out more than remains", async () => {
    const { store, queue, plan, send, pushedTo } = world({ limit: 1000, used: 750 });
    seedSpread(store, 600, tokyo("2026-11-24T21:03"));

    const summary = await plan(tokyo("2026-11-24T21:05"), { shardSize: 20, ranges: 16 });
    const shards = [...queue.tasks.values()];

    expect(summary).toMatchObject({ planned: 250 });
    expect(summary.overQuota).toBeGreaterThan(0);
    expect(shards.reduce((total, task) => total + task.maxPushes!, 0)).toBe(250);
    for (const task of shards) expect(task.maxPushes).toBeGreaterThan(0);
    for (const task of shards) await send(task, tokyo("2026-11-24T21:05:30"));
    expect(new Set(pushedTo()).size).toBe(250);
    expect(pushedTo()).toHaveLength(250);
  });

  it("reads a task planned before ranges as range 0 and refuses a range that is not a whole number", () => {
    const before = { version: 1, tick: TICK.toISOString(), window: "fresh", index: 2, userIds: ["U1"], maxPushes: null };
    expect(readShardTask(before)).toEqual({ ...before, range: 0 });
    expect(() => readShardTask({ ...before, range: "3" })).toThrow();
  });
});
