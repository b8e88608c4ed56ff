/**
 * `npm run stats [-- --out <file>] [-- --now <ISO time>]`: the operators' numbers at a
 * glance. Writes a self-contained HTML report (default `stats-report.html` here) and prints
 * a text summary. Reads GOOGLE_CLOUD_PROJECT and FIRESTORE_EMULATOR_HOST like `npm run
 * serve`; LINE_CHANNEL_ACCESS_TOKEN (and LINE_API_BASE_URL) only for LINE's side: the month's
 * push quota and which stages' rich menus are live. The report also says where LINE keeps what
 * its API does not give (rich-menu tap counts, webhook error statistics); without a token, or
 * when LINE does not answer, it says so and the rest is written all the same. Without
 * LINE_CHANNEL_ACCESS_TOKEN, the quota is read with the Firebase login the setup made: the token is
 * taken from Secret Manager into this process's memory only.
 * Exits 0 after a report, 2 for a usage or configuration problem, 1 when Firestore could not
 * be read.
 */
import { loadStatsConfig } from "../src/config";
import { parseOptions, timeOption } from "./lib/command-args";
import { configOrExit } from "./lib/config-or-exit";
import { lineTokenFromSetup } from "./lib/setup-token";
import { DEFAULT_REPORT_FILE, runStats } from "./lib/stats-run";

const USAGE = "npm run stats -- [--out <file>] [--now <time such as 2026-11-29T20:00:00+09:00>]";

/** Where the report goes and the moment it describes. */
function parseStatsOptions(): { out: string; now: Date } {
  const { out, now } = parseOptions(USAGE, { out: { type: "string", default: DEFAULT_REPORT_FILE }, now: { type: "string" } });
  return { out, now: timeOption(USAGE, "--now", now, new Date()) };
}

async function main(): Promise<void> {
  const options = parseStatsOptions();
  const config = configOrExit(loadStatsConfig);
  if (config.lineChannelAccessToken === undefined) config.lineChannelAccessToken = await lineTokenFromSetup();
  const run = await runStats(config, options);
  process.stdout.write(`${run.text}\nreport: ${run.outFile}\n`);
  process.exit(0);
}

main().catch((error: unknown) => {
  process.stderr.write(`The report could not be made: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
