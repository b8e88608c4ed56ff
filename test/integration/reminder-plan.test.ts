/**
 * The reminder fan-out's planner against the Firestore emulator: the ranges of user ids a
 * plan reads at once hold every due user exactly once (no gap, no overlap), ids of any shape
 * included, and a plan that runs again for its tick enqueues nothing new.
 */
import { randomBytes } from "node:crypto";
import type { ReminderSchedule } from "../../src/calendar/schedule";
import { planReminderShards, shardTaskId, type FanoutSettings, type PlanSummary } from "../../src/jobs/reminder-fanout";
import { silentLogger } from "../../src/log";
import { createFirestorePlanStore } from "../../src/store/reminder-plan-store";
import type { ShardQueue, ShardTask } from "../../src/tasks/shard-queue";
import { seedReminderUser } from "../helpers/reminder-users";
import { useStack } from "../helpers/stack";
import { recordingQueue } from "../helpers/recording-queue";

const stack = useStack();
const tokyo = (wallClock: string) => new Date(`${wallClock}+09:00`);
const DAILY_21: ReminderSchedule = { kind: "daily", time: "21:00" };
const PLAN_AT = tokyo("2026-11-24T21:06");
const TICK = tokyo("2026-11-24T21:05");

/**
 * Ids at and around the bounds of 16 ranges ("U10", "U20", … "Uf0"), shorter and longer ones,
 * other letters and cases, spaces, symbols, Japanese, an emoji (ordered differently by UTF-8
 * and UTF-16) and the highest code unit.
 */
const ODD_IDS = [
  "U",
  "U0",
  "U00",
  "U0fffffffffffffffffffffffffffffff",
  "U1",
  "U10",
  "U10000000000000000000000000000000",
  "U7f",
  "U80",
  "Uef",
  "Uf0",
  "Uf",
  "Uffffffffffffffffffffffffffffffff",
  "UFF",
  "u10",
  "V1",
  "A",
  "Z",
  "0",
  "a b",
  "U 1",
  "U-_.~!@#$%^&*()",
  "Uあいう",
  "U😀",
  "U\uffff",
  "ユーザー",
];

const lineId = () => `U${randomBytes(16).toString("hex")}`;

/** Seeds users due at each of `slots` in turn; returns their ids. */
async function seed(ids: readonly string[], slots: readonly Date[]): Promise<string[]> {
  await Promise.all(ids.map((id, n) => seedReminderUser(stack().db, id, DAILY_21, slots[n % slots.length])));
  return [...ids];
}

function plan(
  queue: ShardQueue,
  settings: Partial<FanoutSettings>,
  quota: { limit: number | null; used: number } = { limit: null, used: 0 },
) {
  return planReminderShards(PLAN_AT, {
    store: createFirestorePlanStore(stack().db),
    queue,
    line: { quota: () => Promise.resolve(quota) },
    log: silentLogger,
    settings,
  });
}

const plannedIds = (queue: { tasks: Map<string, ShardTask> }) => [...queue.tasks.values()].flatMap((task) => task.userIds);
const sorted = (ids: readonly string[]) => [...ids].sort();

describe("the reminder plan in ranges of user ids, over Firestore", () => {
  it("puts every due user in exactly one shard, odd ids included, and leaves out users not due in the plan's windows", async () => {
    const fresh = await seed([...ODD_IDS, ...Array.from({ length: 150 }, lineId)], [tokyo("2026-11-24T21:01"), tokyo("2026-11-24T21:05")]);
    const stale = await seed(Array.from({ length: 40 }, lineId), [tokyo("2026-11-23T21:00"), tokyo("2026-11-24T20:50")]);
    const notDue = await seed(Array.from({ length: 20 }, lineId), [
      tokyo("2026-11-24T21:00"),
      tokyo("2026-11-24T20:55"),
      tokyo("2026-11-24T21:10"),
    ]);
    const queue = recordingQueue();

    const summary = await plan(queue, { ranges: 16, shardSize: 7 });

    const planned = plannedIds(queue);
    expect(planned).toHaveLength(fresh.length + stale.length);
    expect(sorted(planned)).toEqual(sorted([...fresh, ...stale]));
    for (const id of notDue) expect(planned).not.toContain(id);
    expect(summary).toMatchObject({ ranges: 16, planned: fresh.length + stale.length, enqueued: queue.tasks.size, existing: 0 });
    const byWindow = (window: ShardTask["window"]) =>
      sorted([...queue.tasks.values()].filter((task) => task.window === window).flatMap((task) => task.userIds));
    expect(byWindow("fresh")).toEqual(sorted(fresh));
    expect(byWindow("stale")).toEqual(sorted(stale));
    for (const task of queue.tasks.values()) expect(task.userIds.length).toBeLessThanOrEqual(7);
    expect(new Set([...queue.tasks.values()].map((task) => task.range)).size).toBeGreaterThan(8);
  });

  it("cuts the same users into shards in one range or in 256, and into the same shards when the plan runs again", async () => {
    const due = await seed([...ODD_IDS, ...Array.from({ length: 120 }, lineId)], [tokyo("2026-11-24T21:02"), tokyo("2026-11-24T21:03")]);
    const one = recordingQueue();
    const many = recordingQueue();

    await plan(one, { ranges: 1, shardSize: 500 });
    const first: PlanSummary = await plan(many, { ranges: 256, shardSize: 3 });
    const tasks = structuredClone([...many.tasks]);
    const again = await plan(many, { ranges: 256, shardSize: 3 });

    expect(sorted(plannedIds(one))).toEqual(sorted(due));
    expect(sorted(plannedIds(many))).toEqual(sorted(due));
    expect(again).toMatchObject({ planned: due.length, enqueued: 0, existing: first.enqueued });
    expect([...many.tasks]).toEqual(tasks);
    for (const [id, task] of many.tasks) expect(id).toBe(shardTaskId(TICK, task.window, task.range, task.index));
  });

  it("gives the shards of all ranges no more of the month's quota than remains, and leaves the rest due", async () => {
    const due = await seed(Array.from({ length: 200 }, lineId), [tokyo("2026-11-24T21:04")]);
    const queue = recordingQueue();

    const summary = await plan(queue, { ranges: 16, shardSize: 5 }, { limit: 1000, used: 930 });

    const shards = [...queue.tasks.values()];
    expect(shards.reduce((total, task) => total + (task.maxPushes ?? Infinity), 0)).toBe(70);
    expect(summary.planned).toBe(70);
    expect(summary.planned + summary.overQuota).toBeLessThanOrEqual(due.length);
    expect(new Set(plannedIds(queue)).size).toBe(plannedIds(queue).length);
  });
});
