/**
 * `npm run reminders -- --now <ISO time>`: one pass of the reminder job from the terminal,
 * for operators and tests. Reads the same environment as `npm run serve` (without the
 * channel secret). Exits 0 after a pass that ran, whatever it sent; 2 for a configuration
 * problem; 1 when the pass could not run (e.g. Firestore unreachable).
 */
import { loadJobConfig } from "../src/config";
import { createJsonLogger } from "../src/log";
import { createReminderJob } from "../src/server";
import { configOrExit } from "./lib/config-or-exit";

function parseNow(args: string[]): Date {
  const index = args.indexOf("--now");
  if (index === -1) return new Date();
  const value = args[index + 1];
  const now = value === undefined ? new Date(Number.NaN) : new Date(value);
  if (Number.isNaN(now.getTime())) {
    process.stderr.write(`--now needs a time such as 2026-11-29T20:00:00+09:00, not "${value ?? ""}".\n`);
    process.exit(2);
  }
  return now;
}

async function main(): Promise<void> {
  const now = parseNow(process.argv.slice(2));
  const config = configOrExit(loadJobConfig);
  const summary = await createReminderJob(
    config,
    createJsonLogger((line) => process.stderr.write(`${line}\n`)),
  )(now);
  process.stdout.write(
    `reminders at ${now.toISOString()}: due ${summary.due}, sent ${summary.sent}, already sent ${summary.alreadySent}, ` +
      `skipped ${summary.skipped}, deferred ${summary.deferred}, failed ${summary.failed}, disabled ${summary.disabled}, ` +
      `over quota ${summary.overQuota}${summary.quotaReached ? " (monthly quota reached)" : ""}\n`,
  );
  process.exit(0);
}

main().catch((error: unknown) => {
  process.stderr.write(`The reminder pass could not run: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
