/**
 * `npm run diagram`: writes `docs/dialogue.md`, the Mermaid state diagram of the dialogue,
 * from a walk of the pure core (see `scripts/lib/dialogue-graph.ts`).
 *
 * With `--check` it writes nothing and exits 1 when the file on disk differs from what it
 * would write. Either way it exits 1 when a step in `STEP_TYPES` was never reached, and 2
 * for an unknown argument.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseOptions } from "./lib/command-args";
import { DIAGRAM_DOC_PATH, DIAGRAM_NOW, dialogueDocument, exploreDialogue } from "./lib/dialogue-graph";

const ROOT = join(__dirname, "..");

function readOrNull(path: string): string | null {
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    if (error instanceof Error && "code" in error && error.code === "ENOENT") return null;
    throw error;
  }
}

function main(): number {
  const { check } = parseOptions("npm run diagram [-- --check]", { check: { type: "boolean", default: false } });
  const started = performance.now();
  const graph = exploreDialogue(DIAGRAM_NOW);
  const text = dialogueDocument(graph);
  const path = join(ROOT, DIAGRAM_DOC_PATH);
  const took = `${graph.states} states, ${graph.transitions} transitions, ${graph.edges.length} moves in ${Math.round(performance.now() - started)} ms`;
  const unreached = graph.unreached.length === 0 ? [] : [`Unreached steps: ${graph.unreached.join(", ")}.`];
  if (check) {
    if (readOrNull(path) !== text) {
      console.error(`${DIAGRAM_DOC_PATH} is out of date with the dialogue core: run npm run diagram and commit it.`);
      return 1;
    }
    console.log(`${DIAGRAM_DOC_PATH} is up to date (${took}).`);
  } else {
    writeFileSync(path, text);
    console.log(`Wrote ${DIAGRAM_DOC_PATH} (${took}).`);
  }
  for (const line of unreached) console.error(line);
  return unreached.length === 0 ? 0 : 1;
}

process.exitCode = main();
