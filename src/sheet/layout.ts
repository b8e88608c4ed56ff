/**
 * The one layout of the 振り返りシート: an A4 page (1240 × 1754 px, 150 dpi) of boxes, shapes and
 * lines of text, every line measured and wrapped here. The PNG, its preview, the PDF and the
 * printable page are all drawn from it (`./svg`), so they show the same lines in the same places.
 * Each text line names the box it must stay inside; the browser test checks that it does.
 */
import type { Sheet } from "../model/sheet";
import type { FontWeight } from "./fonts";
import { fitLine, textWidth, wrapText } from "./text";

/** The page: A4 at 150 dpi. */
export const PAGE = { width: 1240, height: 1754 } as const;
const MARGIN = 60;
const GAP = 20;
const PAD = 22;

/** Colours of the sheet: ink, muted ink, the accent, and the tints of the boxes. */
export const SHEET_COLORS = {
  ink: "#2B3439",
  muted: "#5E666B",
  accent: "#A0702A",
  willFill: "#FBF3E4",
  boxFill: "#F7F5F1",
  rule: "#D8D2C8",
  chartLine: "#3D7763",
  chartGrid: "#E4E0D8",
} as const;

/** A rectangle of the page. */
export interface Box {
  /** What the box holds, e.g. `will` or `moment-3`; the browser test reports it. */
  name: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** One line of text: `y` is its baseline; it must stay inside `boxes[box]`. */
export interface TextLine {
  text: string;
  x: number;
  y: number;
  size: number;
  weight: FontWeight;
  color: string;
  box: number;
  /** Where `x` is: the start of the line (default) or its end (right-aligned). */
  anchor?: "end";
}

/** A shape drawn under the text. */
export type Shape =
  | { kind: "rect"; x: number; y: number; width: number; height: number; fill: string; radius: number }
  | { kind: "polyline"; points: [number, number][]; stroke: string; width: number }
  | { kind: "circle"; cx: number; cy: number; r: number; fill: string };

/** The whole page. */
export interface SheetLayout {
  width: number;
  height: number;
  boxes: Box[];
  shapes: Shape[];
  lines: TextLine[];
}

/** Lays `sheet` out on one A4 page. */
export function layoutSheet(sheet: Sheet): SheetLayout {
  const page = new Page();
  const inner = PAGE.width - 2 * MARGIN;
  let y = MARGIN;
  const header = page.box("header", MARGIN, y, inner, 72);
  page.text(sheet.title, MARGIN, y + 44, 40, "bold", SHEET_COLORS.ink, header);
  page.text(
    fitLine(sheet.dateLine, 19, "regular", inner / 2),
    PAGE.width - MARGIN,
    y + 44,
    19,
    "regular",
    SHEET_COLORS.muted,
    header,
    "end",
  );
  page.shapes.push({ kind: "rect", x: MARGIN, y: y + 64, width: inner, height: 3, fill: SHEET_COLORS.accent, radius: 0 });
  y += 72 + GAP;
  y = willSection(page, sheet, y, inner) + GAP;
  y = valuesAndChart(page, sheet, y, inner) + GAP;
  const footerY = PAGE.height - MARGIN;
  const stepsHeight = 44 + Math.max(1, sheet.steps.length) * 25 + PAD;
  y = momentsSection(page, sheet, y, inner, footerY - 30 - stepsHeight - GAP) + GAP;
  stepsSection(page, sheet, y, inner, stepsHeight);
  const footer = page.box("footer", MARGIN, footerY - 22, inner, 26);
  page.text(fitLine(sheet.words.footer, 15, "regular", inner), MARGIN, footerY, 15, "regular", SHEET_COLORS.muted, footer);
  return { width: PAGE.width, height: PAGE.height, boxes: page.boxes, shapes: page.shapes, lines: page.lines };
}

class Page {
  boxes: Box[] = [];
  shapes: Shape[] = [];
  lines: TextLine[] = [];

  box(name: string, x: number, y: number, width: number, height: number, fill?: string): number {
    this.boxes.push({ name, x, y, width, height });
    if (fill) this.shapes.push({ kind: "rect", x, y, width, height, fill, radius: 14 });
    return this.boxes.length - 1;
  }

  text(text: string, x: number, y: number, size: number, weight: FontWeight, color: string, box: number, anchor?: "end"): void {
    if (text === "") return;
    this.lines.push(anchor ? { text, x, y, size, weight, color, box, anchor } : { text, x, y, size, weight, color, box });
  }

  /** Wrapped lines from baseline `y`, `step` px apart; returns the baseline after the last. */
  wrapped(
    text: string,
    x: number,
    y: number,
    width: number,
    size: number,
    weight: FontWeight,
    color: string,
    box: number,
    maxLines: number,
    step: number,
  ): number {
    for (const line of wrapText(text, size, weight, width, maxLines)) {
      this.text(line, x, y, size, weight, color, box);
      y += step;
    }
    return y;
  }

  /** A section heading at baseline `y`. */
  heading(text: string, x: number, y: number, width: number, box: number): void {
    this.text(fitLine(text, 21, "bold", width), x, y, 21, "bold", SHEET_COLORS.accent, box);
  }
}

function willSection(page: Page, sheet: Sheet, top: number, inner: number): number {
  const x = MARGIN + PAD;
  const width = inner - 2 * PAD;
  const current = wrapText(sheet.will.current ?? sheet.words.none, 30, "bold", width, 3);
  const height = PAD + 30 + current.length * 44 + (sheet.will.earlier.length > 0 ? 34 + sheet.will.earlier.length * 27 : 0) + PAD - 6;
  const box = page.box("will", MARGIN, top, inner, height, SHEET_COLORS.willFill);
  page.heading(sheet.words.will, x, top + PAD + 20, width, box);
  let y = top + PAD + 20 + 46;
  for (const line of current) {
    page.text(line, x, y, 30, "bold", SHEET_COLORS.ink, box);
    y += 44;
  }
  if (sheet.will.earlier.length > 0) {
    page.text(fitLine(sheet.words.earlier, 16, "bold", width), x, y + 4, 16, "bold", SHEET_COLORS.muted, box);
    y += 32;
    for (const earlier of sheet.will.earlier) {
      const dateWidth = textWidth(earlier.date, 16, "regular") + 14;
      page.text(earlier.date, x, y, 16, "regular", SHEET_COLORS.muted, box);
      page.text(fitLine(earlier.text, 16, "regular", width - dateWidth), x + dateWidth, y, 16, "regular", SHEET_COLORS.ink, box);
      y += 27;
    }
  }
  return top + height;
}

function valuesAndChart(page: Page, sheet: Sheet, top: number, inner: number): number {
  const height = 290;
  const half = (inner - GAP) / 2;
  const values = page.box("values", MARGIN, top, half, height, SHEET_COLORS.boxFill);
  const x = MARGIN + PAD;
  const width = half - 2 * PAD;
  page.heading(sheet.words.values, x, top + PAD + 20, width, values);
  let y = top + PAD + 20 + 40;
  if (sheet.values.length === 0) page.text(sheet.words.none, x, y, 17, "regular", SHEET_COLORS.muted, values);
  for (const value of sheet.values.slice(0, 3)) {
    page.text(fitLine(value.label, 20, "bold", width), x, y, 20, "bold", SHEET_COLORS.ink, values);
    y += 26;
    const words = value.words.map((word) => `「${word}」`).join("");
    y = (words ? page.wrapped(words, x + 12, y, width - 12, 16, "regular", SHEET_COLORS.muted, values, 2, 23) : y) + 12;
  }
  chartSection(page, sheet, MARGIN + half + GAP, top, half, height);
  return top + height;
}

function chartSection(page: Page, sheet: Sheet, left: number, top: number, width: number, height: number): void {
  const box = page.box("chart", left, top, width, height, SHEET_COLORS.boxFill);
  page.heading(sheet.words.chart, left + PAD, top + PAD + 20, width - 2 * PAD, box);
  const plot = { x: left + PAD + 26, y: top + PAD + 44, width: width - 2 * PAD - 36, height: height - PAD - 44 - 74 };
  for (let score = 1; score <= 5; score++) {
    const y = plot.y + plot.height - ((score - 1) / 4) * plot.height;
    page.shapes.push({ kind: "rect", x: plot.x, y, width: plot.width, height: 1.5, fill: SHEET_COLORS.chartGrid, radius: 0 });
    page.text(String(score), left + PAD, y + 6, 15, "regular", SHEET_COLORS.muted, box);
  }
  const scores = sheet.scores;
  const step = scores.length > 1 ? plot.width / (scores.length - 1) : 0;
  const points = scores.map((s, i): [number, number] => [
    scores.length > 1 ? plot.x + i * step : plot.x + plot.width / 2,
    plot.y + plot.height - ((s.score - 1) / 4) * plot.height,
  ]);
  if (points.length > 1) page.shapes.push({ kind: "polyline", points, stroke: SHEET_COLORS.chartLine, width: 3 });
  for (const [cx, cy] of points) page.shapes.push({ kind: "circle", cx, cy, r: 5, fill: SHEET_COLORS.chartLine });
  const labelY = plot.y + plot.height + 26;
  if (scores.length === 0) page.text(sheet.words.none, plot.x, plot.y + plot.height / 2, 17, "regular", SHEET_COLORS.muted, box);
  const first = scores[0];
  const last = scores.at(-1);
  if (first) page.text(first.label, plot.x, labelY, 15, "regular", SHEET_COLORS.muted, box);
  if (last && scores.length > 1) page.text(last.label, plot.x + plot.width, labelY, 15, "regular", SHEET_COLORS.muted, box, "end");
  page.text(fitLine(sheet.chartNote, 16, "regular", width - 2 * PAD), left + PAD, top + height - PAD, 16, "regular", SHEET_COLORS.ink, box);
}

/** Two columns of moments, as many rows as fit above `bottom` (at most five); returns where the section ends. */
function momentsSection(page: Page, sheet: Sheet, top: number, inner: number, bottom: number): number {
  const column = (inner - GAP) / 2;
  const cellHeight = 96;
  const first = top + 40;
  const moreHeight = sheet.momentsMore ? 28 : 0;
  const rows = Math.max(0, Math.min(5, Math.ceil(sheet.moments.length / 2), Math.floor((bottom - first - moreHeight) / cellHeight)));
  const end = first + Math.max(rows * cellHeight, sheet.moments.length === 0 ? 40 : 0) + moreHeight;
  const box = page.box("moments", MARGIN, top, inner, end - top);
  page.heading(sheet.words.moments, MARGIN, top + 22, inner, box);
  if (sheet.moments.length === 0) page.text(sheet.words.none, MARGIN, first + 24, 17, "regular", SHEET_COLORS.muted, box);
  sheet.moments.slice(0, rows * 2).forEach((moment, i) => {
    const x = MARGIN + (i % 2) * (column + GAP);
    const y = first + Math.floor(i / 2) * cellHeight;
    const cell = page.box(`moment-${i}`, x, y, column, cellHeight - 10, SHEET_COLORS.boxFill);
    const textX = x + 16;
    const width = column - 32;
    const dateWidth = textWidth(moment.date, 14, "regular") + 10;
    page.text(moment.date, textX, y + 26, 14, "regular", SHEET_COLORS.muted, cell);
    page.text(fitLine(moment.text, 17, "bold", width - dateWidth), textX + dateWidth, y + 26, 17, "bold", SHEET_COLORS.ink, cell);
    const feelingAndStrength = [
      moment.feeling ? `${sheet.words.feeling}：${moment.feeling}` : null,
      moment.strength ? `${sheet.words.strength}：${moment.strength}` : null,
    ].filter((part): part is string => part !== null);
    const details = [moment.deed ? `${sheet.words.deed}：${moment.deed}` : null, feelingAndStrength.join("　") || null];
    let lineY = y + 50;
    for (const detail of details.filter((d): d is string => d !== null)) {
      page.text(fitLine(detail, 15, "regular", width), textX, lineY, 15, "regular", SHEET_COLORS.ink, cell);
      lineY += 22;
    }
  });
  if (sheet.momentsMore) {
    page.text(
      fitLine(sheet.momentsMore, 15, "regular", inner),
      MARGIN,
      first + rows * cellHeight + 14,
      15,
      "regular",
      SHEET_COLORS.muted,
      box,
    );
  }
  return end;
}

function stepsSection(page: Page, sheet: Sheet, top: number, inner: number, height: number): void {
  const box = page.box("steps", MARGIN, top, inner, height, SHEET_COLORS.boxFill);
  const x = MARGIN + PAD;
  const width = inner - 2 * PAD;
  page.heading(sheet.words.steps, x, top + PAD + 16, width, box);
  let y = top + 44 + 22;
  if (sheet.steps.length === 0) page.text(sheet.words.none, x, y, 17, "regular", SHEET_COLORS.muted, box);
  const dateWidth = 150;
  const outcomeWidth = 130;
  for (const step of sheet.steps) {
    page.text(fitLine(step.date, 16, "regular", dateWidth - 10), x, y, 16, "regular", SHEET_COLORS.muted, box);
    page.text(fitLine(step.text, 16, "regular", width - dateWidth - outcomeWidth), x + dateWidth, y, 16, "regular", SHEET_COLORS.ink, box);
    page.text(fitLine(step.outcome, 16, "bold", outcomeWidth - 10), x + width, y, 16, "bold", SHEET_COLORS.accent, box, "end");
    y += 25;
  }
}
