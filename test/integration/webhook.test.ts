/**
 * The webhook end to end over real HTTP with real signatures, against the Firestore
 * emulator and the LINE API stand-in.
 */
import express from "express";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { follow, postback, redelivered, text, userId } from "../helpers/events";
import { useStack } from "../helpers/stack";
import { postRaw, sign } from "../helpers/webhook";
import { answerData } from "../../src/dialogue/postback";
import { stateIn } from "../helpers/stored-user";

type TextMessage = { type: "text"; text: string; quickReply?: { items: { action: { label: string; data?: string } }[] } };

const stack = useStack();

async function storedState(user: string): Promise<Record<string, unknown> | undefined> {
  const snapshot = await stack().db.collection("users").doc(user).get();
  return snapshot.exists ? (stateIn(snapshot) as unknown as Record<string, unknown>) : undefined;
}

function lastQuickReplyLabels(messages: unknown[]): string[] {
  const last = messages.at(-1) as TextMessage;
  return last.quickReply?.items.map((item) => item.action.label) ?? [];
}

describe("the webhook", () => {
  it("greets a new friend by name and asks for consent with quick replies", async () => {
    const user = userId();
    stack().line.setProfile(user, { displayName: "山田花子" });

    expect(await stack().send(follow(user))).toBe(200);

    const messages = stack().messagesTo(user) as TextMessage[];
    expect(messages.length).toBeGreaterThanOrEqual(2);
    expect(messages[0]?.text).toContain("山田花子さん");
    expect(lastQuickReplyLabels(messages)).toEqual(["同意してはじめる", "くわしく見る", "やめておく"]);
    expect(await storedState(user)).toMatchObject({ step: { type: "awaitingConsent" }, consent: { status: "none" } });
  });

  it("greets without a name when LINE gives no profile", async () => {
    const user = userId();
    stack().line.setProfile(user, null);

    expect(await stack().send(follow(user))).toBe(200);

    const [first] = stack().messagesTo(user) as TextMessage[];
    expect(first?.text).toMatch(/^はじめまして/);
  });

  it("stores consent and offers to start after the user agrees", async () => {
    const user = userId();
    await stack().send(follow(user));
    await stack().send(postback(user, answerData("consent", "agree")));

    expect(await storedState(user)).toMatchObject({ step: { type: "awaitingStartChoice" }, consent: { status: "given" } });
    expect(lastQuickReplyLabels(stack().messagesTo(user))).toEqual(["いまはじめる", "あとで"]);
  });

  it("answers ヘルプ from any step and repeats the pending question", async () => {
    const user = userId();
    await stack().send(follow(user));
    stack().line.reset();

    await stack().send(text(user, " ﾍﾙﾌﾟ "));

    const messages = stack().messagesTo(user) as TextMessage[];
    expect(messages[0]?.text).toContain("使い方");
    expect(lastQuickReplyLabels(messages)).toEqual(["同意してはじめる", "くわしく見る", "やめておく"]);
  });

  it("rejects a bad signature with 401 and writes and sends nothing", async () => {
    const user = userId();
    const body = JSON.stringify({ destination: "Ubot", events: [follow(user)] });

    expect(await postRaw(stack().webhookUrl, body, { "x-line-signature": sign(body, "not-the-secret") })).toBe(401);
    expect(await postRaw(stack().webhookUrl, body, {})).toBe(401);

    expect(await storedState(user)).toBeUndefined();
    expect(stack().line.calls()).toEqual([]);
  });

  it("rejects a signature made over a different body", async () => {
    const user = userId();
    const signed = JSON.stringify({ destination: "Ubot", events: [] });
    const sent = JSON.stringify({ destination: "Ubot", events: [follow(user)] });

    expect(await postRaw(stack().webhookUrl, sent, { "x-line-signature": sign(signed, stack().channelSecret) })).toBe(401);
    expect(await storedState(user)).toBeUndefined();
  });

  it("answers 400 to a signed body that is not JSON or has no events array", async () => {
    for (const body of ["{not json", JSON.stringify({ destination: "Ubot" }), "[]"]) {
      expect(await postRaw(stack().webhookUrl, body, { "x-line-signature": sign(body, stack().channelSecret) })).toBe(400);
    }
    expect(stack().line.calls()).toEqual([]);
  });

  it("answers 413 to an oversized body", async () => {
    const body = JSON.stringify({ destination: "Ubot", events: [], padding: "x".repeat(2 * 1024 * 1024) });
    expect(await postRaw(stack().webhookUrl, body, { "x-line-signature": sign(body, stack().channelSecret) })).toBe(413);
  });

  it("answers LINE's connectivity check (no events) with 200", async () => {
    expect(await stack().send()).toBe(200);
    expect(stack().line.calls()).toEqual([]);
  });

  it("handles an event delivered twice once: one reply, one state change", async () => {
    const user = userId();
    await stack().send(follow(user));
    const agree = postback(user, answerData("consent", "agree"));
    stack().line.reset();

    expect(await stack().send(agree)).toBe(200);
    const afterFirst = await stack().db.collection("users").doc(user).get();
    expect(await stack().send(redelivered(agree))).toBe(200);
    const afterSecond = await stack().db.collection("users").doc(user).get();

    expect(stack().line.sent()).toHaveLength(1);
    expect(afterSecond.updateTime?.isEqual(afterFirst.updateTime!)).toBe(true);
    expect(stack().logs.some((line) => line.message === "event already handled")).toBe(true);
  });

  it("serves two users in one request and two requests at once", async () => {
    const [a, b, c] = [userId(), userId(), userId()];
    const statuses = await Promise.all([stack().send(follow(a), follow(b)), stack().send(follow(c))]);

    expect(statuses).toEqual([200, 200]);
    for (const user of [a, b, c]) {
      expect(lastQuickReplyLabels(stack().messagesTo(user))).toContain("同意してはじめる");
      expect(await storedState(user)).toMatchObject({ step: { type: "awaitingConsent" } });
    }
  });

  it("applies one user's events of one request in timestamp order", async () => {
    const user = userId();
    await stack().send(follow(user));
    const agree = postback(user, answerData("consent", "agree"));
    const later = postback(user, answerData("start", "later"));

    expect(await stack().send(later, agree)).toBe(200);

    expect(await storedState(user)).toMatchObject({ step: { type: "resting" }, consent: { status: "given" } });
  });

  it("keeps a user's state across a restart of the server", async () => {
    const user = userId();
    await stack().send(follow(user));
    await stack().send(postback(user, answerData("consent", "agree")));

    await stack().restart();
    stack().line.reset();
    await stack().send(postback(user, answerData("start", "now")));

    expect(await storedState(user)).toMatchObject({ step: { type: "awaitingWorkScore" } });
    expect(lastQuickReplyLabels(stack().messagesTo(user))).toHaveLength(5);
  });

  it("answers a group once, leaves it and stores nothing", async () => {
    const event = { ...follow("Uignored"), type: "join", source: { type: "group", groupId: "Cgroup1" } };

    expect(await stack().send(event)).toBe(200);

    expect(stack().line.sent()).toHaveLength(1);
    expect(
      stack()
        .line.calls()
        .map((call) => call.path),
    ).toContain("/v2/bot/group/Cgroup1/leave");
    expect((await stack().db.collection("users").get()).size).toBe(0);
  });

  it("gives a group join and a group message that LINE redelivers no second notice, and leaves each time", async () => {
    const join: Record<string, unknown> = { ...follow("Uignored"), type: "join", source: { type: "group", groupId: "Cgroup2" } };
    const message: Record<string, unknown> = {
      ...text("Umember", "こんにちは"),
      source: { type: "group", groupId: "Cgroup3", userId: "Umember" },
    };

    for (const event of [join, message]) {
      expect(await stack().send(event)).toBe(200);
      // LINE redelivers the same event (same webhookEventId), twice here, with a fresh reply token as it does.
      expect(await stack().send({ ...redelivered(event), replyToken: "redelivery-token-1" })).toBe(200);
      expect(await stack().send(redelivered(event))).toBe(200);
    }

    expect(
      stack()
        .line.sent()
        .map((batch) => batch.replyToken),
    ).toEqual([join.replyToken, message.replyToken]);
    const leaves = (groupId: string) =>
      stack()
        .line.calls()
        .filter((call) => call.path === `/v2/bot/group/${groupId}/leave`);
    expect(leaves("Cgroup2")).toHaveLength(3);
    expect(leaves("Cgroup3")).toHaveLength(3);
    expect((await stack().db.collection("users").get()).size).toBe(0);
  });

  it("tries to leave a group or room even when the notice reply fails", async () => {
    const group = { ...follow("Uignored"), type: "join", source: { type: "group", groupId: "Cgroup4" } };
    const room = { ...text("Umember", "こんにちは"), source: { type: "room", roomId: "Rroom1", userId: "Umember" } };
    // Every attempt of the notice fails: 5xx (retried, then given up) for the group, 400 (final) for the room.
    stack().line.failNext("/v2/bot/message/reply", 500, 3);
    expect(await stack().send(group)).toBe(200);
    stack().line.failNext("/v2/bot/message/reply", 400, 1);
    expect(await stack().send(room)).toBe(200);

    const calls = stack().line.calls();
    expect(calls.filter((call) => call.path === "/v2/bot/message/reply").every((call) => call.status >= 400)).toBe(true);
    expect(stack().line.sent()).toEqual([]);
    for (const path of ["/v2/bot/group/Cgroup4/leave", "/v2/bot/room/Rroom1/leave"]) {
      expect(calls.filter((call) => call.path === path).map((call) => call.status)).toEqual([200]);
    }
    expect(stack().logs.filter((line) => line.message === "shared chat notice failed")).toHaveLength(2);
    expect(stack().logs.filter((line) => line.message === "left shared chat")).toHaveLength(2);
    expect((await stack().db.collection("users").get()).size).toBe(0);
  });

  it("verifies the signature over the raw body when the platform parsed it first (Cloud Functions)", async () => {
    const user = userId();
    const platform = express();
    platform.use(express.json({ verify: (req, _res, raw) => Object.assign(req, { rawBody: raw }) }));
    platform.use(stack().app);
    const server = await new Promise<Server>((resolve) => {
      const started = platform.listen(0, "127.0.0.1", () => resolve(started));
    });
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook`;
      const body = JSON.stringify({ destination: "Ubot", events: [follow(user)] });

      expect(await postRaw(url, body, { "x-line-signature": sign(body, "wrong") })).toBe(401);
      expect(await postRaw(url, body, { "x-line-signature": sign(body, stack().channelSecret) })).toBe(200);
      expect(await storedState(user)).toMatchObject({ step: { type: "awaitingConsent" } });
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
