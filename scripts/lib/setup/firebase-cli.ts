/**
 * The Firebase CLI as the setup runs it: the project's own firebase-tools (never a global one),
 * started with this Node so that it behaves the same in bash, zsh and PowerShell. A secret goes
 * to the command's standard input (`--data-file -`), never into its arguments, a file or the
 * screen. The dry run prints each command instead of running it and keeps the list, so a test
 * can check the exact commands of the steps that have no emulator.
 */
import { spawn } from "node:child_process";
import { join } from "node:path";
import { copy } from "./copy";
import type { SetupIo } from "./io";

/** A finished command: its exit status and what it printed (stdout and stderr together). */
export interface CliResult {
  status: number;
  output: string;
}

/** Runs `firebase <args>`. */
export interface FirebaseCli {
  /** `input` goes to standard input; `interactive` shares the terminal (login). */
  run(args: readonly string[], options?: { input?: string; interactive?: boolean }): Promise<CliResult>;
  /** True when commands are only printed. */
  dryRun: boolean;
}

/** How a command is shown to the operator: as they would type it. */
export function shownCommand(args: readonly string[], options: { input?: string } = {}): string {
  const quoted = args.map((arg) => (/^[\w:,.=@/-]+$/.test(arg) ? arg : `"${arg}"`));
  return `npx firebase ${quoted.join(" ")}${options.input === undefined ? "" : "   （値は貼り付けた鍵を標準入力から）"}`;
}

/** The project's firebase-tools, run for real. */
export function realFirebaseCli(root: string): FirebaseCli {
  const bin = join(root, "node_modules", "firebase-tools", "lib", "bin", "firebase.js");
  return {
    dryRun: false,
    run(args, options = {}) {
      return new Promise((resolve) => {
        const child = spawn(process.execPath, [bin, ...args], {
          cwd: root,
          stdio: options.interactive ? "inherit" : ["pipe", "pipe", "pipe"],
        });
        let output = "";
        child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
        child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
        if (!options.interactive) child.stdin?.end(options.input ?? "");
        child.once("error", (error) => resolve({ status: 1, output: error.message }));
        child.once("close", (status) => resolve({ status: status ?? 1, output }));
      });
    },
  };
}

/** Prints each command instead of running it; `commands` lists them as shown. */
export function dryRunFirebaseCli(io: SetupIo): FirebaseCli & { commands: string[] } {
  const commands: string[] = [];
  return {
    dryRun: true,
    commands,
    run(args, options = {}) {
      const shown = shownCommand(args, options);
      commands.push(shown);
      io.say(copy.dryRun);
      io.say(`    ${shown}`);
      return Promise.resolve({ status: 0, output: "" });
    },
  };
}
