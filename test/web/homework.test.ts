/**
 * A homework round trip in Debian's chromium (issue 22, "Done when"): a client shares from the
 * web chat tab; a consultant signs in to the console, sends a question from the client's page;
 * the push arrives in the client's tab; the client answers there; the answer shows on the
 * client's page; and neither tab reports an error.
 */
import { existsSync } from "node:fs";
import { chromium, type Browser, type Page } from "playwright-core";
import { startConsoleWeb, type ConsoleWeb } from "../../scripts/lib/console-web";
import { startWebChat, type WebChat } from "../../scripts/lib/web-chat/server";
import { handoverCode } from "../../src/store/user-document";
import { CONSULTANT, startConsoleFixture, type ConsoleFixture } from "../helpers/console";
import { CHROMIUM, PhoneChat } from "../helpers/web-chat";

const CLIENT = `U${"7e".repeat(16)}`;
const CODE = handoverCode(CLIENT);

let fixture: ConsoleFixture;
let consoleWeb: ConsoleWeb;
let chatWeb: WebChat;
let browser: Browser;
const errors: string[] = [];

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`No browser at ${CHROMIUM}: install Debian's chromium package.`);
  fixture = await startConsoleFixture();
  consoleWeb = await startConsoleWeb({ apiUrl: fixture.apiUrl, authEmulatorHost: fixture.authEmulator.host });
  const { stack } = fixture;
  chatWeb = await startWebChat({
    webhookUrl: stack.webhookUrl,
    channelSecret: stack.channelSecret,
    line: stack.line,
    operatorIds: [],
    isKnownUser: async (id) => (await stack.db.collection("users").doc(id).get()).exists,
  });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run", "--disable-sync"],
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await chatWeb?.close();
  await consoleWeb?.close();
  await fixture?.close();
});

async function consolePage(): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on("console", (message) => {
    // The browser's own note on a missing favicon; the page's own requests are checked below by their status.
    if (message.type() === "error" && !message.text().startsWith("Failed to load resource")) errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("response", (response) => {
    if (response.status() >= 400) errors.push(`${response.status()} ${new URL(response.url()).pathname}`);
  });
  await page.goto(consoleWeb.url);
  await page.getByLabel("メールアドレス").fill(CONSULTANT.email);
  await page.getByLabel("パスワード").fill(CONSULTANT.password);
  await page.getByRole("button", { name: "ログインする" }).click();
  return page;
}

describe("homework in chromium", () => {
  it("a consultant sends a question from the client's page, the client answers in the chat tab, and the answer shows on the page", async () => {
    const chat = await PhoneChat.open({ browser, web: chatWeb }, CLIENT);
    await chat.tap("同意してはじめる");
    await chat.type("担当者と共有する");
    await chat.tap("共有する");

    const page = await consolePage();
    await page.getByRole("link", { name: new RegExp(CODE) }).click();
    await page.getByRole("heading", { name: `受付番号 ${CODE}` }).waitFor();
    await page.getByLabel("送る内容").fill("最近、時間を忘れて取り組めたことは何でしたか？");
    await page.getByRole("button", { name: "LINE で送る" }).click();
    await page.getByText("送りました。返信を待っています。").waitFor();
    await page.getByText("返信待ち").waitFor();

    await chat.page.getByText("最近、時間を忘れて取り組めたことは何でしたか？").waitFor();
    await chat.type("後輩の資料づくりを手伝っていたときです");
    await chat.page.getByText("担当者にお届けしました").waitFor();

    await page.reload();
    await page.getByText("返信あり").waitFor();
    await page.getByText("後輩の資料づくりを手伝っていたときです", { exact: false }).waitFor();
    expect(chat.problems).toEqual([]);
    await chat.page.close();
    await page.close();
  });

  it("the browser reported no errors", () => {
    expect(errors).toEqual([]);
  });
});
