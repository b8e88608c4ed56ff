/**
 * `npm run setup -- --update` in a release's folder, as an update or a rollback: a fresh
 * folder gets the settings kept outside it back, the version it deploys is said and recorded,
 * the deploy runs the exact Firebase command (a stand-in CLI prints it; Firebase has no
 * emulator for a deploy), and the new version is checked through `/healthz` and LINE's test
 * request from the local LINE stand-in, with the token read from Secret Manager into memory.
 * Also: Ctrl-C in a terminal stops the setup as the signal it stands for, and a terminal closed
 * under it leaves it able to clean up.
 */
import { randomBytes } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { startLineStandIn, type LineStandIn } from "../../scripts/lib/line-stand-in";
import type { SetupContext } from "../../scripts/lib/setup/context";
import { dryRunFirebaseCli, type CliResult, type FirebaseCli } from "../../scripts/lib/setup/firebase-cli";
import { scriptedIo, terminalIo } from "../../scripts/lib/setup/io";
import { runSteps } from "../../scripts/lib/setup/runner";
import { backUpSettings, exampleSettings, writeEnvFile } from "../../scripts/lib/setup/settings";
import { readSetupState, stateFile, writeSetupState } from "../../scripts/lib/setup/state";
import { readDeployed, updateSteps } from "../../scripts/lib/setup/update";

const ROOT = join(__dirname, "..", "..");
const PROJECT = "will-note-12345";
const keys = { channelSecret: randomBytes(16).toString("hex"), channelAccessToken: randomBytes(32).toString("hex") };
let line: LineStandIn;
let bot: Server;
let botUrl: string;
let work: string;
let home: string;

beforeAll(async () => {
  line = await startLineStandIn(keys);
  bot = createServer((req, res) => {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(req.url === "/healthz" ? JSON.stringify({ status: "ok" }) : "{}");
  });
  await new Promise<void>((resolve) => bot.listen(0, "127.0.0.1", resolve));
  botUrl = `http://127.0.0.1:${(bot.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await line.close();
  await new Promise((resolve) => bot.close(resolve));
});
beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), "will-setup-update-"));
  home = join(work, "kept");
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

/** A release's folder as downloaded: its package.json and the example settings, nothing of the operator's. */
function releaseFolder(name: string, version: string, modules: "linked" | "own"): string {
  const folder = join(work, name);
  mkdirSync(join(folder, "functions"), { recursive: true });
  copyFileSync(join(ROOT, "functions", ".env.example"), join(folder, "functions", ".env.example"));
  writeFileSync(join(folder, "package.json"), JSON.stringify({ name: "will-note", version }));
  if (modules === "linked") symlinkSync(join(ROOT, "node_modules"), join(folder, "node_modules"));
  else mkdirSync(join(folder, "node_modules"));
  return folder;
}

/** The Firebase CLI in dry run, which also answers reading the token from Secret Manager as Firebase would. */
function firebaseWithSecret(io: ReturnType<typeof scriptedIo>, deploy?: CliResult): FirebaseCli & { commands: string[] } {
  const dry = dryRunFirebaseCli(io);
  return {
    ...dry,
    async run(args, options) {
      const result = await dry.run(args, options);
      if (args[0] === "deploy" && deploy !== undefined) return deploy;
      return args[0] === "functions:secrets:access" ? { status: 0, output: `${keys.channelAccessToken}\n` } : result;
    },
  };
}

/** What the Firebase CLI (firebase-tools 14) prints when the project runs a function the folder lacks and it cannot ask. */
const FUNCTIONS_NOT_IN_FOLDER = [
  "Error: The following functions are found in your project but do not exist in your local source code:",
  "\tconsoleApi(asia-northeast1)",
  "",
  "Aborting because deletion cannot proceed in non-interactive mode. To fix, manually delete the functions by running:",
  "\tfirebase functions:delete consoleApi --region asia-northeast1",
].join("\n");

async function update(root: string, functionUrl = botUrl, deploy?: CliResult) {
  const io = scriptedIo([]);
  const file = stateFile(root, false);
  const state = readSetupState(file);
  state.functionUrl = functionUrl;
  const firebase = firebaseWithSecret(io, deploy);
  const installs: string[] = [];
  const context: SetupContext = {
    root,
    io,
    state,
    firebase,
    lineBaseUrl: line.url,
    practice: null,
    keys: null,
    settingsHome: home,
    sleep: () => Promise.resolve(),
  };
  const install = (folder: string) => (installs.push(folder), 0);
  const stopped = await runSteps(updateSteps(install), context, { io, state, save: (s) => writeSetupState(file, s) });
  return { stopped, said: io.said.join("\n"), commands: firebase.commands, installs, state };
}

describe("an update or a rollback in a release's folder", () => {
  it("puts the kept settings back, deploys with the exact command, checks the bot and LINE's test, and records the version", async () => {
    const installed = releaseFolder("v0.2.0", "0.2.0", "own");
    const env = writeEnvFile(installed, { ...exampleSettings(installed), BOOKING_URL: "https://example.com/book", RETENTION_DAYS: "90" });
    writeFileSync(join(installed, ".firebaserc"), `{ "projects": { "default": "${PROJECT}" } }\n`);
    backUpSettings(installed, home);

    const previous = releaseFolder("v0.1.0", "0.1.0", "own");
    const rollback = await update(previous);
    expect(rollback.stopped).toBeNull();
    expect(readFileSync(join(previous, "functions", ".env"), "utf8")).toBe(readFileSync(env, "utf8"));
    expect(readFileSync(join(previous, ".firebaserc"), "utf8")).toContain(PROJECT);
    expect(rollback.said).toContain("このフォルダのバージョン: v0.1.0（これを公開します）");
    expect(rollback.said).toContain("前回公開したバージョンの記録はありません。");
    expect(rollback.installs).toEqual([previous]);
    expect(rollback.commands).toEqual([
      `npx firebase deploy --only functions,firestore --project ${PROJECT}`,
      `npx firebase functions:secrets:access LINE_CHANNEL_ACCESS_TOKEN --project ${PROJECT}`,
    ]);
    expect(rollback.said).toContain("LINE のテスト送信がボットに届き");
    expect(rollback.said).not.toContain(keys.channelAccessToken);
    expect(readDeployed(home, false)).toMatchObject({ version: { release: "v0.1.0" }, project: PROJECT });
    expect(readFileSync(stateFile(previous, false), "utf8")).not.toContain(keys.channelAccessToken);
    expect(readSetupState(stateFile(previous, false))).toMatchObject({ projectId: PROJECT, functionUrl: botUrl });

    const forward = await update(releaseFolder("v0.2.0-again", "0.2.0", "linked"));
    expect(forward.stopped).toBeNull();
    expect(forward.said).toContain("このフォルダのバージョン: v0.2.0（これを公開します）");
    expect(forward.said).toMatch(/前回 npm run setup で公開したバージョン: v0\.1\.0（\d{4}-\d\d-\d\d \d\d:\d\d UTC）/);
    expect(forward.installs).toEqual([]);
    expect(forward.said).toContain("node_modules は別の場所へのリンクなので、入れ直しません");
    expect(readDeployed(home, false)).toMatchObject({ version: { release: "v0.2.0" } });
  });

  it("stops before deploying when there are no settings to put back", async () => {
    const fresh = releaseFolder("v0.2.0", "0.2.0", "own");
    const result = await update(fresh);
    expect(result.stopped).toBe("updateSettings");
    expect(result.said).toContain("はじめての公開なら npm run setup を実行してください");
    expect(result.commands).toEqual([]);
    expect(existsSync(join(home, "deployed.json"))).toBe(false);
  });

  it("stops at a rollback whose release lacks a function the project runs, and says how to delete it", async () => {
    const installed = releaseFolder("v0.2.0", "0.2.0", "own");
    writeEnvFile(installed, exampleSettings(installed));
    writeFileSync(join(installed, ".firebaserc"), `{ "projects": { "default": "${PROJECT}" } }\n`);
    backUpSettings(installed, home);
    const result = await update(releaseFolder("v0.1.0", "0.1.0", "own"), botUrl, { status: 1, output: FUNCTIONS_NOT_IN_FOLDER });
    expect(result.stopped).toBe("deploy");
    expect(result.said).toContain("このフォルダのバージョンにないものがあります: consoleApi。");
    expect(result.said).toContain(`  npx firebase functions:delete consoleApi --region asia-northeast1 --project ${PROJECT}`);
    expect(readDeployed(home, false)).toBeNull();
  });

  it("stops, and records no version, when the deployed bot does not answer", async () => {
    const installed = releaseFolder("v0.2.0", "0.2.0", "own");
    writeEnvFile(installed, exampleSettings(installed));
    writeFileSync(join(installed, ".firebaserc"), `{ "projects": { "default": "${PROJECT}" } }\n`);
    backUpSettings(installed, home);
    const result = await update(releaseFolder("v0.2.1", "0.2.1", "own"), "http://127.0.0.1:9");
    expect(result.stopped).toBe("deploy");
    expect(result.said).toContain("ボットが応答しません");
    expect(readDeployed(home, false)).toBeNull();
  });
});

describe("Ctrl-C in the setup's terminal", () => {
  it("is passed on as an interruption, which readline would otherwise swallow by closing its input", async () => {
    const input = Object.assign(new PassThrough(), { isTTY: true, setRawMode: () => input }) as unknown as NodeJS.ReadStream;
    const output = Object.assign(new PassThrough(), { isTTY: false }) as unknown as NodeJS.WriteStream;
    let interrupted = 0;
    const io = terminalIo(input, output, () => interrupted++);
    const asked = io.ask("質問").catch(() => "closed");
    input.write("\x03");
    await new Promise((resolve) => setImmediate(resolve));
    expect(interrupted).toBe(1);
    input.write("答え\r");
    expect(await asked).toBe("答え");
    io.close();
  });

  it("leaves the setup able to clean up when the terminal is closed under it (raw mode then cannot be switched off)", async () => {
    const input = Object.assign(new PassThrough(), {
      isTTY: true,
      setRawMode: (mode: boolean): unknown => {
        if (!mode) throw new Error("setRawMode EIO");
        return input;
      },
    }) as unknown as NodeJS.ReadStream;
    const output = Object.assign(new PassThrough(), { isTTY: false }) as unknown as NodeJS.WriteStream;
    const io = terminalIo(input, output, () => undefined);
    const asked = io.ask("質問").catch((error: Error) => error.name);
    input.push(null);
    expect(await asked).toBe("InputClosedError");
  });
});
