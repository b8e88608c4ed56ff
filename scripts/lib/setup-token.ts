/**
 * LINE's channel access token for an operator's command run without LINE_CHANNEL_ACCESS_TOKEN:
 * read from Secret Manager with the Firebase login `npm run setup` made, for the project the
 * setup chose, into the command's memory only (never printed or written down).
 */
import { join } from "node:path";
import { realFirebaseCli } from "./setup/firebase-cli";
import { readSetupState, stateFile } from "./setup/state";

const ROOT = join(__dirname, "..", "..");

/** The access token from Secret Manager, for the project the setup chose; undefined when there is none. */
export async function lineTokenFromSetup(): Promise<string | undefined> {
  const project = readSetupState(stateFile(ROOT, false)).projectId;
  if (project === undefined) return undefined;
  const read = await realFirebaseCli(ROOT).run(["functions:secrets:access", "LINE_CHANNEL_ACCESS_TOKEN", "--project", project]);
  const token = read.output.trim().split(/\r?\n/).at(-1);
  return read.status === 0 && token ? token : undefined;
}
