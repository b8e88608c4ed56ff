/**
 * `npm start`: the whole bot on this machine. Starts the Firestore emulator (unless
 * FIRESTORE_EMULATOR_HOST names one), the LINE API stand-in and the webhook server, then
 * opens a chat in this terminal where you are the LINE user. Every message goes over
 * real HTTP with a real signature, so what you see is what LINE would get.
 *
 * Options: --user <id> continues as that LINE user id; --new-user starts as a new one;
 * --web serves the chat as a LINE-like page in the browser instead (see scripts/lib/web-chat).
 * In the chat: a number taps that quick reply; /sticker, /follow, /unfollow send those
 * events; /help lists these; Ctrl-C or /quit stops everything.
 */
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync, createWriteStream } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline/promises";
import { loadConfig } from "../src/config";
import { createJsonLogger } from "../src/log";
import { createFirestore, createServerApp } from "../src/server";
import { USERS } from "../src/store/firestore-store";
import { freePort, startFirestoreEmulator, type RunningEmulator } from "./lib/firestore-emulator";
import { startLineStandIn, type SentBatch } from "./lib/line-stand-in";
import { parseOptions } from "./lib/command-args";
import { choicesOf, renderChoices, renderMessage, type TerminalChoice } from "./lib/terminal-view";
import { startWebChat } from "./lib/web-chat/server";
import { postEvents } from "./lib/webhook-client";

const LOCAL_DIR = join(__dirname, "..", ".local");
const USER_FILE = join(LOCAL_DIR, "chat-user.txt");
const PROJECT_ID = process.env.GOOGLE_CLOUD_PROJECT ?? "demo-will-note";
/** The token the local stand-in accepts; not a secret, it only exists on this machine. */
const LOCAL_ACCESS_TOKEN = "local-dev-token";
/** A stand-in consultant whose hand-off pushes the chat shows. */
const LOCAL_OPERATOR_ID = `U${"0".repeat(32)}`;

async function portOr(preferred: number): Promise<number> {
  const { createServer } = await import("node:net");
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once("error", () => void freePort().then(resolve));
    probe.listen(preferred, "127.0.0.1", () => probe.close(() => resolve(preferred)));
  });
}

/** The chat's options, read before anything starts so that a mistyped one costs nothing. */
function parseStartOptions(): { user: string | undefined; newUser: boolean; web: boolean } {
  const values = parseOptions("npm start [-- --user <LINE user id> | --new-user] [--web]", {
    user: { type: "string" },
    "new-user": { type: "boolean", default: false },
    web: { type: "boolean", default: false },
  });
  return { user: values.user, newUser: values["new-user"], web: values.web };
}

/** The LINE user id to chat as: `--user`, else the last one (unless `--new-user`), else a new one. */
function chatUserId(options: { user: string | undefined; newUser: boolean }): string {
  if (options.user) return options.user;
  if (!options.newUser && existsSync(USER_FILE)) return readFileSync(USER_FILE, "utf8").trim();
  const id = `U${randomBytes(16).toString("hex")}`;
  writeFileSync(USER_FILE, id);
  return id;
}

async function main(): Promise<void> {
  const options = parseStartOptions();
  mkdirSync(LOCAL_DIR, { recursive: true });
  const out = (lines: string[] | string) => process.stdout.write(`${([] as string[]).concat(lines).join("\n")}\n`);
  const cleanups: (() => Promise<void>)[] = [];
  const stopAll = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
  };

  try {
    let emulator: RunningEmulator | undefined;
    let firestoreHost = process.env.FIRESTORE_EMULATOR_HOST;
    if (!firestoreHost) {
      out("Firestore エミュレーターを起動しています…");
      emulator = await startFirestoreEmulator({ port: await portOr(8086) });
      cleanups.push(() => emulator!.stop());
      firestoreHost = emulator.host;
    }
    process.env.FIRESTORE_EMULATOR_HOST = firestoreHost;
    process.env.METADATA_SERVER_DETECTION = "none";

    const channelSecret = randomBytes(16).toString("hex");
    const line = await startLineStandIn({ channelAccessToken: LOCAL_ACCESS_TOKEN, channelSecret, port: await portOr(8090) });
    cleanups.push(() => line.close());

    const config = loadConfig({
      PORT: String(await portOr(8080)),
      LINE_CHANNEL_SECRET: channelSecret,
      LINE_CHANNEL_ACCESS_TOKEN: LOCAL_ACCESS_TOKEN,
      LINE_API_BASE_URL: line.url,
      FIRESTORE_EMULATOR_HOST: firestoreHost,
      GOOGLE_CLOUD_PROJECT: PROJECT_ID,
      OPERATOR_LINE_IDS: process.env.OPERATOR_LINE_IDS ?? LOCAL_OPERATOR_ID,
      BOOKING_URL: process.env.BOOKING_URL ?? "https://example.com/booking",
    });
    const logFile = createWriteStream(join(LOCAL_DIR, "webhook.log"), { flags: "a" });
    cleanups.push(() => new Promise((resolve) => logFile.end(resolve)));
    const server = createServerApp(
      config,
      createJsonLogger((text) => logFile.write(`${text}\n`)),
    ).listen(config.port, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    cleanups.push(
      () =>
        new Promise((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        }),
    );
    const webhookUrl = `http://127.0.0.1:${config.port}/webhook`;

    const user = chatUserId(options);
    out([
      "",
      "WILLノート ローカル環境",
      `  webhook:   ${webhookUrl}  (ログ: .local/webhook.log)`,
      `  LINE API:  ${line.url}  (ローカルの代役サーバー)`,
      `  Firestore: ${firestoreHost}  (project ${PROJECT_ID})`,
      "  別のターミナルから使うとき:",
      `    export FIRESTORE_EMULATOR_HOST=${firestoreHost} GOOGLE_CLOUD_PROJECT=${PROJECT_ID} LINE_API_BASE_URL=${line.url} LINE_CHANNEL_ACCESS_TOKEN=${LOCAL_ACCESS_TOKEN}`,
      "",
    ]);

    if (options.web) {
      const db = createFirestore({ projectId: PROJECT_ID, firestoreEmulatorHost: firestoreHost });
      cleanups.push(() => db.terminate());
      const web = await startWebChat({
        webhookUrl,
        channelSecret,
        line,
        operatorIds: config.operatorLineIds,
        isKnownUser: async (id) => (await db.collection(USERS).doc(id).get()).exists,
        port: await portOr(8070),
      });
      cleanups.push(() => web.close());
      out([
        `ブラウザで開いてください: ${web.url}?user=${user}`,
        `  ${web.url} を開くと、タブごとに新しい LINE ユーザーになります。Ctrl-C で終了。`,
        "",
      ]);
      await new Promise<void>((resolve) => {
        process.once("SIGINT", resolve);
        process.once("SIGTERM", resolve);
      });
      return;
    }
    out(["あなたは LINE のユーザーです。番号を入力するとボタンをタップできます。/help で操作一覧、Ctrl-C で終了。", ""]);

    let choices: TerminalChoice[] = [];
    const myReplyTokens = new Set<string>();
    const show = (batch: SentBatch) => {
      if (batch.kind !== "reply" && batch.to.some((id) => config.operatorLineIds.includes(id))) {
        out(["（相談員に届いたプッシュ）", ...batch.messages.flatMap(renderMessage)]);
        return;
      }
      const mine = batch.replyToken ? myReplyTokens.has(batch.replyToken) : batch.to.includes(user);
      if (!mine) return;
      if (batch.kind !== "reply") out("（プッシュ通知）");
      for (const message of batch.messages) {
        out(renderMessage(message));
        const offered = choicesOf(message);
        if (offered.length > 0) choices = offered;
      }
      out(renderChoices(choices));
    };
    line.on("sent", show);

    let timestamp = Date.now();
    const send = async (event: Record<string, unknown>) => {
      const replyToken = randomBytes(16).toString("hex");
      myReplyTokens.add(replyToken);
      choices = [];
      timestamp = Math.max(timestamp + 1, Date.now());
      const status = await postEvents(webhookUrl, channelSecret, [
        {
          mode: "active",
          timestamp,
          source: { type: "user", userId: user },
          webhookEventId: `01${randomBytes(12).toString("hex").toUpperCase()}`,
          deliveryContext: { isRedelivery: false },
          ...(event.type === "unfollow" ? {} : { replyToken }),
          ...event,
        },
      ]);
      if (status !== 200) out(`（webhook が ${status} を返しました。.local/webhook.log を確認してください）`);
    };

    const db = createFirestore({ projectId: PROJECT_ID, firestoreEmulatorHost: firestoreHost });
    const known = (await db.collection(USERS).doc(user).get()).exists;
    await db.terminate();
    if (known) out("（前回の続きです。「ヘルプ」で使い方を表示します）");
    else await send({ type: "follow", follow: { isUnblocked: false } });

    const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
    rl.setPrompt("あなた> ");
    rl.prompt();
    const closed = new Promise<void>((resolve) => rl.once("close", resolve));
    process.once("SIGINT", () => rl.close());
    for await (const raw of rl) {
      const typed = raw.trim();
      if (typed === "/quit") break;
      if (typed === "/help") {
        out(["  番号: ボタンをタップ  /sticker: スタンプを送る  /follow: 友だち追加  /unfollow: ブロック  /quit: 終了"]);
      } else if (typed === "/sticker") {
        await send({
          type: "message",
          message: { type: "sticker", id: "1", packageId: "446", stickerId: "1988", stickerResourceType: "STATIC" },
        });
      } else if (typed === "/follow" || typed === "/unfollow") {
        await send({ type: typed.slice(1), ...(typed === "/follow" ? { follow: { isUnblocked: true } } : {}) });
      } else if (/^\d+$/.test(typed) && choices[Number(typed) - 1]) {
        const choice = choices[Number(typed) - 1];
        out(`あなた（タップ）: ${choice.label}`);
        await tap(choice, send, rl);
      } else if (typed !== "") {
        await send({ type: "message", message: { type: "text", id: randomBytes(8).toString("hex"), quoteToken: "q", text: raw } });
      }
      rl.prompt();
    }
    rl.close();
    await closed;
  } finally {
    process.stdout.write("\n終了しています…\n");
    await stopAll();
  }
}

async function tap(
  choice: TerminalChoice,
  send: (event: Record<string, unknown>) => Promise<void>,
  rl: ReturnType<typeof createInterface>,
): Promise<void> {
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

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
