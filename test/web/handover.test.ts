/**
 * A hand-over end to end in Debian's chromium (issue 22, item 3 and 7): a client asks for a
 * consultant in the web chat, a consultant takes over in the console, they write to each other
 * through the local stand-in for LINE Official Account Manager's chat, and the consultant ends
 * it in the console; the bot says nothing to the client meanwhile. The hand-overs page fits a
 * 390 px phone and a 1280 px screen, and no page reports an error.
 */
import { existsSync } from "node:fs";
import type { Page } from "playwright-core";
import { chromium, type Browser } from "playwright-core";
import { startConsoleWeb, type ConsoleWeb } from "../../scripts/lib/console-web";
import { startWebChat, type WebChat } from "../../scripts/lib/web-chat/server";
import { messages } from "../../src/dialogue/content";
import { handoverCode } from "../../src/store/user-document";
import { CONSULTANT, startConsoleFixture, type ConsoleFixture } from "../helpers/console";
import { CHROMIUM, PhoneChat } from "../helpers/web-chat";

const CLIENT = `U${"a7".repeat(16)}`;
const OPERATOR = `U${"b8".repeat(16)}`;
const CODE = handoverCode(CLIENT);
const CLIENT_ASKS = "よろしくお願いします。来週あたり少しお話しできますか？";
const CONSULTANT_SAYS = "ご連絡ありがとうございます。担当の者です。来週の水曜日の夜はいかがですか？";
const CLIENT_ANSWERS = "はい、水曜の夜で大丈夫です";

let fixture: ConsoleFixture;
let consoleWeb: ConsoleWeb;
let web: WebChat;
let browser: Browser;
const errors: string[] = [];

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`No browser at ${CHROMIUM}: install Debian's chromium package.`);
  fixture = await startConsoleFixture({ operatorLineIds: [OPERATOR] });
  consoleWeb = await startConsoleWeb({ apiUrl: fixture.apiUrl, authEmulatorHost: fixture.authEmulator.host });
  const { stack } = fixture;
  web = await startWebChat({
    webhookUrl: stack.webhookUrl,
    channelSecret: stack.channelSecret,
    line: stack.line,
    operatorIds: [OPERATOR],
    isKnownUser: async (id) => (await stack.db.collection("users").doc(id).get()).exists,
    consoleUrl: consoleWeb.url,
  });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run", "--disable-sync"],
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await web?.close();
  await consoleWeb?.close();
  await fixture?.close();
});

function watch(page: Page): Page {
  page.on("console", (message) => {
    // The browser's own note of a refused request (the pages have no favicon); refused API calls are caught below.
    if (message.type() === "error" && !message.text().startsWith("Failed to load resource")) errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("response", (response) => {
    if (response.status() >= 400) errors.push(`${response.status()} ${response.url()}`);
  });
  return page;
}

async function fitsWidth(page: Page, width: number): Promise<void> {
  expect(await page.evaluate<number>("document.documentElement.scrollWidth")).toBeLessThanOrEqual(width);
}

/** The bot's messages in the client's tab, by how they came (reply, push, or the consultant's chat). */
async function botRows(page: Page): Promise<string[]> {
  const rows = await page.locator(".row-bot[data-delivery]").all();
  return Promise.all(rows.map(async (row) => (await row.getAttribute("data-delivery")) ?? ""));
}

describe("a hand-over in the browser", () => {
  it("is asked for in the chat, taken in the console, talked through in the Official Account chat, and ended in the console", async () => {
    const consolePage = watch(await browser.newPage({ viewport: { width: 1280, height: 900 } }));
    await consolePage.goto(consoleWeb.url);
    await consolePage.getByLabel("メールアドレス").fill(CONSULTANT.email);
    await consolePage.getByLabel("パスワード").fill(CONSULTANT.password);
    await consolePage.getByRole("button", { name: "ログインする" }).click();
    await consolePage.getByRole("link", { name: "相談の受付" }).click();
    await consolePage.getByText("いま届いている相談はありません").waitFor();

    const chat = await PhoneChat.open({ browser, web }, CLIENT);
    expect(await chat.page.locator("#console-link").getAttribute("href")).toBe(consoleWeb.url);
    await chat.tap("同意してはじめる");
    await chat.tap("いまはじめる");
    await chat.tap("2");
    await chat.type("相談したい");
    await chat.tap("スキップ");
    await chat.tap("WILLのまとめだけ");
    await chat.tap("送る");
    // The consultant's card is shown to read, and its buttons cannot be tapped from the client's tab.
    const preview = chat.page.locator(".notice-operator .notice-preview");
    expect(await preview.evaluate((node) => (node as { inert?: boolean }).inert)).toBe(true);

    await consolePage.reload();
    const item = consolePage.locator(".handover-item", { hasText: CODE });
    await item.locator(".status", { hasText: "待ち" }).waitFor();
    expect(await consolePage.content()).not.toContain(CLIENT);
    await item.getByRole("button", { name: "対応する" }).click();
    await consolePage.getByText("対応を始めました").waitFor();
    await consolePage.locator(".handover-item", { hasText: CODE }).locator(".status", { hasText: "対応中" }).waitFor();
    await consolePage.locator(".handover-item", { hasText: CODE }).locator(".fact", { hasText: "担当 あなた" }).waitFor();
    await chat.page.getByText(messages["handover.taken"].split("。")[0]).waitFor();
    await chat.settle();
    const before = await botRows(chat.page);

    const oaPage = watch(await browser.newPage({ viewport: { width: 1280, height: 900 } }));
    await oaPage.goto(`${web.url}oa`);
    await oaPage.getByText("この画面について").waitFor();
    await oaPage.getByText("担当者の操作").waitFor();
    await chat.type(CLIENT_ASKS);
    await oaPage.getByRole("link", { name: new RegExp(CODE) }).click();
    await oaPage.locator(".oa-client", { hasText: CLIENT_ASKS }).waitFor();
    expect(await oaPage.locator("#rich-menu, .rich-menu").count()).toBe(0);
    await oaPage.getByLabel("メッセージを入力").fill(CONSULTANT_SAYS);
    await oaPage.getByRole("button", { name: "送信" }).click();
    await chat.page.locator('.row-bot[data-delivery="chat"]', { hasText: CONSULTANT_SAYS }).waitFor();
    await chat.type(CLIENT_ANSWERS);
    await oaPage.locator(".oa-client", { hasText: CLIENT_ANSWERS }).waitFor();
    await oaPage.locator(".oa-you", { hasText: CONSULTANT_SAYS }).waitFor();

    // While taken over, nothing but the consultant's own message came from the account.
    expect(await botRows(chat.page)).toEqual([...before, "chat"]);
    // The consultant's replies are not pushes: the LINE stand-in never carried them.
    expect(fixture.stack.line.sent().some((batch) => JSON.stringify(batch.messages).includes(CONSULTANT_SAYS))).toBe(false);

    await consolePage.reload();
    await consolePage.locator(".handover-item", { hasText: CODE }).getByRole("button", { name: "対応を終了する" }).click();
    await consolePage.getByText("対応を終了しました").waitFor();
    await consolePage.locator(".handover-item", { hasText: CODE }).locator(".status", { hasText: "終了" }).waitFor();
    await chat.page.getByText(messages["handover.back.operator"]).waitFor();
    await fitsWidth(consolePage, 1280);
    await consolePage.screenshot({ path: "/tmp/handovers-1280.png", fullPage: true });
    await consolePage.setViewportSize({ width: 390, height: 844 });
    await fitsWidth(consolePage, 390);
    await consolePage.screenshot({ path: "/tmp/handovers-390.png", fullPage: true });
    await oaPage.screenshot({ path: "/tmp/oa-chat.png", fullPage: true });
    await chat.page.screenshot({ path: "/tmp/client-tab.png" });
    errors.push(...chat.problems.filter((problem) => !problem.startsWith("Failed to load resource")));
  }, 120_000);

  it("the consultant's own LINE tab says what it is for instead of opening empty", async () => {
    const page = watch(await browser.newPage({ viewport: { width: 390, height: 844 } }));
    await page.goto(`${web.url}?user=${OPERATOR}`);
    await page.waitForSelector('body[data-ready="true"]');
    await page.getByText("ここは相談員の LINE です").waitFor();
    expect(await page.getByRole("link", { name: "担当者コンソールを開く" }).first().getAttribute("href")).toBe(consoleWeb.url);
  });

  it("no page reported an error", () => {
    expect(errors).toEqual([]);
  });
});
