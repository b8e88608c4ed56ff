/**
 * Configuration is read once at start; every problem is reported at once, naming the
 * variable and what a good value looks like, and no secret is ever echoed back.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { CONFIG_DEFAULTS, ConfigError, loadConfig, loadConsoleConfig, loadJobConfig, loadRetentionConfig } from "../../src/config";

const SECRET = "s3cr3t-channel-secret";
const TOKEN = "t0k3n-channel-access-token";
const COMPLETE = { LINE_CHANNEL_SECRET: SECRET, LINE_CHANNEL_ACCESS_TOKEN: TOKEN };

function problemsOf(load: () => unknown): string {
  try {
    load();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error("expected a ConfigError");
}

describe("configuration", () => {
  it("takes the documented defaults when only the two LINE secrets are set", () => {
    const config = loadConfig(COMPLETE);
    expect(config).toMatchObject({
      port: CONFIG_DEFAULTS.port,
      lineApiBaseUrl: "https://api.line.me",
      operatorLineIds: [],
      bookingUrl: undefined,
      quietHours: { start: "22:00", end: "08:00" },
      retentionDays: CONFIG_DEFAULTS.retentionDays,
      handoverReplyHours: undefined,
      markAsRead: "auto",
    });
  });

  it("marks answered messages read unless MARK_AS_READ is off, and names the variable for anything else", () => {
    expect(loadConfig({ ...COMPLETE, MARK_AS_READ: " OFF " }).markAsRead).toBe("off");
    expect(loadConfig({ ...COMPLETE, MARK_AS_READ: "auto" }).markAsRead).toBe("auto");
    expect(problemsOf(() => loadConfig({ ...COMPLETE, MARK_AS_READ: "always" }))).toContain("MARK_AS_READ must be auto");
    expect(problemsOf(() => loadConfig({ ...COMPLETE, MARK_AS_READ: "always" }))).toContain('or off, not "always"');
  });

  it("reads every operator setting", () => {
    const operator = `U${"0123456789abcdef".repeat(2)}`;
    const config = loadConfig({
      ...COMPLETE,
      PORT: "9000",
      OPERATOR_LINE_IDS: ` ${operator} ,`,
      BOOKING_URL: "https://example.com/book",
      QUIET_HOURS: "23:30-07:00",
      RETENTION_DAYS: "90",
      HANDOVER_IDLE_HOURS: "24",
      HANDOVER_REPLY_HOURS: "72",
      ESCALATE_CRISIS: "On",
    });
    expect(config).toMatchObject({
      handoverIdleHours: 24,
      handoverReplyHours: 72,
      escalateCrisis: true,
      port: 9000,
      operatorLineIds: [operator],
      bookingUrl: "https://example.com/book",
      quietHours: { start: "23:30", end: "07:00" },
      retentionDays: 90,
    });
    expect(loadJobConfig({ ...COMPLETE, QUIET_HOURS: "off", RETENTION_DAYS: "0" })).toMatchObject({
      quietHours: { start: "00:00", end: "00:00" },
      retentionDays: 0,
    });
  });

  it("sends follow-ups unless FOLLOW_UPS is off, and names the variable and its values for anything else", () => {
    expect(loadJobConfig(COMPLETE).followUps).toBe(true);
    expect(loadJobConfig({ ...COMPLETE, FOLLOW_UPS: " off " }).followUps).toBe(false);
    expect(loadJobConfig({ ...COMPLETE, FOLLOW_UPS: "on" }).followUps).toBe(true);
    expect(problemsOf(() => loadJobConfig({ ...COMPLETE, FOLLOW_UPS: "no" }))).toContain("FOLLOW_UPS must be on (nudges");
    expect(problemsOf(() => loadJobConfig({ ...COMPLETE, FOLLOW_UPS: "no" }))).toContain('or off, not "no"');
  });

  it("lists every problem at once, each naming its variable, without echoing a secret", () => {
    const message = problemsOf(() =>
      loadConfig({
        LINE_CHANNEL_SECRET: SECRET,
        PORT: "http",
        OPERATOR_LINE_IDS: "someone",
        BOOKING_URL: "http://example.com",
        QUIET_HOURS: "10pm-8am",
        RETENTION_DAYS: "7",
        HANDOVER_IDLE_HOURS: "0",
        HANDOVER_REPLY_HOURS: "soon",
        ESCALATE_CRISIS: "maybe",
      }),
    );
    for (const name of [
      "LINE_CHANNEL_ACCESS_TOKEN is not set",
      "PORT",
      "OPERATOR_LINE_IDS",
      "BOOKING_URL",
      "QUIET_HOURS",
      "RETENTION_DAYS",
      "HANDOVER_IDLE_HOURS",
      "HANDOVER_REPLY_HOURS",
      "ESCALATE_CRISIS must be on or off",
    ]) {
      expect(message).toContain(name);
    }
    expect(message).toContain("Channel access token (long-lived)");
    expect(message).not.toContain(SECRET);
  });

  it.each(["0", "169", "1.5", "-3"])("refuses HANDOVER_REPLY_HOURS=%s: a promised time is whole hours from 1 to 168", (hours) => {
    expect(problemsOf(() => loadConfig({ ...COMPLETE, HANDOVER_REPLY_HOURS: hours }))).toContain("HANDOVER_REPLY_HOURS must be");
  });

  it("allows crisis escalation without OPERATOR_LINE_IDS, since consultants may be paired by code instead", () => {
    expect(loadConfig({ ...COMPLETE, ESCALATE_CRISIS: "on" }).escalateCrisis).toBe(true);
  });

  it("needs no LINE secret for the retention sweep, and a project id with the emulator", () => {
    expect(loadRetentionConfig({ RETENTION_DAYS: "400" })).toEqual({
      projectId: undefined,
      firestoreEmulatorHost: undefined,
      retentionDays: 400,
    });
    expect(problemsOf(() => loadRetentionConfig({ FIRESTORE_EMULATOR_HOST: "127.0.0.1:8086" }))).toContain("GOOGLE_CLOUD_PROJECT");
  });

  it("starts from functions/.env.example as shipped, with the defaults it documents", () => {
    const lines = readFileSync(join(__dirname, "../../functions/.env.example"), "utf8").split("\n");
    const settings = Object.fromEntries(
      lines.filter((line) => /^[A-Z_]+=/.test(line)).map((line) => [line.slice(0, line.indexOf("=")), line.slice(line.indexOf("=") + 1)]),
    );
    expect(Object.keys(settings).sort()).toEqual([
      "BOOKING_URL",
      "ESCALATE_CRISIS",
      "FOLLOW_UPS",
      "HANDOVER_IDLE_HOURS",
      "HANDOVER_REPLY_HOURS",
      "MARK_AS_READ",
      "NODE_OPTIONS",
      "OPERATOR_LINE_IDS",
      "PUBLIC_URL",
      "QUIET_HOURS",
      "REMINDER_DELIVERY",
      "RETENTION_DAYS",
    ]);
    expect(loadJobConfig({ LINE_CHANNEL_ACCESS_TOKEN: "t", ...settings })).toMatchObject({ reminderDelivery: "single", followUps: true });
    expect(settings.NODE_OPTIONS).toMatch(/^--max-old-space-size=\d+$/);
    expect(settings.QUIET_HOURS).toBe(CONFIG_DEFAULTS.quietHours);
    expect(settings.RETENTION_DAYS).toBe(String(CONFIG_DEFAULTS.retentionDays));
    expect(loadConfig({ ...COMPLETE, ...settings })).toMatchObject({
      operatorLineIds: [],
      bookingUrl: undefined,
      retentionDays: CONFIG_DEFAULTS.retentionDays,
      handoverIdleHours: CONFIG_DEFAULTS.handoverIdleHours,
      handoverReplyHours: undefined,
      escalateCrisis: false,
      publicUrl: undefined,
    });
  });

  it("takes the webhook's https address as PUBLIC_URL, without a trailing slash, and the local stack's http one", () => {
    const url = "https://asia-northeast1-will-note-12345.cloudfunctions.net/webhook";
    expect(loadConfig({ ...COMPLETE, PUBLIC_URL: `${url}/` }).publicUrl).toBe(url);
    expect(loadConfig({ ...COMPLETE, PUBLIC_URL: "http://127.0.0.1:8080" }).publicUrl).toBe("http://127.0.0.1:8080");
    for (const wrong of ["http://example.com/webhook", "asia-northeast1.cloudfunctions.net", "https://example.com/webhook?x=1"]) {
      expect(problemsOf(() => loadConfig({ ...COMPLETE, PUBLIC_URL: wrong }))).toContain("PUBLIC_URL");
    }
  });

  it("gives the console LINE and the hand-over settings together only with an access token, and never the channel secret", () => {
    const storage = { GOOGLE_CLOUD_PROJECT: "demo-will-note", FIRESTORE_EMULATOR_HOST: "127.0.0.1:8086" };
    expect(loadConsoleConfig({ ...storage, LINE_CHANNEL_SECRET: SECRET })).toEqual({
      projectId: "demo-will-note",
      firestoreEmulatorHost: "127.0.0.1:8086",
    });
    const config = loadConsoleConfig({ ...storage, ...COMPLETE, LINE_API_BASE_URL: "http://127.0.0.1:9/", HANDOVER_REPLY_HOURS: "24" });
    expect(config.line).toEqual({
      lineChannelAccessToken: TOKEN,
      lineApiBaseUrl: "http://127.0.0.1:9",
      bookingUrl: undefined,
      handoverIdleHours: CONFIG_DEFAULTS.handoverIdleHours,
      handoverReplyHours: 24,
    });
    expect(JSON.stringify(config)).not.toContain(SECRET);
    expect(problemsOf(() => loadConsoleConfig({ ...storage, ...COMPLETE, HANDOVER_IDLE_HOURS: "0" }))).toContain("HANDOVER_IDLE_HOURS");
  });
});
