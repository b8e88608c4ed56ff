/**
 * The rich-menu part of the LINE stand-in (`./line-stand-in`): create, validate, get, list
 * and delete menus, upload and download an image (LINE serves those on its data host; the
 * stand-in answers both hosts on one port), the default menu, aliases, and each user's own
 * menu (link, unlink, get). It answers like LINE: 400 with the property at fault for a menu
 * object or image LINE refuses, 404 for an unknown id.
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

/** A rich menu as the stand-in keeps it. */
export interface StandInMenu {
  richMenuId: string;
  /** The menu object it was created with. */
  definition: Record<string, unknown>;
  /** The uploaded image and its content type; null before the upload. */
  image: { type: string; data: Buffer } | null;
}

/** The rich-menu routes and their state, for {@link startLineStandIn}'s route table and reset. */
export interface RichMenuRoutes {
  routes: StandInRoute[];
  /**
   * The menu `userId` sees: their own (`linked`) or else the default; null when neither exists.
   * What LINE shows under the user's chat.
   */
  menuOf(userId: string): (StandInMenu & { linked: boolean }) | null;
  /** The menu an alias points to, or null. */
  menuOfAlias(aliasId: string): StandInMenu | null;
  /** Forgets every menu, alias, link and the default. */
  reset(): void;
}

type StoredMenu = Omit<StandInMenu, "richMenuId">;

const ALIAS_ID = /^[A-Za-z0-9_-]{1,32}$/;

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
  const aliases = new Map<string, string>();
  const links = new Map<string, string>();
  let defaultMenu: string | null = null;
  const listed = (id: string, menu: StoredMenu) => ({ richMenuId: id, ...menu.definition });
  const full = (id: string | null | undefined): StandInMenu | null => {
    const menu = id ? menus.get(id) : undefined;
    return id && menu ? { richMenuId: id, ...menu } : null;
  };

  const routes: StandInRoute[] = [
    {
      method: "POST",
      pattern: /^\/v2\/bot\/richmenu$/,
      handle: (req) => {
        const invalid = invalidMenu(req.body);
        if (invalid) return invalid;
        if (menus.size >= RICH_MENU_LIMITS.maxMenusPerChannel) return fail(400, "The maximum number of rich menus has been reached");
        const richMenuId = `richmenu-${randomBytes(16).toString("hex")}`;
        menus.set(richMenuId, { definition: req.body as Record<string, unknown>, image: null });
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
        for (const [user, linked] of links) if (linked === id) links.delete(user);
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
        if (menu.image !== null) return fail(400, "An image has already been uploaded to the richmenu");
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
        menu.image = { type: type ?? "image/png", data: image };
        return ok();
      },
    },
    {
      method: "POST",
      pattern: /^\/v2\/bot\/user\/all\/richmenu\/([^/]+)$/,
      handle: (_req, [id = ""]) => {
        const menu = menus.get(id);
        if (!menu) return notFound();
        if (menu.image === null) return fail(400, "must upload richmenu image before applying it to user");
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

  routes.push(...aliasAndUserRoutes());

  function aliasAndUserRoutes(): StandInRoute[] {
    return [
      {
        method: "POST",
        pattern: /^\/v2\/bot\/richmenu\/alias$/,
        handle: (req) => {
          const body = req.body as Record<string, unknown> | undefined;
          const aliasId = body?.["richMenuAliasId"];
          const richMenuId = body?.["richMenuId"];
          if (typeof aliasId !== "string" || !ALIAS_ID.test(aliasId))
            return fail(400, "The request body has 1 error(s)", [{ property: "richMenuAliasId", message: "invalid" }]);
          if (typeof richMenuId !== "string" || !menus.has(richMenuId)) return fail(400, "richmenu not found");
          if (aliases.has(aliasId)) return fail(400, "conflict richmenu alias id");
          aliases.set(aliasId, richMenuId);
          return ok();
        },
      },
      {
        method: "GET",
        pattern: /^\/v2\/bot\/richmenu\/alias\/list$/,
        handle: () => ok({ aliases: [...aliases].map(([richMenuAliasId, richMenuId]) => ({ richMenuAliasId, richMenuId })) }),
      },
      {
        method: "GET",
        pattern: /^\/v2\/bot\/richmenu\/alias\/([^/]+)$/,
        handle: (_req, [aliasId = ""]) => {
          const richMenuId = aliases.get(aliasId);
          return richMenuId === undefined ? notFound() : ok({ richMenuAliasId: aliasId, richMenuId });
        },
      },
      {
        method: "POST",
        pattern: /^\/v2\/bot\/richmenu\/alias\/([^/]+)$/,
        handle: (req, [aliasId = ""]) => {
          const richMenuId = (req.body as Record<string, unknown> | undefined)?.["richMenuId"];
          if (!aliases.has(aliasId)) return notFound();
          if (typeof richMenuId !== "string" || !menus.has(richMenuId)) return fail(400, "richmenu not found");
          aliases.set(aliasId, richMenuId);
          return ok();
        },
      },
      {
        method: "DELETE",
        pattern: /^\/v2\/bot\/richmenu\/alias\/([^/]+)$/,
        handle: (_req, [aliasId = ""]) => (aliases.delete(aliasId) ? ok() : notFound()),
      },
      {
        method: "GET",
        pattern: /^\/v2\/bot\/richmenu\/([^/]+)\/content$/,
        handle: (_req, [id = ""]) => {
          const image = menus.get(id)?.image;
          return image ? { status: 200, body: image.data, headers: { "content-type": image.type } } : notFound();
        },
      },
      {
        method: "POST",
        pattern: /^\/v2\/bot\/user\/(U[^/]+)\/richmenu\/([^/]+)$/,
        handle: (_req, [userId = "", id = ""]) => {
          const menu = menus.get(id);
          if (!menu) return notFound();
          if (menu.image === null) return fail(400, "must upload richmenu image before applying it to user");
          links.set(userId, id);
          return ok();
        },
      },
      {
        method: "DELETE",
        pattern: /^\/v2\/bot\/user\/(U[^/]+)\/richmenu$/,
        handle: (_req, [userId = ""]) => {
          links.delete(userId);
          return ok();
        },
      },
      {
        method: "GET",
        pattern: /^\/v2\/bot\/user\/(U[^/]+)\/richmenu$/,
        handle: (_req, [userId = ""]) => {
          const id = links.get(userId);
          return id === undefined ? fail(404, "the user has no richmenu") : ok({ richMenuId: id });
        },
      },
    ];
  }

  return {
    routes,
    menuOf(userId) {
      const own = full(links.get(userId));
      if (own !== null) return { ...own, linked: true };
      const fallback = full(defaultMenu);
      return fallback === null ? null : { ...fallback, linked: false };
    },
    menuOfAlias: (aliasId) => full(aliases.get(aliasId)),
    reset() {
      menus.clear();
      aliases.clear();
      links.clear();
      defaultMenu = null;
    },
  };
}
