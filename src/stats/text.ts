/**
 * The operators' report as a short text for the terminal: the headline figures, the funnel
 * and the weekly series, from the same numbers and wording as the HTML page.
 */
import { fill } from "../dialogue";
import { statsText } from "./content";
import { asOf, consultantRows, headlines, lineRows, people, weekLabel, type StatsReport } from "./format";

/** The text summary of `report`, one figure a line, ending with a newline. */
export function renderText(report: StatsReport): string {
  const { numbers } = report;
  const lines = [statsText.title, asOf(report.now), statsText.privacy, ""];
  for (const h of headlines(report)) lines.push(`${h.label}: ${h.value} (${h.note})`);
  lines.push("", `${statsText.funnelTitle}:`);
  const width = Math.max(...numbers.funnel.map((row) => columns(statsText.stages[row.stage])));
  for (const row of numbers.funnel) {
    const label = pad(statsText.stages[row.stage], width, "end");
    lines.push(`  ${label}  ${pad(people(row.reached), 8, "start")}  ${fill(statsText.funnelCurrent, { count: String(row.current) })}`);
  }
  lines.push("", `${statsText.weeklyUsersTitle} / ${statsText.thanksTitle}:`);
  for (const week of numbers.weeks) {
    lines.push(
      `  ${pad(weekLabel(week), 5, "start")}  ${statsText.activeSeries} ${people(week.activeUsers)}  ` +
        `${statsText.reflectingSeries} ${people(week.reflectingUsers)}  ${statsText.thanksSeries} ${week.thanksEntries}`,
    );
  }
  lines.push("", `${statsText.consultantTitle}:`);
  for (const row of consultantRows(report)) lines.push(`  ${row.label}: ${row.value}`);
  lines.push("", `${statsText.lineTitle}:`);
  for (const row of lineRows(report)) lines.push(`  ${row.label}: ${row.value}`);
  return `${lines.join("\n")}\n`;
}

/** How many terminal columns `text` takes: two for each wide (non-ASCII) character. */
function columns(text: string): number {
  return [...text].reduce((sum, c) => sum + (c.charCodeAt(0) > 0x7f ? 2 : 1), 0);
}

function pad(text: string, width: number, side: "start" | "end"): string {
  const space = " ".repeat(Math.max(0, width - columns(text)));
  return side === "start" ? space + text : text + space;
}
