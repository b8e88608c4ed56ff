/**
 * `npm run richmenu`: draws the rich menu from the tiles in src/dialogue/content/rich-menu.ts into
 * assets/richmenu.svg and assets/richmenu.png (needs Debian's fonts-noto-cjk).
 *
 * `npm run richmenu -- --deploy`: puts that menu on the LINE channel: creates it, uploads
 * the image, makes it every user's default and deletes the menus this command made before.
 * The committed image is used as it is when it matches the labels (no fonts needed); else
 * it is drawn first. Reads LINE_CHANNEL_ACCESS_TOKEN, and LINE_API_BASE_URL and
 * LINE_API_DATA_BASE_URL when not LINE's own hosts.
 *
 * Exits 0 when done, 2 for a usage or configuration problem, 1 when drawing or deploying failed.
 */
import { existsSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { parseOptions } from "./lib/command-args";
import { configOrExit } from "./lib/config-or-exit";
import { deployRichMenu, loadRichMenuConfig } from "./lib/richmenu-deploy";
import { findFonts, IMAGE_PATH, renderPng, SVG_PATH } from "./lib/richmenu-image";
import { richMenuDefinition } from "./lib/richmenu-layout";
import { isImageCurrent } from "./lib/richmenu-png";
import { richMenuSvg, sourceHash } from "./lib/richmenu-svg";

const ROOT = join(__dirname, "..");

/** Draws the image files; returns the PNG. */
function draw(svg: string, hash: string): Buffer {
  const png = renderPng(svg, hash, findFonts());
  mkdirSync(dirname(join(ROOT, IMAGE_PATH)), { recursive: true });
  writeFileSync(join(ROOT, SVG_PATH), svg);
  writeFileSync(join(ROOT, IMAGE_PATH), png);
  process.stdout.write(`${IMAGE_PATH}: drawn, ${Math.round(png.length / 1024)} KB (source ${hash.slice(0, 12)})\n`);
  return png;
}

/** The committed PNG when it matches `hash`, else a freshly drawn one. */
function currentImage(svg: string, hash: string): Buffer {
  const path = join(ROOT, IMAGE_PATH);
  const committed = existsSync(path) ? readFileSync(path) : null;
  if (committed !== null && isImageCurrent(committed, hash)) return committed;
  process.stdout.write(`${IMAGE_PATH} does not match the labels in src/dialogue/content/rich-menu.ts; drawing it first.\n`);
  return draw(svg, hash);
}

async function main(): Promise<void> {
  const { deploy } = parseOptions("npm run richmenu [-- --deploy]", { deploy: { type: "boolean", default: false } });
  const config = deploy ? configOrExit(loadRichMenuConfig) : null;
  const svg = richMenuSvg();
  const hash = sourceHash(svg);
  if (config === null) {
    draw(svg, hash);
    return;
  }
  const result = await deployRichMenu(config, richMenuDefinition(hash.slice(0, 12)), currentImage(svg, hash));
  process.stdout.write(
    `Rich menu ${result.richMenuId} is now the default for every user` +
      (result.deleted.length > 0 ? `; deleted the previous ${result.deleted.join(", ")}.\n` : ".\n"),
  );
  if (result.cleanupProblem !== null) {
    process.stderr.write(
      `Earlier menus of this command were not all deleted (they are no longer shown; run the command again to tidy up): ${result.cleanupProblem}\n`,
    );
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
