/**
 * The rich menus as data, one per stage: tiles from `richMenus` in the content module over an
 * image of LINE's large (3 × 2, six tiles) or compact (3 × 1, three tiles) size, each tile one
 * postback area sending the same command data as the typed command (`w1|cmd|<id>`), with the
 * tile's title as the chat's echo.
 */
import { richMenus, commandData, MAX_POSTBACK_DATA, type CommandId, type MenuStage, type RichMenuTileContent } from "../../src/dialogue";
import { LINE_LIMITS } from "../../src/line/limits";

/** One tile of a menu, as written in the content module. */
export type RichMenuTile = RichMenuTileContent;

/** A tile's rectangle in image pixels. */
export interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The rich menu object LINE's `POST /v2/bot/richmenu` takes. */
export interface RichMenuDefinition {
  size: { width: number; height: number };
  selected: boolean;
  name: string;
  chatBarText: string;
  areas: { bounds: Bounds; action: { type: "postback"; data: string; displayText: string } }[];
}

/** An image size and the grid of tiles over it. */
export interface MenuLayout {
  size: { width: number; height: number };
  grid: { columns: number; rows: number };
}

/** LINE's large menu: six tiles. */
export const LARGE_LAYOUT: MenuLayout = { size: { width: 2500, height: 1686 }, grid: { columns: 3, rows: 2 } };
/** LINE's compact menu: three tiles in a row, leaving more of the chat in view. */
export const COMPACT_LAYOUT: MenuLayout = { size: { width: 2500, height: 843 }, grid: { columns: 3, rows: 1 } };

/** Each stage's layout: the main menu is large, the others compact. */
export const STAGE_LAYOUTS: Readonly<Record<MenuStage, MenuLayout>> = {
  onboarding: COMPACT_LAYOUT,
  main: LARGE_LAYOUT,
  consultant: COMPACT_LAYOUT,
};

/**
 * Every menu this tool creates is named with this prefix, and only such menus are ever
 * deleted, so menus made by hand in LINE Official Account Manager or other tools are safe.
 */
export const RICH_MENU_NAME_PREFIX = "will-note richmenu";

/** LINE's limits on a rich menu object (Messaging API reference, "Rich menu object"). */
export const RICH_MENU_LIMITS = {
  maxAreas: 20,
  maxNameLength: 300,
  minChatBarTextLength: 1,
  maxChatBarTextLength: 14,
  minImageWidth: 800,
  maxImageWidth: 2500,
  minImageHeight: 250,
  minAspectRatio: 1.45,
  maxImageBytes: LINE_LIMITS.maxRichMenuImageBytes,
  maxMenusPerChannel: 1000,
} as const;

/** Tile `index`'s rectangle in `layout`; the grid covers the image exactly, spare pixels going to the middle. */
export function tileBounds(index: number, layout: MenuLayout = LARGE_LAYOUT): Bounds {
  const { size, grid } = layout;
  const column = index % grid.columns;
  const row = Math.floor(index / grid.columns);
  const edge = (total: number, parts: number, i: number): number => (i === parts ? total : Math.round((total * i) / parts));
  const x = edge(size.width, grid.columns, column);
  const y = edge(size.height, grid.rows, row);
  return {
    x,
    y,
    width: edge(size.width, grid.columns, column + 1) - x,
    height: edge(size.height, grid.rows, row + 1) - y,
  };
}

/**
 * A stage's tiles from the content module, checked: exactly one per grid cell, each a
 * different command. Throws with the content entry to fix otherwise.
 */
export function richMenuTiles(stage: MenuStage, tiles: readonly RichMenuTile[] = richMenus[stage].tiles): readonly RichMenuTile[] {
  const { columns, rows } = STAGE_LAYOUTS[stage].grid;
  const where = `richMenus.${stage}.tiles`;
  if (tiles.length !== columns * rows) {
    throw new Error(
      `${where} in src/dialogue/content/rich-menu.ts has ${tiles.length} tiles; the menu's grid needs exactly ${columns * rows}.`,
    );
  }
  const seen = new Set<CommandId>();
  tiles.forEach((tile, i) => {
    if (seen.has(tile.command)) throw new Error(`${where}[${i}] repeats the command "${tile.command}".`);
    if (tile.title.trim() === "") throw new Error(`${where}[${i}].title is empty.`);
    seen.add(tile.command);
  });
  return tiles;
}

/** The menu object of `stage`; `version` (a short hash of the image source) ends its name. */
export function richMenuDefinition(
  stage: MenuStage,
  version: string,
  tiles: readonly RichMenuTile[] = richMenus[stage].tiles,
): RichMenuDefinition {
  const layout = STAGE_LAYOUTS[stage];
  return {
    size: { ...layout.size },
    selected: false,
    name: `${RICH_MENU_NAME_PREFIX} ${stage} ${version}`,
    chatBarText: richMenus[stage].chatBarText,
    areas: richMenuTiles(stage, tiles).map((tile, i) => ({
      bounds: tileBounds(i, layout),
      action: { type: "postback", data: commandData(tile.command), displayText: tile.title },
    })),
  };
}

/**
 * What LINE would reject in `menu`, one line each, naming the property; empty when valid.
 * The deploy checks this before calling LINE; the LINE stand-in answers 400 with it.
 */
export function richMenuProblems(menu: unknown): string[] {
  if (!isRecord(menu)) return ["richMenu: must be an object"];
  const problems: string[] = [];
  const size = menu["size"];
  const width = isRecord(size) ? size["width"] : undefined;
  const height = isRecord(size) ? size["height"] : undefined;
  if (!isInt(width) || !isInt(height)) {
    problems.push("size: width and height must be whole numbers");
  } else {
    problems.push(...imageSizeProblems(width, height).map((p) => `size: ${p}`));
  }
  if (typeof menu["selected"] !== "boolean") problems.push("selected: must be true or false");
  const name = menu["name"];
  if (typeof name !== "string" || name.length < 1 || name.length > RICH_MENU_LIMITS.maxNameLength) {
    problems.push(`name: must be 1 to ${RICH_MENU_LIMITS.maxNameLength} characters`);
  }
  const bar = menu["chatBarText"];
  const { minChatBarTextLength: minBar, maxChatBarTextLength: maxBar } = RICH_MENU_LIMITS;
  if (typeof bar !== "string" || bar.length < minBar || bar.length > maxBar)
    problems.push(`chatBarText: must be ${minBar} to ${maxBar} characters`);
  const areas = menu["areas"];
  if (!Array.isArray(areas)) return [...problems, "areas: must be an array"];
  if (areas.length > RICH_MENU_LIMITS.maxAreas) problems.push(`areas: at most ${RICH_MENU_LIMITS.maxAreas}, got ${areas.length}`);
  areas.forEach((area: unknown, i) => {
    const where = `areas[${i}]`;
    const bounds = isRecord(area) ? area["bounds"] : undefined;
    if (!isRecord(bounds) || !["x", "y", "width", "height"].every((k) => isInt(bounds[k]))) {
      problems.push(`${where}.bounds: x, y, width and height must be whole numbers`);
    } else {
      const b = bounds as unknown as Bounds;
      const inside =
        b.x >= 0 &&
        b.y >= 0 &&
        b.width >= 1 &&
        b.height >= 1 &&
        isInt(width) &&
        isInt(height) &&
        b.x + b.width <= width &&
        b.y + b.height <= height;
      if (!inside) problems.push(`${where}.bounds: must lie within the rich menu's size`);
    }
    problems.push(...actionProblems(isRecord(area) ? area["action"] : undefined, `${where}.action`));
  });
  return problems;
}

/** What LINE would reject in an image of `width` × `height` pixels. */
export function imageSizeProblems(width: number, height: number): string[] {
  const { minImageWidth, maxImageWidth, minImageHeight, minAspectRatio } = RICH_MENU_LIMITS;
  const problems: string[] = [];
  if (width < minImageWidth || width > maxImageWidth)
    problems.push(`width must be ${minImageWidth} to ${maxImageWidth} pixels, got ${width}`);
  if (height < minImageHeight) problems.push(`height must be at least ${minImageHeight} pixels, got ${height}`);
  if (height > 0 && width / height < minAspectRatio)
    problems.push(`width ÷ height must be at least ${minAspectRatio}, got ${(width / height).toFixed(3)}`);
  return problems;
}

function actionProblems(action: unknown, where: string): string[] {
  if (!isRecord(action) || typeof action["type"] !== "string") return [`${where}: must be an action with a type`];
  const problems: string[] = [];
  const label = action["label"];
  if (label !== undefined && (typeof label !== "string" || label.length > LINE_LIMITS.maxActionLabelLength)) {
    problems.push(`${where}.label: at most ${LINE_LIMITS.maxActionLabelLength} characters`);
  }
  if (action["type"] === "postback") {
    const data = action["data"];
    if (typeof data !== "string" || data.length > MAX_POSTBACK_DATA)
      problems.push(`${where}.data: must be at most ${MAX_POSTBACK_DATA} characters`);
    const display = action["displayText"];
    if (
      display !== undefined &&
      (typeof display !== "string" || display.length < 1 || display.length > LINE_LIMITS.maxPostbackDisplayTextLength)
    ) {
      problems.push(`${where}.displayText: must be 1 to ${LINE_LIMITS.maxPostbackDisplayTextLength} characters`);
    }
  }
  return problems;
}

function isInt(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
