import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { HTTPFetchError } from "@line/bot-sdk";
import { LOCAL_FEED_PATH, startLineStandIn, type FeedEntry, type LineStandIn, type SentBatch } from "../../scripts/lib/line-stand-in";
import { readFeed } from "../../scripts/lib/local-stack";
import { createLineGateway } from "../../src/line/client";
import { LineApiError } from "../../src/line/error";
import type { LineGateway, LineMessage } from "../../src/line/gateway";

const token = "stand-in-test-token";
const hello: LineMessage[] = [{ type: "text", text: "こんにちは" }];

let line: LineStandIn;
let gateway: LineGateway;

beforeAll(async () => {
  line = await startLineStandIn({ channelAccessToken: token });
  gateway = createLineGateway({ channelAccessToken: token, baseURL: line.url });
});
afterEach(() => {
  line.reset();
  line.quota.limit = "none";
});
afterAll(() => line.close());

async function rejection(promise: Promise<unknown>): Promise<LineApiError> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof LineApiError)) throw new Error(`expected a LineApiError, got ${String(error)}`);
  return error;
}

function api(path: string, init: { method?: string; body?: unknown; headers?: Record<string, string>; raw?: Buffer } = {}) {
  const body = init.raw ?? (init.body === undefined ? undefined : JSON.stringify(init.body));
  return fetch(`${line.url}${path}`, {
    method: init.method ?? (body === undefined ? "GET" : "POST"),
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json", ...init.headers },
    body,
  });
}

describe("the LINE stand-in behind the real gateway", () => {
  it("records a reply with its token and messages", async () => {
    await gateway.reply("token-1", hello);
    expect(line.sent()).toEqual([{ kind: "reply", to: [], replyToken: "token-1", messages: hello, at: expect.any(Date) as Date }]);
    expect(line.calls()).toMatchObject([{ method: "POST", path: "/v2/bot/message/reply", status: 200 }]);
  });

  it("rejects a reused reply token with a LineApiError carrying status, request id and cause", async () => {
    await gateway.reply("token-2", hello);
    const error = await rejection(gateway.reply("token-2", hello));
    expect(error.status).toBe(400);
    expect(error.operation).toBe("reply");
    expect(error.requestId).toMatch(/^[0-9a-f]{32}$/);
    expect(error.message).toContain("Invalid reply token");
    expect(error.cause).toBeInstanceOf(HTTPFetchError);
    expect(error.retryable).toBe(false);
    expect(line.sent()).toHaveLength(1);
  });

  it("sends a push once when it is repeated with the same retry key, and the gateway resolves both times", async () => {
    const key = randomUUID();
    await gateway.push("U1", hello, key);
    await gateway.push("U1", hello, key);
    expect(line.sent()).toEqual([{ kind: "push", to: ["U1"], retryKey: key, messages: hello, at: expect.any(Date) as Date }]);
    expect(line.calls().map((c) => c.status)).toEqual([200, 409]);
    expect(line.calls()[1]?.headers["x-line-retry-key"]).toBe(key);
    expect(line.quota.used).toBe(1);
  });

  it("answers a push whose retry key is not a UUID with 400", async () => {
    const error = await rejection(gateway.push("U1", hello, "not-a-uuid"));
    expect(error.status).toBe(400);
    expect(line.sent()).toEqual([]);
  });

  it("gives the default, a set, and no display name", async () => {
    expect(await gateway.displayName("U-unknown")).toBe("テストユーザー");
    line.setProfile("U2", { displayName: "山田花子" });
    expect(await gateway.displayName("U2")).toBe("山田花子");
    line.setProfile("U3", null);
    expect(await gateway.displayName("U3")).toBeNull();
    expect(line.calls().map((c) => c.status)).toEqual([200, 200, 404]);
  });

  it("answers 401 to a wrong access token", async () => {
    const stranger = createLineGateway({ channelAccessToken: "wrong", baseURL: line.url });
    const error = await rejection(stranger.reply("token-3", hello));
    expect(error.status).toBe(401);
    expect(await stranger.displayName("U1")).toBeNull();
    expect(line.sent()).toEqual([]);
  });

  it("answers 400 to a message that breaks a limit and records the violation", async () => {
    const error = await rejection(gateway.reply("token-4", [{ type: "text", text: "a".repeat(5001) }]));
    expect(error.status).toBe(400);
    expect(JSON.parse(error.responseBody ?? "{}")).toEqual({
      message: "The request body has 1 error(s)",
      details: [{ property: "messages[0].text", message: "is 5001 characters (max 5000)" }],
    });
    expect(line.violations()).toEqual(["messages[0].text is 5001 characters (max 5000)"]);
    expect(line.sent()).toEqual([]);
    await gateway.reply("token-4", hello);
    expect(line.sent()).toHaveLength(1);
  });

  it("answers 429 once the monthly quota is spent, and reports quota and consumption", async () => {
    line.quota.limit = 1;
    await gateway.push("U1", hello, randomUUID());
    const error = await rejection(gateway.push("U2", hello, randomUUID()));
    expect(error.status).toBe(429);
    expect(error.message).toContain("You have reached your monthly limit.");
    expect(line.sent()).toHaveLength(1);
    expect(await (await api("/v2/bot/message/quota")).json()).toEqual({ type: "limited", value: 1 });
    expect(await (await api("/v2/bot/message/quota/consumption")).json()).toEqual({ totalUsage: 1 });
  });

  it("leaves groups and rooms", async () => {
    await gateway.leave({ type: "group", groupId: "Cgroup1" });
    await gateway.leave({ type: "room", roomId: "Rroom1" });
    expect(line.calls().map((c) => `${c.path} ${c.status}`)).toEqual(["/v2/bot/group/Cgroup1/leave 200", "/v2/bot/room/Rroom1/leave 200"]);
  });

  it("tells listeners about each accepted batch, until they are removed", async () => {
    const seen: SentBatch[] = [];
    const listener = (batch: SentBatch) => seen.push(batch);
    line.on("sent", listener);
    await gateway.reply("token-5", hello);
    line.off("sent", listener);
    await gateway.reply("token-6", hello);
    expect(seen.map((b) => b.replyToken)).toEqual(["token-5"]);
  });

  it("forgets used reply tokens, retry keys and quota on reset", async () => {
    const key = randomUUID();
    await gateway.reply("token-7", hello);
    await gateway.push("U1", hello, key);
    line.reset();
    await gateway.reply("token-7", hello);
    await gateway.push("U1", hello, key);
    expect(line.sent().map((b) => b.kind)).toEqual(["reply", "push"]);
    expect(line.quota.used).toBe(1);
  });
});

describe("the LINE stand-in over plain HTTP", () => {
  it("stamps every answer with a request id and answers unknown paths 404", async () => {
    const res = await api("/v2/bot/nothing-here");
    expect(res.status).toBe(404);
    expect(res.headers.get("x-line-request-id")).toMatch(/^[0-9a-f]{32}$/);
  });

  it("multicasts to up to 500 ids, counting each toward the quota", async () => {
    const to = Array.from({ length: 500 }, (_, i) => `U${i}`);
    expect((await api("/v2/bot/message/multicast", { body: { to, messages: hello } })).status).toBe(200);
    expect((await api("/v2/bot/message/multicast", { body: { to: [...to, "U500"], messages: hello } })).status).toBe(400);
    expect(line.quota.used).toBe(500);
    expect(line.sent()[0]?.to).toHaveLength(500);
  });

  it("answers a repeated multicast retry key 409 with the accepted request id", async () => {
    const headers = { "x-line-retry-key": randomUUID() };
    const first = await api("/v2/bot/message/multicast", { body: { to: ["U1"], messages: hello }, headers });
    const second = await api("/v2/bot/message/multicast", { body: { to: ["U1"], messages: hello }, headers });
    expect(second.status).toBe(409);
    expect(second.headers.get("x-line-accepted-request-id")).toBe(first.headers.get("x-line-request-id"));
    expect(await second.json()).toEqual({ message: "The retry key is already accepted" });
  });

  it.each([
    [5, 202],
    [60, 202],
    [7, 400],
    [65, 400],
  ])("answers a loading animation of %i seconds with %i", async (loadingSeconds, status) => {
    expect((await api("/v2/bot/chat/loading/start", { body: { chatId: "U1", loadingSeconds } })).status).toBe(status);
  });

  it("answers a request body over 2 MB with 413", async () => {
    const res = await api("/v2/bot/message/push", { body: { to: "U1", messages: [{ type: "text", text: "a".repeat(2_200_000) }] } });
    expect(res.status).toBe(413);
    expect(line.sent()).toEqual([]);
  });

  it("creates a rich menu, takes its image, makes it the default, lists and deletes it", async () => {
    const menu = { size: { width: 2500, height: 843 }, selected: true, name: "main", chatBarText: "メニュー", areas: [] };
    const created = (await (await api("/v2/bot/richmenu", { body: menu })).json()) as { richMenuId: string };
    expect(created.richMenuId).toMatch(/^richmenu-[0-9a-f]{32}$/);
    const id = created.richMenuId;
    expect((await api(`/v2/bot/user/all/richmenu/${id}`, { method: "POST" })).status).toBe(400);
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47]), Buffer.alloc(100)]);
    const upload = (raw: Buffer, type: string) => api(`/v2/bot/richmenu/${id}/content`, { raw, headers: { "content-type": type } });
    expect((await upload(png, "image/jpeg")).status).toBe(415);
    expect((await upload(Buffer.concat([png, Buffer.alloc(1024 * 1024)]), "image/png")).status).toBe(400);
    expect((await upload(png, "image/png")).status).toBe(200);
    expect((await api(`/v2/bot/user/all/richmenu/${id}`, { method: "POST" })).status).toBe(200);
    expect(await (await api("/v2/bot/user/all/richmenu")).json()).toEqual({ richMenuId: id });
    expect(await (await api("/v2/bot/richmenu/list")).json()).toEqual({ richmenus: [{ richMenuId: id, ...menu }] });
    expect((await api(`/v2/bot/richmenu/${id}`, { method: "DELETE" })).status).toBe(200);
    expect((await api("/v2/bot/user/all/richmenu")).status).toBe(404);
  });

  it("closes cleanly while a keep-alive connection is open", async () => {
    const other = await startLineStandIn({ channelAccessToken: token });
    await fetch(`${other.url}/v2/bot/message/quota`, { headers: { authorization: `Bearer ${token}` } });
    await expect(other.close()).resolves.toBeUndefined();
  });
});

describe("the LINE stand-in's local feed of accepted batches", () => {
  /** Resolves once `count` entries have come, however long the stream takes to deliver them. */
  function collect(entries: FeedEntry[], count: number): Promise<void> {
    return new Promise((resolve) => {
      const check = () => (entries.length >= count ? resolve() : setImmediate(check));
      check();
    });
  }

  it("replays what was accepted, then streams each new batch, numbering on across a reset", async () => {
    await gateway.push("U1", hello, randomUUID());
    await gateway.reply("feed-token-1", hello);
    const live: FeedEntry[] = [];
    const feed = await readFeed({ lineUrl: line.url, channelAccessToken: token }, (entry) => live.push(entry));
    try {
      expect(feed.history.map(({ seq, kind, to, replyToken }) => ({ seq, kind, to, replyToken }))).toEqual([
        { seq: expect.any(Number) as number, kind: "push", to: ["U1"], replyToken: undefined },
        { seq: expect.any(Number) as number, kind: "reply", to: [], replyToken: "feed-token-1" },
      ]);
      const [first, second] = feed.history;
      expect(second.seq).toBe(first.seq + 1);
      expect(line.feedReaders()).toBe(1);

      line.reset();
      await gateway.push("U2", hello, randomUUID());
      await collect(live, 1);
      expect(live).toEqual([
        {
          seq: second.seq + 1,
          kind: "push",
          to: ["U2"],
          retryKey: expect.any(String) as string,
          messages: hello,
          at: expect.any(String) as string,
        },
      ]);
      expect(line.calls().map((call) => call.path)).toEqual(["/v2/bot/message/push"]);
    } finally {
      feed.stop();
      await feed.ended;
    }
  });

  it("refuses a wrong token, and ends when the stand-in closes", async () => {
    const refused = await fetch(`${line.url}${LOCAL_FEED_PATH}`, { headers: { authorization: "Bearer nope" } });
    expect(refused.status).toBe(401);
    await refused.arrayBuffer();
    await expect(readFeed({ lineUrl: line.url, channelAccessToken: "nope" }, () => undefined)).rejects.toThrow("401");

    const closing = await startLineStandIn({ channelAccessToken: token });
    const feed = await readFeed({ lineUrl: closing.url, channelAccessToken: token }, () => undefined);
    expect(feed.history).toEqual([]);
    await closing.close();
    await feed.ended;
    await expect(readFeed({ lineUrl: closing.url, channelAccessToken: token }, () => undefined)).rejects.toThrow();
  });
});

describe("the gateway when LINE does not answer", () => {
  let silent: Server;
  beforeAll(async () => {
    silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
  });
  afterAll(async () => {
    silent.closeAllConnections();
    await new Promise((resolve) => silent.close(resolve));
  });

  it("gives up after its timeout with a retryable LineApiError", async () => {
    const { port } = silent.address() as AddressInfo;
    const slow = createLineGateway({ channelAccessToken: token, baseURL: `http://127.0.0.1:${port}`, timeoutMs: 100 });
    const error = await rejection(slow.push("U1", hello, randomUUID()));
    expect(error).toMatchObject({ operation: "push", status: undefined, timedOut: true, retryable: true });
    expect(await slow.displayName("U1")).toBeNull();
  });

  it("turns a refused connection into a retryable LineApiError", async () => {
    const closed = await startLineStandIn({ channelAccessToken: token });
    await closed.close();
    const error = await rejection(createLineGateway({ channelAccessToken: token, baseURL: closed.url }).reply("t", hello));
    expect(error).toMatchObject({ operation: "reply", status: undefined, timedOut: false, retryable: true });
    expect(error.message).toBe("LINE reply failed: fetch failed");
    expect(error.cause).toHaveProperty("name", "TypeError");
  });
});
