/**
 * The console's API wired to the real services: Firestore (as the webhook reaches it),
 * Firebase Authentication through firebase-admin, and LINE's push for homework, all loaded on
 * the first request, so that loading this module costs the webhook's instances nothing.
 */
import type { Express } from "express";
import type * as FirebaseApp from "firebase-admin/app";
import type * as FirebaseAuth from "firebase-admin/auth";
import type { Auth } from "firebase-admin/auth";
import { LINE_API_DEFAULT_BASE_URL, type ConsoleConfig } from "../config";
import { homeworkPush, type HomeworkAsk } from "../dialogue";
import { createLineGateway } from "../line/client";
import { toLineApiError } from "../line/error";
import type { LineGateway } from "../line/gateway";
import { renderReplies } from "../line/render";
import { retryKey } from "../line/retry-key";
import { createJsonLogger, describeError, type Logger } from "../log";
import { createFirestore } from "../server";
import { createConsoleStore, type ConsoleStore } from "../store/console-store";
import { createHomeworkStore, type HomeworkStore, type PushHomework } from "../store/homework-store";
import { createConsoleApp } from "./app";
import { consultantVerifier, type VerifyToken } from "./consultant-auth";
import type { HomeworkDeps } from "./homework-routes";

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
  let homework: HomeworkStore | undefined;
  const db = () => createFirestore(config);
  const storeNow = () => (store ??= createConsoleStore(db()));
  const homeworkNow = () => (homework ??= createHomeworkStore(db()));
  const verify: VerifyToken = async (token) => consultantVerifier((auth ??= loadAuth(config.projectId)))(token);
  return createConsoleApp({
    verify,
    store: { sharedClients: () => storeNow().sharedClients(), sharedClient: (code) => storeNow().sharedClient(code) },
    log,
    homework: {
      store: { shared: (code) => homeworkNow().shared(code), alerts: () => homeworkNow().alerts() },
      line: homeworkLine(config, log),
      now: () => new Date(),
    },
  });
}

/** LINE's side of homework: the month's pushes left and the push itself; null without a token. */
function homeworkLine(config: ConsoleConfig, log: Logger): HomeworkDeps["line"] {
  const token = config.lineChannelAccessToken ?? "";
  if (token === "") return null;
  let gateway: LineGateway | undefined;
  const line = () =>
    (gateway ??= createLineGateway({ channelAccessToken: token, baseURL: config.lineApiBaseUrl ?? LINE_API_DEFAULT_BASE_URL }));
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
