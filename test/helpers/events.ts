/** Factories for LINE webhook events shaped as LINE sends them. */
import { randomBytes } from "node:crypto";
import { commandData } from "../../src/dialogue";

let clock = Date.UTC(2026, 10, 24, 3, 0, 0);
/**
 * How far apart the events are sent: a user who reads a reply before typing the next message
 * takes seconds, longer than the window in which the bot reads messages as sent in a row.
 */
const SEND_GAP_MS = 5_000;

/** A ULID-like unique id, as LINE uses for webhookEventId. */
export function eventId(): string {
  return `01${randomBytes(12).toString("hex").toUpperCase()}`;
}

/** A fresh LINE user id (`U` + 32 hex digits). */
export function userId(): string {
  return `U${randomBytes(16).toString("hex")}`;
}

function base(user: string, type: string): Record<string, unknown> {
  clock += SEND_GAP_MS;
  return {
    type,
    mode: "active",
    timestamp: clock,
    source: { type: "user", userId: user },
    webhookEventId: eventId(),
    deliveryContext: { isRedelivery: false },
    replyToken: randomBytes(16).toString("hex"),
  };
}

/** A follow event (friend added). */
export function follow(user: string): Record<string, unknown> {
  return { ...base(user, "follow"), follow: { isUnblocked: false } };
}

/** An unfollow event (blocked); it carries no reply token. */
export function unfollow(user: string): Record<string, unknown> {
  const { replyToken: _unused, ...event } = base(user, "unfollow");
  return event;
}

/** A text message event. */
export function text(user: string, body: string): Record<string, unknown> {
  return {
    ...base(user, "message"),
    message: {
      type: "text",
      id: randomBytes(8).toString("hex"),
      quoteToken: "q",
      markAsReadToken: `r-${randomBytes(8).toString("hex")}`,
      text: body,
    },
  };
}

/** A postback event, optionally with date/time picker params. */
export function postback(user: string, data: string, params?: Record<string, string>): Record<string, unknown> {
  return { ...base(user, "postback"), postback: params ? { data, params } : { data } };
}

/** A sticker message event. */
export function sticker(user: string): Record<string, unknown> {
  return {
    ...base(user, "message"),
    message: { type: "sticker", id: "1", packageId: "446", stickerId: "1988", stickerResourceType: "STATIC" },
  };
}

/** The same event as LINE redelivers it. */
export function redelivered(event: Record<string, unknown>): Record<string, unknown> {
  return { ...event, deliveryContext: { isRedelivery: true } };
}

/**
 * A user's messages as they come: tapping ありがとう記録, typing politely, a sticker, a score;
 * sent {@link SEND_GAP_MS} apart, so each is a turn of its own (a backlog arriving at once),
 * not messages typed in a row.
 */
export function burstEvents(user: string, size: number): Record<string, unknown>[] {
  const make = [
    () => postback(user, commandData("logThanks")),
    () => text(user, "同僚に資料の作り方を教えたら感謝されました"),
    () => text(user, "うれしかったです"),
    () => text(user, "ヘルプ"),
    () => text(user, "4"),
    () => sticker(user),
    () => text(user, "WILL"),
  ];
  return Array.from({ length: size }, (_, i) => make[(i * 3 + Math.floor(i / 7)) % make.length]());
}
