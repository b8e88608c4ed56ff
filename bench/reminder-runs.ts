/**
 * The reminder pass inside `npm run bench`: `bench/reminders.ts` run as a child process per
 * run (so each pass has a fresh process and its own peak RSS), against the shared emulator,
 * once with Node's default heap and once with the `NODE_OPTIONS` the deployed functions run
 * with (from functions/.env.example, which `firebase deploy` passes to every function).
 */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { spread, type Spread } from "./stats";

/** The `NODE_OPTIONS` of the deployed functions, as functions/.env.example sets it. */
export function deployedNodeOptions(): string {
  const example = readFileSync(join(__dirname, "..", "functions", ".env.example"), "utf8");
  const line = example.split("\n").find((entry) => entry.startsWith("NODE_OPTIONS="));
  if (line === undefined) throw new Error("functions/.env.example sets no NODE_OPTIONS");
  return line.slice("NODE_OPTIONS=".length).trim();
}

/** What bench/reminders.ts writes (the fields used here). */
interface PassFile {
  ok: boolean;
  wallSeconds: number;
  pushesPerSecond: number;
  firestoreOps: { readsPerUser: number; writesPerUser: number; transactions: number };
  peakRssMiB: number;
  rssBeforePassMiB: number;
  duringPassMiB: { heapUsed: number };
  secondPass: { sent: number };
}

/** One heap setting over its runs. */
export interface PassFigures {
  nodeOptions: string;
  wallSeconds: Spread;
  pushesPerSecond: Spread;
  readsPerUser: Spread;
  writesPerUser: Spread;
  peakRssMiB: Spread;
  rssBeforePassMiB: Spread;
  heapUsedPeakMiB: Spread;
  /** Every run pushed exactly once per user and its second pass sent nothing. */
  allExactlyOnce: boolean;
}

/** Both heap settings. */
export interface ReminderResults {
  users: number;
  defaultHeap: PassFigures;
  cappedHeap: PassFigures;
}

function runOnce(users: number, emulatorHost: string, nodeOptions: string): Promise<PassFile> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", join(__dirname, "reminders.ts"), "--users", String(users), "--mode", "single", "--timeout-s", "300"],
      {
        stdio: ["ignore", "ignore", "pipe"],
        env: { ...process.env, FIRESTORE_EMULATOR_HOST: emulatorHost, NODE_OPTIONS: nodeOptions },
      },
    );
    let errors = "";
    child.stderr.on("data", (chunk: Buffer) => (errors += chunk.toString()));
    child.once("exit", (code) => {
      try {
        const file = JSON.parse(readFileSync(join(__dirname, "results-reminders.json"), "utf8")) as PassFile;
        if (code === 0 || code === 1) resolve(file);
        else reject(new Error(`bench/reminders.ts exited ${code}:\n${errors}`));
      } catch (error) {
        reject(new Error(`bench/reminders.ts left no results (exit ${code}):\n${errors}`, { cause: error }));
      }
    });
  });
}

function figures(nodeOptions: string, runs: readonly PassFile[]): PassFigures {
  return {
    nodeOptions,
    wallSeconds: spread(runs.map((r) => r.wallSeconds)),
    pushesPerSecond: spread(
      runs.map((r) => r.pushesPerSecond),
      0,
    ),
    readsPerUser: spread(
      runs.map((r) => r.firestoreOps.readsPerUser),
      2,
    ),
    writesPerUser: spread(
      runs.map((r) => r.firestoreOps.writesPerUser),
      2,
    ),
    peakRssMiB: spread(
      runs.map((r) => r.peakRssMiB),
      0,
    ),
    rssBeforePassMiB: spread(
      runs.map((r) => r.rssBeforePassMiB),
      0,
    ),
    heapUsedPeakMiB: spread(
      runs.map((r) => r.duringPassMiB.heapUsed),
      0,
    ),
    allExactlyOnce: runs.every((r) => r.ok && r.secondPass.sent === 0),
  };
}

/** `runs` passes of `users` due users with each heap setting, alternating. */
export async function benchReminderPasses(
  users: number,
  runs: number,
  emulatorHost: string,
  progress: (line: string) => void,
): Promise<ReminderResults> {
  const capped = deployedNodeOptions();
  const results: { default: PassFile[]; capped: PassFile[] } = { default: [], capped: [] };
  for (let run = 1; run <= runs; run++) {
    results.default.push(await runOnce(users, emulatorHost, ""));
    results.capped.push(await runOnce(users, emulatorHost, capped));
    progress(`reminder passes ${run}/${runs} done`);
  }
  return { users, defaultHeap: figures("(none)", results.default), cappedHeap: figures(capped, results.capped) };
}
