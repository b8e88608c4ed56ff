/**
 * The planner alone, for `npm run bench:reminders -- --mode plan`: how fast the fan-out's plan
 * reads a slot's due keys when it reads them in 1 range of user ids (one sequential query, as
 * before ranges) or in more at once. Each plan runs over the same seeded users with a queue
 * that only records, so nothing is sent and the users stay due for the next count; the counts
 * take turns, round after round, so that a slow spell of the shared machine does not fall on
 * one count only.
 */
import { readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { planReminderShards } from "../src/jobs/reminder-fanout";
import type { LineGateway } from "../src/line/gateway";
import { silentLogger } from "../src/log";
import { createFirestore } from "../src/server";
import { createFirestorePlanStore, type ReminderPlanStore } from "../src/store/reminder-plan-store";
import type { ShardQueue } from "../src/tasks/shard-queue";
import type { Stops } from "./bounded";

/** Busy and total CPU time of the whole machine so far, in ms (every process, the emulator's too). */
export function machineCpu(): { busy: number; total: number } {
  let busy = 0;
  let total = 0;
  for (const { times } of os.cpus()) {
    const all = times.user + times.nice + times.sys + times.idle + times.irq;
    total += all;
    busy += all - times.idle;
  }
  return { busy, total };
}

/** One plan of the slot with `ranges` ranges. */
export interface PlanRun {
  ranges: number;
  round: number;
  seconds: number;
  /** Due keys read (every one planned: the quota is unlimited). */
  keys: number;
  keysPerSecond: number;
  /** Keys-only queries, one per page of a range (an empty last page included). */
  queries: number;
  shards: number;
  /** CPU time of this process (the planner) during the plan, in seconds. */
  plannerCpuSeconds: number;
  /** How busy the whole machine was (emulator, planner, anything else running), in percent. */
  machineBusyPercent: number;
}

/** What {@link benchPlans} needs. */
export interface PlanBenchOptions {
  host: string;
  projectId: string;
  line: Pick<LineGateway, "quota">;
  now: Date;
  /** Range counts to plan with, in turn. */
  rangeCounts: readonly number[];
  rounds: number;
  stops: Stops;
}

/** Plans the seeded slot once per range count per round; see the module's comment. */
export async function benchPlans(options: PlanBenchOptions): Promise<PlanRun[]> {
  const db = createFirestore({ projectId: options.projectId, firestoreEmulatorHost: options.host });
  options.stops.push(() => db.terminate());
  const plan = createFirestorePlanStore(db);
  let queries = 0;
  const store: ReminderPlanStore = {
    dueKeys: (window, range, limit, cursor) => (queries++, plan.dueKeys(window, range, limit, cursor)),
    shard: (userIds) => plan.shard(userIds),
  };
  // One connection made before the clock starts, as a warm instance has.
  await db.collection("users").limit(1).get();
  const runs: PlanRun[] = [];
  for (let round = 1; round <= options.rounds; round++) {
    for (const ranges of options.rangeCounts) {
      const queue: ShardQueue = { enqueue: () => Promise.resolve("enqueued") };
      queries = 0;
      const [cpuBefore, machineBefore, start] = [process.cpuUsage(), machineCpu(), performance.now()];
      const summary = await planReminderShards(options.now, { store, queue, line: options.line, log: silentLogger, settings: { ranges } });
      const seconds = (performance.now() - start) / 1000;
      const [cpu, machineAfter] = [process.cpuUsage(cpuBefore), machineCpu()];
      const run: PlanRun = {
        ranges,
        round,
        seconds: Number(seconds.toFixed(1)),
        keys: summary.planned,
        keysPerSecond: Math.round(summary.planned / seconds),
        queries,
        shards: summary.enqueued,
        plannerCpuSeconds: Number(((cpu.user + cpu.system) / 1e6).toFixed(1)),
        machineBusyPercent: Math.round((100 * (machineAfter.busy - machineBefore.busy)) / (machineAfter.total - machineBefore.total)),
      };
      process.stdout.write(
        `  round ${round}, ${ranges} range(s): ${run.keys} keys in ${run.seconds} s = ${run.keysPerSecond} keys/s, ${run.queries} queries, ${run.shards} shards; machine ${run.machineBusyPercent}% busy\n`,
      );
      runs.push(run);
    }
  }
  return runs;
}

/** What `--mode plan` writes to `bench/results-reminders-plan-<users>.json`. */
export interface PlanResultsFile {
  ok: boolean;
  date: string;
  command: string;
  machine: { node: string; cpus: number; cpuModel: string };
  users: number;
  byCount: Array<{ ranges: number; medianKeysPerSecond: number; min: number; max: number }>;
  runs: PlanRun[];
}

/** The planner-alone results in `dir`, smallest slot first. */
export function readPlanResults(dir: string): PlanResultsFile[] {
  return readdirSync(dir)
    .filter((name) => /^results-reminders-plan-\d+\.json$/.test(name))
    .map((name) => JSON.parse(readFileSync(join(dir, name), "utf8")) as PlanResultsFile)
    .sort((a, b) => a.users - b.users);
}

/** The planner-alone results as a Markdown section for bench/RESULTS.md; empty without results. */
export function planMarkdown(files: readonly PlanResultsFile[]): string[] {
  if (files.length === 0) return [];
  const rows = files.flatMap((file) =>
    file.byCount.map(({ ranges, medianKeysPerSecond, min, max }) => {
      const runs = file.runs.filter((run) => run.ranges === ranges);
      const cpuPerKey = (1e6 * runs.reduce((sum, run) => sum + run.plannerCpuSeconds, 0)) / runs.reduce((sum, run) => sum + run.keys, 0);
      return `| ${file.users.toLocaleString("en")} | ${ranges} | ${medianKeysPerSecond} (${min}–${max}) | ${runs.length} | ${Math.round(cpuPerKey)} µs | ${file.date.slice(0, 10)} |`;
    }),
  );
  return [
    "## Reminder fan-out: the planner alone",
    "",
    'Written by `npm run bench:reminders -- --mode plan` (one file per slot size, `bench/results-reminders-plan-<users>.json`), not by `npm run bench`. Due keys read per second by one plan of the slot in 1 or more ranges of user ids at once, against the emulator on the same machine, nothing sent; the planner\'s own CPU per key. See the README, "Reminders at scale", for what these figures do and do not show.',
    "",
    "| due users | ranges | keys/s: median (min–max) | plans | planner CPU per key | date |",
    "| --- | --- | --- | --- | --- | --- |",
    ...rows,
    "",
  ];
}
