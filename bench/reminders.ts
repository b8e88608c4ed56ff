/**
 * `npm run bench:reminders [-- --users N]`: what one pass of the reminder job costs at scale.
 * A benchmark, never a test: `npm test` does not run it and nothing in CI depends on it.
 *
 * It starts its own Firestore emulator (unless FIRESTORE_EMULATOR_HOST names one; then it
 * works in a project of its own and deletes it afterwards). A child process plays the world
 * around the job: it starts the LINE stand-in on loopback and seeds N users (10,000 by
 * default) whose reminder fell due in the last few minutes, so that this process's CPU time
 * and peak memory are the job's own. Then one {@link sendDueReminders} pass runs at a fixed
 * time with the real Firestore reminder store and the real LINE gateway, default settings;
 * a second pass right after must send nothing. Results go to stdout and, as JSON, to
 * `bench/results-reminders.json`. Everything started here is stopped, even on error, and
 * the whole run gives up after `--timeout-s` (default 1,200 s).
 * Exits 0 when every user got exactly one push; 1 otherwise or when the run failed.
 */
import { fork, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { writeFileSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import type { Firestore } from "@google-cloud/firestore";
import { countOption, parseOptions } from "../scripts/lib/command-args";
import { startFirestoreEmulator, wipeEmulator } from "../scripts/lib/firestore-emulator";
import { startLineStandIn } from "../scripts/lib/line-stand-in";
import { createLineGateway } from "../src/line/client";
import { silentLogger } from "../src/log";
import { DEFAULT_JOB_SETTINGS, sendDueReminders } from "../src/jobs/reminders";
import { createFirestore } from "../src/server";
import { createFirestoreReminderStore, type ReminderStore } from "../src/store/reminder-store";
import { reminderUserState } from "../test/helpers/reminder-users";
import { runBounded, type Stops } from "./bounded";
import { stateFields } from "../src/store/user-document";

/** The pass runs at this fixed time (a Tuesday evening in Tokyo, outside quiet hours). */
const NOW = new Date("2026-11-24T21:05:00+09:00");
/** Users are spread over the daily slots 21:00 … 21:04: all due at {@link NOW}, none late. */
const SLOT_TIMES = ["21:00", "21:01", "21:02", "21:03", "21:04"];
const BATCH_SIZE = 500;
const SEED_CONCURRENCY = 4;
const RESULTS = join(__dirname, "results-reminders.json");
const TOKEN = "bench-channel-access-token";
const WORLD_FLAG = "--world";

/** What the world process tells the benchmark. */
type WorldMessage =
  /** The stand-in listens at `url` and `users` due users are in Firestore. */
  | { type: "ready"; url: string; seedSeconds: number }
  /** What the stand-in recorded, and the world's CPU time since it started. */
  | { type: "pushes"; pushes: number; recipients: number; violations: number; cpuSeconds: number }
  | { type: "failed"; error: string };

/** Firestore operations of a pass, as counted by {@link countingStore} and {@link countAttempts}. */
interface OpCounts {
  /** Due-query pages run. */
  queries: number;
  /** Query reads billed: the documents a page returned, at least 1 per page. */
  queryReads: number;
  /** Completions asked for: each one guarded write (batched through a BulkWriter). */
  completions: number;
  /** Fallback transactions run, when a guarded write found the document changed. */
  transactions: number;
  /** Times a transaction body ran (each does one `tx.get`); above `transactions` only on retries. */
  transactionAttempts: number;
  /** Document writes: 1 per completion that returned true (by the guarded write or its fallback). */
  writes: number;
}

const zeroCounts = (): OpCounts => ({ queries: 0, queryReads: 0, completions: 0, transactions: 0, transactionAttempts: 0, writes: 0 });

/**
 * Wraps `store` to count what it asks of Firestore, the way Firestore bills it. Reads: each
 * document a due-query page returns (at least one per page), plus the one `tx.get` in every
 * fallback transaction attempt. Writes: a completion writes one document when it returns
 * true (a failed precondition is not billed as a write).
 */
function countingStore(store: ReminderStore, counts: OpCounts): ReminderStore {
  return {
    async dueReminders(now, limit, after) {
      const page = await store.dueReminders(now, limit, after);
      counts.queries++;
      counts.queryReads += Math.max(1, page.length);
      return page;
    },
    completions() {
      const inner = store.completions();
      return {
        async complete(due, outcome) {
          counts.completions++;
          const done = await inner.complete(due, outcome);
          if (done) counts.writes++;
          return done;
        },
        flush: () => inner.flush(),
        close: () => inner.close(),
      };
    },
  };
}

/** Counts every run of a transaction body on `db`: Firestore runs a contended one again. */
function countAttempts(db: Firestore, counts: () => OpCounts): void {
  type RunTransaction = Firestore["runTransaction"];
  const run = db.runTransaction.bind(db);
  const counted = (update: Parameters<RunTransaction>[0], options?: Parameters<RunTransaction>[1]) => (
    counts().transactions++,
    run((tx) => {
      counts().transactionAttempts++;
      return update(tx);
    }, options)
  );
  db.runTransaction = counted as RunTransaction;
}

/** Writes `users` due users straight into Firestore, {@link BATCH_SIZE} per batched write. */
async function seed(db: Firestore, users: number): Promise<void> {
  const batches = Math.ceil(users / BATCH_SIZE);
  let next = 0;
  const worker = async () => {
    for (let b = next++; b < batches; b = next++) {
      const batch = db.batch();
      for (let i = b * BATCH_SIZE; i < Math.min(users, (b + 1) * BATCH_SIZE); i++) {
        const time = SLOT_TIMES[i % SLOT_TIMES.length];
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
async function world(host: string, projectId: string, users: number): Promise<void> {
  const send = (message: WorldMessage) => process.send?.(message);
  try {
    const line = await startLineStandIn({ channelAccessToken: TOKEN });
    process.once("disconnect", () => void line.close().finally(() => process.exit(0)));
    const db = createFirestore({ projectId, firestoreEmulatorHost: host });
    const start = performance.now();
    await seed(db, users);
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

const USAGE = "npm run bench:reminders [-- --users N] [--timeout-s S]";

/** How many due users the pass finds, and when the whole run gives up. */
function parseBenchOptions(args: string[]): { users: number; timeoutSeconds: number } {
  const values = parseOptions(USAGE, { users: { type: "string" }, "timeout-s": { type: "string" } }, args);
  return {
    users: countOption(USAGE, "--users", values.users, 10_000),
    timeoutSeconds: countOption(USAGE, "--timeout-s", values["timeout-s"], 1_200),
  };
}

/** Busy and total CPU time of the whole machine so far, in ms (every process, the emulator's too). */
function machineCpu(): { busy: number; total: number } {
  let busy = 0;
  let total = 0;
  for (const { times } of os.cpus()) {
    const all = times.user + times.nice + times.sys + times.idle + times.irq;
    total += all;
    busy += all - times.idle;
  }
  return { busy, total };
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

async function bench(users: number, stops: Stops): Promise<number> {
  process.env.METADATA_SERVER_DETECTION = "none";
  const external = process.env.FIRESTORE_EMULATOR_HOST?.trim();
  const projectId = `bench-reminders-${Date.now()}`;
  let host: string;
  if (external) {
    host = external;
    stops.push(() => wipeEmulator(external, projectId));
  } else {
    const emulator = await startFirestoreEmulator();
    stops.push(() => emulator.stop());
    host = emulator.host;
  }
  process.stdout.write(
    `Seeding ${users} due users into the emulator at ${host} (${external ? "FIRESTORE_EMULATOR_HOST" : "started for this run"}) …\n`,
  );
  const child = fork(__filename, [WORLD_FLAG, host, projectId, String(users)], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  stops.push(async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill();
    await exited;
  });
  const ready = await nextMessage(child);
  if (ready.type !== "ready") throw new Error(`The world process said ${ready.type} before it was ready.`);

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
  child.send({ type: "pushes" });
  const recorded = await nextMessage(child);
  if (recorded.type !== "pushes") throw new Error(`The world process said ${recorded.type} instead of its pushes.`);

  const reads = firstCounts.queryReads + firstCounts.transactionAttempts;
  const cores = os.cpus();
  const results = {
    ok:
      recorded.pushes === users && recorded.recipients === users && first.sent === users && second.sent === 0 && recorded.violations === 0,
    date: new Date().toISOString(),
    command: `npm run bench:reminders -- --users ${users}`,
    machine: {
      node: process.version,
      cpus: cores.length,
      cpuModel: cores[0]?.model ?? "unknown",
      platform: `${os.platform()} ${os.arch()}`,
    },
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
    peakRssMiB: round(process.resourceUsage().maxRSS / 1024, 0),
    duringPassMiB: memory,
    firstPass: first,
    secondPass: { ...second, firestoreOps: counts },
  };
  writeFileSync(RESULTS, `${JSON.stringify(results, null, 2)}\n`);

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
    ["machine", `Node ${process.version}, ${cores.length} × ${results.machine.cpuModel}`],
  ];
  const width = Math.max(...rows.map(([name]) => name.length));
  process.stdout.write(`\n${rows.map(([name, value]) => `${name.padEnd(width)}  ${value}`).join("\n")}\n\n`);
  process.stdout.write(
    `Second pass right after: due ${second.due}, sent ${second.sent}${second.sent === 0 ? " (no double sends)" : " — DOUBLE SENDS"}.\n`,
  );
  process.stdout.write(`Results written to ${RESULTS}.\n`);
  if (!results.ok) process.stderr.write("The pass did not send exactly one push per user; see the numbers above.\n");
  return results.ok ? 0 : 1;
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  if (args[0] === WORLD_FLAG) {
    await world(args[1], args[2], Number(args[3]));
    return -1;
  }
  // `--world` is how this file forks itself (see above), not an option for operators.
  const { users, timeoutSeconds } = parseBenchOptions(args);
  return runBounded(timeoutSeconds, (stops) => bench(users, stops));
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
