/**
 * Configuration, read and validated once at start. Errors name the variable to set and
 * where its value comes from, so an operator can fix them without reading code.
 */

import type { QuietHours } from "./calendar/schedule";

/** LINE's production API host; tests and `npm start` point at a local stand-in instead. */
export const LINE_API_DEFAULT_BASE_URL = "https://api.line.me";

/** Everything the webhook server needs. Secrets are held here and never logged. */
export interface Config {
  port: number;
  lineChannelSecret: string;
  lineChannelAccessToken: string;
  lineApiBaseUrl: string;
  /** Google Cloud project id; optional with real credentials, which carry one. */
  projectId: string | undefined;
  /** `host:port` of the Firestore emulator, when one is used. */
  firestoreEmulatorHost: string | undefined;
  /** LINE user ids of the consultants who receive hand-off requests (may be empty). */
  operatorLineIds: string[];
  /** The consultants' booking page, sent to a user after a hand-off; optional. */
  bookingUrl: string | undefined;
  /** Hours without a message from the user after which a consultant's hand-over ends by itself. */
  handoverIdleHours: number;
  /** Whether a user in crisis is asked if their consultant may contact them (ESCALATE_CRISIS). */
  escalateCrisis: boolean;
  /**
   * How many hours at most before a consultant writes to a user who asked to be contacted
   * (HANDOVER_REPLY_HOURS), told to that user; unset, the bot promises no time.
   */
  handoverReplyHours: number | undefined;
  /** When late (catch-up) reminders wait, Asia/Tokyo; "00:00"–"00:00" means never. */
  quietHours: QuietHours;
  /** Days after a user blocks the bot before their data is deleted; 0 keeps it until they ask. */
  retentionDays: number;
  /**
   * MARK_AS_READ: `auto` marks a message read once the bot answered it (never while a consultant
   * is with the user), `off` never marks, so LINE Official Account Manager's chat shows every message unread.
   */
  markAsRead: "auto" | "off";
  /**
   * The webhook's public address (PUBLIC_URL, the URL set as the webhook in LINE Developers
   * console), without a trailing slash: the 振り返りシート's links start with it. Unset, 「シートを見る」
   * answers that the sheet cannot be made now.
   */
  publicUrl: string | undefined;
}

/** The defaults of the settings that have one. */
export const CONFIG_DEFAULTS = { port: 8080, quietHours: "22:00-08:00", retentionDays: 365, handoverIdleHours: 48 } as const;

/** A configuration problem, with a message meant for the operator. */
export class ConfigError extends Error {
  override name = "ConfigError";
  constructor(
    /** Each problem, starting with the name of its variable. */
    readonly problems: readonly string[],
  ) {
    super(`Configuration is incomplete:\n- ${problems.join("\n- ")}`);
  }
}

const HINTS = {
  LINE_CHANNEL_SECRET: "LINE Developers console → your channel → Basic settings → Channel secret",
  LINE_CHANNEL_ACCESS_TOKEN: "LINE Developers console → your channel → Messaging API → Channel access token (long-lived)",
} as const;

/**
 * How the scheduled reminder job delivers: `single`, one pass in the scheduled function
 * (small accounts, up to about 30,000 users in one slot), or `fanout`, where it only plans
 * and a task queue sends the shards (README, "Reminders at scale").
 */
export type ReminderDelivery = "single" | "fanout";

/** What the reminder job needs: LINE's API and Firestore, no webhook secret. */
export interface JobConfig extends Pick<
  Config,
  "lineChannelAccessToken" | "lineApiBaseUrl" | "projectId" | "firestoreEmulatorHost" | "quietHours" | "retentionDays"
> {
  /** From REMINDER_DELIVERY; `single` when unset. */
  reminderDelivery: ReminderDelivery;
  /** From FOLLOW_UPS: whether the reminder pass also sends gentle follow-ups (PRODUCT.md §3.8); on when unset. */
  followUps: boolean;
}

/** Reads and validates the reminder job's configuration from environment variables. */
export function loadJobConfig(env: NodeJS.ProcessEnv): JobConfig {
  const problems: string[] = [];
  const delivery = env.REMINDER_DELIVERY?.trim() || "single";
  if (delivery !== "single" && delivery !== "fanout") {
    problems.push(`REMINDER_DELIVERY must be single (one pass) or fanout (shards on a task queue), not "${delivery}".`);
  }
  const followUpsText = env.FOLLOW_UPS?.trim() || "on";
  if (followUpsText !== "on" && followUpsText !== "off") {
    problems.push(
      `FOLLOW_UPS must be on (nudges to users who stopped mid-session, and follow-ups on action dates) or off, not "${followUpsText}".`,
    );
  }
  const config = {
    ...readLine(env, problems),
    ...readStorage(env, problems),
    reminderDelivery: delivery as ReminderDelivery,
    followUps: followUpsText !== "off",
  };
  throwIfAny(problems);
  return config;
}

/** What an operator's command that only talks to LINE needs. */
export type LineConfig = Pick<Config, "lineChannelAccessToken" | "lineApiBaseUrl">;

/** Reads and validates the LINE access settings from environment variables. */
export function loadLineConfig(env: NodeJS.ProcessEnv): LineConfig {
  const problems: string[] = [];
  const config = readLine(env, problems);
  throwIfAny(problems);
  return config;
}

/** What `npm run stats` reads: Firestore always, LINE's quota only when a token is given. */
export interface StatsConfig extends Pick<Config, "projectId" | "firestoreEmulatorHost" | "lineApiBaseUrl"> {
  /** Absent means the report says the quota was not asked for. */
  lineChannelAccessToken: string | undefined;
}

/** Reads and validates the stats report's configuration from environment variables. */
export function loadStatsConfig(env: NodeJS.ProcessEnv): StatsConfig {
  const problems: string[] = [];
  const { lineChannelAccessToken, lineApiBaseUrl } = readLine(env, problems, "optional");
  const { projectId, firestoreEmulatorHost } = readStorage(env, problems);
  throwIfAny(problems);
  return { projectId, firestoreEmulatorHost, lineApiBaseUrl, lineChannelAccessToken: lineChannelAccessToken || undefined };
}

/** What the retention sweep needs: Firestore and the period, nothing of LINE. */
export type RetentionConfig = Pick<Config, "projectId" | "firestoreEmulatorHost" | "retentionDays">;

/** Reads and validates the retention sweep's configuration from environment variables. */
export function loadRetentionConfig(env: NodeJS.ProcessEnv): RetentionConfig {
  const problems: string[] = [];
  const { projectId, firestoreEmulatorHost, retentionDays } = readStorage(env, problems);
  throwIfAny(problems);
  return { projectId, firestoreEmulatorHost, retentionDays };
}

/**
 * What the console sends to clients through LINE: LINE's API, and the webhook's hand-over
 * settings, so that a hand-over taken or ended in the console tells the client what the LINE
 * path tells them.
 */
export type ConsoleLineConfig = Pick<
  Config,
  "lineChannelAccessToken" | "lineApiBaseUrl" | "bookingUrl" | "handoverIdleHours" | "handoverReplyHours"
>;

/**
 * What the consultants' console needs: Firestore, and `line` to push homework and to take over
 * and end hand-overs. Without LINE_CHANNEL_ACCESS_TOKEN there is no `line`: the console then
 * only reads, and sending homework, taking over and ending answer that LINE is not configured.
 */
export type ConsoleConfig = Pick<Config, "projectId" | "firestoreEmulatorHost"> & { line?: ConsoleLineConfig };

/** Reads and validates the console's configuration from environment variables. */
export function loadConsoleConfig(env: NodeJS.ProcessEnv): ConsoleConfig {
  const problems: string[] = [];
  const { projectId, firestoreEmulatorHost } = readStorage(env, problems);
  const line = env.LINE_CHANNEL_ACCESS_TOKEN?.trim() ? { ...readLine(env, problems), ...readHandover(env, problems) } : undefined;
  throwIfAny(problems);
  return line === undefined ? { projectId, firestoreEmulatorHost } : { projectId, firestoreEmulatorHost, line };
}

/** How hand-overs run: the booking page, the idle hours and the promised reply hours. */
function readHandover(env: NodeJS.ProcessEnv, problems: string[]): Pick<Config, "bookingUrl" | "handoverIdleHours" | "handoverReplyHours"> {
  const bookingUrl = env.BOOKING_URL?.trim() || undefined;
  if (bookingUrl !== undefined && !/^https:\/\/\S+$/.test(bookingUrl)) {
    problems.push(`BOOKING_URL must be an https:// address, not "${bookingUrl}".`);
  }

  const idleText = env.HANDOVER_IDLE_HOURS?.trim() || String(CONFIG_DEFAULTS.handoverIdleHours);
  const handoverIdleHours = Number(idleText);
  if (!/^\d+$/.test(idleText) || handoverIdleHours < 1 || handoverIdleHours > 720) {
    problems.push(`HANDOVER_IDLE_HOURS must be a whole number of hours from 1 to 720 (default 48), not "${idleText}".`);
  }
  const replyText = env.HANDOVER_REPLY_HOURS?.trim() ?? "";
  const handoverReplyHours = replyText === "" ? undefined : Number(replyText);
  if (handoverReplyHours !== undefined && (!/^\d+$/.test(replyText) || handoverReplyHours < 1 || handoverReplyHours > 168)) {
    problems.push(
      `HANDOVER_REPLY_HOURS must be a whole number of hours from 1 to 168 (the most a client waits for a consultant's message, which the bot tells them), or unset to promise no time, not "${replyText}".`,
    );
  }
  return { bookingUrl, handoverIdleHours, handoverReplyHours };
}

/** Throws one {@link ConfigError} listing every problem found, if there is any. */
function throwIfAny(problems: readonly string[]): void {
  if (problems.length > 0) throw new ConfigError(problems);
}

function required(env: NodeJS.ProcessEnv, name: keyof typeof HINTS, problems: string[]): string {
  const value = env[name]?.trim();
  if (!value) problems.push(`${name} is not set (find it in ${HINTS[name]}).`);
  return value ?? "";
}

/** LINE's API: the token (optional for `npm run stats`, which then skips LINE) and where to reach it. */
function readLine(
  env: NodeJS.ProcessEnv,
  problems: string[],
  token: "required" | "optional" = "required",
): Pick<Config, "lineChannelAccessToken" | "lineApiBaseUrl"> {
  const lineChannelAccessToken =
    token === "required" ? required(env, "LINE_CHANNEL_ACCESS_TOKEN", problems) : (env.LINE_CHANNEL_ACCESS_TOKEN?.trim() ?? "");
  const lineApiBaseUrl = env.LINE_API_BASE_URL?.trim() || LINE_API_DEFAULT_BASE_URL;
  if (!/^https?:\/\/[^/\s]+/.test(lineApiBaseUrl)) {
    problems.push(`LINE_API_BASE_URL must be an http(s) URL such as ${LINE_API_DEFAULT_BASE_URL}, not "${lineApiBaseUrl}".`);
  }
  return { lineChannelAccessToken, lineApiBaseUrl: lineApiBaseUrl.replace(/\/+$/, "") };
}

/** Firestore, and the settings of what is kept and when reminders wait. */
function readStorage(
  env: NodeJS.ProcessEnv,
  problems: string[],
): Pick<Config, "projectId" | "firestoreEmulatorHost" | "quietHours" | "retentionDays"> {
  const firestoreEmulatorHost = env.FIRESTORE_EMULATOR_HOST?.trim() || undefined;
  if (firestoreEmulatorHost !== undefined && !/^[^\s:/]+:\d+$/.test(firestoreEmulatorHost)) {
    problems.push(`FIRESTORE_EMULATOR_HOST must be host:port such as 127.0.0.1:8086, not "${firestoreEmulatorHost}".`);
  }
  const projectId = env.GOOGLE_CLOUD_PROJECT?.trim() || env.GCLOUD_PROJECT?.trim() || undefined;
  if (firestoreEmulatorHost !== undefined && projectId === undefined) {
    problems.push("GOOGLE_CLOUD_PROJECT is not set: the Firestore emulator needs a project id (any name, e.g. demo-will-note).");
  }
  const quietHours = readQuietHours(env.QUIET_HOURS?.trim() || CONFIG_DEFAULTS.quietHours, problems);
  const retentionText = env.RETENTION_DAYS?.trim() || String(CONFIG_DEFAULTS.retentionDays);
  const retentionDays = Number(retentionText);
  if (!/^\d+$/.test(retentionText) || (retentionDays !== 0 && retentionDays < 30) || retentionDays > 3650) {
    problems.push(`RETENTION_DAYS must be 0 (keep until the user asks) or a whole number of days from 30 to 3650, not "${retentionText}".`);
  }
  return { projectId, firestoreEmulatorHost, quietHours, retentionDays };
}

/** "HH:mm-HH:mm" (may cross midnight) or "off". */
function readQuietHours(text: string, problems: string[]): QuietHours {
  if (text === "off") return { start: "00:00", end: "00:00" };
  const match = /^([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-3]):([0-5]\d)$/.exec(text);
  if (match === null) {
    problems.push(`QUIET_HOURS must be two times as HH:mm-HH:mm (e.g. ${CONFIG_DEFAULTS.quietHours}) or "off", not "${text}".`);
    return { start: "00:00", end: "00:00" };
  }
  return { start: `${match[1]}:${match[2]}`, end: `${match[3]}:${match[4]}` };
}

/** Reads and validates the configuration from environment variables. */
export function loadConfig(env: NodeJS.ProcessEnv): Config {
  const problems: string[] = [];
  const lineChannelSecret = required(env, "LINE_CHANNEL_SECRET", problems);
  const shared = { ...readLine(env, problems), ...readStorage(env, problems) };

  const portText = env.PORT?.trim() || String(CONFIG_DEFAULTS.port);
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    problems.push(`PORT must be a whole number from 0 to 65535, not "${portText}".`);
  }

  const operatorLineIds = (env.OPERATOR_LINE_IDS ?? "")
    .split(",")
    .map((id) => id.trim())
    .filter((id) => id !== "");
  for (const id of operatorLineIds) {
    if (!/^U[0-9a-f]{32}$/.test(id))
      problems.push(`OPERATOR_LINE_IDS must be LINE user ids (U followed by 32 hex digits), separated by commas; "${id}" is not one.`);
  }
  const { bookingUrl, handoverIdleHours, handoverReplyHours } = readHandover(env, problems);
  const markAsRead = env.MARK_AS_READ?.trim().toLowerCase() || "auto";
  if (markAsRead !== "auto" && markAsRead !== "off") {
    problems.push(
      `MARK_AS_READ must be auto (answered messages show as read in LINE Official Account Manager's chat, except during a hand-over) or off, not "${env.MARK_AS_READ?.trim()}".`,
    );
  }
  const escalateCrisis = readSwitch(env, "ESCALATE_CRISIS", false, problems);

  const publicUrl = env.PUBLIC_URL?.trim().replace(/\/+$/, "") || undefined;
  if (publicUrl !== undefined && !/^(https:\/\/[^\s/?#]+|http:\/\/(127\.0\.0\.1|localhost)(:\d+)?)(\/[^\s?#]*)?$/.test(publicUrl)) {
    problems.push(
      `PUBLIC_URL must be the webhook's https address (e.g. https://asia-northeast1-<project>.cloudfunctions.net/webhook), without ? or #, not "${publicUrl}".`,
    );
  }

  throwIfAny(problems);
  return {
    port,
    lineChannelSecret,
    ...shared,
    operatorLineIds,
    bookingUrl,
    handoverIdleHours,
    escalateCrisis,
    handoverReplyHours,
    markAsRead: markAsRead === "off" ? "off" : "auto",
    publicUrl,
  };
}

/** An on/off setting: on, true, 1 or off, false, 0 (any case); `fallback` when unset. */
export function readSwitch(env: NodeJS.ProcessEnv, name: string, fallback: boolean, problems: string[]): boolean {
  const text = env[name]?.trim().toLowerCase() ?? "";
  if (text === "") return fallback;
  if (["on", "true", "1"].includes(text)) return true;
  if (["off", "false", "0"].includes(text)) return false;
  problems.push(`${name} must be on or off, not "${env[name]?.trim()}".`);
  return fallback;
}

/**
 * The problems of the settings of `functions/.env` (everything but the two LINE secrets), as
 * the webhook and the jobs would find them at start; empty when they would start. The setup
 * checks each answer with it before writing the file.
 */
export function settingProblems(settings: Readonly<Record<string, string>>): string[] {
  const env = { ...settings, LINE_CHANNEL_SECRET: "checked-apart", LINE_CHANNEL_ACCESS_TOKEN: "checked-apart" };
  const found = new Set<string>();
  for (const load of [loadConfig, loadJobConfig]) {
    try {
      load(env);
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      for (const problem of error.problems) found.add(problem);
    }
  }
  return [...found];
}
