/**
 * What `npm run setup -- --local` sets up against instead of Google and LINE: the LINE
 * stand-in (a channel with its ID, secret and token, which the operator pastes as they would
 * from the LINE console), the deploy unit in Firebase's own emulators (Functions, Firestore,
 * Cloud Tasks) as the "deploy", and the web chat, where the operator plays the consultant.
 * All of it runs on loopback addresses and stops with the setup.
 */
import { randomBytes } from "node:crypto";
import type { Firestore } from "@google-cloud/firestore";
import { createFirestore } from "../../../src/server";
import { USERS } from "../../../src/store/firestore-store";
import { buildFunctions } from "../../build-functions";
import { EMULATOR_PORTS, EMULATOR_PROJECT, startFirebaseEmulators, type RunningFirebaseEmulators } from "../firebase-emulators";
import { startLineStandIn, type LineStandIn } from "../line-stand-in";
import { startWebChat, type WebChat } from "../web-chat/server";
import type { LineKeys } from "./line-checks";

/** The LINE id the web chat's consultant tab uses; it becomes a consultant only by pairing. */
export const PRACTICE_CONSULTANT_ID = `U${"1".repeat(32)}`;

/** The practice stack; see {@link startPracticeStack}. */
export interface PracticeStack {
  line: LineStandIn;
  /** The stand-in channel's keys, shown to the operator to paste. */
  keys: LineKeys;
  /** Starts the emulators with `settings` and the pasted keys; resolves the webhook function's URL. */
  deploy(settings: Record<string, string>, keys: LineKeys): Promise<string>;
  /** Runs the scheduled reminder function once and resolves what it logged. */
  runReminders(): Promise<string>;
  /** Starts the web chat on the deployed webhook (once); resolves the consultant tab's address. */
  webChat(): Promise<string>;
  stop(): Promise<void>;
}

/** Starts the stand-in; the emulators and the web chat start when the setup gets to them. */
export async function startPracticeStack(): Promise<PracticeStack> {
  const keys: LineKeys = {
    channelId: "2000000001",
    channelSecret: randomBytes(16).toString("hex"),
    channelAccessToken: randomBytes(32).toString("base64url"),
  };
  const line = await startLineStandIn({ ...keys });
  let emulators: RunningFirebaseEmulators | null = null;
  let web: WebChat | null = null;
  let db: Firestore | null = null;
  let functionUrl = "";
  return {
    line,
    keys,
    async deploy(settings, pasted) {
      if (emulators === null) {
        await buildFunctions();
        emulators = await startFirebaseEmulators({
          lineApiBaseUrl: line.url,
          channelSecret: pasted.channelSecret,
          channelAccessToken: pasted.channelAccessToken,
          env: { ...settings, REMINDER_DELIVERY: "single" },
        });
      }
      functionUrl = emulators.functionUrl("webhook");
      return functionUrl;
    },
    async runReminders() {
      if (emulators === null) throw new Error("the emulators are not running");
      const before = emulators.output().length;
      await emulators.runScheduled("reminders");
      return emulators.output().slice(before);
    },
    async webChat() {
      db ??= createFirestore({ projectId: EMULATOR_PROJECT, firestoreEmulatorHost: `127.0.0.1:${EMULATOR_PORTS.firestore}` });
      const firestore = db;
      web ??= await startWebChat({
        webhookUrl: functionUrl,
        channelSecret: keys.channelSecret,
        line,
        operatorIds: [PRACTICE_CONSULTANT_ID],
        isKnownUser: async (id) => (await firestore.collection(USERS).doc(id).get()).exists,
      });
      return `${web.url}?user=${PRACTICE_CONSULTANT_ID}`;
    },
    async stop() {
      await web?.close();
      await db?.terminate();
      await emulators?.stop();
      await line.close();
    },
  };
}
