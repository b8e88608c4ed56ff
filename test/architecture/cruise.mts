/**
 * Runs the import-boundary check through dependency-cruiser's API and prints what it found
 * as JSON: `{ modules, violations: [{ rule, from, to }] }`.
 *
 * dependency-cruiser is an ES module, which Jest's CommonJS runtime cannot load, so
 * `boundaries.test.ts` runs this file in its own process:
 * `tsx test/architecture/cruise.mts <base dir> <path>...`. The rules are always the
 * repository's `.dependency-cruiser.cjs`; the base dir is the tree they are applied to.
 */
import { resolve } from "node:path";
import { cruise, type ICruiseResult } from "dependency-cruiser";
import extractDepcruiseOptions from "dependency-cruiser/config-utl/extract-depcruise-options";

/** One broken rule, as the test compares it. */
export interface Violation {
  rule: string;
  from: string;
  to: string;
}

const root = resolve(import.meta.dirname, "../..");
const [baseDir, ...paths] = process.argv.slice(2);
if (baseDir === undefined || paths.length === 0) {
  console.error("usage: tsx test/architecture/cruise.mts <base dir> <path>...");
  process.exit(2);
}

const options = await extractDepcruiseOptions(resolve(root, ".dependency-cruiser.cjs"));
// The tree is cruised from its own base dir, without a tsconfig: the repository has no path
// aliases, so plain resolution finds what `npm run deps` finds (the same module count).
const { output } = await cruise(paths, { ...options, baseDir: resolve(baseDir), tsConfig: undefined });
const result = output as ICruiseResult;
const violations: Violation[] = result.summary.violations.map((violation) => ({
  rule: violation.rule.name,
  from: violation.from,
  to: violation.to,
}));
console.log(JSON.stringify({ modules: result.summary.totalCruised, violations }));
