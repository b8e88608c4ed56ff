/**
 * Configuration, read and validated once at start. Errors name the variable to set and
 * where its value comes from, so an operator can fix them without reading code.
 */

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
}

/** A configuration problem, with a message meant for the operator. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

const HINTS = {
  LINE_CHANNEL_SECRET: "LINE Developers console → your channel → Basic settings → Channel secret",
  LINE_CHANNEL_ACCESS_TOKEN: "LINE Developers console → your channel → Messaging API → Channel access token (long-lived)",
} as const;

/** What the reminder job needs: LINE's API and Firestore, no webhook secret. */
export type JobConfig = Pick<Config, "lineChannelAccessToken" | "lineApiBaseUrl" | "projectId" | "firestoreEmulatorHost">;

/** Reads and validates the reminder job's configuration from environment variables. */
export function loadJobConfig(env: NodeJS.ProcessEnv): JobConfig {
  const problems: string[] = [];
  const config = readShared(env, problems);
  if (problems.length > 0) throw new ConfigError(`Configuration is incomplete:\n- ${problems.join("\n- ")}`);
  return config;
}

function required(env: NodeJS.ProcessEnv, name: keyof typeof HINTS, problems: string[]): string {
  const value = env[name]?.trim();
  if (!value) problems.push(`${name} is not set (find it in ${HINTS[name]}).`);
  return value ?? "";
}

/** The settings both the webhook and the job read. */
function readShared(env: NodeJS.ProcessEnv, problems: string[]): JobConfig {
  const lineChannelAccessToken = required(env, "LINE_CHANNEL_ACCESS_TOKEN", problems);
  const lineApiBaseUrl = env.LINE_API_BASE_URL?.trim() || LINE_API_DEFAULT_BASE_URL;
  if (!/^https?:\/\/[^/\s]+/.test(lineApiBaseUrl)) {
    problems.push(`LINE_API_BASE_URL must be an http(s) URL such as ${LINE_API_DEFAULT_BASE_URL}, not "${lineApiBaseUrl}".`);
  }
  const firestoreEmulatorHost = env.FIRESTORE_EMULATOR_HOST?.trim() || undefined;
  if (firestoreEmulatorHost !== undefined && !/^[^\s:/]+:\d+$/.test(firestoreEmulatorHost)) {
    problems.push(`FIRESTORE_EMULATOR_HOST must be host:port such as 127.0.0.1:8086, not "${firestoreEmulatorHost}".`);
  }
  const projectId = env.GOOGLE_CLOUD_PROJECT?.trim() || env.GCLOUD_PROJECT?.trim() || undefined;
  if (firestoreEmulatorHost !== undefined && projectId === undefined) {
    problems.push("GOOGLE_CLOUD_PROJECT is not set: the Firestore emulator needs a project id (any name, e.g. demo-will-note).");
  }
  return { lineChannelAccessToken, lineApiBaseUrl: lineApiBaseUrl.replace(/\/+$/, ""), projectId, firestoreEmulatorHost };
}

/** Reads and validates the configuration from environment variables. */
export function loadConfig(env: NodeJS.ProcessEnv): Config {
  const problems: string[] = [];
  const lineChannelSecret = required(env, "LINE_CHANNEL_SECRET", problems);
  const shared = readShared(env, problems);

  const portText = env.PORT?.trim() || "8080";
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    problems.push(`PORT must be a whole number from 0 to 65535, not "${portText}".`);
  }

  const operatorLineIds = (env.OPERATOR_LINE_IDS ?? "").split(",").map((id) => id.trim()).filter((id) => id !== "");
  for (const id of operatorLineIds) {
    if (!/^U[0-9a-f]{32}$/.test(id)) problems.push(`OPERATOR_LINE_IDS must be LINE user ids (U followed by 32 hex digits), separated by commas; "${id}" is not one.`);
  }
  const bookingUrl = env.BOOKING_URL?.trim() || undefined;
  if (bookingUrl !== undefined && !/^https:\/\/\S+$/.test(bookingUrl)) {
    problems.push(`BOOKING_URL must be an https:// address, not "${bookingUrl}".`);
  }

  if (problems.length > 0) throw new ConfigError(`Configuration is incomplete:\n- ${problems.join("\n- ")}`);
  return { port, lineChannelSecret, ...shared, operatorLineIds, bookingUrl };
}
