/**
 * The webhook as production wires it (`createServerApp`: lazy Firestore with store
 * deadlines, the LINE gateway with webhook timeouts, the JSON logger) on a loopback port, with
 * Firestore reached through a {@link FaultProxy} so that tests can cut the link. A second
 * Firestore client talks to the emulator directly, to check what was stored.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { createInterface } from "node:readline";
import type { Firestore } from "@google-cloud/firestore";
import { createFirestore } from "../../src/server";
import { startLineStandIn, type LineStandIn } from "../../scripts/lib/line-stand-in";
import { postEvents } from "../helpers/webhook";
import { startFaultProxy, type FaultProxy } from "./fault-proxy";

/** A running production-wired webhook and handles on everything around it. */
export interface ServerStack {
  webhookUrl: string;
  /** `http://127.0.0.1:PORT`, for `GET /healthz`. */
  origin: string;
  channelSecret: string;
  channelAccessToken: string;
  projectId: string;
  /** The emulator's own `host:port`. */
  emulatorHost: string;
  line: LineStandIn;
  /** The app's link to Firestore. */
  link: FaultProxy;
  /** A client straight to the emulator, unaffected by {@link link}. */
  db: Firestore;
  /** Every JSON log line the app wrote (all of them once {@link ServerStack.flushLogs} resolves). */
  logs: string[];
  /** Resolves once every log line the app wrote so far is in {@link ServerStack.logs}. */
  flushLogs(): Promise<void>;
  /** Posts signed events; returns the HTTP status. */
  send(...events: Record<string, unknown>[]): Promise<number>;
  close(): Promise<void>;
}

/**
 * Starts the stack, configured through {@link loadConfig} like the server. The webhook runs
 * in a child process (`webhook-process.ts`), so that `close` ends its Firestore client
 * whatever state the faults left it in.
 */
export async function startServerStack(options: { operatorLineIds?: string[]; now?: () => Date } = {}): Promise<ServerStack> {
  const emulatorHost = process.env.FIRESTORE_EMULATOR_HOST;
  if (!emulatorHost) throw new Error("FIRESTORE_EMULATOR_HOST is not set: the jest global setup starts the emulator.");
  const projectId = `demo-${randomBytes(4).toString("hex")}`;
  const channelSecret = randomBytes(16).toString("hex");
  const channelAccessToken = randomBytes(24).toString("hex");
  const db = createFirestore({ projectId, firestoreEmulatorHost: emulatorHost });
  const line = await startLineStandIn({ channelAccessToken });
  const link = await startFaultProxy(emulatorHost);
  const logs: string[] = [];
  const child = spawn(process.execPath, ["--import", "tsx", join(__dirname, "webhook-process.ts")], {
    env: {
      PATH: process.env.PATH,
      METADATA_SERVER_DETECTION: "none",
      LINE_CHANNEL_SECRET: channelSecret,
      LINE_CHANNEL_ACCESS_TOKEN: channelAccessToken,
      LINE_API_BASE_URL: line.url,
      FIRESTORE_EMULATOR_HOST: link.host,
      GOOGLE_CLOUD_PROJECT: projectId,
      OPERATOR_LINE_IDS: (options.operatorLineIds ?? []).join(","),
      ...(options.now ? { WEBHOOK_TEST_NOW: options.now().toISOString() } : {}),
    },
    stdio: ["pipe", "pipe", "inherit"],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const waiters: { match: (line: Record<string, unknown>) => boolean; resolve: (line: Record<string, unknown>) => void }[] = [];
  createInterface({ input: child.stdout }).on("line", (text) => {
    const parsed = JSON.parse(text) as Record<string, unknown>;
    const waiter = waiters.find(({ match }) => match(parsed));
    if (waiter) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve(parsed);
    } else logs.push(text);
  });
  const next = (match: (line: Record<string, unknown>) => boolean) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      waiters.push({ match, resolve });
      void exited.then(() => reject(new Error("the webhook process exited")));
    });
  const { listening } = await next((parsed) => "listening" in parsed);
  const origin = `http://127.0.0.1:${String(listening)}`;
  return {
    webhookUrl: `${origin}/webhook`,
    origin,
    channelSecret,
    channelAccessToken,
    projectId,
    emulatorHost,
    line,
    link,
    db,
    logs,
    send: (...events) => postEvents(`${origin}/webhook`, channelSecret, events),
    async flushLogs() {
      const flushed = next((parsed) => "flushed" in parsed);
      child.stdin.write("flush\n");
      await flushed;
    },
    async close() {
      child.stdin.end();
      const killer = setTimeout(() => child.kill("SIGKILL"), 2_000);
      await exited;
      clearTimeout(killer);
      await Promise.all([line.close(), link.close(), db.terminate()]);
    },
  };
}
