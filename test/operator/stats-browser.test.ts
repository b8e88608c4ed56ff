/**
 * The `npm run stats` report in a real browser: Debian's chromium, driven by playwright-core,
 * opens the page from disk and the charts render with bars of the right count and size, with
 * no console error and no request beyond the file. `UPDATE_SCREENSHOT=1` saves the
 * screenshot to docs/stats-report.png.
 */
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type Browser, type Locator } from "playwright-core";
import { statsText } from "../../src/stats/content";
import { runStats, type StatsRun } from "../../scripts/lib/stats-run";
import { sampleCohort, seedUsers, startStatsFixture, type StatsFixture } from "./stats-seed";

const CHROMIUM = "/usr/bin/chromium";
const SCREENSHOT = resolve(__dirname, "../../docs/stats-report.png");
const NOW = new Date("2026-11-24T12:00:00+09:00");

let fixture: StatsFixture;
let browser: Browser;
let dir: string;
let run: StatsRun;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `No browser at ${CHROMIUM}: install Debian's chromium package (and fonts-noto-cjk for Japanese), e.g. sudo apt-get install chromium fonts-noto-cjk.`,
    );
  }
  fixture = await startStatsFixture();
  dir = await mkdtemp(join(tmpdir(), "will-stats-browser-"));
  await seedUsers(fixture.db, sampleCohort(NOW, 64));
  fixture.line.quota.limit = 5000;
  fixture.line.quota.used = 1234;
  run = await runStats(fixture.config, { now: NOW, out: join(dir, "stats-report.html") });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--no-first-run",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await fixture?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function boxes(bars: Locator): Promise<{ value: number; width: number; height: number }[]> {
  const result = [];
  for (const bar of await bars.all()) {
    const box = await bar.boundingBox();
    result.push({ value: Number(await bar.getAttribute("data-value")), width: box?.width ?? 0, height: box?.height ?? 0 });
  }
  return result;
}

describe("the stats report in chromium", () => {
  it("renders every chart from disk, with bars sized by their values and nothing else loaded", async () => {
    const page = await browser.newPage({ viewport: { width: 1000, height: 800 }, deviceScaleFactor: 1 });
    const problems: string[] = [];
    const requests: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error" || message.type() === "warning") problems.push(message.text());
    });
    page.on("pageerror", (error) => problems.push(error.message));
    page.on("request", (request) => requests.push(request.url()));
    const url = pathToFileURL(run.outFile).href;
    await page.goto(url, { waitUntil: "load" });

    expect(await page.title()).toBe(statsText.title);
    await expect(page.locator("h1").textContent()).resolves.toBe(statsText.title);
    expect(await page.locator(".tile").count()).toBe(7);

    const funnel = await boxes(page.locator("#funnel rect.bar"));
    expect(funnel).toHaveLength(8);
    expect(funnel[0].value).toBe(64);
    for (const bar of funnel) {
      expect(bar.height).toBeGreaterThan(10);
      if (bar.value > 0) expect(bar.width).toBeGreaterThan(0);
    }
    // Widths follow the values: everyone reached the first stage, fewer each stage after.
    for (let i = 1; i < funnel.length; i += 1) expect(funnel[i].width).toBeLessThanOrEqual(funnel[i - 1].width);

    for (const [id, count] of [
      ["#weekly-users", 24],
      ["#weekly-thanks", 12],
    ] as const) {
      const bars = await boxes(page.locator(`${id} rect.bar`));
      expect(bars).toHaveLength(count);
      expect(bars.some((bar) => bar.value > 0)).toBe(true);
      for (const bar of bars) {
        expect(bar.width).toBeGreaterThan(5);
        if (bar.value > 0) expect(bar.height).toBeGreaterThan(0);
      }
      const tallest = bars.reduce((a, b) => (b.value > a.value ? b : a));
      const shortest = bars.filter((bar) => bar.value > 0).reduce((a, b) => (b.value < a.value ? b : a));
      expect(tallest.height / shortest.height).toBeCloseTo(tallest.value / shortest.value, 0);
    }

    const quota = await boxes(page.locator("#quota rect.bar"));
    expect(quota).toEqual([{ value: 1234, width: expect.any(Number), height: expect.any(Number) }]);
    expect(quota[0].width).toBeGreaterThan(0);
    await expect(page.locator("#quota .quota").textContent()).resolves.toBe("1,234 / 5,000通（25%）");

    expect(problems).toEqual([]);
    expect(requests).toEqual([url]);

    const path = process.env.UPDATE_SCREENSHOT === "1" ? SCREENSHOT : join(dir, "stats-report.png");
    await page.screenshot({ path, fullPage: true });
    const png = await readFile(path);
    expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
    expect(png.length).toBeGreaterThan(20_000);
    await page.close();
  }, 120_000);
});
