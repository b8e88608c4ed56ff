/**
 * The 振り返りシート of a heavy user (three WILL versions, 30 moments, 20 check-ins, ten steps):
 * how long drawing it takes (the layout, the original PNG, the preview, the PDF) and whether
 * the files stay within LINE's limits. The first run also reads and parses the font.
 */
import { performance } from "node:perf_hooks";
import { checkImageFile } from "../src/line/image-limits";
import { layoutSheet } from "../src/sheet/layout";
import { sheetPdf, sheetPng } from "../src/sheet/render";
import { heavySheet } from "../test/helpers/sheet-user";
import { round, spread, type Spread } from "./stats";

/** What {@link benchSheet} measured. */
export interface SheetResults {
  runs: number;
  /** The first run's layout and both PNGs, fonts read and parsed on the way. */
  firstMs: number;
  layoutMs: Spread;
  originalMs: Spread;
  previewMs: Spread;
  pdfMs: Spread;
  /** Layout, original and preview together: what the sheet's image message costs the server. */
  imagesMs: Spread;
  bytes: { original: number; preview: number; pdf: number };
  /** What LINE would not take in the two PNGs (empty: within its limits). */
  problems: string[];
}

/** Draws the heavy user's sheet `runs` times (after one first run, reported apart). */
export function benchSheet(runs: number): SheetResults {
  const sheet = heavySheet();
  const first = performance.now();
  sheetPng(sheet, "preview", layoutSheet(sheet));
  const firstMs = round(performance.now() - first, 0);
  const times = { layout: [] as number[], original: [] as number[], preview: [] as number[], pdf: [] as number[], images: [] as number[] };
  let files: { original: Buffer; preview: Buffer; pdf: Buffer } = {
    original: Buffer.alloc(0),
    preview: Buffer.alloc(0),
    pdf: Buffer.alloc(0),
  };
  for (let run = 0; run < runs; run++) {
    const t0 = performance.now();
    const layout = layoutSheet(sheet);
    const t1 = performance.now();
    const original = sheetPng(sheet, "original", layout);
    const t2 = performance.now();
    const preview = sheetPng(sheet, "preview", layout);
    const t3 = performance.now();
    const pdf = sheetPdf(sheet, layout);
    const t4 = performance.now();
    times.layout.push(t1 - t0);
    times.original.push(t2 - t1);
    times.preview.push(t3 - t2);
    times.pdf.push(t4 - t3);
    times.images.push(t3 - t0);
    files = { original, preview, pdf };
  }
  return {
    runs,
    firstMs,
    layoutMs: spread(times.layout),
    originalMs: spread(times.original),
    previewMs: spread(times.preview),
    pdfMs: spread(times.pdf),
    imagesMs: spread(times.images),
    bytes: { original: files.original.length, preview: files.preview.length, pdf: files.pdf.length },
    problems: [...checkImageFile(files.original, "original"), ...checkImageFile(files.preview, "preview")],
  };
}

if (require.main === module) {
  const results = benchSheet(10);
  process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
}
