/**
 * Each stage's rich menu as files and as what the deploy sends: the SVG and PNG drawn from the
 * content module (`assets/richmenu-<stage>.*`), and the committed PNG reused when it matches
 * the labels, so a deploy (and the local stand-in) needs no fonts.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { MENU_STAGES, type MenuStage } from "../../src/dialogue";
import { deployRichMenus, type DeployResult, type StageMenu } from "./richmenu-deploy";
import { findFonts, imagePath, renderPng, svgPath } from "./richmenu-image";
import { richMenuDefinition } from "./richmenu-layout";
import { isImageCurrent } from "./richmenu-png";
import { richMenuSvg, sourceHash } from "./richmenu-svg";

/** Draws `stage`'s image files under `root`; returns the PNG and a line saying what was written. */
export function drawStage(root: string, stage: MenuStage): { png: Buffer; message: string } {
  const svg = richMenuSvg(stage);
  const hash = sourceHash(svg);
  const png = renderPng(svg, hash, findFonts());
  mkdirSync(dirname(join(root, imagePath(stage))), { recursive: true });
  writeFileSync(join(root, svgPath(stage)), svg);
  writeFileSync(join(root, imagePath(stage)), png);
  return { png, message: `${imagePath(stage)}: drawn, ${Math.round(png.length / 1024)} KB (source ${hash.slice(0, 12)})` };
}

/** The committed PNG of `stage` when it matches its labels, else null. */
export function committedImage(root: string, stage: MenuStage): Buffer | null {
  const path = join(root, imagePath(stage));
  const committed = existsSync(path) ? readFileSync(path) : null;
  return committed !== null && isImageCurrent(committed, sourceHash(richMenuSvg(stage))) ? committed : null;
}

/**
 * Every stage's menu ready to deploy: its object (named with a short hash of its image source)
 * and its PNG, the committed one when current, else drawn first (`say` tells which).
 */
export function stageMenus(root: string, say: (message: string) => void = () => {}): StageMenu[] {
  return MENU_STAGES.map((stage) => {
    const hash = sourceHash(richMenuSvg(stage));
    let image = committedImage(root, stage);
    if (image === null) {
      say(`${imagePath(stage)} does not match the labels in src/dialogue/content/rich-menu.ts; drawing it first.`);
      const drawn = drawStage(root, stage);
      say(drawn.message);
      image = drawn.png;
    }
    return { stage, definition: richMenuDefinition(stage, hash.slice(0, 12)), image };
  });
}

/**
 * Deploys every stage's menu to a LINE stand-in at `url` (the local stack and tests), with the
 * committed images; resolves with the new menus' ids by stage.
 */
export async function deployToStandIn(root: string, url: string, channelAccessToken: string): Promise<DeployResult["richMenuIds"]> {
  const result = await deployRichMenus({ channelAccessToken, apiBaseUrl: url, dataApiBaseUrl: url }, stageMenus(root));
  return result.richMenuIds;
}
