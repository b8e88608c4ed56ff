/**
 * Translates LINE webhook events into dialogue inputs. Events arrive as untrusted JSON:
 * every field is checked here, and anything unexpected (a new event type, a missing
 * field) is routed as `ignored` rather than thrown.
 */
import type { Input, MediaKind, PickedDateTime, Sent } from "../dialogue";

/** A chat with several people, where the bot does not hold conversations. */
export type SharedChat = { type: "group"; groupId: string } | { type: "room"; roomId: string };

/** What to do with one webhook event. */
export type RoutedEvent =
  /**
   * An event from a 1:1 chat, for the dialogue. A message carries `quoteToken` (to quote it in
   * a reply; text, stickers, images and videos) and `markAsReadToken` (to mark it read); null otherwise.
   */
  | {
      kind: "user";
      eventId: string;
      userId: string;
      timestamp: number;
      replyToken: string | null;
      input: Input;
      redelivery: boolean;
      quoteToken: string | null;
      markAsReadToken: string | null;
    }
  /**
   * A message or join in a group or room: answered once, then the bot leaves; nothing stored.
   * A redelivery gets no second notice (the first may have been sent), but the bot leaves.
   */
  | { kind: "sharedChat"; eventId: string; chat: SharedChat; replyToken: string | null; redelivery: boolean }
  /** Nothing to do (standby mode, unknown type, malformed). `reason` is safe to log. */
  | { kind: "ignored"; eventId: string | null; reason: string };

const MEDIA_TYPES: ReadonlySet<string> = new Set(["sticker", "image", "video", "audio", "file", "location"]);

/** Decides how to handle one raw webhook event. */
export function routeEvent(raw: unknown): RoutedEvent {
  if (!isRecord(raw)) return { kind: "ignored", eventId: null, reason: "not an object" };
  const eventId = typeof raw.webhookEventId === "string" && raw.webhookEventId !== "" ? raw.webhookEventId : null;
  if (eventId === null) return { kind: "ignored", eventId, reason: "no webhookEventId" };
  if (raw.mode === "standby") return { kind: "ignored", eventId, reason: "standby mode" };
  const type = typeof raw.type === "string" ? raw.type : "";
  const replyToken = typeof raw.replyToken === "string" && raw.replyToken !== "" ? raw.replyToken : null;
  const source = isRecord(raw.source) ? raw.source : {};
  const redelivery = isRecord(raw.deliveryContext) && raw.deliveryContext.isRedelivery === true;

  if (source.type === "group" || source.type === "room") {
    const chat = sharedChat(source);
    if (chat === null) return { kind: "ignored", eventId, reason: `${String(source.type)} without id` };
    return type === "join" || type === "message"
      ? { kind: "sharedChat", eventId, chat, replyToken, redelivery }
      : { kind: "ignored", eventId, reason: `${type || "untyped"} event in a ${chat.type}` };
  }
  if (source.type !== "user" || typeof source.userId !== "string" || source.userId === "") {
    return { kind: "ignored", eventId, reason: "no user source" };
  }
  const timestamp = typeof raw.timestamp === "number" && Number.isFinite(raw.timestamp) ? raw.timestamp : 0;
  const input = toInput(type, raw, timestamp > 0 ? { at: new Date(timestamp).toISOString(), id: eventId } : undefined);
  if (input === null) return { kind: "ignored", eventId, reason: `unhandled ${type || "untyped"} event` };
  const message = type === "message" && isRecord(raw.message) ? raw.message : {};
  const token = (value: unknown): string | null => (typeof value === "string" && value !== "" ? value : null);
  return {
    kind: "user",
    eventId,
    userId: source.userId,
    timestamp,
    replyToken,
    input,
    redelivery,
    quoteToken: token(message.quoteToken),
    markAsReadToken: token(message.markAsReadToken),
  };
}

/** The input of an event; a message or tap carries `sent` (when it was sent and the event's id) when the timestamp is known. */
function toInput(type: string, raw: Record<string, unknown>, sent: Sent | undefined): Input | null {
  const when = sent === undefined ? {} : { sent };
  switch (type) {
    case "follow":
      return { type: "followed", displayName: null };
    case "unfollow":
      return { type: "unfollowed" };
    case "message": {
      const message = isRecord(raw.message) ? raw.message : {};
      if (message.type === "text") return typeof message.text === "string" ? { type: "textReceived", text: message.text, ...when } : null;
      const kind: MediaKind = typeof message.type === "string" && MEDIA_TYPES.has(message.type) ? (message.type as MediaKind) : "other";
      return { type: "mediaReceived", kind };
    }
    case "postback": {
      const postback = isRecord(raw.postback) ? raw.postback : {};
      if (typeof postback.data !== "string") return null;
      const picked = pickedDateTime(postback.params);
      return picked
        ? { type: "postbackReceived", data: postback.data, picked, ...when }
        : { type: "postbackReceived", data: postback.data, ...when };
    }
    default:
      return null;
  }
}

function pickedDateTime(params: unknown): PickedDateTime | null {
  if (!isRecord(params)) return null;
  const picked: PickedDateTime = {};
  for (const key of ["date", "time", "datetime"] as const) {
    const value = params[key];
    if (typeof value === "string") picked[key] = value;
  }
  return Object.keys(picked).length > 0 ? picked : null;
}

function sharedChat(source: Record<string, unknown>): SharedChat | null {
  if (source.type === "group" && typeof source.groupId === "string" && source.groupId !== "")
    return { type: "group", groupId: source.groupId };
  if (source.type === "room" && typeof source.roomId === "string" && source.roomId !== "") return { type: "room", roomId: source.roomId };
  return null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
