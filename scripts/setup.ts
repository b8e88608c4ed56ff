/**
 * `npm run setup`: the guided setup of a new bot, for a career consultant rather than an
 * engineer. It asks one thing at a time, checks each step before the next, and keeps a small
 * state file (`.local/setup-state.json`, no secrets), so running it again continues where it
 * stopped.
 *
 *   npm run setup                              the whole setup against Google and LINE
 *   npm run setup -- --local                   the same, start to finish, on this machine only
 *   npm run setup -- --add-consultant          a one-time code for a consultant's LINE
 *   npm run setup -- --list-consultants        who receives 相談したい
 *   npm run setup -- --remove-consultant <id>  removes one; their clients go back to the bot
 *   npm run setup -- --update                  in a release's folder: says its version, restores kept
 *                                              settings, installs, deploys, checks (also to roll back)
 *   npm run setup -- --update --local          the same against the practice stack
 *   npm run setup -- --restart                 forgets the progress and starts from the first step
 */
import { rmSync } from "node:fs";
import { join } from "node:path";
import { LINE_API_DEFAULT_BASE_URL } from "../src/config";
import { parseOptions, usageExit } from "./lib/command-args";
import { listConsultants, removeConsultant, type AdminTarget } from "./lib/setup/admin-client";
import { copy, fillCopy, showElapsed } from "./lib/setup/copy";
import type { SetupContext } from "./lib/setup/context";
import { estimateCost } from "./lib/setup/cost";
import { dryRunFirebaseCli, realFirebaseCli } from "./lib/setup/firebase-cli";
import { deploySteps, googleSteps } from "./lib/setup/google-steps";
import { InputClosedError, terminalIo } from "./lib/setup/io";
import { lineKeysStep, lineSteps, pairOne } from "./lib/setup/line-steps";
import { startPracticeStack } from "./lib/setup/practice-stack";
import { runSteps } from "./lib/setup/runner";
import { settingsHome } from "./lib/setup/settings";
import { readSetupState, stateFile, writeSetupState } from "./lib/setup/state";
import { npmCi, updateSteps } from "./lib/setup/update";

const ROOT = join(__dirname, "..");
const USAGE =
  "npm run setup [-- --local] [--restart] | -- --add-consultant | -- --list-consultants | -- --remove-consultant <LINE user id> | -- --update [--local]";

async function main(): Promise<void> {
  const options = parseOptions(USAGE, {
    local: { type: "boolean", default: false },
    restart: { type: "boolean", default: false },
    update: { type: "boolean", default: false },
    "add-consultant": { type: "boolean", default: false },
    "list-consultants": { type: "boolean", default: false },
    "remove-consultant": { type: "string" },
  });
  const admin = options["add-consultant"] || options["list-consultants"] || options["remove-consultant"] !== undefined;
  if (options.local && admin) usageExit(USAGE, "--local runs the whole practice setup, consultants included.");
  const file = stateFile(ROOT, options.local);
  if (options.restart) rmSync(file, { force: true });
  const state = readSetupState(file);
  const interrupted = interruption();
  const io = terminalIo();
  const practice = options.local ? await startPracticeStack() : null;
  const context: SetupContext = {
    root: ROOT,
    io,
    state,
    firebase: practice !== null ? dryRunFirebaseCli(io) : realFirebaseCli(ROOT),
    lineBaseUrl: practice?.line.url ?? process.env.LINE_API_BASE_URL ?? LINE_API_DEFAULT_BASE_URL,
    practice,
    keys: null,
    settingsHome: settingsHome(),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  };
  const save = () => writeSetupState(file, state);
  const work = admin
    ? consultants(context, options["add-consultant"], options["remove-consultant"])
    : options.update
      ? update(context, save)
      : setup(context, save);
  const done = work.then((open) => (open === true ? ("open" as const) : ("done" as const)));
  // After an interruption the work may still fail (its input closed); that is expected then.
  done.catch(() => undefined);
  try {
    const outcome = await Promise.race([done, interrupted]);
    if (outcome === "interrupted") {
      io.say(`\n${copy.interrupted}`);
      process.exitCode = 130;
    } else if (outcome === "open") {
      await interrupted;
    }
  } catch (error) {
    if (!(error instanceof InputClosedError)) throw error;
    process.exitCode = 1;
  } finally {
    io.close();
    await practice?.stop();
  }
  // A wait left behind by the interruption (a pairing code being watched) must not keep the process.
  if (process.exitCode === 130) process.exit(130);
}

/**
 * Resolves when the operator stops the setup: Ctrl-C (which the terminal passes on as SIGINT,
 * see terminalIo), SIGTERM, or the terminal window closed (SIGHUP, or its input ending). The
 * practice stack is then stopped before the process ends, so no emulator is left running and no
 * key file is left.
 */
function interruption(): Promise<"interrupted"> {
  // A closed terminal fails every later write (EIO); that must not end the process before it cleans up.
  for (const stream of [process.stdout, process.stderr]) stream.on("error", () => undefined);
  return new Promise((resolve) => {
    for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.once(signal, () => resolve("interrupted"));
    // A terminal that is closed may end the input before any signal arrives.
    if (process.stdin.isTTY) process.stdin.once("end", () => resolve("interrupted"));
  });
}

/** The whole setup, step by step; resolves true when it ends as a practice run whose bot stays up until Ctrl-C. */
async function setup(context: SetupContext, save: () => void): Promise<boolean> {
  const { io, practice, state } = context;
  const started = Date.now();
  io.say(practice !== null ? `${copy.welcome}\n${copy.welcomeLocal}` : copy.welcome);
  const steps = [...googleSteps(), lineKeysStep(), ...deploySteps(), ...lineSteps()];
  if ((await runSteps(steps, context, { io, state, save })) !== null) {
    process.exitCode = 1;
    return false;
  }
  io.say(copy.finished);
  for (const line of estimateCost(state.expectedClients ?? 1, state.reminder ?? "weekly").lines) io.say(`  ${line}`);
  if (practice !== null) io.say(fillCopy(copy.finishedLocal, { time: showElapsed(Date.now() - started) }));
  return practice !== null;
}

/** The channel secret from Secret Manager, read into memory only, to sign requests to the bot. */
async function secretTarget(context: SetupContext): Promise<AdminTarget | null> {
  const { state } = context;
  if (state.functionUrl === undefined || state.projectId === undefined) return null;
  const read = await context.firebase.run(["functions:secrets:access", "LINE_CHANNEL_SECRET", "--project", state.projectId]);
  const secret = read.output.trim().split(/\r?\n/).at(-1) ?? "";
  return read.status === 0 && secret !== "" ? { baseUrl: state.functionUrl, channelSecret: secret } : null;
}

async function consultants(context: SetupContext, add: boolean, remove: string | undefined): Promise<void> {
  const { io } = context;
  const target = await secretTarget(context);
  if (target === null) {
    io.say(copy.testPushNone);
    process.exitCode = 1;
    return;
  }
  if (add) {
    const paired = await pairOne(context, target);
    io.say(paired.ok ? fillCopy(copy.consultantPaired, { name: paired.lines?.[0] ?? "" }) : paired.problem);
    if (!paired.ok) process.exitCode = 1;
  } else if (remove !== undefined) {
    const summary = await removeConsultant(target, remove);
    io.say(summary.removed ? fillCopy(copy.consultantRemoved, { count: summary.handedBack }) : copy.consultantNotFound);
    if (summary.account !== null) io.say(fillCopy(copy.consultantRemovedAccount, { email: summary.account }));
  } else {
    const list = await listConsultants(target);
    io.say(list.configured.length === 0 ? copy.consultantNone : fillCopy(copy.consultantList, { count: list.configured.length }));
    for (const id of list.configured) {
      const paired = list.paired.find((consultant) => consultant.lineUserId === id);
      io.say(`  ${id}${paired ? `  ${paired.displayName ?? ""}（${paired.pairedAt.toISOString().slice(0, 10)}）` : "  OPERATOR_LINE_IDS"}`);
    }
  }
}

/** `--update` (scripts/lib/setup/update.ts); resolves true when, in practice, the bot stays up for the web chat until Ctrl-C. */
async function update(context: SetupContext, save: () => void): Promise<boolean> {
  const { io, practice, state } = context;
  if ((await runSteps(updateSteps(npmCi), context, { io, state, save })) !== null) {
    process.exitCode = 1;
    return false;
  }
  io.say(copy.updated);
  if (practice !== null) io.say(fillCopy(copy.updatedLocal, { url: await practice.webChat() }));
  return practice !== null;
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
