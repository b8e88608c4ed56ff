/**
 * `npm start -- --web` in Debian's chromium on a 390 × 844 phone: a new user completes the
 * first session by tapping what the bot offers (and typing where it asks), a reminder sent
 * by `npm run reminders` appears without a reload and leads to a check-in with its bar
 * chart, a hand-off reaches the consultant's tab (these share that user, in order), and
 * the rich menu, stickers, images, blocking and unblocking work; nothing on the page runs
 * past the phone's edge and the console stays clean. The bot's wording changes often, so the
 * driver taps by the labels the bot actually offers. `UPDATE_SCREENSHOT=1` saves the
 * screenshots to docs/.
 */
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { copy } from "../../scripts/lib/web-chat/page/copy";
import { commandData } from "../../src/dialogue";
import { handoverCode } from "../../src/store/user-document";
import { storedReminderAt } from "../helpers/stored-user";
import { CHROMIUM, PHONE, PhoneChat, startWebChatFixture, type WebChatFixture } from "../helpers/web-chat";

/** Labels to tap, first found first, when the bot offers them. */
const PREFERRED = [
  "同意してはじめる",
  "いまはじめる",
  "次へ",
  "しっくりくる",
  "①にする",
  "毎週 日曜 20:00",
  "今週中",
  "できた",
  "つながっている",
  "あった",
];
/** Labels that would leave the path or loop (later, stop, rewrite, more of the same); tapped only when nothing else is offered. */
const AVOIDED = [
  "あとで",
  "やめておく",
  "くわしく見る",
  "いらない",
  "自分で書き直す",
  "自分で決める",
  "もう一つ",
  "思いつかない",
  "スキップ",
  "やめる",
];
const MAX_STEPS = 45;

let fixture: WebChatFixture;
let chat: PhoneChat;
let dir: string;

const screenshot = (name: string) => (process.env.UPDATE_SCREENSHOT === "1" ? resolve(__dirname, "../../docs", name) : join(dir, name));

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `No browser at ${CHROMIUM}: install Debian's chromium package (and fonts-noto-cjk for Japanese), e.g. sudo apt-get install chromium fonts-noto-cjk.`,
    );
  }
  dir = await mkdtemp(join(tmpdir(), "will-web-chat-"));
  fixture = await startWebChatFixture();
}, 60_000);

afterAll(async () => {
  await chat?.page.close();
  await fixture?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** Checks that nothing on screen runs past the phone's edge, and that the quick replies stay one row. */
async function expectFitsPhone(): Promise<{ quickRepliesScroll: boolean }> {
  const fit = await chat.fit();
  expect(fit.pageScrollWidth).toBeLessThanOrEqual(PHONE.width);
  expect(fit.timelineOverflow).toBeLessThanOrEqual(0);
  for (const bubble of fit.bubbles) {
    expect(bubble.width).toBeLessThanOrEqual(PHONE.width);
    if (!bubble.inCarousel) {
      expect(bubble.left).toBeGreaterThanOrEqual(0);
      expect(bubble.right).toBeLessThanOrEqual(PHONE.width);
    }
  }
  const bar = fit.quickReplyBar;
  if (bar) {
    expect(bar.left).toBeGreaterThanOrEqual(0);
    expect(bar.right).toBeLessThanOrEqual(PHONE.width);
    expect(new Set(bar.tops).size).toBe(1);
  }
  return { quickRepliesScroll: bar?.scrolls ?? false };
}

/**
 * Answers the bot one step at a time until `done` says so: a preferred label when offered,
 * a date in the browser's date input once, else the first label that keeps to the path, else
 * a typed answer. Calls `onStep` after each answer with whether the quick replies scroll.
 */
async function converseUntil(
  done: () => Promise<boolean>,
  onStep: (scrolls: boolean) => Promise<void> = async () => {},
): Promise<string[]> {
  const transcript: string[] = [];
  let pickedDate = false;
  for (let step = 0; step < MAX_STEPS; step += 1) {
    if (await done()) return transcript;
    const offered = await chat.quickReplies();
    const preferred = PREFERRED.find((label) => offered.includes(label));
    const onPath = offered.filter((label) => !AVOIDED.includes(label));
    const decided = offered.includes("決定") && offered.some((label) => label.startsWith("✓"));
    if (!pickedDate && (await chat.offersPicker("date"))) {
      pickedDate = true;
      transcript.push("(date picker)");
      await chat.pick("date", ({ min, max }) => laterDate(min, max));
    } else if (decided) {
      transcript.push("決定");
      await chat.tap("決定");
    } else if (preferred) {
      transcript.push(preferred);
      await chat.tap(preferred);
    } else if (onPath.some((label) => label !== "決定")) {
      const label = onPath.find((candidate) => candidate !== "決定" && !candidate.startsWith("✓")) ?? onPath[0];
      transcript.push(label);
      await chat.tap(label);
    } else {
      const answer = chat.nextAnswer();
      transcript.push(`"${answer}"`);
      await chat.type(answer);
    }
    await onStep((await expectFitsPhone()).quickRepliesScroll);
  }
  throw new Error(`Not done after ${MAX_STEPS} steps: ${transcript.join(" → ")}`);
}

/** A date three days on from the picker's minimum (or today), kept under its maximum. */
function laterDate(min: string | null, max: string | null): string {
  const start = min ? new Date(`${min}T00:00:00Z`) : new Date();
  const date = new Date(start.getTime() + 3 * 86_400_000).toISOString().slice(0, 10);
  return max !== null && date > max ? max : date;
}

/** Taps the rich-menu area that runs `command`, unfolding the menu first if needed. */
async function tapMenu(command: Parameters<typeof commandData>[0]): Promise<void> {
  const page = chat.page;
  if (await page.locator("#to-menu").isVisible()) await page.locator("#to-menu").click();
  if ((await page.locator("#chat-bar").getAttribute("aria-expanded")) !== "true") await page.locator("#chat-bar").click();
  await page.locator(`.rich-menu-area[data-postback="${commandData(command)}"]`).click();
  await chat.settle();
}

/**
 * The first session of the page's main user, walked once by tapping (whichever test needs it
 * first), with the phone-fit checks and the first screenshot taken on the way; the tests after
 * it build on that user, so that they can run in any order.
 */
let session: Promise<{ transcript: string[]; scrolled: boolean }> | undefined;
function firstSession(): Promise<{ transcript: string[]; scrolled: boolean }> {
  session ??= (async () => {
    chat = await PhoneChat.open(fixture, `U${randomBytes(16).toString("hex")}`);
    expect(await chat.quickReplies()).toContain("同意してはじめる");
    let scrolled: boolean = false;
    const transcript = await converseUntil(
      async () => (await summaryCard().count()) > 0,
      async (scrolls) => {
        if (scrolls && !scrolled) {
          scrolled = true;
          await chat.page.screenshot({ path: screenshot("web-chat.png") });
        }
      },
    );
    return { transcript, scrolled };
  })();
  return session;
}

const summaryCard = () => chat.page.locator(".flex-bubble").filter({ has: chat.page.locator(".flex-header", { hasText: "WILLノート" }) });

describe("the web chat in chromium on a phone", () => {
  it("takes a new user through the first session by tapping, and nothing runs past the phone's edge", async () => {
    const { transcript, scrolled } = await firstSession();
    expect(transcript).toContain("(date picker)");
    expect(scrolled).toBe(true);
    const card = summaryCard().last();
    await card.scrollIntoViewIfNeeded();
    await expectFitsPhone();
    await chat.page.screenshot({ path: screenshot("web-chat-card.png"), scale: "css" });
    expect(chat.problems).toEqual([]);
  }, 60_000);

  it("shows a reminder sent by npm run reminders without a reload, and its check-in ends with a bar chart", async () => {
    await firstSession();
    const doc = await fixture.db.collection("users").doc(chat.userId).get();
    const due = storedReminderAt(doc);
    expect(due).not.toBeNull();
    await chat.page.evaluate("window.notReloaded = true");
    const rows = await chat.page.locator(".row").count();

    expect(await fixture.runReminders(new Date(due ?? 0))).toMatch(/, sent 1,/);
    await chat.page.locator('.row[data-delivery="push"]').first().waitFor();
    expect(await chat.page.evaluate("window.notReloaded")).toBe(true);
    expect(await chat.page.locator(".row").count()).toBeGreaterThan(rows);

    const bars = chat.page.locator('.flex-bubble .flex-box > .flex-box[style*="%"]');
    await converseUntil(async () => (await bars.count()) > 0);
    for (const fill of await bars.all()) {
      const percent = Number(/width:\s*([\d.]+)%/.exec((await fill.getAttribute("style")) ?? "")?.[1]);
      const fillBox = await fill.boundingBox();
      const trackBox = await fill.locator("xpath=..").boundingBox();
      expect(fillBox && trackBox).toBeTruthy();
      if (fillBox && trackBox) expect(fillBox.width).toBeCloseTo((trackBox.width * percent) / 100, 0);
    }
    await bars.first().locator("xpath=ancestor::div[contains(@class, 'flex-bubble')]").scrollIntoViewIfNeeded();
    await chat.page.screenshot({ path: screenshot("web-chat-chart.png"), scale: "css" });
    expect(chat.problems).toEqual([]);
  }, 60_000);

  it("shows the records as a carousel that scrolls sideways inside the phone", async () => {
    await firstSession();
    await tapMenu("records");
    const carousel = chat.page.locator(".flex-carousel").last();
    await carousel.scrollIntoViewIfNeeded();
    const box = await carousel.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= PHONE.width).toBe(true);
    const bubbles = await carousel.locator(":scope > .flex-bubble").count();
    expect(bubbles).toBeGreaterThan(0);
    const scrolls = await chat.page.evaluate<boolean>(
      "[...document.querySelectorAll('.flex-carousel')].pop().scrollWidth > [...document.querySelectorAll('.flex-carousel')].pop().clientWidth",
    );
    expect(scrolls).toBe(bubbles > 1);
    await chat.page.screenshot({ path: screenshot("web-chat-records.png"), scale: "css" });
    await expectFitsPhone();
    expect(chat.problems).toEqual([]);
  }, 20_000);

  it("shows the consultant's side of a hand-off in the consultant's own tab", async () => {
    await firstSession();
    const page = chat.page;
    await tapMenu("consult");
    const notice = page.locator(".notice-operator");
    await converseUntil(async () => (await notice.count()) > 0);

    const consultant = await PhoneChat.open(fixture, fixture.operatorId, 1);
    await expect(consultant.page.locator('.row-bot[data-delivery="push"]').count()).resolves.toBeGreaterThan(0);
    expect(await consultant.page.locator(".notice").count()).toBe(0);
    expect(consultant.problems).toEqual([]);
    await consultant.page.close();
    expect(chat.problems).toEqual([]);
  }, 30_000);

  it("shows each stage's own menu: before consent, after it, with a consultant and back with the bot", async () => {
    const user = `U${randomBytes(16).toString("hex")}`;
    const client = await PhoneChat.open(fixture, user, 1);
    const menu = () => client.page.locator("#rich-menu").getAttribute("data-menu");
    const tiles = async () => {
      const areas = client.page.locator(".rich-menu-area");
      return Promise.all((await areas.all()).map((area) => area.getAttribute("aria-label")));
    };
    await expect(menu()).resolves.toContain("onboarding");
    await expect(tiles()).resolves.toEqual(["はじめる", "ヘルプ", "データの扱い"]);
    await expect(client.page.locator("#chat-bar").textContent()).resolves.toBe("メニュー▲");

    for (const label of ["同意してはじめる", "いまはじめる", "2"]) await client.tap(label);
    await expect(menu()).resolves.toContain("main");
    await expect(tiles()).resolves.toHaveLength(6);
    await client.type("相談したい");
    for (const label of ["スキップ", "WILLのまとめだけ", "送る"]) await client.tap(label);

    const consultant = await PhoneChat.open(fixture, fixture.operatorId, 1);
    await consultant.type(`対応 ${handoverCode(user)}`);
    await consultant.page.close();
    await client.page.locator('#rich-menu[data-menu*="consultant"]').waitFor({ state: "attached" });
    await expect(tiles()).resolves.toEqual(["ボットに戻る", "データ確認", "ヘルプ"]);
    await expect(client.page.locator("#chat-bar").textContent()).resolves.toBe("相談中メニュー▲");

    // Typing switched the page to the keyboard: back to the menu, as a user would.
    await client.page.locator("#to-menu").click();
    await client.page.locator("#chat-bar").click();
    await client.page.screenshot({ path: screenshot("web-chat-consultant-menu.png"), scale: "css" });
    await client.page.locator('.rich-menu-area[aria-label="ボットに戻る"]').click();
    await client.settle();
    await expect(menu()).resolves.toContain("main");
    expect(client.problems).toEqual([]);
    await client.page.close();
  }, 60_000);

  it("gives another tab another user, who sends the rich menu's postbacks, a sticker and an image, and blocks and unblocks", async () => {
    const other = await PhoneChat.open(fixture, `U${randomBytes(16).toString("hex")}`, 1);
    const page = other.page;
    expect(await page.locator(".row-bot[data-seq]").count()).toBeGreaterThan(0);
    expect(await page.locator(".row-user").count()).toBe(0);
    await page.locator("#chat-bar").click();
    await expect(page.locator("#chat-bar").getAttribute("aria-expanded")).resolves.toBe("true");
    const menu = await page.locator("#rich-menu").boundingBox();
    expect(menu?.width).toBe(PHONE.width);
    await page.screenshot({ path: screenshot("web-chat-menu.png"), scale: "css" });
    const tile = page.locator(".rich-menu-area").first();
    const title = (await tile.getAttribute("aria-label")) ?? "";
    await tile.click();
    await other.settle();
    await expect(page.locator(".row-user .bubble-user").last().textContent()).resolves.toBe(title);
    await page.locator("#chat-bar").click();
    await expect(page.locator("#rich-menu").isHidden()).resolves.toBe(true);

    const answered = async (act: () => Promise<void>) => {
      const before = await page.locator(".row-bot[data-seq]").count();
      await act();
      await other.settle();
      expect(await page.locator(".row-bot[data-seq]").count()).toBeGreaterThan(before);
    };
    await page.locator("#to-keyboard").click();
    await answered(() => page.locator("#send-sticker").click());
    expect(await page.locator(".row-user .sticker").count()).toBe(1);
    const image = await readFile(resolve(__dirname, "../../assets/richmenu-main.png"));
    await answered(() => page.locator("#image-file").setInputFiles({ name: "photo.png", mimeType: "image/png", buffer: image }));
    await expect(page.locator(".row-user img.photo").last().getAttribute("src")).resolves.toMatch(/^data:image\/jpeg;base64,/);

    await page.locator("#more summary").click();
    await page.locator('.more-menu [data-do="block"]').click();
    await other.settle();
    await expect(page.locator("#blocked-bar").isVisible()).resolves.toBe(true);
    await expect(page.locator("#keyboard-bar").isVisible()).resolves.toBe(false);
    await answered(() => page.locator('#blocked-bar [data-do="unblock"]').click());
    await expect(page.locator("#blocked-bar").isVisible()).resolves.toBe(false);
    await expect(page.locator(".notice").allTextContents()).resolves.toEqual(expect.arrayContaining([copy.blocked, copy.unblocked]));
    expect(other.problems).toEqual([]);
    await page.close();
  }, 30_000);
});
