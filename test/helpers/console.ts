/**
 * The consultants' console for tests: the bot's stack, the Auth emulator this file starts
 * (under the stack's demo project), and the console API as its own process, as the
 * `consoleApi` function runs apart from the webhook. Accounts are made as a browser and the
 * operator make them: signing up through the emulator's REST API, and `npm run consultants`.
 * (firebase-admin's Authentication cannot load inside Jest's module sandbox, which is one more
 * reason the API runs in a process of its own.)
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { answerData, commandData } from "../../src/dialogue";
import { startAuthEmulator, type RunningAuthEmulator } from "../../scripts/lib/auth-emulator";
import { follow, postback } from "./events";
import { startStack, type StackOptions, type TestStack } from "./stack";

/** The seeded consultant's sign-in. */
export const CONSULTANT = { email: "consultant@example.com", password: "consultant-pass-1" };
/** An account without the consultant claim. */
export const NON_CONSULTANT = { email: "someone@example.com", password: "someone-pass-1" };

const ROOT = join(__dirname, "..", "..");
const TSX = join(ROOT, "node_modules", ".bin", "tsx");

/** A running console and handles on everything around it. */
export interface ConsoleFixture {
  stack: TestStack;
  authEmulator: RunningAuthEmulator;
  /** The console API's origin, e.g. `http://127.0.0.1:41234`. */
  apiUrl: string;
  /** Makes an account with a password, as the sign-up page of a browser would; returns its uid. */
  signUp(account: { email: string; password: string }): Promise<string>;
  /** An ID token for `account`, from the Auth emulator's sign-in (as the browser gets one). */
  signIn(account: { email: string; password: string }): Promise<string>;
  /** Runs `npm run consultants -- …args`; returns what it printed and its exit status. */
  consultants(...args: string[]): { status: number | null; output: string };
  /**
   * The same, without blocking this process: for a command that reaches the stack's LINE stand-in
   * (`remove` tells the clients), which answers from this process.
   */
  consultantsAsync(...args: string[]): Promise<{ status: number | null; output: string }>;
  /** A client of the bot who agrees to the data use; `share` then shares. */
  client(userId: string, share: boolean): Promise<void>;
  /** 「共有をやめる」 from `userId`. */
  unshare(userId: string): Promise<void>;
  /** A whole check-in from `userId` by taps (「ふりかえり」, this week's やりがい度 `score`, no ありがとう, not linked to the WILL). */
  checkin(userId: string, score: number): Promise<void>;
  close(): Promise<void>;
}

/** Starts the fixture (a stack as `options` say); call `close` in afterAll. */
export async function startConsoleFixture(options: StackOptions = {}): Promise<ConsoleFixture> {
  const stack = await startStack(options);
  let authEmulator: RunningAuthEmulator | undefined;
  let api: ChildProcess | undefined;
  const stopAll = async () => {
    if (api && api.exitCode === null) {
      const exited = new Promise((resolve) => api?.once("exit", resolve));
      api.kill("SIGTERM");
      await exited;
    }
    await authEmulator?.stop();
    await stack.close();
  };
  try {
    authEmulator = await startAuthEmulator(stack.projectId);
    const env = {
      ...process.env,
      GOOGLE_CLOUD_PROJECT: stack.projectId,
      FIREBASE_AUTH_EMULATOR_HOST: authEmulator.host,
      FIRESTORE_EMULATOR_HOST: process.env.FIRESTORE_EMULATOR_HOST,
      // Homework, taking over and ending push to the client, through the stack's LINE stand-in.
      LINE_CHANNEL_ACCESS_TOKEN: stack.channelAccessToken,
      LINE_API_BASE_URL: stack.line.url,
    };
    api = spawn(TSX, [join(ROOT, "scripts", "serve-console.ts"), "--port", "0"], { env, stdio: ["ignore", "pipe", "pipe"] });
    const apiUrl = await new Promise<string>((resolve, reject) => {
      let printed = "";
      const timer = setTimeout(() => reject(new Error(`The console API did not start: ${printed}`)), 30_000);
      api?.stdout?.on("data", (chunk: Buffer) => {
        printed += chunk.toString();
        const match = /console api: (http:\/\/127\.0\.0\.1:\d+)/.exec(printed);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      });
      api?.stderr?.on("data", (chunk: Buffer) => (printed += chunk.toString()));
      api?.once("exit", () => reject(new Error(`The console API exited: ${printed}`)));
    });
    const identity = (path: string, body: object) =>
      fetch(`http://${authEmulator?.host}/identitytoolkit.googleapis.com/v1/${path}?key=fake-api-key`, {
        method: "POST",
        // A fresh connection each time: the emulator closes an idle one after 5 s, and a test that
        // waited longer (an operator's command run in between) would otherwise send on a closed one.
        headers: { "content-type": "application/json", connection: "close" },
        body: JSON.stringify({ ...body, returnSecureToken: true }),
      }).then(async (response) => {
        const answer = (await response.json()) as { idToken?: string; localId?: string };
        if (!response.ok || answer.idToken === undefined || answer.localId === undefined)
          throw new Error(`${path} failed with HTTP ${response.status}.`);
        return { idToken: answer.idToken, uid: answer.localId };
      });
    const expectOk = (status: number) => {
      if (status !== 200) throw new Error(`The webhook answered ${status}.`);
    };
    const fixture: ConsoleFixture = {
      stack,
      authEmulator,
      apiUrl,
      signUp: async (account) => (await identity("accounts:signUp", account)).uid,
      signIn: async (account) => (await identity("accounts:signInWithPassword", account)).idToken,
      consultants(...args) {
        const run = spawnSync(TSX, [join(ROOT, "scripts", "consultants.ts"), ...args], { env, encoding: "utf8", timeout: 30_000 });
        return { status: run.status, output: `${run.stdout}${run.stderr}` };
      },
      consultantsAsync(...args) {
        const child = spawn(TSX, [join(ROOT, "scripts", "consultants.ts"), ...args], { env, stdio: ["ignore", "pipe", "pipe"] });
        let output = "";
        child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
        child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
        return new Promise((resolve) => child.once("close", (status) => resolve({ status, output })));
      },
      async client(userId, share) {
        expectOk(await stack.send(follow(userId)));
        expectOk(await stack.send(postback(userId, answerData("consent", "agree"))));
        if (!share) return;
        expectOk(await stack.send(postback(userId, commandData("share"))));
        expectOk(await stack.send(postback(userId, answerData("share", "yes"))));
      },
      async unshare(userId) {
        expectOk(await stack.send(postback(userId, commandData("unshare"))));
      },
      async checkin(userId, score) {
        expectOk(await stack.send(postback(userId, commandData("reflect"))));
        for (const [topic, value] of [
          ["cscore", String(score)],
          ["cthx", "no"],
          ["cwill", "no"],
        ] as const)
          expectOk(await stack.send(postback(userId, answerData(topic, value))));
      },
      close: stopAll,
    };
    await fixture.signUp(CONSULTANT);
    await fixture.signUp(NON_CONSULTANT);
    const added = fixture.consultants("add", CONSULTANT.email);
    if (added.status !== 0) throw new Error(`npm run consultants failed: ${added.output}`);
    return fixture;
  } catch (error) {
    await stopAll();
    throw error;
  }
}
