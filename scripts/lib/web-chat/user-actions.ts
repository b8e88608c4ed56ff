/**
 * The page's requests, checked, and the webhook events LINE would send for them: the same
 * event shapes as the terminal chat's, with fresh ids, reply tokens and timestamps.
 */
import { randomBytes } from "node:crypto";
import { MAX_IMAGE_PREVIEW_CHARS, WEB_CHAT_STICKER, type UserAction } from "./protocol";

/** A LINE user id as LINE writes them: U and 32 hex digits. */
export const LINE_USER_ID = /^U[0-9a-f]{32}$/;

const MAX_TEXT = 5000;
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
const isText = (value: unknown, max: number): value is string => typeof value === "string" && value.length > 0 && value.length <= max;

/** `body` as a {@link UserAction}, or null when it is not one. */
export function parseUserAction(body: unknown): UserAction | null {
  if (!isRecord(body)) return null;
  switch (body.type) {
    case "text":
      return isText(body.text, MAX_TEXT) ? { type: "text", text: body.text } : null;
    case "postback": {
      if (!isText(body.data, 1000)) return null;
      const action: UserAction = { type: "postback", data: body.data };
      if (body.displayText !== undefined) {
        if (!isText(body.displayText, 300)) return null;
        action.displayText = body.displayText;
      }
      if (body.params !== undefined) {
        const params = body.params;
        if (!isRecord(params) || !Object.values(params).every((value) => isText(value, 100))) return null;
        action.params = params as Record<string, string>;
      }
      return action;
    }
    case "image": {
      const preview = body.preview;
      if (preview === undefined) return { type: "image" };
      return isText(preview, MAX_IMAGE_PREVIEW_CHARS) && preview.startsWith("data:image/") ? { type: "image", preview } : null;
    }
    case "sticker":
    case "follow":
    case "block":
    case "unblock":
      return { type: body.type };
    default:
      return null;
  }
}

/** The webhook event LINE would send for `action` by `userId`; `replyToken` is left out where LINE gives none. */
export function webhookEventOf(action: UserAction, userId: string, replyToken: string, timestamp: number): Record<string, unknown> {
  const base = {
    mode: "active",
    timestamp,
    source: { type: "user", userId },
    webhookEventId: `01${randomBytes(12).toString("hex").toUpperCase()}`,
    deliveryContext: { isRedelivery: false },
  };
  const messageId = () => randomBytes(8).toString("hex");
  switch (action.type) {
    case "text":
      return {
        ...base,
        type: "message",
        replyToken,
        message: { type: "text", id: messageId(), quoteToken: messageId(), text: action.text },
      };
    case "postback":
      return {
        ...base,
        type: "postback",
        replyToken,
        postback: { data: action.data, ...(action.params ? { params: action.params } : {}) },
      };
    case "sticker":
      return {
        ...base,
        type: "message",
        replyToken,
        message: { type: "sticker", id: messageId(), quoteToken: messageId(), ...WEB_CHAT_STICKER, stickerResourceType: "STATIC" },
      };
    case "image":
      return {
        ...base,
        type: "message",
        replyToken,
        message: { type: "image", id: messageId(), quoteToken: messageId(), contentProvider: { type: "line" } },
      };
    case "follow":
    case "unblock":
      return { ...base, type: "follow", replyToken, follow: { isUnblocked: action.type === "unblock" } };
    case "block":
      return { ...base, type: "unfollow" };
  }
}
