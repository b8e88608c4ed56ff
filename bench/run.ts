/**
 * `npm run bench`: the bot measured side by side with the simplest bots that could work, on
 * this machine, in one run. A benchmark, never a test: nothing in CI runs it or fails on it.
 *
 * It starts a Firestore emulator (or uses FIRESTORE_EMULATOR_HOST, in a project of its own)
 * and the LINE stand-in, then measures: the pure core; turn latency and throughput of the
 * bot against an echo bot and an echo bot with one transaction (see turns.ts); Firestore
 * operations per event (op-counts.ts); cold starts of the built bundles (cold-start.ts); and
 * reminder passes of 10,000 due users (reminder-runs.ts); and the consultants' console in
 * chromium with 1,000 shared clients and a client with 500 of everything (console.ts). Every figure is the median over
 * repeated runs with the smallest and largest; every ratio is taken within one round. The
 * table is printed and written to `bench/results.json` and `bench/RESULTS.md`.
 */
import { randomBytes } from "node:crypto";
import { writeFileSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { startFirestoreEmulator, wipeEmulator } from "../scripts/lib/firestore-emulator";
import { parseOptions } from "../scripts/lib/command-args";
import { startLineStandIn } from "../scripts/lib/line-stand-in";
import { createFirestore } from "../src/server";
import { benchColdStart } from "./cold-start";
import { benchCore } from "./core";
import { runBounded, type Stops } from "./bounded";
import { countEventOps, instrumentFirestore } from "./op-counts";
import { benchReminderPasses } from "./reminder-runs";
import { round, showSpread } from "./stats";
import { benchTurns, startVariant } from "./turns";
import { benchSheet } from "./sheet";
import { benchConsole } from "./console";
import { readPlanResults } from "./reminder-plan";
import { renderReport, type BenchResults } from "./report";

/** How much each part does; chosen so that the whole run stays well under 10 minutes on 2 cores. */
const FULL = {
  core: { runs: 5, msPerRun: 1000 },
  sheetRuns: 10,
  turns: { rounds: 5, singleUserMessages: 40, users: 50, messagesPerUser: 8 },
  coldStartRuns: 5,
  reminders: { users: 10_000, runs: 3 },
  console: { clients: 1000, each: 500, runs: 5 },
};
/** `npm run bench -- --quick`: every part once and small, to try the benchmark out (about a minute). */
const QUICK: typeof FULL = {
  core: { runs: 1, msPerRun: 300 },
  sheetRuns: 2,
  turns: { rounds: 1, singleUserMessages: 10, users: 50, messagesPerUser: 2 },
  coldStartRuns: 1,
  reminders: { users: 500, runs: 1 },
  console: { clients: 100, each: 50, runs: 1 },
};
const SIZE = parseOptions("npm run bench [-- --quick]", { quick: { type: "boolean", default: false } }).quick ? QUICK : FULL;
const TIMEOUT_S = 900;

function machine(): BenchResults["machine"] {
  const cores = os.cpus();
  return {
    node: process.version,
    cpus: cores.length,
    cpuModel: cores[0]?.model.trim() ?? "unknown",
    memoryGiB: round(os.totalmem() / 2 ** 30, 1),
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
  };
}

async function bench(stops: Stops): Promise<void> {
  const started = performance.now();
  const say = (line: string) => process.stdout.write(`[${((performance.now() - started) / 1000).toFixed(0).padStart(3)} s] ${line}\n`);
  process.env.METADATA_SERVER_DETECTION = "none";

  say("pure core …");
  const core = benchCore(SIZE.core.runs, SIZE.core.msPerRun);

  say("the sheet of a heavy user …");
  const sheet = benchSheet(SIZE.sheetRuns);

  const external = process.env.FIRESTORE_EMULATOR_HOST?.trim();
  const projectId = `bench-${randomBytes(4).toString("hex")}`;
  let emulatorHost: string;
  if (external) {
    emulatorHost = external;
  } else {
    const emulator = await startFirestoreEmulator();
    stops.push(() => emulator.stop());
    emulatorHost = emulator.host;
  }
  stops.push(() => wipeEmulator(emulatorHost, projectId));
  const channelAccessToken = randomBytes(24).toString("hex");
  const line = await startLineStandIn({ channelAccessToken });
  stops.push(() => line.close());
  const db = createFirestore({ projectId, firestoreEmulatorHost: emulatorHost });
  stops.push(() => db.terminate());
  say(`emulator at ${emulatorHost}, LINE stand-in at ${line.url}`);

  say("turns: bot, echo, echo + transaction …");
  const turns = await benchTurns({ db, lineUrl: line.url, channelAccessToken }, SIZE.turns, say);
  line.reset();

  say("Firestore operations per event …");
  const take = instrumentFirestore();
  const bot = await startVariant("bot", { db, lineUrl: line.url, channelAccessToken });
  const ops = await countEventOps(bot, db, take).finally(() => bot.close());

  say("cold starts …");
  const coldStart = await benchColdStart({ lineUrl: line.url, channelAccessToken, emulatorHost, projectId }, SIZE.coldStartRuns, say);

  say(`reminder passes of ${SIZE.reminders.users} due users …`);
  const reminders = await benchReminderPasses(SIZE.reminders.users, SIZE.reminders.runs, emulatorHost, say);

  say(`the console with ${SIZE.console.clients} shared clients …`);
  const consolePages = await benchConsole({ ...SIZE.console, emulatorHost }, say);

  const results: BenchResults = {
    date: new Date().toISOString(),
    command: "npm run bench",
    totalSeconds: round((performance.now() - started) / 1000, 0),
    machine: machine(),
    firestore: external ? "emulator at FIRESTORE_EMULATOR_HOST, same machine" : "emulator started by the benchmark, same machine",
    core,
    sheet,
    turns,
    ops,
    coldStart,
    reminders,
    console: consolePages,
  };
  const report = renderReport(results, readPlanResults(__dirname));
  writeFileSync(join(__dirname, "results.json"), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(join(__dirname, "RESULTS.md"), report.markdown);
  process.stdout.write(
    `\n${report.table}\n\nWritten: bench/results.json, bench/RESULTS.md (${results.totalSeconds} s in all; p50 turn ${showSpread(turns.single.bot.medianMs)} ms).\n`,
  );
}

async function main(): Promise<void> {
  await runBounded(TIMEOUT_S, bench);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`The benchmark could not run: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
