/**
 * `npm run stats [-- --out <file>] [-- --now <ISO time>]`: the operators' numbers at a
 * glance. Writes a self-contained HTML report (default `stats-report.html` here) and prints
 * a text summary. Reads GOOGLE_CLOUD_PROJECT and FIRESTORE_EMULATOR_HOST like `npm run
 * serve`; LINE_CHANNEL_ACCESS_TOKEN (and LINE_API_BASE_URL) only for the month's push quota.
 * Exits 0 after a report, 2 for a usage or configuration problem, 1 when Firestore could not
 * be read.
 */
import { configOrExit } from "./lib/config-or-exit";
import { loadStatsConfig } from "../src/config";
import { DEFAULT_REPORT_FILE, runStats } from "./lib/stats-run";

function usage(problem: string): never {
  process.stderr.write(`${problem}\nUsage: npm run stats -- [--out <file>] [--now <time such as 2026-11-29T20:00:00+09:00>]\n`);
  process.exit(2);
}

function parseArgs(args: string[]): { out: string; now: Date } {
  let out = DEFAULT_REPORT_FILE;
  let now = new Date();
  for (let i = 0; i < args.length; i += 2) {
    const [name, value] = [args[i], args[i + 1]];
    if (value === undefined || value.startsWith("--")) usage(`${name} needs a value.`);
    if (name === "--out") out = value;
    else if (name === "--now") {
      now = new Date(value);
      if (Number.isNaN(now.getTime())) usage(`--now needs a time such as 2026-11-29T20:00:00+09:00, not "${value}".`);
    } else usage(`Unknown option ${name}.`);
  }
  return { out, now };
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const config = configOrExit(loadStatsConfig);
  const run = await runStats(config, options);
  process.stdout.write(`${run.text}\nreport: ${run.outFile}\n`);
  process.exit(0);
}

main().catch((error: unknown) => {
  process.stderr.write(`The report could not be made: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
