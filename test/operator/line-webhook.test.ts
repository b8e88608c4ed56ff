/**
 * `npm run line-webhook`: sets the channel's webhook URL and has LINE test it. Against the
 * LINE stand-in, whose test request is signed with the channel secret like LINE's, and the
 * real webhook over HTTP.
 */
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { promisify } from "node:util";
import { startLineStandIn, type LineStandIn } from "../../scripts/lib/line-stand-in";
import { pointLineAtWebhook } from "../../scripts/line-webhook";
import { useStack } from "../helpers/stack";

const stack = useStack();
const run = promisify(execFile);
const ROOT = join(__dirname, "../..");
const TSX = join(ROOT, "node_modules/.bin/tsx");

/** Runs the command with `env`; resolves with its exit code and output. */
async function lineWebhook(args: string[], env: Record<string, string>): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await run(TSX, ["scripts/line-webhook.ts", ...args], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      timeout: 60_000,
    });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, output: `${failed.stdout ?? ""}${failed.stderr ?? ""}` };
  }
}

describe("pointing LINE at the webhook", () => {
  it("has LINE's signed test request get 200 from the webhook, then sets the URL", async () => {
    const config = { lineChannelAccessToken: stack().channelAccessToken, lineApiBaseUrl: stack().line.url };
    const check = await pointLineAtWebhook(config, stack().webhookUrl);
    expect(check).toEqual({ reached: true, statusCode: 200, reason: "OK", active: true });
    const calls = stack()
      .line.calls()
      .map((call) => `${call.method} ${call.path} ${call.status}`);
    expect(calls).toEqual([
      "POST /v2/bot/channel/webhook/test 200",
      "PUT /v2/bot/channel/webhook/endpoint 200",
      "GET /v2/bot/channel/webhook/endpoint 200",
    ]);
  });

  it("reports the 401 a channel with another secret gets, keeps the URL it had, and exits 1 from the command", async () => {
    let other: LineStandIn | undefined;
    try {
      other = await startLineStandIn({ channelAccessToken: stack().channelAccessToken, channelSecret: randomBytes(16).toString("hex") });
      const check = await pointLineAtWebhook(
        { lineChannelAccessToken: stack().channelAccessToken, lineApiBaseUrl: other.url },
        stack().webhookUrl,
      );
      expect(check).toMatchObject({ reached: false, statusCode: 401 });
      expect(other.calls().map((call) => call.method)).toEqual(["POST"]);
      const { code, output } = await lineWebhook(["--url", stack().webhookUrl], {
        LINE_CHANNEL_ACCESS_TOKEN: stack().channelAccessToken,
        LINE_API_BASE_URL: other.url,
      });
      expect(code).toBe(1);
      expect(output).toContain("status 401");
      expect(output).not.toContain(stack().channelAccessToken);
    } finally {
      await other?.close();
    }
  });

  it("exits 0 from the command when the webhook answers, and 2 without an https URL", async () => {
    const env = { LINE_CHANNEL_ACCESS_TOKEN: stack().channelAccessToken, LINE_API_BASE_URL: stack().line.url };
    const ok = await lineWebhook(["--url", stack().webhookUrl], env);
    expect(ok.code).toBe(0);
    expect(ok.output).toContain("reached the webhook: 200");
    expect(ok.output).not.toContain(stack().channelAccessToken);
    const bad = await lineWebhook(["--url", "http://example.com/webhook"], env);
    expect(bad.code).toBe(2);
    expect(bad.output).toContain("https://");
  });
});
