/**
 * The webhook as production wires it ({@link createServerApp}: lazy Firestore with store
 * deadlines, the LINE gateway with webhook timeouts, the JSON logger) on a loopback port, with
 * Firestore reached through a {@link FaultProxy} so that tests can cut the link. A second
 * Firestore client talks to the emulator directly, to check what was stored.
 */
import { randomBytes } from "node:crypto";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Firestore } from "@google-cloud/firestore";
import { loadConfig } from "../../src/config";
import { createJsonLogger } from "../../src/log";
import { createFirestore, createServerApp } from "../../src/server";
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
  /** Every JSON log line the app wrote. */
  logs: string[];
  /** Posts signed events; returns the HTTP status. */
  send(...events: Record<string, unknown>[]): Promise<number>;
  close(): Promise<void>;
}

/**
 * Starts the stack, configured through {@link loadConfig} like the server. The Firestore client gives FIRESTORE_EMULATOR_HOST precedence over its
 * settings, so the variable names the proxy from here on (Jest gives each test file its
 * own copy of the environment); `close` restores it.
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
  process.env.FIRESTORE_EMULATOR_HOST = link.host;
  const logs: string[] = [];
  const config = loadConfig({
    LINE_CHANNEL_SECRET: channelSecret,
    LINE_CHANNEL_ACCESS_TOKEN: channelAccessToken,
    LINE_API_BASE_URL: line.url,
    FIRESTORE_EMULATOR_HOST: link.host,
    GOOGLE_CLOUD_PROJECT: projectId,
    OPERATOR_LINE_IDS: (options.operatorLineIds ?? []).join(","),
  });
  const app = createServerApp(
    config,
    createJsonLogger((entry) => logs.push(entry)),
    options.now,
  );
  const server = await new Promise<Server>((resolve) => {
    const started = app.listen(0, "127.0.0.1", () => resolve(started));
  });
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
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
    async close() {
      process.env.FIRESTORE_EMULATOR_HOST = emulatorHost;
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await Promise.all([line.close(), link.close(), db.terminate()]);
    },
  };
}
