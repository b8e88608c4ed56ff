/**
 * A stand-in for the Cloud Tasks queue in the planner's tests: like Cloud Tasks, it refuses
 * an id it has seen; it keeps the tasks by id for assertions.
 */
import type { ShardQueue, ShardTask } from "../../src/tasks/shard-queue";

/** A queue that records the tasks enqueued, by id. */
export function recordingQueue(): ShardQueue & { tasks: Map<string, ShardTask> } {
  const tasks = new Map<string, ShardTask>();
  return {
    tasks,
    enqueue(task, id) {
      if (tasks.has(id)) return Promise.resolve("exists");
      tasks.set(id, structuredClone(task));
      return Promise.resolve("enqueued");
    },
  };
}
