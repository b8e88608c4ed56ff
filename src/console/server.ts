/**
 * The console's API wired to the real services: Firestore (as the webhook reaches it),
 * Firebase Authentication through firebase-admin, and LINE's API (to push homework, and to
 * take over and end hand-overs as the LINE path does), all loaded on the first request that
 * needs them, so that loading this module costs the webhook's instances nothing.
 */
import type { Express } from "express";
import type { Firestore } from "@google-cloud/firestore";
import type * as FirebaseApp from "firebase-admin/app";
import type * as FirebaseAuth from "firebase-admin/auth";
import type { Auth } from "firebase-admin/auth";
import type { ConsoleConfig, ConsoleLineConfig } from "../config";
import { homeworkPush, type HomeworkAsk } from "../dialogue";
import { createLineGateway } from "../line/client";
import { toLineApiError } from "../line/error";
import type { LineGateway } from "../line/gateway";
import { renderReplies } from "../line/render";
import { retryKey } from "../line/retry-key";
import { createJsonLogger, describeError, type Logger } from "../log";
import { runOperatorCommand } from "../operator-commands";
import { createFirestore, createWebhookStore } from "../server";
import { createConsoleStore, type ConsoleStore } from "../store/console-store";
import { createFirestoreConsultantStore, type ConsultantStore } from "../store/consultant-store";
import { createHandoverQueueStore, createHandoverRecords } from "../store/handover-record-store";
import { createHomeworkStore, type HomeworkStore, type PushHomework } from "../store/homework-store";
import { createConsoleApp } from "./app";
import { consultantVerifier, type VerifyToken } from "./consultant-auth";
import type { HandoverRouteDeps } from "./handover-routes";
import type { HomeworkDeps } from "./homework-routes";
import type { LinePairingDeps } from "./me-routes";

/**
 * How long the console waits for one LINE call. A consultant waits on the answer, and a
 * request makes two calls at most (the quota and a push, or a push and the client's menu), well
 * within the function's 30 s; a push that timed out may still arrive, and its retry key keeps
 * a repeat from sending it twice.
 */
export const CONSOLE_LINE_TIMEOUT_MS = 5_000;

/** Firebase Authentication of the default firebase-admin app (the Auth emulator when FIREBASE_AUTH_EMULATOR_HOST is set). */
export function loadAuth(projectId: string | undefined): Auth {
  // Required here rather than imported at the top, so that only the console's first request loads them.
  const { getApps, initializeApp } = require("firebase-admin/app") as typeof FirebaseApp;
  const { getAuth } = require("firebase-admin/auth") as typeof FirebaseAuth;
  return getAuth(getApps()[0] ?? initializeApp(projectId === undefined ? undefined : { projectId }));
}

/** The console's Express app over Firestore, Firebase Authentication and LINE of `config`. */
export function createConsoleServerApp(config: ConsoleConfig, log: Logger = createJsonLogger()): Express {
  let auth: Auth | undefined;
  let db: Firestore | undefined;
  let store: ConsoleStore | undefined;
  let homework: HomeworkStore | undefined;
  let consultants: ConsultantStore | undefined;
  let gateway: LineGateway | undefined;
  const database = () => (db ??= createFirestore(config));
  const storeNow = () => (store ??= createConsoleStore(database()));
  const homeworkNow = () => (homework ??= createHomeworkStore(database()));
  const consultantsNow = () => (consultants ??= createFirestoreConsultantStore(database()));
  const settings = config.line;
  // One LINE client for homework and hand-overs, made on the first request that reaches LINE.
  const line =
    settings === undefined
      ? undefined
      : () =>
          (gateway ??= createLineGateway({
            channelAccessToken: settings.lineChannelAccessToken,
            baseURL: settings.lineApiBaseUrl,
            timeoutMs: CONSOLE_LINE_TIMEOUT_MS,
          }));
  const verify: VerifyToken = async (token) => consultantVerifier((auth ??= loadAuth(config.projectId)))(token);
  return createConsoleApp({
    verify,
    store: {
      sharedClients: () => storeNow().sharedClients(),
      sharedClientsPage: (from, limit) => storeNow().sharedClientsPage(from, limit),
      sharedClient: (code) => storeNow().sharedClient(code),
    },
    log,
    homework: {
      store: { shared: (code) => homeworkNow().shared(code), alerts: () => homeworkNow().alerts() },
      line: line === undefined ? null : homeworkLine(line, log),
      now: () => new Date(),
    },
    handovers: settings === undefined || line === undefined ? undefined : consoleHandovers(settings, line, database, log),
    pairing: linePairing(consultantsNow),
  });
}

/** 「LINEとつなぐ」 over the webhook's consultants (the webhook takes the code when the consultant sends it from LINE). */
function linePairing(store: () => ConsultantStore): LinePairingDeps {
  return {
    linked: async (uid) => (await store().linkedTo({ uid }))[0] ?? null,
    issue: (account, now) => store().issuePairing(now, account),
    now: () => new Date(),
  };
}

/** LINE's side of homework: the month's pushes left and the push itself. */
function homeworkLine(line: () => LineGateway, log: Logger): NonNullable<HomeworkDeps["line"]> {
  const push: PushHomework = async (userId, ask: HomeworkAsk) => {
    try {
      await line().push(userId, renderReplies(homeworkPush(ask)), retryKey(`homework:${ask.id}`));
      return "sent";
    } catch (caught) {
      const error = toLineApiError("push", caught);
      if (error.status === 409) return "sent";
      if (error.status === 429) return "quota";
      if (error.status === 404) return "unreachable";
      log.warn("homework push failed", { status: error.status ?? null, error: describeError(caught), lineRequestId: error.requestId });
      return "failed";
    }
  };
  return {
    async pushesLeft() {
      try {
        const { limit, used } = await line().quota();
        return limit === null ? Infinity : Math.max(0, limit - used);
      } catch (error) {
        log.warn("quota unknown; a 429 will refuse the homework", { error: describeError(error) });
        return Infinity;
      }
    },
    push,
  };
}

/**
 * Taking over and ending from the console: the LINE path's own command, over the webhook's
 * store (the same per-user turn queue) and LINE's API (the client is pushed what LINE's path
 * pushes), with the hand-overs recorded for the queue.
 */
function consoleHandovers(settings: ConsoleLineConfig, line: () => LineGateway, database: () => Firestore, log: Logger): HandoverRouteDeps {
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
      const deps = { store, line: line(), now, log, handoff, records: createHandoverRecords(database()) };
      const { turn, heldBy } = await runOperatorCommand({ ...request, order: Date.now() }, deps);
      log.info("console hand-over command", { verb: request.verb, outcome: turn === "handled" ? "handled" : turn.outcome });
      return { outcome: turn === "handled" ? "handled" : turn.outcome, heldBy };
    },
  };
}
