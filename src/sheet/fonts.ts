/**
 * The sheet's Japanese font, BIZ UDPGothic (SIL Open Font License 1.1), regular and bold. It
 * comes from the npm package @expo-google-fonts/biz-udpgothic, a dependency of the root package
 * and of the deploy unit (functions/package.json), so the fonts are installed with the code and
 * nothing is fetched at run time. The files are read once per process.
 */
import { readFileSync } from "node:fs";
import { parseFont, type FontFace } from "./font-file";

/** The family name the printable page's CSS and the SVG use. */
export const SHEET_FONT_FAMILY = "BIZ UDPGothic";

/** The package the font files come from. */
export const FONT_PACKAGE = "@expo-google-fonts/biz-udpgothic";

/** The two weights the sheet draws with, by the file each is served as on the printable page. */
export const FONT_FILES = {
  regular: { file: "biz-udpgothic-400.ttf", path: "400Regular/BIZUDPGothic_400Regular.ttf", weight: 400 },
  bold: { file: "biz-udpgothic-700.ttf", path: "700Bold/BIZUDPGothic_700Bold.ttf", weight: 700 },
} as const;

/** One of the sheet's weights. */
export type FontWeight = keyof typeof FONT_FILES;

/** A weight's file and its parsed face. */
export interface LoadedFont {
  bytes: Buffer;
  face: FontFace;
}

/** The fonts are not installed (the dependency is missing); the message says what to install. */
export class SheetFontMissingError extends Error {
  override readonly name = "SheetFontMissingError";
}

const loaded = new Map<FontWeight, LoadedFont>();

/** The absolute path of a weight's file, from the installed package. */
export function fontPath(weight: FontWeight): string {
  try {
    return require.resolve(`${FONT_PACKAGE}/${FONT_FILES[weight].path}`);
  } catch (error) {
    throw new SheetFontMissingError(
      `The sheet's font ${FONT_FILES[weight].path} was not found: install the dependency ${FONT_PACKAGE} (npm ci at the root; functions/package.json lists it for the deploy).`,
      { cause: error },
    );
  }
}

/** A weight's bytes and parsed face, read on first use and kept. */
export function sheetFont(weight: FontWeight): LoadedFont {
  let font = loaded.get(weight);
  if (font === undefined) {
    const bytes = readFileSync(fontPath(weight));
    font = { bytes, face: parseFont(bytes) };
    loaded.set(weight, font);
  }
  return font;
}
