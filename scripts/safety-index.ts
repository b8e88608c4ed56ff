/**
 * `npm run safety:index`: reads, for each expression the safety detector scans a message for,
 * the strings one of which its every match holds (`src/dialogue/understand/required-text.ts`),
 * and writes them to src/dialogue/content/safety-required.ts, so that an instance's first message
 * builds the detector's index from a list instead of reading some 130 expressions (about a tenth
 * of a second). Run it after any change to the concepts (`safety-concepts.ts`); a test fails
 * until the file is current, and the detector reads the expressions itself when the file does
 * not fit them.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { packRequired, requiredText, scannedExpressions } from "../src/dialogue";

const OUT = join(__dirname, "..", "src", "dialogue", "content", "safety-required.ts");

const expressions = scannedExpressions();
const strings = expressions.map(requiredText);
const source = `/**
 * What every match of each expression the safety detector scans a message for holds (one of
 * these strings), in the order of \`scannedExpressions\` in \`../understand/safety.ts\`; null for an
 * expression that is always run. Written by \`npm run safety:index\`; do not edit by hand. A test
 * checks that it is current.
 */
export const safetyRequired: { readonly sourceLengths: readonly number[]; readonly strings: string } = {
  /** The length of each expression's source: a file that does not fit the expressions is not used. */
  sourceLengths: ${JSON.stringify(expressions.map((expression) => expression.source.length))},
  /** Packed by \`packRequired\` (\`../understand/required-text-index.ts\`): one string parses faster than thousands. */
  strings: ${JSON.stringify(packRequired(strings))},
};
`;
writeFileSync(OUT, source);
const count = strings.reduce((sum, list) => sum + (list?.length ?? 0), 0);
process.stdout.write(`Wrote ${OUT}: ${expressions.length} expressions, ${count} strings.\n`);
