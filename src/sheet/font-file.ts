/**
 * The little of a TrueType font the sheet needs: which glyph draws a character (`cmap`), how
 * far it advances (`hmtx`), the line metrics (`hhea`) and its outline (`glyf`) as SVG path
 * data. The sheet's layout measures text with these advances, and its images draw each glyph
 * once as a path: resvg lays out and outlines every character of a `<text>` anew, which for a
 * full sheet of Japanese takes seconds, while a path per glyph used many times takes
 * milliseconds. Outlines are in font units, y up.
 */

/** A parsed TrueType (glyf-outline) font. */
export interface FontFace {
  /** Font units per em. */
  unitsPerEm: number;
  /** Ascender and descender (negative) in font units, from `hhea`. */
  ascender: number;
  descender: number;
  /** The glyph id that draws `codePoint`, 0 (the missing glyph) when the font has none. */
  glyphOf(codePoint: number): number;
  /** The advance width of glyph `glyph`, in font units. */
  advanceOf(glyph: number): number;
  /** SVG path data of glyph `glyph` in font units (y up); "" for an empty glyph. */
  outlineOf(glyph: number): string;
}

/** The font file is not a TrueType font this reader handles; the message says what is missing. */
export class FontFormatError extends Error {
  override readonly name = "FontFormatError";
}

/** Parses a TrueType font (`.ttf`, glyf outlines). Outlines are read lazily and kept. */
export function parseFont(data: Buffer): FontFace {
  const tables = tableDirectory(data);
  const table = (tag: string): number => {
    const at = tables.get(tag);
    if (at === undefined) throw new FontFormatError(`The font has no ${tag} table (only TrueType fonts with glyf outlines are read).`);
    return at;
  };
  const head = table("head");
  const hhea = table("hhea");
  const unitsPerEm = data.readUInt16BE(head + 18);
  const longLoca = data.readInt16BE(head + 50) === 1;
  const glyphCount = data.readUInt16BE(table("maxp") + 4);
  const metricCount = data.readUInt16BE(hhea + 34);
  const hmtx = table("hmtx");
  const loca = table("loca");
  const glyf = table("glyf");
  const characters = readCmap(data, table("cmap"));
  const outlines = new Map<number, string>();
  const glyphStart = (glyph: number): number => (longLoca ? data.readUInt32BE(loca + glyph * 4) : data.readUInt16BE(loca + glyph * 2) * 2);
  const face: FontFace = {
    unitsPerEm,
    ascender: data.readInt16BE(hhea + 4),
    descender: data.readInt16BE(hhea + 6),
    glyphOf: (codePoint) => characters(codePoint),
    advanceOf: (glyph) => data.readUInt16BE(hmtx + Math.min(glyph, metricCount - 1) * 4),
    outlineOf(glyph) {
      if (glyph < 0 || glyph >= glyphCount) return "";
      let path = outlines.get(glyph);
      if (path === undefined) {
        const start = glyphStart(glyph);
        const end = glyphStart(glyph + 1);
        path = end > start ? contoursPath(glyphContours(data, glyf + start, (g) => glyphAt(g), 0)) : "";
        outlines.set(glyph, path);
      }
      return path;
    },
  };
  const glyphAt = (glyph: number): number | null => {
    if (glyph < 0 || glyph >= glyphCount) return null;
    const start = glyphStart(glyph);
    return glyphStart(glyph + 1) > start ? glyf + start : null;
  };
  return face;
}

/** One point of a contour: `on` is whether it lies on the curve (else a quadratic control point). */
interface Point {
  x: number;
  y: number;
  on: boolean;
}

function tableDirectory(data: Buffer): Map<string, number> {
  const version = data.readUInt32BE(0);
  if (version !== 0x00010000 && data.toString("latin1", 0, 4) !== "true") {
    throw new FontFormatError("The file is not a TrueType font (an OpenType font with CFF outlines or a collection is not read).");
  }
  const count = data.readUInt16BE(4);
  const tables = new Map<string, number>();
  for (let i = 0; i < count; i++) {
    const record = 12 + i * 16;
    tables.set(data.toString("latin1", record, record + 4), data.readUInt32BE(record + 8));
  }
  return tables;
}

/** The character map: a Unicode subtable of format 12 (preferred) or 4, as a lookup. */
function readCmap(data: Buffer, cmap: number): (codePoint: number) => number {
  const count = data.readUInt16BE(cmap + 2);
  let format4: number | null = null;
  for (let i = 0; i < count; i++) {
    const record = cmap + 4 + i * 8;
    const platform = data.readUInt16BE(record);
    const encoding = data.readUInt16BE(record + 2);
    const subtable = cmap + data.readUInt32BE(record + 4);
    const format = data.readUInt16BE(subtable);
    const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
    if (unicode && format === 12) return format12(data, subtable);
    if (unicode && format === 4) format4 ??= subtable;
  }
  if (format4 === null) throw new FontFormatError("The font has no Unicode character map (cmap format 4 or 12).");
  return format4Lookup(data, format4);
}

function format12(data: Buffer, at: number): (codePoint: number) => number {
  const groups = data.readUInt32BE(at + 12);
  return (codePoint) => {
    let low = 0;
    let high = groups - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const group = at + 16 + mid * 12;
      const start = data.readUInt32BE(group);
      const end = data.readUInt32BE(group + 4);
      if (codePoint < start) high = mid - 1;
      else if (codePoint > end) low = mid + 1;
      else return data.readUInt32BE(group + 8) + (codePoint - start);
    }
    return 0;
  };
}

function format4Lookup(data: Buffer, at: number): (codePoint: number) => number {
  const segments = data.readUInt16BE(at + 6) / 2;
  const ends = at + 14;
  const starts = ends + segments * 2 + 2;
  const deltas = starts + segments * 2;
  const offsets = deltas + segments * 2;
  return (codePoint) => {
    if (codePoint > 0xffff) return 0;
    for (let i = 0; i < segments; i++) {
      if (codePoint > data.readUInt16BE(ends + i * 2)) continue;
      const start = data.readUInt16BE(starts + i * 2);
      if (codePoint < start) return 0;
      const delta = data.readInt16BE(deltas + i * 2);
      const offset = data.readUInt16BE(offsets + i * 2);
      if (offset === 0) return (codePoint + delta) & 0xffff;
      const glyph = data.readUInt16BE(offsets + i * 2 + offset + (codePoint - start) * 2);
      return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
    }
    return 0;
  };
}

/** The contours of the glyph at `at` (a simple or a composite glyph), in font units. */
function glyphContours(data: Buffer, at: number, glyphAt: (glyph: number) => number | null, depth: number): Point[][] {
  const contourCount = data.readInt16BE(at);
  return contourCount >= 0 ? simpleContours(data, at, contourCount) : compositeContours(data, at, glyphAt, depth);
}

function simpleContours(data: Buffer, at: number, contourCount: number): Point[][] {
  const endPoints: number[] = [];
  for (let i = 0; i < contourCount; i++) endPoints.push(data.readUInt16BE(at + 10 + i * 2));
  const pointCount = contourCount === 0 ? 0 : (endPoints.at(-1) ?? -1) + 1;
  const instructionLength = data.readUInt16BE(at + 10 + contourCount * 2);
  let cursor = at + 12 + contourCount * 2 + instructionLength;
  const flags: number[] = [];
  while (flags.length < pointCount) {
    const flag = data.readUInt8(cursor++);
    flags.push(flag);
    if (flag & 8) {
      const repeat = data.readUInt8(cursor++);
      for (let r = 0; r < repeat; r++) flags.push(flag);
    }
  }
  const readAxis = (short: number, same: number): number[] => {
    const values: number[] = [];
    let value = 0;
    for (const flag of flags) {
      if (flag & short) value += flag & same ? data.readUInt8(cursor++) : -data.readUInt8(cursor++);
      else if (!(flag & same)) {
        value += data.readInt16BE(cursor);
        cursor += 2;
      }
      values.push(value);
    }
    return values;
  };
  const xs = readAxis(2, 16);
  const ys = readAxis(4, 32);
  const contours: Point[][] = [];
  let first = 0;
  for (const last of endPoints) {
    const contour: Point[] = [];
    for (let p = first; p <= last; p++) contour.push({ x: xs[p] ?? 0, y: ys[p] ?? 0, on: ((flags[p] ?? 0) & 1) === 1 });
    contours.push(contour);
    first = last + 1;
  }
  return contours;
}

function compositeContours(data: Buffer, at: number, glyphAt: (glyph: number) => number | null, depth: number): Point[][] {
  if (depth > 8) return [];
  const contours: Point[][] = [];
  let cursor = at + 10;
  for (;;) {
    const flags = data.readUInt16BE(cursor);
    const glyph = data.readUInt16BE(cursor + 2);
    cursor += 4;
    const words = (flags & 1) !== 0;
    const dx = words ? data.readInt16BE(cursor) : data.readInt8(cursor);
    const dy = words ? data.readInt16BE(cursor + 2) : data.readInt8(cursor + 1);
    cursor += words ? 4 : 2;
    let [a, b, c, d] = [1, 0, 0, 1];
    const f2dot14 = (offset: number) => data.readInt16BE(cursor + offset) / 16384;
    if (flags & 8) {
      a = d = f2dot14(0);
      cursor += 2;
    } else if (flags & 0x40) {
      [a, d] = [f2dot14(0), f2dot14(2)];
      cursor += 4;
    } else if (flags & 0x80) {
      [a, b, c, d] = [f2dot14(0), f2dot14(2), f2dot14(4), f2dot14(6)];
      cursor += 8;
    }
    const component = glyphAt(glyph);
    if (component !== null && (flags & 2) !== 0) {
      for (const contour of glyphContours(data, component, glyphAt, depth + 1)) {
        contours.push(contour.map((p) => ({ x: a * p.x + c * p.y + dx, y: b * p.x + d * p.y + dy, on: p.on })));
      }
    }
    if ((flags & 0x20) === 0) break;
  }
  return contours;
}

/** Quadratic contours as SVG path data, in font units with y up. */
function contoursPath(contours: readonly Point[][]): string {
  const parts: string[] = [];
  const n = (value: number) => String(Math.round(value * 10) / 10);
  for (const contour of contours) {
    if (contour.length === 0) continue;
    const firstOn = contour.findIndex((p) => p.on);
    const [a, b] = [contour[0], contour[1] ?? contour[0]];
    const start: Point = firstOn >= 0 ? contour[firstOn] : { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2, on: true };
    const from = firstOn >= 0 ? firstOn : 0;
    parts.push(`M${n(start.x)} ${n(start.y)}`);
    let control: Point | null = null;
    for (let i = 1; i <= contour.length; i++) {
      const point = contour[(from + i) % contour.length];
      if (point.on) {
        parts.push(control ? `Q${n(control.x)} ${n(control.y)} ${n(point.x)} ${n(point.y)}` : `L${n(point.x)} ${n(point.y)}`);
        control = null;
      } else if (control) {
        const mid = { x: (control.x + point.x) / 2, y: (control.y + point.y) / 2 };
        parts.push(`Q${n(control.x)} ${n(control.y)} ${n(mid.x)} ${n(mid.y)}`);
        control = point;
      } else {
        control = point;
      }
    }
    if (control) parts.push(`Q${n(control.x)} ${n(control.y)} ${n(start.x)} ${n(start.y)}`);
    parts.push("Z");
  }
  return parts.join("");
}
