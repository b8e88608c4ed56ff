/**
 * `npm run bench:load [-- --users 50 --seconds 60]`: many users chatting at once with the
 * webhook as production wires it ({@link createServerApp}), over real HTTP with real
 * signatures, against the Firestore emulator and the LINE stand-in, all on loopback.
 * A benchmark, never a test: `npm test` does not run it.
 *
 * Each user follows, agrees, then for the given time records ありがとう moments in a loop
 * (ありがとう記録 → the moment → the feeling), pausing 200–800 ms between messages as a
 * fast typist would. Every request's latency is measured; afterwards Firestore must hold
 * exactly one entry per completed loop. It prints p50/p95/p99/max next to LINE's 2 s.
 * Everything is bounded: the run stops after the given time plus 60 s whatever happens.
 * Exits 0 when no request failed and no entry was lost; 2 for a usage problem; 1 otherwise.
 * `--profile burst` instead measures one user's 2, 30 and 100 requests at once
 * (`load-burst.ts`).
 */
import { randomBytes } from "node:crypto";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { performance } from "node:perf_hooks";
import { countOption, parseOptions } from "../scripts/lib/command-args";
import { startFirestoreEmulator, wipeEmulator, type RunningEmulator } from "../scripts/lib/firestore-emulator";
import { startLineStandIn } from "../scripts/lib/line-stand-in";
import { postEvents } from "../scripts/lib/webhook-client";
import { loadConfig } from "../src/config";
import { answerData, commandData } from "../src/dialogue";
import { createJsonLogger } from "../src/log";
import { createFirestore, createServerApp } from "../src/server";
import { follow, postback, text, userId } from "../test/helpers/events";
import { runBursts } from "./load-burst";

const LINE_DEADLINE_MS = 2000;
/** The first seconds, when all users follow at once and the Firestore client loads and connects. */
const WARM_UP_S = 10;
const MOMENTS = ["後輩の資料を一緒に直したら感謝された", "会議の段取りを整えたらありがとうと言われた", "新人の質問に丁寧に答えた"];

const USAGE = "npm run bench:load [-- --users 50 --seconds 60 | --profile burst]";

/** How many users chat at once, and for how long; or the one-user burst profile. */
function parseLoadOptions(): { users: number; seconds: number; burst: boolean } {
  const { users, seconds, profile } = parseOptions(USAGE, {
    users: { type: "string" },
    seconds: { type: "string" },
    profile: { type: "string" },
  });
  if (profile !== undefined && profile !== "burst" && profile !== "users") {
    console.error(`--profile is burst or users\n${USAGE}`);
    process.exit(2);
  }
  return {
    users: countOption(USAGE, "--users", users, 50),
    seconds: countOption(USAGE, "--seconds", seconds, 60),
    burst: profile === "burst",
  };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function main(): Promise<number> {
  const { users, seconds, burst } = parseLoadOptions();
  const giveUp = setTimeout(
    () => {
      console.error(`load: still running ${seconds + 60} s after start; giving up`);
      process.exit(1);
    },
    (seconds + 60) * 1000,
  );

  let emulator: RunningEmulator | undefined;
  const emulatorHost = process.env.FIRESTORE_EMULATOR_HOST ?? (emulator = await startFirestoreEmulator()).host;
  process.env.FIRESTORE_EMULATOR_HOST = emulatorHost;
  const projectId = `demo-load-${randomBytes(4).toString("hex")}`;
  const secret = randomBytes(16).toString("hex");
  const token = randomBytes(24).toString("hex");
  const line = await startLineStandIn({ channelAccessToken: token });
  const logged = { errors: 0 };
  const config = loadConfig({
    LINE_CHANNEL_SECRET: secret,
    LINE_CHANNEL_ACCESS_TOKEN: token,
    LINE_API_BASE_URL: line.url,
    FIRESTORE_EMULATOR_HOST: emulatorHost,
    GOOGLE_CLOUD_PROJECT: projectId,
  });
  const app = createServerApp(
    config,
    createJsonLogger((entry) => void (entry.includes('"severity":"ERROR"') && logged.errors++)),
  );
  const server = await new Promise<Server>((resolve) => {
    const started = app.listen(0, "127.0.0.1", () => resolve(started));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook`;
  const db = createFirestore({ projectId, firestoreEmulatorHost: emulatorHost });

  /** Stops the webhook, the stand-in, the client and the emulator this run started. */
  const stopAll = async (): Promise<void> => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await Promise.all([line.close(), db.terminate()]);
    await wipeEmulator(emulatorHost, projectId).catch(() => {});
    await emulator?.stop();
    clearTimeout(giveUp);
  };

  if (burst) {
    // Warm the instance first: the bursts meet the warm budget, as a running bot's users do.
    await postEvents(url, secret, [text(userId(), "こんにちは")]);
    const ok = await runBursts(url, secret, db);
    await stopAll();
    return ok && line.violations().length === 0 ? 0 : 1;
  }

  const latencies: number[] = [];
  /** Latencies of requests sent after the first {@link WARM_UP_S} s (the instance's cold start). */
  const steady: number[] = [];
  const failures: string[] = [];
  const loops = new Map<string, number>();
  const send = async (event: Record<string, unknown>): Promise<boolean> => {
    const started = performance.now();
    const status = await postEvents(url, secret, [event]).catch((error: unknown) => `error ${String(error)}`);
    latencies.push(performance.now() - started);
    if (started - runStarted > WARM_UP_S * 1000) steady.push(performance.now() - started);
    if (status !== 200) failures.push(String(status));
    return status === 200;
  };
  const endAt = Date.now() + seconds * 1000;
  let runStarted = performance.now();
  const chat = async (user: string, index: number) => {
    await sleep((index * 37) % 1000);
    const think = () => sleep(200 + Math.random() * 600);
    if (!(await send(follow(user)))) return;
    await think();
    if (!(await send(postback(user, answerData("consent", "agree"))))) return;
    await think();
    if (!(await send(postback(user, answerData("start", "later"))))) return;
    while (Date.now() < endAt) {
      await think();
      if (!(await send(postback(user, commandData("logThanks"))))) return;
      await think();
      if (!(await send(text(user, MOMENTS[(loops.get(user) ?? 0) % MOMENTS.length])))) return;
      await think();
      if (!(await send(text(user, "うれしかった")))) return;
      loops.set(user, (loops.get(user) ?? 0) + 1);
    }
  };

  const ids = Array.from({ length: users }, userId);
  const started = performance.now();
  runStarted = started;
  await Promise.all(ids.map(chat));
  const elapsed = (performance.now() - started) / 1000;

  let lost = 0;
  let stored = 0;
  for (const id of ids) {
    const entries = await db.collection("users").doc(id).collection("entries").where("kind", "==", "thanks").get();
    stored += entries.size;
    if (entries.size !== (loops.get(id) ?? 0)) lost += Math.abs((loops.get(id) ?? 0) - entries.size);
  }
  const ms = (value: number) => `${Math.round(value)} ms`;
  const summary = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    return `p50 ${ms(percentile(sorted, 50))}  p95 ${ms(percentile(sorted, 95))}  p99 ${ms(percentile(sorted, 99))}  max ${ms(sorted.at(-1) ?? NaN)}`;
  };
  const completed = [...loops.values()].reduce((sum, n) => sum + n, 0);
  console.log(`load: ${users} users for ${seconds} s (${elapsed.toFixed(1)} s with ramp-up), loopback, emulator + LINE stand-in`);
  console.log(`requests          ${latencies.length} (${(latencies.length / elapsed).toFixed(1)}/s)`);
  console.log(
    `failed requests   ${failures.length}${failures.length ? ` (${[...new Set(failures)].join(", ")})` : ""}; error log lines ${logged.errors}`,
  );
  console.log(`entries           ${stored} stored for ${completed} completed moments; lost or extra ${lost}`);
  console.log(
    `replies           ${line.sent().filter((batch) => batch.kind === "reply").length}; limit violations ${line.violations().length}`,
  );
  console.log(`latency, all      ${summary(latencies)}  (LINE waits ${LINE_DEADLINE_MS} ms)`);
  console.log(`latency, after ${WARM_UP_S} s ${summary(steady)}  (${steady.length} requests)`);

  await stopAll();
  return failures.length === 0 && lost === 0 && line.violations().length === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
