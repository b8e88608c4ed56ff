/**
 * The options of a command (scripts and benchmarks), read with Node's `parseArgs`. Every
 * problem with them (an unknown option, a missing value, a stray argument, a value of the
 * wrong form) prints what is wrong and the command's usage, and exits 2.
 */
import { parseArgs, type ParseArgsConfig } from "node:util";

/** The options a command accepts, in `parseArgs`'s terms. */
type Options = NonNullable<ParseArgsConfig["options"]>;

/** Prints `problem` and how to call the command, then exits 2 (a usage problem). */
export function usageExit(usage: string, problem: string): never {
  process.stderr.write(`${problem}\nUsage: ${usage}\n`);
  process.exit(2);
}

/** Whether `error` is `parseArgs` refusing the arguments (rather than a bug). */
function isParseArgsError(error: unknown): error is Error & { code: string } {
  return error instanceof Error && "code" in error && typeof error.code === "string" && error.code.startsWith("ERR_PARSE_ARGS_");
}

/**
 * The values of `options` given in `args` (by default this process's arguments). Options
 * are strict and no positional arguments are taken: anything else is a usage error.
 */
export function parseOptions<const O extends Options>(usage: string, options: O, args: string[] = process.argv.slice(2)) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    if (isParseArgsError(error)) usageExit(usage, error.message);
    throw error;
  }
}

/** The time `value` of option `name`, or `fallback` when it was not given. */
export function timeOption(usage: string, name: string, value: string | undefined, fallback: Date): Date {
  if (value === undefined) return fallback;
  const time = new Date(value);
  if (Number.isNaN(time.getTime())) usageExit(usage, `${name} needs a time such as 2026-11-29T20:00:00+09:00, not "${value}".`);
  return time;
}

/** The whole number (1 or more) `value` of option `name`, or `fallback` when it was not given. */
export function countOption(usage: string, name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const count = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(count) || count < 1) {
    usageExit(usage, `${name} needs a whole number such as 1000, not "${value}".`);
  }
  return count;
}
