/**
 * `npm run stats` against the Firestore emulator and the LINE stand-in: the numbers of a
 * seeded project, a self-contained HTML page, nothing that names a user or repeats their
 * words, and a report even when LINE cannot be asked.
 */
import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { statsText } from "../../src/stats/content";
import type { UserState } from "../../src/dialogue/state";
import { readStatsInput } from "../../src/stats/read";
import { deployToStandIn } from "../../scripts/lib/richmenu-stages";
import { runStats } from "../../scripts/lib/stats-run";
import { sampleState, stringsIn, type StepType } from "../helpers/dialogue-states";
import { userId } from "../helpers/events";
import { seedEntry, seedUsers, startStatsFixture, type SeedUser, type StatsFixture } from "./stats-seed";

const ROOT = resolve(__dirname, "../..");
const tokyo = (wallClock: string) => new Date(`${wallClock}+09:00`);
const NOW = tokyo("2026-11-24T12:00:00");
const MARK = "ひみつ";

function user(
  step: StepType,
  lastActive: string,
  change: (state: UserState) => UserState = (s) => s,
  entries: [kind: "thanks" | "workScore" | "checkin", at: string][] = [],
): SeedUser {
  const state = change({
    ...sampleState(step, NOW),
    lastActiveAt: sampleState(step, NOW).consent.status === "given" ? tokyo(lastActive).toISOString() : null,
  });
  return { id: userId(), state, updatedAt: tokyo(lastActive), entries: entries.map(([kind, at]) => seedEntry(kind, tokyo(at), MARK)) };
}

/** Eight users; the expected numbers below are counted by hand from this list. */
function seededUsers(): SeedUser[] {
  return [
    user("awaitingConsent", "2026-11-23T09:00:00"),
    user("declined", "2026-10-01T09:00:00"),
    user("awaitingStartChoice", "2026-11-10T09:00:00"),
    user("awaitingThanksFeeling", "2026-11-24T11:00:00", undefined, [["workScore", "2026-11-24T10:59:00"]]),
    user("awaitingWillReview", "2026-11-20T10:00:00", (s) => ({ ...s, tally: { ...s.tally, followUpsSent: 2 } })),
    user("resting", "2026-11-24T08:00:00", undefined, [
      ["thanks", "2026-11-23T00:10:00"],
      ["checkin", "2026-11-24T08:00:00"],
      ["thanks", "2026-11-16T07:00:00"],
      ["checkin", "2026-11-17T20:00:00"],
    ]),
    user(
      "resting",
      "2026-11-22T23:50:00",
      (s) => ({ ...s, profile: { ...s.profile, reminder: null }, tally: { ...s.tally, followUpsSent: 1, followUpsResumed: 1 } }),
      [
        ["checkin", "2026-11-22T23:50:00"],
        ["thanks", "2026-11-22T23:40:00"],
      ],
    ),
    user(
      "resting",
      "2026-09-01T09:00:00",
      (s) => ({
        ...s,
        following: false,
        profile: { ...s.profile, reminder: { schedule: { kind: "daily", time: "21:00" }, nextAt: null } },
      }),
      [
        ["thanks", "2026-05-01T12:00:00"],
        ["thanks", "2026-09-10T12:00:00"],
      ],
    ),
  ];
}

/** Runs the command as a child process; the stand-in keeps answering meanwhile. */
function runCommand(args: string[], env: Record<string, string>): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [join(ROOT, "node_modules/tsx/dist/cli.mjs"), "scripts/stats.ts", ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", METADATA_SERVER_DETECTION: "none", ...env },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    const timer = setTimeout(() => child.kill("SIGKILL"), 60_000);
    child.on("error", fail);
    child.on("close", (status) => {
      clearTimeout(timer);
      done({ status, stdout, stderr });
    });
  });
}

/** The `data-value`s of the bars inside the section with `id`. */
function barValues(html: string, id: string): number[] {
  const section = new RegExp(`<section class="card" id="${id}">([\\s\\S]*?)</section>`).exec(html)?.[1] ?? "";
  return [...section.matchAll(/<rect class="bar"[^>]*data-value="(\d+)"/g)].map((m) => Number(m[1]));
}

let fixture: StatsFixture;
let dir: string;
let seeded: SeedUser[];

beforeAll(async () => {
  fixture = await startStatsFixture();
  dir = await mkdtemp(join(tmpdir(), "will-stats-"));
  seeded = seededUsers();
  await seedUsers(fixture.db, seeded);
});

afterAll(async () => {
  await fixture?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

beforeEach(() => {
  fixture.line.reset();
  fixture.line.quota.limit = 200;
  fixture.line.quota.used = 37;
});

describe("npm run stats", () => {
  it("counts the seeded users by stage, their rates, activity and weeks, and this month's pushes", async () => {
    const run = await runStats(fixture.config, { now: NOW, out: join(dir, "report.html") });
    const { numbers, quota } = run.report;

    expect(numbers.users).toEqual({ total: 8, following: 7, blocked: 1, consented: 6, declined: 1 });
    expect(numbers.funnel.map((row) => [row.stage, row.current, row.reached])).toEqual([
      ["consent", 2, 8],
      ["workScore", 1, 6],
      ["thanks", 1, 5],
      ["values", 0, 4],
      ["will", 1, 4],
      ["action", 0, 3],
      ["reminder", 0, 3],
      ["completed", 3, 3],
    ]);
    expect(numbers.completion).toEqual({ count: 3, of: 6, rate: 0.5 });
    expect(numbers.reminderOptIn).toEqual({ count: 2, of: 3, rate: 2 / 3 });
    expect(numbers.activeLast7Days).toBe(5);
    expect(numbers.weeks.slice(-2)).toEqual([
      { weekStart: "2026-11-16", activeUsers: 3, reflectingUsers: 2, thanksEntries: 2, checkins: 2 },
      { weekStart: "2026-11-23", activeUsers: 3, reflectingUsers: 1, thanksEntries: 1, checkins: 1 },
    ]);
    expect(numbers.weeks[0]).toEqual({ weekStart: "2026-09-07", activeUsers: 1, reflectingUsers: 0, thanksEntries: 1, checkins: 0 });
    expect(quota).toEqual({ status: "known", used: 37, limit: 200 });
    expect(numbers.followUps).toEqual({ sent: 3, users: 2, resumedUsers: 1 });

    const html = await readFile(run.outFile, "utf8");
    expect(barValues(html, "funnel")).toEqual([8, 6, 5, 4, 4, 3, 3, 3]);
    expect(barValues(html, "weekly-thanks")).toHaveLength(12);
    expect(barValues(html, "weekly-users")).toHaveLength(24);
    expect(barValues(html, "quota")).toEqual([37]);
    expect(html).toContain("37 / 200通（19%）");
    expect(run.text).toContain(`${statsText.usersTile}: 8人`);
    expect(run.text).toContain(`${statsText.completionTile}: 50%`);
    expect(run.text).toContain(`${statsText.reminderTile}: 67%`);
    expect(run.text).toContain(`${statsText.followUpsTile}: 3回 (2人に送り、1人が48時間以内に再開)`);
  });

  it("writes a page that loads nothing from anywhere", async () => {
    const html = await readFile((await runStats(fixture.config, { now: NOW, out: join(dir, "self-contained.html") })).outFile, "utf8");
    expect(html.startsWith("<!doctype html>")).toBe(true);
    expect(html).toContain("default-src 'none'");
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(|\ssrc=|\shref=/i);
  });

  it("never shows a user id or anything a user wrote, in the page or the summary", async () => {
    const run = await runStats(fixture.config, { now: NOW, out: join(dir, "private.html") });
    const html = await readFile(run.outFile, "utf8");
    const written = stringsIn(seeded.map((u) => [u.state, u.entries])).filter((text) => /[^\p{ASCII}]/u.test(text) && text.length >= 4);
    expect(written.length).toBeGreaterThan(20);
    expect(written.some((text) => text.includes(MARK))).toBe(true);
    for (const output of [html, run.text]) {
      expect(output).not.toContain(MARK);
      expect(seeded.map((u) => u.id).filter((id) => output.includes(id))).toEqual([]);
      expect(written.filter((text) => output.includes(text))).toEqual([]);
    }
  });

  it("reads every page when the pages are small, and only the fields it counts", async () => {
    const input = await readStatsInput(fixture.db, 2);
    expect(input.users).toHaveLength(8);
    expect(input.entries).toHaveLength(seeded.reduce((sum, u) => sum + u.entries.length, 0));
    const read = JSON.stringify(input);
    expect(read).not.toContain(MARK);
    expect(stringsIn(input.users.map((u) => u.state)).filter((text) => /[^\p{ASCII}]/u.test(text))).toEqual([]);
  });

  it("says the quota was not asked for without a token, and that LINE failed when it did", async () => {
    const noToken = await runStats({ ...fixture.config, lineChannelAccessToken: undefined }, { now: NOW, out: join(dir, "no-token.html") });
    expect(noToken.report.quota).toEqual({ status: "noToken" });
    expect(await readFile(noToken.outFile, "utf8")).toContain(statsText.quotaNoToken);
    expect(fixture.line.calls()).toEqual([]);

    fixture.line.failNext("/v2/bot/message/quota", 500, 2);
    const failed = await runStats(fixture.config, { now: NOW, out: join(dir, "failed.html") });
    expect(failed.report.quota).toEqual({ status: "failed", httpStatus: 500 });
    expect(failed.text).toContain("HTTP 500");
    expect(failed.report.numbers.users.total).toBe(8);
  });

  it("says which stages' rich menus are live, and where LINE keeps tap counts and webhook errors", async () => {
    const none = await runStats(fixture.config, { now: NOW, out: join(dir, "menus-none.html") });
    expect(none.report.richMenus).toEqual({ status: "known", live: { onboarding: false, main: false, consultant: false } });
    await deployToStandIn(ROOT, fixture.line.url, fixture.config.lineChannelAccessToken!);
    const live = await runStats(fixture.config, { now: NOW, out: join(dir, "menus-live.html") });
    expect(live.report.richMenus).toEqual({ status: "known", live: { onboarding: true, main: true, consultant: true } });
    const html = await readFile(live.outFile, "utf8");
    for (const words of [statsText.menuTapsNotOffered, statsText.webhookErrorsWhere]) {
      expect(html).toContain(words);
      expect(live.text).toContain(words);
    }
  });

  it("says the rich menus were not asked for without a token, and that LINE failed when it did, writing the rest", async () => {
    const noToken = await runStats({ ...fixture.config, lineChannelAccessToken: undefined }, { now: NOW, out: join(dir, "m-no.html") });
    expect(noToken.report.richMenus).toEqual({ status: "noToken" });
    expect(noToken.text).toContain(statsText.menusNoToken);
    fixture.line.failNext("/v2/bot/richmenu/alias/", 503, 3);
    const failed = await runStats(fixture.config, { now: NOW, out: join(dir, "m-failed.html") });
    expect(failed.report.richMenus).toEqual({ status: "failed", httpStatus: 503 });
    expect(await readFile(failed.outFile, "utf8")).toContain("LINEからリッチメニューの設定を取得できませんでした（HTTP 503）");
    expect(failed.report.quota).toMatchObject({ status: "known" });
    expect(failed.report.numbers.users.total).toBe(8);
  });

  it("runs from the command line, printing the summary and writing the file", async () => {
    const out = join(dir, "cli", "report.html");
    const result = await runCommand(["--now", "2026-11-24T12:00:00+09:00", "--out", out], fixture.env);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(statsText.title);
    expect(result.stdout).toContain("2026-11-24 12:00");
    expect(result.stdout).toContain(`${statsText.usersTile}: 8人`);
    expect(result.stdout).toContain(`report: ${out}`);
    expect(await readFile(out, "utf8")).toContain("37 / 200通（19%）");
  }, 90_000);

  it("stops with exit code 2 and says what to set when the configuration or an option is wrong", async () => {
    const { GOOGLE_CLOUD_PROJECT: _project, ...withoutProject } = fixture.env;
    const noProject = await runCommand(["--out", join(dir, "never.html")], withoutProject);
    expect(noProject.status).toBe(2);
    expect(noProject.stderr).toContain("GOOGLE_CLOUD_PROJECT is not set");

    const badNow = await runCommand(["--now", "yesterday"], fixture.env);
    expect(badNow.status).toBe(2);
    expect(badNow.stderr).toContain("--now needs a time");

    const unknownOption = await runCommand(["--output", join(dir, "never.html")], fixture.env);
    expect(unknownOption.status).toBe(2);
    expect(unknownOption.stderr).toContain("Unknown option '--output'");
    expect(unknownOption.stderr).toContain("Usage: npm run stats");
  }, 90_000);
});
