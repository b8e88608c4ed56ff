/**
 * Deploying the rich menu through LINE's Messaging API: validate, create, upload the image
 * (to LINE's data host), make it the default for every user, then delete the menus this
 * tool made before (named with {@link RICH_MENU_NAME_PREFIX}; never the new one, never
 * another tool's). The channel access token is sent to LINE only, never printed.
 */
import { messagingApi } from "@line/bot-sdk";
import { toLineApiError } from "../../src/line/error";
import { ConfigError, LINE_API_DEFAULT_BASE_URL } from "../../src/config";
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
export type DeployStep = "check" | "validate" | "create" | "upload" | "setDefault" | "list" | "delete";

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

/** What a deploy did. */
export interface DeployResult {
  /** The new default menu. */
  richMenuId: string;
  /** Earlier menus of this tool that were deleted. */
  deleted: string[];
  /** Why earlier menus could not all be deleted, when they could not; the new menu is live all the same. */
  cleanupProblem: string | null;
}

/**
 * Deploys `definition` with `image` (a PNG of the menu's size, ≤ 1 MB). When a step after
 * the creation fails, the new menu is deleted again (best effort) and the previous default
 * stays in place. Once the new menu is the default, failing to delete earlier ones is
 * reported in the result, not thrown: the deploy itself succeeded.
 */
export async function deployRichMenu(config: RichMenuConfig, definition: RichMenuDefinition, image: Buffer): Promise<DeployResult> {
  checkLocally(definition, image);
  const api = new messagingApi.MessagingApiClient({ channelAccessToken: config.channelAccessToken, baseURL: config.apiBaseUrl });
  const blob = new messagingApi.MessagingApiBlobClient({ channelAccessToken: config.channelAccessToken, baseURL: config.dataApiBaseUrl });
  const call = <T>(step: DeployStep, run: () => Promise<T>): Promise<T> =>
    run().catch((error: unknown) => {
      throw toDeployError(step, error, step === "upload" ? config.dataApiBaseUrl : config.apiBaseUrl);
    });

  await call("validate", () => api.validateRichMenuObject(definition));
  const { richMenuId } = await call("create", () => api.createRichMenu(definition));
  try {
    await call("upload", () => blob.setRichMenuImage(richMenuId, new Blob([new Uint8Array(image)], { type: "image/png" })));
    await call("setDefault", () => api.setDefaultRichMenu(richMenuId));
  } catch (error) {
    await api.deleteRichMenu(richMenuId).catch(() => undefined);
    throw error;
  }
  const deleted: string[] = [];
  try {
    const { richmenus } = await call("list", () => api.getRichMenuList());
    const previous = richmenus.filter((menu) => menu.richMenuId !== richMenuId && menu.name.startsWith(RICH_MENU_NAME_PREFIX));
    for (const menu of previous) {
      await call("delete", () => api.deleteRichMenu(menu.richMenuId));
      deleted.push(menu.richMenuId);
    }
  } catch (error) {
    return { richMenuId, deleted, cleanupProblem: error instanceof Error ? error.message : String(error) };
  }
  return { richMenuId, deleted, cleanupProblem: null };
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
