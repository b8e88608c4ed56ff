/**
 * Everything LINE can send, generated from LINE's webhook schema
 * (`test/line/fixtures/webhook.json`, see SOURCE.md there): every event type, every message
 * type and every other discriminated, enumerated or optional part the schema describes
 * (`test/helpers/webhook-schema.ts`), each sent from a user, a group and a room, in active
 * and standby mode, through the real webhook over HTTP with a real signature, against the
 * Firestore emulator and the LINE stand-in. Each gets 200 and its intended outcome.
 */
import { randomBytes } from "node:crypto";
import { eventId, userId } from "../helpers/events";
import { useStack } from "../helpers/stack";
import { recentEventsIn } from "../helpers/stored-user";
import { webhookSchemaEventTypes, webhookSchemaExamples, type SchemaExample } from "../helpers/webhook-schema";

const stack = useStack();

type SourceType = "user" | "group" | "room";
type Mode = "active" | "standby";
/**
 * - `reply`: a 1:1 message, postback or follow: answered by reply, the turn stored.
 * - `stored`: an unfollow: stored (the user's state and event id), nothing sent.
 * - `sharedChat`: a join or message in a group or room: one notice by reply, then the bot leaves; nothing stored.
 * - `ignored`: anything else, and everything in standby (another channel is active): nothing sent, nothing stored.
 */
type Outcome = "reply" | "stored" | "sharedChat" | "ignored";

interface Case {
  name: string;
  outcome: Outcome;
  event: Record<string, unknown>;
  userId: string;
  chat: { type: "group" | "room"; id: string } | null;
}

const SOURCES: readonly SourceType[] = ["user", "group", "room"];
const MODES: readonly Mode[] = ["active", "standby"];
/** Events per webhook request: LINE batches several events in one request too. */
const EVENTS_PER_REQUEST = 30;

function intendedOutcome(type: string, source: SourceType, mode: Mode): Outcome {
  if (mode === "standby") return "ignored";
  if (source !== "user") return type === "join" || type === "message" ? "sharedChat" : "ignored";
  if (type === "message" || type === "postback" || type === "follow") return "reply";
  return type === "unfollow" ? "stored" : "ignored";
}

let clock = Date.now() - 60_000;

function caseOf(example: SchemaExample, source: SourceType, mode: Mode): Case {
  const user = userId();
  const chat = source === "user" ? null : { type: source, id: `${source === "group" ? "C" : "R"}${randomBytes(16).toString("hex")}` };
  clock += 1;
  const event: Record<string, unknown> = {
    ...example.event,
    mode,
    timestamp: clock,
    webhookEventId: eventId(),
    deliveryContext: { isRedelivery: false },
    source: chat === null ? { type: "user", userId: user } : { type: chat.type, [`${chat.type}Id`]: chat.id, userId: user },
  };
  if ("replyToken" in event) event.replyToken = randomBytes(16).toString("hex");
  return {
    name: `${example.label} from a ${source}, ${mode}`,
    outcome: intendedOutcome(example.type, source, mode),
    event,
    userId: user,
    chat,
  };
}

const examples = webhookSchemaExamples();
const groups = SOURCES.flatMap((source) => MODES.map((mode) => ({ source, mode })));

describe("the schema's catalogue", () => {
  it("has every event type and message type LINE documents, without and with optional fields", () => {
    const types = webhookSchemaEventTypes();
    for (const type of [
      "message",
      "unsend",
      "follow",
      "unfollow",
      "join",
      "leave",
      "memberJoined",
      "memberLeft",
      "postback",
      "videoPlayComplete",
      "beacon",
      "accountLink",
      "membership",
      "module",
      "activated",
      "deactivated",
      "botSuspended",
      "botResumed",
      "delivery",
    ]) {
      expect(types).toContain(type);
    }
    for (const type of types) {
      expect(examples.filter((example) => example.type === type && !example.full)).not.toHaveLength(0);
      expect(examples.filter((example) => example.type === type && example.full)).not.toHaveLength(0);
    }
    const messages = examples
      .filter((example) => example.type === "message")
      .map((example) => example.event.message as Record<string, unknown>);
    expect(new Set(messages.map((message) => message.type))).toEqual(
      new Set(["text", "image", "video", "audio", "file", "location", "sticker"]),
    );
    const fullText = messages.find((message) => message.type === "text" && "mention" in message);
    expect(fullText).toEqual(expect.objectContaining({ emojis: expect.any(Array), quotedMessageId: expect.any(String) }));
    const fullImage = messages.find((message) => message.type === "image" && "imageSet" in message);
    expect(fullImage).toEqual(expect.objectContaining({ contentProvider: expect.objectContaining({ type: expect.any(String) }) }));
    const fullSticker = messages.find((message) => message.type === "sticker" && "keywords" in message);
    expect(fullSticker).toEqual(expect.objectContaining({ text: expect.any(String), quotedMessageId: expect.any(String) }));
  });
});

describe.each(groups)("every event of LINE's webhook schema from a $source, $mode", ({ source, mode }) => {
  it(`answers 200 and has its intended outcome (${examples.length} events)`, async () => {
    const cases = examples.map((example) => caseOf(example, source, mode));
    for (let i = 0; i < cases.length; i += EVENTS_PER_REQUEST) {
      const batch = cases.slice(i, i + EVENTS_PER_REQUEST);
      expect(await stack().send(...batch.map((c) => c.event))).toBe(200);
    }

    const sent = stack().line.sent();
    const calls = stack().line.calls();
    const users = new Map((await stack().db.collection("users").get()).docs.map((doc) => [doc.id, doc]));
    const failures: string[] = [];
    for (const c of cases) {
      const replies = sent.filter((batch) => batch.replyToken !== undefined && batch.replyToken === c.event.replyToken);
      const pushes = sent.filter((batch) => batch.to.includes(c.userId));
      const leaves = c.chat === null ? [] : calls.filter((call) => call.path === `/v2/bot/${c.chat!.type}/${c.chat!.id}/leave`);
      const stored = users.get(c.userId);
      const storedEvent = stored !== undefined && recentEventsIn(stored).includes(c.event.webhookEventId as string);
      const seen = { replies: replies.length, pushes: pushes.length, leaves: leaves.length, stored: stored !== undefined, storedEvent };
      // The schema makes a message's and a postback's reply token optional: without one the
      // turn is still stored and a shared chat still left, but nothing can be answered.
      const answerable = typeof c.event.replyToken === "string" ? 1 : 0;
      const expected = {
        reply: { replies: answerable, pushes: 0, leaves: 0, stored: true, storedEvent: true },
        stored: { replies: 0, pushes: 0, leaves: 0, stored: true, storedEvent: true },
        sharedChat: { replies: answerable, pushes: 0, leaves: 1, stored: false, storedEvent: false },
        ignored: { replies: 0, pushes: 0, leaves: 0, stored: false, storedEvent: false },
      }[c.outcome];
      if (JSON.stringify(seen) !== JSON.stringify(expected)) {
        failures.push(`${c.name}: expected ${c.outcome} ${JSON.stringify(expected)}, saw ${JSON.stringify(seen)}`);
      }
    }
    expect(failures).toEqual([]);
    expect(stack().logs.filter((line) => line.severity === "ERROR")).toEqual([]);
    expect(stack().line.violations()).toEqual([]);
    // Every event of the group was accounted for: no other call reached LINE.
    const replyCount = cases.filter((c) => (c.outcome === "reply" || c.outcome === "sharedChat") && "replyToken" in c.event).length;
    expect(sent).toHaveLength(replyCount);
  });
});
