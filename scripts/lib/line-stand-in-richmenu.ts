/**
 * The rich-menu part of the LINE stand-in (`./line-stand-in`): create, validate, get, list
 * and delete menus, upload an image (LINE serves that on its data host; the stand-in
 * answers both hosts on one port), and the default menu. It answers like LINE: 400 with
 * the property at fault for a menu object or image LINE refuses, 404 for an unknown id.
 */
import { randomBytes } from "node:crypto";
import { imageSizeProblems, RICH_MENU_LIMITS, richMenuProblems } from "./richmenu-layout";
import { readPngInfo } from "./richmenu-png";

/** An answer of the stand-in: status and JSON body. */
export interface StandInAnswer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

/** A route of the stand-in; `binary` routes get the raw body as a Buffer. */
export interface StandInRoute {
  method: string;
  pattern: RegExp;
  binary?: boolean;
  handle: (req: { body: unknown; headers: Record<string, string | undefined> }, params: string[]) => StandInAnswer;
}

/** The rich-menu routes and their state, for {@link startLineStandIn}'s route table and reset. */
export interface RichMenuRoutes {
  routes: StandInRoute[];
  /** Forgets every menu and the default. */
  reset(): void;
}

interface StoredMenu {
  definition: Record<string, unknown>;
  image: boolean;
}

const fail = (status: number, message: string, details?: { message: string; property: string }[]): StandInAnswer => ({
  status,
  body: details ? { message, details } : { message },
});
const ok = (body: unknown = {}): StandInAnswer => ({ status: 200, body });
const notFound = (): StandInAnswer => fail(404, "Not found");

/** A 400 like LINE's for an invalid rich menu object, or null when `menu` is valid. */
function invalidMenu(menu: unknown): StandInAnswer | null {
  const problems = richMenuProblems(menu);
  if (problems.length === 0) return null;
  const details = problems.map((problem) => {
    const split = problem.indexOf(": ");
    return { property: problem.slice(0, split), message: problem.slice(split + 2) };
  });
  return fail(400, `The request body has ${details.length} error(s)`, details);
}

/** Creates the rich-menu routes with their own, empty state. */
export function createRichMenuRoutes(): RichMenuRoutes {
  const menus = new Map<string, StoredMenu>();
  let defaultMenu: string | null = null;
  const listed = (id: string, menu: StoredMenu) => ({ richMenuId: id, ...menu.definition });

  const routes: StandInRoute[] = [
    {
      method: "POST",
      pattern: /^\/v2\/bot\/richmenu$/,
      handle: (req) => {
        const invalid = invalidMenu(req.body);
        if (invalid) return invalid;
        if (menus.size >= RICH_MENU_LIMITS.maxMenusPerChannel) return fail(400, "The maximum number of rich menus has been reached");
        const richMenuId = `richmenu-${randomBytes(16).toString("hex")}`;
        menus.set(richMenuId, { definition: req.body as Record<string, unknown>, image: false });
        return ok({ richMenuId });
      },
    },
    { method: "POST", pattern: /^\/v2\/bot\/richmenu\/validate$/, handle: (req) => invalidMenu(req.body) ?? ok() },
    {
      method: "GET",
      pattern: /^\/v2\/bot\/richmenu\/list$/,
      handle: () => ok({ richmenus: [...menus].map(([id, menu]) => listed(id, menu)) }),
    },
    {
      method: "GET",
      pattern: /^\/v2\/bot\/richmenu\/(richmenu-[^/]+)$/,
      handle: (_req, [id = ""]) => {
        const menu = menus.get(id);
        return menu ? ok(listed(id, menu)) : notFound();
      },
    },
    {
      method: "DELETE",
      pattern: /^\/v2\/bot\/richmenu\/([^/]+)$/,
      handle: (_req, [id = ""]) => {
        if (!menus.delete(id)) return notFound();
        if (defaultMenu === id) defaultMenu = null;
        return ok();
      },
    },
    {
      method: "POST",
      pattern: /^\/v2\/bot\/richmenu\/([^/]+)\/content$/,
      binary: true,
      handle: (req, [id = ""]) => {
        const menu = menus.get(id);
        if (!menu) return notFound();
        if (menu.image) return fail(400, "An image has already been uploaded to the richmenu");
        const type = (req.headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase();
        const image = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
        const png = image.subarray(0, 4).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
        const jpeg = image.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff]));
        if (!((type === "image/png" && png) || (type === "image/jpeg" && jpeg))) {
          return fail(415, "The image must be a PNG or JPEG file sent with its content type");
        }
        if (image.length > RICH_MENU_LIMITS.maxImageBytes) return fail(400, "The image file size must be 1 MB or less");
        const header = png ? readPngInfo(image) : null;
        const sizeProblems = header ? imageSizeProblems(header.width, header.height) : [];
        if (sizeProblems.length > 0) return fail(400, `Invalid image: ${sizeProblems.join("; ")}`);
        menu.image = true;
        return ok();
      },
    },
    {
      method: "POST",
      pattern: /^\/v2\/bot\/user\/all\/richmenu\/([^/]+)$/,
      handle: (_req, [id = ""]) => {
        const menu = menus.get(id);
        if (!menu) return notFound();
        if (!menu.image) return fail(400, "must upload richmenu image before applying it to user");
        defaultMenu = id;
        return ok();
      },
    },
    {
      method: "GET",
      pattern: /^\/v2\/bot\/user\/all\/richmenu$/,
      handle: () => (defaultMenu ? ok({ richMenuId: defaultMenu }) : fail(404, "no default richmenu")),
    },
    {
      method: "DELETE",
      pattern: /^\/v2\/bot\/user\/all\/richmenu$/,
      handle: () => {
        defaultMenu = null;
        return ok();
      },
    },
  ];

  return {
    routes,
    reset() {
      menus.clear();
      defaultMenu = null;
    },
  };
}
