/**
 * What every step of the setup shares: the conversation, the state file, the Firebase CLI
 * (run for real, or printed in the practice run), the LINE API's address, the practice stack
 * when there is one, and the LINE keys, which live only here, in memory, for this run.
 */
import type { FirebaseCli } from "./firebase-cli";
import type { SetupIo } from "./io";
import type { LineKeys } from "./line-checks";
import type { PracticeStack } from "./practice-stack";
import type { SetupState } from "./state";

/** The setup's shared context. */
export interface SetupContext {
  /** The project folder. */
  root: string;
  io: SetupIo;
  state: SetupState;
  firebase: FirebaseCli;
  /** LINE's API origin (the stand-in's in the practice run). */
  lineBaseUrl: string;
  /** The practice stack of `--local`; null for a real setup. */
  practice: PracticeStack | null;
  /** The keys pasted in this run; never written anywhere. */
  keys: LineKeys | null;
  /** Where settings are kept outside the project folder. */
  settingsHome: string;
  /** Waits between checks (polling a pairing code, retrying a deploy); tests pass a short one. */
  sleep(ms: number): Promise<void>;
}

/** The project id chosen in the project step (the emulators' in practice). */
export function projectOf(context: SetupContext): string {
  return context.state.projectId ?? "";
}

/** Whether `answer` means yes. */
export function isYes(answer: string): boolean {
  return ["はい", "y", "yes", "ok", "うん"].includes(answer.trim().toLowerCase());
}
