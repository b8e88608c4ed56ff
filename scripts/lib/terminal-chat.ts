/**
 * The terminal chat of `npm start`: one LINE user (the client, or with `--operator` the
 * consultant) types in this terminal, and every line goes to the webhook as a signed LINE
 * event from that user. The replies to those events and the pushes to that user are shown as
 * LINE would show them; a number taps one of the buttons shown last. The rich menu the user
 * sees is shown whenever it changes (their stage did), and `/menu 2` taps its second tile. In
 * the chat: /sticker, /follow, /unfollow send those events; /help lists these; Ctrl-C or /quit ends it.
 */
import { randomBytes } from "node:crypto";
import { createInterface, type Interface } from "node:readline/promises";
import type { SentBatch } from "./line-stand-in";
import { choicesOf, renderChoices, renderMessage, type TerminalChoice } from "./terminal-view";
import { postEvents } from "./webhook-client";

/** What the chat needs of a batch the LINE stand-in accepted. */
export type ChatBatch = Pick<SentBatch, "kind" | "to" | "replyToken" | "messages">;

/** Sends one webhook event from the chat's user (id, timestamp, source and reply token are added). */
export type SendEvent = (event: Record<string, unknown>) => Promise<void>;

/** A rich menu as the terminal shows it: its name and its tiles' labels and postback data, in order. */
export interface TerminalMenu {
  name: string;
  tiles: { label: string; data: string }[];
}

/** Options for {@link runTerminalChat}. */
export interface TerminalChatOptions {
  /** The LINE user id the chat speaks as. */
  userId: string;
  webhookUrl: string;
  channelSecret: string;
  /** Who is typing, as the chat names them: 「あなた」, 「相談員」. */
  speaker: string;
  /**
   * Calls `listener` with each batch the LINE stand-in accepts from now on; returns how to
   * stop. The chat calls it before anything else, so nothing sent meanwhile is missed.
   */
  watch(listener: (batch: ChatBatch) => void): () => void;
  /** Lines to show for a batch that is not for this user, or null to show nothing (the default). */
  aside?(batch: ChatBatch): string[] | null;
  /** Batches from before the chat began; the pushes to this user among them are shown first, under `historyHeading`. */
  history?: ChatBatch[];
  historyHeading?: string;
  /** What to do before the first prompt, e.g. send a follow event for a new user. */
  begin?(send: SendEvent, out: (lines: string[] | string) => void): Promise<void>;
  /**
   * Keeps an image the bot sent (the 振り返りシート) on this machine: resolves the file's path, or
   * null when it could not be fetched. The chat prints the path under the image's link.
   */
  saveImage?(url: string): Promise<string | null>;
  /** Ends the chat when it resolves, showing the text it resolves with (the stack went away). */
  ended?: Promise<string>;
  /** The rich menu the user sees now (null: none); absent, the chat shows no menu. */
  menu?(): TerminalMenu | null;
}

const HELP =
  "  番号: ボタンをタップ  /menu 番号: メニューをタップ  /sticker: スタンプを送る  /follow: 友だち追加  /unfollow: ブロック  /quit: 終了";

/** The original image's URL of an image message, else null. */
function imageUrlOf(message: unknown): string | null {
  const record = message as { type?: unknown; originalContentUrl?: unknown } | null;
  return record?.type === "image" && typeof record.originalContentUrl === "string" ? record.originalContentUrl : null;
}

/** Writes lines to the terminal. */
export function out(lines: string[] | string): void {
  process.stdout.write(`${([] as string[]).concat(lines).join("\n")}\n`);
}

/** Runs the chat until /quit, Ctrl-C, the end of input or `ended`. */
export async function runTerminalChat(options: TerminalChatOptions): Promise<void> {
  let choices: TerminalChoice[] = [];
  const myReplyTokens = new Set<string>();
  const { userId } = options;

  const isMine = (batch: ChatBatch) => (batch.replyToken ? myReplyTokens.has(batch.replyToken) : batch.to.includes(userId));
  const show = (batch: ChatBatch) => {
    if (!isMine(batch)) {
      const aside = options.aside?.(batch);
      if (aside) out(aside);
      return;
    }
    if (batch.kind !== "reply") out("（プッシュ通知）");
    for (const message of batch.messages) {
      out(renderMessage(message));
      const image = imageUrlOf(message);
      if (image !== null && options.saveImage) {
        void options
          .saveImage(image)
          .then((path) => out(path === null ? "（画像を保存できませんでした）" : `（画像を保存しました: ${path}）`));
      }
      const offered = choicesOf(message);
      if (offered.length > 0) choices = offered;
    }
    out(renderChoices(choices));
  };
  const unwatch = options.watch(show);
  let shownMenu: string | null = null;
  const showMenu = (always = false) => {
    const menu = options.menu?.() ?? null;
    if (options.menu === undefined || (!always && (menu?.name ?? null) === shownMenu)) return;
    shownMenu = menu?.name ?? null;
    out(
      menu === null
        ? "（メニューなし）"
        : `〔メニュー〕 ${menu.tiles.map((tile, i) => `m${i + 1}.${tile.label}`).join("  ")}  （/menu 番号 でタップ）`,
    );
  };

  try {
    let timestamp = Date.now();
    const send: SendEvent = async (event) => {
      const replyToken = randomBytes(16).toString("hex");
      myReplyTokens.add(replyToken);
      choices = [];
      timestamp = Math.max(timestamp + 1, Date.now());
      const status = await postEvents(options.webhookUrl, options.channelSecret, [
        {
          mode: "active",
          timestamp,
          source: { type: "user", userId },
          webhookEventId: `01${randomBytes(12).toString("hex").toUpperCase()}`,
          deliveryContext: { isRedelivery: false },
          ...(event.type === "unfollow" ? {} : { replyToken }),
          ...event,
        },
      ]);
      if (status !== 200) out(`（webhook が ${status} を返しました。.local/webhook.log を確認してください）`);
      showMenu();
    };

    const earlier = (options.history ?? []).filter((batch) => batch.kind !== "reply" && batch.to.includes(userId));
    if (earlier.length > 0) {
      if (options.historyHeading) out(options.historyHeading);
      for (const batch of earlier) show(batch);
    }
    await options.begin?.(send, out);
    showMenu();

    const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
    rl.setPrompt(`${options.speaker}> `);
    rl.prompt();
    const closed = new Promise<void>((resolve) => rl.once("close", resolve));
    process.once("SIGINT", () => rl.close());
    let over = false;
    void options.ended?.then((why) => {
      if (over) return;
      out(["", why]);
      rl.close();
    });
    for await (const raw of rl) {
      const typed = raw.trim();
      if (typed === "/quit") break;
      if (typed === "/help") {
        out([HELP]);
      } else if (/^\/menu(\s+\d+)?$/.test(typed)) {
        const tile = options.menu?.()?.tiles[Number(typed.slice(5).trim() || 0) - 1];
        if (tile === undefined) showMenu(true);
        else {
          out(`${options.speaker}（メニュー）: ${tile.label}`);
          await send({ type: "postback", postback: { data: tile.data } });
        }
      } else if (typed === "/sticker") {
        await send({
          type: "message",
          message: { type: "sticker", id: "1", packageId: "446", stickerId: "1988", stickerResourceType: "STATIC" },
        });
      } else if (typed === "/follow" || typed === "/unfollow") {
        await send({ type: typed.slice(1), ...(typed === "/follow" ? { follow: { isUnblocked: true } } : {}) });
      } else if (/^\d+$/.test(typed) && choices[Number(typed) - 1]) {
        const choice = choices[Number(typed) - 1];
        out(`${options.speaker}（タップ）: ${choice.label}`);
        await tap(choice, send, rl);
      } else if (typed !== "") {
        await send({ type: "message", message: { type: "text", id: randomBytes(8).toString("hex"), quoteToken: "q", text: raw } });
      }
      rl.prompt();
    }
    over = true;
    rl.close();
    await closed;
  } finally {
    unwatch();
  }
}

async function tap(choice: TerminalChoice, send: SendEvent, rl: Interface): Promise<void> {
  const { action } = choice;
  if (action.type === "postback") {
    await send({ type: "postback", postback: { data: String(action.data) } });
  } else if (action.type === "datetimepicker") {
    const mode = String(action.mode);
    const [what, example] = mode === "date" ? ["日付", "2026-12-01"] : mode === "time" ? ["時刻", "21:00"] : ["日時", "2026-12-01T21:00"];
    const picked = (await rl.question(`  ${what}を入力（例 ${example}）> `)).trim();
    await send({ type: "postback", postback: { data: String(action.data), params: { [mode]: picked } } });
  } else if (action.type === "message") {
    await send({
      type: "message",
      message: { type: "text", id: randomBytes(8).toString("hex"), quoteToken: "q", text: String(action.text) },
    });
  }
}
