/**
 * LINE Messaging API limits, as data and as a checker. {@link checkMessages} says what LINE
 * would reject in one reply/push request; `./render` keeps its output inside these limits and
 * the local LINE stand-in answers 400 when a request breaks them.
 */

/**
 * The limits the bot designs to (PRODUCT.md §4, LINE's reference). Lengths of text are counted
 * in UTF-16 code units (JavaScript's `string.length`), which is never less than LINE's count.
 */
export const LINE_LIMITS = {
  /** Messages in one reply, push or multicast request. */
  minMessagesPerRequest: 1,
  maxMessagesPerRequest: 5,
  /** A text message's `text`. */
  minTextLength: 1,
  maxTextLength: 5000,
  /** Quick-reply buttons on one message. */
  maxQuickReplyItems: 13,
  /** A quick-reply action's `label`. */
  minActionLabelLength: 1,
  maxActionLabelLength: 20,
  /** A postback action's `data` and `displayText`. */
  maxPostbackDataLength: 300,
  maxPostbackDisplayTextLength: 300,
  /** A URI action's `uri` (schemes http, https, line, tel). */
  maxUriLength: 1000,
  /** A datetime picker action's `data`. */
  maxDatetimePickerDataLength: 300,
  /** A Flex message's `altText`. */
  minAltTextLength: 1,
  maxAltTextLength: 1500,
  /** UTF-8 bytes of `JSON.stringify` of one bubble. */
  maxBubbleBytes: 30_000,
  /** Bubbles in a carousel, and UTF-8 bytes of `JSON.stringify` of the carousel. */
  maxCarouselBubbles: 12,
  maxCarouselBytes: 50_000,
  /** Recipients of one multicast request. */
  maxMulticastRecipients: 500,
  /** The loading animation's `loadingSeconds`: 5 to 60 in steps of 5. */
  minLoadingSeconds: 5,
  maxLoadingSeconds: 60,
  loadingSecondsStep: 5,
  /** A rich menu image (PNG or JPEG). */
  maxRichMenuImageBytes: 1024 * 1024,
  /** An image message's `originalContentUrl` and `previewImageUrl`: https, at most 2,000 characters each. */
  maxImageUrlLength: 2000,
  /** An image message's original file (JPEG or PNG). */
  maxImageBytes: 10 * 1024 * 1024,
  /** An image message's preview file (JPEG or PNG). */
  maxPreviewImageBytes: 1024 * 1024,
} as const;

/** The message `type`s LINE accepts; anything else is rejected. */
export const LINE_MESSAGE_TYPES: readonly string[] = [
  "text",
  "textV2",
  "sticker",
  "image",
  "video",
  "audio",
  "location",
  "imagemap",
  "template",
  "flex",
  "coupon",
];

/** One broken limit: where (`property`, a JSON path like LINE's error details) and what. */
export interface LimitViolation {
  /** Path inside the request body, e.g. `messages[2].quickReply.items[0].action.label`. */
  property: string;
  /** What is wrong, e.g. `is 23 characters (max 20)`. */
  message: string;
}

/** The modes of LINE's datetime picker. */
export type DatetimePickerMode = "date" | "time" | "datetime";

const DATE = String.raw`\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])`;
const TIME = String.raw`([01]\d|2[0-3]):[0-5]\d`;
const PICKER_FORMATS: Record<DatetimePickerMode, RegExp> = {
  date: new RegExp(`^${DATE}$`),
  time: new RegExp(`^${TIME}$`),
  datetime: new RegExp(`^${DATE}[Tt]${TIME}$`),
};

/** True when `mode` is one of LINE's datetime picker modes. */
export function isDatetimePickerMode(mode: unknown): mode is DatetimePickerMode {
  return mode === "date" || mode === "time" || mode === "datetime";
}

/**
 * True when `value` is in the format LINE expects for a datetime picker's `initial`, `min` or
 * `max` in `mode` (`2026-11-24`, `21:00`, `2026-11-24T21:00`).
 */
export function isDatetimePickerValue(mode: DatetimePickerMode, value: string): boolean {
  return PICKER_FORMATS[mode].test(value);
}

/** UTF-8 bytes of `JSON.stringify(value)`, the size LINE measures Flex containers by. */
export function jsonBytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value) ?? "", "utf8");
}

/**
 * Every limit that `messages` (the `messages` array of one reply, push or multicast request)
 * breaks, in document order. An empty result means LINE's limits are respected.
 */
export function findLimitViolations(messages: unknown[], options: LimitOptions = {}): LimitViolation[] {
  const out: LimitViolation[] = [];
  const { minMessagesPerRequest: min, maxMessagesPerRequest: max } = LINE_LIMITS;
  if (messages.length < min || messages.length > max) {
    out.push({ property: "messages", message: `has ${messages.length} items (min ${min}, max ${max})` });
  }
  messages.forEach((message, i) => checkMessage(message, `messages[${i}]`, out, options));
  return out;
}

/** How strictly {@link findLimitViolations} reads a request. */
export interface LimitOptions {
  /**
   * Accept image URLs on this machine over http (`http://127.0.0.1:…`, `http://localhost:…`):
   * the local LINE stand-in does, since the local stack serves no TLS. LINE itself never does.
   */
  loopbackImageUrls?: boolean;
}

/**
 * Human-readable violations of LINE's limits by one request's `messages`, each naming the
 * message index and the limit, e.g. `messages[2].quickReply.items[0].action.label is 23
 * characters (max 20)`. Empty means the messages are within the limits.
 */
export function checkMessages(messages: unknown[]): string[] {
  return findLimitViolations(messages).map((v) => `${v.property} ${v.message}`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function checkLength(value: unknown, path: string, min: number, max: number, out: LimitViolation[]): void {
  if (typeof value !== "string") {
    out.push({ property: path, message: value === undefined ? "is missing" : "is not a string" });
  } else if (value.length < min) {
    out.push({ property: path, message: value.length === 0 ? `is empty (min ${min})` : `is ${value.length} characters (min ${min})` });
  } else if (value.length > max) {
    out.push({ property: path, message: `is ${value.length} characters (max ${max})` });
  }
}

function checkMessage(message: unknown, path: string, out: LimitViolation[], options: LimitOptions): void {
  if (!isRecord(message)) {
    out.push({ property: path, message: "is not an object" });
    return;
  }
  const type = message["type"];
  if (typeof type !== "string" || !LINE_MESSAGE_TYPES.includes(type)) {
    out.push({ property: `${path}.type`, message: `${JSON.stringify(type) ?? "undefined"} is not a message type LINE knows` });
    return;
  }
  if (type === "text" || type === "textV2") {
    checkLength(message["text"], `${path}.text`, LINE_LIMITS.minTextLength, LINE_LIMITS.maxTextLength, out);
  } else if (type === "flex") {
    checkLength(message["altText"], `${path}.altText`, LINE_LIMITS.minAltTextLength, LINE_LIMITS.maxAltTextLength, out);
    checkFlexContainer(message["contents"], `${path}.contents`, out);
  } else if (type === "image") {
    for (const key of ["originalContentUrl", "previewImageUrl"] as const) checkImageUrl(message[key], `${path}.${key}`, out, options);
  }
  if (message["quickReply"] !== undefined) checkQuickReply(message["quickReply"], `${path}.quickReply`, out);
}

const LOOPBACK_HTTP = /^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?\//;

function checkImageUrl(url: unknown, path: string, out: LimitViolation[], options: LimitOptions): void {
  checkLength(url, path, 1, LINE_LIMITS.maxImageUrlLength, out);
  if (typeof url !== "string" || url.startsWith("https://")) return;
  if (options.loopbackImageUrls === true && LOOPBACK_HTTP.test(url)) return;
  out.push({ property: path, message: `${JSON.stringify(url)} is not an https URL` });
}

function checkQuickReply(quickReply: unknown, path: string, out: LimitViolation[]): void {
  if (!isRecord(quickReply) || !Array.isArray(quickReply["items"])) {
    out.push({ property: `${path}.items`, message: "is not an array" });
    return;
  }
  const items: unknown[] = quickReply["items"];
  if (items.length > LINE_LIMITS.maxQuickReplyItems) {
    out.push({ property: `${path}.items`, message: `has ${items.length} items (max ${LINE_LIMITS.maxQuickReplyItems})` });
  }
  items.forEach((item, i) => {
    const itemPath = `${path}.items[${i}]`;
    if (!isRecord(item) || item["type"] !== "action") {
      out.push({ property: `${itemPath}.type`, message: 'is not "action"' });
      return;
    }
    const action = item["action"];
    const actionPath = `${itemPath}.action`;
    if (!isRecord(action)) {
      out.push({ property: actionPath, message: "is missing" });
      return;
    }
    checkLength(action["label"], `${actionPath}.label`, LINE_LIMITS.minActionLabelLength, LINE_LIMITS.maxActionLabelLength, out);
    checkAction(action, actionPath, out);
  });
}

function checkAction(action: Record<string, unknown>, path: string, out: LimitViolation[]): void {
  const type = action["type"];
  if (type === "postback") {
    checkLength(action["data"], `${path}.data`, 0, LINE_LIMITS.maxPostbackDataLength, out);
    if (action["displayText"] !== undefined) {
      checkLength(action["displayText"], `${path}.displayText`, 1, LINE_LIMITS.maxPostbackDisplayTextLength, out);
    }
  } else if (type === "uri") {
    checkLength(action["uri"], `${path}.uri`, 1, LINE_LIMITS.maxUriLength, out);
    const uri = action["uri"];
    if (typeof uri === "string" && !/^(https?|line|tel):/.test(uri)) {
      out.push({ property: `${path}.uri`, message: `${JSON.stringify(uri)} does not start with http:, https:, line: or tel:` });
    }
  } else if (type === "datetimepicker") {
    checkLength(action["data"], `${path}.data`, 0, LINE_LIMITS.maxDatetimePickerDataLength, out);
    const mode = action["mode"];
    if (!isDatetimePickerMode(mode)) {
      out.push({ property: `${path}.mode`, message: `${JSON.stringify(mode) ?? "undefined"} is not date, time or datetime` });
      return;
    }
    for (const key of ["initial", "min", "max"] as const) {
      const value = action[key];
      if (value !== undefined && (typeof value !== "string" || !isDatetimePickerValue(mode, value))) {
        out.push({ property: `${path}.${key}`, message: `${JSON.stringify(value)} is not a ${mode} value in LINE's format` });
      }
    }
  }
}

function checkFlexContainer(contents: unknown, path: string, out: LimitViolation[]): void {
  if (!isRecord(contents)) {
    out.push({ property: path, message: "is not a Flex container" });
    return;
  }
  if (contents["type"] === "bubble") {
    checkBubble(contents, path, out);
  } else if (contents["type"] === "carousel") {
    const bubbles = contents["contents"];
    if (!Array.isArray(bubbles)) {
      out.push({ property: `${path}.contents`, message: "is not an array" });
      return;
    }
    if (bubbles.length < 1 || bubbles.length > LINE_LIMITS.maxCarouselBubbles) {
      out.push({ property: `${path}.contents`, message: `has ${bubbles.length} bubbles (min 1, max ${LINE_LIMITS.maxCarouselBubbles})` });
    }
    const bytes = jsonBytes(contents);
    if (bytes > LINE_LIMITS.maxCarouselBytes) {
      out.push({ property: path, message: `is ${bytes} bytes (max ${LINE_LIMITS.maxCarouselBytes})` });
    }
    bubbles.forEach((bubble: unknown, i) => {
      if (isRecord(bubble) && bubble["type"] === "bubble") checkBubble(bubble, `${path}.contents[${i}]`, out);
      else out.push({ property: `${path}.contents[${i}].type`, message: 'is not "bubble"' });
    });
  } else {
    out.push({ property: `${path}.type`, message: 'is not "bubble" or "carousel"' });
  }
}

function checkBubble(bubble: Record<string, unknown>, path: string, out: LimitViolation[]): void {
  const bytes = jsonBytes(bubble);
  if (bytes > LINE_LIMITS.maxBubbleBytes) {
    out.push({ property: path, message: `is ${bytes} bytes (max ${LINE_LIMITS.maxBubbleBytes})` });
  }
  for (const block of ["header", "hero", "body", "footer"] as const) {
    if (bubble[block] !== undefined) checkFlexComponent(bubble[block], `${path}.${block}`, out);
  }
  if (isRecord(bubble["action"])) checkAction(bubble["action"], `${path}.action`, out);
}

function checkFlexComponent(component: unknown, path: string, out: LimitViolation[]): void {
  if (!isRecord(component)) {
    out.push({ property: path, message: "is not a Flex component" });
    return;
  }
  if (component["type"] === "text" && component["contents"] === undefined) {
    checkLength(component["text"], `${path}.text`, 1, Number.POSITIVE_INFINITY, out);
  }
  if (isRecord(component["action"])) checkAction(component["action"], `${path}.action`, out);
  const children = component["contents"];
  if (component["type"] === "box" && Array.isArray(children)) {
    children.forEach((child: unknown, i) => checkFlexComponent(child, `${path}.contents[${i}]`, out));
  }
}
