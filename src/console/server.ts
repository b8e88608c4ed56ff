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
import { createJsonLogger, type Logger } from "../log";
import { createFirestore } from "../server";
import { createConsoleStore, type ConsoleStore } from "../store/console-store";
import { createConsoleApp } from "./app";
import { consultantVerifier, type VerifyToken } from "./consultant-auth";

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
  const storeNow = () => (store ??= createConsoleStore(createFirestore(config)));
  const verify: VerifyToken = async (token) => consultantVerifier((auth ??= loadAuth(config.projectId)))(token);
  return createConsoleApp({
    verify,
    store: {
      sharedClients: () => storeNow().sharedClients(),
      sharedClientsPage: (from, limit) => storeNow().sharedClientsPage(from, limit),
      sharedClient: (code) => storeNow().sharedClient(code),
    },
    log,
  });
}
