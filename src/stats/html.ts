/**
 * The operators' report as one self-contained HTML page: inline CSS and SVG, no script, no
 * fonts or images to load, and a Content-Security-Policy that forbids fetching anything, so
 * it opens from disk the same everywhere. Every text is escaped.
 */
import { fill } from "../dialogue";
import { statsText } from "./content";
import { asOf, consultantRows, headlines, lineRows, people, quotaLine, weekLabel, type StatsReport } from "./format";
import { columnChart, escapeHtml, horizontalBars, meter } from "./svg";

/** Colors of the series: teal for people, orange for reflection, gold for ありがとう. */
const COLORS = { funnel: "#2f8f83", active: "#5b7fd6", reflecting: "#e07a3f", thanks: "#e3a92f" } as const;

const STYLE = `
*{box-sizing:border-box}
body{margin:0;background:#f4f2ee;color:#2b2b2b;font-family:"Noto Sans CJK JP","Noto Sans JP","Hiragino Sans","Yu Gothic",sans-serif;line-height:1.6}
main{max-width:960px;margin:0 auto;padding:32px 24px 48px}
header h1{margin:0;font-size:26px;letter-spacing:.02em}
.as-of{margin:4px 0 0;color:#555}
.privacy{margin:8px 0 24px;font-size:13px;color:#6b6b6b}
.tiles{display:grid;grid-template-columns:repeat(3,1fr);gap:14px;margin-bottom:20px}
.tile{background:#fff;border-radius:12px;padding:14px 18px;box-shadow:0 1px 3px rgba(0,0,0,.08)}
.tile-label{font-size:13px;color:#555}
.tile-value{font-size:30px;font-weight:700;color:#1f6f66;margin:2px 0}
.tile-note{font-size:12px;color:#777}
.card{background:#fff;border-radius:12px;padding:18px 22px;margin-bottom:20px;box-shadow:0 1px 3px rgba(0,0,0,.08)}
.card h2{margin:0 0 4px;font-size:18px}
.note{margin:0 0 10px;font-size:13px;color:#666}
.legend{display:flex;gap:18px;font-size:13px;margin:0 0 6px;padding:0;list-style:none}
.swatch{display:inline-block;width:12px;height:12px;border-radius:3px;margin-right:6px;vertical-align:-1px}
svg{display:block;font-family:inherit}
svg .label{font-size:15px;fill:#2b2b2b}
svg .value{font-size:14px;font-weight:700;fill:#2b2b2b}
svg .side{font-size:13px;fill:#777}
svg .tick{font-size:12px;fill:#777}
svg .bar-value{font-size:11px;fill:#444}
svg .grid{stroke:#e6e3dd;stroke-width:1}
svg .track{fill:#efece6}
.quota{font-size:16px;margin:6px 0 10px}
.line-side dt{font-weight:700;margin-top:8px}.line-side dd{margin:2px 0 0}
.figures{border-collapse:collapse;font-size:15px}
.figures th{text-align:left;font-weight:400;color:#444;padding:4px 24px 4px 0}
.figures td{font-weight:700;text-align:right}
`;

/** The whole report page for `report`. */
export function renderHtml(report: StatsReport): string {
  const title = statsText.title;
  return [
    "<!doctype html>",
    '<html lang="ja">',
    "<head>",
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${STYLE}</style>`,
    "</head>",
    "<body><main>",
    `<header><h1>${escapeHtml(title)}</h1><p class="as-of">${escapeHtml(asOf(report.now))}</p>` +
      `<p class="privacy">${escapeHtml(statsText.privacy)}</p></header>`,
    tiles(report),
    funnel(report),
    weeklyUsers(report),
    weeklyThanks(report),
    consultant(report),
    quota(report),
    lineSide(report),
    "</main></body>",
    "</html>",
    "",
  ].join("\n");
}

function tiles(report: StatsReport): string {
  const items = headlines(report).map(
    (h) =>
      `<div class="tile"><div class="tile-label">${escapeHtml(h.label)}</div>` +
      `<div class="tile-value">${escapeHtml(h.value)}</div><div class="tile-note">${escapeHtml(h.note)}</div></div>`,
  );
  return `<section class="tiles">${items.join("")}</section>`;
}

function consultant(report: StatsReport): string {
  const rows = consultantRows(report)
    .map((row) => `<tr><th scope="row">${escapeHtml(row.label)}</th><td>${escapeHtml(row.value)}</td></tr>`)
    .join("");
  return card(
    "consultant",
    statsText.consultantTitle,
    `<p class="note">${escapeHtml(statsText.consultantNote)}</p><table class="figures">${rows}</table>`,
  );
}

function card(id: string, title: string, content: string): string {
  return `<section class="card" id="${id}"><h2>${escapeHtml(title)}</h2>\n${content}</section>`;
}

function note(text: string): string {
  return `<p class="note">${escapeHtml(text)}</p>`;
}

function legend(items: readonly { name: string; color: string }[]): string {
  const entries = items.map((item) => `<li><span class="swatch" style="background:${item.color}"></span>${escapeHtml(item.name)}</li>`);
  return `<ul class="legend">${entries.join("")}</ul>`;
}

function funnel(report: StatsReport): string {
  const total = report.numbers.users.total;
  const rows = report.numbers.funnel.map((row) => ({
    label: statsText.stages[row.stage],
    value: row.reached,
    valueText: total === 0 ? people(row.reached) : `${people(row.reached)} (${Math.round((row.reached / total) * 100)}%)`,
    sideText: fill(statsText.funnelCurrent, { count: String(row.current) }),
  }));
  return card("funnel", statsText.funnelTitle, note(statsText.funnelNote) + horizontalBars(rows, statsText.funnelTitle, COLORS.funnel));
}

function weeklyUsers(report: StatsReport): string {
  const weeks = report.numbers.weeks;
  const series = [
    { name: statsText.activeSeries, color: COLORS.active, values: weeks.map((w) => w.activeUsers) },
    { name: statsText.reflectingSeries, color: COLORS.reflecting, values: weeks.map((w) => w.reflectingUsers) },
  ];
  return card(
    "weekly-users",
    statsText.weeklyUsersTitle,
    legend(series) + columnChart(weeks.map(weekLabel), series, statsText.weeklyUsersTitle) + note(statsText.weeklyUsersNote),
  );
}

function weeklyThanks(report: StatsReport): string {
  const weeks = report.numbers.weeks;
  const series = [{ name: statsText.thanksSeries, color: COLORS.thanks, values: weeks.map((w) => w.thanksEntries) }];
  return card(
    "weekly-thanks",
    statsText.thanksTitle,
    columnChart(weeks.map(weekLabel), series, statsText.thanksTitle) + note(statsText.weeksNote),
  );
}

function lineSide(report: StatsReport): string {
  const rows = lineRows(report).map((row) => `<dt>${escapeHtml(row.label)}</dt><dd>${escapeHtml(row.value)}</dd>`);
  return card("line", statsText.lineTitle, `<dl class="line-side">${rows.join("")}</dl>`);
}

function quota(report: StatsReport): string {
  const q = report.quota;
  const bar = q.status === "known" && q.limit !== null ? meter(q.used, q.limit, statsText.quotaTitle) : "";
  return card("quota", statsText.quotaTitle, `<p class="quota">${escapeHtml(quotaLine(q))}</p>${bar}${note(statsText.quotaNote)}`);
}
