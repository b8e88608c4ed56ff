/**
 * The baselines the bot is measured against: the simplest LINE bot that could work. An
 * echo bot (Express, the LINE SDK's signature middleware, one reply, no storage) and the
 * same bot with one Firestore transaction per message (one get, one set), which is the
 * least a bot that remembers anything must do. Used in-process by the turn benchmark and
 * bundled as a Cloud Function by the cold-start benchmark (see `echo-function.ts`).
 */
import { messagingApi, middleware, type webhook } from "@line/bot-sdk";
import type { Firestore } from "@google-cloud/firestore";
import type * as FirestoreModule from "@google-cloud/firestore";
import type * as GoogleAuth from "google-auth-library";
import express, { type Express } from "express";

/** What an echo bot needs. */
export interface EchoBotOptions {
  channelSecret: string;
  channelAccessToken: string;
  /** LINE's API origin (the stand-in in the benchmarks). */
  baseURL: string;
  /** When given, each text message also runs one transaction on `echo/{userId}`; called on first use. */
  firestore?: () => Firestore;
}

/** The echo bot, with or without the one transaction; answers `/webhook` and `/`. */
export function createEchoApp(options: EchoBotOptions): Express {
  const client = new messagingApi.MessagingApiClient({ channelAccessToken: options.channelAccessToken, baseURL: options.baseURL });
  let db: Firestore | undefined;
  const remember = async (userId: string) => {
    if (!options.firestore) return;
    db ??= options.firestore();
    const ref = db.collection("echo").doc(userId);
    await db.runTransaction(async (tx) => {
      const snapshot = await tx.get(ref);
      tx.set(ref, { messages: ((snapshot.get("messages") as number | undefined) ?? 0) + 1, updatedAt: new Date() });
    });
  };
  const echo = async (event: webhook.Event) => {
    if (event.type !== "message" || event.message.type !== "text" || !event.replyToken) return;
    const userId = event.source?.type === "user" ? event.source.userId : undefined;
    if (userId) await remember(userId);
    await client.replyMessage({ replyToken: event.replyToken, messages: [{ type: "text", text: event.message.text }] });
  };
  const app = express();
  app.post(["/webhook", "/"], express.raw({ type: () => true }), middleware({ channelSecret: options.channelSecret }), async (req, res) => {
    await Promise.all((req.body as { events: webhook.Event[] }).events.map(echo));
    res.status(200).json({});
  });
  return app;
}

/**
 * A Firestore client configured as the bot's (`src/server.ts`): REST, and for the emulator
 * no credentials. Kept separate so that the echo bundle carries none of the bot's code.
 */
export function echoFirestore(projectId: string, emulatorHost: string | undefined): Firestore {
  const { Firestore: Client } = require("@google-cloud/firestore") as typeof FirestoreModule;
  const emulator = emulatorHost
    ? {
        host: emulatorHost,
        ssl: false,
        authClient: new (require("google-auth-library") as typeof GoogleAuth).PassThroughClient({
          transporterOptions: { fetchImplementation: fetch },
        }),
      }
    : {};
  return new Client({ projectId, ...emulator, preferRest: true, ignoreUndefinedProperties: true });
}
