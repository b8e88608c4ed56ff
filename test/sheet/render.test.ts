/**
 * The 振り返りシート drawn: files within LINE's limits for the heaviest sheet, pixels that are not
 * blank and that carry the WILL (compared with the WILL's lines drawn alone, the same way, and
 * with another sentence as a control), a PDF of one A4 page, and the README's image kept current
 * (`UPDATE_SCREENSHOT=1` redraws docs/sheet.png).
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { Resvg } from "@resvg/resvg-js";
import { checkImageFile } from "../../src/line/image-limits";
import { layoutSheet, PAGE, type SheetLayout } from "../../src/sheet/layout";
import { sheetPdf, sheetPng } from "../../src/sheet/render";
import { sheetSvg } from "../../src/sheet/svg";
import { readPngInfo, withTextChunk } from "../../scripts/lib/richmenu-png";
import { sourceHash } from "../../scripts/lib/richmenu-svg";
import { heavySheet, HEAVY_WILL, longestSheet } from "../helpers/sheet-user";

const README_IMAGE = resolve(__dirname, "../../docs/sheet.png");
const SOURCE_KEY = "will-note:sheet-source-sha256";

/** RGBA pixels of `layout` keeping only the lines `keep` picks, drawn as the sheet is. */
function pixelsOf(layout: SheetLayout, keep: (text: string) => boolean = () => true): { data: Buffer; width: number } {
  const only: SheetLayout = { ...layout, shapes: [], lines: layout.lines.filter((line) => keep(line.text)) };
  const image = new Resvg(sheetSvg(only, "glyphs"), { font: { loadSystemFonts: false }, logLevel: "off" }).render();
  return { data: Buffer.from(image.pixels), width: image.width };
}

/** Whether the pixel at (x, y) is ink (dark), not paper or a box's tint. */
function dark(image: { data: Buffer; width: number }, x: number, y: number): boolean {
  const at = (y * image.width + x) * 4;
  return (image.data[at] ?? 255) + (image.data[at + 1] ?? 255) + (image.data[at + 2] ?? 255) < 3 * 140;
}

/** The WILL's lines as the layout placed them, and the rectangle they cover. */
function willRegion(layout: SheetLayout) {
  const box = layout.boxes.findIndex((b) => b.name === "will");
  const lines = layout.lines.filter((line) => line.box === box && line.size === 30);
  const top = Math.min(...lines.map((line) => line.y - line.size));
  const bottom = Math.max(...lines.map((line) => line.y + line.size * 0.3));
  return {
    texts: lines.map((line) => line.text),
    x0: layout.boxes[box].x,
    x1: layout.boxes[box].x + layout.boxes[box].width,
    top,
    bottom,
  };
}

/** Of the ink the WILL's lines leave when drawn alone, the share the full sheet has in the same pixels. */
function willInkFound(
  sheetPixels: { data: Buffer; width: number },
  alone: { data: Buffer; width: number },
  region: ReturnType<typeof willRegion>,
) {
  let ink = 0;
  let found = 0;
  for (let y = Math.floor(region.top); y < Math.ceil(region.bottom); y++) {
    for (let x = Math.floor(region.x0); x < Math.ceil(region.x1); x++) {
      if (!dark(alone, x, y)) continue;
      ink++;
      if (dark(sheetPixels, x, y)) found++;
    }
  }
  return { ink, share: ink === 0 ? 0 : found / ink };
}

describe("the sheet's files", () => {
  it.each([
    ["a heavy user's sheet (3 WILLs, 30 moments, 20 check-ins, 10 steps)", heavySheet()],
    ["the longest sheet the bot can make", longestSheet()],
  ])("keep %s within LINE's limits for the original and the preview", (_name, sheet) => {
    const original = sheetPng(sheet, "original");
    const preview = sheetPng(sheet, "preview");
    expect(checkImageFile(original, "original")).toEqual([]);
    expect(checkImageFile(preview, "preview")).toEqual([]);
    expect(readPngInfo(original)).toMatchObject({ width: PAGE.width, height: PAGE.height });
  });

  it("puts every line of the longest sheet inside its box and the box inside the page", () => {
    const layout = layoutSheet(longestSheet());
    for (const box of layout.boxes) {
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(PAGE.width);
      expect(box.y + box.height).toBeLessThanOrEqual(PAGE.height);
    }
    expect(layout.lines.filter((line) => line.box < 0 || line.box >= layout.boxes.length)).toEqual([]);
    expect(layout.boxes.filter((box) => box.name.startsWith("moment-"))).toHaveLength(10);
  });

  it("draws a sheet that is not blank and carries the WILL where the layout put it", () => {
    const sheet = heavySheet();
    const layout = layoutSheet(sheet);
    const full = pixelsOf(layout);
    const inkShare = (() => {
      let ink = 0;
      for (let y = 0; y < PAGE.height; y += 2) for (let x = 0; x < PAGE.width; x += 2) if (dark(full, x, y)) ink++;
      return ink / ((PAGE.width / 2) * (PAGE.height / 2));
    })();
    expect(inkShare).toBeGreaterThan(0.02);

    const region = willRegion(layout);
    expect(region.texts.join("")).toBe(HEAVY_WILL);
    const will = willInkFound(
      full,
      pixelsOf(layout, (text) => region.texts.includes(text)),
      region,
    );
    expect(will.ink).toBeGreaterThan(2000);
    expect(will.share).toBeGreaterThan(0.97);

    // The control: another sentence drawn in the same place does not match the sheet's pixels.
    const other: SheetLayout = {
      ...layout,
      lines: layout.lines.map((line) =>
        region.texts.includes(line.text) ? { ...line, text: "まったく別の文が、ここに書かれているとします。" } : line,
      ),
    };
    const control = willInkFound(
      full,
      pixelsOf(other, (text) => text.startsWith("まったく別の文")),
      region,
    );
    expect(control.share).toBeLessThan(0.8);
  });

  it("makes a PDF of one A4 page", () => {
    const pdf = sheetPdf(heavySheet()).toString("latin1");
    expect(pdf.startsWith("%PDF-1.4")).toBe(true);
    expect(pdf.match(/\/Type \/Page\b/g)).toHaveLength(1);
    expect(pdf).toContain("/MediaBox [0 0 595.28 841.89]");
    expect(pdf.trimEnd().endsWith("%%EOF")).toBe(true);
  });

  it("shows the heavy user's sheet in the README, redrawn whenever the sheet's drawing changes", () => {
    const sheet = heavySheet();
    const hash = sourceHash(sheetSvg(layoutSheet(sheet), "glyphs"));
    if (process.env.UPDATE_SCREENSHOT === "1") writeFileSync(README_IMAGE, withTextChunk(sheetPng(sheet, "original"), SOURCE_KEY, hash));
    expect(existsSync(README_IMAGE)).toBe(true);
    expect(readPngInfo(readFileSync(README_IMAGE))?.text[SOURCE_KEY]).toBe(hash);
    expect(readFileSync(resolve(__dirname, "../../README.md"), "utf8")).toContain("docs/sheet.png");
  });
});
