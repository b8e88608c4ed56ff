/**
 * `npm run bench:reminders [-- --users N]`: what the reminder job costs at scale, the single
 * pass against the fan-out. A benchmark, never a test: `npm test` does not run it and nothing
 * in CI depends on it.
 *
 * It starts its own Firestore emulator (unless FIRESTORE_EMULATOR_HOST names one; then it
 * works in projects of its own and deletes them afterwards). For each mode a child process
 * plays the world around the job: it starts the LINE stand-in on loopback and seeds N users
 * (10,000 by default) whose reminder fell due in the last few minutes, so that the job's CPU
 * time and peak memory are its own. The single pass: one {@link sendDueReminders} pass at a
 * fixed time with the real Firestore reminder store and the real LINE gateway, default
 * settings; a second pass right after must send nothing. The fan-out
 * (bench/reminder-fanout.ts): the planner in this process with a recording queue, the shards
 * sent by `--workers` local processes, the plan reading the last of `--ranges` ranges of user
 * ids at once; a second plan right after must find no one due. The planner alone
 * (bench/reminder-plan.ts): plans of the same users with each of `--ranges` (1 and 16 by
 * default), `--rounds` times, sending nothing.
 * `--mode single|fanout|both|plan` picks what runs (both: the single pass and the fan-out, the
 * default). Results go to stdout and, as JSON, to `bench/results-reminders.json`
 * (`bench/results-reminders-plan-<users>.json` for the planner alone, which `npm run bench` adds to
 * bench/RESULTS.md). Everything started here is stopped, even on error,
 * and the whole run gives up after `--timeout-s` (default 1,200 s).
 * Exits 0 when every user got exactly one push in every mode run (for the planner alone: when
 * every plan read every user); 1 otherwise or when the run failed.
 */
import { fork, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { writeFileSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import type { Firestore } from "@google-cloud/firestore";
import { countOption, parseOptions, usageExit } from "../scripts/lib/command-args";
import { startFirestoreEmulator, wipeEmulator } from "../scripts/lib/firestore-emulator";
import { startLineStandIn } from "../scripts/lib/line-stand-in";
import { createLineGateway } from "../src/line/client";
import { silentLogger } from "../src/log";
import { DEFAULT_JOB_SETTINGS, sendDueReminders } from "../src/jobs/reminders";
import { DEFAULT_FANOUT_SETTINGS, MAX_ID_RANGES } from "../src/jobs/reminder-fanout";
import { createFirestore, SHARD_PUSHES_PER_SECOND } from "../src/server";
import { createFirestoreReminderStore } from "../src/store/reminder-store";
import { reminderUserState } from "../test/helpers/reminder-users";
import { runBounded, type Stops } from "./bounded";
import { countAttempts, countingStore, zeroCounts } from "./reminder-counts";
import { benchFanout, SHARD_WORKER_FLAG, shardWorker } from "./reminder-fanout";
import { benchPlans, machineCpu } from "./reminder-plan";
import { stateFields } from "../src/store/user-document";
import { peakRssMiB } from "./rss";

/** The pass runs at this fixed time (a Tuesday evening in Tokyo, outside quiet hours). */
const NOW = new Date("2026-11-24T21:05:00+09:00");
/** Users are spread over the daily slots 21:00 … 21:04: all due at {@link NOW}, none late. */
const SLOT_TIMES = ["21:00", "21:01", "21:02", "21:03", "21:04"];
/**
 * The fan-out plans at this time: its tick is 21:05, whose fresh window holds the slots after
 * 21:00 up to 21:05, so its users sit in {@link FANOUT_SLOT_TIMES}.
 */
const FANOUT_NOW = new Date("2026-11-24T21:05:30+09:00");
const FANOUT_SLOT_TIMES = ["21:01", "21:02", "21:03", "21:04", "21:05"];
const BATCH_SIZE = 500;
const SEED_CONCURRENCY = 4;
const RESULTS = join(__dirname, "results-reminders.json");
/** Where the planner alone writes for a slot of `users`. */
const planResults = (users: number) => join(__dirname, `results-reminders-plan-${users}.json`);
const TOKEN = "bench-channel-access-token";
const WORLD_FLAG = "--world";

/** What the world process tells the benchmark. */
type WorldMessage =
  /** The stand-in listens at `url` and `users` due users are in Firestore. */
  | { type: "ready"; url: string; seedSeconds: number }
  /** What the stand-in recorded, and the world's CPU time since it started. */
  | { type: "pushes"; pushes: number; recipients: number; violations: number; cpuSeconds: number }
  | { type: "failed"; error: string };

/** Writes `users` due users straight into Firestore, {@link BATCH_SIZE} per batched write. */
async function seed(db: Firestore, users: number, slotTimes: readonly string[]): Promise<void> {
  const batches = Math.ceil(users / BATCH_SIZE);
  let next = 0;
  const worker = async () => {
    for (let b = next++; b < batches; b = next++) {
      const batch = db.batch();
      for (let i = b * BATCH_SIZE; i < Math.min(users, (b + 1) * BATCH_SIZE); i++) {
        const time = slotTimes[i % slotTimes.length];
        const slot = new Date(`2026-11-24T${time}:00+09:00`);
        batch.set(db.collection("users").doc(`U${randomBytes(16).toString("hex")}`), {
          ...stateFields(reminderUserState({ kind: "daily", time }, slot), new Date()),
          recentEvents: "",
        });
      }
      await batch.commit();
    }
  };
  await Promise.all(Array.from({ length: Math.min(SEED_CONCURRENCY, batches) }, worker));
}

/**
 * The child process: the LINE stand-in (its default quota is unlimited) plus the seeding,
 * until the benchmark disconnects.
 */
async function world(host: string, projectId: string, users: number, slotTimes: readonly string[]): Promise<void> {
  const send = (message: WorldMessage) => process.send?.(message);
  try {
    const line = await startLineStandIn({ channelAccessToken: TOKEN });
    process.once("disconnect", () => void line.close().finally(() => process.exit(0)));
    const db = createFirestore({ projectId, firestoreEmulatorHost: host });
    const start = performance.now();
    await seed(db, users, slotTimes);
    await db.terminate();
    process.on("message", () => {
      const pushes = line.sent().filter((batch) => batch.kind === "push");
      const cpu = process.cpuUsage();
      send({
        type: "pushes",
        pushes: pushes.length,
        recipients: new Set(pushes.map((b) => b.to[0])).size,
        violations: line.violations().length,
        cpuSeconds: (cpu.user + cpu.system) / 1e6,
      });
    });
    send({ type: "ready", url: line.url, seedSeconds: (performance.now() - start) / 1000 });
  } catch (error) {
    send({ type: "failed", error: error instanceof Error ? error.message : String(error) });
    process.exit(1);
  }
}

/** The next message of `child`, or an error when it exits first. */
function nextMessage(child: ChildProcess): Promise<WorldMessage> {
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) => reject(new Error(`The world process exited (${code}) before answering.`));
    child.once("exit", onExit);
    child.once("message", (message: WorldMessage) => {
      child.off("exit", onExit);
      if (message.type === "failed") reject(new Error(`The world process failed: ${message.error}`));
      else resolve(message);
    });
  });
}

const USAGE =
  "npm run bench:reminders [-- --users N] [--mode single|fanout|both|plan] [--workers N] [--shard-pps N|none] [--ranges N[,N…]] [--rounds N] [--timeout-s S]";

/** What the benchmark runs. */
interface BenchOptions {
  users: number;
  timeoutSeconds: number;
  /** The single pass, the fan-out, or both (the default) on their own copies of the users; or the planner alone. */
  mode: "single" | "fanout" | "both" | "plan";
  /** Local shard workers of the fan-out. */
  workers: number;
  /** Pushes a second per shard; Infinity when `none` (unpaced). The deployed pace by default. */
  shardPushesPerSecond: number;
  /** Range counts the planner alone plans with, in turn; the fan-out plans with the last. */
  rangeCounts: number[];
  /** Rounds of the planner alone. */
  rounds: number;
}

/** The `--ranges` list: range counts from 1 to {@link MAX_ID_RANGES}. */
function rangeCountsOption(value: string | undefined): number[] {
  if (value === undefined) return [1, DEFAULT_FANOUT_SETTINGS.ranges];
  const counts = value.split(",").map((part) => countOption(USAGE, "--ranges", part, 1));
  const tooMany = counts.find((count) => count > MAX_ID_RANGES);
  if (tooMany !== undefined) usageExit(USAGE, `--ranges takes counts up to ${MAX_ID_RANGES}, not ${tooMany}.`);
  return counts;
}

/** How many due users the pass finds, what runs, and when the whole run gives up. */
function parseBenchOptions(args: string[]): BenchOptions {
  const values = parseOptions(
    USAGE,
    {
      users: { type: "string" },
      "timeout-s": { type: "string" },
      mode: { type: "string" },
      workers: { type: "string" },
      "shard-pps": { type: "string" },
      ranges: { type: "string" },
      rounds: { type: "string" },
    },
    args,
  );
  const mode = values.mode ?? "both";
  if (mode !== "single" && mode !== "fanout" && mode !== "both" && mode !== "plan") {
    usageExit(USAGE, `--mode is single, fanout, both or plan, not "${mode}".`);
  }
  const pps = values["shard-pps"];
  return {
    users: countOption(USAGE, "--users", values.users, 10_000),
    timeoutSeconds: countOption(USAGE, "--timeout-s", values["timeout-s"], 1_200),
    mode,
    workers: countOption(USAGE, "--workers", values.workers, 4),
    shardPushesPerSecond: pps === "none" ? Infinity : countOption(USAGE, "--shard-pps", pps, SHARD_PUSHES_PER_SECOND),
    rangeCounts: rangeCountsOption(values.ranges),
    rounds: countOption(USAGE, "--rounds", values.rounds, 1),
  };
}

const round = (value: number, digits = 1) => Number(value.toFixed(digits));

/** Samples this process's memory every 100 ms; `stop` returns the largest of each figure, in MiB. */
function sampleMemory(): { stop(): { heapUsed: number; heapTotal: number; external: number } } {
  const peak = { heapUsed: 0, heapTotal: 0, external: 0 };
  const sample = () => {
    const usage = process.memoryUsage();
    for (const key of ["heapUsed", "heapTotal", "external"] as const) peak[key] = Math.max(peak[key], usage[key]);
  };
  const timer = setInterval(sample, 100);
  return {
    stop() {
      clearInterval(timer);
      sample();
      return {
        heapUsed: round(peak.heapUsed / 2 ** 20, 0),
        heapTotal: round(peak.heapTotal / 2 ** 20, 0),
        external: round(peak.external / 2 ** 20, 0),
      };
    },
  };
}

/** Starts a world process for `projectId`: the LINE stand-in, and `users` due users seeded at `slotTimes`. */
async function startWorld(host: string, projectId: string, users: number, slotTimes: readonly string[], stops: Stops) {
  const child = fork(__filename, [WORLD_FLAG, host, projectId, String(users), slotTimes.join(",")], {
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  stops.push(async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill();
    await exited;
  });
  const ready = await nextMessage(child);
  if (ready.type !== "ready") throw new Error(`The world process said ${ready.type} before it was ready.`);
  return {
    ready,
    /** What the stand-in recorded so far. */
    async pushes() {
      child.send({ type: "pushes" });
      const recorded = await nextMessage(child);
      if (recorded.type !== "pushes") throw new Error(`The world process said ${recorded.type} instead of its pushes.`);
      return recorded;
    },
  };
}

const machineInfo = () => {
  const cores = os.cpus();
  return { node: process.version, cpus: cores.length, cpuModel: cores[0]?.model ?? "unknown", platform: `${os.platform()} ${os.arch()}` };
};

const printRows = (rows: Array<[string, string]>) => {
  const width = Math.max(...rows.map(([name]) => name.length));
  process.stdout.write(`\n${rows.map(([name, value]) => `${name.padEnd(width)}  ${value}`).join("\n")}\n\n`);
};

/** Where the benchmark's Firestore is, and a fresh project in it per run. */
interface Emulator {
  host: string;
  external: boolean;
  project(stops: Stops, suffix: string): string;
}

async function singlePass(emulator: Emulator, users: number, stops: Stops) {
  const { host, external } = emulator;
  const projectId = emulator.project(stops, "single");
  process.stdout.write(`Single pass: seeding ${users} due users into the emulator at ${host} …\n`);
  const world = await startWorld(host, projectId, users, SLOT_TIMES, stops);
  const { ready } = world;

  const db = createFirestore({ projectId, firestoreEmulatorHost: host });
  stops.push(() => db.terminate());
  let counts = zeroCounts();
  countAttempts(db, () => counts);
  const line = createLineGateway({ channelAccessToken: TOKEN, baseURL: ready.url });
  process.stdout.write(
    `Seeded in ${ready.seedSeconds.toFixed(1)} s. One pass at ${NOW.toISOString()}, page size ${DEFAULT_JOB_SETTINGS.pageSize}, concurrency ${DEFAULT_JOB_SETTINGS.concurrency} …\n`,
  );

  const rssBefore = process.memoryUsage().rss;
  const [cpuBefore, machineBefore, start] = [process.cpuUsage(), machineCpu(), performance.now()];
  const sampler = sampleMemory();
  const first = await sendDueReminders(NOW, { store: countingStore(createFirestoreReminderStore(db), counts), line, log: silentLogger });
  const wallSeconds = (performance.now() - start) / 1000;
  const memory = sampler.stop();
  const [cpu, machineAfter] = [process.cpuUsage(cpuBefore), machineCpu()];
  const firstCounts = counts;

  counts = zeroCounts();
  const second = await sendDueReminders(NOW, { store: countingStore(createFirestoreReminderStore(db), counts), line, log: silentLogger });
  const recorded = await world.pushes();

  const reads = firstCounts.queryReads + firstCounts.transactionAttempts;
  const results = {
    ok:
      recorded.pushes === users && recorded.recipients === users && first.sent === users && second.sent === 0 && recorded.violations === 0,
    machine: machineInfo(),
    firestore: external ? "emulator at FIRESTORE_EMULATOR_HOST" : "emulator started by the benchmark",
    settings: { pageSize: DEFAULT_JOB_SETTINGS.pageSize, concurrency: DEFAULT_JOB_SETTINGS.concurrency },
    users,
    seedSeconds: round(ready.seedSeconds),
    wallSeconds: round(wallSeconds),
    pushesPerSecond: round(first.sent / wallSeconds),
    pushesRecorded: recorded.pushes,
    distinctRecipients: recorded.recipients,
    firestoreOps: { ...firstCounts, reads, readsPerUser: round(reads / users, 2), writesPerUser: round(firstCounts.writes / users, 2) },
    jobCpuSeconds: round((cpu.user + cpu.system) / 1e6),
    machineCpuBusyPercent: round((100 * (machineAfter.busy - machineBefore.busy)) / (machineAfter.total - machineBefore.total), 0),
    standInAndSeedingCpuSeconds: round(recorded.cpuSeconds),
    rssBeforePassMiB: round(rssBefore / 2 ** 20, 0),
    peakRssMiB: peakRssMiB(),
    duringPassMiB: memory,
    firstPass: first,
    secondPass: { ...second, firestoreOps: counts },
  };
  const f = results.firestoreOps;
  const rows: Array<[string, string]> = [
    ["users", String(users)],
    ["wall time (s)", results.wallSeconds.toFixed(1)],
    ["pushes per second", results.pushesPerSecond.toFixed(1)],
    ["pushes recorded by the stand-in", `${recorded.pushes} (${recorded.pushes === users ? "= users" : "≠ users!"})`],
    [
      "Firestore reads per user",
      `${f.readsPerUser} (${f.queryReads} docs from ${f.queries} due-query pages + ${f.transactionAttempts} tx.get, one per fallback transaction attempt)`,
    ],
    [
      "Firestore writes per user",
      `${f.writesPerUser} (${f.writes}: 1 per completion that wrote; ${f.completions} guarded writes batched by a BulkWriter)`,
    ],
    ["fallback transactions (attempts)", `${f.transactions} (${f.transactionAttempts})`],
    ["peak RSS of the job (MiB)", `${results.peakRssMiB} (${results.rssBeforePassMiB} before the pass)`],
    ["largest during the pass (MiB)", `heap used ${memory.heapUsed}, heap reserved ${memory.heapTotal}, buffers ${memory.external}`],
    ["CPU during the pass", `job ${results.jobCpuSeconds} s; machine ${results.machineCpuBusyPercent}% busy (emulator, stand-in, job)`],
    ["machine", `Node ${process.version}, ${results.machine.cpus} × ${results.machine.cpuModel}`],
  ];
  printRows(rows);
  process.stdout.write(
    `Second pass right after: due ${second.due}, sent ${second.sent}${second.sent === 0 ? " (no double sends)" : " — DOUBLE SENDS"}.\n`,
  );
  if (!results.ok) process.stderr.write("The pass did not send exactly one push per user; see the numbers above.\n");
  return results;
}

/** The fan-out on its own copy of the users: plan in this process, shards on local workers. */
async function fanout(emulator: Emulator, options: BenchOptions, stops: Stops) {
  const { users, workers } = options;
  const projectId = emulator.project(stops, "fanout");
  process.stdout.write(`Fan-out: seeding ${users} due users into the emulator at ${emulator.host} …\n`);
  const world = await startWorld(emulator.host, projectId, users, FANOUT_SLOT_TIMES, stops);
  const pace = Number.isFinite(options.shardPushesPerSecond) ? `${options.shardPushesPerSecond} pushes/s per shard` : "unpaced shards";
  process.stdout.write(
    `Seeded in ${world.ready.seedSeconds.toFixed(1)} s. Plan at ${FANOUT_NOW.toISOString()}, ${workers} local workers, ${pace} …\n`,
  );
  const figures = await benchFanout({
    script: __filename,
    host: emulator.host,
    projectId,
    lineUrl: world.ready.url,
    token: TOKEN,
    users,
    workers,
    now: FANOUT_NOW,
    shardPushesPerSecond: options.shardPushesPerSecond,
    ranges: options.rangeCounts.at(-1)!,
    stops,
  });
  const recorded = await world.pushes();
  const ok =
    recorded.pushes === users &&
    recorded.recipients === users &&
    figures.sent === users &&
    figures.failed === 0 &&
    figures.secondPlan.planned === 0 &&
    recorded.violations === 0;
  const f = figures.firestoreOps;
  printRows([
    ["users", String(users)],
    [
      "shards (of up to 500)",
      `${figures.plan.enqueued} from ${figures.plan.ranges} ranges of ids, planned in ${figures.planSeconds.toFixed(1)} s = ${Math.round(users / figures.planSeconds)} keys/s (overlapping the sending)`,
    ],
    ["wall time (s)", `${figures.wallSeconds.toFixed(1)} (plan start to last shard sent)`],
    ["pushes per second", figures.pushesPerSecond.toFixed(1)],
    ["pushes recorded by the stand-in", `${recorded.pushes} (${recorded.pushes === users ? "= users" : "≠ users!"})`],
    [
      "Firestore reads per user",
      `${f.readsPerUser} (${f.planKeyReads} keys from ${f.planQueries} plan pages + ${f.shardReads} shard documents by id + ${f.transactionAttempts} tx.get)`,
    ],
    ["Firestore writes per user", `${f.writesPerUser} (${f.writes})`],
    [
      "per worker: shards, peak RSS (MiB), CPU (s)",
      figures.perWorker.map((w) => `${w.shards}, ${w.peakRssMiB} (${w.rssBeforeMiB} before), ${w.cpuSeconds}`).join("; "),
    ],
  ]);
  process.stdout.write(
    `Second plan right after: ${figures.secondPlan.planned} due${figures.secondPlan.planned === 0 ? " (nothing left)" : " — LEFT DUE"}.\n`,
  );
  if (!ok) process.stderr.write("The fan-out did not send exactly one push per user; see the numbers above.\n");
  return {
    ok,
    seedSeconds: round(world.ready.seedSeconds),
    pushesRecorded: recorded.pushes,
    distinctRecipients: recorded.recipients,
    ...figures,
  };
}

/** The planner alone on one copy of the users: a plan per range count per round, nothing sent. */
async function planner(emulator: Emulator, options: BenchOptions, stops: Stops) {
  const { users } = options;
  const projectId = emulator.project(stops, "plan");
  process.stdout.write(`Planner alone: seeding ${users} due users into the emulator at ${emulator.host} …\n`);
  const world = await startWorld(emulator.host, projectId, users, FANOUT_SLOT_TIMES, stops);
  process.stdout.write(
    `Seeded in ${world.ready.seedSeconds.toFixed(1)} s. Plans at ${FANOUT_NOW.toISOString()} with ${options.rangeCounts.join(", ")} range(s), ${options.rounds} round(s) …\n`,
  );
  const runs = await benchPlans({
    host: emulator.host,
    projectId,
    line: createLineGateway({ channelAccessToken: TOKEN, baseURL: world.ready.url }),
    now: FANOUT_NOW,
    rangeCounts: options.rangeCounts,
    rounds: options.rounds,
    stops,
  });
  const byCount = options.rangeCounts.map((ranges) => {
    const mine = runs.filter((run) => run.ranges === ranges);
    const rates = mine.map((run) => run.keysPerSecond).sort((a, b) => a - b);
    const middle = Math.floor(rates.length / 2);
    const median = rates.length % 2 === 1 ? rates[middle] : Math.round((rates[middle - 1] + rates[middle]) / 2);
    return { ranges, medianKeysPerSecond: median, min: rates[0], max: rates.at(-1)! };
  });
  printRows([
    ["ranges of ids", "keys/s: median (min–max) over rounds"],
    ...byCount.map(({ ranges, medianKeysPerSecond, min, max }): [string, string] => [
      String(ranges),
      `${medianKeysPerSecond} (${min}–${max})`,
    ]),
  ]);
  return { ok: runs.every((run) => run.keys === users), seedSeconds: round(world.ready.seedSeconds), byCount, runs };
}

async function bench(options: BenchOptions, stops: Stops): Promise<number> {
  process.env.METADATA_SERVER_DETECTION = "none";
  const external = process.env.FIRESTORE_EMULATOR_HOST?.trim();
  let host: string;
  if (external) host = external;
  else {
    const started = await startFirestoreEmulator();
    stops.push(() => started.stop());
    host = started.host;
  }
  const stamp = Date.now();
  const emulator: Emulator = {
    host,
    external: external !== undefined && external !== "",
    project(projectStops, suffix) {
      const projectId = `bench-reminders-${stamp}-${suffix}`;
      if (external) projectStops.push(() => wipeEmulator(external, projectId));
      return projectId;
    },
  };
  const { users, mode, workers } = options;
  if (mode === "plan") {
    const plans = await planner(emulator, options, stops);
    const command = `npm run bench:reminders -- --users ${users} --mode plan --ranges ${options.rangeCounts.join(",")} --rounds ${options.rounds}`;
    writeFileSync(
      planResults(users),
      `${JSON.stringify({ date: new Date().toISOString(), command, machine: machineInfo(), users, ...plans }, null, 2)}\n`,
    );
    process.stdout.write(`Results written to ${planResults(users)}.\n`);
    return plans.ok ? 0 : 1;
  }
  const single = mode === "fanout" ? undefined : await singlePass(emulator, users, stops);
  const fanned = mode === "single" ? undefined : await fanout(emulator, options, stops);
  const ok = (single?.ok ?? true) && (fanned?.ok ?? true);
  const results = {
    ...(single ?? { ok, machine: machineInfo(), users }),
    ok,
    date: new Date().toISOString(),
    command: `npm run bench:reminders -- --users ${users} --mode ${mode}${mode === "single" ? "" : ` --workers ${workers} --ranges ${options.rangeCounts.at(-1)}`}`,
    ...(fanned ? { fanout: fanned } : {}),
  };
  writeFileSync(RESULTS, `${JSON.stringify(results, null, 2)}\n`);
  if (single && fanned) {
    printRows([
      ["", "single pass | fan-out"],
      ["wall time (s)", `${single.wallSeconds} | ${fanned.wallSeconds}`],
      ["pushes per second", `${single.pushesPerSecond} | ${fanned.pushesPerSecond}`],
      [
        "Firestore reads, writes per user",
        `${single.firestoreOps.readsPerUser}, ${single.firestoreOps.writesPerUser} | ${fanned.firestoreOps.readsPerUser}, ${fanned.firestoreOps.writesPerUser}`,
      ],
      ["peak RSS (MiB)", `${single.peakRssMiB} | ${fanned.perWorker.map((w) => w.peakRssMiB).join(", ")} (per worker)`],
    ]);
  }
  process.stdout.write(`Results written to ${RESULTS}.\n`);
  return ok ? 0 : 1;
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  if (args[0] === WORLD_FLAG) {
    await world(args[1], args[2], Number(args[3]), args[4].split(","));
    return -1;
  }
  if (args[0] === SHARD_WORKER_FLAG) {
    await shardWorker(args[1], args[2], args[3], args[4], new Date(args[5]), Number(args[6]));
    return -1;
  }
  // `--world` and `--shard-worker` are how this file forks itself (see above), not options for operators.
  const options = parseBenchOptions(args);
  return runBounded(options.timeoutSeconds, (stops) => bench(options, stops));
}

main().then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (error: unknown) => {
    process.stderr.write(`The benchmark could not run: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
