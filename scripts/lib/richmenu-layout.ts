/**
 * The rich menu as data: a 3 × 2 grid over a 2500 × 1686 image whose tiles come from
 * `richMenu` in the content module, each tile one postback area sending the same command
 * data as the typed command (`w1|cmd|<id>`), with the tile's title as the chat's echo.
 */
import { richMenu, commandData, MAX_POSTBACK_DATA, type CommandId } from "../../src/dialogue";
import { LINE_LIMITS } from "../../src/line/limits";

/** One tile of the menu, as written in the content module. */
export type RichMenuTile = (typeof richMenu.tiles)[number];

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

/** The image size: LINE's large menu. */
export const RICH_MENU_SIZE = { width: 2500, height: 1686 } as const;
/** Columns and rows of the grid. */
export const GRID = { columns: 3, rows: 2 } as const;
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

/** Tile `index`'s rectangle; the grid covers the image exactly, spare pixels going to the middle. */
export function tileBounds(index: number): Bounds {
  const column = index % GRID.columns;
  const row = Math.floor(index / GRID.columns);
  const edge = (total: number, parts: number, i: number): number => (i === parts ? total : Math.round((total * i) / parts));
  const x = edge(RICH_MENU_SIZE.width, GRID.columns, column);
  const y = edge(RICH_MENU_SIZE.height, GRID.rows, row);
  return {
    x,
    y,
    width: edge(RICH_MENU_SIZE.width, GRID.columns, column + 1) - x,
    height: edge(RICH_MENU_SIZE.height, GRID.rows, row + 1) - y,
  };
}

/**
 * The tiles of the content module, checked: exactly one per grid cell, each a different
 * command. Throws with the content entry to fix otherwise.
 */
export function richMenuTiles(tiles: readonly RichMenuTile[] = richMenu.tiles): readonly RichMenuTile[] {
  const cells = GRID.columns * GRID.rows;
  if (tiles.length !== cells) {
    throw new Error(
      `richMenu.tiles in src/dialogue/content/rich-menu.ts has ${tiles.length} tiles; the menu's grid needs exactly ${cells}.`,
    );
  }
  const seen = new Set<CommandId>();
  tiles.forEach((tile, i) => {
    if (seen.has(tile.command)) throw new Error(`richMenu.tiles[${i}] repeats the command "${tile.command}".`);
    if (tile.title.trim() === "") throw new Error(`richMenu.tiles[${i}].title is empty.`);
    seen.add(tile.command);
  });
  return tiles;
}

/** The menu object for `tiles`; `version` (a short hash of the image source) ends its name. */
export function richMenuDefinition(version: string, tiles: readonly RichMenuTile[] = richMenu.tiles): RichMenuDefinition {
  return {
    size: { ...RICH_MENU_SIZE },
    selected: false,
    name: `${RICH_MENU_NAME_PREFIX} ${version}`,
    chatBarText: richMenu.chatBarText,
    areas: richMenuTiles(tiles).map((tile, i) => ({
      bounds: tileBounds(i),
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
