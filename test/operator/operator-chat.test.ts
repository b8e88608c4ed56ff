/**
 * `npm start` and `npm start -- --operator` as two real processes, two terminals on loopback:
 * the first runs the stack and chats as the client, the second joins it as the consultant. The
 * client asks for a consultant; the hand-off card reaches the consultant's terminal, a tap on
 * its 対応する takes the client over, and the client's terminal gets the push that they are
 * connected. When the first terminal stops, the second ends too and the stack file is gone.
 */
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { wipeEmulator } from "../../scripts/lib/firestore-emulator";
import { startLineStandIn } from "../../scripts/lib/line-stand-in";
import { stackFile, writeStackFile } from "../../scripts/lib/local-stack";

const ROOT = join(__dirname, "../..");
/** How long one step may take before the test gives up and shows what the terminal printed. */
const STEP_LIMIT_MS = 30_000;

/** One terminal: `npm start` (its script through tsx) with piped input and everything it prints. */
class Terminal {
  private output = "";
  private mark = 0;
  private waiters: (() => void)[] = [];
  readonly exited: Promise<number | null>;
  private readonly child: ChildProcessWithoutNullStreams;

  constructor(args: string[], env: Record<string, string>) {
    this.child = spawn(process.execPath, [require.resolve("tsx/cli"), "scripts/start.ts", ...args], { cwd: ROOT, env });
    const take = (chunk: Buffer) => {
      this.output += chunk.toString("utf8");
      for (const wake of this.waiters.splice(0)) wake();
    };
    this.child.stdout.on("data", take);
    this.child.stderr.on("data", take);
    this.exited = new Promise((resolve) => this.child.once("exit", (code) => resolve(code)));
    void this.exited.then(() => {
      for (const wake of this.waiters.splice(0)) wake();
    });
  }

  /** Everything printed so far. */
  get printed(): string {
    return this.output;
  }

  /** Waits until `text` is printed after the last line typed (or after `from`); resolves with the output from there. */
  async waitFor(text: string, from = this.mark): Promise<string> {
    const deadline = Date.now() + STEP_LIMIT_MS;
    for (;;) {
      const since = this.output.slice(from);
      if (since.includes(text)) return since;
      if (this.child.exitCode !== null || Date.now() > deadline) {
        throw new Error(`「${text}」 did not appear. The terminal printed:\n${this.output.slice(-3000)}`);
      }
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 1000).unref();
      });
    }
  }

  /** Types a line, as someone at the terminal would. */
  type(line: string): void {
    this.mark = this.output.length;
    this.child.stdin.write(`${line}\n`);
  }

  /** Waits until a button labelled `label` is shown after the last line typed, then types its number. */
  async tap(label: string): Promise<void> {
    const since = this.mark;
    await this.waitFor(`] ${label}`);
    const shown = [...this.output.slice(since).matchAll(/\[(\d+)\] (\S+)/g)].filter((match) => match[2] === label).at(-1);
    if (shown === undefined) throw new Error(`No button 「${label}」 is shown. The terminal printed:\n${this.output.slice(-3000)}`);
    this.type(shown[1]);
  }

  kill(): void {
    if (this.child.exitCode === null) this.child.kill();
  }
}

let dir: string;
let env: Record<string, string>;
const projectId = `demo-opchat-${randomBytes(4).toString("hex")}`;
const terminals: Terminal[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "will-opchat-"));
  const emulatorHost = process.env.FIRESTORE_EMULATOR_HOST;
  if (!emulatorHost) throw new Error("FIRESTORE_EMULATOR_HOST is not set: the jest global setup starts the emulator.");
  env = {
    PATH: process.env.PATH ?? "",
    HOME: process.env.HOME ?? dir,
    FIRESTORE_EMULATOR_HOST: emulatorHost,
    GOOGLE_CLOUD_PROJECT: projectId,
    METADATA_SERVER_DETECTION: "none",
    WILL_LOCAL_DIR: dir,
  };
});

afterAll(async () => {
  for (const terminal of terminals) terminal.kill();
  await Promise.all(terminals.map((terminal) => terminal.exited));
  if (env) await wipeEmulator(env.FIRESTORE_EMULATOR_HOST, projectId);
  if (dir) await rm(dir, { recursive: true, force: true });
});

function open(args: string[]): Terminal {
  const terminal = new Terminal(args, env);
  terminals.push(terminal);
  return terminal;
}

describe("trying a hand-over from both sides in two terminals", () => {
  it("says to run npm start first when no stack is running, or only its file is left", async () => {
    const operator = open(["--operator"]);
    expect(await operator.exited).toBe(1);
    expect(operator.printed).toContain("先に別のターミナルで npm start を実行してください");

    const gone = await startLineStandIn({ channelAccessToken: "local-dev-token" });
    await gone.close();
    writeStackFile(dir, {
      pid: process.pid,
      webhookUrl: "http://127.0.0.1:9/webhook",
      channelSecret: "secret",
      lineUrl: gone.url,
      channelAccessToken: "local-dev-token",
      operatorIds: [`U${"0".repeat(32)}`],
    });
    const late = open(["--operator"]);
    expect(await late.exited).toBe(1);
    expect(late.printed).toContain("先に別のターミナルで npm start を実行してください");
    await rm(stackFile(dir));
  });

  it("takes the client over from the consultant's terminal with a tap, and the client is told", async () => {
    const client = open([]);
    await client.waitFor("同意してはじめる");
    expect(existsSync(stackFile(dir))).toBe(true);

    const stranger = open(["--operator", "--user", `U${"1".repeat(32)}`]);
    expect(await stranger.exited).toBe(1);
    expect(stranger.printed).toContain("相談員の LINE ID ではありません");

    const consultant = open(["--operator"]);
    await consultant.waitFor("相談員> ");
    expect(consultant.printed).toContain(`U${"0".repeat(32)}`);

    await client.tap("同意してはじめる");
    await client.tap("いまはじめる");
    await client.tap("2");
    await client.waitFor("しっくりこない");
    client.type("相談したい");
    await client.tap("スキップ");
    await client.tap("WILLのまとめだけ");
    const before = consultant.printed.length;
    await client.tap("送る");
    await client.waitFor("受付番号");
    // The card is the consultant's: the client's terminal only notes that it went there.
    await client.waitFor("相談員に通知が届きました");
    expect(client.printed).not.toContain("対応のしかた");

    const card = await consultant.waitFor("[1] 対応する  [2] 見送る", before);
    expect(card).toContain("（プッシュ通知）");
    const code = /受付番号：([0-9A-F]{8})/.exec(card)?.[1];
    expect(code).toBeDefined();
    expect(consultant.printed).not.toContain("しっくりこない");

    const waiting = client.printed.length;
    await consultant.tap("対応する");
    const reply = await consultant.waitFor("[1] 対応を終了する");
    expect(reply).toContain("相談員（タップ）: 対応する");
    expect(reply).toContain(`受付番号 ${code} の方に`);
    const connected = await client.waitFor("つながりました", waiting);
    expect(connected).toContain("（プッシュ通知）");
    expect(connected).toContain("[1] ボットに戻る");

    client.type("/quit");
    expect(await client.exited).toBe(0);
    await consultant.waitFor("npm start が終了したため");
    expect(await consultant.exited).toBe(0);
    expect(existsSync(stackFile(dir))).toBe(false);
  }, 120_000);
});
