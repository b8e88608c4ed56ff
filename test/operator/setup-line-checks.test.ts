/**
 * The setup's LINE checks against the local LINE stand-in: the secret must issue a token for
 * the channel ID, the token must be this channel's, and チャット is read from the bot's info,
 * then checked again after the manual checklist. No key is ever said back.
 */
import { randomBytes } from "node:crypto";
import { startLineStandIn, type LineStandIn } from "../../scripts/lib/line-stand-in";
import { copy, fillCopy } from "../../scripts/lib/setup/copy";
import type { SetupContext } from "../../scripts/lib/setup/context";
import { dryRunFirebaseCli } from "../../scripts/lib/setup/firebase-cli";
import { scriptedIo } from "../../scripts/lib/setup/io";
import { checkLineKeys, type LineKeys } from "../../scripts/lib/setup/line-checks";
import { lineKeysStep, lineSteps } from "../../scripts/lib/setup/line-steps";

const keys: LineKeys = {
  channelId: "2000000001",
  channelSecret: randomBytes(16).toString("hex"),
  channelAccessToken: randomBytes(32).toString("hex"),
};
const other = { channelId: "2000000002", channelAccessToken: randomBytes(32).toString("hex") };
let line: LineStandIn;

beforeAll(async () => {
  line = await startLineStandIn({ ...keys, otherChannels: [other] });
});
afterAll(() => line.close());
beforeEach(() => line.reset());

function contextWith(answers: string[]): SetupContext & { io: ReturnType<typeof scriptedIo> } {
  const io = scriptedIo(answers);
  return {
    root: process.cwd(),
    io,
    state: { version: 1, done: {} },
    firebase: dryRunFirebaseCli(io),
    lineBaseUrl: line.url,
    practice: null,
    keys: null,
    settingsHome: "/nonexistent",
    sleep: () => Promise.resolve(),
  };
}

describe("the LINE keys check", () => {
  it("passes a channel's own keys and reads its name, チャット mode and quota", async () => {
    line.quota.limit = 200;
    line.quota.used = 12;
    expect(await checkLineKeys(line.url, keys)).toEqual({
      ok: true,
      botName: line.channel.displayName,
      chatMode: "chat",
      quota: { limit: 200, used: 12 },
    });
  });

  it("refuses a secret that is not the channel's", async () => {
    const wrong = { ...keys, channelSecret: randomBytes(16).toString("hex") };
    expect(await checkLineKeys(line.url, wrong)).toEqual({ ok: false, problem: copy.secretWrong });
  });

  it("refuses a token of another channel, naming both channels", async () => {
    const check = await checkLineKeys(line.url, { ...keys, channelAccessToken: other.channelAccessToken });
    expect(check).toEqual({ ok: false, problem: fillCopy(copy.tokenOtherChannel, { other: other.channelId, id: keys.channelId }) });
  });

  it("refuses a token LINE does not know (expired or reissued)", async () => {
    const check = await checkLineKeys(line.url, { ...keys, channelAccessToken: randomBytes(32).toString("hex") });
    expect(check).toEqual({ ok: false, problem: copy.tokenInvalid });
  });

  it.each([
    ["a channel ID that is not ten digits", { channelId: "20000" }, copy.channelIdBad],
    ["a secret with a space pasted in", { channelSecret: ` ${keys.channelSecret.slice(1)}` }, copy.secretBad],
    ["a token cut short", { channelAccessToken: "abc" }, copy.tokenBad],
  ])("says what is wrong with %s before asking LINE", async (_name, change, problem) => {
    const before = line.calls().length;
    expect(await checkLineKeys(line.url, { ...keys, ...change })).toEqual({ ok: false, problem });
    expect(line.calls()).toHaveLength(before);
  });

  it("says when LINE cannot be reached", async () => {
    const check = await checkLineKeys("http://127.0.0.1:9", keys);
    expect(check.ok).toBe(false);
    expect(!check.ok && check.problem).toContain("LINE に接続できませんでした");
  });
});

describe("the LINE steps of the setup", () => {
  it("ask the secret and token hidden, keep them in memory only, and never say them back", async () => {
    const context = contextWith([keys.channelId, keys.channelSecret, keys.channelAccessToken]);
    const result = await lineKeysStep().run(context);
    expect(result).toMatchObject({ ok: true });
    expect(context.keys).toEqual(keys);
    const said = [...context.io.said, ...(result.ok ? (result.lines ?? []) : [])].join("\n");
    expect(said).not.toContain(keys.channelSecret);
    expect(said).not.toContain(keys.channelAccessToken);
    expect(JSON.stringify(context.state)).not.toContain(keys.channelSecret);
  });

  it("stop after the checklist until チャット is on and the webhook is in use, as LINE's API tells", async () => {
    line.channel.chatMode = "bot";
    const check = await checkLineKeys(line.url, keys);
    expect(check).toMatchObject({ ok: true, chatMode: "bot" });
    const manual = lineSteps().find((step) => step.id === "manual")!;
    const context = { ...contextWith(["はい"]), keys };
    expect(await manual.run(context)).toEqual({ ok: false, problem: copy.chatOff });
    line.channel.chatMode = "chat";
    expect(await manual.run({ ...contextWith(["はい"]), keys })).toEqual({ ok: false, problem: copy.webhookInactive });
    const again = { ...contextWith(["はい"]), keys };
    const webhookSet = await fetch(`${line.url}/v2/bot/channel/webhook/endpoint`, {
      method: "PUT",
      headers: { authorization: `Bearer ${keys.channelAccessToken}`, "content-type": "application/json" },
      body: JSON.stringify({ endpoint: "https://example.com/webhook" }),
    });
    expect(webhookSet.status).toBe(200);
    expect(await manual.run(again)).toEqual({ ok: true, lines: [copy.manualChecked] });
  });
});
