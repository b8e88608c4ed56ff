/**
 * `npm run consultants -- add|remove|list [<email>]`: who may use the consultants' console.
 * `add` gives the account the `consultant` claim (creating it with a one-time password, printed
 * once, when there is none); `list` prints every consultant. `remove` removes the whole
 * consultant: it takes the claim and signs the account out, then their LINE linked with
 * 「LINEとつなぐ」 stops being a consultant, and every hand-over they took (in the console or in
 * LINE) ends politely, as a consultant's 終了 ends it. Running it again finishes a removal that
 * stopped half-way.
 *
 * Reads GOOGLE_CLOUD_PROJECT, FIREBASE_AUTH_EMULATOR_HOST and FIRESTORE_EMULATOR_HOST for the
 * local emulators; with a real project it uses the Google credentials of this machine
 * (`gcloud auth application-default login`). `remove` also needs LINE's access token, to tell the
 * clients: LINE_CHANNEL_ACCESS_TOKEN (and LINE_API_BASE_URL), else the one in Secret Manager,
 * read with the Firebase login `npm run setup` made. Exits 2 for a usage problem, 1 when it failed.
 */
import { loadStatsConfig } from "../src/config";
import { loadAuth } from "../src/console/server";
import { createJsonLogger } from "../src/log";
import { usageExit } from "./lib/command-args";
import { configOrExit } from "./lib/config-or-exit";
import { addConsultant, listConsultants, removeConsultant } from "./lib/consultant-accounts";
import { removeLineSide } from "./lib/consultant-removal";
import { lineTokenFromSetup } from "./lib/setup-token";

const USAGE = "npm run consultants -- add <email> | remove <email> | list";

async function main(): Promise<void> {
  const [verb, email, ...rest] = process.argv.slice(2);
  if (rest.length > 0 || !(verb === "list" ? email === undefined : (verb === "add" || verb === "remove") && email?.includes("@")))
    usageExit(USAGE, "Say what to do, and for add and remove the consultant's e-mail address.");
  const auth = loadAuth(process.env.GOOGLE_CLOUD_PROJECT || process.env.GCLOUD_PROJECT || undefined);
  if (verb === "list") {
    const emails = await listConsultants(auth);
    process.stdout.write(emails.length === 0 ? "No consultants yet.\n" : `${emails.join("\n")}\n`);
  } else if (verb === "add") {
    const outcome = await addConsultant(auth, email);
    if (outcome.kind === "created")
      process.stdout.write(`Created ${email} as a consultant. One-time password (give it to them privately): ${outcome.password}\n`);
    else process.stdout.write(outcome.kind === "added" ? `${email} is now a consultant.\n` : `${email} was a consultant already.\n`);
  } else {
    await remove(auth, email);
  }
}

/** `remove`: the account's claim first (it stops the console at once), then their LINE and hand-overs. */
async function remove(auth: ReturnType<typeof loadAuth>, email: string): Promise<void> {
  // Firestore as `npm run stats` reaches it; LINE's token is optional there and needed here.
  const config = configOrExit(loadStatsConfig);
  if (process.env.FIREBASE_AUTH_EMULATOR_HOST && config.firestoreEmulatorHost === undefined)
    usageExit(USAGE, "With the Auth emulator, set FIRESTORE_EMULATOR_HOST too: the consultant's LINE and hand-overs are in Firestore.");
  const { wasConsultant, uid } = await removeConsultant(auth, email);
  process.stdout.write(wasConsultant ? `${email} can no longer use the console.\n` : `${email} had no console access.\n`);
  config.lineChannelAccessToken ??= await lineTokenFromSetup();
  // What went wrong goes to stderr as the functions log it; what went well is said below.
  const json = createJsonLogger((line) => process.stderr.write(`${line}\n`));
  const outcome = await removeLineSide({ uid: uid ?? "", email }, config, { ...json, info: () => {} });
  if (outcome.kind === "noToken") {
    process.stderr.write(
      "Their hand-overs were not ended: telling the clients needs LINE's access token. Set LINE_CHANNEL_ACCESS_TOKEN, " +
        "or run this where npm run setup ran, and run the same command again.\n",
    );
    process.exitCode = 1;
    return;
  }
  const { summary } = outcome;
  if (summary.removed) process.stdout.write("Their LINE, linked in the console, no longer receives requests.\n");
  if (summary.handedBack > 0)
    process.stdout.write(`${summary.handedBack} client(s) in a hand-over with them went back to the bot and were told so.\n`);
  if (summary.failed > 0) {
    process.stderr.write(`${summary.failed} hand-over(s) could not be ended; run the same command again.\n`);
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`npm run consultants failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
