/**
 * The echo baseline as a Cloud Function, bundled by the cold-start benchmark exactly as
 * `npm run build` bundles the bot. `ECHO_TRANSACTION=1` adds the one Firestore transaction.
 * Reads the same environment variables as the bot.
 */
import type { Express } from "express";
import { onRequest } from "firebase-functions/https";
import { createEchoApp, echoFirestore } from "./echo-bots";

let app: Express | undefined;

/** The echo webhook. */
export const webhook = onRequest({ region: "asia-northeast1" }, (req, res) => {
  const env = process.env;
  app ??= createEchoApp({
    channelSecret: env.LINE_CHANNEL_SECRET ?? "",
    channelAccessToken: env.LINE_CHANNEL_ACCESS_TOKEN ?? "",
    baseURL: env.LINE_API_BASE_URL ?? "https://api.line.me",
    ...(env.ECHO_TRANSACTION === "1"
      ? { firestore: () => echoFirestore(env.GOOGLE_CLOUD_PROJECT ?? "", env.FIRESTORE_EMULATOR_HOST) }
      : {}),
  });
  app(req, res);
});
