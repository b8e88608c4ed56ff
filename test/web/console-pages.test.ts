/**
 * The console's pages with many clients, in Debian's chromium: the clients list comes one page
 * of the API at a time, open hand-over requests first, and 「もっと見る」 appends the rest; a
 * client with a long history has it all on their page; the alerts and the header's link to the
 * hand-overs stay with the paged list; both fit 390 and 1280 px. With
 * UPDATE_SCREENSHOTS=1 it also writes the README's screenshots of both pages at both widths to
 * docs/images/ (a normal run writes nothing).
 */
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { startConsoleWeb, type ConsoleWeb } from "../../scripts/lib/console-web";
import { CLIENTS_PAGE } from "../../src/store/console-store";
import { handoverCode } from "../../src/store/user-document";
import { CONSULTANT, startConsoleFixture, type ConsoleFixture } from "../helpers/console";
import { seedSharedClient } from "../helpers/shared-client";
import { HEAVY_WILL } from "../helpers/sheet-user";
import { CHROMIUM } from "../helpers/web-chat";

const IMAGES = join(__dirname, "..", "..", "docs", "images");
const SCREENSHOTS = process.env.UPDATE_SCREENSHOTS === "1";
/** More than one page of clients: the heavy user, one who asked for a consultant, and the rest. */
const OTHERS = CLIENTS_PAGE + 4;

let fixture: ConsoleFixture;
let web: ConsoleWeb;
let browser: Browser;
let heavyCode: string;
let requestingCode: string;
let lowCode: string;
const errors: string[] = [];

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`No browser at ${CHROMIUM}: install Debian's chromium package.`);
  fixture = await startConsoleFixture();
  const { db } = fixture.stack;
  heavyCode = await seedSharedClient(db, `U${"e5".repeat(16)}`, { each: 0, lastActiveAt: new Date("2026-03-03T09:00:00.000Z") });
  requestingCode = await seedSharedClient(db, `U${"f6".repeat(16)}`, {
    each: 2,
    lastActiveAt: new Date("2025-06-01T09:00:00.000Z"),
    handoverRequested: true,
  });
  // The least recently active of the others (the list's last row) checked in three more times at やりがい度 1: an alert.
  for (let n = 0; n < OTHERS; n++) {
    const lastActiveAt = new Date(Date.UTC(2026, 1, 1, 0, n));
    await seedSharedClient(db, `U${n.toString(16).padStart(32, "0")}`, { each: 2, lastActiveAt, lowCheckins: n === 0 });
  }
  lowCode = handoverCode(`U${"0".repeat(32)}`);
  web = await startConsoleWeb({ apiUrl: fixture.apiUrl, authEmulatorHost: fixture.authEmulator.host });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run", "--disable-sync"],
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await web?.close();
  await fixture?.close();
});

async function signedInPage(width: number): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: width < 600 ? 844 : 800 } });
  page.on("console", (message) => {
    if (message.type() === "error" && !message.text().startsWith("Failed to load resource")) errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto(web.url);
  await page.getByLabel("メールアドレス").fill(CONSULTANT.email);
  await page.getByLabel("パスワード").fill(CONSULTANT.password);
  await page.getByRole("button", { name: "ログインする" }).click();
  await page.locator(".client-row").first().waitFor();
  return page;
}

async function checkLayout(page: Page, width: number, name: string): Promise<void> {
  expect(await page.evaluate<number>("document.documentElement.scrollWidth")).toBeLessThanOrEqual(width);
  expect(await page.evaluate<number>("document.querySelector('header').getBoundingClientRect().width")).toBe(width);
  if (!SCREENSHOTS) return;
  mkdirSync(IMAGES, { recursive: true });
  await page.evaluate("window.scrollTo(0, 0)");
  await page.screenshot({ path: join(IMAGES, `console-${name}-${width}.png`) });
}

describe("the console's pages with many clients, in chromium", () => {
  it("the clients list shows one page, open requests first, and 「もっと見る」 adds the rest", async () => {
    const page = await signedInPage(1280);
    const rows = page.locator(".client-row");
    expect(await rows.count()).toBe(CLIENTS_PAGE);
    expect(await rows.nth(0).locator(".code").textContent()).toBe(requestingCode);
    expect(await rows.nth(1).locator(".code").textContent()).toBe(heavyCode);
    const total = OTHERS + 2;
    const more = page.getByRole("button", { name: `もっと見る（あと ${total - CLIENTS_PAGE}人）` });
    await more.click();
    await rows.nth(total - 1).waitFor();
    expect(await rows.count()).toBe(total);
    expect(new Set(await rows.locator(".code").allTextContents()).size).toBe(total);
    expect(await more.isHidden()).toBe(true);
    await page.close();
  });

  it("the paged clients page keeps the alerts above the list and the header's link to the hand-overs, where the request waits", async () => {
    const page = await signedInPage(1280);
    const alerts = page.locator("section.alerts");
    await alerts.getByRole("link", { name: `受付番号 ${lowCode}` }).waitFor();
    expect(await alerts.getByRole("link").allTextContents()).toEqual([`受付番号 ${lowCode}`]);
    expect(await page.locator(".client-row", { hasText: lowCode }).count()).toBe(0);
    await page.getByRole("button", { name: /もっと見る/ }).click();
    await page.locator(".client-row", { hasText: lowCode }).waitFor();
    expect(await alerts.isVisible()).toBe(true);
    await page.getByRole("navigation").getByRole("link", { name: "相談の受付" }).click();
    const waiting = page.locator(".handover-item", { hasText: requestingCode });
    await waiting.waitFor();
    expect(await waiting.locator(".status").textContent()).toBe("待ち");
    expect(await page.locator(".handover-item").count()).toBe(1);
    await page.close();
  });

  it("alerts that arrive after the consultant opened a client stay off the client's page", async () => {
    const page = await signedInPage(1280);
    await page.locator("section.alerts").waitFor();
    let release: () => void = () => undefined;
    const opened = new Promise<void>((resolve) => (release = resolve));
    await page.route("**/api/alerts", async (route) => {
      await opened;
      await route.continue();
    });
    const alertsAnswered = page.waitForResponse((response) => response.url().endsWith("/api/alerts"));
    await page.locator(".client-row", { hasText: heavyCode }).click();
    await page.getByText(HEAVY_WILL).waitFor();
    await page.getByRole("link", { name: "← 一覧へ" }).click();
    await page.locator(".client-row").first().waitFor();
    await page.locator(".client-row", { hasText: heavyCode }).click();
    await page.getByText(HEAVY_WILL).waitFor();
    release();
    await (await alertsAnswered).finished();
    await page.evaluate("new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))");
    expect(await page.locator("section.alerts").count()).toBe(0);
    await page.close();
  });

  it("the API gives a page from where `from` says, the first for anything that is not a count, and none past the end", async () => {
    const token = await fixture.signIn(CONSULTANT);
    const page = async (from: string) => {
      const response = await fetch(`${fixture.apiUrl}/api/clients?from=${from}`, { headers: { authorization: `Bearer ${token}` } });
      const body = (await response.json()) as { clients: { code: string }[]; total: number; next: number | null };
      return { count: body.clients.length, total: body.total, next: body.next, first: body.clients[0]?.code };
    };
    const total = OTHERS + 2;
    expect(await page("0")).toEqual({ count: CLIENTS_PAGE, total, next: CLIENTS_PAGE, first: requestingCode });
    expect(await page(String(CLIENTS_PAGE))).toMatchObject({ count: total - CLIENTS_PAGE, total, next: null });
    for (const odd of ["-5", "abc", "%7B%7D"]) expect(await page(odd)).toMatchObject({ count: CLIENTS_PAGE, first: requestingCode });
    expect(await page("100000")).toEqual({ count: 0, total, next: null, first: undefined });
  });

  it.each([390, 1280])("at %i px, the clients page and a client's page with a long history fit the width", async (width) => {
    const page = await signedInPage(width);
    await checkLayout(page, width, "clients");
    await page.locator(".client-row", { hasText: heavyCode }).click();
    await page.getByText(HEAVY_WILL).waitFor();
    const section = (title: string) => page.locator("section").filter({ has: page.getByRole("heading", { name: title, exact: true }) });
    expect(await section("ありがとうの場面").locator("li").count()).toBe(30);
    expect(await section("ふりかえり").locator("li").count()).toBe(20);
    expect(await section("一歩とその結果").locator("li").count()).toBe(4);
    await checkLayout(page, width, "client");
    await page.close();
  });

  it("the browser reported no errors", () => {
    expect(errors).toEqual([]);
  });
});
