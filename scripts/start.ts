/**
 * `npm start`: the whole bot on this machine. Starts the Firestore emulator (unless
 * FIRESTORE_EMULATOR_HOST names one), the LINE API stand-in and the webhook server, then
 * opens a chat in this terminal where you are the LINE user. Every message goes over
 * real HTTP with a real signature, so what you see is what LINE would get.
 *
 * Options: --user <id> continues as that LINE user id; --new-user starts as a new one;
 * --web serves the chat as a LINE-like page in the browser instead (see scripts/lib/web-chat).
 * In the chat (scripts/lib/terminal-chat): a number taps that button; /sticker, /follow,
 * /unfollow send those events; /help lists these; Ctrl-C or /quit stops everything.
 *
 * While it runs, `npm start -- --operator` in a second terminal starts nothing: it joins this
 * stack (through .local/stack.json, which this one writes and removes) with a chat as the
 * consultant (the first of OPERATOR_LINE_IDS, else a local stand-in id; --user picks another of
 * them), who gets the hand-off pushes and takes a client over with a tap.
 */
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync, createWriteStream } from "node:fs";
import { join } from "node:path";
import { loadConfig } from "../src/config";
import { createJsonLogger } from "../src/log";
import { createFirestore, createServerApp } from "../src/server";
import { USERS } from "../src/store/firestore-store";
import { freePort, startFirestoreEmulator, type RunningEmulator } from "./lib/firestore-emulator";
import { startLineStandIn, type LineStandIn } from "./lib/line-stand-in";
import { deployToStandIn } from "./lib/richmenu-stages";
import { parseOptions, usageExit } from "./lib/command-args";
import { readFeed, readStackFile, removeStackFile, writeStackFile, type FeedReading } from "./lib/local-stack";
import { out, runTerminalChat, type TerminalMenu } from "./lib/terminal-chat";
import { renderMessage } from "./lib/terminal-view";
import { startWebChat } from "./lib/web-chat/server";
import { LOCAL_CONSULTANT, startLocalConsole } from "./lib/local-console";

/** Where the chat keeps its files (git-ignored); WILL_LOCAL_DIR moves them, for tests. */
const LOCAL_DIR = process.env.WILL_LOCAL_DIR ?? join(__dirname, "..", ".local");
const USER_FILE = join(LOCAL_DIR, "chat-user.txt");
const PROJECT_ID = process.env.GOOGLE_CLOUD_PROJECT ?? "demo-will-note";
/** The token the local stand-in accepts; not a secret, it only exists on this machine. */
const LOCAL_ACCESS_TOKEN = "local-dev-token";
/** A stand-in consultant whose hand-off pushes the chat shows. */
const LOCAL_OPERATOR_ID = `U${"0".repeat(32)}`;

/** Fetches an image the bot sent and keeps it in `dir`; resolves its path, or null when it could not be fetched. */
async function saveImage(url: string, dir: string): Promise<string | null> {
  try {
    const response = await fetch(url);
    if (!response.ok) return null;
    mkdirSync(dir, { recursive: true });
    const path = join(dir, `sheet-${new Date().toISOString().replace(/[:.]/g, "-")}.png`);
    writeFileSync(path, Buffer.from(await response.arrayBuffer()));
    return path;
  } catch {
    return null;
  }
}

async function portOr(preferred: number): Promise<number> {
  const { createServer } = await import("node:net");
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once("error", () => void freePort().then(resolve));
    probe.listen(preferred, "127.0.0.1", () => probe.close(() => resolve(preferred)));
  });
}

const USAGE = "npm start [-- --user <LINE user id> | --new-user] [--web]  |  npm start -- --operator [--user <consultant's LINE user id>]";

/** The chat's options, read before anything starts so that a mistyped one costs nothing. */
function parseStartOptions(): { user: string | undefined; newUser: boolean; web: boolean; operator: boolean } {
  const values = parseOptions(USAGE, {
    user: { type: "string" },
    "new-user": { type: "boolean", default: false },
    web: { type: "boolean", default: false },
    operator: { type: "boolean", default: false },
  });
  if (values.operator && (values.web || values["new-user"]))
    usageExit(USAGE, "--operator joins a running npm start; it takes no --web or --new-user.");
  return { user: values.user, newUser: values["new-user"], web: values.web, operator: values.operator };
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
  if (options.operator) return attachOperator(options.user);
  mkdirSync(LOCAL_DIR, { recursive: true });
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
    // The rich menus of every stage, as `npm run richmenu -- --deploy` puts them on a channel.
    await deployToStandIn(join(__dirname, ".."), line.url, LOCAL_ACCESS_TOKEN);

    const port = await portOr(8080);
    const config = loadConfig({
      PORT: String(port),
      // The sheets' links lead to this machine (LINE itself would need the https address).
      PUBLIC_URL: `http://127.0.0.1:${port}`,
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
    writeStackFile(LOCAL_DIR, {
      pid: process.pid,
      webhookUrl,
      channelSecret,
      lineUrl: line.url,
      channelAccessToken: LOCAL_ACCESS_TOKEN,
      operatorIds: config.operatorLineIds,
    });
    cleanups.push(() => Promise.resolve(removeStackFile(LOCAL_DIR, process.pid)));

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
      const consoleWeb = await startLocalConsole(
        PROJECT_ID,
        firestoreHost,
        createJsonLogger((text) => logFile.write(`${text}\n`)),
        {
          lineChannelAccessToken: LOCAL_ACCESS_TOKEN,
          lineApiBaseUrl: line.url,
          bookingUrl: config.bookingUrl,
          handoverIdleHours: config.handoverIdleHours,
          handoverReplyHours: config.handoverReplyHours,
        },
      );
      cleanups.push(() => consoleWeb.close());
      const web = await startWebChat({
        webhookUrl,
        channelSecret,
        line,
        operatorIds: config.operatorLineIds,
        isKnownUser: async (id) => (await db.collection(USERS).doc(id).get()).exists,
        consoleUrl: consoleWeb.url,
        port: await portOr(8070),
      });
      cleanups.push(() => web.close());
      out([
        `ブラウザで開いてください: ${web.url}?user=${user}`,
        `  ${web.url} を開くと、タブごとに新しい LINE ユーザーになります。Ctrl-C で終了。`,
        `担当者コンソール: ${consoleWeb.url}  (ログイン: ${LOCAL_CONSULTANT.email} / ${LOCAL_CONSULTANT.password})`,
        `公式アカウントのチャット（担当者の返信の代役）: ${web.url}oa`,
        "",
      ]);
      await new Promise<void>((resolve) => {
        process.once("SIGINT", resolve);
        process.once("SIGTERM", resolve);
      });
      return;
    }
    out([
      "あなたは LINE のユーザーです。番号を入力するとボタンをタップできます。/help で操作一覧、Ctrl-C で終了。",
      "相談員の側も試すときは、別のターミナルで npm start -- --operator を実行してください。",
      "",
    ]);
    const db = createFirestore({ projectId: PROJECT_ID, firestoreEmulatorHost: firestoreHost });
    const known = (await db.collection(USERS).doc(user).get()).exists;
    await db.terminate();
    await runTerminalChat({
      userId: user,
      webhookUrl,
      channelSecret,
      speaker: "あなた",
      watch: (listener) => {
        line.on("sent", listener);
        return () => line.off("sent", listener);
      },
      aside: (batch) => {
        if (batch.kind === "reply" || !batch.to.some((id) => config.operatorLineIds.includes(id))) return null;
        // With the consultant's terminal open, the push shows there; here a line says it went.
        if (line.feedReaders() > 0) return ["（相談員に通知が届きました。内容は相談員のターミナルに表示されます）"];
        return ["（相談員に届いたプッシュ）", ...batch.messages.flatMap(renderMessage)];
      },
      menu: () => terminalMenu(line, user),
      saveImage: (url) => saveImage(url, join(LOCAL_DIR, "sheets")),
      begin: async (send) => {
        if (known) out("（前回の続きです。「ヘルプ」で使い方を表示します）");
        else await send({ type: "follow", follow: { isUnblocked: false } });
      },
    });
  } finally {
    process.stdout.write("\n終了しています…\n");
    await stopAll();
  }
}

/**
 * `npm start -- --operator`: a chat in this terminal as the consultant, on the stack that
 * `npm start` runs in another terminal (found through .local/stack.json). Pushes to the
 * consultant (the hand-off cards, with their buttons) and the replies to what they send are
 * shown; it ends when that stack stops.
 */
async function attachOperator(chosen: string | undefined): Promise<void> {
  const stack = readStackFile(LOCAL_DIR);
  const notRunning = "npm start が動いていません。先に別のターミナルで npm start を実行してください。";
  if (stack === null) return fail(notRunning);
  const operator = chosen ?? stack.operatorIds[0];
  if (operator === undefined || !stack.operatorIds.includes(operator)) {
    return fail(
      `${chosen ?? "（なし）"} は相談員の LINE ID ではありません。相談員の ID: ${stack.operatorIds.join(", ") || "（未設定）"}（OPERATOR_LINE_IDS）`,
    );
  }
  const listeners = new Set<(batch: FeedReading["history"][number]) => void>();
  let feed: FeedReading;
  try {
    feed = await readFeed(stack, (entry) => listeners.forEach((listener) => listener(entry)));
  } catch {
    return fail(notRunning);
  }
  out([
    "",
    "WILLノート 相談員のチャット（npm start の環境に接続しました）",
    `  相談員の LINE ID: ${operator}`,
    "あなたは相談員です。相談の希望が届くと、ここにプッシュ通知が表示されます。番号を入力するとボタンをタップできます。",
    "「対応 <受付番号>」「終了 <受付番号>」と送ることもできます。/help で操作一覧、Ctrl-C で終了（npm start はそのまま動きます）。",
    "",
  ]);
  try {
    await runTerminalChat({
      userId: operator,
      webhookUrl: stack.webhookUrl,
      channelSecret: stack.channelSecret,
      speaker: "相談員",
      watch: (listener) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      history: feed.history,
      historyHeading: "（接続する前に届いていたプッシュ）",
      ended: feed.ended.then(() => "npm start が終了したため、相談員のチャットも終了します。"),
    });
  } finally {
    feed.stop();
    await feed.ended;
  }
}

function fail(message: string): void {
  process.stderr.write(`${message}\n`);
  process.exitCode = 1;
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});

/** The rich menu `userId` sees at the stand-in, for the terminal chat. */
function terminalMenu(line: LineStandIn, userId: string): TerminalMenu | null {
  const menu = line.menuOf(userId);
  if (menu === null) return null;
  const { name, areas } = menu.definition as { name?: unknown; areas?: { action?: { data?: unknown; displayText?: unknown } }[] };
  const text = (value: unknown) => (typeof value === "string" ? value : "");
  return {
    name: text(name),
    tiles: (Array.isArray(areas) ? areas : []).map((area) => ({ label: text(area.action?.displayText), data: text(area.action?.data) })),
  };
}
