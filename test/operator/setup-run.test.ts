/**
 * A whole setup run as the operator goes through it, in a temp folder: Google's side through
 * the dry-run Firebase CLI (the exact commands a real setup runs where Firebase has no
 * emulator), LINE's through the local stand-in. A run that stops at a failed step resumes
 * there; the keys are asked again (they are never stored) and never reach the state file.
 */
import { randomBytes } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startLineStandIn, type LineStandIn } from "../../scripts/lib/line-stand-in";
import type { SetupContext } from "../../scripts/lib/setup/context";
import { dryRunFirebaseCli } from "../../scripts/lib/setup/firebase-cli";
import { deploySteps, googleSteps } from "../../scripts/lib/setup/google-steps";
import { scriptedIo } from "../../scripts/lib/setup/io";
import { lineKeysStep } from "../../scripts/lib/setup/line-steps";
import { runSteps } from "../../scripts/lib/setup/runner";
import { readSetupState, stateFile, writeSetupState } from "../../scripts/lib/setup/state";

const ROOT = join(__dirname, "..", "..");
const keys = {
  channelId: "2000000001",
  channelSecret: randomBytes(16).toString("hex"),
  channelAccessToken: randomBytes(32).toString("hex"),
};
let line: LineStandIn;
let health: Server;
let healthUrl: string;
let root: string;

beforeAll(async () => {
  line = await startLineStandIn(keys);
  health = createServer((req, res) => {
    res.writeHead(req.url === "/healthz" ? 200 : 404, { "content-type": "application/json" });
    res.end(JSON.stringify({ status: "ok" }));
  });
  await new Promise<void>((resolve) => health.listen(0, "127.0.0.1", resolve));
  healthUrl = `http://127.0.0.1:${(health.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await line.close();
  await new Promise((resolve) => health.close(resolve));
});
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "will-setup-run-"));
  mkdirSync(join(root, "functions"));
  copyFileSync(join(ROOT, "functions", ".env.example"), join(root, "functions", ".env.example"));
  symlinkSync(join(ROOT, "node_modules"), join(root, "node_modules"));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const steps = () => [...googleSteps(), lineKeysStep(), ...deploySteps()];
const KEYS = [keys.channelId, keys.channelSecret, keys.channelAccessToken];
const SETTINGS = ["", "", "", "", "", "", ""];

async function run(answers: string[], functionUrl: string) {
  const io = scriptedIo(answers);
  const file = stateFile(root, false);
  const state = readSetupState(file);
  state.functionUrl = functionUrl;
  const firebase = dryRunFirebaseCli(io);
  const context: SetupContext = {
    root,
    io,
    state,
    firebase,
    lineBaseUrl: line.url,
    practice: null,
    keys: null,
    settingsHome: join(root, "kept"),
    sleep: () => Promise.resolve(),
  };
  const stopped = await runSteps(steps(), context, { io, state, save: (s) => writeSetupState(file, s) });
  return { stopped, io, commands: firebase.commands, file };
}

describe("a setup run", () => {
  it("stops at the step that failed, keeps what was done, and resumes there", async () => {
    const first = await run(["will-note-12345", "30", "weekly", "はい", ...KEYS, ...SETTINGS], "http://127.0.0.1:9");
    expect(first.stopped).toBe("deploy");
    expect(first.io.said.join("\n")).toContain("この手順から続けます");
    expect(Object.keys(readSetupState(first.file).done)).toEqual([
      "node",
      "login",
      "project",
      "billing",
      "apis",
      "firestore",
      "line",
      "secrets",
      "settings",
    ]);
    expect(readFileSync(join(root, ".firebaserc"), "utf8")).toContain("will-note-12345");
    expect(existsSync(join(root, "functions", ".env"))).toBe(true);
    expect(existsSync(join(root, "kept", "functions__.env"))).toBe(true);

    const second = await run([...KEYS], healthUrl);
    expect(second.stopped).toBeNull();
    expect(second.io.asked).toHaveLength(3);
    expect(second.io.said.filter((line) => line.includes("前回までに完了"))).toHaveLength(7);

    const saved = readFileSync(second.file, "utf8");
    expect(saved).not.toContain(keys.channelSecret);
    expect(saved).not.toContain(keys.channelAccessToken);
    expect(readSetupState(second.file)).toMatchObject({ projectId: "will-note-12345", expectedClients: 30, reminder: "weekly" });
  });

  it("runs these exact Firebase commands where Firebase has no emulator, with the keys on standard input only", async () => {
    const { commands, io } = await run(["will-note-12345", "30", "weekly", "はい", ...KEYS, ...SETTINGS], healthUrl);
    const stdin = "   （値は貼り付けた鍵を標準入力から）";
    expect(commands).toEqual([
      "npx firebase login",
      "npx firebase projects:list --json",
      "npx firebase projects:list --json",
      "npx firebase firestore:databases:list --json --project will-note-12345",
      'npx firebase firestore:databases:create "(default)" --location asia-northeast1 --project will-note-12345',
      `npx firebase functions:secrets:set LINE_CHANNEL_SECRET --data-file - --project will-note-12345${stdin}`,
      `npx firebase functions:secrets:set LINE_CHANNEL_ACCESS_TOKEN --data-file - --project will-note-12345${stdin}`,
      "npx firebase deploy --only functions,firestore --project will-note-12345",
    ]);
    const said = io.said.join("\n");
    expect(said).not.toContain(keys.channelSecret);
    expect(said).not.toContain(keys.channelAccessToken);
  });
});
