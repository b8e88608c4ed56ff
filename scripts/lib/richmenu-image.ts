/**
 * The rich menus' PNGs: rendered from `./richmenu-svg` with resvg and Debian's Noto Sans CJK
 * fonts (never the system's font list, so every machine draws the same glyphs), with the
 * SHA-256 of its SVG source kept in a PNG text chunk (see `./richmenu-png`), so that a
 * committed image is checked against the labels without fonts or rendering.
 */
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { Resvg } from "@resvg/resvg-js";
import type { MenuStage } from "../../src/dialogue";
import { SOURCE_HASH_KEYWORD, withTextChunk } from "./richmenu-png";
import { FONT_FAMILY } from "./richmenu-svg";

/** Where `stage`'s generated image lives, relative to the repository root. */
export function imagePath(stage: MenuStage): string {
  return `assets/richmenu-${stage}.png`;
}

/** The SVG `stage`'s PNG was drawn from, kept beside it for designers. */
export function svgPath(stage: MenuStage): string {
  return `assets/richmenu-${stage}.svg`;
}

/** The Noto Sans CJK files the image needs (Debian package fonts-noto-cjk). */
export const FONT_FILE_NAMES = ["NotoSansCJK-Regular.ttc", "NotoSansCJK-Bold.ttc"] as const;

/** Folders searched first: Debian/Ubuntu, then other distributions' usual places. */
export const FONT_DIRS: readonly string[] = [
  "/usr/share/fonts/opentype/noto",
  "/usr/share/fonts/noto-cjk",
  "/usr/share/fonts/google-noto-cjk",
  "/usr/share/fonts/opentype/noto-cjk",
];
/** Searched after {@link FONT_DIRS}, a few levels deep. */
const FONT_ROOT = "/usr/share/fonts";
const FONT_SEARCH_DEPTH = 4;

/** The fonts are not installed; the message says which package to install. */
export class FontsMissingError extends Error {
  override readonly name = "FontsMissingError";
}

/**
 * The paths of {@link FONT_FILE_NAMES}: from `RICHMENU_FONT_DIR` when set, else the first of
 * `dirs` holding both, else anywhere under `root`. Throws {@link FontsMissingError}.
 */
export function findFonts(env: NodeJS.ProcessEnv = process.env, dirs: readonly string[] = FONT_DIRS, root: string = FONT_ROOT): string[] {
  const override = env["RICHMENU_FONT_DIR"]?.trim();
  const candidates = override ? [override] : [...dirs, ...subfolders(root, FONT_SEARCH_DEPTH)];
  const found = candidates.find((dir) => FONT_FILE_NAMES.every((name) => existsSync(join(dir, name))));
  if (found !== undefined) return FONT_FILE_NAMES.map((name) => join(found, name));
  const where = override ? `RICHMENU_FONT_DIR (${override})` : `${dirs.join(", ")} or under ${root}`;
  throw new FontsMissingError(
    `The rich menu image needs the fonts ${FONT_FILE_NAMES.join(" and ")}, not found in ${where}. ` +
      `Install Debian's fonts-noto-cjk package (sudo apt-get install fonts-noto-cjk), ` +
      `or set RICHMENU_FONT_DIR to a folder holding both files.`,
  );
}

/** Renders `svg` to a PNG carrying `hash` under {@link SOURCE_HASH_KEYWORD}. */
export function renderPng(svg: string, hash: string, fontFiles: readonly string[]): Buffer {
  const resvg = new Resvg(svg, {
    font: { loadSystemFonts: false, fontFiles: [...fontFiles], defaultFontFamily: FONT_FAMILY, sansSerifFamily: FONT_FAMILY },
    languages: ["ja"],
    fitTo: { mode: "original" },
    logLevel: "off",
  });
  return withTextChunk(Buffer.from(resvg.render().asPng()), SOURCE_HASH_KEYWORD, hash);
}

/** Folders under `root` down to `depth` levels, breadth first; unreadable ones are skipped. */
function subfolders(root: string, depth: number): string[] {
  const found: string[] = [];
  let level = [root];
  for (let d = 0; d < depth && level.length > 0; d++) {
    found.push(...level);
    level = level.flatMap((dir) => {
      try {
        return readdirSync(dir, { withFileTypes: true })
          .filter((e) => e.isDirectory())
          .map((e) => join(dir, e.name));
      } catch {
        return [];
      }
    });
  }
  return found;
}
