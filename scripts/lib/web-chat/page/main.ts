/**
 * The web chat's page: one LINE user per tab (`?user=U…`, else the tab's own id kept in
 * sessionStorage; `?new` starts a new one). What the user does goes to the local server as a
 * {@link UserAction}; the user's timeline comes back over Server-Sent Events, so pushes
 * (reminders, hand-off notices) appear as they are sent.
 */
import { MAX_IMAGE_PREVIEW_CHARS, type SendResult, type SessionInfo, type TimelineEntry, type UserAction } from "../protocol";
import { copy } from "./copy";
import { h, str } from "./dom";
import { operatorGuide, quickRepliesOf, rowsOf } from "./messages";
import { pickDateTime, showQuickReplies } from "./quick-replies";
import { createRichMenu } from "./rich-menu";

type Action = Record<string, unknown>;

const USER_KEY = "will-web-chat-user";
const USER_ID = /^U[0-9a-f]{32}$/;
const THUMBNAIL_PIXELS = 240;

function element<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`the page has no #${id}`);
  return found as T;
}

const ui = {
  title: element<HTMLHeadingElement>("title"),
  timeline: element<HTMLElement>("timeline"),
  typing: element<HTMLElement>("typing"),
  quickReplies: element<HTMLElement>("quick-replies"),
  keyboardBar: element<HTMLElement>("keyboard-bar"),
  menuBar: element<HTMLElement>("menu-bar"),
  blockedBar: element<HTMLElement>("blocked-bar"),
  richMenu: element<HTMLElement>("rich-menu"),
  chatBar: element<HTMLButtonElement>("chat-bar"),
  input: element<HTMLTextAreaElement>("input"),
  imageFile: element<HTMLInputElement>("image-file"),
  picker: element<HTMLDialogElement>("picker"),
  toast: element<HTMLElement>("toast"),
  more: element<HTMLDetailsElement>("more"),
  operatorLink: element<HTMLAnchorElement>("operator-link"),
  consoleLink: element<HTMLAnchorElement>("console-link"),
};

/** This tab's LINE user id; see the module comment. */
function tabUserId(): string {
  const params = new URLSearchParams(location.search);
  const asked = params.get("user") ?? "";
  const stored = sessionStorage.getItem(USER_KEY) ?? "";
  const id = USER_ID.test(asked) ? asked : !params.has("new") && USER_ID.test(stored) ? stored : newUserId();
  sessionStorage.setItem(USER_KEY, id);
  if (asked !== id) history.replaceState(null, "", `?user=${id}`);
  return id;
}

function newUserId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `U${Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("")}`;
}

const userId = tabUserId();
const api = (path: string) => `/api/${path}?user=${userId}`;
let pending = 0;
let awaitedSeq = 0;
let seenSeq = 0;
let lastRowIsBot = false;

/** `body[data-busy]` is "true" while a message is on its way or its answer has not arrived yet (tests wait on it). */
function updateBusy(): void {
  const busy = pending > 0 || seenSeq < awaitedSeq;
  document.body.dataset.busy = String(busy);
  ui.typing.hidden = !busy;
  if (busy) scrollToEnd();
}

function toast(text: string | null): void {
  ui.toast.hidden = text === null;
  ui.toast.textContent = text ?? "";
}

function scrollToEnd(): void {
  ui.timeline.scrollTop = ui.timeline.scrollHeight;
}

/** Whether the chat shows its end; it keeps doing so when the quick replies or the rich menu take room, as in LINE. */
let atEnd = true;
ui.timeline.addEventListener("scroll", () => {
  atEnd = ui.timeline.scrollTop + ui.timeline.clientHeight >= ui.timeline.scrollHeight - 24;
});
new ResizeObserver(() => {
  if (atEnd) scrollToEnd();
}).observe(ui.timeline);

async function send(action: UserAction): Promise<void> {
  pending += 1;
  showQuickReplies(ui.quickReplies, [], act);
  updateBusy();
  try {
    const response = await fetch(api("send"), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(action),
    });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const result = (await response.json()) as SendResult;
    awaitedSeq = Math.max(awaitedSeq, result.seq);
    toast(result.status === 200 ? null : copy.webhookFailed(result.status));
  } catch (error) {
    toast(error instanceof Error ? error.message : String(error));
  } finally {
    pending -= 1;
    updateBusy();
  }
}

/** Runs a LINE action from a quick reply or a Flex component, as the LINE app would. */
function act(action: Action): void {
  switch (action.type) {
    case "postback": {
      const displayText = str(action.displayText);
      void send({ type: "postback", data: str(action.data), ...(displayText ? { displayText } : {}) });
      return;
    }
    case "message":
      void send({ type: "text", text: str(action.text) });
      return;
    case "uri":
      window.open(str(action.uri), "_blank", "noopener");
      return;
    case "datetimepicker":
      void pickDateTime(ui.picker, action).then((params) => {
        if (params) void send({ type: "postback", data: str(action.data), params });
      });
      return;
    case "camera":
    case "cameraRoll":
      ui.imageFile.click();
      return;
    default:
      toast(copy.unsupportedAction(str(action.type, "?")));
  }
}

function append(entry: TimelineEntry): void {
  const rows = rowsOf(entry, act, lastRowIsBot && entry.type === "received");
  ui.typing.before(...rows);
  lastRowIsBot = entry.type === "received";
  if (entry.type === "received" || entry.type === "sent" || entry.type === "friendship") {
    showQuickReplies(ui.quickReplies, quickRepliesOf(entry), act);
  }
  if (entry.type === "friendship") setBlocked(entry.change === "blocked");
  if (entry.type === "menu") richMenu.show(entry.menu);
  seenSeq = Math.max(seenSeq, entry.seq);
  updateBusy();
  scrollToEnd();
}

const richMenu = createRichMenu(
  { panel: ui.richMenu, toggle: ui.chatBar },
  (action) => void send({ type: "postback", data: action.data, displayText: action.displayText }),
);

let mode: "keyboard" | "menu" = "menu";
let blocked = false;

function setMode(next: "keyboard" | "menu"): void {
  mode = next;
  render();
  if (next === "keyboard") ui.input.focus();
  else ui.chatBar.focus();
}

function setBlocked(value: boolean): void {
  blocked = value;
  render();
}

function render(): void {
  ui.keyboardBar.hidden = blocked || mode !== "keyboard";
  ui.menuBar.hidden = blocked || mode !== "menu";
  ui.blockedBar.hidden = !blocked;
  if (blocked || mode !== "menu") ui.richMenu.hidden = true;
  else ui.richMenu.hidden = ui.chatBar.getAttribute("aria-expanded") !== "true";
  if (blocked) ui.quickReplies.hidden = true;
}

function sendTyped(): void {
  const text = ui.input.value;
  if (text.trim() === "") return;
  ui.input.value = "";
  resizeInput();
  void send({ type: "text", text });
}

function resizeInput(): void {
  ui.input.style.height = "auto";
  ui.input.style.height = `${Math.min(ui.input.scrollHeight, 96)}px`;
}

/** A small JPEG of the picked image for the chat; undefined when the browser cannot read it. */
async function thumbnail(file: File): Promise<string | undefined> {
  try {
    const bitmap = await createImageBitmap(file);
    const scale = Math.min(1, THUMBNAIL_PIXELS / Math.max(bitmap.width, bitmap.height));
    const canvas = h("canvas", { width: Math.round(bitmap.width * scale), height: Math.round(bitmap.height * scale) });
    canvas.getContext("2d")?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    const url = canvas.toDataURL("image/jpeg", 0.8);
    return url.length <= MAX_IMAGE_PREVIEW_CHARS ? url : undefined;
  } catch {
    return undefined;
  }
}

/** Puts the page's words (from {@link copy}) into the elements marked with `data-copy` and `data-copy-label`. */
function fillCopy(): void {
  const words = copy as unknown as Record<string, unknown>;
  for (const node of document.querySelectorAll<HTMLElement>("[data-copy]")) node.textContent = str(words[node.dataset.copy ?? ""]);
  for (const node of document.querySelectorAll<HTMLElement>("[data-copy-label]")) {
    const label = str(words[node.dataset.copyLabel ?? ""]);
    node.setAttribute("aria-label", label);
    node.title = label;
  }
  ui.input.placeholder = copy.inputPlaceholder;
}

function wire(info: SessionInfo): void {
  document.title = info.operator ? `${copy.operatorTitle} - ${copy.title}` : copy.title;
  ui.title.textContent = info.operator ? copy.operatorTitle : copy.title;
  const operator = info.operatorIds[0];
  ui.operatorLink.hidden = operator === undefined || info.operator;
  if (operator) ui.operatorLink.href = `/?user=${operator}`;
  ui.consoleLink.hidden = info.consoleUrl === null;
  if (info.consoleUrl !== null) ui.consoleLink.href = info.consoleUrl;
  if (info.operator) ui.typing.before(operatorGuide(info.consoleUrl));
  richMenu.show(info.richMenu);
  ui.chatBar.addEventListener("click", render);
  element("to-keyboard").addEventListener("click", () => setMode("keyboard"));
  element("to-menu").addEventListener("click", () => setMode("menu"));
  element("send").addEventListener("click", sendTyped);
  element("send-sticker").addEventListener("click", () => void send({ type: "sticker" }));
  element("send-image").addEventListener("click", () => ui.imageFile.click());
  ui.imageFile.addEventListener("change", () => {
    const file = ui.imageFile.files?.[0];
    ui.imageFile.value = "";
    if (!file) return;
    // Busy from the pick on, not only from the send: the preview takes a moment to draw.
    pending += 1;
    updateBusy();
    void thumbnail(file)
      .then((preview) => send({ type: "image", ...(preview ? { preview } : {}) }))
      .finally(() => {
        pending -= 1;
        updateBusy();
      });
  });
  ui.input.addEventListener("input", resizeInput);
  ui.input.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing && event.keyCode !== 229) {
      event.preventDefault();
      sendTyped();
    }
  });
  for (const button of document.querySelectorAll<HTMLButtonElement>("[data-do]")) {
    button.addEventListener("click", () => {
      ui.more.open = false;
      const what = button.dataset.do;
      if (what === "follow" || what === "block" || what === "unblock") void send({ type: what });
    });
  }
  blocked = info.blocked;
  render();
}

async function start(): Promise<void> {
  fillCopy();
  const response = await fetch(api("session"));
  if (!response.ok) throw new Error(`session: HTTP ${response.status}`);
  const info = (await response.json()) as SessionInfo;
  wire(info);
  const stream = new EventSource(api("stream"));
  stream.addEventListener("message", (event: MessageEvent<string>) => append(JSON.parse(event.data) as TimelineEntry));
  stream.addEventListener("error", () => toast(copy.disconnected));
  stream.addEventListener("open", () => toast(null));
  await new Promise((resolve) => stream.addEventListener("open", resolve, { once: true }));
  if (!info.known && !info.operator) await send({ type: "follow" });
  document.body.dataset.ready = "true";
}

start().catch((error: unknown) => toast(error instanceof Error ? error.message : String(error)));
