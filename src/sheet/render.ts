/**
 * The sheet drawn: the PNG sent in the chat and its preview, the PDF, and the SVG of the
 * printable page, all from one {@link layoutSheet}. resvg rasterises the glyph form of the SVG
 * (`./svg`), which needs no font lookup; the fonts are read once per process (`./fonts`).
 */
import type * as ResvgLibrary from "@resvg/resvg-js";
import type { Sheet } from "../model/sheet";
import { layoutSheet, PAGE, type SheetLayout } from "./layout";
import { imagePdf } from "./pdf";
import { sheetSvg } from "./svg";

/** Pixel widths of the two PNGs: the original (A4 at 150 dpi) and the preview the chat shows. */
export const SHEET_IMAGE_WIDTHS = { original: PAGE.width, preview: 480 } as const;

/** Which PNG of the sheet. */
export type SheetImage = keyof typeof SHEET_IMAGE_WIDTHS;

/** The sheet's PNG at the width of `image`. */
export function sheetPng(sheet: Sheet, image: SheetImage, layout: SheetLayout = layoutSheet(sheet)): Buffer {
  return Buffer.from(rasterise(layout, SHEET_IMAGE_WIDTHS[image]).asPng());
}

/** The sheet as a one-page A4 PDF (the original image on the page). */
export function sheetPdf(sheet: Sheet, layout: SheetLayout = layoutSheet(sheet)): Buffer {
  const image = rasterise(layout, SHEET_IMAGE_WIDTHS.original);
  return imagePdf({ width: image.width, height: image.height, pixels: Buffer.from(image.pixels) }, `${sheet.title} ${sheet.dateLine}`);
}

/** The SVG of the printable page: real text, sized to A4. */
export function sheetPageSvg(sheet: Sheet, layout: SheetLayout = layoutSheet(sheet)): string {
  return sheetSvg(layout, "text", { width: "210mm", height: "297mm" });
}

let library: typeof ResvgLibrary | undefined;

/** resvg, required the first time a sheet is drawn: the webhook's cold start never loads it. */
function resvgLibrary(): typeof ResvgLibrary {
  library ??= require("@resvg/resvg-js") as typeof ResvgLibrary;
  return library;
}

function rasterise(layout: SheetLayout, width: number) {
  const resvg = new (resvgLibrary().Resvg)(sheetSvg(layout, "glyphs"), {
    font: { loadSystemFonts: false },
    fitTo: { mode: "width", value: width },
    logLevel: "off",
  });
  return resvg.render();
}
