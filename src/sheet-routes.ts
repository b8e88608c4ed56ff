/**
 * The app's side of the 振り返りシート: {@link issueSheet} keeps a new sheet behind an unguessable
 * link when the user asks for one, and {@link sheetRouter} serves it from that link for
 * {@link SHEET_LINK_DAYS} days: the printable page, the PNG LINE shows (and its preview) and the
 * PDF, all drawn on request from the stored sheet. This is the "function that renders on request"
 * choice: nothing but the sheet's data is stored, so deleting it (データ削除, expiry) leaves no
 * file behind anywhere, and no bucket, signing key or public object has to be set up.
 */
import express, { type Request, type Response, type Router } from "express";
import { sheetExpiry, sheetOf, type SheetLink, type UserState } from "./dialogue";
import { checkImageFile } from "./line/image-limits";
import { describeError, userTag, type Logger } from "./log";
import type { StoredEntry } from "./model/entry";
import { FONT_FILES, sheetFont, type FontWeight } from "./sheet/fonts";
import { expiredPageHtml, missingPageHtml, SHEET_FONT_PATH, sheetPageHtml } from "./sheet/page";
import { sheetPdf, sheetPng } from "./sheet/render";
import { isSheetToken, newSheetToken, sheetTokenHash, type SheetStore, type StoredSheet } from "./store/sheet-store";

/** Where sheets are kept and the public address the links start with. */
export interface SheetSettings {
  store: SheetStore;
  /** The webhook's public URL (`PUBLIC_URL`), without a trailing slash; without it no link can be made. */
  publicUrl: string | undefined;
}

/** The path the sheets are served under. */
export const SHEET_PATH = "/sheet";

/** The links of a sheet whose token is `token`, under `publicUrl`. */
export function sheetLinks(publicUrl: string, token: string, expiresAt: Date): SheetLink {
  const page = `${publicUrl}${SHEET_PATH}/${token}`;
  return { pageUrl: page, imageUrl: `${page}/sheet.png`, previewUrl: `${page}/preview.png`, expiresAt: expiresAt.toISOString() };
}

/**
 * Makes the user's sheet from their state and entries, keeps it under a new token and returns
 * its links; "unavailable" (logged, never with the sheet's words) when there is no public URL
 * or the sheet could not be kept. The user's expired sheets are deleted on the way.
 */
export async function issueSheet(
  userId: string,
  state: UserState,
  entries: readonly StoredEntry[],
  now: Date,
  settings: SheetSettings | undefined,
  log: Logger,
  fields: Record<string, string>,
): Promise<SheetLink | "unavailable"> {
  if (settings?.publicUrl === undefined) {
    log.warn("sheet asked for but PUBLIC_URL is not set", fields);
    return "unavailable";
  }
  const token = newSheetToken();
  const expiresAt = sheetExpiry(now);
  const record: StoredSheet = {
    userId,
    sheet: sheetOf(
      state.profile,
      entries.map(({ entry }) => entry),
      now,
    ),
    createdAt: now.toISOString(),
    expiresAt: expiresAt.toISOString(),
  };
  try {
    await settings.store.save(sheetTokenHash(token), record);
  } catch (error) {
    log.error("sheet could not be kept", { ...fields, user: userTag(userId), error: describeError(error) });
    return "unavailable";
  }
  return sheetLinks(settings.publicUrl, token, expiresAt);
}

/** The routes that serve kept sheets and the font their page loads. */
export function sheetRouter(store: SheetStore, now: () => Date, log: Logger): Router {
  const router = express.Router();
  router.get(`${SHEET_FONT_PATH}/:file`, (req, res) => {
    const weight = (Object.keys(FONT_FILES) as FontWeight[]).find((w) => FONT_FILES[w].file === req.params["file"]);
    if (weight === undefined) return void res.status(404).type("text/plain").send("Not found");
    res.set("cache-control", "public, max-age=31536000, immutable").type("font/ttf").send(sheetFont(weight).bytes);
  });
  router.get(`${SHEET_PATH}/:token`, (req, res) =>
    serve(req, res, store, now, log, (found, token) => {
      res.type("html").send(sheetPageHtml(found.sheet, token));
    }),
  );
  router.get(`${SHEET_PATH}/:token/:file`, (req, res) =>
    serve(req, res, store, now, log, (found) => {
      const file = req.params["file"];
      if (file === "sheet.pdf") return void res.type("application/pdf").send(sheetPdf(found.sheet));
      if (file !== "sheet.png" && file !== "preview.png") return void res.status(404).type("html").send(missingPageHtml());
      const role = file === "sheet.png" ? "original" : "preview";
      const png = sheetPng(found.sheet, role);
      const problems = checkImageFile(png, role);
      if (problems.length > 0) log.error("sheet image breaks LINE's limits", { problems: problems.join("; ") });
      res.type("png").send(png);
    }),
  );
  return router;
}

/** Finds the sheet of the request's token and hands it to `send`, or answers 404 / 410 with a page that says what to do. */
async function serve(
  req: Request,
  res: Response,
  store: SheetStore,
  now: () => Date,
  log: Logger,
  send: (found: StoredSheet, token: string) => void,
): Promise<void> {
  res.set({
    "cache-control": "private, no-store",
    "referrer-policy": "no-referrer",
    "x-robots-tag": "noindex, nofollow",
    "x-content-type-options": "nosniff",
  });
  const token = String(req.params["token"]);
  try {
    const found = isSheetToken(token) ? await store.find(sheetTokenHash(token)) : null;
    if (found === null) return void res.status(404).type("html").send(missingPageHtml());
    if (found.expiresAt <= now().toISOString()) return void res.status(410).type("html").send(expiredPageHtml());
    send(found, token);
  } catch (error) {
    log.error("sheet could not be served", { path: SHEET_PATH, error: describeError(error) });
    if (!res.headersSent) res.status(500).type("text/plain").send("Internal error");
  }
}
