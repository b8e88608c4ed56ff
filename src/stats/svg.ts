/**
 * Inline SVG charts for the operators' report: plain markup with no script, so the page
 * renders from disk with nothing to fetch. Every bar is a `rect.bar` carrying `data-value`
 * (and `data-series` in column charts), so tests can find and measure them. Every text
 * passed in is escaped here.
 */

/** Escapes `text` for HTML or XML text and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** One row of {@link horizontalBars}. */
export interface BarRow {
  label: string;
  value: number;
  /** Shown at the end of the bar. */
  valueText: string;
  /** Shown at the right edge of the chart. */
  sideText: string;
}

const WIDTH = 720;

/** A horizontal bar chart, one row per item, bars scaled to the largest value. */
export function horizontalBars(rows: readonly BarRow[], title: string, color: string): string {
  const rowHeight = 38;
  const labelWidth = 120;
  const sideWidth = 130;
  const barMax = WIDTH - labelWidth - sideWidth - 70;
  const max = Math.max(1, ...rows.map((row) => row.value));
  const height = rows.length * rowHeight + 8;
  const body = rows
    .map((row, i) => {
      const y = 4 + i * rowHeight;
      const width = (Math.max(0, row.value) / max) * barMax;
      const middle = y + rowHeight / 2;
      return [
        `<text x="${labelWidth - 12}" y="${middle}" class="label" text-anchor="end" dominant-baseline="central">${escapeHtml(row.label)}</text>`,
        `<rect x="${labelWidth}" y="${y + 6}" width="${barMax}" height="${rowHeight - 12}" rx="5" class="track"/>`,
        `<rect class="bar" data-value="${row.value}" x="${labelWidth}" y="${y + 6}" width="${round(width)}" height="${rowHeight - 12}" rx="5" fill="${color}"/>`,
        `<text x="${round(labelWidth + width + 8)}" y="${middle}" class="value" dominant-baseline="central">${escapeHtml(row.valueText)}</text>`,
        `<text x="${WIDTH - 4}" y="${middle}" class="side" text-anchor="end" dominant-baseline="central">${escapeHtml(row.sideText)}</text>`,
      ].join("");
    })
    .join("\n");
  return svg(height, title, body);
}

/** One series of {@link columnChart}: a value per category. */
export interface Series {
  name: string;
  color: string;
  values: readonly number[];
}

/** A column chart: categories along the bottom, one bar per series in each, a value above each bar. */
export function columnChart(categories: readonly string[], series: readonly Series[], title: string): string {
  const height = 250;
  const left = 40;
  const right = 8;
  const top = 22;
  const bottom = 30;
  const plotWidth = WIDTH - left - right;
  const plotHeight = height - top - bottom;
  const highest = Math.max(0, ...series.flatMap((s) => s.values));
  const step = tickStep(highest);
  const tickCount = Math.max(1, Math.ceil(highest / step));
  const max = step * tickCount;
  const y = (value: number) => top + plotHeight - (Math.max(0, value) / max) * plotHeight;
  const ticks = Array.from({ length: tickCount + 1 }, (_, i) => {
    const value = i * step;
    return (
      `<line x1="${left}" x2="${WIDTH - right}" y1="${round(y(value))}" y2="${round(y(value))}" class="grid"/>` +
      `<text x="${left - 8}" y="${round(y(value))}" class="tick" text-anchor="end" dominant-baseline="central">${value}</text>`
    );
  });
  const group = plotWidth / Math.max(1, categories.length);
  const barWidth = (group * 0.72) / Math.max(1, series.length);
  const bars = categories.map((category, c) => {
    const x0 = left + c * group + group * 0.14;
    const columns = series.map((s, k) => {
      const value = s.values[c] ?? 0;
      const x = x0 + k * barWidth;
      const barHeight = y(0) - y(value);
      const label =
        value > 0
          ? `<text x="${round(x + barWidth / 2)}" y="${round(y(value) - 5)}" class="bar-value" text-anchor="middle">${value}</text>`
          : "";
      return `<rect class="bar" data-series="${k}" data-value="${value}" x="${round(x + 1)}" y="${round(y(value))}" width="${round(barWidth - 2)}" height="${round(barHeight)}" rx="3" fill="${s.color}"/>${label}`;
    });
    const labelX = round(left + c * group + group / 2);
    return `${columns.join("")}<text x="${labelX}" y="${height - 10}" class="tick" text-anchor="middle">${escapeHtml(category)}</text>`;
  });
  return svg(height, title, [...ticks, ...bars].join("\n"));
}

/** A single horizontal meter: `used` out of `limit`, red past 90 %. */
export function meter(used: number, limit: number, title: string): string {
  const share = limit <= 0 ? 1 : Math.min(1, Math.max(0, used / limit));
  const width = round(share * WIDTH);
  const color = share >= 0.9 ? "#c8453b" : "#2f8f83";
  return svg(
    28,
    title,
    `<rect x="0" y="4" width="${WIDTH}" height="20" rx="10" class="track"/>` +
      `<rect class="bar" data-value="${used}" x="0" y="4" width="${width}" height="20" rx="10" fill="${color}"/>`,
  );
}

/** The step between grid lines, 1, 2 or 5 times a power of ten, so that at most five lie above zero. */
function tickStep(max: number): number {
  const raw = Math.max(1, max) / 5;
  const power = 10 ** Math.floor(Math.log10(raw));
  const nice = [1, 2, 5, 10].find((m) => m * power >= raw) ?? 10;
  return Math.max(1, nice * power);
}

function svg(height: number, title: string, body: string): string {
  return `<svg viewBox="0 0 ${WIDTH} ${height}" width="100%" role="img" aria-label="${escapeHtml(title)}"><title>${escapeHtml(title)}</title>\n${body}\n</svg>`;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
