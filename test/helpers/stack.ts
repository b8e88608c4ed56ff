/**
 * The real bot for integration tests: the Express app on a loopback port, over the
 * Firestore emulator (each test file its own project) and the LINE API stand-in. The store
 * is wired as in production ({@link createWebhookStore}); only the clock and the logger are
 * the test's.
 */
import { randomBytes } from "node:crypto";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Firestore } from "@google-cloud/firestore";
import type { Express } from "express";
import { createApp } from "../../src/app";
import { createLineGateway } from "../../src/line/client";
import type { LogFields, Logger } from "../../src/log";
import type { UserStore } from "../../src/store/user-store";
import type { Consultants } from "../../src/consultants";
import { createFirestore, createWebhookConsultants, createWebhookStore } from "../../src/server";
import { createFirestoreSheetStore } from "../../src/store/sheet-store";
import { createClientRecordsForBot } from "../../src/store/client-records";
import { createHandoverRecords } from "../../src/store/handover-record-store";
import { startLineStandIn, type LineStandIn, type SentBatch } from "../../scripts/lib/line-stand-in";
import { wipeEmulator } from "../../scripts/lib/firestore-emulator";
import { expectWithinLineLimits } from "./line-limits";
import { requestsOffOpenApi } from "./line-openapi";
import { postEvents } from "./webhook";

/** One log line as the app wrote it. */
export interface LogLine {
  severity: "INFO" | "WARNING" | "ERROR";
  message: string;
  fields: LogFields;
}

/** A running bot and handles on everything around it. */
export interface TestStack {
  webhookUrl: string;
  /** The app's root on this machine (`http://127.0.0.1:port`), where the sheets' links lead once {@link SHEET_PUBLIC_URL} is replaced. */
  serverUrl: string;
  /** The current Express app, for mounting under another app. */
  app: Express;
  channelSecret: string;
  /** The token the stand-in accepts, for other clients of it (the reminder job). */
  channelAccessToken: string;
  line: LineStandIn;
  db: Firestore;
  /** The Firestore emulator's project of this stack, for a job built from configuration. */
  projectId: string;
  logs: LogLine[];
  /** Posts signed events; returns the HTTP status. */
  send(...events: Record<string, unknown>[]): Promise<number>;
  /** Messages sent to `userId` by reply (matched through the events' reply tokens) or push. */
  messagesTo(userId: string): unknown[];
  /** Stops the app and starts a new one over the same data, like a redeploy. */
  restart(): Promise<void>;
  /** Deletes all data and recorded calls. */
  reset(): Promise<void>;
  close(): Promise<void>;
}

/** How a test stack differs from the default one. */
export interface StackOptions {
  now?: () => Date;
  operatorLineIds?: string[];
  bookingUrl?: string;
  /** HANDOVER_IDLE_HOURS; 48 when absent. */
  handoverIdleHours?: number;
  /** ESCALATE_CRISIS; off when absent. */
  escalateCrisis?: boolean;
  /** HANDOVER_REPLY_HOURS; no time promised when absent. */
  handoverReplyHours?: number;
  /** MARK_AS_READ; auto when absent. */
  markAsRead?: "auto" | "off";
  /** PUBLIC_URL, the start of the sheets' links; {@link SHEET_PUBLIC_URL} when absent, null for none. */
  publicUrl?: string | null;
  /**
   * Wraps the production-wired store, to inject a failure at one of its calls (the store
   * underneath still runs against the emulator).
   */
  wrapStore?: (store: UserStore) => UserStore;
  /** Wraps the production-wired consultants, to inject a failure at one of their calls. */
  wrapConsultants?: (consultants: Consultants) => Consultants;
}

/** The public address the test stack's sheet links start with (LINE takes only https); tests swap it for {@link TestStack.serverUrl}. */
export const SHEET_PUBLIC_URL = "https://will-note.test";

/** Starts a stack; call `close` in afterAll. */
export async function startStack(options: StackOptions = {}): Promise<TestStack> {
  const emulatorHost = process.env.FIRESTORE_EMULATOR_HOST;
  if (!emulatorHost) throw new Error("FIRESTORE_EMULATOR_HOST is not set: the jest global setup starts the emulator.");
  const projectId = `demo-${randomBytes(4).toString("hex")}`;
  const channelSecret = randomBytes(16).toString("hex");
  const channelAccessToken = randomBytes(24).toString("hex");
  const line = await startLineStandIn({ channelAccessToken, channelSecret });
  const logs: LogLine[] = [];
  const log: Logger = {
    info: (message, fields = {}) => logs.push({ severity: "INFO", message, fields }),
    warn: (message, fields = {}) => logs.push({ severity: "WARNING", message, fields }),
    error: (message, fields = {}) => logs.push({ severity: "ERROR", message, fields }),
  };
  const replyTokens = new Map<string, string>();

  let db = createFirestore({ projectId, firestoreEmulatorHost: emulatorHost });
  let app: Express;
  let server = await listen(db);
  let webhookUrl = urlOf(server);

  async function listen(firestore: Firestore): Promise<Server> {
    const gateway = createLineGateway({ channelAccessToken, baseURL: line.url });
    app = createApp({
      channelSecret,
      // The store as production wires it: the per-user queue, its time budget and retries.
      store: (options.wrapStore ?? ((store) => store))(createWebhookStore(firestore)),
      line: gateway,
      // Paired consultants as production wires them, read afresh on every request.
      consultants: (options.wrapConsultants ?? ((consultants) => consultants))(
        createWebhookConsultants(() => firestore, gateway, options.operatorLineIds ?? [], log, 0),
      ),
      now: options.now ?? (() => new Date()),
      log,
      sheets: {
        store: createFirestoreSheetStore(firestore),
        publicUrl: options.publicUrl === null ? undefined : (options.publicUrl ?? SHEET_PUBLIC_URL),
      },
      clientRecords: createClientRecordsForBot(firestore),
      handoff: {
        operatorLineIds: options.operatorLineIds ?? [],
        bookingUrl: options.bookingUrl,
        idleMs: (options.handoverIdleHours ?? 48) * 3_600_000,
        escalateCrisis: options.escalateCrisis ?? false,
        ...(options.handoverReplyHours === undefined ? {} : { replyHours: options.handoverReplyHours }),
      },
      markAsRead: options.markAsRead ?? "auto",
      handoverRecords: createHandoverRecords(firestore),
    });
    return new Promise((resolve) => {
      const started = app.listen(0, "127.0.0.1", () => resolve(started));
    });
  }

  async function stopServer(): Promise<void> {
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
    await db.terminate();
  }

  const stack: TestStack = {
    get webhookUrl() {
      return webhookUrl;
    },
    get app() {
      return app;
    },
    get serverUrl() {
      return webhookUrl.replace(/\/webhook$/, "");
    },
    channelSecret,
    channelAccessToken,
    line,
    projectId,
    get db() {
      return db;
    },
    logs,
    async send(...events) {
      for (const event of events) {
        const source = event.source as { userId?: string } | undefined;
        if (typeof event.replyToken === "string" && source?.userId) replyTokens.set(event.replyToken, source.userId);
      }
      return postEvents(webhookUrl, channelSecret, events);
    },
    messagesTo(userId) {
      return line
        .sent()
        .filter((batch: SentBatch) => (batch.replyToken ? replyTokens.get(batch.replyToken) === userId : batch.to.includes(userId)))
        .flatMap((batch) => batch.messages);
    },
    async restart() {
      await stopServer();
      db = createFirestore({ projectId, firestoreEmulatorHost: emulatorHost });
      server = await listen(db);
      webhookUrl = urlOf(server);
    },
    async reset() {
      await wipeEmulator(emulatorHost, projectId);
      line.reset();
      logs.length = 0;
      replyTokens.clear();
    },
    async close() {
      await stopServer();
      await line.close();
    },
  };
  return stack;
}

function urlOf(server: Server): string {
  const { port } = server.address() as AddressInfo;
  return `http://127.0.0.1:${port}/webhook`;
}

/**
 * Registers the usual lifecycle for a test file: one stack for the file, data wiped before
 * each test, and after each test a check that everything sent respects LINE's limits and that
 * every request the bot made matches LINE's OpenAPI description of the Messaging API.
 * Returns a getter, since the stack exists only once `beforeAll` has run.
 */
export function useStack(options: Parameters<typeof startStack>[0] = {}): () => TestStack {
  let stack: TestStack | undefined;
  const current = () => {
    if (!stack) throw new Error("the stack is not started yet: use it inside a test");
    return stack;
  };
  beforeAll(async () => {
    stack = await startStack(options);
  });
  afterAll(async () => {
    await stack?.close();
  });
  beforeEach(async () => {
    await current().reset();
  });
  afterEach(() => {
    expectWithinLineLimits(current().line);
    expect(requestsOffOpenApi(current().line.calls())).toEqual([]);
  });
  return current;
}
