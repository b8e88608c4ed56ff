/**
 * `npm run reminders -- --now <ISO time>`: one pass of the reminder job from the terminal,
 * for operators and tests. Reads the same environment as `npm run serve` (without the
 * channel secret). Exits 0 after a pass that ran, whatever it sent; 2 for a usage or
 * configuration problem; 1 when the pass could not run (e.g. Firestore unreachable).
 */
import { loadJobConfig } from "../src/config";
import { createJsonLogger } from "../src/log";
import { createHandoverJob, createReminderJob } from "../src/server";
import { parseOptions, timeOption } from "./lib/command-args";
import { configOrExit } from "./lib/config-or-exit";

const USAGE = "npm run reminders [-- --now <time such as 2026-11-29T20:00:00+09:00>]";

/** The time the pass runs at: `--now`, else the clock's. */
function parseNow(): Date {
  const { now } = parseOptions(USAGE, { now: { type: "string" } });
  return timeOption(USAGE, "--now", now, new Date());
}

async function main(): Promise<void> {
  const now = parseNow();
  const config = configOrExit(loadJobConfig);
  const log = createJsonLogger((line) => process.stderr.write(`${line}\n`));
  const summary = await createReminderJob(config, log)(now);
  process.stdout.write(
    `reminders at ${now.toISOString()}: due ${summary.due}, sent ${summary.sent}, already sent ${summary.alreadySent}, ` +
      `skipped ${summary.skipped}, deferred ${summary.deferred}, failed ${summary.failed}, disabled ${summary.disabled}, ` +
      `over quota ${summary.overQuota}${summary.quotaReached ? " (monthly quota reached)" : ""}\n`,
  );
  const followUps = summary.followUps;
  process.stdout.write(
    followUps === null
      ? `follow-ups: ${config.followUps ? "none (the reminders reached the monthly quota)" : "off (FOLLOW_UPS=off)"}\n`
      : followUps.quiet
        ? "follow-ups: waiting (quiet hours)\n"
        : `follow-ups: due ${followUps.due}, sent ${followUps.sent}, already sent ${followUps.alreadySent}, skipped ${followUps.skipped}, ` +
          `dropped ${followUps.dropped}, failed ${followUps.failed}, over quota ${followUps.overQuota}\n`,
  );
  const handovers = await createHandoverJob(config, log)(now);
  process.stdout.write(
    `hand-overs at ${now.toISOString()}: idle ${handovers.idle}, ended ${handovers.ended}, ` +
      `changed meanwhile ${handovers.skipped}, failed ${handovers.failed}\n`,
  );
  process.exit(0);
}

main().catch((error: unknown) => {
  process.stderr.write(`The reminder pass could not run: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
