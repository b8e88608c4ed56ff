/**
 * Measuring and wrapping the sheet's text with the font's own advances, so that a line laid out
 * here is exactly as wide in the PNG (glyphs drawn from the same font) as on the printable page
 * (the browser loads the same font, kerning off). Japanese breaks between any two characters
 * except before closing marks and small kana (禁則); a run of Latin letters or digits stays whole
 * when it fits on a line.
 */
import { sheetFont, type FontWeight } from "./fonts";

/** The mark that ends text cut to fit. */
export const ELLIPSIS = "…";

/** Characters a line never starts with. */
const NO_LINE_START = new Set([..."、。，．,.・：；:;？！?!ー−～）」』】〕〉》］｝)]}ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ々"]);

const advances: Record<FontWeight, Map<string, number>> = { regular: new Map(), bold: new Map() };

/** The width of `text` at `size` px in `weight`. */
export function textWidth(text: string, size: number, weight: FontWeight): number {
  const { face } = sheetFont(weight);
  const known = advances[weight];
  let units = 0;
  for (const char of text) {
    let advance = known.get(char);
    if (advance === undefined) {
      advance = face.advanceOf(face.glyphOf(char.codePointAt(0) ?? 0));
      known.set(char, advance);
    }
    units += advance;
  }
  return (units * size) / face.unitsPerEm;
}

/** One piece the wrapper never splits: a run of Latin letters or digits, or one other character. */
function pieces(text: string): string[] {
  return text.match(/[A-Za-z0-9]+|[\s\S]/gu) ?? [];
}

/**
 * `text` (white space folded to single spaces) in lines of at most `width` px, at most
 * `maxLines` of them; when it does not fit, the last line ends with "…". Never returns a line
 * wider than `width` (a single character wider than the line is dropped).
 */
export function wrapText(text: string, size: number, weight: FontWeight, width: number, maxLines: number): string[] {
  const folded = text.replace(/\s+/g, " ").trim();
  if (folded === "" || maxLines < 1) return [];
  const measure = (s: string) => textWidth(s, size, weight);
  const lines: string[] = [];
  let line = "";
  let lineWidth = 0;
  const queue = pieces(folded).flatMap((piece) => (measure(piece) > width ? [...piece] : [piece]));
  for (const piece of queue) {
    const pieceWidth = measure(piece);
    if (lineWidth + pieceWidth <= width) {
      line += piece;
      lineWidth += pieceWidth;
      continue;
    }
    if (lines.length >= maxLines) break;
    let carried = "";
    if (NO_LINE_START.has(piece[0] ?? "") && line.length > 1) {
      carried = [...line].at(-1) ?? "";
      line = line.slice(0, line.length - carried.length);
    }
    if (line.trim() !== "") lines.push(line.trimEnd());
    line = (carried + piece).trimStart();
    lineWidth = measure(line);
    if (lineWidth > width) [line, lineWidth] = ["", 0];
  }
  if (line.trim() !== "") lines.push(line.trimEnd());
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = withEllipsis(kept[maxLines - 1] ?? "", measure, width);
  return kept;
}

/** `text` cut to one line of at most `width` px, ending with "…" when it was cut. */
export function fitLine(text: string, size: number, weight: FontWeight, width: number): string {
  return wrapText(text, size, weight, width, 1)[0] ?? "";
}

function withEllipsis(line: string, measure: (s: string) => number, width: number): string {
  let chars = [...line];
  while (chars.length > 0 && measure(chars.join("") + ELLIPSIS) > width) chars = chars.slice(0, -1);
  return chars.join("").trimEnd() + ELLIPSIS;
}
