/**
 * The committed rich-menu images and the menu objects of every stage: LINE's limits, images
 * that match the labels in the content module, and areas that tile each image with the typed commands.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { matchCommand } from "../../src/dialogue/commands";
import { richMenus } from "../../src/dialogue/content";
import { MENU_STAGES } from "../../src/dialogue/menu";
import { decodePostback, MAX_POSTBACK_DATA } from "../../src/dialogue/postback";
import { FONT_FILE_NAMES, FontsMissingError, findFonts, imagePath, svgPath } from "../../scripts/lib/richmenu-image";
import {
  RICH_MENU_LIMITS,
  RICH_MENU_NAME_PREFIX,
  richMenuDefinition,
  richMenuProblems,
  richMenuTiles,
  STAGE_LAYOUTS,
  type RichMenuDefinition,
} from "../../scripts/lib/richmenu-layout";
import { isImageCurrent, readPngInfo, SOURCE_HASH_KEYWORD } from "../../scripts/lib/richmenu-png";
import { richMenuSvg, sourceHash } from "../../scripts/lib/richmenu-svg";

const ROOT = join(__dirname, "..", "..");
const main = richMenus.main.tiles;

describe.each(MENU_STAGES)("the committed %s rich-menu image", (stage) => {
  const png = readFileSync(join(ROOT, imagePath(stage)));

  it("is a PNG of LINE's size for the stage, within 1 MB", () => {
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    const info = readPngInfo(png);
    expect(info).toMatchObject(STAGE_LAYOUTS[stage].size);
    expect(info!.width / info!.height).toBeGreaterThanOrEqual(RICH_MENU_LIMITS.minAspectRatio);
    expect(png.length).toBeLessThanOrEqual(1024 * 1024);
  });

  it("was drawn from the current labels (else run `npm run richmenu` and commit assets/)", () => {
    const svg = richMenuSvg(stage);
    expect(readPngInfo(png)?.text[SOURCE_HASH_KEYWORD]).toBe(sourceHash(svg));
    expect(isImageCurrent(png, sourceHash(svg))).toBe(true);
    expect(readFileSync(join(ROOT, svgPath(stage)), "utf8")).toBe(svg);
  });

  it("writes every title into the SVG", () => {
    const svg = richMenuSvg(stage);
    for (const tile of richMenus[stage].tiles) expect(svg).toContain(`>${tile.title}</text>`);
  });
});

describe("drawing a rich-menu image", () => {
  const png = readFileSync(join(ROOT, imagePath("main")));

  it("would be stale after a label change", () => {
    const edited = main.map((tile, i) => (i === 0 ? { ...tile, hint: `${tile.hint}！` } : tile));
    const svg = richMenuSvg("main", edited);
    expect(svg).toContain(`${main[0].hint}！`);
    expect(isImageCurrent(png, sourceHash(svg))).toBe(false);
  });

  it("refuses a title or hint too long to read, naming the content entry", () => {
    const long = (field: "title" | "hint", text: string) => main.map((tile, i) => (i === 2 ? { ...tile, [field]: text } : tile));
    expect(() => richMenuSvg("main", long("title", "あ".repeat(9)))).toThrow(
      "richMenus.main.tiles[2].title in src/dialogue/content/rich-menu.ts is too long",
    );
    expect(() => richMenuSvg("main", long("hint", "あ".repeat(15)))).toThrow(
      "richMenus.main.tiles[2].hint in src/dialogue/content/rich-menu.ts is too long",
    );
    expect(() => richMenuSvg("main", long("title", "あ".repeat(8)))).not.toThrow();
  });

  it("escapes XML in what it writes", () => {
    const odd = richMenuSvg(
      "main",
      main.map((tile, i) => (i === 5 ? { ...tile, hint: "A&B <C>" } : tile)),
    );
    expect(odd).toContain(">A&amp;B &lt;C&gt;</text>");
  });
});

describe.each(MENU_STAGES)("the %s rich menu object", (stage) => {
  const definition = richMenuDefinition(stage, "0123456789ab");
  const tiles = richMenus[stage].tiles;

  it("passes LINE's checks: size, name, chat bar text, at most 20 areas inside the image", () => {
    expect(richMenuProblems(definition)).toEqual([]);
    expect(definition.size).toEqual(STAGE_LAYOUTS[stage].size);
    expect(definition.name.startsWith(RICH_MENU_NAME_PREFIX)).toBe(true);
    expect(definition.name).toContain(stage);
    expect(definition.chatBarText.length).toBeLessThanOrEqual(14);
    expect(definition.areas).toHaveLength(tiles.length);
  });

  it("tiles the image exactly: every pixel belongs to one area", () => {
    const { width, height } = definition.size;
    const covered = new Uint8Array(width * height);
    for (const { bounds: b } of definition.areas) {
      for (let y = b.y; y < b.y + b.height; y++) {
        for (let x = b.x; x < b.x + b.width; x++) covered[y * width + x] += 1;
      }
    }
    expect(covered.every((count) => count === 1)).toBe(true);
  });

  it("sends each tile's command as postback data, echoing a title that also works typed", () => {
    definition.areas.forEach((area, i) => {
      const tile = tiles[i];
      expect(area.action.data.length).toBeLessThanOrEqual(MAX_POSTBACK_DATA);
      expect(decodePostback(area.action.data)).toEqual({ kind: "command", command: tile.command });
      expect(area.action.displayText).toBe(tile.title);
      expect(matchCommand(tile.title)).toBe(tile.command);
    });
  });
});

describe("the tiles of each stage", () => {
  it("offer WILL, ありがとう記録, ふりかえり, 記録を見る, リマインダー and 相談したい or ヘルプ once consented", () => {
    const commands = main.map((tile) => tile.command);
    expect(commands).toEqual(expect.arrayContaining(["will", "logThanks", "reflect", "records", "reminder"]));
    expect(commands.filter((command) => command === "consult" || command === "help")).toHaveLength(1);
  });

  it("offer はじめる, ヘルプ and データの扱い before consent, and ボットに戻る, データ確認 and ヘルプ with a consultant", () => {
    expect(richMenus.onboarding.tiles.map((tile) => tile.title)).toEqual(["はじめる", "ヘルプ", "データの扱い"]);
    expect(richMenus.consultant.tiles.map((tile) => tile.title)).toEqual(["ボットに戻る", "データ確認", "ヘルプ"]);
  });
});

describe("checking a rich menu object", () => {
  const definition = richMenuDefinition("main", "0123456789ab");

  it.each<[string, (menu: RichMenuDefinition) => unknown, string]>([
    [
      "an area outside the image",
      (m) => ({ ...m, areas: [{ ...m.areas[0], bounds: { x: 2000, y: 0, width: 600, height: 10 } }] }),
      "areas[0].bounds: must lie within the rich menu's size",
    ],
    ["21 areas", (m) => ({ ...m, areas: Array.from({ length: 21 }, () => m.areas[0]) }), "areas: at most 20, got 21"],
    ["a 15-character chat bar text", (m) => ({ ...m, chatBarText: "あ".repeat(15) }), "chatBarText: must be 1 to 14 characters"],
    ["a 301-character name", (m) => ({ ...m, name: "a".repeat(301) }), "name: must be 1 to 300 characters"],
    [
      "a size too tall for its width",
      (m) => ({ ...m, size: { width: 1000, height: 1000 } }),
      "size: width ÷ height must be at least 1.45, got 1.000",
    ],
    [
      "postback data over 300 characters",
      (m) => ({ ...m, areas: [{ ...m.areas[0], action: { type: "postback", data: "x".repeat(301) } }] }),
      "areas[0].action.data: must be at most 300 characters",
    ],
  ])("finds %s", (_name, edit, problem) => {
    expect(richMenuProblems(edit(definition))).toContain(problem);
  });

  it("refuses a content module whose tiles do not fill the grid, naming the entry", () => {
    expect(() => richMenuTiles("main", main.slice(0, 5))).toThrow("richMenus.main.tiles in src/dialogue/content/rich-menu.ts has 5 tiles");
    expect(() => richMenuTiles("main", [...main.slice(0, 5), main[0]])).toThrow('richMenus.main.tiles[5] repeats the command "will"');
    expect(() => richMenuTiles("onboarding", main)).toThrow("richMenus.onboarding.tiles in src/dialogue/content/rich-menu.ts has 6 tiles");
  });
});

describe("finding the fonts", () => {
  const made: string[] = [];
  const tempDir = (prefix: string): string => {
    const dir = mkdtempSync(join(tmpdir(), prefix));
    made.push(dir);
    return dir;
  };
  afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it("names Debian's fonts-noto-cjk package when the fonts are missing", () => {
    const empty = tempDir("no-fonts-");
    let thrown: unknown;
    try {
      findFonts({}, [empty], empty);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(FontsMissingError);
    expect((thrown as Error).message).toContain("fonts-noto-cjk");
    expect((thrown as Error).message).toContain(FONT_FILE_NAMES[0]);
  });

  it("takes both files from RICHMENU_FONT_DIR, or finds them under the font root", () => {
    const dir = tempDir("fonts-");
    const nested = join(dir, "a", "b");
    mkdirSync(nested, { recursive: true });
    for (const name of FONT_FILE_NAMES) writeFileSync(join(nested, name), "");
    expect(findFonts({ RICHMENU_FONT_DIR: nested }, [], dir)).toEqual(FONT_FILE_NAMES.map((name) => join(nested, name)));
    expect(findFonts({}, [], dir)).toEqual(FONT_FILE_NAMES.map((name) => join(nested, name)));
    expect(() => findFonts({ RICHMENU_FONT_DIR: dir }, [], dir)).toThrow("RICHMENU_FONT_DIR");
  });
});
