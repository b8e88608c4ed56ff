/**
 * One run of `npm run stats`, callable from tests: read Firestore, LINE's quota and rich menus, write
 * the HTML report, return the text summary. Aggregates only; see src/stats.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { createLineGateway } from "../../src/line/client";
import { createFirestore } from "../../src/server";
import { aggregate } from "../../src/stats/aggregate";
import type { StatsReport } from "../../src/stats/format";
import { renderHtml } from "../../src/stats/html";
import { readQuota, readRichMenus, readStatsInput } from "../../src/stats/read";
import { renderText } from "../../src/stats/text";
import type { StatsConfig } from "../../src/config";

/** The report file written when `--out` is not given, relative to the working directory. */
export const DEFAULT_REPORT_FILE = "stats-report.html";

/** What {@link runStats} did. */
export interface StatsRun {
  report: StatsReport;
  /** The absolute path of the HTML report. */
  outFile: string;
  /** The text summary for the terminal. */
  text: string;
}

/** Reads everything, writes the HTML report to `out` (creating its folder) and returns the summary. */
export async function runStats(config: StatsConfig, options: { now: Date; out: string }): Promise<StatsRun> {
  const db = createFirestore(config);
  try {
    const line =
      config.lineChannelAccessToken === undefined
        ? null
        : createLineGateway({ channelAccessToken: config.lineChannelAccessToken, baseURL: config.lineApiBaseUrl });
    const [input, quota, richMenus] = await Promise.all([readStatsInput(db), readQuota(line), readRichMenus(line)]);
    const report: StatsReport = { numbers: aggregate(input.users, input.entries, options.now), quota, richMenus, now: options.now };
    const outFile = resolve(options.out);
    await mkdir(dirname(outFile), { recursive: true });
    await writeFile(outFile, renderHtml(report), "utf8");
    return { report, outFile, text: renderText(report) };
  } finally {
    await db.terminate();
  }
}
