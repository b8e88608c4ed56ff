/**
 * `npm run test:deploy`, the console's part: the built `consoleApi` function and the built page
 * in Firebase's own emulators, reached as a deployed console is, through the Hosting emulator's
 * address (firebase.json rewrites `/api/**` to the function). Accounts are made as a browser and
 * the operator make them: signing up with the Auth emulator's REST API, and `npm run
 * consultants -- add`. A consultant's ID token gets the shared clients, a signed-in
 * non-consultant gets 403 and no token 401; the function has LINE's access token for homework
 * and hand-overs; the page signs a consultant in, in chromium.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { buildConsoleHosting } from "../../scripts/build-console";
import { buildFunctions } from "../../scripts/build-functions";
import { EMULATOR_PROJECT, startFirebaseEmulators, type RunningFirebaseEmulators } from "../../scripts/lib/firebase-emulators";
import { startLineStandIn, type LineStandIn } from "../../scripts/lib/line-stand-in";
import { createFirestore } from "../../src/server";
import { CHROMIUM } from "../helpers/web-chat";
import { seedSharedClient } from "../helpers/shared-client";

const ROOT = join(__dirname, "..", "..");
const CONSULTANT = { email: "deploy-consultant@example.com", password: "deploy-consultant-1" };
const NON_CONSULTANT = { email: "deploy-someone@example.com", password: "deploy-someone-1" };
const CLIENT = `U${"d4".repeat(16)}`;
let line: LineStandIn;
let emulators: RunningFirebaseEmulators;

/** Signs up or in through the Auth emulator's REST API, as the console page does; returns the ID token. */
async function identity(action: "signUp" | "signInWithPassword", account: { email: string; password: string }): Promise<string> {
  const response = await fetch(`http://${emulators.authHost}/identitytoolkit.googleapis.com/v1/accounts:${action}?key=fake-api-key`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ ...account, returnSecureToken: true }),
  });
  const body = (await response.json()) as { idToken?: string };
  if (!response.ok || body.idToken === undefined) throw new Error(`accounts:${action} answered ${response.status}.`);
  return body.idToken;
}

beforeAll(async () => {
  await buildFunctions();
  await buildConsoleHosting();
  line = await startLineStandIn({ channelAccessToken: "deploy-console-token", channelSecret: "deploy-console-secret" });
  emulators = await startFirebaseEmulators({
    lineApiBaseUrl: line.url,
    channelSecret: "deploy-console-secret",
    channelAccessToken: "deploy-console-token",
  });
  await identity("signUp", CONSULTANT);
  await identity("signUp", NON_CONSULTANT);
  const added = spawnSync(join(ROOT, "node_modules", ".bin", "tsx"), [join(ROOT, "scripts", "consultants.ts"), "add", CONSULTANT.email], {
    env: { ...process.env, FIREBASE_AUTH_EMULATOR_HOST: emulators.authHost, GOOGLE_CLOUD_PROJECT: EMULATOR_PROJECT },
    encoding: "utf8",
    timeout: 30_000,
  });
  if (added.status !== 0) throw new Error(`npm run consultants -- add failed: ${added.stdout}${added.stderr}`);
  const db = createFirestore({ projectId: EMULATOR_PROJECT, firestoreEmulatorHost: emulators.firestoreHost });
  await seedSharedClient(db, CLIENT, { each: 3 });
  await db.terminate();
}, 150_000);

afterAll(async () => {
  await emulators?.stop();
  await line?.close();
}, 30_000);

const clients = async (token?: string) => {
  const response = await fetch(`${emulators.hostingUrl}/api/clients`, {
    headers: token === undefined ? {} : { authorization: `Bearer ${token}` },
  });
  const log = response.status >= 500 ? emulators.output().slice(-3000) : "";
  return { status: response.status, body: (await response.json()) as { clients?: { code: string }[]; error?: string }, log };
};

describe("the console's functions in the Firebase emulators, through Hosting", () => {
  it("a consultant's ID token from the Auth emulator gets the shared clients", async () => {
    const { status, body, log } = await clients(await identity("signInWithPassword", CONSULTANT));
    expect({ status, log }).toEqual({ status: 200, log: "" });
    expect(body.clients).toHaveLength(1);
    expect(JSON.stringify(body)).not.toContain(CLIENT);
  });

  it("a signed-in account without the consultant claim gets 403", async () => {
    expect(await clients(await identity("signInWithPassword", NON_CONSULTANT))).toMatchObject({
      status: 403,
      body: { error: "forbidden" },
    });
  });

  it("a request without a token gets 401", async () => {
    expect(await clients()).toMatchObject({ status: 401, body: { error: "unauthenticated" } });
  });

  it("the function has LINE's access token: homework sent through Hosting reaches the client through the LINE stand-in, and the hand-over queue answers", async () => {
    const token = await identity("signInWithPassword", CONSULTANT);
    const code = (await clients(token)).body.clients?.[0]?.code;
    const call = (path: string, body?: unknown) =>
      fetch(`${emulators.hostingUrl}/api${path}`, {
        method: body === undefined ? "GET" : "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    const sent = await call(`/clients/${code}/homework`, { kind: "question", text: "最近、誰かに頼られた場面はありましたか？" });
    expect(sent.status).toBe(201);
    expect(line.sent().filter((batch) => batch.kind === "push" && batch.to.includes(CLIENT))).toHaveLength(1);
    const queue = await call("/handovers");
    expect({ status: queue.status, body: await queue.json() }).toEqual({ status: 200, body: { handovers: [] } });
  });

  it("the page Hosting serves signs a consultant in with the Auth emulator and lists the client, within its security headers", async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`No browser at ${CHROMIUM}: install Debian's chromium package.`);
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--headless", "--no-sandbox", "--disable-gpu"] });
    try {
      const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
      const errors: string[] = [];
      page.on("pageerror", (error) => errors.push(error.message));
      // A failed request shows as the browser's own note; which one failed is checked below instead.
      page.on("console", (message) => {
        if (message.type() === "error" && !message.text().startsWith("Failed to load resource")) errors.push(message.text());
      });
      page.on("response", (answer) => {
        if (answer.status() >= 400 && new URL(answer.url()).pathname !== "/favicon.ico") errors.push(`${answer.status()} ${answer.url()}`);
      });
      const response = await page.goto(`${emulators.hostingUrl}/`);
      expect(response?.headers()["content-security-policy"]).toContain("default-src 'none'");
      await page.getByLabel("メールアドレス").fill(CONSULTANT.email);
      await page.getByLabel("パスワード").fill(CONSULTANT.password);
      await page.getByRole("button", { name: "ログインする" }).click();
      await page.locator(".client-row").first().waitFor({ timeout: 20_000 });
      expect(await page.locator(".client-row").count()).toBe(1);
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 60_000);
});
