/**
 * The operator's settings (`functions/.env`, all but the two LINE secrets): asked in plain
 * Japanese, each answer checked by `src/config.ts` as the functions would check it at start,
 * written over `functions/.env.example` (keeping its notes), and kept with `.firebaserc` in a
 * folder outside the project, so that replacing the project folder with a new version loses
 * nothing: `--update` puts them back.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { settingProblems } from "../../../src/config";
import { copy, fillCopy, settingCopy } from "./copy";
import type { SetupIo } from "./io";

/** The files that hold the settings, relative to the project folder. */
export const SETTINGS_FILES = ["functions/.env", ".firebaserc"] as const;

/** The settings of `functions/.env.example`, with the values it ships. */
export function exampleSettings(root: string): Record<string, string> {
  return parseEnv(readFileSync(join(root, "functions", ".env.example"), "utf8"));
}

/** `NAME=value` lines of an env file. */
export function parseEnv(text: string): Record<string, string> {
  const settings: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const match = /^([A-Z][A-Z0-9_]*)=(.*)$/.exec(line);
    if (match?.[1] !== undefined) settings[match[1]] = (match[2] ?? "").trim();
  }
  return settings;
}

/**
 * Asks each setting of {@link settingCopy}, starting from `current`; an answer `src/config.ts`
 * refuses is explained and asked again. Settings not asked (OPERATOR_LINE_IDS, …) are kept.
 */
export async function askSettings(io: SetupIo, current: Record<string, string>): Promise<Record<string, string>> {
  const settings = { ...current };
  io.say(copy.settingsIntro);
  for (const [name, words] of Object.entries(settingCopy)) {
    for (;;) {
      const answer = await io.ask(words.ask, settings[name] ?? "");
      const candidate = { ...settings, [name]: answer };
      const problem = settingProblems(candidate).find((text) => text.startsWith(`${name} `));
      if (problem === undefined) {
        settings[name] = answer;
        break;
      }
      io.say(fillCopy(copy.settingsProblem, { problem: words.problem }));
    }
  }
  return settings;
}

/** Writes `settings` as `functions/.env`: the example's lines with these values, and any others after them. */
export function writeEnvFile(root: string, settings: Record<string, string>): string {
  const example = readFileSync(join(root, "functions", ".env.example"), "utf8").split(/\r?\n/);
  const written = new Set<string>();
  const lines = example.map((line) => {
    const name = /^([A-Z][A-Z0-9_]*)=/.exec(line)?.[1];
    if (name === undefined || settings[name] === undefined) return line;
    written.add(name);
    return `${name}=${settings[name]}`;
  });
  for (const [name, value] of Object.entries(settings)) if (!written.has(name)) lines.push(`${name}=${value}`);
  const file = join(root, "functions", ".env");
  writeFileSync(file, lines.join("\n"));
  return file;
}

/** Where settings are kept outside the project folder: WILL_SETTINGS_HOME, else `~/.will-note`. */
export function settingsHome(env: NodeJS.ProcessEnv = process.env): string {
  return env.WILL_SETTINGS_HOME ?? join(homedir(), ".will-note");
}

/** Copies the settings files of `root` that exist into `home`; returns the ones copied. */
export function backUpSettings(root: string, home: string): string[] {
  const copied: string[] = [];
  for (const file of SETTINGS_FILES) {
    const from = join(root, file);
    if (!existsSync(from)) continue;
    const to = join(home, file.replace("/", "__"));
    mkdirSync(home, { recursive: true });
    copyFileSync(from, to);
    copied.push(file);
  }
  return copied;
}

/** Puts back the settings files kept in `home` that `root` lacks; returns the ones restored. */
export function restoreSettings(root: string, home: string): string[] {
  const restored: string[] = [];
  for (const file of SETTINGS_FILES) {
    const kept = join(home, file.replace("/", "__"));
    const to = join(root, file);
    if (!existsSync(kept) || existsSync(to)) continue;
    copyFileSync(kept, to);
    restored.push(file);
  }
  return restored;
}
