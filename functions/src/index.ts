/**
 * The Cloud Functions deploy unit's entry: it only wires triggers to handlers in `src/`.
 *
 * It imports the firebase-functions subpaths it needs, never the package root, which would
 * load every trigger type at cold start. Firestore is not loaded here either: the app loads
 * it on the first request that needs it.
 */
import type { Express } from "express";
import { onRequest } from "firebase-functions/https";
import { defineSecret } from "firebase-functions/params";
import { onSchedule } from "firebase-functions/scheduler";
import { onTaskDispatched } from "firebase-functions/tasks";
import { loadConfig, loadConsoleConfig, loadJobConfig, loadRetentionConfig, type JobConfig } from "../../src/config";
import { createConsoleServerApp } from "../../src/console/server";
import type { PassSummary } from "../../src/jobs/reminders";
import type { PlanSummary } from "../../src/jobs/reminder-fanout";
import {
  createHandoverJob,
  createFollowUpAfterPlanJob,
  createReminderJob,
  createReminderPlanJob,
  createReminderShardJob,
  createRetentionJob,
  createServerApp,
} from "../../src/server";

/** The Messaging API channel secret, which verifies webhook signatures (Secret Manager). */
const channelSecret = defineSecret("LINE_CHANNEL_SECRET", {
  description: "LINE Developers console → your channel → Basic settings → Channel secret",
});

/** The long-lived channel access token, which authorizes replies and pushes (Secret Manager). */
const channelAccessToken = defineSecret("LINE_CHANNEL_ACCESS_TOKEN", {
  description: "LINE Developers console → your channel → Messaging API → Channel access token (long-lived)",
});

let app: Express | undefined;

/**
 * The app for this instance, built on the first request (secrets are only readable at run
 * time, not while the CLI loads this module to deploy it). A configuration error is not
 * cached: it is thrown to firebase-functions, which logs it and answers 500, and the next
 * request tries again.
 */
function serverApp(): Express {
  app ??= createServerApp(
    loadConfig({
      ...process.env,
      // PORT is the Functions runtime's own (a socket path in the emulator); the app does not listen.
      PORT: undefined,
      LINE_CHANNEL_SECRET: channelSecret.value(),
      LINE_CHANNEL_ACCESS_TOKEN: channelAccessToken.value(),
    }),
  );
  return app;
}

/**
 * The LINE webhook and health check (`GET /healthz`), served by the Express app from
 * `src/server.ts`.
 *
 * The function's own URL reaches the app's `/`, which takes the webhook POST, so the
 * Function URL is LINE's webhook URL (see docs/deploy.md). The Functions runtime has already read the body:
 * `req.rawBody` holds the exact bytes, which the LINE SDK's middleware verifies the
 * signature against, and nothing here parses it again.
 */
export const webhook = onRequest(
  {
    /** Tokyo: close to the users and to the Firestore database (asia-northeast1 too). */
    region: "asia-northeast1",
    /** Mounted as environment variables at run time; the deploy checks that both exist in Secret Manager. */
    secrets: [channelSecret, channelAccessToken],
    /** LINE's servers call it without Google credentials; the signature is the authentication. */
    invoker: "public",
    /** Enough for Express, the LINE SDK and the Firestore client; at this size Firebase still gives a full vCPU. */
    memory: "256MiB",
    /** LINE waits a few seconds for an answer; a request that needs longer is stuck. */
    timeoutSeconds: 30,
    /** A cap on cost if traffic spikes; each instance serves up to 80 requests at once (the default concurrency). */
    maxInstances: 5,
    /** Scale to zero when idle; the first message after a quiet spell waits for a cold start. */
    minInstances: 0,
  },
  (req, res) => {
    serverApp()(req, res);
  },
);

let reminderJob: ((now: Date) => Promise<PassSummary | PlanSummary>) | undefined;
let handoverJob: ((now: Date) => Promise<unknown>) | undefined;

/**
 * The reminder job: every 5 minutes (Asia/Tokyo). With REMINDER_DELIVERY=single (the
 * default), one pass over the users whose reminder is due. A pass that overlaps the previous
 * one is safe: pushes carry retry keys (LINE drops a repeat), and each completion is one
 * write guarded by the document's update time. With REMINDER_DELIVERY=fanout it only plans:
 * one task per shard of due users on {@link reminderShard}'s queue (README, "Reminders at
 * scale"). After either, with FOLLOW_UPS on (the default), the gentle follow-ups due: nudges to
 * users who stopped mid-session and follow-ups on action dates, with the quota reminders leave.
 */
export const reminders = onSchedule(
  {
    schedule: "every 5 minutes",
    timeZone: "Asia/Tokyo",
    region: "asia-northeast1",
    /** Only the access token: the job pushes, it does not verify webhooks. */
    secrets: [channelAccessToken],
    /** A pass of 10,000 due users takes well under this (see the README's numbers). */
    timeoutSeconds: 300,
    memory: "512MiB",
    /** One pass at a time per schedule tick; overlapping ticks are still safe. */
    maxInstances: 1,
    /** A failed pass is not retried: the next tick, 5 minutes later, sends what is still due. */
    retryCount: 0,
  },
  async () => {
    if (reminderJob === undefined) {
      const config = loadJobConfig({ ...process.env, LINE_CHANNEL_ACCESS_TOKEN: channelAccessToken.value() });
      reminderJob = config.reminderDelivery === "fanout" ? planThenFollowUps(config) : createReminderJob(config);
      handoverJob = createHandoverJob(config);
    }
    const now = new Date();
    await reminderJob(now);
    // Consultants' hand-overs that went idle end here too: the user hears the bot is back.
    await handoverJob?.(now);
  },
);

/** The fan-out's plan of a tick, then (FOLLOW_UPS on) one follow-up pass in this function. */
function planThenFollowUps(config: JobConfig): (now: Date) => Promise<PlanSummary> {
  const plan = createReminderPlanJob(config);
  const followUps = createFollowUpAfterPlanJob(config);
  return async (now) => {
    const planned = await plan(now);
    if (followUps !== null) await followUps(now, planned);
    return planned;
  };
}

let shardJob: ((data: unknown) => Promise<PassSummary>) | undefined;

/**
 * The fan-out's sender: one task is one shard of due users, sent with the single pass's
 * exactly-once steps. A shard with a failed push throws, and the queue retries it.
 * The queue is `locations/asia-northeast1/functions/reminderShard` (src/tasks/shard-queue.ts).
 */
export const reminderShard = onTaskDispatched(
  {
    region: "asia-northeast1",
    secrets: [channelAccessToken],
    /** A shard of 500 at 100 pushes a second takes about 5 s; the rest is headroom for retries of pushes. */
    timeoutSeconds: 300,
    memory: "512MiB",
    /** One shard per instance; as many instances as the queue dispatches at once, plus one. */
    concurrency: 1,
    maxInstances: 20,
    rateLimits: {
      /** 19 shards at once × 100 pushes a second each (SHARD_PUSHES_PER_SECOND) = 1,900: under LINE's 2,000. */
      maxConcurrentDispatches: 19,
      /** Not the binding limit: 19 shards of 500 take about 5 s each. */
      maxDispatchesPerSecond: 10,
    },
    retryConfig: {
      /** A shard with failed pushes is tried again; completed members are no longer due. */
      maxAttempts: 5,
      minBackoffSeconds: 30,
      maxBackoffSeconds: 300,
    },
  },
  async (request) => {
    shardJob ??= createReminderShardJob(loadJobConfig({ ...process.env, LINE_CHANNEL_ACCESS_TOKEN: channelAccessToken.value() }));
    await shardJob(request.data);
  },
);

let retentionJob: ((now: Date) => Promise<unknown>) | undefined;

/**
 * The retention sweep: once a day at 04:30 (Asia/Tokyo), deletes the data of users who
 * blocked the bot more than RETENTION_DAYS ago (README, Configuration). Needs the
 * composite index in firestore.indexes.json, which `firebase deploy` creates.
 */
export const retention = onSchedule(
  {
    schedule: "every day 04:30",
    timeZone: "Asia/Tokyo",
    region: "asia-northeast1",
    timeoutSeconds: 300,
    memory: "256MiB",
    maxInstances: 1,
    retryCount: 0,
  },
  async () => {
    retentionJob ??= createRetentionJob(loadRetentionConfig(process.env));
    await retentionJob(new Date());
  },
);

let consoleApp: Express | undefined;

/**
 * The consultants' console API (`/api/**`, which Firebase Hosting rewrites here): its own
 * function, so the webhook's instances and cold start stay as they were. Each request carries a
 * consultant's Firebase Authentication ID token; Firestore and Authentication load on the first.
 */
export const consoleApi = onRequest(
  {
    region: "asia-northeast1",
    /** Browsers call it; the ID token is the authentication. */
    invoker: "public",
    /** LINE's access token only: homework is pushed to the client, and a hand-over taken or ended tells the client as the LINE path does. */
    secrets: [channelAccessToken],
    memory: "256MiB",
    timeoutSeconds: 30,
    maxInstances: 2,
    minInstances: 0,
  },
  (req, res) => {
    consoleApp ??= createConsoleServerApp(loadConsoleConfig({ ...process.env, LINE_CHANNEL_ACCESS_TOKEN: channelAccessToken.value() }));
    consoleApp(req, res);
  },
);
