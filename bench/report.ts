/** The results of `npm run bench` as a plain table (stdout) and as Markdown (bench/RESULTS.md). */
import type { SheetResults } from "./sheet";
import type { ConsoleResults } from "./console";
import type { ColdStartResults } from "./cold-start";
import type { CoreResults } from "./core";
import type { OpCount, OpCounts } from "./op-counts";
import { planMarkdown, type PlanResultsFile } from "./reminder-plan";
import type { ReminderResults } from "./reminder-runs";
import { showSpread, type Spread } from "./stats";
import type { TurnResults } from "./turns";

/** Everything `npm run bench` writes to bench/results.json. */
export interface BenchResults {
  date: string;
  command: string;
  totalSeconds: number;
  machine: { node: string; cpus: number; cpuModel: string; memoryGiB: number; platform: string };
  firestore: string;
  core: CoreResults;
  /** Absent in results written before the sheet existed. */
  sheet?: SheetResults;
  turns: TurnResults;
  ops: OpCounts;
  coldStart: ColdStartResults;
  reminders: ReminderResults;
  /** Absent in results written before the console existed. */
  console?: ConsoleResults;
}

type Row = [what: string, measured: string, target: string, met: string];

const verdict = (ok: boolean) => (ok ? "yes" : "no");
const ops = (count: OpCount) =>
  `${count.documentReads} read, ${count.documentWrites} write, ${count.commits} commit, ${count.queries} query`;
const oneEach = (count: OpCount) => count.documentReads === 1 && count.commits === 1 && count.queries === 0;
const ms = (figure: Spread) => `${showSpread(figure, 0)} ms`;

/** The sheet's rows: the heavy user's image message (layout, original and preview) under 500 ms, within LINE's limits. */
function sheetRows(sheet: SheetResults | undefined): Row[] {
  if (sheet === undefined) return [];
  const kb = (bytes: number) => `${Math.round(bytes / 1024)} KB`;
  return [
    [
      "sheet of a heavy user: layout + original PNG + preview",
      `${ms(sheet.imagesMs)} (first ${sheet.firstMs} ms)`,
      "< 500 ms",
      verdict(sheet.imagesMs.median < 500),
    ],
    ["sheet: PDF", ms(sheet.pdfMs), "", ""],
    [
      "sheet files: original / preview / PDF",
      `${kb(sheet.bytes.original)} / ${kb(sheet.bytes.preview)} / ${kb(sheet.bytes.pdf)}`,
      "within LINE's limits (10 MB / 1 MB)",
      verdict(sheet.problems.length === 0),
    ],
  ];
}

/** The console's rows: navigation to the list (and to its alerts) on screen in chromium, under 1 s. */
function consoleRows(pages: ConsoleResults | undefined): Row[] {
  if (pages === undefined) return [];
  return [
    [
      `console: clients page, ${pages.clients.toLocaleString("en")} shared (first ${pages.rowsShown} rows; API)`,
      `${ms(pages.clientsPageMs)} (${ms(pages.clientsApiMs)})`,
      "< 1,000 ms",
      verdict(pages.clientsPageMs.median < 1000),
    ],
    [
      `console: alerts above the clients page, ${pages.alertsShown} listed (alerts API; the first read, filling in once: ${pages.firstAlertsApiMs.toLocaleString("en")} ms)`,
      `${ms(pages.alertsPageMs)} (${ms(pages.alertsApiMs)})`,
      "< 1,000 ms",
      verdict(pages.alertsPageMs.median < 1000),
    ],
    [
      `console: a client's page, ${pages.entriesEach} of each (API)`,
      `${ms(pages.clientPageMs)} (${ms(pages.clientApiMs)})`,
      "< 1,000 ms",
      verdict(pages.clientPageMs.median < 1000),
    ],
  ];
}

function rows(r: BenchResults): Row[] {
  const { turns, coldStart: cold, reminders, core } = r;
  const p99 = turns.concurrent.bot.p99Ms;
  const [d, c] = [reminders.defaultHeap, reminders.cappedHeap];
  return [
    [
      "turn, 1 user: median bot / echo / echo+tx",
      `${ms(turns.single.bot.medianMs)} / ${ms(turns.single.echo.medianMs)} / ${ms(turns.single.echoTransaction.medianMs)}`,
      "",
      "",
    ],
    [
      "turn, 1 user: bot ÷ echo+tx",
      showSpread(turns.ratios.singleVsTransaction, 2),
      "≤ 1.1",
      verdict(turns.ratios.singleVsTransaction.median <= 1.1),
    ],
    [
      "turn, 50 users: median bot / echo / echo+tx",
      `${ms(turns.concurrent.bot.medianMs)} / ${ms(turns.concurrent.echo.medianMs)} / ${ms(turns.concurrent.echoTransaction.medianMs)}`,
      "",
      "",
    ],
    [
      "turn, 50 users: bot ÷ echo+tx",
      showSpread(turns.ratios.concurrentVsTransaction, 2),
      "≤ 1.1",
      verdict(turns.ratios.concurrentVsTransaction.median <= 1.1),
    ],
    [
      "turn, 50 users: p99 bot / echo+tx",
      `${ms(p99)} / ${ms(turns.concurrent.echoTransaction.p99Ms)}`,
      "far under 2,000 ms",
      verdict(p99.max < 1000),
    ],
    [
      "turns/s, 50 users: bot / echo / echo+tx",
      `${showSpread(turns.concurrent.bot.turnsPerSecond, 0)} / ${showSpread(turns.concurrent.echo.turnsPerSecond, 0)} / ${showSpread(turns.concurrent.echoTransaction.turnsPerSecond, 0)}`,
      "",
      "",
    ],
    [
      "CPU ms per turn in the bench process, 50 users: bot / echo / echo+tx",
      `${showSpread(turns.concurrent.bot.cpuMsPerTurn, 2)} / ${showSpread(turns.concurrent.echo.cpuMsPerTurn, 2)} / ${showSpread(turns.concurrent.echoTransaction.cpuMsPerTurn, 2)}`,
      "",
      "",
    ],
    ...sheetRows(r.sheet),
    ...consoleRows(r.console),
    ["Firestore per text turn", ops(r.ops.textTurn), "1 read, 1 commit, no query", verdict(oneEach(r.ops.textTurn))],
    ["Firestore per postback turn", ops(r.ops.postbackTurn), "1 read, 1 commit, no query", verdict(oneEach(r.ops.postbackTurn))],
    ["Firestore per follow", ops(r.ops.follow), "1 read, 1 commit, no query", verdict(oneEach(r.ops.follow))],
    [
      "cold start to first 200: bot / echo / echo+tx",
      `${ms(cold.bundles.bot.firstReplyMs)} / ${ms(cold.bundles.echo.firstReplyMs)} / ${ms(cold.bundles.echoTransaction.firstReplyMs)}`,
      "",
      "",
    ],
    ["cold start: bot ÷ echo", showSpread(cold.ratios.vsEcho, 2), "≤ 1.3", verdict(cold.ratios.vsEcho.median <= 1.3)],
    ["cold start: bot ÷ echo+tx (both load Firestore)", showSpread(cold.ratios.vsTransaction, 2), "", ""],
    ["cold start to listening: bot / echo", `${ms(cold.bundles.bot.listeningMs)} / ${ms(cold.bundles.echo.listeningMs)}`, "", ""],
    [`reminder pass, ${reminders.users.toLocaleString("en")} users: wall time`, `${showSpread(d.wallSeconds)} s`, "", ""],
    ["reminder pass: pushes/s", showSpread(d.pushesPerSecond, 0), "", ""],
    [
      "reminder pass: Firestore per user",
      `${d.readsPerUser.median} read, ${d.writesPerUser.median} write`,
      "≤ 1 write",
      verdict(d.writesPerUser.max <= 1),
    ],
    [
      "reminder pass: peak RSS, Node's default heap",
      `${showSpread(d.peakRssMiB, 0)} MiB (heap used ≤ ${d.heapUsedPeakMiB.median} MiB)`,
      "",
      "",
    ],
    [
      `reminder pass: peak RSS as deployed (${c.nodeOptions})`,
      `${showSpread(c.peakRssMiB, 0)} MiB, ${showSpread(c.wallSeconds)} s`,
      "< 256 MiB",
      verdict(c.peakRssMiB.max < 256),
    ],
    [
      "reminder pass: exactly one push per user, none on a second pass",
      verdict(d.allExactlyOnce && c.allExactlyOnce),
      "yes",
      verdict(d.allExactlyOnce && c.allExactlyOnce),
    ],
    [
      `core: transitions/s (${core.pairs} state × input pairs)`,
      showSpread(core.transitionsPerSecond, 0),
      "> 50,000",
      verdict(core.transitionsPerSecond.median > 50_000),
    ],
    [
      "core: transitions/s without the two 5,000-character texts",
      showSpread(core.withoutLongTextsPerSecond, 0),
      "> 50,000",
      verdict(core.withoutLongTextsPerSecond.median > 50_000),
    ],
    [`core: insights over ${core.insightsEntries.toLocaleString("en")} entries`, ms(core.insightsMs), "", ""],
    [
      "core: safety read of a new 5,000-character message (message built in the timing)",
      `${showSpread(core.safetyLongMs, 2)} ms`,
      "< 1 ms",
      verdict(core.safetyLongMs.median < 1),
    ],
  ];
}

/** The printed table and the Markdown file, with the planner-alone results of `bench:reminders` when there are any. */
export function renderReport(r: BenchResults, plans: readonly PlanResultsFile[] = []): { table: string; markdown: string } {
  const all = rows(r);
  const header: Row = ["measure", "median (min–max)", "target", "met"];
  const widths = header.map((_, i) => Math.max(...[header, ...all].map((row) => row[i].length)));
  const line = (row: Row) =>
    row
      .map((cell, i) => cell.padEnd(widths[i]))
      .join("  ")
      .trimEnd();
  const table = [line(header), ...all.map(line)].join("\n");
  const m = r.machine;
  const markdown = [
    "# Benchmark results",
    "",
    `Written by \`${r.command}\` on ${r.date} in ${r.totalSeconds} s. Machine: ${m.cpus} × ${m.cpuModel}, ${m.memoryGiB} GiB, ${m.platform}, Node ${m.node}. Firestore: ${r.firestore}; LINE: the local stand-in. Everything ran on this one machine, so the bot, the baselines, the emulator and the load generator share its cores.`,
    "",
    `Medians over ${r.turns.size.rounds} rounds (turns: ${r.turns.size.singleUserMessages} messages of 1 user, then ${r.turns.size.messagesPerUser} messages from each of ${r.turns.size.users} users at once, per variant and round, after a warm-up round), ${r.coldStart.runs} cold starts per bundle, ${r.reminders.defaultHeap.wallSeconds.runs} reminder passes per heap setting and ${r.core.transitionsPerSecond.runs} core runs; the range is the smallest and largest run. Ratios are taken within each round, then their median.`,
    "",
    `| ${header.join(" | ")} |`,
    `| ${header.map(() => "---").join(" | ")} |`,
    ...all.map((row) => `| ${row.join(" | ")} |`),
    "",
    "All figures are in `bench/results.json`.",
    "",
    ...planMarkdown(plans),
  ].join("\n");
  return { table, markdown };
}
