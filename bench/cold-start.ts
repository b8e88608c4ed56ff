/**
 * Cold start: from spawning a fresh Node process to the first 200 on the webhook for a
 * text message, for the Cloud Functions bundle that `npm run build` writes and for the
 * echo baselines bundled the same way (esbuild, same options and externals). The child
 * loads the bundle, serves its `webhook` export behind a body parser that sets
 * `req.rawBody` as the Functions runtime does, and says when it listens; then one signed
 * text message is posted. The bot's first message loads Firestore and runs its
 * transaction against the emulator, as a real cold instance would.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { build } from "esbuild";
import { buildFunctions, FUNCTIONS_BUILD_OPTIONS, FUNCTIONS_EXTERNALS } from "../scripts/build-functions";
import { text, userId } from "../test/helpers/events";
import { spread, type Spread } from "./stats";
import { postEvent, VARIANTS, type Variant } from "./turns";

/** One bundle's cold starts. */
export interface ColdFigures {
  /** Process start to listening (module load, Express and the runtime's wrapper). */
  listeningMs: Spread;
  /** Process start to the first 200 for a text message. */
  firstReplyMs: Spread;
  bundleKiB: number;
}

/** What the cold-start benchmark measured. */
export interface ColdStartResults {
  runs: number;
  bundles: Record<Variant, ColdFigures>;
  /** Bot ÷ echo and bot ÷ echo with a transaction, per run, for the first 200. */
  ratios: { vsEcho: Spread; vsTransaction: Spread };
}

/** Where the child serves the bundle; printed as `LISTENING <port>`. */
const CHILD = `
const Module = require("node:module");
const bundle = process.argv[1];
const entry = require(bundle);
const express = Module.createRequire(bundle)("express");
const runtime = express();
runtime.use(express.json({ verify: (req, _res, buf) => { req.rawBody = buf; } }));
runtime.use((req, res) => entry.webhook(req, res));
const server = runtime.listen(0, "127.0.0.1", () => process.stdout.write("LISTENING " + server.address().port + "\\n"));
`;

/** Where bundles are written (git-ignored). */
const OUT_DIR = join(__dirname, "tmp");

async function buildEcho(): Promise<{ file: string; bytes: number }> {
  mkdirSync(OUT_DIR, { recursive: true });
  const file = join(OUT_DIR, "echo-function.js");
  const result = await build({
    entryPoints: [join(__dirname, "echo-function.ts")],
    outfile: file,
    ...FUNCTIONS_BUILD_OPTIONS,
    external: [...FUNCTIONS_EXTERNALS],
    logLevel: "silent",
    metafile: true,
  });
  return { file, bytes: Object.values(result.metafile.outputs)[0]?.bytes ?? 0 };
}

/** Environment of the child: the bot's configuration, pointed at the stand-in and the emulator. */
export interface ColdStartEnv {
  lineUrl: string;
  channelAccessToken: string;
  emulatorHost: string;
  projectId: string;
}

async function coldStart(bundle: string, env: ColdStartEnv, transaction: boolean): Promise<{ listeningMs: number; firstReplyMs: number }> {
  const channelSecret = randomBytes(16).toString("hex");
  const start = performance.now();
  const child = spawn(process.execPath, ["-e", CHILD, bundle], {
    cwd: OUT_DIR,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      PATH: process.env.PATH ?? "",
      METADATA_SERVER_DETECTION: "none",
      LINE_CHANNEL_SECRET: channelSecret,
      LINE_CHANNEL_ACCESS_TOKEN: env.channelAccessToken,
      LINE_API_BASE_URL: env.lineUrl,
      FIRESTORE_EMULATOR_HOST: env.emulatorHost,
      GOOGLE_CLOUD_PROJECT: env.projectId,
      ...(transaction ? { ECHO_TRANSACTION: "1" } : {}),
    },
  });
  try {
    const port = await new Promise<number>((resolve, reject) => {
      let output = "";
      const timer = setTimeout(() => reject(new Error(`No LISTENING line within 30 s:\n${output}`)), 30_000);
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        const match = /LISTENING (\d+)/.exec(output);
        if (match) {
          clearTimeout(timer);
          resolve(Number(match[1]));
        }
      };
      child.stdout.on("data", onData);
      child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
      child.once("exit", (code) => {
        clearTimeout(timer);
        reject(new Error(`The child exited (${code}) before listening:\n${output}`));
      });
    });
    const listeningMs = performance.now() - start;
    const { status } = await postEvent(
      { url: `http://127.0.0.1:${port}/`, channelSecret, close: async () => {} },
      text(userId(), "こんにちは"),
    );
    const firstReplyMs = performance.now() - start;
    if (status !== 200) throw new Error(`The cold bundle answered ${status}.`);
    return { listeningMs, firstReplyMs };
  } finally {
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill();
    await exited;
  }
}

/** Builds the bundles and cold-starts each `runs` times, interleaved; one unmeasured start each first. */
export async function benchColdStart(env: ColdStartEnv, runs: number, progress: (line: string) => void): Promise<ColdStartResults> {
  const bot = await buildFunctions();
  const echo = await buildEcho();
  const bundles: Record<Variant, { file: string; bytes: number; transaction: boolean }> = {
    bot: { file: bot.outfile, bytes: bot.bytes, transaction: false },
    echo: { ...echo, transaction: false },
    echoTransaction: { ...echo, transaction: true },
  };
  const measured: Record<Variant, Array<{ listeningMs: number; firstReplyMs: number }>> = { bot: [], echo: [], echoTransaction: [] };
  for (let run = 0; run <= runs; run++) {
    for (const variant of VARIANTS) {
      const { file, transaction } = bundles[variant];
      const result = await coldStart(file, env, transaction);
      if (run > 0) measured[variant].push(result);
    }
    if (run > 0) progress(`cold starts ${run}/${runs} done`);
  }
  const figures = (variant: Variant): ColdFigures => ({
    listeningMs: spread(
      measured[variant].map((m) => m.listeningMs),
      0,
    ),
    firstReplyMs: spread(
      measured[variant].map((m) => m.firstReplyMs),
      0,
    ),
    bundleKiB: Math.round(bundles[variant].bytes / 1024),
  });
  const ratio = (baseline: Variant) =>
    spread(
      measured.bot.map((m, i) => m.firstReplyMs / measured[baseline][i].firstReplyMs),
      2,
    );
  return {
    runs,
    bundles: { bot: figures("bot"), echo: figures("echo"), echoTransaction: figures("echoTransaction") },
    ratios: { vsEcho: ratio("echo"), vsTransaction: ratio("echoTransaction") },
  };
}
