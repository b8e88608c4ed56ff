/**
 * `npm run bench:lemmatiser`: a lemmatiser (kuromoji, as the @patdx/kuromoji package ships
 * it with the IPADIC dictionary) measured against the hand-written inflection tables of the
 * verbs of harm (test/corpus/safety-inflections.ts), for issue 20. A benchmark, never a
 * test: nothing in CI runs it.
 *
 * It measures the cold build in fresh processes (lemmatiser-cold.ts); the per-sentence
 * tokenize time over the tables and the time for a 5,000-character message, warm; and, for
 * each row, whether the verb's lemma is among the sentence's tokens (lemma-match.ts), by
 * spelling, inflection and lemma. The table and the failures are printed; everything is
 * written to `bench/results-lemmatiser.json`.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import { dirname, join } from "node:path";
import { performance } from "node:perf_hooks";
import { parseOptions } from "../scripts/lib/command-args";
import { benign } from "../test/corpus/safety";
import { inflections, type HarmLemma, type InflectionRow } from "../test/corpus/safety-inflections";
import { benchColdLemmatiser } from "./lemmatiser-cold";
import { accuracy, accuracyBy, recovery, showTokens, type Accuracy, type LemmaToken, type ScoredRow } from "./lemma-match";
import { median, percentile, round, showSpread, spread } from "./stats";

const USAGE = "npm run bench:lemmatiser [-- --runs N]";
const options = parseOptions(USAGE, { runs: { type: "string", default: "10" } });
const RUNS = Number(options.runs);
/** Timed tokenizations of each sentence; the sentence's figure is their median. */
const REPEATS_PER_SENTENCE = 21;
/** Timed tokenizations of the long message. */
const LONG_REPEATS = 30;
const LONG_MESSAGE_CHARS = 5000;
const PACKAGE = "@patdx/kuromoji";

/** A 5,000-character message made of ordinary answers (the benign safety corpus, repeated). */
function longMessage(): string {
  let text = "";
  while (text.length < LONG_MESSAGE_CHARS) text += benign.join("。") + "。";
  return text.slice(0, LONG_MESSAGE_CHARS);
}

/**
 * NFKC (half-width katakana to full width) and katakana to hiragana: two of the steps of the
 * detector's own folding (foldForSafety), to see what they do for the lemmatiser.
 */
function fold(text: string): string {
  return text.normalize("NFKC").replace(/[\u30a1-\u30f6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60));
}

/** The package's folder, its version and the size of its dictionary files. */
function packageFacts(): { version: string; dictionaryMiB: number; dictionaryFiles: number } {
  const root = join(dirname(require.resolve(PACKAGE)), "..");
  const { version } = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string };
  const files = readdirSync(join(root, "dict"));
  const bytes = files.reduce((sum, file) => sum + statSync(join(root, "dict", file)).size, 0);
  return { version, dictionaryMiB: round(bytes / 2 ** 20, 1), dictionaryFiles: files.length };
}

/** Builds the tokenizer in this process and returns a function from text to tokens. */
async function loadTokenizer(): Promise<(text: string) => LemmaToken[]> {
  const kuromoji = await import("@patdx/kuromoji");
  const { default: NodeDictionaryLoader } = await import("@patdx/kuromoji/node");
  const dicPath = join(dirname(require.resolve(PACKAGE)), "..", "dict");
  const tokenizer = await new kuromoji.TokenizerBuilder({ loader: new NodeDictionaryLoader({ dic_path: dicPath }) }).build();
  return (text) => tokenizer.tokenize(text).map((token) => ({ surface: token.surface_form, basic: token.basic_form }));
}

/** A CPU-usage difference (microseconds) as milliseconds of user and system time. */
function cpuMs(usage: NodeJS.CpuUsage): number {
  return (usage.user + usage.system) / 1000;
}

/** The median of `repeats` timed calls of `work`, in milliseconds. */
function timeMedian(repeats: number, work: () => void): number {
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const start = performance.now();
    work();
    times.push(performance.now() - start);
  }
  return median(times);
}

function showAccuracy(name: string, figure: Accuracy): string {
  return `| ${name} | ${figure.rows} | ${figure.strict.toFixed(1)} % | ${figure.family.toFixed(1)} % |`;
}

function accuracyTable(title: string, groups: Record<string, Accuracy>): string {
  const head = [`| ${title} | rows | lemma recovered | with its family |`, "| --- | ---: | ---: | ---: |"];
  return [...head, ...Object.entries(groups).map(([name, figure]) => showAccuracy(name, figure))].join("\n");
}

async function main(): Promise<void> {
  if (!Number.isInteger(RUNS) || RUNS < 1) throw new Error(`--runs needs a whole number of at least 1, not ${options.runs}.`);
  const started = performance.now();
  const say = (line: string) => process.stdout.write(`[${((performance.now() - started) / 1000).toFixed(0).padStart(3)} s] ${line}\n`);
  const message = longMessage();
  const facts = packageFacts();
  const loadBefore = os.loadavg()[0];

  say(`cold builds of ${PACKAGE} ${facts.version} in fresh processes …`);
  const cold = await benchColdLemmatiser(RUNS, inflections[0].sentence, message, say);

  say("tokenizing the tables …");
  const tokenize = await loadTokenizer();
  for (let warm = 0; warm < 3; warm++) for (const row of inflections) tokenize(row.sentence);
  const score = (text: (row: InflectionRow) => string): ScoredRow[] =>
    inflections.map((row) => {
      const tokens = tokenize(text(row));
      return { row, tokens, recovered: recovery(row.lemma as HarmLemma, tokens) };
    });
  const scored = score((row) => row.sentence);
  const scoredFolded = score((row) => fold(row.sentence));
  const asWritten = scored.filter((s) => s.row.spelling === "kanji");
  const sentencesCpu = process.cpuUsage();
  const perSentenceUs = inflections.map((row) => 1000 * timeMedian(REPEATS_PER_SENTENCE, () => tokenize(row.sentence)));
  const sentenceCpuUs = (1000 * cpuMs(process.cpuUsage(sentencesCpu))) / (inflections.length * REPEATS_PER_SENTENCE);
  for (let warm = 0; warm < 3; warm++) tokenize(message);
  const longCpu = process.cpuUsage();
  const longTimes = Array.from({ length: LONG_REPEATS }, () => timeMedian(1, () => tokenize(message)));
  const longCpuMs = cpuMs(process.cpuUsage(longCpu)) / LONG_REPEATS;

  const results = {
    date: new Date().toISOString(),
    machine: {
      node: process.version,
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model.trim() ?? "unknown",
      platform: `${os.type()} ${os.release()}`,
      /** The one-minute load average before and after: other work on the machine shows in the timings. */
      loadAverage: [round(loadBefore, 2), round(os.loadavg()[0], 2)],
    },
    package: { name: PACKAGE, ...facts },
    cold,
    warm: {
      sentences: inflections.length,
      sentenceUs: {
        median: round(median(perSentenceUs), 1),
        p90: round(percentile(perSentenceUs, 90), 1),
        max: round(Math.max(...perSentenceUs), 1),
      },
      /** CPU time per tokenize of a sentence, the mean over all the timed calls (all threads, user and system). */
      sentenceCpuUs: round(sentenceCpuUs, 1),
      longMessageChars: message.length,
      longMessageMs: spread(longTimes, 2),
      longMessageCpuMs: round(longCpuMs, 2),
    },
    accuracy: {
      all: accuracy(scored),
      wishRowsAsWritten: accuracy(asWritten.filter((s) => s.row.wish)),
      otherRowsAsWritten: accuracy(asWritten.filter((s) => !s.row.wish)),
      bySpelling: accuracyBy(scored, (row) => row.spelling),
      bySpellingFolded: accuracyBy(scoredFolded, (row) => row.spelling),
      byLemma: accuracyBy(asWritten, (row) => row.lemma),
      byInflection: accuracyBy(asWritten, (row) => row.inflection),
    },
    failures: scored
      .filter((s) => s.recovered !== "strict")
      .map((s) => ({ ...s.row, recovered: s.recovered, tokens: showTokens(s.tokens) })),
    failuresFolded: scoredFolded
      .filter((s) => s.recovered !== "strict" && s.row.spelling !== "kanji")
      .map((s) => ({ ...s.row, folded: fold(s.row.sentence), recovered: s.recovered, tokens: showTokens(s.tokens) })),
  };
  writeFileSync(join(__dirname, "results-lemmatiser.json"), JSON.stringify(results, null, 2) + "\n");

  const figure = (name: string, value: string) => `| ${name} | ${value} |`;
  const lines = [
    "",
    `${PACKAGE} ${facts.version}: dictionary ${facts.dictionaryMiB} MiB in ${facts.dictionaryFiles} gzip files; ${RUNS} fresh processes, median (min–max).`,
    `Machine: ${results.machine.cpus} × ${results.machine.cpuModel}, Node ${process.version}, load average ${results.machine.loadAverage.join(" → ")} (before → after).`,
    "",
    "| measure | figure |",
    "| --- | --- |",
    figure("import the package", `${showSpread(cold.importMs)} ms`),
    figure(
      "build the tokenizer (load the dictionary): wall time / CPU time",
      `${showSpread(cold.buildMs)} ms / ${showSpread(cold.buildCpuMs)} ms`,
    ),
    figure(
      "process start to tokenizer built / to a bare process's first line",
      `${showSpread(cold.readyMs)} ms / ${showSpread(cold.bare.readyMs)} ms`,
    ),
    figure("RSS once built / of a bare process", `${showSpread(cold.rssMiB, 0)} MiB / ${showSpread(cold.bare.rssMiB, 0)} MiB`),
    figure("RSS added by the tokenizer", `${showSpread(cold.addedRssMiB, 0)} MiB`),
    figure("heap used / outside the heap, once built", `${showSpread(cold.heapUsedMiB, 0)} MiB / ${showSpread(cold.externalMiB, 0)} MiB`),
    figure("peak RSS while building", `${showSpread(cold.maxRssMiB, 0)} MiB`),
    figure(
      "first tokenize after the build: a sentence / the long message",
      `${showSpread(cold.firstSentenceMs, 1)} ms / ${showSpread(cold.firstLongMessageMs, 1)} ms`,
    ),
    figure(
      `warm tokenize, per sentence (median / p90 / max over ${inflections.length})`,
      `${results.warm.sentenceUs.median} / ${results.warm.sentenceUs.p90} / ${results.warm.sentenceUs.max} µs`,
    ),
    figure("warm tokenize, CPU time per sentence (mean)", `${results.warm.sentenceCpuUs} µs`),
    figure(
      `warm tokenize, ${message.length}-character message: wall time / CPU time (mean)`,
      `${showSpread(results.warm.longMessageMs, 2)} ms / ${results.warm.longMessageCpuMs} ms`,
    ),
    "",
    accuracyTable("rows", {
      all: results.accuracy.all,
      "as written, wish": results.accuracy.wishRowsAsWritten,
      "as written, other": results.accuracy.otherRowsAsWritten,
    }),
    "",
    accuracyTable("spelling", results.accuracy.bySpelling),
    "",
    accuracyTable("spelling, folded first (NFKC, katakana to hiragana)", results.accuracy.bySpellingFolded),
    "",
    accuracyTable("lemma (as written)", results.accuracy.byLemma),
    "",
    accuracyTable("inflection (as written)", results.accuracy.byInflection),
    "",
    `Rows whose lemma was not recovered strictly (${results.failures.length}):`,
    ...results.failures.map((f) => `  ${f.recovered.padEnd(6)} ${f.lemma} ${f.inflection} ${f.spelling}: ${f.sentence}  →  ${f.tokens}`),
    "",
    `Respelled rows folded first whose lemma was not recovered strictly (${results.failuresFolded.length}):`,
    ...results.failuresFolded.map(
      (f) => `  ${f.recovered.padEnd(6)} ${f.lemma} ${f.inflection} ${f.spelling}: ${f.folded}  →  ${f.tokens}`,
    ),
    "",
    "Written to bench/results-lemmatiser.json.",
  ];
  process.stdout.write(lines.join("\n") + "\n");
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
