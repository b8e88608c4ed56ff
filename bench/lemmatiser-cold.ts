/**
 * The lemmatiser's cold cost, each run in a fresh Node process: the time to import the
 * package and build its tokenizer (reading and unpacking the dictionary), the process's
 * memory once built, and its first tokenize of a short sentence and of a long message
 * (before the JIT has warmed up). A bare process, started the same way, is the baseline.
 */
import { spawn } from "node:child_process";
import { join } from "node:path";
import { round, spread, type Spread } from "./stats";

/** What one fresh process reported. */
interface ColdRun {
  /** From the process's time origin to the tokenizer built (Node's own start included). */
  readyMs: number;
  importMs: number;
  buildMs: number;
  /** CPU time of the build (all threads, user and system): less sensitive to other work on the machine than the wall time. */
  buildCpuMs: number;
  firstSentenceMs: number;
  firstLongMessageMs: number;
  rssBeforeMiB: number;
  rssMiB: number;
  heapUsedMiB: number;
  /** Array buffers and other memory outside the JavaScript heap. */
  externalMiB: number;
  maxRssMiB: number;
}

/** What a bare process reported: its time origin to its first line, and its memory. */
interface BareRun {
  readyMs: number;
  rssMiB: number;
}

/** The cold figures over the runs, each a {@link Spread}. */
export type ColdLemmatiser = { [K in keyof ColdRun]: Spread } & {
  bare: { [K in keyof BareRun]: Spread };
  /** Memory the built tokenizer adds to the process: RSS once built minus RSS before the import. */
  addedRssMiB: Spread;
  runs: number;
};

const MiB = 2 ** 20;

/** The child that builds the tokenizer; argv: a short sentence, a long message. Prints one JSON line. */
const CHILD = `
import { fileURLToPath } from "node:url";
const [sentence, longMessage] = process.argv.slice(1);
const MiB = ${MiB};
const rssBeforeMiB = process.memoryUsage().rss / MiB;
const start = performance.now();
const kuromoji = await import("@patdx/kuromoji");
const { default: NodeDictionaryLoader } = await import("@patdx/kuromoji/node");
const imported = performance.now();
const cpuBefore = process.cpuUsage();
const dic_path = fileURLToPath(new URL("../dict/", import.meta.resolve("@patdx/kuromoji")));
const tokenizer = await new kuromoji.TokenizerBuilder({ loader: new NodeDictionaryLoader({ dic_path }) }).build();
const built = performance.now();
const buildCpu = process.cpuUsage(cpuBefore);
const memory = process.memoryUsage();
tokenizer.tokenize(sentence);
const firstSentence = performance.now();
tokenizer.tokenize(longMessage);
const firstLongMessage = performance.now();
process.stdout.write(JSON.stringify({
  readyMs: built,
  importMs: imported - start,
  buildMs: built - imported,
  buildCpuMs: (buildCpu.user + buildCpu.system) / 1000,
  firstSentenceMs: firstSentence - built,
  firstLongMessageMs: firstLongMessage - firstSentence,
  rssBeforeMiB,
  rssMiB: memory.rss / MiB,
  heapUsedMiB: memory.heapUsed / MiB,
  externalMiB: memory.external / MiB,
  maxRssMiB: process.resourceUsage().maxRSS / 1024,
}) + "\\n");
`;

/** The bare child: its time origin to this line, and its memory. */
const BARE = `process.stdout.write(JSON.stringify({ readyMs: performance.now(), rssMiB: process.memoryUsage().rss / ${MiB} }) + "\\n");`;

/** Runs `script` as an ES module in a fresh Node process at the repository's root and parses its one line. */
function runChild<T>(script: string, args: readonly string[]): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--input-type=module", "-e", script, ...args], {
      cwd: join(__dirname, ".."),
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    let errors = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (errors += chunk.toString()));
    child.once("error", reject);
    child.once("exit", (code) => {
      if (code !== 0) reject(new Error(`The child exited ${code}:\n${errors}`));
      else resolve(JSON.parse(output) as T);
    });
  });
}

/** Builds the tokenizer in `runs` fresh processes (and as many bare ones), after one unmeasured run of each. */
export async function benchColdLemmatiser(
  runs: number,
  sentence: string,
  longMessage: string,
  progress: (line: string) => void,
): Promise<ColdLemmatiser> {
  const measured: ColdRun[] = [];
  const bare: BareRun[] = [];
  for (let run = 0; run <= runs; run++) {
    const bareRun = await runChild<BareRun>(BARE, []);
    const coldRun = await runChild<ColdRun>(CHILD, [sentence, longMessage]);
    if (run === 0) continue;
    bare.push(bareRun);
    measured.push(coldRun);
    progress(`cold builds ${run}/${runs} done`);
  }
  const of = (key: keyof ColdRun) =>
    spread(
      measured.map((m) => m[key]),
      1,
    );
  return {
    readyMs: of("readyMs"),
    importMs: of("importMs"),
    buildMs: of("buildMs"),
    buildCpuMs: of("buildCpuMs"),
    firstSentenceMs: of("firstSentenceMs"),
    firstLongMessageMs: of("firstLongMessageMs"),
    rssBeforeMiB: of("rssBeforeMiB"),
    rssMiB: of("rssMiB"),
    heapUsedMiB: of("heapUsedMiB"),
    externalMiB: of("externalMiB"),
    maxRssMiB: of("maxRssMiB"),
    addedRssMiB: spread(
      measured.map((m) => round(m.rssMiB - m.rssBeforeMiB, 1)),
      1,
    ),
    bare: {
      readyMs: spread(
        bare.map((b) => b.readyMs),
        1,
      ),
      rssMiB: spread(
        bare.map((b) => b.rssMiB),
        1,
      ),
    },
    runs,
  };
}
