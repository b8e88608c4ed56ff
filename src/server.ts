/**
 * Production wiring: the webhook app over Firestore and LINE's API, from a validated
 * {@link Config}. Firestore's client library is loaded on the first request, not at
 * module load, to keep cold starts short.
 */
import { getHeapStatistics } from "node:v8";
import type { Express } from "express";
import type { Firestore } from "@google-cloud/firestore";
import type * as GoogleAuth from "google-auth-library";
import { createApp } from "./app";
import type { Config, JobConfig, RetentionConfig } from "./config";
import { createConsultants, type Consultants } from "./consultants";
import { createLineGateway } from "./line/client";
import type { LineGateway } from "./line/gateway";
import { createFirestoreConsultantStore, type ConsultantStore } from "./store/consultant-store";
import { createJsonLogger, type Logger } from "./log";
import type { PassSummary } from "./jobs/reminders";
import { sendFollowUpsAfterPlan, sendRemindersThenFollowUps, type FollowUpSummary, type ReminderPassSummary } from "./jobs/follow-ups";
import { planReminderShards, sendReminderShard, type PlanSummary } from "./jobs/reminder-fanout";
import { createFirestorePlanStore, type ReminderPlanStore } from "./store/reminder-plan-store";
import { createCloudTasksQueue, readShardTask, type ShardQueue } from "./tasks/shard-queue";
import { deleteExpiredSheets, deleteExpiredUsers, type RetentionSummary } from "./jobs/retention";
import { endIdleHandovers, type HandoverSummary } from "./jobs/handovers";
import { createFirestoreHandoverStore, type HandoverStore } from "./store/handover-store";
import { createHandoverRecords, type HandoverRecords } from "./store/handover-record-store";
import { withDeadline } from "./retry";
import { createFirestoreStore } from "./store/firestore-store";
import { createFirestoreReminderStore, type ReminderStore } from "./store/reminder-store";
import { createFirestoreFollowUpStore } from "./store/follow-up-store";
import { createFirestoreRetentionStore, type RetentionStore } from "./store/retention-store";
import type { UserStore } from "./store/user-store";
import { createClientRecordsForBot } from "./store/client-records";
import { createFirestoreSheetStore, type SheetStore } from "./store/sheet-store";
import { firestoreLibrary } from "./store/firestore-library";
import { queuedStore, StoreDeadlineError, TURN_QUEUE_SETTINGS, type TurnQueueSettings } from "./store/turn-queue";

export { StoreDeadlineError } from "./store/turn-queue";

/**
 * How long the webhook waits for one LINE call other than a reply (profile, hand-off push,
 * leaving a group). Replies have their own budget in the gateway.
 */
export const WEBHOOK_LINE_TIMEOUT_MS = 1_000;

/** The webhook app and a way to release the clients it opened. */
export interface Webhook {
  app: Express;
  /** Terminates the Firestore client if one was created; the app must have stopped serving. */
  close(): Promise<void>;
}

/**
 * Builds the webhook for `config`; Firestore is created lazily on first use. `now` is the
 * dialogue's clock (tests pass a fixed one; nothing else differs from production).
 */
export function createWebhook(config: Config, log: Logger = createJsonLogger(), now: () => Date = () => new Date()): Webhook {
  let db: Firestore | undefined;
  const database = () => (db ??= createFirestore(config));
  const line = createLineGateway({
    channelAccessToken: config.lineChannelAccessToken,
    baseURL: config.lineApiBaseUrl,
    timeoutMs: WEBHOOK_LINE_TIMEOUT_MS,
  });
  const app = createApp({
    channelSecret: config.lineChannelSecret,
    line,
    store: lazyStore(() => createWebhookStore(database())),
    consultants: createWebhookConsultants(database, line, config.operatorLineIds, log),
    sheets: { store: lazySheetStore(() => createFirestoreSheetStore(database())), publicUrl: config.publicUrl },
    clientRecords: {
      readsOf: (userId, limit) => createClientRecordsForBot(database()).readsOf(userId, limit),
      deleteForUser: (userId) => createClientRecordsForBot(database()).deleteForUser(userId),
    },
    handoverRecords: {
      taken: (userId, record) => createHandoverRecords(database()).taken(userId, record),
      ended: (userId, takenAt, endedAt) => createHandoverRecords(database()).ended(userId, takenAt, endedAt),
    },
    now,
    log,
    handoff: {
      operatorLineIds: config.operatorLineIds,
      bookingUrl: config.bookingUrl,
      idleMs: config.handoverIdleHours * 3_600_000,
      escalateCrisis: config.escalateCrisis,
      replyHours: config.handoverReplyHours,
    },
    markAsRead: config.markAsRead,
  });
  return { app, close: async () => db?.terminate() };
}

/**
 * The webhook's {@link Consultants} over the Firestore of `database` (opened on first use),
 * with `configured` (`OPERATOR_LINE_IDS`) among them. Tests that stand up the webhook use this too.
 */
export function createWebhookConsultants(
  database: () => Firestore,
  line: LineGateway,
  configured: readonly string[],
  log: Logger,
  cacheMs?: number,
): Consultants {
  let stores: { consultants: ConsultantStore; handovers: HandoverStore } | undefined;
  const open = () =>
    (stores ??= { consultants: createFirestoreConsultantStore(database()), handovers: createFirestoreHandoverStore(database()) });
  return createConsultants({
    store: {
      list: () => open().consultants.list(),
      issuePairing: (now, account) => open().consultants.issuePairing(now, account),
      pairingStatus: (id, now) => open().consultants.pairingStatus(id, now),
      redeem: (code, userId, name, now) => open().consultants.redeem(code, userId, name, now),
      linkedTo: (by) => open().consultants.linkedTo(by),
      remove: (userId) => open().consultants.remove(userId),
    },
    records: {
      taken: (userId, record) => createHandoverRecords(database()).taken(userId, record),
      ended: (userId, takenAt, endedAt) => createHandoverRecords(database()).ended(userId, takenAt, endedAt),
    },
    handovers: {
      idleHandovers: (now, limit) => open().handovers.idleHandovers(now, limit),
      complete: (idle, end) => open().handovers.complete(idle, end),
    },
    line,
    log,
    configured,
    ...(cacheMs === undefined ? {} : { cacheMs }),
  });
}

/** The webhook app of {@link createWebhook}, for a process that serves until it ends. */
export function createServerApp(config: Config, log: Logger = createJsonLogger(), now: () => Date = () => new Date()): Express {
  return createWebhook(config, log, now).app;
}

/**
 * A Firestore client for `config`: the emulator when `firestoreEmulatorHost` is set, else
 * Google Cloud with the environment's credentials. It speaks REST (no gRPC to load at cold
 * start) in both cases, so tests exercise the transport production uses.
 */
export function createFirestore(config: Pick<Config, "projectId" | "firestoreEmulatorHost">): Firestore {
  // Loaded here rather than imported at the top so that module load stays light.
  const { Firestore: FirestoreClient } = firestoreLibrary();
  const emulator = config.firestoreEmulatorHost
    ? {
        host: config.firestoreEmulatorHost,
        ssl: false,
        // The emulator needs no Google credentials; without this the REST transport looks for
        // them. Node's own fetch spares the transport its node-fetch import.

        authClient: new (require("google-auth-library") as typeof GoogleAuth).PassThroughClient({
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
    runTurn: (userId, plan, options) => get().runTurn(userId, plan, options),
    listEntries: (userId, offset, limit) => get().listEntries(userId, offset, limit),
    findByHandoverCode: (code) => get().findByHandoverCode(code),
    deleteUser: (userId) => get().deleteUser(userId),
  };
}

/** A {@link SheetStore} that builds the real one on first use. */
export function lazySheetStore(build: () => SheetStore): SheetStore {
  let store: SheetStore | undefined;
  const get = () => (store ??= build());
  return {
    save: (hash, record) => get().save(hash, record),
    find: (hash) => get().find(hash),
    deleteForUser: (userId) => get().deleteForUser(userId),
    deleteExpired: (at, limit) => get().deleteExpired(at, limit),
  };
}

/**
 * The webhook's store over `db`: its turns go through the per-user {@link queuedStore}
 * (queue, time budget, no commit after giving up, retries), its other calls are bounded by
 * the same budget. Tests that stand up the webhook use this too, so they run what
 * production runs.
 */
export function createWebhookStore(db: Firestore, settings: TurnQueueSettings = TURN_QUEUE_SETTINGS): UserStore {
  return boundedStore(queuedStore(createFirestoreStore(db), settings), settings);
}

/**
 * A {@link UserStore} whose calls other than turns reject with {@link StoreDeadlineError}
 * after `deadlines.warmMs`, or `deadlines.coldMs` while no call has succeeded yet. (Turns
 * have their budget in the queue, which never abandons a commit in flight.) Reads and
 * deletions are safe to abandon: a redelivery reads again, and a deletion is repeatable.
 */
export function boundedStore(store: UserStore, deadlines: { warmMs: number; coldMs: number }): UserStore {
  let warm = false;
  const bounded = <T>(operation: keyof UserStore, work: Promise<T>): Promise<T> => {
    const deadlineMs = warm ? deadlines.warmMs : deadlines.coldMs;
    work.then(
      () => void (warm = true),
      () => {},
    );
    return withDeadline(work, deadlineMs, `Firestore ${operation}`, () => new StoreDeadlineError(operation, deadlineMs));
  };
  return {
    runTurn: (userId, plan, options) => store.runTurn(userId, plan, options),
    listEntries: (userId, offset, limit) => bounded("listEntries", store.listEntries(userId, offset, limit)),
    findByHandoverCode: (code) => bounded("findByHandoverCode", store.findByHandoverCode(code)),
    deleteUser: (userId) => bounded("deleteUser", store.deleteUser(userId)),
  };
}

/**
 * A heap limit (V8's, in MiB) above which the reminder job warns: a pass of 10,000 users
 * peaks far above 256 MiB of memory with Node's default limit, under it with
 * `--max-old-space-size=128` (functions/.env.example).
 */
const REMINDER_HEAP_WARNING_MIB = 256;

/**
 * The reminder job for `config`: call it with the time of a pass. Firestore is created on
 * the first pass and reused by later ones on the same instance.
 */
export function createReminderJob(config: JobConfig, log: Logger = createJsonLogger()): (now: Date) => Promise<ReminderPassSummary> {
  const heapLimitMiB = Math.round(getHeapStatistics().heap_size_limit / 2 ** 20);
  if (heapLimitMiB > REMINDER_HEAP_WARNING_MIB) {
    log.warn("the heap limit lets a large reminder pass grow past 256 MiB; set NODE_OPTIONS as in functions/.env.example", {
      heapLimitMiB,
    });
  }
  const line = createLineGateway({ channelAccessToken: config.lineChannelAccessToken, baseURL: config.lineApiBaseUrl });
  let stores: { reminders: ReminderStore; followUps: ReminderStore | null } | undefined;
  const settings = { quietHours: config.quietHours };
  const open = () => {
    const db = createFirestore(config);
    return { reminders: createFirestoreReminderStore(db), followUps: config.followUps ? createFirestoreFollowUpStore(db) : null };
  };
  return (now) => {
    const { reminders, followUps } = (stores ??= open());
    return sendRemindersThenFollowUps(now, { store: reminders, followUps, line, log, settings });
  };
}

/**
 * The follow-up pass the fan-out's scheduled function runs after planning a tick (`null` when
 * FOLLOW_UPS is off): one pass in that function, with the pushes the planned shards need kept
 * for them.
 */
export function createFollowUpAfterPlanJob(
  config: JobConfig,
  log: Logger = createJsonLogger(),
): ((now: Date, plan: PlanSummary) => Promise<FollowUpSummary | null>) | null {
  if (!config.followUps) return null;
  const line = createLineGateway({ channelAccessToken: config.lineChannelAccessToken, baseURL: config.lineApiBaseUrl });
  let store: ReminderStore | undefined;
  const settings = { quietHours: config.quietHours };
  return (now, plan) =>
    sendFollowUpsAfterPlan(now, plan, { store: (store ??= createFirestoreFollowUpStore(createFirestore(config))), line, log, settings });
}

/**
 * The fan-out's planner for `config` (`reminderDelivery` `fanout`): call it with the time of a
 * run; it enqueues the tick's shards on `queue` (Cloud Tasks unless given).
 */
export function createReminderPlanJob(
  config: JobConfig,
  log: Logger = createJsonLogger(),
  queue: () => ShardQueue = createCloudTasksQueue,
): (now: Date) => Promise<PlanSummary> {
  const line = createLineGateway({ channelAccessToken: config.lineChannelAccessToken, baseURL: config.lineApiBaseUrl });
  let deps: { store: ReminderPlanStore; queue: ShardQueue } | undefined;
  return (now) =>
    planReminderShards(now, { ...(deps ??= { store: createFirestorePlanStore(createFirestore(config)), queue: queue() }), line, log });
}

/**
 * Pushes a shard's due users at most this many a second. The queue runs at most
 * `maxConcurrentDispatches` shards at once (functions/src/index.ts): 19 × 100 stays under
 * LINE's 2,000 pushes a second.
 */
export const SHARD_PUSHES_PER_SECOND = 100;

/** The fan-out's shard job for `config`: call it with a task's payload (checked here). */
export function createReminderShardJob(config: JobConfig, log: Logger = createJsonLogger()): (data: unknown) => Promise<PassSummary> {
  const line = createLineGateway({ channelAccessToken: config.lineChannelAccessToken, baseURL: config.lineApiBaseUrl });
  let store: ReminderPlanStore | undefined;
  const settings = { quietHours: config.quietHours, pushesPerSecond: SHARD_PUSHES_PER_SECOND };
  return (data) =>
    sendReminderShard(readShardTask(data), new Date(), {
      store: (store ??= createFirestorePlanStore(createFirestore(config))),
      line,
      log,
      settings,
    });
}

/** The hand-over sweep for `config` (see {@link endIdleHandovers}), run after each reminder pass. */
export function createHandoverJob(config: JobConfig, log: Logger = createJsonLogger()): (now: Date) => Promise<HandoverSummary> {
  const line = createLineGateway({ channelAccessToken: config.lineChannelAccessToken, baseURL: config.lineApiBaseUrl });
  let stores: { store: HandoverStore; records: HandoverRecords } | undefined;
  const open = () => {
    const db = createFirestore(config);
    return { store: createFirestoreHandoverStore(db), records: createHandoverRecords(db) };
  };
  return (now) => endIdleHandovers(now, { ...(stores ??= open()), line, log });
}

/** The daily retention sweep for `config` (see {@link deleteExpiredUsers}), then the expired sheets (see {@link deleteExpiredSheets}). */
export function createRetentionJob(config: RetentionConfig, log: Logger = createJsonLogger()): (now: Date) => Promise<RetentionSummary> {
  let stores: { users: RetentionStore; sheets: SheetStore } | undefined;
  const open = () => {
    const db = createFirestore(config);
    return { users: createFirestoreRetentionStore(db), sheets: createFirestoreSheetStore(db) };
  };
  return async (now) => {
    const { users, sheets } = (stores ??= open());
    const summary = await deleteExpiredUsers(users, now, config.retentionDays, log);
    return { ...summary, sheetsDeleted: await deleteExpiredSheets(sheets, now, log) };
  };
}
