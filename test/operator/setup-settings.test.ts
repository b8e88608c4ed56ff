/**
 * The setup's settings: every answer is checked by src/config.ts as the functions would check
 * it at start, a refused one is explained in plain Japanese and asked again, and the settings
 * survive replacing the project folder (kept outside it, put back by `--update`).
 */
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync, existsSync, copyFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { settingProblems } from "../../src/config";
import { settingCopy } from "../../scripts/lib/setup/copy";
import { withPublicUrl } from "../../scripts/lib/setup/google-steps";
import { scriptedIo } from "../../scripts/lib/setup/io";
import { askSettings, backUpSettings, exampleSettings, parseEnv, restoreSettings, writeEnvFile } from "../../scripts/lib/setup/settings";

const ROOT = join(__dirname, "..", "..");
const NAMES = Object.keys(settingCopy) as (keyof typeof settingCopy)[];
/** An answer of every setting that src/config.ts refuses. */
const BAD: Record<keyof typeof settingCopy, string[]> = {
  BOOKING_URL: ["http://example.com/book", "example.com"],
  HANDOVER_REPLY_HOURS: ["0", "169", "1.5", "すぐ"],
  HANDOVER_IDLE_HOURS: ["0", "721", "二日"],
  ESCALATE_CRISIS: ["maybe", "はい"],
  QUIET_HOURS: ["10pm-8am", "24:00-08:00", "22:00"],
  RETENTION_DAYS: ["7", "3651", "-1", "一年"],
  FOLLOW_UPS: ["yes", "たまに"],
};

describe("the settings the setup asks", () => {
  it.each(NAMES.flatMap((name) => BAD[name].map((bad) => [name, bad] as const)))(
    "refuses %s=%s with a plain explanation, then takes a good answer",
    async (name, bad) => {
      expect(settingProblems({ ...exampleSettings(ROOT), [name]: bad }).some((problem) => problem.startsWith(`${name} `))).toBe(true);
      const answers = NAMES.flatMap((each) => (each === name ? [bad, ""] : [""]));
      const io = scriptedIo(answers);
      const settings = await askSettings(io, exampleSettings(ROOT));
      expect(io.said).toContain(`この値は使えません: ${settingCopy[name].problem}`);
      expect(settings[name]).toBe(exampleSettings(ROOT)[name]);
      expect(settingProblems(settings)).toEqual([]);
    },
  );

  it("keeps good answers and the settings it does not ask", async () => {
    const io = scriptedIo(["https://example.com/book", "24", "", "on", "off", "0", "off"]);
    const settings = await askSettings(io, { ...exampleSettings(ROOT), OPERATOR_LINE_IDS: `U${"a".repeat(32)}` });
    expect(settings).toMatchObject({
      BOOKING_URL: "https://example.com/book",
      HANDOVER_REPLY_HOURS: "24",
      HANDOVER_IDLE_HOURS: "48",
      ESCALATE_CRISIS: "on",
      QUIET_HOURS: "off",
      RETENTION_DAYS: "0",
      FOLLOW_UPS: "off",
      OPERATOR_LINE_IDS: `U${"a".repeat(32)}`,
    });
  });
});

describe("settings that survive an update", () => {
  let work: string;
  beforeEach(() => {
    work = mkdtempSync(join(tmpdir(), "will-setup-"));
  });
  afterEach(() => rmSync(work, { recursive: true, force: true }));

  /** A project folder as a new version arrives: the example settings, nothing of the operator's. */
  function freshFolder(name: string): string {
    const folder = join(work, name);
    mkdirSync(join(folder, "functions"), { recursive: true });
    copyFileSync(join(ROOT, "functions", ".env.example"), join(folder, "functions", ".env.example"));
    return folder;
  }

  it("are kept outside the folder and put back when the folder is replaced, as written", () => {
    const home = join(work, "kept");
    const before = freshFolder("v1");
    const env = writeEnvFile(before, { ...exampleSettings(before), BOOKING_URL: "https://example.com/book", RETENTION_DAYS: "90" });
    writeFileSync(join(before, ".firebaserc"), '{ "projects": { "default": "will-note-12345" } }\n');
    expect(backUpSettings(before, home)).toEqual(["functions/.env", ".firebaserc"]);
    expect(readFileSync(env, "utf8")).toContain("# WILLノート settings");

    const after = freshFolder("v2");
    expect(restoreSettings(after, home)).toEqual(["functions/.env", ".firebaserc"]);
    expect(readFileSync(join(after, "functions", ".env"), "utf8")).toBe(readFileSync(env, "utf8"));
    expect(parseEnv(readFileSync(join(after, "functions", ".env"), "utf8"))).toMatchObject({
      BOOKING_URL: "https://example.com/book",
      RETENTION_DAYS: "90",
    });
    expect(readFileSync(join(after, ".firebaserc"), "utf8")).toContain("will-note-12345");
  });

  it("never overwrite settings the new folder already has", () => {
    const home = join(work, "kept");
    const before = freshFolder("v1");
    writeEnvFile(before, { ...exampleSettings(before), RETENTION_DAYS: "90" });
    backUpSettings(before, home);
    const after = freshFolder("v2");
    writeEnvFile(after, { ...exampleSettings(after), RETENTION_DAYS: "400" });
    expect(restoreSettings(after, home)).toEqual([]);
    expect(parseEnv(readFileSync(join(after, "functions", ".env"), "utf8")).RETENTION_DAYS).toBe("400");
    expect(existsSync(join(after, ".firebaserc"))).toBe(false);
  });
});

describe("the sheet's address", () => {
  it("is the webhook's address of the project when the operator left PUBLIC_URL empty", () => {
    const settings = withPublicUrl({ PUBLIC_URL: "", REMINDERS: "on" }, "will-note-demo");
    expect(settings).toEqual({ PUBLIC_URL: "https://asia-northeast1-will-note-demo.cloudfunctions.net/webhook", REMINDERS: "on" });
    expect(settingProblems(settings).filter((problem) => problem.startsWith("PUBLIC_URL "))).toEqual([]);
  });

  it("is left as the operator typed it, and left empty while no project is chosen", () => {
    expect(withPublicUrl({ PUBLIC_URL: "https://example.jp/webhook" }, "will-note-demo").PUBLIC_URL).toBe("https://example.jp/webhook");
    expect(withPublicUrl({ PUBLIC_URL: "" }, "").PUBLIC_URL).toBe("");
  });
});
