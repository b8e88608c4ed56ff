/**
 * Turn latency and throughput: text-message turns over real HTTP with real signatures,
 * against the Firestore emulator and the LINE stand-in, for the bot and the two echo
 * baselines side by side. Each round runs every variant at 1 user (one message after
 * another) and at 50 users (each sending one message after another, all at once); the
 * order of the variants rotates between rounds so that drift is shared.
 */
import { randomBytes } from "node:crypto";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { performance } from "node:perf_hooks";
import type { Firestore } from "@google-cloud/firestore";
import type { Express } from "express";
import { createApp } from "../src/app";
import { createLineGateway } from "../src/line/client";
import { silentLogger } from "../src/log";
import { createWebhookStore } from "../src/server";
import { postRaw, sign } from "../scripts/lib/webhook-client";
import { text, userId } from "../test/helpers/events";
import { reminderUserState } from "../test/helpers/reminder-users";
import { createEchoApp } from "./echo-bots";
import { median, percentile, spread, type Spread } from "./stats";
import { stateFields } from "../src/store/user-document";

/** What the turn benchmark runs against. */
export interface TurnBenchDeps {
  db: Firestore;
  lineUrl: string;
  channelAccessToken: string;
}

/** How much each round sends. */
export interface TurnBenchSize {
  rounds: number;
  /** Messages of the single user per round and variant. */
  singleUserMessages: number;
  /** Concurrent users, and messages each sends per round and variant. */
  users: number;
  messagesPerUser: number;
}

/** The three servers compared. */
export const VARIANTS = ["bot", "echo", "echoTransaction"] as const;
/** One of {@link VARIANTS}. */
export type Variant = (typeof VARIANTS)[number];

/** One variant at one load, over the rounds. */
export interface LoadFigures {
  medianMs: Spread;
  p99Ms: Spread;
  turnsPerSecond: Spread;
  /** CPU time of this process (server, stand-in and load generator together) per turn. */
  cpuMsPerTurn: Spread;
  errors: number;
}

/** Everything the turn benchmark measured. */
export interface TurnResults {
  size: TurnBenchSize;
  single: Record<Variant, LoadFigures>;
  concurrent: Record<Variant, LoadFigures>;
  /** Bot ÷ baseline, each round's ratio of medians, then the median and spread over rounds. */
  ratios: { singleVsTransaction: Spread; concurrentVsTransaction: Spread; singleVsEcho: Spread; concurrentVsEcho: Spread };
}

/** The text each turn sends: a typed command the bot answers from rest, as users do. */
export const TURN_TEXT = "ヘルプ";

/** A running server of one variant. */
export interface RunningVariant {
  url: string;
  channelSecret: string;
  close(): Promise<void>;
}

/** Starts `variant` on a loopback port. */
export async function startVariant(variant: Variant, deps: TurnBenchDeps): Promise<RunningVariant> {
  const channelSecret = randomBytes(16).toString("hex");
  const app: Express =
    variant === "bot"
      ? createApp({
          channelSecret,
          // The webhook's own store, as production wires it: the per-user queue over Firestore.
          store: createWebhookStore(deps.db),
          line: createLineGateway({ channelAccessToken: deps.channelAccessToken, baseURL: deps.lineUrl }),
          now: () => new Date(),
          log: silentLogger,
          handoff: { operatorLineIds: [], bookingUrl: undefined, idleMs: 48 * 3_600_000, escalateCrisis: false },
          markAsRead: "auto",
        })
      : createEchoApp({
          channelSecret,
          channelAccessToken: deps.channelAccessToken,
          baseURL: deps.lineUrl,
          ...(variant === "echoTransaction" ? { firestore: () => deps.db } : {}),
        });
  const server = await new Promise<Server>((resolve) => {
    const started = app.listen(0, "127.0.0.1", () => resolve(started));
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook`,
    channelSecret,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Writes users at rest who finished the first session, as the bot's turns find them. */
export async function seedRestingUsers(db: Firestore, ids: readonly string[]): Promise<void> {
  const batch = db.batch();
  const slot = new Date("2027-01-05T12:00:00Z");
  for (const id of ids) {
    batch.set(db.collection("users").doc(id), {
      ...stateFields(reminderUserState({ kind: "daily", time: "21:00" }, slot), new Date()),
      recentEvents: "",
    });
  }
  await batch.commit();
}

/** Posts one signed event; returns the status and the round trip in ms. */
export async function postEvent(target: RunningVariant, event: Record<string, unknown>): Promise<{ status: number; ms: number }> {
  const body = JSON.stringify({ destination: "Ubot", events: [event] });
  const start = performance.now();
  const status = await postRaw(target.url, body, { "x-line-signature": sign(body, target.channelSecret) });
  return { status, ms: performance.now() - start };
}

interface LoadRun {
  latencies: number[];
  seconds: number;
  cpuMs: number;
  errors: number;
}

async function load(target: RunningVariant, users: readonly string[], perUser: number): Promise<LoadRun> {
  const latencies: number[] = [];
  let errors = 0;
  const cpu = process.cpuUsage();
  const start = performance.now();
  await Promise.all(
    users.map(async (user) => {
      for (let i = 0; i < perUser; i++) {
        const { status, ms } = await postEvent(target, text(user, TURN_TEXT));
        latencies.push(ms);
        if (status !== 200) errors++;
      }
    }),
  );
  const used = process.cpuUsage(cpu);
  return { latencies, seconds: (performance.now() - start) / 1000, cpuMs: (used.user + used.system) / 1000, errors };
}

function figures(runs: readonly LoadRun[]): LoadFigures {
  return {
    medianMs: spread(runs.map((run) => median(run.latencies))),
    p99Ms: spread(runs.map((run) => percentile(run.latencies, 99))),
    turnsPerSecond: spread(
      runs.map((run) => run.latencies.length / run.seconds),
      0,
    ),
    cpuMsPerTurn: spread(
      runs.map((run) => run.cpuMs / run.latencies.length),
      2,
    ),
    errors: runs.reduce((sum, run) => sum + run.errors, 0),
  };
}

/** Runs the rounds (after one warm-up round that is not counted) and sums them up. */
export async function benchTurns(deps: TurnBenchDeps, size: TurnBenchSize, progress: (line: string) => void): Promise<TurnResults> {
  const servers = Object.fromEntries(await Promise.all(VARIANTS.map(async (v) => [v, await startVariant(v, deps)] as const))) as Record<
    Variant,
    RunningVariant
  >;
  try {
    const singleUser = userId();
    const crowd = Array.from({ length: size.users }, () => userId());
    // The bot's users exist already; the echo bots' documents are made by their first message.
    await seedRestingUsers(deps.db, [singleUser, ...crowd]);
    const single: Record<Variant, LoadRun[]> = { bot: [], echo: [], echoTransaction: [] };
    const concurrent: Record<Variant, LoadRun[]> = { bot: [], echo: [], echoTransaction: [] };
    for (let round = 0; round <= size.rounds; round++) {
      const order = VARIANTS.map((_, i) => VARIANTS[(i + round) % VARIANTS.length]);
      for (const variant of order) {
        const one = await load(servers[variant], [singleUser], size.singleUserMessages);
        const many = await load(servers[variant], crowd, size.messagesPerUser);
        if (round === 0) continue;
        single[variant].push(one);
        concurrent[variant].push(many);
      }
      progress(round === 0 ? "warm-up round done" : `round ${round}/${size.rounds} done`);
    }
    const ratio = (runs: Record<Variant, LoadRun[]>, baseline: Variant) =>
      spread(
        runs.bot.map((run, i) => median(run.latencies) / median(runs[baseline][i].latencies)),
        2,
      );
    return {
      size,
      single: { bot: figures(single.bot), echo: figures(single.echo), echoTransaction: figures(single.echoTransaction) },
      concurrent: { bot: figures(concurrent.bot), echo: figures(concurrent.echo), echoTransaction: figures(concurrent.echoTransaction) },
      ratios: {
        singleVsTransaction: ratio(single, "echoTransaction"),
        concurrentVsTransaction: ratio(concurrent, "echoTransaction"),
        singleVsEcho: ratio(single, "echo"),
        concurrentVsEcho: ratio(concurrent, "echo"),
      },
    };
  } finally {
    await Promise.all(Object.values(servers).map((server) => server.close()));
  }
}
