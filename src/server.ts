/**
 * Production wiring: the webhook app over Firestore and LINE's API, from a validated
 * {@link Config}. Firestore's client library is loaded on the first request, not at
 * module load, to keep cold starts short.
 */
import type { Express } from "express";
import type { Firestore } from "@google-cloud/firestore";
import { createApp } from "./app";
import type { Config, JobConfig, RetentionConfig } from "./config";
import { createLineGateway } from "./line/client";
import { createJsonLogger, type Logger } from "./log";
import { sendDueReminders, type PassSummary } from "./reminders/job";
import { createFirestoreStore } from "./store/firestore-store";
import { createFirestoreReminderStore } from "./store/reminder-store";
import { deleteExpiredUsers, type RetentionSummary } from "./store/retention";
import type { UserStore } from "./store/user-store";

/** Builds the webhook app for `config`; Firestore is created lazily on first use. */
export function createServerApp(config: Config, log: Logger = createJsonLogger()): Express {
  return createApp({
    channelSecret: config.lineChannelSecret,
    line: createLineGateway({ channelAccessToken: config.lineChannelAccessToken, baseURL: config.lineApiBaseUrl }),
    store: lazyStore(() => createFirestoreStore(createFirestore(config))),
    now: () => new Date(),
    log,
    handoff: { operatorLineIds: config.operatorLineIds, bookingUrl: config.bookingUrl },
  });
}

/**
 * A Firestore client for `config`: the emulator when `firestoreEmulatorHost` is set, else
 * Google Cloud with the environment's credentials. It speaks REST (no gRPC to load at cold
 * start) in both cases, so tests exercise the transport production uses.
 */
export function createFirestore(config: Pick<Config, "projectId" | "firestoreEmulatorHost">): Firestore {
  // Loaded here rather than imported at the top so that module load stays light.
  const { Firestore: FirestoreClient } = require("@google-cloud/firestore") as typeof import("@google-cloud/firestore");
  const emulator = config.firestoreEmulatorHost
    ? {
        host: config.firestoreEmulatorHost,
        ssl: false,
        // The emulator needs no Google credentials; without this the REST transport looks for
        // them. Node's own fetch spares the transport its node-fetch import.
        authClient: new (require("google-auth-library") as typeof import("google-auth-library")).PassThroughClient({
          transporterOptions: { fetchImplementation: fetch },
        }),
      }
    : {};
  return new FirestoreClient({
    ...(config.projectId ? { projectId: config.projectId } : {}),
    ...emulator,
    preferRest: true,
    ignoreUndefinedProperties: true,
  });
}

/** A {@link UserStore} that builds the real one on first use. */
export function lazyStore(build: () => UserStore): UserStore {
  let store: UserStore | undefined;
  const get = () => (store ??= build());
  return {
    runTurn: (userId, plan) => get().runTurn(userId, plan),
    listEntries: (userId, offset, limit) => get().listEntries(userId, offset, limit),
    deleteUser: (userId) => get().deleteUser(userId),
  };
}

/**
 * The reminder job for `config`: call it with the time of a pass. Firestore is created on
 * the first pass and reused by later ones on the same instance.
 */
export function createReminderJob(config: JobConfig, log: Logger = createJsonLogger()): (now: Date) => Promise<PassSummary> {
  const line = createLineGateway({ channelAccessToken: config.lineChannelAccessToken, baseURL: config.lineApiBaseUrl });
  let store: ReturnType<typeof createFirestoreReminderStore> | undefined;
  const settings = { quietHours: config.quietHours };
  return (now) => sendDueReminders(now, { store: (store ??= createFirestoreReminderStore(createFirestore(config))), line, log, settings });
}

/** The daily retention sweep for `config` (see {@link deleteExpiredUsers}). */
export function createRetentionJob(config: RetentionConfig, log: Logger = createJsonLogger()): (now: Date) => Promise<RetentionSummary> {
  let db: Firestore | undefined;
  return (now) => deleteExpiredUsers((db ??= createFirestore(config)), now, config.retentionDays, log);
}
