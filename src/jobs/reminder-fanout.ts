/**
 * The reminder job fanned out on a task queue, for accounts whose slots hold more users than
 * one instance sends in time (README, "Reminders at scale"). The scheduled function only
 * plans ({@link planReminderShards}); a task-queue function sends each shard
 * ({@link sendReminderShard}) with the single pass's exactly-once steps: retry keys, the
 * guarded completion, quiet hours, the quota, users LINE does not know.
 *
 * A plan belongs to a scheduler tick (the run's time, floored to the schedule's interval). It
 * covers two windows of slots: the fresh one, slots of the last interval up to the tick, and
 * the stale one, slots older than the settle time, which holds whatever earlier shards left
 * due (a failed push, a catch-up held for quiet hours, the quota). Slots in between belong to
 * recent plans whose shards may still be queued, and are not planned again.
 *
 * A window is read in {@link idRanges}: intervals of user ids that follow each other, so each
 * due user is in exactly one. The ranges are read at once, one query cursor each, since one
 * sequential query reads keys too slowly for a slot of a million users. Each range is cut, in
 * the due query's order, into shards of `shardSize` users; shard i of range r of a tick has
 * the task id {@link shardTaskId}(tick, window, r, i). The ranges depend only on the settings,
 * not on the data, so a plan that runs twice for one tick cuts the same shards under the same
 * ids and enqueues nothing new (Cloud Tasks refuses a known id). The month's remaining quota
 * is split across the shards as they are cut: their shares never add up to more than it, and
 * shards past it are not enqueued; their users stay due.
 */
import { describeError, type Logger } from "../log";
import type { LineGateway } from "../line/gateway";
import type { DueKey, IdRange, ReminderPlanStore, SlotWindow } from "../store/reminder-plan-store";
import type { ShardQueue, ShardTask } from "../tasks/shard-queue";
import { remainingQuota, sendDueReminders, type PassSummary, type ReminderJobDeps } from "./reminders";

/** Tuning of the fan-out; the defaults are the ones the README's numbers assume. */
export interface FanoutSettings {
  /** Users per shard (one task). */
  shardSize: number;
  /** The scheduler's interval; a tick is a run's time floored to it. */
  tickMs: number;
  /** Slots older than this before the tick are planned again (their shards have run or failed for good). */
  settleMs: number;
  /** Tasks enqueued at once, across all ranges. */
  enqueueConcurrency: number;
  /** Ranges of user ids a window is cut into and read at once, one query each: 1 to {@link MAX_ID_RANGES}. */
  ranges: number;
}

/** Defaults for {@link FanoutSettings}: every 5 minutes, shards of 500 read in 16 ranges, re-planned after 15 minutes. */
export const DEFAULT_FANOUT_SETTINGS: FanoutSettings = {
  shardSize: 500,
  tickMs: 5 * 60 * 1000,
  settleMs: 15 * 60 * 1000,
  enqueueConcurrency: 20,
  ranges: 16,
};

/** The most ranges {@link idRanges} cuts: one per value of the first two hex digits of a LINE user id. */
export const MAX_ID_RANGES = 256;

/** What a plan needs. */
export interface PlanDeps {
  store: ReminderPlanStore;
  queue: ShardQueue;
  /** Asked for the month's quota once per plan. */
  line: Pick<LineGateway, "quota">;
  log: Logger;
  settings?: Partial<FanoutSettings>;
}

/** The one-line summary of a plan. */
export interface PlanSummary {
  /** The tick planned, ISO. */
  tick: string;
  /** Ranges of user ids each window was read in. */
  ranges: number;
  /** Due users put in shards within the quota (a shard past the quota's edge also carries some that stay due). */
  planned: number;
  /** Shards enqueued now. */
  enqueued: number;
  /** Shards whose id the queue already had: a repeated plan of this tick. */
  existing: number;
  /** Due users beyond the month's quota, as far as the plan read; they stay due. */
  overQuota: number;
}

/** The task id of shard `index` of range `range` of a window of `tick`: the same for every plan of that tick. */
export function shardTaskId(tick: Date, window: ShardTask["window"], range: number, index: number): string {
  const stamp = tick.toISOString().replace(/[-:.]/g, "").slice(0, 13);
  return `reminders-${stamp}-${window}-${String(range).padStart(3, "0")}-${String(index).padStart(5, "0")}`;
}

/**
 * The id space cut into `count` ranges that follow each other: the first open below, the last
 * open above, each ending where the next begins, so every id (of any shape) is in exactly one.
 * The bounds are "U" and two hex digits, evenly spaced: LINE's user ids are "U" and 32 random
 * hex digits, so the ranges hold about as many users each. Ids of another shape fall in the
 * first or the last range.
 */
export function idRanges(count: number): IdRange[] {
  if (!Number.isInteger(count) || count < 1 || count > MAX_ID_RANGES) {
    throw new RangeError(`The fan-out reads 1 to ${MAX_ID_RANGES} ranges of user ids, not ${count}.`);
  }
  const hex = (value: number) => value.toString(16).padStart(2, "0");
  const bound = (k: number) => `U${hex(Math.floor((k * MAX_ID_RANGES) / count))}`;
  return Array.from({ length: count }, (_, r) => ({ from: r === 0 ? null : bound(r), until: r === count - 1 ? null : bound(r + 1) }));
}

/** The tick a run at `now` belongs to. */
export function tickOf(now: Date, tickMs: number): Date {
  return new Date(Math.floor(now.getTime() / tickMs) * tickMs);
}

/** The windows a plan of `tick` covers, fresh first (see the module's comment). */
export function planWindows(
  tick: Date,
  settings: Pick<FanoutSettings, "tickMs" | "settleMs">,
): Array<{ name: ShardTask["window"]; slots: SlotWindow }> {
  const at = tick.getTime();
  return [
    { name: "fresh", slots: { after: new Date(at - settings.tickMs), until: tick } },
    { name: "stale", slots: { after: null, until: new Date(at - settings.settleMs) } },
  ];
}

/** The share of `remaining` pushes a shard of `size` gets, and what is left after it. */
export function takeQuota(remaining: number, size: number): { share: number; left: number } {
  const share = Math.min(size, remaining);
  return { share, left: remaining - share };
}

/** Plans the due users of the tick of `now` into shards on `deps.queue`; see the module's comment. */
export async function planReminderShards(now: Date, deps: PlanDeps): Promise<PlanSummary> {
  const settings = { ...DEFAULT_FANOUT_SETTINGS, ...deps.settings };
  const ranges = idRanges(settings.ranges);
  const tick = tickOf(now, settings.tickMs);
  const summary: PlanSummary = { tick: tick.toISOString(), ranges: ranges.length, planned: 0, enqueued: 0, existing: 0, overQuota: 0 };
  let remaining = await remainingQuota(deps, "shards are planned without a share");
  const unlimited = !Number.isFinite(remaining);
  const pending = new Set<Promise<void>>();
  let failure: unknown;
  // With the month's pushes spent, further users would only be read to be left due.
  const stopped = () => failure !== undefined || remaining <= 0;
  const enqueue = async (task: ShardTask) => {
    const result = await deps.queue.enqueue(task, shardTaskId(tick, task.window, task.range, task.index));
    if (result === "enqueued") summary.enqueued++;
    else summary.existing++;
  };
  const planRange = async (window: ReturnType<typeof planWindows>[number], range: IdRange, rangeIndex: number) => {
    let cursor: DueKey | null = null;
    for (let index = 0; !stopped(); index++) {
      const keys = await deps.store.dueKeys(window.slots, range, settings.shardSize, cursor);
      if (keys.length === 0 || failure !== undefined) break;
      cursor = keys.at(-1)!;
      // Shares are taken as shards are cut, in whatever order the ranges' pages arrive.
      const { share, left } = takeQuota(remaining, keys.length);
      remaining = left;
      summary.planned += share;
      summary.overQuota += keys.length - share;
      if (share === 0) break;
      const task: ShardTask = {
        version: 1,
        tick: summary.tick,
        window: window.name,
        range: rangeIndex,
        index,
        userIds: keys.map((key) => key.userId),
        maxPushes: unlimited ? null : share,
      };
      const sent = enqueue(task).catch((error: unknown) => void (failure ??= error));
      pending.add(sent);
      void sent.finally(() => pending.delete(sent));
      while (pending.size >= settings.enqueueConcurrency) await Promise.race(pending);
      if (keys.length < settings.shardSize) break;
    }
  };
  for (const window of planWindows(tick, settings)) {
    if (stopped()) break;
    await Promise.all(ranges.map((range, rangeIndex) => planRange(window, range, rangeIndex)));
  }
  await Promise.all(pending);
  if (failure !== undefined) {
    deps.log.error("reminder plan failed", { ...summary, error: describeError(failure) });
    throw new ReminderPlanError(summary, failure);
  }
  deps.log.info("reminder plan", { at: now.toISOString(), ...summary });
  return summary;
}

/**
 * A plan stopped because a shard could not be enqueued. The shards enqueued before it stand;
 * the next tick's stale window plans the rest once they settle.
 */
export class ReminderPlanError extends Error {
  override name = "ReminderPlanError";
  constructor(
    readonly summary: PlanSummary,
    cause: unknown,
  ) {
    super(`The reminder plan of ${summary.tick} stopped after ${summary.enqueued} new shard(s): ${describeError(cause)}`, { cause });
  }
}

/** A shard left reminders due after a failed push; throwing makes the queue retry the task. */
export class ShardIncompleteError extends Error {
  override name = "ShardIncompleteError";
  constructor(
    readonly task: Pick<ShardTask, "tick" | "window" | "range" | "index">,
    readonly summary: PassSummary,
  ) {
    super(`Reminder shard ${task.window} ${task.range}/${task.index} of ${task.tick}: ${summary.failed} push(es) failed and stay due.`);
  }
}

/** What a shard needs: a single pass's dependencies, with the plan store instead of the due query. */
export interface ShardDeps extends Omit<ReminderJobDeps, "store" | "maxPushes"> {
  store: ReminderPlanStore;
}

/**
 * Sends the reminders of one shard that are due at `now`, as one single pass over its
 * members, within its share of the quota. Throws {@link ShardIncompleteError} when a push
 * failed, so that the task queue retries the shard: members already completed are no longer
 * due, and a repeated push carries its retry key.
 */
export async function sendReminderShard(task: ShardTask, now: Date, deps: ShardDeps): Promise<PassSummary> {
  const summary = await sendDueReminders(now, {
    ...deps,
    store: deps.store.shard(task.userIds),
    ...(task.maxPushes === null ? {} : { maxPushes: task.maxPushes }),
  });
  if (summary.failed > 0) throw new ShardIncompleteError(task, summary);
  return summary;
}
