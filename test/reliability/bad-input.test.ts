/**
 * The bad-input catalogue: one table, every row a request LINE (or someone posing as LINE)
 * could send. Every row states its HTTP status, how many replies go out and what may be
 * stored; for every row, a correctly signed request never gets a 5xx, no entry appears, and
 * (checked after each test by the stack) everything sent is within LINE's limits.
 */
import { answerData, commandData } from "../../src/dialogue/postback";
import { sampleState } from "../helpers/dialogue-states";
import { postback, text, userId } from "../helpers/events";
import { useStack } from "../helpers/stack";
import { postRaw, sign } from "../helpers/webhook";
import { stateIn } from "../helpers/stored-user";

const stack = useStack();

type Event = Record<string, unknown>;
/** What the row sends: events to sign and post, or a raw body and its signature. */
type Request = { events: unknown[] } | { raw: string; signature: "valid" | "none" | "wrong" | { over: string } };

interface Row {
  name: string;
  /** Runs first: `asking` leaves the user asked for a ありがとう moment (so that text is stored). */
  setup?: "asking";
  request: (user: string) => Request;
  status: number;
  /** Reply batches sent. */
  replies: number;
  /** `unchanged`: the user document is untouched; `kept`: the state now holds this text. */
  stored: "unchanged" | "changed" | { kept: string };
}

const body = (events: unknown[]) => JSON.stringify({ destination: "Ubot", events });
const withField = (event: Event, path: string[], value: unknown): Event => {
  const [head, ...rest] = path as [string, ...string[]];
  return { ...event, [head]: rest.length === 0 ? value : withField((event[head] as Event) ?? {}, rest, value) };
};
const without = (event: Event, key: string): Event => Object.fromEntries(Object.entries(event).filter(([name]) => name !== key));
/** The first 1,000 characters (code points) of the trimmed text: what an answer keeps. */
const clipped = (value: string) => [...value.trim()].slice(0, 1000).join("");
const say = (value: string): Row => ({
  name: `text ${JSON.stringify(value.length > 40 ? `${value.slice(0, 20)}… (${value.length} units)` : value)}`,
  setup: "asking",
  request: (user) => ({ events: [text(user, value)] }),
  status: 200,
  replies: 1,
  stored: { kept: clipped(value) },
});

const rows: Row[] = [
  {
    name: "no signature",
    request: (u) => ({ raw: body([text(u, "hi")]), signature: "none" }),
    status: 401,
    replies: 0,
    stored: "unchanged",
  },
  {
    name: "a wrong signature",
    request: (u) => ({ raw: body([text(u, "hi")]), signature: "wrong" }),
    status: 401,
    replies: 0,
    stored: "unchanged",
  },
  {
    name: "a signature over another body",
    request: (u) => ({ raw: body([text(u, "hi")]), signature: { over: body([]) } }),
    status: 401,
    replies: 0,
    stored: "unchanged",
  },
  {
    name: "a body that is not JSON",
    request: () => ({ raw: '{"events": [', signature: "valid" }),
    status: 400,
    replies: 0,
    stored: "unchanged",
  },
  {
    name: "a body over 1 MiB",
    request: (u) => ({ raw: body([text(u, "x".repeat(1024 * 1024 + 1))]), signature: "valid" }),
    status: 413,
    replies: 0,
    stored: "unchanged",
  },
  {
    name: "no events array",
    request: () => ({ raw: JSON.stringify({ destination: "Ubot" }), signature: "valid" }),
    status: 400,
    replies: 0,
    stored: "unchanged",
  },
  {
    name: "events that is a string",
    request: () => ({ raw: JSON.stringify({ destination: "Ubot", events: "[]" }), signature: "valid" }),
    status: 400,
    replies: 0,
    stored: "unchanged",
  },
  {
    name: "events that are not objects",
    request: () => ({ events: [null, 42, "text", []] }),
    status: 200,
    replies: 0,
    stored: "unchanged",
  },
  {
    name: "an event without webhookEventId",
    request: (u) => ({ events: [without(text(u, "hi"), "webhookEventId")] }),
    status: 200,
    replies: 0,
    stored: "unchanged",
  },
  {
    name: "a userId that is a number",
    request: (u) => ({ events: [withField(text(u, "hi"), ["source", "userId"], 12345)] }),
    status: 200,
    replies: 0,
    stored: "unchanged",
  },
  {
    name: "a source without a type",
    request: (u) => ({ events: [withField(text(u, "hi"), ["source"], { userId: u })] }),
    status: 200,
    replies: 0,
    stored: "unchanged",
  },
  {
    name: "message text that is a number",
    request: (u) => ({ events: [withField(text(u, "hi"), ["message", "text"], 7)] }),
    status: 200,
    replies: 0,
    stored: "unchanged",
  },
  {
    name: "postback without data",
    request: (u) => ({ events: [withField(postback(u, "x"), ["postback"], {})] }),
    status: 200,
    replies: 0,
    stored: "unchanged",
  },
  {
    name: "a timestamp that is a string",
    request: (u) => ({ events: [withField(postback(u, commandData("help")), ["timestamp"], "yesterday")] }),
    status: 200,
    replies: 1,
    stored: "changed",
  },
  {
    name: "an unknown event type",
    request: (u) => ({ events: [withField(text(u, "hi"), ["type"], "membership")] }),
    status: 200,
    replies: 0,
    stored: "unchanged",
  },
  {
    name: "an unknown message type",
    request: (u) => ({ events: [withField(text(u, "hi"), ["message", "type"], "hologram")] }),
    status: 200,
    replies: 1,
    stored: "changed",
  },
  {
    name: "a standby-mode event",
    request: (u) => ({ events: [withField(text(u, "hi"), ["mode"], "standby")] }),
    status: 200,
    replies: 0,
    stored: "unchanged",
  },
  {
    name: "a message in a group",
    request: (u) => ({ events: [withField(text(u, "hi"), ["source"], { type: "group", groupId: "Cg1", userId: u })] }),
    status: 200,
    replies: 1,
    stored: "unchanged",
  },
  {
    name: "a join to a room",
    request: (u) => ({ events: [withField(withField(text(u, "hi"), ["type"], "join"), ["source"], { type: "room", roomId: "Rr1" })] }),
    status: 200,
    replies: 1,
    stored: "unchanged",
  },
  { name: "an empty text", setup: "asking", request: (u) => ({ events: [text(u, "")] }), status: 200, replies: 1, stored: "changed" },
  say("あ".repeat(5000)),
  say("👩🏽‍💻と👨‍👩‍👧‍👦で🙇🏻‍♀️、後輩に感謝された"),
  say("か\u3099んは\u309aって、cafe\u0301で手伝った"),
  say("\u0007\u001b[31m手伝った\u200b\u200d\u2060\ufeff\u202eよ"),
  say("<script>alert('x')</script><b>手伝った</b>"),
  say('{"type":"flex","altText":"x","contents":{"type":"bubble"}}'),
  {
    name: "postback data not ours",
    request: (u) => ({ events: [postback(u, "action=buy&itemid=123")] }),
    status: 200,
    replies: 1,
    stored: "changed",
  },
  {
    name: "postback data that is forged",
    request: (u) => ({ events: [postback(u, answerData("consent", "agree").replace("agree", "../../admin"))] }),
    status: 200,
    replies: 1,
    stored: "changed",
  },
  {
    name: "postback data that is too long",
    request: (u) => ({ events: [postback(u, `${commandData("deleteData")}${"x".repeat(400)}`)] }),
    status: 200,
    replies: 1,
    stored: "changed",
  },
  {
    name: "a stale button",
    request: (u) => ({ events: [postback(u, answerData("consent", "agree"))] }),
    status: 200,
    replies: 1,
    stored: "changed",
  },
  {
    name: "a date picked out of range",
    request: (u) => ({ events: [postback(u, answerData("due", "pick"), { date: "9999-99-99" })] }),
    status: 200,
    replies: 1,
    stored: "changed",
  },
  {
    name: "a time picked out of range",
    request: (u) => ({ events: [postback(u, answerData("rem", "time"), { time: "25:61", datetime: "x" })] }),
    status: 200,
    replies: 1,
    stored: "changed",
  },
];

async function post(request: Request): Promise<number> {
  const { webhookUrl, channelSecret } = stack();
  if ("events" in request)
    return postRaw(webhookUrl, body(request.events), { "x-line-signature": sign(body(request.events), channelSecret) });
  const { raw, signature } = request;
  if (signature === "none") return postRaw(webhookUrl, raw, {});
  const signed = signature === "wrong" ? sign(raw, "another-secret") : sign(signature === "valid" ? raw : signature.over, channelSecret);
  return postRaw(webhookUrl, raw, { "x-line-signature": signed });
}

describe("the bad-input catalogue", () => {
  it.each(rows)("$name → $status", async (row) => {
    const user = userId();
    const ref = stack().db.collection("users").doc(user);
    await ref.set({ state: sampleState("resting", new Date()), recentEventIds: [] });
    if (row.setup === "asking") expect(await stack().send(postback(user, commandData("logThanks")))).toBe(200);
    const before = await ref.get();
    stack().line.reset();

    const status = await post(row.request(user));

    expect(status).toBe(row.status);
    const replies = stack()
      .line.sent()
      .filter((batch) => batch.kind === "reply");
    expect(replies).toHaveLength(row.replies);
    for (const reply of replies) expect(reply.messages.length).toBeLessThanOrEqual(5);
    const after = await ref.get();
    if (row.stored === "unchanged") expect(after.updateTime?.isEqual(before.updateTime!)).toBe(true);
    else expect(after.updateTime?.isEqual(before.updateTime!)).toBe(false);
    if (typeof row.stored === "object") expect(JSON.stringify(stateIn(after))).toContain(JSON.stringify(row.stored.kept).slice(1, -1));
    expect((await ref.collection("entries").get()).size).toBe(0);
    expect((await stack().db.collection("users").get()).docs.map((doc) => doc.id)).toEqual([user]);
    if (row.status === 401 || row.status === 400 || row.status === 413) expect(stack().line.calls()).toEqual([]);
  });
});
