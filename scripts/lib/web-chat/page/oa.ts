/**
 * The local stand-in for LINE Official Account Manager's chat (`/oa`, `?code=<受付番号>` opens
 * one chat): the clients' chats on the left, the chosen one's conversation as it streams, and a
 * box to answer. Without a chat chosen it explains itself and lists the consultant's commands.
 * It never shows a rich menu: that belongs to the client's screen.
 */
import type { OaChatSummary, TimelineEntry } from "../protocol";
import { h, isRecord, str } from "./dom";
import { oaCopy } from "./oa-copy";

const CODE = /^[0-9A-F]{8}$/;
const LIST_REFRESH_MS = 2000;

function element<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`the page has no #${id}`);
  return found as T;
}

const ui = {
  title: element<HTMLHeadingElement>("oa-title"),
  chats: element<HTMLElement>("oa-chats"),
  guide: element<HTMLElement>("oa-guide"),
  chatTitle: element<HTMLHeadingElement>("oa-chat-title"),
  log: element<HTMLElement>("oa-log"),
  form: element<HTMLFormElement>("oa-form"),
  input: element<HTMLTextAreaElement>("oa-input"),
  send: element<HTMLButtonElement>("oa-send"),
};

let current: { code: string; stream: EventSource } | null = null;

function textOf(message: unknown): string {
  const record = isRecord(message) ? message : {};
  if (record.type === "text") return str(record.text);
  if (record.type === "sticker") return oaCopy.sticker;
  if (record.type === "image") return oaCopy.image;
  return str(record.altText, oaCopy.other);
}

/** The rows of an entry: the client's words on the left, the account's (the bot's or yours) on the right. */
function rowsOf(entry: TimelineEntry): HTMLElement[] {
  if (entry.type === "sent") {
    const { message } = entry;
    const said = message.type === "text" ? message.text : message.type === "sticker" ? oaCopy.sticker : oaCopy.image;
    return [row("client", oaCopy.client, said, entry)];
  }
  if (entry.type !== "received") return [];
  const who = entry.delivery === "chat" ? "you" : "bot";
  return entry.messages.map((message) => row(who, who === "you" ? oaCopy.you : oaCopy.bot, textOf(message), entry));
}

function row(who: "client" | "bot" | "you", label: string, text: string, entry: TimelineEntry): HTMLElement {
  const time = new Intl.DateTimeFormat("ja-JP", { hour: "2-digit", minute: "2-digit", timeZone: "Asia/Tokyo" }).format(new Date(entry.at));
  return h(
    "div",
    { class: `oa-row oa-${who}`, "data-seq": entry.seq, "data-who": who },
    h("div", { class: "oa-who", text: `${label}・${time}` }),
    h("div", { class: "oa-bubble", text }),
  );
}

function showGuide(): void {
  ui.guide.replaceChildren(
    h("h2", { text: oaCopy.guideTitle }),
    ...oaCopy.guide.map((line) => h("p", { text: line })),
    h("h3", { text: oaCopy.commandsTitle }),
    h("ul", {}, ...oaCopy.commands.map((line) => h("li", { text: line }))),
  );
}

async function refreshList(): Promise<void> {
  const response = await fetch("/api/oa/chats");
  if (!response.ok) return;
  const { chats } = (await response.json()) as { chats: OaChatSummary[] };
  const items = chats.map((chat) => {
    const link = h(
      "a",
      { class: `oa-chat-link${chat.code === current?.code ? " oa-current" : ""}`, href: `/oa?code=${chat.code}` },
      h("span", { class: "oa-code", text: oaCopy.code(chat.code) }),
      h("span", { class: "oa-last", text: chat.lastText ?? "" }),
    );
    link.addEventListener("click", (event) => {
      event.preventDefault();
      history.replaceState(null, "", `/oa?code=${chat.code}`);
      open(chat.code);
    });
    return link;
  });
  ui.chats.replaceChildren(h("h2", { text: oaCopy.chats }), ...(items.length === 0 ? [h("p", { text: oaCopy.noChats })] : items));
}

function open(code: string): void {
  current?.stream.close();
  ui.log.replaceChildren();
  ui.chatTitle.textContent = oaCopy.code(code);
  ui.chatTitle.hidden = ui.log.hidden = ui.form.hidden = false;
  ui.guide.hidden = true;
  const stream = new EventSource(`/api/oa/stream?code=${code}`);
  stream.addEventListener("message", (event: MessageEvent<string>) => {
    ui.log.append(...rowsOf(JSON.parse(event.data) as TimelineEntry));
    ui.log.scrollTop = ui.log.scrollHeight;
  });
  current = { code, stream };
  void refreshList();
}

async function send(): Promise<void> {
  const text = ui.input.value;
  if (current === null || text.trim() === "") return;
  ui.send.disabled = true;
  try {
    const response = await fetch(`/api/oa/send?code=${current.code}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ text }),
    });
    if (response.ok) ui.input.value = "";
    else ui.input.setCustomValidity(oaCopy.sendFailed);
  } finally {
    ui.send.disabled = false;
  }
}

function start(): void {
  document.title = oaCopy.title;
  ui.title.textContent = oaCopy.title;
  ui.send.textContent = oaCopy.send;
  ui.input.placeholder = oaCopy.placeholder;
  ui.input.setAttribute("aria-label", oaCopy.placeholder);
  ui.input.addEventListener("input", () => ui.input.setCustomValidity(""));
  ui.form.addEventListener("submit", (event) => {
    event.preventDefault();
    void send();
  });
  showGuide();
  const code = new URLSearchParams(location.search).get("code") ?? "";
  if (CODE.test(code)) open(code);
  void refreshList().then(() => (document.body.dataset.ready = "true"));
  setInterval(() => void refreshList(), LIST_REFRESH_MS);
}

start();
