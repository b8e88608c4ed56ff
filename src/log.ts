/**
 * Structured logging: one JSON object per line, in the shape Cloud Logging reads
 * (`severity`, `message`). Callers pass ids, states and timings only; message text and
 * display names never belong in a log field.
 */
import { createHash } from "node:crypto";

/** Fields attached to a log line: identifiers, counts, durations, states. */
export type LogFields = Record<string, string | number | boolean | null | undefined>;

/** The logger every module receives; tests may pass one that records. */
export interface Logger {
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

/** A logger that writes JSON lines through `write` (stdout by default). */
export function createJsonLogger(write: (line: string) => void = (line) => process.stdout.write(`${line}\n`)): Logger {
  const emit =
    (severity: string) =>
    (message: string, fields: LogFields = {}) =>
      write(JSON.stringify({ severity, message, ...fields }));
  return { info: emit("INFO"), warn: emit("WARNING"), error: emit("ERROR") };
}

/** A logger that drops everything. */
export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} };

/** A short, stable, non-reversible tag for a LINE user id, for correlating log lines. */
export function userTag(userId: string): string {
  return createHash("sha256").update(userId).digest("hex").slice(0, 12);
}

/** The name and message of an error, without stack or payloads that could carry user text. */
export function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
