/**
 * The 振り返りシート in Debian's chromium, on the stack `npm start -- --web` runs: typed in the web
 * chat, the sheet arrives as an image that loads from the bot's server and opens the original on
 * a tap; its link opens the printable page, which prints on one A4 page with every line of text
 * inside its box (read from the boxes the browser drew, with the sheet's own font loaded).
 */
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { createFirestoreStore } from "../../src/store/firestore-store";
import { heavyEntries, heavyState, HEAVY_WILL } from "../helpers/sheet-user";
import { userId } from "../helpers/events";
import { CHROMIUM, PHONE, PhoneChat, startWebChatFixture, type WebChatFixture } from "../helpers/web-chat";

let fixture: WebChatFixture;
let chat: PhoneChat;
let pageUrl: string;

/** A4 at the browser's 96 pixels an inch. */
const A4_CSS = { width: (210 / 25.4) * 96, height: (297 / 25.4) * 96 };

/** What the printable page's test reads from one `<text>`: its drawn box, its layout box, its widths. */
interface DrawnLine {
  text: string;
  box: string;
  drawn: { x: number; y: number; width: number; height: number };
  allowed: { x: number; y: number; width: number; height: number };
  measured: number;
  laidOut: number;
}

/** Reads, in the page, each line's drawn box (getBBox), its layout box and its widths, whether the font loaded, the sheet's size and the button bar's display. */
const READ_PAGE = `(() => {
  const lines = [...document.querySelectorAll("text[data-line]")].map((text) => {
    const box = text.getBBox();
    const [x, y, width, height] = (text.dataset.boxRect || "").split(" ").map(Number);
    return {
      text: text.textContent || "",
      box: text.dataset.box || "",
      drawn: { x: box.x, y: box.y, width: box.width, height: box.height },
      allowed: { x, y, width, height },
      measured: text.getComputedTextLength(),
      laidOut: Number(text.dataset.width),
    };
  });
  const svg = document.querySelector(".sheet svg").getBoundingClientRect();
  return {
    lines,
    fontLoaded: document.fonts.check('700 16px "BIZ UDPGothic"') && document.fonts.check('400 16px "BIZ UDPGothic"'),
    svg: { width: svg.width, height: svg.height },
    bar: getComputedStyle(document.querySelector(".bar")).display,
  };
})()`;

beforeAll(async () => {
  if (!existsSync(CHROMIUM))
    throw new Error(`No browser at ${CHROMIUM}: install Debian's chromium package (sudo apt-get install chromium).`);
  fixture = await startWebChatFixture();
  const user = userId();
  const entries = heavyEntries().map((entry, i) => ({ id: `seed-${i}`, entry }));
  await createFirestoreStore(fixture.db).runTurn(user, () => ({
    write: { state: heavyState(), recentEventIds: [], entries },
    result: null,
  }));
  chat = await PhoneChat.open(fixture, user);
}, 60_000);

afterAll(async () => {
  await chat?.page.close();
  await fixture?.close();
});

describe("the sheet in the browser", () => {
  it("arrives in the web chat as an image from the bot's server that opens the original on a tap", async () => {
    await chat.type("シートを見る");
    const image = chat.page.locator("a.photo-link img.photo-sent").last();
    await image.waitFor();
    await chat.page.waitForFunction(
      "(() => { const img = [...document.querySelectorAll('img.photo-sent')].at(-1); return img !== undefined && img.complete && img.naturalWidth > 0; })()",
    );
    const shown = await chat.page.evaluate<{ naturalWidth: number; naturalHeight: number; right: number; href: string }>(
      "(() => { const img = [...document.querySelectorAll('img.photo-sent')].at(-1); " +
        "return { naturalWidth: img.naturalWidth, naturalHeight: img.naturalHeight, right: img.getBoundingClientRect().right, href: img.closest('a').href }; })()",
    );
    expect(shown.naturalWidth).toBe(480);
    expect(shown.naturalHeight).toBeGreaterThan(600);
    expect(shown.right).toBeLessThanOrEqual(PHONE.width);
    expect(shown.href).toMatch(/\/sheet\/[A-Za-z0-9_-]{43}\/sheet\.png$/);
    const original = await fetch(shown.href);
    expect(original.headers.get("content-type")).toBe("image/png");
    pageUrl = shown.href.replace(/\/sheet\.png$/, "");
    const bubbles = await chat.page.locator(".bubble-bot").allTextContents();
    expect(bubbles.some((text) => text.includes(pageUrl))).toBe(true);
    if (process.env.UPDATE_SCREENSHOT === "1") await chat.page.screenshot({ path: resolve(__dirname, "../../docs/web-chat-sheet.png") });
    expect(chat.problems).toEqual([]);
  });

  it("prints the page on one A4 page with every line inside its box, in the sheet's own font", async () => {
    expect(pageUrl).toBeDefined();
    const page = await fixture.browser.newPage({ viewport: { width: 900, height: 1200 } });
    const problems: string[] = [];
    page.on("console", (message) => void (message.type() === "error" && problems.push(message.text())));
    expect((await page.goto(pageUrl))?.status()).toBe(200);
    await page.emulateMedia({ media: "print" });
    await page.evaluate("document.fonts.ready.then(() => true)");
    const read = await page.evaluate<{ lines: DrawnLine[]; fontLoaded: boolean; svg: { width: number; height: number }; bar: string }>(
      READ_PAGE,
    );
    expect(read.fontLoaded).toBe(true);
    expect(read.bar).toBe("none");
    expect(read.svg.width).toBeCloseTo(A4_CSS.width, 0);
    expect(read.svg.height).toBeCloseTo(A4_CSS.height, 0);
    expect(read.lines.map((line) => line.text).join("")).toContain(HEAVY_WILL);
    expect(read.lines.length).toBeGreaterThan(80);
    const outside = read.lines.filter(
      ({ drawn, allowed }) =>
        drawn.x < allowed.x - 0.5 ||
        drawn.y < allowed.y - 0.5 ||
        drawn.x + drawn.width > allowed.x + allowed.width + 0.5 ||
        drawn.y + drawn.height > allowed.y + allowed.height + 0.5,
    );
    expect(outside.map((line) => `${line.box}: ${line.text}`)).toEqual([]);
    const offWidth = read.lines.filter((line) => Math.abs(line.measured - line.laidOut) > Math.max(1, line.laidOut * 0.01));
    expect(offWidth.map((line) => `${line.text}: ${line.measured} drawn, ${line.laidOut} laid out`)).toEqual([]);

    const pdf = (await page.pdf({ preferCSSPageSize: true, printBackground: true })).toString("latin1");
    expect(pdf.match(/\/Type\s*\/Page\b/g)).toHaveLength(1);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("opens the PDF of the same sheet from the page", async () => {
    const page = await fixture.browser.newPage();
    await page.goto(pageUrl);
    const href = await page.locator('a[href$="sheet.pdf"]').getAttribute("href");
    const response = await fetch(new URL(href ?? "", pageUrl));
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(
      Buffer.from(await response.arrayBuffer())
        .subarray(0, 5)
        .toString("latin1"),
    ).toBe("%PDF-");
    await page.close();
  });
});
