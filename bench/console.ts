/**
 * The consultants' console in Debian's chromium (playwright-core, as the tests use it), over the
 * Firestore emulator: the clients page with 1,000 shared clients and a client's page with 500
 * moments, check-ins, step outcomes and past WILL versions. Each figure is the time from the
 * start of a navigation (the browser's own clock, `performance.now()`) to the list being on
 * screen: the first rows of the clients page, its alerts, every item of the client's page. The
 * page, the console API and the Auth emulator run as `npm start -- --web` runs them; clients
 * are written through the store, then left as the release before the kept check-in scores
 * left them (no scores, no alert flag), so that the first alerts read fills them in once, as
 * it would after the update. `npm run bench` runs it; `npm run bench:console` alone.
 */
import { randomBytes } from "node:crypto";
import { FieldValue, type Firestore } from "@google-cloud/firestore";
import { chromium, type Page } from "playwright-core";
import { startFirestoreEmulator, wipeEmulator } from "../scripts/lib/firestore-emulator";
import { LOCAL_CONSULTANT, startLocalConsole } from "../scripts/lib/local-console";
import { createJsonLogger } from "../src/log";
import { createFirestore } from "../src/server";
import { seedSharedClient } from "../test/helpers/shared-client";
import { CHROMIUM } from "../test/helpers/web-chat";
import { spread, type Spread } from "./stats";

/** What {@link benchConsole} measured. */
export interface ConsoleResults {
  clients: number;
  /** Moments, check-ins, step outcomes and past WILL versions of the big client, each. */
  entriesEach: number;
  /** Rows the clients page shows before 「もっと見る」. */
  rowsShown: number;
  /** Clients the alerts list (three check-ins at やりがい度 1). */
  alertsShown: number;
  /** The first alerts read, which filled in the check-in scores of every client once. */
  firstAlertsApiMs: number;
  /** Navigation to the first rows of the clients page on screen. */
  clientsPageMs: Spread;
  /** Of which the console API's answer. */
  clientsApiMs: Spread;
  /** Navigation to the alerts above the list on screen. */
  alertsPageMs: Spread;
  /** Of which the alerts' answer. */
  alertsApiMs: Spread;
  /** Navigation to every list of the big client's page on screen (its WILL versions, moments, steps and check-ins). */
  clientPageMs: Spread;
  /** Of which the console API's answer. */
  clientApiMs: Spread;
}

/** What the timing reads in the page (the bench compiles without the DOM's types). */
interface InPage {
  document: { querySelectorAll(selector: string): { length: number } };
  performance: { now(): number; getEntriesByType(type: "resource"): { name: string; startTime: number; responseEnd: number }[] };
}

/** How many clients write at once while seeding. */
const SEEDING = 16;
/** Every how many clients one checked in three times at やりがい度 1 (the alerts list them). */
const LOW_EVERY = 100;

/**
 * Navigates to `url` afresh; returns the page's own time at which `selector` matched `count` or
 * more elements, and how much of it the console API's answer took (request to last byte).
 */
async function timeTo(page: Page, url: string, selector: string, count: number): Promise<{ shown: number; api: number }> {
  await page.goto("about:blank");
  await page.goto(url);
  return await timeShown(page, selector, count, "/api/");
}

/**
 * The page's own time (since its navigation) at which `selector` matched `count` or more
 * elements, and how long the requests whose address contains `api` took (request to last byte).
 */
async function timeShown(page: Page, selector: string, count: number, api: string): Promise<{ shown: number; api: number }> {
  const handle = await page.waitForFunction(
    ([css, least]) => {
      const { document: doc, performance: clock } = globalThis as unknown as InPage;
      return doc.querySelectorAll(css).length >= least && clock.now();
    },
    [selector, count] as const,
    { timeout: 120_000, polling: "raf" },
  );
  const shown = (await handle.jsonValue()) as number;
  const took = await page.evaluate((path) => {
    const { performance: clock } = globalThis as unknown as InPage;
    const calls = clock.getEntriesByType("resource").filter((entry) => entry.name.includes(path));
    return calls.reduce((sum, entry) => sum + entry.responseEnd - entry.startTime, 0);
  }, api);
  return { shown, api: took };
}

/** Leaves the seeded clients as the release before the kept check-in scores left them: no scores in the state, no alert flag. */
async function withoutScores(db: Firestore): Promise<void> {
  const users = await db.collection("users").get();
  const batch = db.bulkWriter();
  for (const doc of users.docs) {
    const state = JSON.parse(String(doc.get("stateJson"))) as { profile: Record<string, unknown> };
    delete state.profile.checkinScores;
    void batch.update(doc.ref, { stateJson: JSON.stringify(state), consoleAlert: FieldValue.delete() });
  }
  await batch.close();
}

/** Seeds `clients` shared clients and one with `each` of everything, then times both pages `runs` times. */
export async function benchConsole(
  options: { clients: number; each: number; runs: number; emulatorHost: string },
  say: (line: string) => void = () => undefined,
): Promise<ConsoleResults> {
  const projectId = `demo-bench-console-${randomBytes(4).toString("hex")}`;
  const db = createFirestore({ projectId, firestoreEmulatorHost: options.emulatorHost });
  const stops: (() => Promise<unknown>)[] = [() => wipeEmulator(options.emulatorHost, projectId), () => db.terminate()];
  try {
    say(`console: seeding ${options.clients} shared clients and one with ${options.each} of each …`);
    const big = await seedSharedClient(db, `U${"be".repeat(16)}`, { each: options.each });
    for (let from = 1; from < options.clients; from += SEEDING) {
      const batch = Array.from({ length: Math.min(SEEDING, options.clients - from) }, (_, i) => from + i);
      await Promise.all(
        batch.map((n) =>
          seedSharedClient(db, `U${n.toString(16).padStart(32, "0")}`, {
            each: 2,
            lastActiveAt: new Date(Date.UTC(2026, 1, 1, 0, n)),
            lowCheckins: n % LOW_EVERY === 0,
          }),
        ),
      );
    }
    await withoutScores(db);
    const alertsShown = Math.floor((options.clients - 1) / LOW_EVERY);
    const consoleWeb = await startLocalConsole(
      projectId,
      options.emulatorHost,
      createJsonLogger(() => undefined),
    );
    stops.unshift(() => consoleWeb.close());
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--headless", "--no-sandbox", "--disable-gpu"] });
    stops.unshift(() => browser.close());
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(consoleWeb.url);
    await page.getByLabel("メールアドレス").fill(LOCAL_CONSULTANT.email);
    await page.getByLabel("パスワード").fill(LOCAL_CONSULTANT.password);
    await page.getByRole("button", { name: "ログインする" }).click();
    await page.locator(".client-row").first().waitFor({ timeout: 60_000 });
    const rowsShown = await page.locator(".client-row").count();
    const firstAlerts = await timeShown(page, "section.alerts li", alertsShown, "/api/alerts");
    const clients: { shown: number; api: number }[] = [];
    const alerts: { shown: number; api: number }[] = [];
    const client: { shown: number; api: number }[] = [];
    for (let run = 0; run < options.runs; run++) {
      clients.push(await timeTo(page, `${consoleWeb.url}#/`, ".client-row", rowsShown));
      alerts.push(await timeShown(page, "section.alerts li", alertsShown, "/api/alerts"));
      client.push(await timeTo(page, `${consoleWeb.url}#/c/${big}`, "main li", options.each * 4));
    }
    return {
      clients: options.clients,
      entriesEach: options.each,
      rowsShown,
      alertsShown,
      firstAlertsApiMs: Math.round(firstAlerts.api),
      clientsPageMs: spread(
        clients.map((run) => run.shown),
        0,
      ),
      clientsApiMs: spread(
        clients.map((run) => run.api),
        0,
      ),
      alertsPageMs: spread(
        alerts.map((run) => run.shown),
        0,
      ),
      alertsApiMs: spread(
        alerts.map((run) => run.api),
        0,
      ),
      clientPageMs: spread(
        client.map((run) => run.shown),
        0,
      ),
      clientApiMs: spread(
        client.map((run) => run.api),
        0,
      ),
    };
  } finally {
    for (const stop of stops) await stop().catch(() => undefined);
  }
}

if (require.main === module) {
  void (async () => {
    process.env.METADATA_SERVER_DETECTION = "none";
    const emulator = await startFirestoreEmulator();
    try {
      const results = await benchConsole({ clients: 1000, each: 500, runs: 5, emulatorHost: emulator.host }, (line) =>
        process.stdout.write(`${line}\n`),
      );
      process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
    } finally {
      await emulator.stop();
    }
  })().then(
    () => process.exit(0),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    },
  );
}
