/**
 * The reminder fan-out's task queue: one task per shard of due users, delivered to the
 * `reminderShard` task-queue function (`functions/src/index.ts`). The queue is Cloud Tasks,
 * reached through firebase-admin's task queues; it is loaded on the first enqueue, so the
 * modules that only send stay light.
 *
 * A task's id is chosen by the planner and is deterministic: Cloud Tasks refuses a second
 * task with an id it has seen (for about an hour after the first ran), so a plan that runs
 * twice enqueues nothing new.
 */

/** The task-queue function that sends a shard, and its region (the queue is named with both). */
export const REMINDER_SHARD_FUNCTION = { name: "reminderShard", region: "asia-northeast1" } as const;

/** The resource name firebase-admin needs: without the region it looks in us-central1. */
export const REMINDER_SHARD_QUEUE = `locations/${REMINDER_SHARD_FUNCTION.region}/functions/${REMINDER_SHARD_FUNCTION.name}`;

/** One shard of a plan, as the task carries it (plain JSON). */
export interface ShardTask {
  /** The payload's shape; a task of another version is refused. */
  version: 1;
  /** The scheduler tick that planned it (ISO time), for logs. */
  tick: string;
  /** The plan's window it came from: the last interval's slots, or older ones left due. */
  window: "fresh" | "stale";
  /** The range of user ids of the window it came from, from 0 (0 in tasks planned before ranges). */
  range: number;
  /** Its place in its range, from 0. */
  index: number;
  /** The users to send to, as the plan saw them due; a member no longer due is skipped. */
  userIds: string[];
  /** The most pushes this shard may make: its share of the month's quota; null when unlimited. */
  maxPushes: number | null;
}

/** Where the planner puts shards. */
export interface ShardQueue {
  /** Enqueues `task` under `id`; "exists" when a task with that id was already enqueued. */
  enqueue(task: ShardTask, id: string): Promise<"enqueued" | "exists">;
}

/** A payload that is not a {@link ShardTask}. */
export class ShardTaskError extends Error {
  override name = "ShardTaskError";
}

/**
 * Checks that `data` (a task's body) is a {@link ShardTask}. A task planned before ranges has
 * no `range`; it reads as range 0.
 */
export function readShardTask(data: unknown): ShardTask {
  const task = data as Partial<ShardTask> | null;
  const valid =
    typeof task === "object" &&
    task !== null &&
    task.version === 1 &&
    (task.range === undefined || Number.isInteger(task.range)) &&
    typeof task.tick === "string" &&
    (task.window === "fresh" || task.window === "stale") &&
    Number.isInteger(task.index) &&
    Array.isArray(task.userIds) &&
    task.userIds.every((id) => typeof id === "string") &&
    (task.maxPushes === null || (typeof task.maxPushes === "number" && task.maxPushes >= 0));
  if (!valid) throw new ShardTaskError(`Not a reminder shard task: ${JSON.stringify(data).slice(0, 200)}`);
  return { ...(task as ShardTask), range: task.range ?? 0 };
}

/**
 * The {@link ShardQueue} on Cloud Tasks (or the Tasks emulator, when the Functions emulator
 * sets CLOUD_TASKS_EMULATOR_HOST), through firebase-admin with the environment's credentials.
 */
export function createCloudTasksQueue(): ShardQueue {
  let queue: Promise<{ enqueue(data: ShardTask, options: { id: string }): Promise<void> }> | undefined;
  const load = async () => {
    const [{ getApps, initializeApp }, { getFunctions }] = await Promise.all([
      import("firebase-admin/app"),
      import("firebase-admin/functions"),
    ]);
    const app = getApps()[0] ?? initializeApp();
    return getFunctions(app).taskQueue<ShardTask>(REMINDER_SHARD_QUEUE);
  };
  return {
    async enqueue(task, id) {
      queue ??= load();
      try {
        await (await queue).enqueue(task, { id });
        return "enqueued";
      } catch (error) {
        if ((error as { code?: unknown }).code === "functions/task-already-exists") return "exists";
        throw error;
      }
    },
  };
}
