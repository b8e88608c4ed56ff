/**
 * Deploying the rich menus of every stage through LINE's Messaging API: validate, create and
 * upload the image of each (to LINE's data host), point each stage's alias at its new menu
 * (the bot links users' menus through the aliases), make the main menu every user's default,
 * then delete the menus this tool made before (named with {@link RICH_MENU_NAME_PREFIX}; never
 * a new one, never one an alias or the default still shows, never another tool's). The channel
 * access token is sent to LINE only, never printed.
 */
import { messagingApi } from "@line/bot-sdk";
import { toLineApiError } from "../../src/line/error";
import { ConfigError, LINE_API_DEFAULT_BASE_URL } from "../../src/config";
import { DEFAULT_MENU_STAGE, RICH_MENU_ALIAS_IDS } from "../../src/line/surface";
import type { MenuStage } from "../../src/dialogue";
import { RICH_MENU_LIMITS, RICH_MENU_NAME_PREFIX, richMenuProblems, type RichMenuDefinition } from "./richmenu-layout";
import { readPngInfo } from "./richmenu-png";

/** LINE's host for uploads and downloads of content such as rich menu images. */
export const LINE_API_DATA_DEFAULT_BASE_URL = "https://api-data.line.me";

/** What the deploy needs; see {@link loadRichMenuConfig}. */
export interface RichMenuConfig {
  channelAccessToken: string;
  /** LINE's API origin, `https://api.line.me` unless `LINE_API_BASE_URL` says otherwise. */
  apiBaseUrl: string;
  /** LINE's data-host origin, for the image upload. */
  dataApiBaseUrl: string;
}

const URL_PATTERN = /^https?:\/\/[^/\s]+/;

/**
 * Reads `LINE_CHANNEL_ACCESS_TOKEN`, `LINE_API_BASE_URL` and `LINE_API_DATA_BASE_URL`. The
 * data host defaults to LINE's when the API is LINE's, else to the API's origin (the local
 * stand-in serves both). Throws a {@link ConfigError} naming every problem.
 */
export function loadRichMenuConfig(env: NodeJS.ProcessEnv): RichMenuConfig {
  const problems: string[] = [];
  const channelAccessToken = env["LINE_CHANNEL_ACCESS_TOKEN"]?.trim() ?? "";
  if (channelAccessToken === "") {
    problems.push(
      "LINE_CHANNEL_ACCESS_TOKEN is not set (find it in LINE Developers console → your channel → Messaging API → Channel access token (long-lived)).",
    );
  }
  const apiBaseUrl = (env["LINE_API_BASE_URL"]?.trim() || LINE_API_DEFAULT_BASE_URL).replace(/\/+$/, "");
  const fallbackData = apiBaseUrl === LINE_API_DEFAULT_BASE_URL ? LINE_API_DATA_DEFAULT_BASE_URL : apiBaseUrl;
  const dataApiBaseUrl = (env["LINE_API_DATA_BASE_URL"]?.trim() || fallbackData).replace(/\/+$/, "");
  for (const [name, value, example] of [
    ["LINE_API_BASE_URL", apiBaseUrl, LINE_API_DEFAULT_BASE_URL],
    ["LINE_API_DATA_BASE_URL", dataApiBaseUrl, LINE_API_DATA_DEFAULT_BASE_URL],
  ] as const) {
    if (!URL_PATTERN.test(value)) problems.push(`${name} must be an http(s) URL such as ${example}, not "${value}".`);
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return { channelAccessToken, apiBaseUrl, dataApiBaseUrl };
}

/** The deploy step that failed. */
export type DeployStep = "check" | "validate" | "create" | "upload" | "alias" | "setDefault" | "list" | "delete";

/** A deploy that stopped; the message says which step, LINE's answer and what to do. */
export class RichMenuDeployError extends Error {
  override readonly name = "RichMenuDeployError";
  constructor(
    readonly step: DeployStep,
    message: string,
    /** LINE's HTTP status, when LINE answered. */
    readonly status?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** One stage's menu to deploy: its object and its PNG (of the menu's size, ≤ 1 MB). */
export interface StageMenu {
  stage: MenuStage;
  definition: RichMenuDefinition;
  image: Buffer;
}

/** What a deploy did. */
export interface DeployResult {
  /** The new menus by stage; their aliases point at them, and the main one is the default. */
  richMenuIds: Partial<Record<MenuStage, string>>;
  /** Earlier menus of this tool that were deleted. */
  deleted: string[];
  /** Why earlier menus could not all be deleted, when they could not; the new menus are live all the same. */
  cleanupProblem: string | null;
}

/**
 * Deploys `menus`. When a step up to making the main menu the default fails, the aliases moved
 * so far are moved back, the new menus are deleted again (best effort) and the previous ones
 * stay in place. Once the aliases and the default point at the new menus, failing to delete
 * earlier ones is reported in the result, not thrown: the deploy itself succeeded.
 */
export async function deployRichMenus(config: RichMenuConfig, menus: readonly StageMenu[]): Promise<DeployResult> {
  for (const menu of menus) checkLocally(menu.definition, menu.image);
  const api = new messagingApi.MessagingApiClient({ channelAccessToken: config.channelAccessToken, baseURL: config.apiBaseUrl });
  const blob = new messagingApi.MessagingApiBlobClient({ channelAccessToken: config.channelAccessToken, baseURL: config.dataApiBaseUrl });
  const call = <T>(step: DeployStep, run: () => Promise<T>): Promise<T> =>
    run().catch((error: unknown) => {
      throw toDeployError(step, error, step === "upload" ? config.dataApiBaseUrl : config.apiBaseUrl);
    });

  const created: Partial<Record<MenuStage, string>> = {};
  const moved = new Map<string, string | null>();
  try {
    for (const { stage, definition, image } of menus) {
      await call("validate", () => api.validateRichMenuObject(definition));
      const { richMenuId } = await call("create", () => api.createRichMenu(definition));
      created[stage] = richMenuId;
      await call("upload", () => blob.setRichMenuImage(richMenuId, new Blob([new Uint8Array(image)], { type: "image/png" })));
    }
    const { aliases } = await call("alias", () => api.getRichMenuAliasList());
    const before = new Map(aliases.map((alias) => [alias.richMenuAliasId, alias.richMenuId]));
    for (const [stage, richMenuId] of Object.entries(created) as [MenuStage, string][]) {
      const richMenuAliasId = RICH_MENU_ALIAS_IDS[stage];
      const previous = before.get(richMenuAliasId) ?? null;
      await call("alias", () =>
        previous !== null
          ? api.updateRichMenuAlias(richMenuAliasId, { richMenuId })
          : api.createRichMenuAlias({ richMenuAliasId, richMenuId }),
      );
      moved.set(richMenuAliasId, previous);
    }
    const mainId = created[DEFAULT_MENU_STAGE];
    if (mainId !== undefined) await call("setDefault", () => api.setDefaultRichMenu(mainId));
  } catch (error) {
    for (const [aliasId, previous] of moved) {
      const back = previous === null ? api.deleteRichMenuAlias(aliasId) : api.updateRichMenuAlias(aliasId, { richMenuId: previous });
      await back.catch(() => undefined);
    }
    for (const richMenuId of Object.values(created)) await api.deleteRichMenu(richMenuId).catch(() => undefined);
    throw error;
  }
  const defaultId = created[DEFAULT_MENU_STAGE];
  const deleted: string[] = [];
  try {
    const { richmenus } = await call("list", () => api.getRichMenuList());
    const shown = new Set([
      ...Object.values(created),
      ...(await call("list", () => api.getRichMenuAliasList())).aliases.map((alias) => alias.richMenuId),
      ...(defaultId === undefined ? [await defaultMenu(api)] : []),
    ]);
    const previous = richmenus.filter((menu) => !shown.has(menu.richMenuId) && menu.name.startsWith(RICH_MENU_NAME_PREFIX));
    for (const menu of previous) {
      await call("delete", () => api.deleteRichMenu(menu.richMenuId));
      deleted.push(menu.richMenuId);
    }
  } catch (error) {
    return { richMenuIds: created, deleted, cleanupProblem: error instanceof Error ? error.message : String(error) };
  }
  return { richMenuIds: created, deleted, cleanupProblem: null };
}

/** The default menu's id, or null when there is none (LINE answers 404). */
async function defaultMenu(api: messagingApi.MessagingApiClient): Promise<string | null> {
  try {
    return (await api.getDefaultRichMenuId()).richMenuId;
  } catch (error) {
    if (toLineApiError("richMenu", error).status === 404) return null;
    throw error;
  }
}

/** What LINE would refuse, found before any call: the menu object and the image. */
function checkLocally(definition: RichMenuDefinition, image: Buffer): void {
  const problems = richMenuProblems(definition);
  const png = readPngInfo(image);
  if (png === null) {
    problems.push("image: not a PNG file");
  } else if (png.width !== definition.size.width || png.height !== definition.size.height) {
    problems.push(`image: ${png.width} × ${png.height} pixels, but the menu is ${definition.size.width} × ${definition.size.height}`);
  }
  if (image.length > RICH_MENU_LIMITS.maxImageBytes)
    problems.push(`image: ${image.length} bytes, over LINE's ${RICH_MENU_LIMITS.maxImageBytes}`);
  if (problems.length > 0) throw new RichMenuDeployError("check", `The rich menu is not valid:\n- ${problems.join("\n- ")}`);
}

function toDeployError(step: DeployStep, error: unknown, baseUrl: string): RichMenuDeployError {
  const lineError = toLineApiError("richMenu", error);
  if (lineError.status === undefined) {
    const cause = lineError.cause;
    const reason = cause instanceof Error ? cause.message : String(cause);
    return new RichMenuDeployError(step, `Rich menu ${step} failed: could not reach LINE at ${baseUrl} (${reason}).`, undefined, {
      cause: lineError,
    });
  }
  const requestId = lineError.requestId;
  const detail = lineMessage(lineError.responseBody ?? "");
  const hint =
    lineError.status === 401
      ? " LINE did not accept the channel access token: check LINE_CHANNEL_ACCESS_TOKEN (LINE Developers console → your channel → Messaging API)."
      : "";
  return new RichMenuDeployError(
    step,
    `Rich menu ${step} failed: HTTP ${lineError.status}${detail ? ` ${detail}` : ""}${requestId ? ` (x-line-request-id ${requestId})` : ""}.${hint}`,
    lineError.status,
    { cause: lineError },
  );
}

/** LINE's error message and details from a response body, on one line. */
function lineMessage(body: string): string {
  try {
    const parsed = JSON.parse(body) as { message?: unknown; details?: unknown };
    const details = Array.isArray(parsed.details)
      ? parsed.details.map((d: { property?: unknown; message?: unknown }) => `${String(d.property)}: ${String(d.message)}`)
      : [];
    return [typeof parsed.message === "string" ? parsed.message : "", ...details].filter((s) => s !== "").join("; ");
  } catch {
    return "";
  }
}
