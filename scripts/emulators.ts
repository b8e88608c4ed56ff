/**
 * `npm run emulators`: the deploy unit in Firebase's own emulators (Functions, Firestore,
 * Cloud Tasks, Authentication, and Hosting serving the consultants' console with `/api/**` on
 * `consoleApi`; UI off, offline), with the LINE stand-in in place of LINE's API. Builds the
 * bundle and the console page first, and makes a consultant account in the Auth emulator.
 * Prints the webhook's URL, the stand-in's channel secret and token, the console's address and
 * sign-in, and how to run the reminder job once; Ctrl-C stops everything. REMINDER_DELIVERY (single or
 * fanout, default fanout here, so the task queue is exercised) is passed to the functions.
 */
import { randomBytes } from "node:crypto";
import { loadAuth } from "../src/console/server";
import { buildConsoleHosting } from "./build-console";
import { buildFunctions } from "./build-functions";
import { addConsultant } from "./lib/consultant-accounts";
import { EMULATOR_PORTS, EMULATOR_PROJECT, startFirebaseEmulators } from "./lib/firebase-emulators";
import { startLineStandIn } from "./lib/line-stand-in";
import { LOCAL_CONSULTANT } from "./lib/local-console";

async function main(): Promise<void> {
  await buildFunctions();
  await buildConsoleHosting();
  const channelSecret = randomBytes(16).toString("hex");
  const channelAccessToken = randomBytes(16).toString("hex");
  const line = await startLineStandIn({ channelAccessToken, channelSecret });
  line.on("sent", (batch) => console.log(`LINE stand-in: ${batch.kind} to ${batch.to.join(",") || batch.replyToken}`));
  const emulators = await startFirebaseEmulators({
    lineApiBaseUrl: line.url,
    channelSecret,
    channelAccessToken,
    env: { REMINDER_DELIVERY: process.env.REMINDER_DELIVERY ?? "fanout" },
  });
  process.env.FIREBASE_AUTH_EMULATOR_HOST = emulators.authHost;
  await addConsultant(loadAuth(EMULATOR_PROJECT), LOCAL_CONSULTANT.email, LOCAL_CONSULTANT.password);
  console.log(
    [
      `Emulators ready (project ${EMULATOR_PROJECT}).`,
      `Consultants' console: ${emulators.hostingUrl}/ (sign in as ${LOCAL_CONSULTANT.email} / ${LOCAL_CONSULTANT.password}; ` +
        `more with FIREBASE_AUTH_EMULATOR_HOST=${emulators.authHost} GOOGLE_CLOUD_PROJECT=${EMULATOR_PROJECT} npm run consultants -- add <email>)`,
      `Auth emulator: http://${emulators.authHost} (Firestore 127.0.0.1:${EMULATOR_PORTS.firestore}, Functions 127.0.0.1:${EMULATOR_PORTS.functions})`,
      `Webhook: ${emulators.functionUrl("webhook")} (channel secret ${channelSecret})`,
      `LINE stand-in: ${line.url} (access token ${channelAccessToken})`,
      `Run the reminder job once: curl -X POST -H 'content-type: application/json' -d '{}' http://127.0.0.1:5001/functions/projects/${EMULATOR_PROJECT}/triggers/asia-northeast1-reminders-0`,
      "Ctrl-C stops.",
    ].join("\n"),
  );
  const stop = () => {
    void emulators
      .stop()
      .then(() => line.close())
      .then(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
