/**
 * A rich menu's image source: an SVG drawn from a stage's tiles in the content module (one
 * card per tile with a line icon, the title and a one-line hint), so a label change is an
 * edit there and `npm run richmenu`. Every shape is drawn here; the only outside input is
 * the Noto Sans CJK font the rasterizer loads.
 */
import { createHash } from "node:crypto";
import { richMenus, type CommandId, type MenuStage } from "../../src/dialogue";
import { richMenuTiles, STAGE_LAYOUTS, tileBounds, type Bounds, type RichMenuTile } from "./richmenu-layout";

/** The font family the SVG asks for; `./richmenu-image` loads it from Debian's fonts-noto-cjk. */
export const FONT_FAMILY = "Noto Sans CJK JP";

const BACKGROUND = "#ECE7DE";
const CARD = "#FFFDF9";
const TITLE_COLOR = "#2B3439";
const HINT_COLOR = "#5E666B";
const GAP = 14;
const CARD_RADIUS = 44;
const TEXT_PADDING = 64;
const TITLE_MAX_SIZE = 100;
const TITLE_MIN_SIZE = 80;
const HINT_MAX_SIZE = 60;
const HINT_MIN_SIZE = 48;
const ICON_RADIUS = 132;

/** Muted pairs (disc, line) for the tiles, in tile order. */
const PALETTE: readonly { disc: string; line: string }[] = [
  { disc: "#F4E7CC", line: "#A0702A" },
  { disc: "#F5E0DB", line: "#AD5A50" },
  { disc: "#DDEAE2", line: "#3D7763" },
  { disc: "#DEE7F1", line: "#476F98" },
  { disc: "#E7E2F0", line: "#6A5B94" },
  { disc: "#D9EBEA", line: "#2E7472" },
];

/** Line icons drawn around (0, 0) within about ±72 px, stroked in the tile's colour. */
const ICONS: Partial<Record<CommandId, string>> = {
  will: `<path d="M0 -74 L17 -17 L74 0 L17 17 L0 74 L-17 17 L-74 0 L-17 -17 Z"/>`,
  logThanks:
    `<path d="M0 60 C-24 44 -72 12 -72 -24 C-72 -50 -52 -66 -31 -66 C-15 -66 -5 -57 0 -46 ` +
    `C5 -57 15 -66 31 -66 C52 -66 72 -50 72 -24 C72 12 24 44 0 60 Z"/>`,
  reflect: `<path d="M66 6 A66 66 0 1 1 42 -51"/><path d="M34 -88 L42 -51 L4 -50"/>`,
  records: `<rect x="-54" y="-70" width="108" height="140" rx="14"/><path d="M-28 -32 H28 M-28 0 H28 M-28 32 H8"/>`,
  reminder:
    `<path d="M-54 36 C-44 26 -44 10 -44 -10 C-44 -40 -24 -58 0 -58 C24 -58 44 -40 44 -10 C44 10 44 26 54 36 Z"/>` +
    `<path d="M-16 52 A16 16 0 0 0 16 52 M0 -58 V-70"/>`,
  consult:
    `<path d="M-62 -56 H62 Q72 -56 72 -46 V22 Q72 32 62 32 H-6 L-40 62 V32 H-62 Q-72 32 -72 22 V-46 Q-72 -56 -62 -56 Z"/>` +
    `<circle cx="-30" cy="-12" r="4"/><circle cx="0" cy="-12" r="4"/><circle cx="30" cy="-12" r="4"/>`,
  help: `<circle r="68"/><path d="M-22 -22 C-22 -60 30 -56 26 -24 C24 -6 0 -4 0 20"/><circle cy="44" r="3"/>`,
  start: `<path d="M-34 -62 L62 0 L-34 62 Z"/>`,
  dataPolicy: `<path d="M0 -72 L60 -48 V2 C60 40 32 62 0 74 C-32 62 -60 40 -60 2 V-48 Z"/><path d="M-26 2 L-6 22 L30 -18"/>`,
  backToBot: `<path d="M62 56 V0 C62 -26 44 -40 18 -40 H-58"/><path d="M-24 -74 L-58 -40 L-24 -6"/>`,
  myData: `<circle cx="-12" cy="-12" r="48"/><path d="M24 24 L66 66"/>`,
};
const FALLBACK_ICON = `<circle r="24"/>`;

/** The SVG document of `stage`'s menu for `tiles` (the content module's by default), of the stage's size. */
export function richMenuSvg(stage: MenuStage, tiles: readonly RichMenuTile[] = richMenus[stage].tiles): string {
  const checked = richMenuTiles(stage, tiles);
  const layout = STAGE_LAYOUTS[stage];
  const cardWidth = Math.min(...checked.map((_, i) => tileBounds(i, layout).width)) - 2 * GAP;
  const textWidth = cardWidth - 2 * TEXT_PADDING;
  const where = `richMenus.${stage}.tiles`;
  const titleSize = fittingSize(checked, "title", textWidth, TITLE_MAX_SIZE, TITLE_MIN_SIZE, where);
  const hintSize = fittingSize(checked, "hint", textWidth, HINT_MAX_SIZE, HINT_MIN_SIZE, where);
  const { width, height } = layout.size;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<rect width="${width}" height="${height}" fill="${BACKGROUND}"/>`,
    `<g font-family="${FONT_FAMILY}" text-anchor="middle">`,
    ...checked.map((tile, i) => tileSvg(tile, tileBounds(i, layout), i, titleSize, hintSize)),
    `</g>`,
    `</svg>`,
    "",
  ].join("\n");
}

/** SHA-256 (hex) of an SVG source; recorded in the PNG so a test can tell a stale image. */
export function sourceHash(svg: string): string {
  return createHash("sha256").update(svg, "utf8").digest("hex");
}

function tileSvg(tile: RichMenuTile, b: Bounds, index: number, titleSize: number, hintSize: number): string {
  const colors = PALETTE[index % PALETTE.length];
  const cx = b.x + b.width / 2;
  const top = b.y + GAP;
  const iconY = top + 286;
  const titleY = top + 590;
  const hintY = titleY + Math.round(hintSize * 1.9);
  const stroke = `fill="none" stroke="${colors.line}" stroke-width="12" stroke-linecap="round" stroke-linejoin="round"`;
  return [
    `<g>`,
    `<rect x="${b.x + GAP}" y="${top}" width="${b.width - 2 * GAP}" height="${b.height - 2 * GAP}" rx="${CARD_RADIUS}" fill="${CARD}"/>`,
    `<circle cx="${cx}" cy="${iconY}" r="${ICON_RADIUS}" fill="${colors.disc}"/>`,
    `<g transform="translate(${cx} ${iconY})" ${stroke}>${ICONS[tile.command] ?? FALLBACK_ICON}</g>`,
    `<text x="${cx}" y="${titleY}" font-size="${titleSize}" font-weight="700" fill="${TITLE_COLOR}">${escapeXml(tile.title)}</text>`,
    `<text x="${cx}" y="${hintY}" font-size="${hintSize}" fill="${HINT_COLOR}">${escapeXml(tile.hint)}</text>`,
    `</g>`,
  ].join("\n");
}

/**
 * The largest font size (a multiple of 4, at most `max`) at which every tile's `field` fits
 * in `width`; throws, naming the content entry, when one would be smaller than `min`.
 */
function fittingSize(
  tiles: readonly RichMenuTile[],
  field: "title" | "hint",
  width: number,
  max: number,
  min: number,
  where: string,
): number {
  const size = Math.min(max, ...tiles.map((tile) => Math.floor(width / emWidth(tile[field]) / 4) * 4));
  if (size >= min) return size;
  const longest = Math.floor(width / min);
  const index = tiles.findIndex((tile) => emWidth(tile[field]) > longest);
  throw new Error(
    `${where}[${index}].${field} in src/dialogue/content/rich-menu.ts is too long to read on the menu: at most ${longest} full-width characters fit.`,
  );
}

/** Approximate width in em: full-width characters 1, ASCII about 0.65. */
function emWidth(text: string): number {
  return [...text].reduce((sum, c) => sum + (c.charCodeAt(0) < 0x80 ? 0.65 : 1), 0);
}

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
