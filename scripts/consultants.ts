/**
 * `npm run consultants -- add|remove|list [<email>]`: who may use the consultants' console.
 * `add` gives the account the `consultant` claim (creating it with a one-time password, printed
 * once, when there is none); `remove` takes the claim and signs the account out; `list` prints
 * every consultant. Reads GOOGLE_CLOUD_PROJECT, and FIREBASE_AUTH_EMULATOR_HOST for the local
 * Auth emulator; with a real project it uses the Google credentials of this machine
 * (`gcloud auth application-default login`). Exits 2 for a usage problem, 1 when it failed.
 */
import { loadAuth } from "../src/console/server";
import { usageExit } from "./lib/command-args";
import { addConsultant, listConsultants, removeConsultant } from "./lib/consultant-accounts";

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
    process.stdout.write(
      (await removeConsultant(auth, email)) ? `${email} is no longer a consultant.\n` : `${email} was not a consultant.\n`,
    );
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`npm run consultants failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
