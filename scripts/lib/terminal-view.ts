/**
 * Shows LINE messages in a terminal: text as bubbles, Flex as a readable card, quick
 * replies as a numbered list. It reads the same JSON that LINE would receive.
 */

/** A quick-reply button as the terminal offers it. */
export interface TerminalChoice {
  label: string;
  action: Record<string, unknown>;
}

const WIDTH = 44;

/** Columns `text` takes in a terminal: East Asian wide and full-width characters take two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    width +=
      code >= 0x1100 &&
      (code <= 0x115f ||
        (code >= 0x2e80 && code <= 0xa4cf) ||
        (code >= 0xac00 && code <= 0xd7a3) ||
        (code >= 0xf900 && code <= 0xfaff) ||
        (code >= 0xfe30 && code <= 0xfe4f) ||
        (code >= 0xff00 && code <= 0xff60) ||
        (code >= 0xffe0 && code <= 0xffe6) ||
        code >= 0x1f300)
        ? 2
        : 1;
  }
  return width;
}

/** Characters that must not begin a line in Japanese text (kinsoku). */
const NO_LINE_START = new Set([..."、。，．・：；？！ー」』）)】〕〉》”’…‥ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮ"]);

/**
 * Breaks `text` into lines of at most `width` columns, keeping its own line breaks. A
 * closing mark that would begin a line stays at the end of the previous one instead.
 */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split("\n")) {
    let line = "";
    for (const char of paragraph) {
      if (displayWidth(line + char) > width && !(NO_LINE_START.has(char) && displayWidth(line + char) <= width + 2)) {
        lines.push(line);
        line = "";
        if (char === " ") continue;
      }
      line += char;
    }
    lines.push(line);
  }
  return lines;
}

function box(lines: string[], corners: [string, string, string, string]): string[] {
  const inner = Math.max(...lines.map(displayWidth), 0);
  const pad = (line: string) => line + " ".repeat(inner - displayWidth(line));
  return [
    `${corners[0]}${"─".repeat(inner + 2)}${corners[1]}`,
    ...lines.map((line) => `│ ${pad(line)} │`),
    `${corners[2]}${"─".repeat(inner + 2)}${corners[3]}`,
  ];
}

/** Pixels of a fixed-width Flex box per terminal column, and the cells a bar is drawn with. */
const PX_PER_COLUMN = 8;
const BAR_CELLS = 10;

function flexTexts(node: unknown, out: string[]): void {
  if (typeof node !== "object" || node === null) return;
  const record = node as Record<string, unknown>;
  if (record.type === "box" && record.layout === "horizontal") {
    out.push(rowText(record));
    return;
  }
  if (record.type === "text" && typeof record.text === "string") out.push(record.text);
  if (record.type === "separator") out.push("·".repeat(8));
  const action = record.action as Record<string, unknown> | undefined;
  if (record.type === "button" && action?.type === "uri") out.push(`［${String(action.label)}］ ${String(action.uri)}`);
  if (record.type === "button" && action?.type === "postback") out.push(`［${String(action.label)}］`);
  for (const key of ["header", "hero", "body", "footer"]) flexTexts(record[key], out);
  for (const key of ["contents"]) {
    const children = record[key];
    if (Array.isArray(children)) for (const child of children) flexTexts(child, out);
  }
}

/**
 * A horizontal box (a chart row) on one line: its parts side by side, a bar track (a tinted
 * box holding at most an empty box of `width` "N%") drawn as █ and ░, and a box of fixed
 * pixel width padded so that rows line up (on the left when its text is aligned to the end).
 */
function rowText(box: Record<string, unknown>): string {
  return childrenOf(box)
    .map(cellText)
    .filter((text) => text !== "")
    .join(" ");
}

function cellText(node: unknown): string {
  if (typeof node !== "object" || node === null) return "";
  const record = node as Record<string, unknown>;
  if (record.type === "text" && typeof record.text === "string") return record.text;
  if (record.type !== "box") return "";
  const children = childrenOf(record);
  if (typeof record.backgroundColor === "string" && children.length <= 1 && children.every(isBarFill)) {
    const percent = children.length === 0 ? 0 : Number.parseFloat(String((children[0] as Record<string, unknown>).width));
    const filled = percent > 0 ? Math.min(BAR_CELLS, Math.max(1, Math.round((percent / 100) * BAR_CELLS))) : 0;
    return "█".repeat(filled) + "░".repeat(BAR_CELLS - filled);
  }
  const inner = children
    .map(cellText)
    .filter((text) => text !== "")
    .join(" ");
  const pixels = /^(\d+)px$/.exec(textOf(record.width));
  if (pixels === null) return inner;
  const pad = " ".repeat(Math.max(0, Math.floor(Number(pixels[1]) / PX_PER_COLUMN) - displayWidth(inner)));
  const alignedEnd = children.some((child) => (child as Record<string, unknown> | null)?.align === "end");
  return alignedEnd ? pad + inner : inner + pad;
}

/** A field that should hold text (a width such as `"40px"`, a type): the text, or "" when it is something else. */
function textOf(field: unknown): string {
  return typeof field === "string" ? field : "";
}

function childrenOf(box: Record<string, unknown>): unknown[] {
  return Array.isArray(box.contents) ? (box.contents as unknown[]) : [];
}

function isBarFill(node: unknown): boolean {
  const record = (typeof node === "object" && node !== null ? node : {}) as Record<string, unknown>;
  return record.type === "box" && childrenOf(record).length === 0 && /^\d+(\.\d+)?%$/.test(textOf(record.width));
}

/** The terminal lines for one LINE message object. */
export function renderMessage(message: unknown): string[] {
  const record = (typeof message === "object" && message !== null ? message : {}) as Record<string, unknown>;
  if (record.type === "text" && typeof record.text === "string") {
    // A reply that quotes the user's message: LINE draws the quoted message above the text.
    const quote = typeof record.quoteToken === "string" ? ["（あなたのメッセージを引用）"] : [];
    return [...quote, ...box(wrap(record.text, WIDTH), ["╭", "╮", "╰", "╯"])];
  }
  if (record.type === "flex") {
    const contents = record.contents as Record<string, unknown> | undefined;
    const bubbles = contents?.type === "carousel" && Array.isArray(contents.contents) ? contents.contents : [contents];
    return bubbles.flatMap((bubble, index) => {
      const texts: string[] = [];
      flexTexts(bubble, texts);
      const heading = bubbles.length > 1 ? [`〔${index + 1}/${bubbles.length}〕`] : [];
      return box([...heading, ...texts.flatMap((text) => wrap(text, WIDTH))], ["┏", "┓", "┗", "┛"]);
    });
  }
  if (record.type === "image") {
    return box([`［画像］ ${textOf(record.originalContentUrl)}`, `（プレビュー ${textOf(record.previewImageUrl)}）`], ["┌", "┐", "└", "┘"]);
  }
  return [`[${textOf(record.type) || "unknown"} message]`];
}

/** The buttons a message offers to tap: its Flex buttons that send a postback, then its quick replies. */
export function choicesOf(message: unknown): TerminalChoice[] {
  const quickReply = (message as { quickReply?: { items?: { action?: Record<string, unknown> }[] } } | null)?.quickReply;
  const buttons: TerminalChoice[] = [];
  flexPostbacks((message as { contents?: unknown } | null)?.contents, buttons);
  return [
    ...buttons,
    ...(quickReply?.items ?? []).flatMap((item) =>
      item.action && typeof item.action.label === "string" ? [{ label: item.action.label, action: item.action }] : [],
    ),
  ];
}

function flexPostbacks(node: unknown, out: TerminalChoice[]): void {
  if (typeof node !== "object" || node === null) return;
  const record = node as Record<string, unknown>;
  const action = record.action as Record<string, unknown> | undefined;
  if (record.type === "button" && action?.type === "postback" && typeof action.label === "string")
    out.push({ label: action.label, action });
  for (const key of ["header", "hero", "body", "footer"]) flexPostbacks(record[key], out);
  if (Array.isArray(record.contents)) for (const child of record.contents) flexPostbacks(child, out);
}

/** The numbered list of quick replies, e.g. `[1] はい  [2] いいえ`. */
export function renderChoices(choices: TerminalChoice[]): string[] {
  if (choices.length === 0) return [];
  const lines: string[] = [];
  let line = "";
  choices.forEach((choice, index) => {
    const item = `[${index + 1}] ${choice.label}`;
    if (line && displayWidth(line + "  " + item) > WIDTH + 4) {
      lines.push(line);
      line = "";
    }
    line = line ? `${line}  ${item}` : item;
  });
  lines.push(line);
  return lines.map((text) => `  ${text}`);
}
