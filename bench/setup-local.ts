/**
 * `npm run bench:setup`: a stopwatch run of `npm run setup -- --local` from a fresh start, as
 * an operator goes through it, answering the moment each question appears. The setup runs in a
 * terminal of its own (a pseudo-terminal through `script`, so its questions and hidden keys
 * behave as in a person's terminal); the keys it shows are pasted back, the cost questions get
 * 30 clients and weekly, every setting its default, and the consultant's code is typed into the
 * web chat's consultant tab in Debian's chromium, where the test push must then arrive. It
 * prints the machine time of each step and of the whole run, and writes them to
 * bench/results-setup.json, with the terminal's text and a picture of the consultant tab in
 * bench/tmp/ (the practice keys in that text are the stand-in's, made for the run). The time a
 * person takes to read and paste is not in these figures: docs/deploy.md estimates it apart.
 * A benchmark, never a test.
 */
import { spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "playwright-core";

const ROOT = join(__dirname, "..");
const CHROMIUM = "/usr/bin/chromium";
const STEP = /── (\d+)\/(\d+) (.+?) ──/g;
const WAIT_MS = 10 * 60_000;

/** The setup's terminal: what it printed so far, and a way to wait for the next match after `from`. */
function startSetup() {
  const npm = process.env.npm_execpath;
  if (npm === undefined) throw new Error("Run this through npm run bench:setup.");
  const command = `"${process.execPath}" "${npm}" run setup -- --local --restart`;
  const child = spawn("script", ["-qfec", command, "/dev/null"], { cwd: ROOT, stdio: ["pipe", "pipe", "inherit"] });
  const started = Date.now();
  let output = "";
  const steps: { n: number; title: string; at: number }[] = [];
  let exited: number | null = null;
  child.stdout.on("data", (chunk: Buffer) => {
    const before = output.length;
    output += chunk.toString("utf8");
    for (const match of output.slice(Math.max(0, before - 80)).matchAll(STEP)) {
      const n = Number(match[1]);
      if (!steps.some((step) => step.n === n)) steps.push({ n, title: match[3] ?? "", at: Date.now() - started });
    }
  });
  child.once("exit", (code) => (exited = code ?? 1));
  let cursor = 0;
  return {
    started,
    steps,
    output: () => output,
    /** Waits for `pattern` after what was already waited for; resolves its match. */
    async waitFor(pattern: RegExp): Promise<RegExpExecArray> {
      const deadline = Date.now() + WAIT_MS;
      for (;;) {
        const match = pattern.exec(output.slice(cursor));
        if (match !== null) {
          cursor += match.index + match[0].length;
          return match;
        }
        if (exited !== null) throw new Error(`The setup ended (${exited}) before ${pattern}:\n${output.slice(-2000)}`);
        if (Date.now() > deadline) throw new Error(`No ${pattern} within ${WAIT_MS} ms:\n${output.slice(-2000)}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    answer: (text: string) => void child.stdin.write(`${text}\r`),
    /** Ctrl-C as typed in the terminal; resolves the exit status, or null if it has not ended in 20 s. */
    async interrupt(): Promise<number | null> {
      child.stdin.write("\x03");
      for (let waited = 0; exited === null && waited < 20_000; waited += 100) await new Promise((r) => setTimeout(r, 100));
      if (exited === null) child.kill("SIGTERM");
      return exited;
    },
    stop: () => void (exited === null && child.kill("SIGTERM")),
  };
}

async function main(): Promise<void> {
  const setup = startSetup();
  try {
    await operate(setup);
  } finally {
    setup.stop();
  }
}

async function operate(setup: ReturnType<typeof startSetup>): Promise<void> {
  const prompt = /\n> /;
  await setup.waitFor(/何人くらいの予定ですか/);
  setup.answer("30");
  await setup.waitFor(/リマインダーは？/);
  setup.answer("weekly");
  await setup.waitFor(/Blaze プランにしましたか/);
  setup.answer("はい");
  const keys = await setup.waitFor(/チャネルID: (\d+)\s+チャネルシークレット: (\S+)\s+チャネルアクセストークン: (\S+)/);
  for (const key of keys.slice(1, 4)) {
    await setup.waitFor(prompt);
    setup.answer(key ?? "");
  }
  await setup.waitFor(/ボットの設定です/);
  for (let setting = 0; setting < 7; setting++) {
    await setup.waitFor(prompt);
    setup.answer("");
  }
  await setup.waitFor(/すべて設定しましたか/);
  setup.answer("はい");
  const code = await setup.waitFor(/相談員登録 (\d{4}-\d{4})/);
  const url = await setup.waitFor(/ブラウザで (http:\/\/\S+) を開いて/);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--headless", "--no-sandbox", "--disable-gpu"] });
  try {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(url[1] ?? "");
    await page.waitForSelector('body[data-ready="true"]');
    const input = page.locator("#input");
    if (!(await input.isVisible())) await page.locator("#to-keyboard").click();
    await input.fill(`相談員登録 ${code[1] ?? ""}`);
    await input.press("Enter");
    await setup.waitFor(/もう一人登録しますか/);
    setup.answer("いいえ");
    await setup.waitFor(/ローカル練習が終わりました/);
    const finishedAt = Date.now() - setup.started;
    await page.getByText("【テスト送信】").first().waitFor({ timeout: 10_000 });
    mkdirSync(join(ROOT, "bench", "tmp"), { recursive: true });
    await page.screenshot({ path: join(ROOT, "bench", "tmp", "setup-consultant-tab.png") });
    const exit = await setup.interrupt();
    writeFileSync(join(ROOT, "bench", "tmp", "setup-local-terminal.txt"), setup.output());
    const checks = [...setup.output().matchAll(/^\s*✓ (.+)$/gm)].map((match) => match[1]?.trim() ?? "");
    const results = {
      measuredAt: new Date().toISOString(),
      machine: "shared 2-core machine, other people's work running",
      totalSeconds: Math.round(finishedAt / 100) / 10,
      steps: setup.steps.map((step, index) => ({
        step: `${step.n} ${step.title}`,
        seconds: Math.round(((setup.steps[index + 1]?.at ?? finishedAt) - step.at) / 100) / 10,
      })),
      checksShown: checks.length,
      testPushInConsultantTab: true,
      ctrlCExit: exit,
    };
    writeFileSync(join(ROOT, "bench", "results-setup.json"), `${JSON.stringify(results, null, 2)}\n`);
    process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
  } finally {
    await browser.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
