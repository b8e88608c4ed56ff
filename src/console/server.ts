/**
 * The console's API wired to the real services: Firestore (as the webhook reaches it) and
 * Firebase Authentication through firebase-admin, both loaded on the first request, so that
 * loading this module costs the webhook's instances nothing.
 */
import type { Express } from "express";
import type * as FirebaseApp from "firebase-admin/app";
import type * as FirebaseAuth from "firebase-admin/auth";
import type { Auth } from "firebase-admin/auth";
import type { ConsoleConfig } from "../config";
import type { Firestore } from "@google-cloud/firestore";
import { createLineGateway } from "../line/client";
import { createJsonLogger, type Logger } from "../log";
import { runOperatorCommand } from "../operator-commands";
import { createFirestore, createWebhookStore, WEBHOOK_LINE_TIMEOUT_MS } from "../server";
import { createConsoleStore, type ConsoleStore } from "../store/console-store";
import { createHandoverQueueStore, createHandoverRecords } from "../store/handover-record-store";
import { createConsoleApp } from "./app";
import { consultantVerifier, type VerifyToken } from "./consultant-auth";
import type { HandoverRouteDeps } from "./handover-routes";

/** Firebase Authentication of the default firebase-admin app (the Auth emulator when FIREBASE_AUTH_EMULATOR_HOST is set). */
export function loadAuth(projectId: string | undefined): Auth {
  // Required here rather than imported at the top, so that only the console's first request loads them.
  const { getApps, initializeApp } = require("firebase-admin/app") as typeof FirebaseApp;
  const { getAuth } = require("firebase-admin/auth") as typeof FirebaseAuth;
  return getAuth(getApps()[0] ?? initializeApp(projectId === undefined ? undefined : { projectId }));
}

/** The console's Express app over Firestore and Firebase Authentication of `config`'s project. */
export function createConsoleServerApp(config: ConsoleConfig, log: Logger = createJsonLogger()): Express {
  let auth: Auth | undefined;
  let store: ConsoleStore | undefined;
  let db: Firestore | undefined;
  const database = () => (db ??= createFirestore(config));
  const storeNow = () => (store ??= createConsoleStore(database()));
  const verify: VerifyToken = async (token) => consultantVerifier((auth ??= loadAuth(config.projectId)))(token);
  return createConsoleApp({
    verify,
    store: { sharedClients: () => storeNow().sharedClients(), sharedClient: (code) => storeNow().sharedClient(code) },
    log,
    handovers: config.handovers === undefined ? undefined : consoleHandovers(config.handovers, database, log),
  });
}

/**
 * Taking over and ending from the console: the LINE path's own command, over the webhook's
 * store (the same per-user turn queue) and LINE's API (the client is pushed what LINE's path
 * pushes), with the hand-overs recorded for the queue.
 */
function consoleHandovers(settings: NonNullable<ConsoleConfig["handovers"]>, database: () => Firestore, log: Logger): HandoverRouteDeps {
  const line = createLineGateway({
    channelAccessToken: settings.lineChannelAccessToken,
    baseURL: settings.lineApiBaseUrl,
    timeoutMs: WEBHOOK_LINE_TIMEOUT_MS,
  });
  let users: ReturnType<typeof createWebhookStore> | undefined;
  const now = () => new Date();
  const handoff = {
    idleMs: settings.handoverIdleHours * 3_600_000,
    bookingUrl: settings.bookingUrl,
    ...(settings.handoverReplyHours === undefined ? {} : { replyHours: settings.handoverReplyHours }),
  };
  return {
    queue: {
      queue: (since) => createHandoverQueueStore(database()).queue(since),
      consultantNames: () => createHandoverQueueStore(database()).consultantNames(),
    },
    now,
    async command(request) {
      const store = (users ??= createWebhookStore(database()));
      const deps = { store, line, now, log, handoff, records: createHandoverRecords(database()) };
      const { turn, heldBy } = await runOperatorCommand({ ...request, order: Date.now() }, deps);
      log.info("console hand-over command", { verb: request.verb, outcome: turn === "handled" ? "handled" : turn.outcome });
      return { outcome: turn === "handled" ? "handled" : turn.outcome, heldBy };
    },
  };
}
