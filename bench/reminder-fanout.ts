/**
 * The fan-out half of `npm run bench:reminders`: the planner runs once in this process, with a
 * task queue that records each shard's payload instead of Cloud Tasks, and hands the shards to
 * N local worker processes (this benchmark's script forked with {@link SHARD_WORKER_FLAG}) as
 * they ask for one, while the plan is still running, as Cloud Tasks would dispatch them. Each
 * worker runs {@link sendReminderShard} against the same emulator and LINE stand-in, with the
 * deployed pace per shard unless told otherwise, and reports its pushes, its Firestore
 * operations and its peak RSS. The wall time runs from the start of the plan to the moment the
 * last worker finished its last shard.
 */
import { fork, type ChildProcess } from "node:child_process";
import { performance } from "node:perf_hooks";
import { createLineGateway } from "../src/line/client";
import { silentLogger } from "../src/log";
import { DEFAULT_FANOUT_SETTINGS, planReminderShards, sendReminderShard, type PlanSummary } from "../src/jobs/reminder-fanout";
import { createFirestore } from "../src/server";
import { createFirestorePlanStore, type ReminderPlanStore } from "../src/store/reminder-plan-store";
import type { ShardQueue, ShardTask } from "../src/tasks/shard-queue";
import type { Stops } from "./bounded";
import { countAttempts, countingStore, zeroCounts, type OpCounts } from "./reminder-counts";
import { peakRssMiB } from "./rss";

/** How the benchmark's script forks itself as a shard worker (not an option for operators). */
export const SHARD_WORKER_FLAG = "--shard-worker";

/** What one worker did. */
export interface WorkerResult {
  shards: number;
  due: number;
  sent: number;
  failed: number;
  /** Documents the shards read by id (Firestore bills each one asked for). */
  shardReads: number;
  counts: OpCounts;
  /** RSS before the first shard, after loading and connecting, in MiB. */
  rssBeforeMiB: number;
  /** Peak RSS of the worker process, in MiB. */
  peakRssMiB: number;
  cpuSeconds: number;
}

type ToWorker = { type: "task"; task: ShardTask } | { type: "done" };
type FromWorker = { type: "next" } | { type: "result"; result: WorkerResult } | { type: "failed"; error: string };

/** A worker process: asks for a shard, sends it, asks again, until told it is done. */
export async function shardWorker(host: string, projectId: string, lineUrl: string, token: string, now: Date, pushesPerSecond: number) {
  const send = (message: FromWorker) => process.send?.(message);
  process.once("disconnect", () => process.exit(0));
  const db = createFirestore({ projectId, firestoreEmulatorHost: host });
  const counts = zeroCounts();
  countAttempts(db, () => counts);
  const plan = createFirestorePlanStore(db);
  const line = createLineGateway({ channelAccessToken: token, baseURL: lineUrl });
  const result: WorkerResult = {
    shards: 0,
    due: 0,
    sent: 0,
    failed: 0,
    shardReads: 0,
    counts,
    rssBeforeMiB: 0,
    peakRssMiB: 0,
    cpuSeconds: 0,
  };
  const store: ReminderPlanStore = {
    dueKeys: (window, range, limit, cursor) => plan.dueKeys(window, range, limit, cursor),
    shard(userIds) {
      result.shardReads += userIds.length;
      return countingStore(plan.shard(userIds), counts);
    },
  };
  const settings = Number.isFinite(pushesPerSecond) ? { pushesPerSecond } : {};
  // One connection made before the clock starts, as a warm instance has.
  await db.collection("users").limit(1).get();
  result.rssBeforeMiB = Math.round(process.memoryUsage().rss / 2 ** 20);
  process.on("message", (message: ToWorker) => {
    if (message.type === "done") {
      const cpu = process.cpuUsage();
      result.cpuSeconds = Number(((cpu.user + cpu.system) / 1e6).toFixed(1));
      result.peakRssMiB = peakRssMiB();
      send({ type: "result", result });
      void db.terminate().finally(() => process.exit(0));
      return;
    }
    sendReminderShard(message.task, now, { store, line, log: silentLogger, settings }).then(
      (summary) => {
        result.shards++;
        result.due += summary.due;
        result.sent += summary.sent;
        result.failed += summary.failed;
        send({ type: "next" });
      },
      (error: unknown) => {
        // A shard with failed pushes would be retried by the queue; here it is only counted.
        const summary = (error as { summary?: { due: number; sent: number; failed: number } }).summary;
        result.shards++;
        result.due += summary?.due ?? 0;
        result.sent += summary?.sent ?? 0;
        result.failed += summary?.failed ?? message.task.userIds.length;
        send({ type: "next" });
      },
    );
  });
  send({ type: "next" });
}

/** A {@link ShardQueue} that records payloads and refuses a known id, as Cloud Tasks does. */
function recordingQueue(onTask: (task: ShardTask) => void): ShardQueue & { tasks: ShardTask[] } {
  const ids = new Set<string>();
  const tasks: ShardTask[] = [];
  return {
    tasks,
    enqueue(task, id) {
      if (ids.has(id)) return Promise.resolve("exists");
      ids.add(id);
      tasks.push(task);
      onTask(task);
      return Promise.resolve("enqueued");
    },
  };
}

/** What {@link benchFanout} measured. */
export interface FanoutFigures {
  workers: number;
  shardSize: number;
  /** Pushes a second each shard may make (the deployed SHARD_PUSHES_PER_SECOND unless told); null when unpaced. */
  shardPushesPerSecond: number | null;
  plan: PlanSummary;
  planSeconds: number;
  wallSeconds: number;
  pushesPerSecond: number;
  sent: number;
  failed: number;
  firestoreOps: {
    planQueries: number;
    planKeyReads: number;
    shardReads: number;
    transactionAttempts: number;
    writes: number;
    reads: number;
    readsPerUser: number;
    writesPerUser: number;
  };
  perWorker: Array<Omit<WorkerResult, "counts">>;
  /** A second plan of the same time, right after: it must find no one due. */
  secondPlan: PlanSummary;
}

export interface FanoutOptions {
  /** The benchmark's script, forked with {@link SHARD_WORKER_FLAG}. */
  script: string;
  host: string;
  projectId: string;
  lineUrl: string;
  token: string;
  users: number;
  workers: number;
  now: Date;
  /** Infinity: unpaced. */
  shardPushesPerSecond: number;
  /** Ranges of user ids the plan reads at once. */
  ranges: number;
  stops: Stops;
}

/** Plans once in this process and sends the shards on `workers` local processes; see the module's comment. */
export async function benchFanout(options: FanoutOptions): Promise<FanoutFigures> {
  const { workers: count, stops } = options;
  const results: Array<Promise<WorkerResult>> = [];
  const idle: ChildProcess[] = [];
  const pending: ShardTask[] = [];
  let planDone = false;
  let finished = 0;
  let shardsDone = 0;
  let end = 0;
  let readyCount = 0;
  let allReady!: () => void;
  const ready = new Promise<void>((resolve) => (allReady = resolve));

  const give = (worker: ChildProcess) => {
    const task = pending.shift();
    if (task !== undefined) worker.send({ type: "task", task } satisfies ToWorker);
    else if (planDone) {
      worker.send({ type: "done" } satisfies ToWorker);
      if (++finished === count) end = performance.now();
    } else idle.push(worker);
  };

  for (let i = 0; i < count; i++) {
    const worker = fork(
      options.script,
      [
        SHARD_WORKER_FLAG,
        options.host,
        options.projectId,
        options.lineUrl,
        options.token,
        options.now.toISOString(),
        String(options.shardPushesPerSecond),
      ],
      { stdio: ["ignore", "inherit", "inherit", "ipc"] },
    );
    const exited = new Promise<void>((resolve) => worker.once("exit", () => resolve()));
    stops.push(async () => {
      if (worker.exitCode === null && worker.signalCode === null) worker.kill();
      await exited;
    });
    let first = true;
    results.push(
      new Promise((resolve, reject) => {
        worker.once("exit", (code) => reject(new Error(`Shard worker ${i} exited (${code}) before reporting.`)));
        worker.on("message", (message: FromWorker) => {
          if (message.type === "failed") reject(new Error(`Shard worker ${i} failed: ${message.error}`));
          else if (message.type === "result") resolve(message.result);
          else if (first) {
            first = false;
            idle.push(worker);
            if (++readyCount === count) allReady();
          } else {
            shardsDone++;
            give(worker);
          }
        });
      }),
    );
  }
  await ready;

  const db = createFirestore({ projectId: options.projectId, firestoreEmulatorHost: options.host });
  stops.push(() => db.terminate());
  const plan = createFirestorePlanStore(db);
  let planQueries = 0;
  let planKeyReads = 0;
  const store: ReminderPlanStore = {
    async dueKeys(window, range, limit, cursor) {
      const keys = await plan.dueKeys(window, range, limit, cursor);
      planQueries++;
      planKeyReads += Math.max(1, keys.length);
      return keys;
    },
    shard: (userIds) => plan.shard(userIds),
  };
  const line = createLineGateway({ channelAccessToken: options.token, baseURL: options.lineUrl });
  const queue = recordingQueue((task) => {
    const worker = idle.shift();
    if (worker === undefined) pending.push(task);
    else worker.send({ type: "task", task } satisfies ToWorker);
  });

  const start = performance.now();
  // A line every 15 s, so that a long run shows whether the plan or the sending lags.
  const progress = setInterval(() => {
    const seconds = ((performance.now() - start) / 1000).toFixed(0);
    process.stdout.write(`  ${seconds} s: ${queue.tasks.length} shards planned${planDone ? " (plan done)" : ""}, ${shardsDone} sent\n`);
  }, 15_000);
  progress.unref();
  stops.push(() => Promise.resolve(clearInterval(progress)));
  const settings = { ranges: options.ranges };
  const summary = await planReminderShards(options.now, { store, queue, line, log: silentLogger, settings });
  const planSeconds = (performance.now() - start) / 1000;
  planDone = true;
  for (const worker of idle.splice(0)) give(worker);
  const perWorker = await Promise.all(results);
  const wallSeconds = (end - start) / 1000;
  clearInterval(progress);

  const secondPlan = await planReminderShards(options.now, {
    store: createFirestorePlanStore(db),
    queue: recordingQueue(() => {}),
    line,
    log: silentLogger,
    settings,
  });

  const sum = (pick: (w: WorkerResult) => number) => perWorker.reduce((total, w) => total + pick(w), 0);
  const sent = sum((w) => w.sent);
  const shardReads = sum((w) => w.shardReads);
  const transactionAttempts = sum((w) => w.counts.transactionAttempts);
  const writes = sum((w) => w.counts.writes);
  const reads = planKeyReads + shardReads + transactionAttempts;
  const round = (value: number, digits = 1) => Number(value.toFixed(digits));
  return {
    workers: count,
    shardSize: DEFAULT_FANOUT_SETTINGS.shardSize,
    shardPushesPerSecond: Number.isFinite(options.shardPushesPerSecond) ? options.shardPushesPerSecond : null,
    plan: summary,
    planSeconds: round(planSeconds),
    wallSeconds: round(wallSeconds),
    pushesPerSecond: round(sent / wallSeconds),
    sent,
    failed: sum((w) => w.failed),
    firestoreOps: {
      planQueries,
      planKeyReads,
      shardReads,
      transactionAttempts,
      writes,
      reads,
      readsPerUser: round(reads / options.users, 2),
      writesPerUser: round(writes / options.users, 2),
    },
    perWorker: perWorker.map(({ counts: _counts, ...rest }) => rest),
    secondPlan,
  };
}
