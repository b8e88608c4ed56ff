/**
 * The setup's small state file: which steps are done and the operator's answers that are not
 * secret (project, Function URL, expected clients, settings). Secrets are never in it. It lives
 * under `.local/` (git-ignored); `--local` keeps its own, so practice never marks a real step done.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

/** How often the operator's clients are reminded, for the cost estimate. */
export type ReminderGuess = "weekly" | "daily" | "none";

/** What the setup remembers between runs. */
export interface SetupState {
  version: 1;
  /** Step id → when it was done (ISO time). */
  done: Record<string, string>;
  projectId?: string;
  /** The webhook function's URL (also the LINE webhook URL). */
  functionUrl?: string;
  expectedClients?: number;
  reminder?: ReminderGuess;
  /** The non-secret settings of functions/.env, as last saved. */
  settings?: Record<string, string>;
}

/** Where the state of a real setup (or, with `local`, of the practice run) is kept under `root`. */
export function stateFile(root: string, local: boolean): string {
  return join(root, ".local", local ? "setup-local-state.json" : "setup-state.json");
}

/** The state in `file`; a fresh one when there is none or it cannot be read. */
export function readSetupState(file: string): SetupState {
  if (!existsSync(file)) return { version: 1, done: {} };
  try {
    const state = JSON.parse(readFileSync(file, "utf8")) as Partial<SetupState>;
    if (state.version !== 1 || typeof state.done !== "object" || state.done === null) return { version: 1, done: {} };
    return state as SetupState;
  } catch {
    return { version: 1, done: {} };
  }
}

/** Writes `state` to `file`, readable by this user only. */
export function writeSetupState(file: string, state: SetupState): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 });
}
