/**
 * The printable page of a sheet, and the short pages shown instead when its link has expired or
 * leads nowhere. The page holds the sheet's SVG with real text (`./svg`), sized to A4 for print,
 * and loads the same font the images are drawn with, so its lines fall where the layout put them.
 * Every address in it is relative to the page, so it works under any path prefix (Cloud
 * Functions strips the function's name). All words come from the dialogue's content.
 */
import { sheetPage } from "../dialogue";
import type { Sheet } from "../model/sheet";
import { FONT_FILES, SHEET_FONT_FAMILY } from "./fonts";
import { sheetPageSvg } from "./render";
import { escapeXml } from "./svg";

/** The path (under the app) the fonts are served from; pages reach it as `../sheet-fonts/…`. */
export const SHEET_FONT_PATH = "/sheet-fonts";

const FONT_FACES = Object.values(FONT_FILES)
  .map(
    (font) =>
      `@font-face{font-family:"${SHEET_FONT_FAMILY}";src:url("../sheet-fonts/${font.file}") format("truetype");font-weight:${font.weight};font-display:block}`,
  )
  .join("\n");

const STYLE = `
${FONT_FACES}
@page{size:A4;margin:0}
html,body{margin:0;background:#ECE7DE;color:#2B3439;font-family:"${SHEET_FONT_FAMILY}",sans-serif}
.bar{max-width:210mm;margin:0 auto;padding:12px 8px;display:flex;flex-wrap:wrap;gap:8px;align-items:center}
.bar a,.bar button{font:inherit;font-size:15px;padding:8px 14px;border-radius:8px;border:1px solid #A0702A;background:#FFFDF9;color:#5B3E12;text-decoration:none;cursor:pointer}
.bar p{flex-basis:100%;margin:4px 0 0;font-size:13px;color:#5E666B}
.sheet{width:210mm;height:297mm;margin:0 auto 24px;background:#fff;box-shadow:0 1px 6px rgba(0,0,0,.15);overflow:hidden}
.sheet svg{display:block;width:210mm;height:297mm}
.message{max-width:32em;margin:15vh auto;padding:24px;background:#FFFDF9;border-radius:12px;line-height:1.8;white-space:pre-line}
@media print{html,body{background:#fff}.bar{display:none}.sheet{margin:0;box-shadow:none}}
`;

function document(title: string, body: string): string {
  return [
    "<!doctype html>",
    '<html lang="ja">',
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="robots" content="noindex, nofollow">',
    '<link rel="icon" href="data:,">',
    `<title>${escapeXml(title)}</title>`,
    `<style>${STYLE}</style>`,
    "</head>",
    `<body>${body}</body>`,
    "</html>",
    "",
  ].join("\n");
}

/** The printable page of `sheet`, whose link token is `token`. */
export function sheetPageHtml(sheet: Sheet, token: string): string {
  const base = encodeURIComponent(token);
  const bar = [
    '<nav class="bar">',
    `<button type="button" onclick="window.print()">${escapeXml(sheetPage.print)}</button>`,
    `<a href="${base}/sheet.pdf" download>${escapeXml(sheetPage.pdf)}</a>`,
    `<a href="${base}/sheet.png">${escapeXml(sheetPage.image)}</a>`,
    `<p>${escapeXml(sheet.pageNote)}</p>`,
    "</nav>",
  ].join("");
  return document(sheetPage.title, `${bar}<main class="sheet">${sheetPageSvg(sheet)}</main>`);
}

/** The page shown for a link that has expired. */
export function expiredPageHtml(): string {
  return document(sheetPage.expiredTitle, `<main class="message">${escapeXml(sheetPage.expired)}</main>`);
}

/** The page shown for a link that leads to no sheet (never made, or deleted with the user's data). */
export function missingPageHtml(): string {
  return document(sheetPage.missingTitle, `<main class="message">${escapeXml(sheetPage.missing)}</main>`);
}
