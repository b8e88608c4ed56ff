/**
 * `npm run richmenu -- --deploy` against the LINE stand-in over real HTTP: create, upload,
 * default, replace, clean up only its own menus; and the operator's errors.
 */
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { startLineStandIn, type LineStandIn } from "../../scripts/lib/line-stand-in";
import {
  deployRichMenu,
  LINE_API_DATA_DEFAULT_BASE_URL,
  loadRichMenuConfig,
  RichMenuDeployError,
  type RichMenuConfig,
} from "../../scripts/lib/richmenu-deploy";
import { IMAGE_PATH } from "../../scripts/lib/richmenu-image";
import { richMenuDefinition, RICH_MENU_NAME_PREFIX, type RichMenuDefinition } from "../../scripts/lib/richmenu-layout";
import { isImageCurrent } from "../../scripts/lib/richmenu-png";
import { richMenuSvg, sourceHash } from "../../scripts/lib/richmenu-svg";

const ROOT = join(__dirname, "..", "..");
const TOKEN = "richmenu-test-token-7f3a9c";
const image = readFileSync(join(ROOT, IMAGE_PATH));
const definition = richMenuDefinition(sourceHash(richMenuSvg()).slice(0, 12));

let line: LineStandIn;
let config: RichMenuConfig;

beforeAll(async () => {
  // The command draws a stale image before deploying; a test must not rewrite assets/.
  if (!isImageCurrent(image, sourceHash(richMenuSvg()))) throw new Error(`${IMAGE_PATH} is stale: run npm run richmenu`);
  line = await startLineStandIn({ channelAccessToken: TOKEN });
  config = loadRichMenuConfig({ LINE_CHANNEL_ACCESS_TOKEN: TOKEN, LINE_API_BASE_URL: line.url });
});
afterEach(() => line.reset());
afterAll(() => line.close());

/** GETs `path` from the stand-in as LINE's API. */
async function get(path: string): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${line.url}${path}`, { headers: { authorization: `Bearer ${TOKEN}` } });
  return { status: res.status, body: await res.json() };
}

async function menus(): Promise<(RichMenuDefinition & { richMenuId: string })[]> {
  return ((await get("/v2/bot/richmenu/list")).body as { richmenus: (RichMenuDefinition & { richMenuId: string })[] }).richmenus;
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

describe("deploying the rich menu", () => {
  it("creates the menu, uploads the image to it and makes it the default", async () => {
    const result = await deployRichMenu(config, definition, image);

    expect(result).toMatchObject({ deleted: [], cleanupProblem: null });
    expect(line.calls().map((call) => `${call.method} ${call.path.replace(result.richMenuId, "{id}")} ${call.status}`)).toEqual([
      "POST /v2/bot/richmenu/validate 200",
      "POST /v2/bot/richmenu 200",
      "POST /v2/bot/richmenu/{id}/content 200",
      "POST /v2/bot/user/all/richmenu/{id} 200",
      "GET /v2/bot/richmenu/list 200",
    ]);
    expect(await menus()).toEqual([{ richMenuId: result.richMenuId, ...definition }]);
    expect((await get("/v2/bot/user/all/richmenu")).body).toEqual({ richMenuId: result.richMenuId });
    const upload = line.calls().find((call) => call.path === `/v2/bot/richmenu/${result.richMenuId}/content`);
    expect(upload).toMatchObject({ method: "POST", status: 200 });
    expect(upload!.headers["content-type"]).toBe("image/png");
    expect(Buffer.compare(upload!.body as Buffer, image)).toBe(0);
  });

  it("replaces its previous menu on a second deploy and leaves other menus alone", async () => {
    const first = await deployRichMenu(config, definition, image);
    const others = { ...definition, name: "made in LINE Official Account Manager" };
    const created = await fetch(`${line.url}/v2/bot/richmenu`, {
      method: "POST",
      headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" },
      body: JSON.stringify(others),
    });
    const otherId = ((await created.json()) as { richMenuId: string }).richMenuId;

    const second = await deployRichMenu(config, definition, image);

    expect(second.richMenuId).not.toBe(first.richMenuId);
    expect(second.deleted).toEqual([first.richMenuId]);
    const left = await menus();
    expect(left.filter((menu) => menu.name.startsWith(RICH_MENU_NAME_PREFIX)).map((menu) => menu.richMenuId)).toEqual([second.richMenuId]);
    expect(left.map((menu) => menu.richMenuId)).toContain(otherId);
    expect((await get("/v2/bot/user/all/richmenu")).body).toEqual({ richMenuId: second.richMenuId });
    expect((await get(`/v2/bot/richmenu/${first.richMenuId}`)).status).toBe(404);
  });

  it("deletes the new menu and keeps the old default when making it the default fails", async () => {
    const first = await deployRichMenu(config, definition, image);
    line.failNext("/v2/bot/user/all/richmenu/", 500, 1);

    const error = await deployRichMenu(config, definition, image).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(RichMenuDeployError);
    expect(error).toMatchObject({ step: "setDefault", status: 500 });
    expect((await menus()).map((menu) => menu.richMenuId)).toEqual([first.richMenuId]);
    expect((await get("/v2/bot/user/all/richmenu")).body).toEqual({ richMenuId: first.richMenuId });
  });

  it("reports, without failing, earlier menus it could not delete once the new one is live", async () => {
    const first = await deployRichMenu(config, definition, image);
    line.failNext(`/v2/bot/richmenu/${first.richMenuId}`, 500, 1);

    const second = await deployRichMenu(config, definition, image);

    expect(second.deleted).toEqual([]);
    expect(second.cleanupProblem).toContain("HTTP 500");
    expect((await get("/v2/bot/user/all/richmenu")).body).toEqual({ richMenuId: second.richMenuId });
  });

  it("refuses an image that is not the menu's size before calling LINE", async () => {
    const tiny = Buffer.from(image);
    tiny.writeUInt32BE(1200, 16);
    const error = await deployRichMenu(config, definition, tiny).catch((e: unknown) => e);
    expect(error).toMatchObject({
      step: "check",
      message: expect.stringContaining("1200 × 1686 pixels, but the menu is 2500 × 1686") as string,
    });
    expect(line.calls()).toEqual([]);
  });

  it("runs as `npm run richmenu -- --deploy`, twice, leaving one menu of its own as the default", async () => {
    const env = { LINE_CHANNEL_ACCESS_TOKEN: TOKEN, LINE_API_BASE_URL: line.url };
    const first = await runCommand(env);
    expect(first).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/^Rich menu richmenu-[0-9a-f]{32} is now the default for every user\.\n$/) as string,
    });
    const second = await runCommand(env);
    expect(second.code).toBe(0);
    const [only, ...rest] = await menus();
    expect(rest).toEqual([]);
    expect(second.stdout).toContain(`Rich menu ${only.richMenuId} is now the default`);
    expect((await get("/v2/bot/user/all/richmenu")).body).toEqual({ richMenuId: only.richMenuId });
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
