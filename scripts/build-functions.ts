/**
 * Bundles the Cloud Functions entry (`functions/src/index.ts`) and everything it uses from
 * `src/` into one CommonJS file, `functions/lib/index.js`, which is what `firebase deploy`
 * uploads. Run as `npm run build`; firebase.json's predeploy runs it too.
 *
 * Only the packages listed in {@link FUNCTIONS_EXTERNALS} stay outside the bundle: they are
 * installed on Cloud Functions from `functions/package.json`. Everything else (express,
 * @line/bot-sdk, date-fns, our code) is inlined, so a deploy does not depend on the root
 * package's dependencies.
 */
import { build, type BuildOptions, type BuildResult, type Message } from "esbuild";
import { statSync } from "node:fs";
import { isBuiltin } from "node:module";
import { join, relative, resolve } from "node:path";

/** The repository root. */
const ROOT = resolve(__dirname, "..");

/** The entry that exports the Cloud Functions triggers. */
export const FUNCTIONS_ENTRY = join(ROOT, "functions", "src", "index.ts");

/** Where the bundle is written; `functions/package.json`'s `main` points here. */
export const FUNCTIONS_OUTFILE = join(ROOT, "functions", "lib", "index.js");

/**
 * Module specifiers left as `require` calls in the bundle. Each must be a dependency in
 * `functions/package.json`. firebase-functions reads its own package at deploy time and
 * firebase-admin is its peer; @google-cloud/firestore ships protobuf and gRPC files that a
 * bundler cannot inline, and is loaded lazily on the first request that needs it;
 * google-auth-library (Firestore's own auth dependency) is required only when talking to
 * the emulator, so inlining it would only add weight. @resvg/resvg-js draws the 振り返りシート
 * with a native binary (one package per platform) that cannot be inlined, and is loaded on the
 * first sheet drawn; the sheet's font package is not required at all but read from its files
 * (`require.resolve`), so it must be installed beside the bundle too.
 */
export const FUNCTIONS_EXTERNALS = [
  "firebase-functions",
  "firebase-functions/*",
  "firebase-admin",
  "firebase-admin/*",
  "@google-cloud/firestore",
  "google-auth-library",
  "@resvg/resvg-js",
] as const;

/** The result of {@link buildFunctions}. */
/** How the deploy unit is bundled (besides its {@link FUNCTIONS_EXTERNALS}); a baseline bundled for comparison uses the same. */
export const FUNCTIONS_BUILD_OPTIONS = {
  bundle: true,
  platform: "node",
  target: "node22",
  format: "cjs",
  sourcemap: false,
  minify: false,
  legalComments: "none",
} as const satisfies BuildOptions;

export interface FunctionsBundle {
  /** Absolute path of the bundle that was written. */
  outfile: string;
  /** Size of the bundle in bytes. */
  bytes: number;
  /** The external module specifiers the bundle requires, sorted, without Node built-ins. */
  externals: string[];
  /** esbuild's warnings, formatted; the bundle was written regardless. */
  warnings: string[];
}

/** The bundle could not be built; the message carries esbuild's diagnostics. */
export class FunctionsBuildError extends Error {
  override name = "FunctionsBuildError";
}

/**
 * Bundles the functions entry into {@link FUNCTIONS_OUTFILE}.
 *
 * The output is not minified, so stack traces in Cloud Logging stay readable. Minifying
 * would not shorten cold starts: most of the bytes are iconv-lite's and mime-db's tables,
 * and the bundle loads in about 40 ms either way (firebase-functions/https itself takes
 * about 110 ms, measured on a laptop).
 */
export async function buildFunctions(): Promise<FunctionsBundle> {
  let result: BuildResult<{ metafile: true }>;
  try {
    result = await build({
      entryPoints: [FUNCTIONS_ENTRY],
      outfile: FUNCTIONS_OUTFILE,
      ...FUNCTIONS_BUILD_OPTIONS,
      external: [...FUNCTIONS_EXTERNALS],
      metafile: true,
      logLevel: "silent",
    });
  } catch (error: unknown) {
    const errors = (error as { errors?: Message[] }).errors;
    const detail = errors?.length ? errors.map(formatMessage).join("\n") : String(error);
    throw new FunctionsBuildError(`Bundling ${relative(ROOT, FUNCTIONS_ENTRY)} failed:\n${detail}`, { cause: error });
  }
  const externals = new Set<string>();
  for (const output of Object.values(result.metafile.outputs)) {
    for (const imported of output.imports) {
      if (imported.external && !isBuiltin(imported.path)) externals.add(imported.path);
    }
  }
  return {
    outfile: FUNCTIONS_OUTFILE,
    bytes: statSync(FUNCTIONS_OUTFILE).size,
    externals: [...externals].sort(),
    warnings: result.warnings.map(formatMessage),
  };
}

function formatMessage(message: Message): string {
  const where = message.location ? `${message.location.file}:${message.location.line}:${message.location.column}: ` : "";
  return `- ${where}${message.text}`;
}

if (require.main === module) {
  buildFunctions().then(
    (bundle) => {
      if (bundle.warnings.length > 0) console.warn(`esbuild warnings:\n${bundle.warnings.join("\n")}`);
      const kib = (bundle.bytes / 1024).toFixed(1);
      console.log(
        `Built ${relative(ROOT, bundle.outfile)} (${kib} KiB); requires at runtime: ${bundle.externals.join(", ") || "nothing"}.`,
      );
    },
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    },
  );
}
