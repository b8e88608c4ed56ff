/**
 * The consultants' console in Debian's chromium (issue 22, item 3): a consultant signs in; a
 * client who shares appears on the clients page and has a page of their own; when the client
 * stops sharing, the console stops showing them; 「LINEとつなぐ」 links the consultant's own LINE;
 * the pages fit a 390 px phone and a 1280 px screen; and the browser reports no errors.
 */
import { existsSync } from "node:fs";
import { chromium, type Browser, type Page } from "playwright-core";
import { startConsoleWeb, type ConsoleWeb } from "../../scripts/lib/console-web";
import { handoverCode } from "../../src/store/user-document";
import { CONSULTANT, NON_CONSULTANT, startConsoleFixture, type ConsoleFixture } from "../helpers/console";
import { text } from "../helpers/events";
import { CHROMIUM } from "../helpers/web-chat";

const CLIENT = `U${"c3".repeat(16)}`;
const CODE = handoverCode(CLIENT);
const CONSULTANT_LINE = `U${"d4".repeat(16)}`;

let fixture: ConsoleFixture;
let web: ConsoleWeb;
let browser: Browser;
const errors: string[] = [];

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`No browser at ${CHROMIUM}: install Debian's chromium package.`);
  fixture = await startConsoleFixture();
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

async function openPage(width: number): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  page.on("console", (message) => {
    // A refused request (the 403 a non-consultant gets) is the browser's own network note, not the page's error.
    if (message.type() === "error" && !message.text().startsWith("Failed to load resource")) errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto(web.url);
  return page;
}

async function signIn(page: Page, account: { email: string; password: string }): Promise<void> {
  await page.getByLabel("メールアドレス").fill(account.email);
  await page.getByLabel("パスワード").fill(account.password);
  await page.getByRole("button", { name: "ログインする" }).click();
}

async function fitsWidth(page: Page, width: number): Promise<void> {
  const scrollWidth = await page.evaluate<number>("document.documentElement.scrollWidth");
  expect(scrollWidth).toBeLessThanOrEqual(width);
}

describe("the consultants' console in chromium", () => {
  it("a wrong password is refused, and an account without the claim is told it has no access", async () => {
    const page = await openPage(390);
    await signIn(page, { email: CONSULTANT.email, password: "wrong-password" });
    await page.getByText("ログインできませんでした").waitFor();
    await signIn(page, NON_CONSULTANT);
    await page.getByText("担当者コンソールを使う権限がありません").waitFor();
    await page.close();
  });

  it("a consultant signs in, sees a client once they share, reads their page, and stops seeing them when they stop sharing", async () => {
    const page = await openPage(390);
    await signIn(page, CONSULTANT);
    await page.getByText("いま共有しているクライアントはいません").waitFor();
    await fitsWidth(page, 390);

    await fixture.client(CLIENT, true);
    await page.reload();
    await page.getByRole("link", { name: new RegExp(CODE) }).click();
    await page.getByRole("heading", { name: `受付番号 ${CODE}` }).waitFor();
    expect(page.url()).toBe(`${web.url}#/c/${CODE}`);
    expect(await page.content()).not.toContain(CLIENT);
    await fitsWidth(page, 390);
    await page.setViewportSize({ width: 1280, height: 900 });
    await fitsWidth(page, 1280);

    await fixture.unshare(CLIENT);
    await page.reload();
    await page.getByText("このクライアントは、いま共有していません").waitFor();
    await page.getByRole("link", { name: "← 一覧へ" }).click();
    await page.getByText("いま共有しているクライアントはいません").waitFor();
    await fitsWidth(page, 1280);
    await page.close();
  });

  it("「LINEとつなぐ」 shows a code to send from LINE, and says so once the consultant's LINE sent it", async () => {
    const page = await openPage(390);
    await signIn(page, CONSULTANT);
    await page.getByRole("heading", { name: "共有しているクライアント" }).waitFor();
    await page.getByRole("link", { name: "LINEとつなぐ" }).click();
    await page.getByText("まだ LINE とつながっていません").waitFor();
    await page.getByRole("button", { name: "コードを出す" }).click();
    const message = (await page.locator(".pairing-code").textContent()) ?? "";
    expect(message).toMatch(/^相談員登録 \d{4}-\d{4}$/);
    await fitsWidth(page, 390);
    expect(await fixture.stack.send(text(CONSULTANT_LINE, message))).toBe(200);
    await page.getByText("つながりました").waitFor();
    await page.reload();
    await page.getByText("LINE とつながっています（LINE の名前：テストユーザー）").waitFor();
    expect(await page.content()).not.toContain(CONSULTANT_LINE);
    await page.setViewportSize({ width: 1280, height: 900 });
    await fitsWidth(page, 1280);
    await page.close();
  });

  it("the browser reported no errors", () => {
    expect(errors).toEqual([]);
  });
});
