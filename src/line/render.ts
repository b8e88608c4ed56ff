/**
 * Turns the dialogue core's platform-neutral {@link Reply} values into LINE messages. Whatever
 * the input, the output stays inside LINE's limits (see {@link checkMessages}): content that
 * does not fit is shortened with "…" or dropped, never sent to be rejected.
 */
import type { messagingApi } from "@line/bot-sdk";
import type { Card, CardLink, CardSection, Chart, ChartBar, Choice, Reply } from "../dialogue";
import type { LineMessage } from "./gateway";
import { LINE_LIMITS, isDatetimePickerMode, isDatetimePickerValue, jsonBytes } from "./limits";

/** The mark that ends shortened text and stands in for empty text. */
export const ELLIPSIS = "…";

/** Lengths (UTF-16 units) card parts are cut to, so one long part cannot crowd out the rest. */
export const CARD_LIMITS = {
  maxTitleLength: 100,
  maxHeadingLength: 100,
  maxLineLength: 300,
} as const;

/**
 * What a chart bubble keeps at most: sections, bars per section and notes, and the lengths
 * (UTF-16 units) its parts are cut to. Anything left out is marked with a muted "…".
 */
export const CHART_LIMITS = {
  maxSections: 4,
  maxBarsPerSection: 12,
  maxNotes: 6,
  maxLabelLength: 10,
  maxCaptionLength: 8,
  maxNoteLength: 200,
} as const;

/**
 * Cuts `text` to at most `max` UTF-16 units, ending it with "…" when anything was cut. A
 * surrogate pair (an emoji, a rare kanji) is never split. Text already short enough is
 * returned unchanged; `max` below 1 gives "".
 */
export function truncateText(text: string, max: number): string {
  const limit = Math.floor(max);
  if (text.length <= limit) return text;
  if (limit < 1) return "";
  let end = limit - ELLIPSIS.length;
  if (end > 0 && isHighSurrogate(text.charCodeAt(end - 1))) end -= 1;
  return text.slice(0, end) + ELLIPSIS;
}

/**
 * Renders one turn's replies as the messages of one LINE reply or push request.
 *
 * Text becomes a text message, a card or a chart a Flex bubble, and a reply's choices the quick-reply
 * buttons of its message. Only the first {@link LINE_LIMITS.maxMessagesPerRequest} replies are
 * sent; when more are given, the last reply's choices move onto the last message sent, since
 * they are what the turn ends with. Choices whose postback data is too long for LINE, or
 * whose picker mode is unknown, are dropped rather than corrupted; picker `initial`/`min`/`max`
 * values in the wrong format are left out.
 *
 * A text reply marked `quote` quotes the user's message when `quoteToken` (from the webhook
 * event) is given; only text messages carry a quote (LINE allows it on text and stickers).
 *
 * An empty `replies` gives an empty array, which the caller must not send.
 */
export function renderReplies(replies: Reply[], quoteToken: string | null = null): LineMessage[] {
  const max = LINE_LIMITS.maxMessagesPerRequest;
  const kept = replies.slice(0, max);
  const overflowed = replies.length > max;
  const lastChoices = replies.at(-1)?.choices;
  return kept.map((reply, i) => {
    const choices = overflowed && i === kept.length - 1 ? (lastChoices ?? reply.choices) : reply.choices;
    const body = renderBody(reply);
    const message = reply.type === "text" && reply.quote === true && quoteToken !== null ? { ...body, quoteToken } : body;
    const quickReply = renderQuickReply(choices);
    return quickReply ? { ...message, quickReply } : message;
  });
}

function renderBody(reply: Reply): messagingApi.TextMessage | messagingApi.FlexMessage | messagingApi.ImageMessage {
  switch (reply.type) {
    case "text":
      return { type: "text", text: nonBlank(truncateText(reply.text, LINE_LIMITS.maxTextLength)) };
    case "card":
      return renderCard(reply.card);
    case "cards":
      return renderCarousel(reply.altText, reply.cards);
    case "chart":
      return renderChart(reply.chart);
    case "image":
      return renderImage(reply.url, reply.previewUrl);
  }
}

/**
 * An image message; URLs LINE would refuse (longer than it takes, or neither https nor the
 * local stack's http on this machine) become a text "…" rather than a rejected request.
 */
function renderImage(url: string, previewUrl: string): messagingApi.TextMessage | messagingApi.ImageMessage {
  const fits = (u: string) => /^(https:\/\/|http:\/\/(127\.0\.0\.1|localhost)[:/])/.test(u) && u.length <= LINE_LIMITS.maxImageUrlLength;
  if (!fits(url) || !fits(previewUrl)) return { type: "text", text: ELLIPSIS };
  return { type: "image", originalContentUrl: url, previewImageUrl: previewUrl };
}

/**
 * Cards side by side: at most {@link LINE_LIMITS.maxCarouselBubbles}, and cards are dropped
 * from the end until the carousel fits LINE's size limit. No cards gives a text "…".
 */
function renderCarousel(altText: string, cards: readonly Card[]): messagingApi.TextMessage | messagingApi.FlexMessage {
  const bubbles = cards.slice(0, LINE_LIMITS.maxCarouselBubbles).map(renderBubble);
  const carousel = (): messagingApi.FlexCarousel => ({ type: "carousel", contents: bubbles });
  while (bubbles.length > 1 && jsonBytes(carousel()) > LINE_LIMITS.maxCarouselBytes) bubbles.pop();
  if (bubbles.length === 0) return { type: "text", text: ELLIPSIS };
  return flexMessage(altText, ELLIPSIS, carousel());
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function nonBlank(text: string): string {
  return text.trim() === "" ? ELLIPSIS : text;
}

function renderQuickReply(choices: Choice[] | undefined): messagingApi.QuickReply | undefined {
  const items = (choices ?? [])
    .flatMap((choice) => {
      const item = renderChoice(choice);
      return item ? [item] : [];
    })
    .slice(0, LINE_LIMITS.maxQuickReplyItems);
  return items.length > 0 ? { items } : undefined;
}

function renderChoice(choice: Choice): messagingApi.QuickReplyItem | null {
  const label = nonBlank(truncateText(choice.label, LINE_LIMITS.maxActionLabelLength));
  const action = choice.action;
  switch (action.type) {
    case "postback": {
      if (action.data.length > LINE_LIMITS.maxPostbackDataLength) return null;
      const postback: messagingApi.PostbackAction = { type: "postback", label, data: action.data, displayText: label };
      return { type: "action", action: postback };
    }
    case "datetimePicker": {
      const mode: unknown = action.mode;
      if (!isDatetimePickerMode(mode) || action.data.length > LINE_LIMITS.maxDatetimePickerDataLength) return null;
      const picker: messagingApi.DatetimePickerAction = { type: "datetimepicker", label, data: action.data, mode };
      for (const key of ["initial", "min", "max"] as const) {
        const value = action[key];
        if (value !== undefined && isDatetimePickerValue(mode, value)) picker[key] = value;
      }
      return { type: "action", action: picker };
    }
  }
}

const COLORS = {
  headerBackground: "#FFF4E0",
  title: "#3B2F1E",
  heading: "#C27803",
  line: "#333333",
  muted: "#999999",
  separator: "#EEEEEE",
  barTrack: "#F3EEE6",
  /** One colour per chart section, in order (repeating). */
  bars: ["#F0A030", "#4FA3A5", "#8C7AC8", "#D9706A"],
} as const;

/** Bytes kept free under the bubble limit for JSON punctuation the estimate does not count. */
const BUBBLE_SLACK_BYTES = 200;

/** A Flex message; a blank `altText` falls back to `fallback`, and either is cut to LINE's limit. */
function flexMessage(altText: string, fallback: string, contents: messagingApi.FlexContainer): messagingApi.FlexMessage {
  const alt = altText.trim() !== "" ? altText : fallback;
  return { type: "flex", altText: nonBlank(truncateText(alt, LINE_LIMITS.maxAltTextLength)), contents };
}

function renderCard(card: Card): messagingApi.FlexMessage {
  return flexMessage(card.altText, card.title, renderBubble(card));
}

/** The tinted header holding a bubble's title, or none when the title is blank. */
function headerOf(rawTitle: string): messagingApi.FlexBox | undefined {
  const title = truncateText(rawTitle.trim(), CARD_LIMITS.maxTitleLength);
  if (title === "") return undefined;
  return {
    type: "box",
    layout: "vertical",
    paddingAll: "20px",
    backgroundColor: COLORS.headerBackground,
    contents: [text(title, { size: "lg", weight: "bold", color: COLORS.title })],
  };
}

/** The muted "…" that marks content left out of a bubble. */
function omittedMark(): messagingApi.FlexText {
  return text(ELLIPSIS, { size: "sm", color: COLORS.muted, align: "center" });
}

function text(value: string, style: Omit<messagingApi.FlexText, "type" | "text">): messagingApi.FlexText {
  return { type: "text", text: value, wrap: true, ...style };
}

function bubbleOf(header: messagingApi.FlexBox | undefined, bodyContents: messagingApi.FlexComponent[]): messagingApi.FlexBubble {
  const body: messagingApi.FlexBox = { type: "box", layout: "vertical", spacing: "md", paddingAll: "20px", contents: bodyContents };
  return header ? { type: "bubble", size: "mega", header, body } : { type: "bubble", size: "mega", body };
}

/**
 * A bubble with the title in a tinted header and each section as a heading over its lines.
 * Lines are added in order while the bubble stays under LINE's size limit; the first line that
 * does not fit and everything after it are replaced by a single muted "…".
 */
function renderBubble(card: Card): messagingApi.FlexBubble {
  const header = headerOf(card.title);
  const omitted = omittedMark();
  const links = card.links ?? [];
  let budget = LINE_LIMITS.maxBubbleBytes - jsonBytes(withLinks(bubbleOf(header, [omitted]), links)) - BUBBLE_SLACK_BYTES;
  const body: messagingApi.FlexComponent[] = [];
  let cut = false;
  for (const section of card.sections) {
    const rendered = fitSection(section, body.length > 0, budget);
    if (rendered.box) {
      body.push(...rendered.box);
      budget -= rendered.bytes;
    }
    if (rendered.cut) {
      cut = true;
      break;
    }
  }
  if (cut || body.length === 0) body.push(omitted);
  const bubble = withLinks(bubbleOf(header, body), links);
  return jsonBytes(bubble) <= LINE_LIMITS.maxBubbleBytes ? bubble : withLinks(bubbleOf(header, [omitted]), links);
}

/** A bubble with its links as buttons in the footer; links LINE would refuse are left out. */
function withLinks(bubble: messagingApi.FlexBubble, links: readonly CardLink[]): messagingApi.FlexBubble {
  const buttons: messagingApi.FlexComponent[] = links.flatMap((link): messagingApi.FlexComponent[] => {
    const label = nonBlank(truncateText(link.label, LINE_LIMITS.maxActionLabelLength));
    if ("data" in link) {
      if (link.data.length > LINE_LIMITS.maxPostbackDataLength) return [];
      return [{ type: "button", style: "link", height: "sm", action: { type: "postback", label, data: link.data, displayText: label } }];
    }
    if (!/^(https|tel):/.test(link.uri) || link.uri.length > LINE_LIMITS.maxUriLength) return [];
    return [{ type: "button", style: "link", height: "sm", action: { type: "uri", label, uri: link.uri } }];
  });
  if (buttons.length === 0) return bubble;
  return { ...bubble, footer: { type: "box", layout: "vertical", spacing: "xs", contents: buttons } };
}

interface FittedSection {
  /** The components to add (a separator and the section box), or null when nothing fitted. */
  box: messagingApi.FlexComponent[] | null;
  bytes: number;
  /** True when some of the section's lines did not fit. */
  cut: boolean;
}

function fitSection(section: CardSection, separated: boolean, budget: number): FittedSection {
  const heading = truncateText(section.heading.trim(), CARD_LIMITS.maxHeadingLength);
  const contents: messagingApi.FlexComponent[] = [];
  if (heading !== "") contents.push(text(heading, { size: "sm", weight: "bold", color: COLORS.heading }));
  const box: messagingApi.FlexBox = { type: "box", layout: "vertical", spacing: "sm", contents };
  const separator: messagingApi.FlexSeparator = { type: "separator", color: COLORS.separator };
  let bytes = jsonBytes(box) + 1 + (separated ? jsonBytes(separator) + 1 : 0);
  if (bytes > budget) return { box: null, bytes: 0, cut: true };
  let cut = false;
  for (const raw of section.lines) {
    if (raw.trim() === "") continue;
    const line = text(truncateText(raw, CARD_LIMITS.maxLineLength), { size: "sm", color: COLORS.line });
    const lineBytes = jsonBytes(line) + 1;
    if (bytes + lineBytes > budget) {
      cut = true;
      break;
    }
    contents.push(line);
    bytes += lineBytes;
  }
  if (contents.length === 0) return { box: null, bytes: 0, cut };
  return { box: separated ? [separator, box] : [box], bytes, cut };
}

function renderChart(chart: Chart): messagingApi.FlexMessage {
  return flexMessage(chart.altText, chart.title, renderChartBubble(chart));
}

/**
 * A bubble with the title in the header, each section as a heading over one row per bar
 * (label, bar, caption), then the notes. Bars, sections and notes beyond {@link CHART_LIMITS}
 * are replaced by a muted "…" where they would be; the first part that would push the bubble
 * past LINE's size limit, and everything after it, by a single "…" at the end.
 */
function renderChartBubble(chart: Chart): messagingApi.FlexBubble {
  const header = headerOf(chart.title);
  const body: messagingApi.FlexComponent[] = [];
  const fits = () => jsonBytes(bubbleOf(header, [...body, omittedMark()])) <= LINE_LIMITS.maxBubbleBytes;
  /** Adds `component` to `target` if the bubble still fits, else leaves it out and says so. */
  const add = (target: messagingApi.FlexComponent[], component: messagingApi.FlexComponent): boolean => {
    target.push(component);
    if (fits()) return true;
    target.pop();
    return false;
  };
  /** Adds a block of `parts` (after a separator unless first) as far as it fits; false when some part did not. */
  const addBlock = (parts: messagingApi.FlexComponent[]): boolean => {
    if (parts.length === 0) return true;
    const contents: messagingApi.FlexComponent[] = [];
    const blockStart = body.length;
    if (blockStart > 0) body.push({ type: "separator", color: COLORS.separator });
    body.push({ type: "box", layout: "vertical", spacing: "sm", contents });
    const all = parts.every((part) => add(contents, part));
    if (contents.length === 0) body.splice(blockStart);
    return all;
  };
  const { maxSections, maxBarsPerSection, maxNotes, maxNoteLength } = CHART_LIMITS;
  const sections = chart.sections.slice(0, maxSections).map((section, index) => {
    const heading = truncateText(section.heading.trim(), CARD_LIMITS.maxHeadingLength);
    const color = COLORS.bars[index % COLORS.bars.length] ?? COLORS.heading;
    const bars = section.bars.slice(0, maxBarsPerSection).map((bar) => barRow(bar, color));
    return [
      ...(heading === "" ? [] : [text(heading, { size: "sm", weight: "bold", color: COLORS.heading })]),
      ...bars,
      ...(section.bars.length > maxBarsPerSection ? [omittedMark()] : []),
    ];
  });
  const notes = chart.notes.filter((note) => note.trim() !== "");
  const noteLines = [
    ...notes.slice(0, maxNotes).map((note) => text(truncateText(note, maxNoteLength), { size: "xs", color: COLORS.muted })),
    ...(notes.length > maxNotes ? [omittedMark()] : []),
  ];
  const fitted =
    sections.every((parts) => addBlock(parts)) && (chart.sections.length <= maxSections || add(body, omittedMark())) && addBlock(noteLines);
  if (!fitted || body.length === 0) body.push(omittedMark());
  const bubble = bubbleOf(header, body);
  return jsonBytes(bubble) <= LINE_LIMITS.maxBubbleBytes ? bubble : bubbleOf(header, [omittedMark()]);
}

/** One bar as a row: the label in a fixed width, the bar filling the rest, the caption on the right. */
function barRow(bar: ChartBar, color: string): messagingApi.FlexBox {
  const percent = barPercent(bar.value, bar.max);
  const fill: messagingApi.FlexBox = {
    type: "box",
    layout: "vertical",
    width: `${percent}%`,
    height: "10px",
    backgroundColor: color,
    cornerRadius: "5px",
    contents: [],
  };
  const label = nonBlank(truncateText(bar.label.trim(), CHART_LIMITS.maxLabelLength));
  const caption = truncateText(bar.caption.trim(), CHART_LIMITS.maxCaptionLength);
  return {
    type: "box",
    layout: "horizontal",
    spacing: "sm",
    alignItems: "center",
    contents: [
      { type: "box", layout: "vertical", width: "64px", flex: 0, contents: [text(label, { size: "xs", color: COLORS.line, wrap: false })] },
      {
        type: "box",
        layout: "vertical",
        flex: 1,
        height: "10px",
        backgroundColor: COLORS.barTrack,
        cornerRadius: "5px",
        contents: percent > 0 ? [fill] : [],
      },
      {
        type: "box",
        layout: "vertical",
        width: "44px",
        flex: 0,
        contents: caption === "" ? [] : [text(caption, { size: "xs", color: COLORS.muted, align: "end", wrap: false })],
      },
    ],
  };
}

/** How much of its track a bar fills, 0–100: at least 2 when it is above zero, 0 for nonsense (NaN, infinite, max ≤ 0). */
function barPercent(value: number, max: number): number {
  if (!Number.isFinite(value) || !Number.isFinite(max) || max <= 0 || value <= 0) return 0;
  return Math.min(100, Math.max(2, Math.round((value / max) * 100)));
}
