/**
 * `npm run richmenu -- --deploy` against the LINE stand-in over real HTTP: create and upload
 * every stage's menu, point the aliases at them, make the main one the default, replace, clean
 * up only its own menus; and the operator's errors.
 */
import { execFile } from "node:child_process";
import { join } from "node:path";
import { MENU_STAGES } from "../../src/dialogue";
import { RICH_MENU_ALIAS_IDS } from "../../src/line/surface";
import { startLineStandIn, type LineStandIn } from "../../scripts/lib/line-stand-in";
import {
  deployRichMenus,
  LINE_API_DATA_DEFAULT_BASE_URL,
  loadRichMenuConfig,
  RichMenuDeployError,
  type RichMenuConfig,
} from "../../scripts/lib/richmenu-deploy";
import { imagePath } from "../../scripts/lib/richmenu-image";
import { RICH_MENU_NAME_PREFIX, type RichMenuDefinition } from "../../scripts/lib/richmenu-layout";
import { committedImage, stageMenus } from "../../scripts/lib/richmenu-stages";

const ROOT = join(__dirname, "..", "..");
const TOKEN = "richmenu-test-token-7f3a9c";

let line: LineStandIn;
let config: RichMenuConfig;

beforeAll(async () => {
  // The command draws a stale image before deploying; a test must not rewrite assets/.
  for (const stage of MENU_STAGES) {
    if (committedImage(ROOT, stage) === null) throw new Error(`${imagePath(stage)} is stale: run npm run richmenu`);
  }
  line = await startLineStandIn({ channelAccessToken: TOKEN });
  config = loadRichMenuConfig({ LINE_CHANNEL_ACCESS_TOKEN: TOKEN, LINE_API_BASE_URL: line.url });
});
afterEach(() => line.reset());
afterAll(() => line.close());

const menusToDeploy = () => stageMenus(ROOT);

/** GETs `path` from the stand-in as LINE's API. */
async function get(path: string): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${line.url}${path}`, { headers: { authorization: `Bearer ${TOKEN}` } });
  return { status: res.status, body: await res.json() };
}

async function menus(): Promise<(RichMenuDefinition & { richMenuId: string })[]> {
  return ((await get("/v2/bot/richmenu/list")).body as { richmenus: (RichMenuDefinition & { richMenuId: string })[] }).richmenus;
}

async function aliases(): Promise<Record<string, string>> {
  const { aliases: list } = (await get("/v2/bot/richmenu/alias/list")).body as {
    aliases: { richMenuAliasId: string; richMenuId: string }[];
  };
  return Object.fromEntries(list.map((alias) => [alias.richMenuAliasId, alias.richMenuId]));
}

/** Runs the command as an operator would; resolves with its exit code and output. */
function runCommand(env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const { LINE_CHANNEL_ACCESS_TOKEN: _t, LINE_API_BASE_URL: _b, LINE_API_DATA_BASE_URL: _d, ...rest } = process.env;
  const tsx = join(ROOT, "node_modules", ".bin", "tsx");
  return new Promise((resolve) => {
    execFile(
      tsx,
      [join(ROOT, "scripts", "richmenu.ts"), "--deploy"],
      { cwd: ROOT, env: { ...rest, ...env }, timeout: 60_000 },
      (error, stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === "number" ? error.code : null) : 0, stdout, stderr });
      },
    );
  });
}

describe("deploying the rich menus", () => {
  it("creates a menu per stage with its image, points each stage's alias at it and makes the main one the default", async () => {
    const deployed = menusToDeploy();
    const result = await deployRichMenus(config, deployed);

    expect(result).toMatchObject({ deleted: [], cleanupProblem: null });
    const ids = MENU_STAGES.map((stage) => result.richMenuIds[stage]);
    expect(new Set(ids).size).toBe(3);
    expect(await aliases()).toEqual(
      Object.fromEntries(MENU_STAGES.map((stage) => [RICH_MENU_ALIAS_IDS[stage], result.richMenuIds[stage]])),
    );
    expect((await get("/v2/bot/user/all/richmenu")).body).toEqual({ richMenuId: result.richMenuIds.main });
    for (const { stage, definition, image } of deployed) {
      const id = result.richMenuIds[stage]!;
      expect((await get(`/v2/bot/richmenu/${id}`)).body).toEqual({ richMenuId: id, ...definition });
      const upload = line.calls().find((call) => call.path === `/v2/bot/richmenu/${id}/content`);
      expect(upload!.headers["content-type"]).toBe("image/png");
      expect(Buffer.compare(upload!.body as Buffer, image)).toBe(0);
    }
  });

  it("replaces its previous menus on a second deploy, moves the aliases and leaves other menus alone", async () => {
    const first = await deployRichMenus(config, menusToDeploy());
    const others = { ...menusToDeploy()[0].definition, name: "made in LINE Official Account Manager" };
    const created = await fetch(`${line.url}/v2/bot/richmenu`, {
      method: "POST",
      headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" },
      body: JSON.stringify(others),
    });
    const otherId = ((await created.json()) as { richMenuId: string }).richMenuId;

    const second = await deployRichMenus(config, menusToDeploy());

    expect(second.deleted.sort()).toEqual(Object.values(first.richMenuIds).sort());
    const left = await menus();
    expect(
      left
        .filter((menu) => menu.name.startsWith(RICH_MENU_NAME_PREFIX))
        .map((menu) => menu.richMenuId)
        .sort(),
    ).toEqual(Object.values(second.richMenuIds).sort());
    expect(left.map((menu) => menu.richMenuId)).toContain(otherId);
    expect((await aliases())[RICH_MENU_ALIAS_IDS.consultant]).toBe(second.richMenuIds.consultant);
    expect((await get("/v2/bot/user/all/richmenu")).body).toEqual({ richMenuId: second.richMenuIds.main });
  });

  it("moves the aliases back, deletes the new menus and keeps the old default when making it the default fails", async () => {
    const first = await deployRichMenus(config, menusToDeploy());
    line.failNext("/v2/bot/user/all/richmenu/", 500, 1);

    const error = await deployRichMenus(config, menusToDeploy()).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(RichMenuDeployError);
    expect(error).toMatchObject({ step: "setDefault", status: 500 });
    expect((await menus()).map((menu) => menu.richMenuId).sort()).toEqual(Object.values(first.richMenuIds).sort());
    expect((await aliases())[RICH_MENU_ALIAS_IDS.onboarding]).toBe(first.richMenuIds.onboarding);
    expect((await get("/v2/bot/user/all/richmenu")).body).toEqual({ richMenuId: first.richMenuIds.main });
  });

  it("reports, without failing, earlier menus it could not delete once the new ones are live", async () => {
    const first = await deployRichMenus(config, menusToDeploy());
    line.failNext(`/v2/bot/richmenu/${first.richMenuIds.onboarding}`, 500, 1);

    const second = await deployRichMenus(config, menusToDeploy());

    expect(second.deleted).not.toContain(first.richMenuIds.onboarding);
    expect(second.cleanupProblem).toContain("HTTP 500");
    expect((await get("/v2/bot/user/all/richmenu")).body).toEqual({ richMenuId: second.richMenuIds.main });
  });

  it("refuses an image that is not the menu's size before calling LINE", async () => {
    const [onboarding, ...rest] = menusToDeploy();
    const tiny = Buffer.from(onboarding.image);
    tiny.writeUInt32BE(1200, 16);
    const error = await deployRichMenus(config, [{ ...onboarding, image: tiny }, ...rest]).catch((e: unknown) => e);
    expect(error).toMatchObject({
      step: "check",
      message: expect.stringContaining("1200 × 843 pixels, but the menu is 2500 × 843") as string,
    });
    expect(line.calls()).toEqual([]);
  });

  it("runs as `npm run richmenu -- --deploy`, twice, leaving one menu of its own per stage", async () => {
    const env = { LINE_CHANNEL_ACCESS_TOKEN: TOKEN, LINE_API_BASE_URL: line.url };
    const first = await runCommand(env);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^onboarding: rich menu richmenu-[0-9a-f]{32}, alias will-note-onboarding$/m);
    expect(first.stdout).toContain("The main menu is now the default for every user.");
    const second = await runCommand(env);
    expect(second.code).toBe(0);
    const left = await menus();
    expect(left).toHaveLength(3);
    expect((await get("/v2/bot/user/all/richmenu")).body).toEqual({ richMenuId: (await aliases())[RICH_MENU_ALIAS_IDS.main] });
    expect(`${first.stdout}${first.stderr}${second.stdout}${second.stderr}`).not.toContain(TOKEN);
  }, 120_000);

  it("stops with exit 1 and points at the token when LINE refuses it, without printing it", async () => {
    const wrong = "wrong-token-5d1e0b";
    const result = await runCommand({ LINE_CHANNEL_ACCESS_TOKEN: wrong, LINE_API_BASE_URL: line.url });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("HTTP 401");
    expect(result.stderr).toContain("check LINE_CHANNEL_ACCESS_TOKEN");
    expect(`${result.stdout}${result.stderr}`).not.toContain(wrong);
    expect(await menus()).toEqual([]);
  }, 60_000);

  it("stops with exit 2 naming the variable when the token is not set", async () => {
    const result = await runCommand({});
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("LINE_CHANNEL_ACCESS_TOKEN is not set");
  }, 60_000);
});

describe("the deploy's configuration", () => {
  it("uses LINE's hosts by default", () => {
    expect(loadRichMenuConfig({ LINE_CHANNEL_ACCESS_TOKEN: "t" })).toEqual({
      channelAccessToken: "t",
      apiBaseUrl: "https://api.line.me",
      dataApiBaseUrl: LINE_API_DATA_DEFAULT_BASE_URL,
    });
  });

  it("sends the image to the API's own origin when that is not LINE's, unless told otherwise", () => {
    expect(loadRichMenuConfig({ LINE_CHANNEL_ACCESS_TOKEN: "t", LINE_API_BASE_URL: "http://127.0.0.1:9/" }).dataApiBaseUrl).toBe(
      "http://127.0.0.1:9",
    );
    expect(
      loadRichMenuConfig({
        LINE_CHANNEL_ACCESS_TOKEN: "t",
        LINE_API_BASE_URL: "http://127.0.0.1:9",
        LINE_API_DATA_BASE_URL: "http://127.0.0.1:10",
      }).dataApiBaseUrl,
    ).toBe("http://127.0.0.1:10");
  });

  it("names every problem at once", () => {
    expect(() => loadRichMenuConfig({ LINE_API_DATA_BASE_URL: "ftp://x" })).toThrow(
      /LINE_CHANNEL_ACCESS_TOKEN is not set[\s\S]*LINE_API_DATA_BASE_URL must be an http\(s\) URL/,
    );
  });
});
