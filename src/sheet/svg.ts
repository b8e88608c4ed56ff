/**
 * The sheet's layout as SVG, in two forms of the same drawing. `glyphs` draws each line as the
 * font's outlines (each glyph defined once, then placed), for resvg, which needs no font then
 * and renders a full sheet in milliseconds. `text` writes real `<text>` elements for the
 * printable page, where the browser draws them with the same font, so that the text can be
 * selected, read aloud and checked box by box.
 */
import { SHEET_FONT_FAMILY, sheetFont, type FontWeight } from "./fonts";
import type { SheetLayout, Shape, TextLine } from "./layout";
import { textWidth } from "./text";

/** How the text is drawn; see the module comment. */
export type TextMode = "glyphs" | "text";

/** The SVG document of `layout`, `width` × `height` as given (the viewBox is the layout's pixels). */
export function sheetSvg(layout: SheetLayout, mode: TextMode, size: { width: string; height: string } = sizeOf(layout)): string {
  const defs = new Map<string, string>();
  const body = layout.lines.map((line, index) => (mode === "glyphs" ? glyphLine(line, defs) : textLine(line, index, layout)));
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${size.width}" height="${size.height}" viewBox="0 0 ${layout.width} ${layout.height}">`,
    `<rect width="${layout.width}" height="${layout.height}" fill="#FFFFFF"/>`,
    ...layout.shapes.map(shapeSvg),
    mode === "glyphs" ? `<defs>${[...defs].map(([id, d]) => `<path id="${id}" d="${d}"/>`).join("")}</defs>` : "",
    mode === "text" ? `<g font-family="${SHEET_FONT_FAMILY}" style="font-kerning:none">` : "<g>",
    ...body,
    "</g>",
    "</svg>",
  ].join("\n");
}

function sizeOf(layout: SheetLayout): { width: string; height: string } {
  return { width: String(layout.width), height: String(layout.height) };
}

function startOf(line: TextLine): number {
  return line.anchor === "end" ? line.x - textWidth(line.text, line.size, line.weight) : line.x;
}

function glyphLine(line: TextLine, defs: Map<string, string>): string {
  const { face } = sheetFont(line.weight);
  const scale = line.size / face.unitsPerEm;
  const uses: string[] = [];
  let advance = 0;
  for (const char of line.text) {
    const glyph = face.glyphOf(char.codePointAt(0) ?? 0);
    const id = `${line.weight === "bold" ? "b" : "r"}${glyph}`;
    if (!defs.has(id)) defs.set(id, face.outlineOf(glyph));
    if (defs.get(id) !== "") uses.push(advance === 0 ? `<use href="#${id}"/>` : `<use href="#${id}" x="${advance}"/>`);
    advance += face.advanceOf(glyph);
  }
  const at = `translate(${round(startOf(line))} ${round(line.y)}) scale(${round(scale, 6)} ${round(-scale, 6)})`;
  return `<g transform="${at}" fill="${line.color}">${uses.join("")}</g>`;
}

function textLine(line: TextLine, index: number, layout: SheetLayout): string {
  const box = layout.boxes[line.box];
  const weight: Record<FontWeight, number> = { regular: 400, bold: 700 };
  const attributes = [
    `x="${round(startOf(line))}"`,
    `y="${round(line.y)}"`,
    `font-size="${line.size}"`,
    `font-weight="${weight[line.weight]}"`,
    `fill="${line.color}"`,
    `data-line="${index}"`,
    `data-width="${round(textWidth(line.text, line.size, line.weight))}"`,
    box ? `data-box="${escapeXml(box.name)}" data-box-rect="${round(box.x)} ${round(box.y)} ${round(box.width)} ${round(box.height)}"` : "",
  ];
  return `<text ${attributes.join(" ")} xml:space="preserve">${escapeXml(line.text)}</text>`;
}

function shapeSvg(shape: Shape): string {
  switch (shape.kind) {
    case "rect":
      return `<rect x="${round(shape.x)}" y="${round(shape.y)}" width="${round(shape.width)}" height="${round(shape.height)}" rx="${shape.radius}" fill="${shape.fill}"/>`;
    case "polyline":
      return `<polyline points="${shape.points.map(([x, y]) => `${round(x)},${round(y)}`).join(" ")}" fill="none" stroke="${shape.stroke}" stroke-width="${shape.width}" stroke-linejoin="round"/>`;
    case "circle":
      return `<circle cx="${round(shape.cx)}" cy="${round(shape.cy)}" r="${shape.r}" fill="${shape.fill}"/>`;
  }
}

function round(value: number, digits = 2): string {
  const factor = 10 ** digits;
  return String(Math.round(value * factor) / factor);
}

/** `text` safe inside SVG or HTML text and attributes. */
export function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}
