/**
 * LINE API faults, injected by the stand-in behind the real gateway: replies retried on 5xx
 * and silence within their budget, 4xx final, a reply that finally fails logged with the
 * event id and LINE's request id while the turn stays stored once; a push 409 is a send.
 */
import { randomUUID } from "node:crypto";
import { commandData } from "../../src/dialogue/postback";
import { createLineGateway } from "../../src/line/client";
import { sampleState } from "../helpers/dialogue-states";
import { postback, redelivered, userId } from "../helpers/events";
import { useStack } from "../helpers/stack";
import { recentEventsIn, stateIn } from "../helpers/stored-user";

const REPLY = "/v2/bot/message/reply";
const stack = useStack();

async function restingUser(): Promise<string> {
  const user = userId();
  await stack()
    .db.collection("users")
    .doc(user)
    .set({ state: sampleState("resting", new Date()), recentEventIds: [] });
  return user;
}

const replyCalls = () =>
  stack()
    .line.calls()
    .filter((call) => call.path === REPLY);
const replies = () =>
  stack()
    .line.sent()
    .filter((batch) => batch.kind === "reply");

describe("a reply to LINE", () => {
  it("is retried after 5xx answers and delivered once", async () => {
    const user = await restingUser();
    stack().line.failNext(REPLY, 503, 2);

    expect(await stack().send(postback(user, commandData("help")))).toBe(200);

    expect(replyCalls().map((call) => call.status)).toEqual([503, 503, 200]);
    expect(replies()).toHaveLength(1);
  });

  it("is retried when LINE does not answer, and the webhook answers while LINE still holds the first attempt", async () => {
    const user = await restingUser();
    stack().line.hangNext(REPLY, 1);

    expect(await stack().send(postback(user, commandData("help")))).toBe(200);

    expect(replyCalls().map((call) => call.status)).toEqual([0, 200]);
    expect(replies()).toHaveLength(1);
  });

  it("is not retried after a 4xx", async () => {
    const user = await restingUser();
    stack().line.failNext(REPLY, 400, 1);

    expect(await stack().send(postback(user, commandData("help")))).toBe(200);

    expect(replyCalls().map((call) => call.status)).toEqual([400]);
    expect(replies()).toHaveLength(0);
  });

  it("that finally fails is logged with the event id and LINE's request id, and the turn is stored once", async () => {
    const user = await restingUser();
    stack().line.failNext(REPLY, 500, 10);
    const event = postback(user, commandData("logThanks"));

    expect(await stack().send(event)).toBe(200);

    const attempts = replyCalls().length;
    expect(attempts).toBeGreaterThanOrEqual(2);
    expect(attempts).toBeLessThanOrEqual(3);
    const failure = stack().logs.find((line) => line.message === "reply failed");
    expect(failure?.fields).toMatchObject({ eventId: event.webhookEventId, lineRequestId: expect.stringMatching(/^[0-9a-f]{32}$/) });
    const doc = await stack().db.collection("users").doc(user).get();
    expect(stateIn(doc).step.type).not.toBe("resting");
    expect(recentEventsIn(doc)).toEqual([event.webhookEventId]);

    stack().line.reset();
    expect(await stack().send(redelivered(event))).toBe(200);
    expect(stack().line.calls()).toEqual([]);
    expect((await stack().db.collection("users").doc(user).get()).updateTime?.isEqual(doc.updateTime!)).toBe(true);
  });

  it("that never gets an answer gives up within its attempts and the webhook still answers", async () => {
    const user = await restingUser();
    stack().line.hangNext(REPLY, 10);

    expect(await stack().send(postback(user, commandData("help")))).toBe(200);

    expect(replyCalls().length).toBeGreaterThanOrEqual(2);
    expect(replyCalls().every((call) => call.status === 0)).toBe(true);
    expect(stack().logs.find((line) => line.message === "reply failed")?.fields.error).toMatch(/no answer from LINE/);
  });
});

describe("a push to LINE", () => {
  it("answered 409 for a repeated retry key counts as sent, and LINE delivers it once", async () => {
    const line = createLineGateway({ channelAccessToken: stack().channelAccessToken, baseURL: stack().line.url });
    const key = randomUUID();
    const to = userId();

    expect(await line.push(to, [{ type: "text", text: "x" }], key)).toBe("sent");
    expect(await line.push(to, [{ type: "text", text: "x" }], key)).toBe("duplicate");

    expect(
      stack()
        .line.calls()
        .map((call) => call.status),
    ).toEqual([200, 409]);
    expect(stack().line.sent()).toHaveLength(1);
  });

  it("is not retried by the gateway after a 4xx, and a 5xx is marked retryable", async () => {
    const line = createLineGateway({ channelAccessToken: stack().channelAccessToken, baseURL: stack().line.url });
    stack().line.failNext("/v2/bot/message/push", 400, 1);
    await expect(line.push(userId(), [{ type: "text", text: "x" }], randomUUID())).rejects.toMatchObject({ status: 400, retryable: false });
    stack().line.failNext("/v2/bot/message/push", 502, 1);
    await expect(line.push(userId(), [{ type: "text", text: "x" }], randomUUID())).rejects.toMatchObject({ status: 502, retryable: true });
    expect(stack().line.calls()).toHaveLength(2);
  });
});
