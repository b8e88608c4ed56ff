/**
 * The web chat in a real browser: the bot wired as `npm start -- --web` wires it (the webhook
 * server from src/server over the Firestore emulator, the LINE stand-in, the web chat's
 * server), Debian's chromium through playwright-core, and a driver that uses the page as a
 * person would: by tapping what is offered and typing plain answers.
 */
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { resolve } from "node:path";
import { promisify } from "node:util";
import type { Firestore } from "@google-cloud/firestore";
import { chromium, type Browser, type Page } from "playwright-core";
import { loadConfig } from "../../src/config";
import { BURST_WINDOW_MS } from "../../src/dialogue/burst";
import { silentLogger } from "../../src/log";
import { createFirestore, createServerApp } from "../../src/server";
import { freePort, wipeEmulator } from "../../scripts/lib/firestore-emulator";
import { startLineStandIn, type LineStandIn } from "../../scripts/lib/line-stand-in";
import { deployToStandIn } from "../../scripts/lib/richmenu-stages";
import { startWebChat, type WebChat } from "../../scripts/lib/web-chat/server";

/** How much longer than the window a person takes at the least, so that clocks a few ms apart cannot matter. */
const TYPING_MARGIN_MS = 200;

/** Debian's chromium; the tests never download a browser. */
export const CHROMIUM = "/usr/bin/chromium";
/** The phone the page is laid out for. */
export const PHONE = { width: 390, height: 844 } as const;

/** The bot, the web chat and a browser, all on loopback ports; `close` stops every one of them. */
export interface WebChatFixture {
  web: WebChat;
  line: LineStandIn;
  db: Firestore;
  browser: Browser;
  operatorId: string;
  /**
   * Runs `npm run reminders -- --now <now>` (its script, through tsx) in a process of its own
   * with the environment `npm start` prints for other terminals; resolves with what it printed.
   */
  runReminders(now: Date): Promise<string>;
  close(): Promise<void>;
}

/** Starts the fixture over the emulator the jest global setup started, in a project of its own. */
export async function startWebChatFixture(): Promise<WebChatFixture> {
  const emulatorHost = process.env.FIRESTORE_EMULATOR_HOST;
  if (!emulatorHost) throw new Error("FIRESTORE_EMULATOR_HOST is not set: the jest global setup starts the emulator.");
  const projectId = `demo-web-${randomBytes(4).toString("hex")}`;
  const channelSecret = randomBytes(16).toString("hex");
  const accessToken = randomBytes(24).toString("hex");
  const operatorId = `U${randomBytes(16).toString("hex")}`;
  const stops: (() => Promise<unknown>)[] = [];
  const close = async () => {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
  };
  try {
    const line = await startLineStandIn({ channelAccessToken: accessToken, channelSecret });
    stops.push(() => line.close());
    await deployToStandIn(resolve(__dirname, "../.."), line.url, accessToken);
    const port = await freePort();
    const env = {
      PORT: String(port),
      // As npm start sets it: the sheets' links lead to this server.
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      LINE_CHANNEL_SECRET: channelSecret,
      LINE_CHANNEL_ACCESS_TOKEN: accessToken,
      LINE_API_BASE_URL: line.url,
      FIRESTORE_EMULATOR_HOST: emulatorHost,
      GOOGLE_CLOUD_PROJECT: projectId,
      OPERATOR_LINE_IDS: operatorId,
    };
    const config = loadConfig(env);
    const server: Server = createServerApp(config, silentLogger).listen(port, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    stops.push(
      () =>
        new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        }),
    );
    const db = createFirestore(config);
    stops.push(
      () => wipeEmulator(emulatorHost, projectId),
      () => db.terminate(),
    );
    const web = await startWebChat({
      webhookUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook`,
      channelSecret,
      line,
      operatorIds: config.operatorLineIds,
      isKnownUser: async (id) => (await db.collection("users").doc(id).get()).exists,
    });
    stops.push(() => web.close());
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run", "--disable-sync"],
    });
    stops.push(() => browser.close());
    const runReminders = async (now: Date) => {
      const { LINE_CHANNEL_ACCESS_TOKEN, LINE_API_BASE_URL, FIRESTORE_EMULATOR_HOST, GOOGLE_CLOUD_PROJECT } = env;
      const { stdout } = await promisify(execFile)(
        process.execPath,
        [require.resolve("tsx/cli"), resolve(__dirname, "../../scripts/reminders.ts"), "--now", now.toISOString()],
        {
          env: { PATH: process.env.PATH, LINE_CHANNEL_ACCESS_TOKEN, LINE_API_BASE_URL, FIRESTORE_EMULATOR_HOST, GOOGLE_CLOUD_PROJECT },
          timeout: 30_000,
        },
      );
      return stdout;
    };
    return { web, line, db, browser, operatorId, runReminders, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** What the page must never do on a phone: scroll sideways, or draw a card or the quick-reply bar past its edge. */
export interface PhoneFit {
  pageScrollWidth: number;
  timelineOverflow: number;
  /** The left and right edges of the visible quick-reply bar and of each button's row (their tops). */
  quickReplyBar: { left: number; right: number; tops: number[]; scrolls: boolean } | null;
  /** Each Flex bubble's width, and its edges unless it sits in a carousel (which scrolls). */
  bubbles: { width: number; left: number; right: number; inCarousel: boolean }[];
}

/** A tab of the web chat as one LINE user, with the console watched for errors. */
export class PhoneChat {
  /** Console errors and warnings, and uncaught page errors, in order. */
  readonly problems: string[] = [];
  private answers = 0;
  /** When the driver last sent typed text (epoch ms); 0 before the first. */
  private lastTypedAt = 0;

  private constructor(
    readonly page: Page,
    readonly userId: string,
  ) {
    page.on("console", (message) => {
      if (message.type() === "error" || message.type() === "warning") this.problems.push(message.text());
    });
    page.on("pageerror", (error) => this.problems.push(error.message));
  }

  /** Opens the page in a new phone-sized tab as `userId` and waits until the bot has greeted. */
  static async open(fixture: Pick<WebChatFixture, "browser" | "web">, userId: string, deviceScaleFactor = 2): Promise<PhoneChat> {
    const page = await fixture.browser.newPage({ viewport: PHONE, deviceScaleFactor, isMobile: false, hasTouch: false });
    const chat = new PhoneChat(page, userId);
    await page.goto(`${fixture.web.url}?user=${userId}`);
    await page.waitForSelector('body[data-ready="true"]');
    await chat.settle();
    return chat;
  }

  /** Waits until what was sent has been answered and the answer is on the screen; throws what the page reported if it went wrong. */
  async settle(): Promise<void> {
    await this.page.waitForSelector('body[data-busy="false"]', { timeout: 10_000 });
    const toast = this.page.locator("#toast");
    if (await toast.isVisible()) throw new Error(`The page says: ${await toast.textContent()}`);
  }

  /** The labels of the quick replies on screen (none when the bar is hidden). */
  async quickReplies(): Promise<string[]> {
    return this.page.locator("#quick-replies:not([hidden]) .quick-reply").allTextContents();
  }

  /** Taps the quick reply labelled `label` and waits for the answer. */
  async tap(label: string): Promise<void> {
    await this.page.locator("#quick-replies .quick-reply").getByText(label, { exact: true }).click();
    await this.settle();
  }

  /**
   * Types `text` into the message box (switching from the rich menu to the keyboard if needed)
   * and presses Enter. At a person's pace: reading the reply and typing a sentence take longer
   * than the window in which the bot reads typed messages as one answer sent in a row, so the
   * driver lets that window pass since its last typed message.
   */
  async type(text: string): Promise<void> {
    const input = this.page.locator("#input");
    if (!(await input.isVisible())) await this.page.locator("#to-keyboard").click();
    const wait = this.lastTypedAt + BURST_WINDOW_MS + TYPING_MARGIN_MS - Date.now();
    if (wait > 0) await this.page.waitForTimeout(wait);
    await input.fill(text);
    await input.press("Enter");
    this.lastTypedAt = Date.now();
    await this.settle();
  }

  /** Taps the first datetimepicker quick reply in `mode` and picks `value` (e.g. "2026-12-01") in the browser's own input. */
  async pick(mode: "date" | "time" | "datetime", pickValue: (input: { min: string | null; max: string | null }) => string): Promise<void> {
    await this.page.locator(`#quick-replies .quick-reply[data-action="datetimepicker"][data-mode="${mode}"]`).first().click();
    const input = this.page.locator("#picker input");
    const value = pickValue({ min: await input.getAttribute("min"), max: await input.getAttribute("max") });
    await input.fill(value);
    await this.page.locator("#picker .picker-done").click();
    await this.settle();
  }

  /** Whether a datetimepicker quick reply in `mode` is offered. */
  async offersPicker(mode: "date" | "time" | "datetime"): Promise<boolean> {
    return (
      (await this.page.locator(`#quick-replies:not([hidden]) .quick-reply[data-action="datetimepicker"][data-mode="${mode}"]`).count()) > 0
    );
  }

  /** The next of a few plain answers, as a person would type them to any open question. */
  nextAnswer(): string {
    const answers = [
      "毎日同じ作業のくり返しで、誰の役に立っているのか見えないことです",
      "後輩がシステムの操作で困っていたので手順をまとめて渡したら、すごく助かりましたと言われました",
      "自分がつまずいたところを思い出して、画面の写真つきでまとめました",
      "働く楽しさや自分の経験を伝えることです",
      "後輩の資料づくりを手伝ったら、助かりましたと言われました",
    ];
    const answer = answers[this.answers % answers.length] ?? answers[0];
    this.answers += 1;
    return answer;
  }

  /** Where the page's parts sit in the viewport now (see {@link PhoneFit}). */
  async fit(): Promise<PhoneFit> {
    const bar = this.page.locator("#quick-replies:not([hidden])");
    let quickReplyBar: PhoneFit["quickReplyBar"] = null;
    const barBox = (await bar.count()) > 0 ? await bar.boundingBox() : null;
    if (barBox) {
      const tops = [];
      for (const button of await bar.locator(".quick-reply").all()) tops.push((await button.boundingBox())?.y ?? -1);
      const scrolls = await this.page.evaluate(
        "document.getElementById('quick-replies').scrollWidth > document.getElementById('quick-replies').clientWidth",
      );
      quickReplyBar = { left: barBox.x, right: barBox.x + barBox.width, tops, scrolls: scrolls === true };
    }
    const bubbles = [];
    for (const bubble of await this.page.locator(".flex-bubble").all()) {
      const box = await bubble.boundingBox();
      const inCarousel = (await bubble.locator("xpath=..").getAttribute("class")) === "flex-carousel";
      if (box) bubbles.push({ width: box.width, left: box.x, right: box.x + box.width, inCarousel });
    }
    const widths = await this.page.evaluate<{ page: number; timeline: number }>(
      "({ page: document.documentElement.scrollWidth, timeline: document.getElementById('timeline').scrollWidth - document.getElementById('timeline').clientWidth })",
    );
    return { pageScrollWidth: widths.page, timelineOverflow: widths.timeline, quickReplyBar, bubbles };
  }
}
