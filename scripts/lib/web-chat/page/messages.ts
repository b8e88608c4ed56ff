/**
 * Chat rows: the bot's messages on the left under its avatar (text, Flex, stickers, images,
 * anything else as its type), the user's on the right in green, and notices in the middle.
 */
import type { TimelineEntry } from "../protocol";
import { copy } from "./copy";
import { h, isRecord, str } from "./dom";
import { renderFlex, type ActionHandler } from "./flex";

const TIME = new Intl.DateTimeFormat("ja-JP", { hour: "2-digit", minute: "2-digit", timeZone: "Asia/Tokyo" });

/** The time of an entry as LINE shows it beside a bubble, e.g. 20:01. */
function timeOf(at: string): HTMLElement {
  return h("time", { class: "time", datetime: at, text: TIME.format(new Date(at)) });
}

/** Text with its https links made tappable, as LINE does. */
function linkedText(text: string): DocumentFragment {
  const fragment = document.createDocumentFragment();
  let last = 0;
  for (const match of text.matchAll(/https:\/\/[^\s「」、。）]+/g)) {
    fragment.append(text.slice(last, match.index));
    fragment.append(h("a", { href: match[0], target: "_blank", rel: "noopener noreferrer", text: match[0] }));
    last = match.index + match[0].length;
  }
  fragment.append(text.slice(last));
  return fragment;
}

/** A sticker, drawn (the page has no sticker images). */
function sticker(): HTMLElement {
  const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
  svg.setAttribute("viewBox", "0 0 100 100");
  svg.setAttribute("class", "sticker");
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", copy.stickerAlt);
  svg.innerHTML =
    '<circle cx="50" cy="50" r="44" fill="#FFD54F" stroke="#6D4C41" stroke-width="4"/>' +
    '<circle cx="35" cy="42" r="6" fill="#6D4C41"/><circle cx="65" cy="42" r="6" fill="#6D4C41"/>' +
    '<path d="M30 60 Q50 80 70 60" fill="none" stroke="#6D4C41" stroke-width="5" stroke-linecap="round"/>';
  return h("div", { class: "sticker-wrap" }, svg as unknown as Node);
}

function imageOf(preview: string | undefined): HTMLElement {
  return preview
    ? h("img", { class: "photo", src: preview, alt: copy.imageAlt })
    : h("div", { class: "photo photo-placeholder", role: "img", "aria-label": copy.imageAlt, text: copy.imagePlaceholder });
}

/** An image the bot sent (the 振り返りシート): its preview, opening the original in a new tab as LINE opens it full screen. */
function sentImage(original: string, preview: string): HTMLElement {
  if (!/^https?:\/\//.test(original) || !/^https?:\/\//.test(preview)) return imageOf(undefined);
  return h(
    "a",
    { class: "photo-link", href: original, target: "_blank", rel: "noopener noreferrer" },
    h("img", { class: "photo photo-sent", src: preview, alt: copy.sentImageAlt }),
  );
}

/** One LINE message object from the bot. */
function botMessage(message: unknown, act: ActionHandler): HTMLElement {
  const record = isRecord(message) ? message : {};
  switch (record.type) {
    case "text":
      return h(
        "div",
        { class: "bubble bubble-bot" },
        // A reply that quotes the user's message (LINE draws the quoted message above the text).
        typeof record.quoteToken === "string" ? h("div", { class: "bubble-quote", text: copy.quoted }) : null,
        linkedText(str(record.text)),
      );
    case "flex":
      return h("div", { class: "flex-message", "aria-label": str(record.altText) }, renderFlex(record.contents, act));
    case "sticker":
      return sticker();
    case "image":
      return sentImage(str(record.originalContentUrl), str(record.previewImageUrl));
    default:
      return h("div", {
        class: "bubble bubble-bot bubble-unsupported",
        text: `${copy.unsupported(str(record.type, "?"))} ${str(record.altText)}`,
      });
  }
}

/**
 * The rows for an entry. `grouped` says the previous row was also the bot's, so the avatar
 * and name are not repeated.
 */
export function rowsOf(entry: TimelineEntry, act: ActionHandler, grouped: boolean): HTMLElement[] {
  switch (entry.type) {
    case "sent": {
      const { message } = entry;
      const content =
        message.type === "text"
          ? h("div", { class: "bubble bubble-user" }, linkedText(message.text))
          : message.type === "sticker"
            ? sticker()
            : imageOf(message.preview);
      return [h("div", { class: "row row-user", "data-seq": entry.seq }, timeOf(entry.at), content)];
    }
    case "received":
      return entry.messages.map((message, index) => {
        const first = index === 0 && !grouped;
        const content = botMessage(message, act);
        // A carousel runs to the screen's edge with its time after the last bubble, as in LINE.
        const carousel = content.querySelector(".flex-carousel");
        carousel?.append(timeOf(entry.at));
        const row = h(
          "div",
          { class: `row row-bot${first ? " row-first" : ""}`, "data-seq": entry.seq, "data-delivery": entry.delivery },
          first ? h("div", { class: "avatar", "aria-hidden": "true", text: "W" }) : null,
          h(
            "div",
            { class: "row-body" },
            first ? h("div", { class: "bot-name", text: copy.botName }) : null,
            h("div", { class: carousel ? "row-content row-content-carousel" : "row-content" }, content, carousel ? null : timeOf(entry.at)),
          ),
        );
        return row;
      });
    case "friendship":
      return [h("div", { class: "notice", "data-seq": entry.seq, text: copy[entry.change] })];
    case "operatorNotified": {
      const details = h("details", { class: "notice-details" }, h("summary", { text: copy.operatorNotifiedDetails }));
      // What the consultant was sent, to read: its buttons are the consultant's, never live in the client's tab.
      const preview = h("div", { class: "notice-preview", inert: true });
      preview.append(...entry.messages.map((message) => botMessage(message, () => {})));
      details.append(preview);
      return [h("div", { class: "notice notice-operator", "data-seq": entry.seq }, h("span", { text: copy.operatorNotified }), details)];
    }
    case "menu":
      return [];
  }
}

/** The quick-reply items of the last message of an entry the bot sent (LINE shows them only then). */
export function quickRepliesOf(entry: TimelineEntry): Record<string, unknown>[] {
  if (entry.type !== "received") return [];
  const last = entry.messages.at(-1);
  const quickReply = isRecord(last) && isRecord(last.quickReply) ? last.quickReply : {};
  const items = Array.isArray(quickReply.items) ? quickReply.items : [];
  return items.flatMap((item) => (isRecord(item) && isRecord(item.action) ? [item.action] : []));
}

/** What the consultant's own LINE tab is for, so that it never opens as an empty screen. */
export function operatorGuide(consoleUrl: string | null): HTMLElement {
  const links = [
    consoleUrl === null ? null : h("a", { href: consoleUrl, target: "_blank", text: copy.openConsole }),
    h("a", { href: "/oa", target: "_blank", text: copy.openOaChat }),
  ];
  return h(
    "div",
    { class: "operator-empty", role: "note" },
    h("p", { text: copy.operatorEmpty }),
    ...links.map((link) => (link ? h("p", {}, link) : null)),
  );
}
