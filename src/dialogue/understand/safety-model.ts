/**
 * The learned net under the safety concepts (PRODUCT.md §3.6): a logistic model over the single
 * characters, pairs and triples of a folded sentence (its start and end marked), trained on the development corpora by
 * `npm run safety:train` (scripts/train-safety-model.ts). It reads phrasings no concept foresaw
 * (a rare verb, an odd word order, a euphemism) by the company their characters keep. It only
 * adds an acute reading to what the concepts find, except where it doubts one
 * ({@link modelDoubts}); the professional and figurative phrases the concepts cut out are cut out
 * before it reads. Pure; the weights are data in
 * `../content/safety-model.ts`.
 */
import { modelTriggers } from "../content/safety-concepts";
import { safetyModel } from "../content/safety-model";
import { foldPatternSource } from "./fold";

/** The sentence boundary in folded text (see `foldSentences` in `./safety.ts`). */
const BOUNDARY = "|";

/** How many sentences a message may have for the whole of it to be read as one window too. */
const WHOLE_MESSAGE_SENTENCES = 4;

/**
 * Longer than this (folded), a message is read by the model only in its sentences that hold a
 * trigger, so that a 5,000-character message stays within the safety read's budget; the concepts
 * read all of it either way.
 */
const READ_WHOLE_UP_TO = 400;

const TRIGGER = new RegExp(foldPatternSource(modelTriggers));

/** Marks a sentence's start and end, so that what opens or closes it is a feature of its own. */
const START = "^";
const END = "$";

/**
 * The distinct single characters, pairs and triples of one folded sentence with its start and
 * end marked: the model's features. Single characters let a rare word's kanji count; the marks
 * tell 「死ね」 closing a sentence from 「死ねる」 inside one.
 */
export function sentenceGrams(sentence: string): string[] {
  const marked = START + sentence + END;
  const grams = new Set<string>();
  for (let i = 0; i < marked.length; i++) {
    grams.add(marked[i]);
    if (i + 2 <= marked.length) grams.add(marked.slice(i, i + 2));
    if (i + 3 <= marked.length) grams.add(marked.slice(i, i + 3));
  }
  return [...grams];
}

/**
 * The windows a folded message is read in: each sentence alone and, for a short message, all of
 * it together (its sentences' features joined, never a pair that spans two sentences). A long
 * message is read in its sentences with a trigger only.
 */
export function messageWindows(folded: string): string[][] {
  const long = folded.length > READ_WHOLE_UP_TO;
  const sentences = folded.split(BOUNDARY).filter((sentence) => sentence !== "" && (!long || TRIGGER.test(sentence)));
  const windows = sentences.map(sentenceGrams);
  if (sentences.length > 1 && sentences.length <= WHOLE_MESSAGE_SENTENCES) windows.push([...new Set(windows.flat())]);
  return windows;
}

/** A model's weights: a bias and a weight for each feature it knows. */
export interface SafetyWeights {
  readonly bias: number;
  readonly weights: ReadonlyMap<string, number>;
}

/**
 * Weights packed as the content file keeps them: one `feature<TAB>weight` per line. Read in one
 * pass of `indexOf` over the packed text, without splitting it into lines first: the instance's
 * first message waits for this, and the loop runs before V8 has optimised it (half the time of
 * splitting, measured on 14,564 weights).
 */
export function unpackWeights(bias: number, packed: string): SafetyWeights {
  const weights = new Map<string, number>();
  for (let start = 0; start < packed.length;) {
    const newline = packed.indexOf("\n", start);
    const end = newline === -1 ? packed.length : newline;
    const tab = packed.lastIndexOf("\t", end - 1);
    if (tab > start) weights.set(packed.slice(start, tab), Number(packed.slice(tab + 1, end)));
    start = end + 1;
  }
  return { bias, weights };
}

let trained: SafetyWeights | undefined;

/** The trained weights, unpacked on first use so that a cold start that never needs them pays nothing. */
function trainedWeights(): SafetyWeights {
  trained ??= unpackWeights(safetyModel.bias, safetyModel.weights);
  return trained;
}

/** Unpacks the trained weights now if they are not yet (see `prepareSafetyRead` in `./safety.ts`). */
export function prepareModel(): void {
  trainedWeights();
}

/** The likelihood, between 0 and 1, that a window's features are an acute message. */
export function windowLikelihood(grams: readonly string[], model: SafetyWeights = trainedWeights()): number {
  let z = model.bias;
  for (const gram of grams) z += model.weights.get(gram) ?? 0;
  return 1 / (1 + Math.exp(-z));
}

/** The highest likelihood over the windows of a folded message. */
export function messageLikelihood(folded: string, model: SafetyWeights = trainedWeights()): number {
  return Math.max(0, ...messageWindows(folded).map((grams) => windowLikelihood(grams, model)));
}

/** True when some window of the folded message reaches the trained model's threshold. */
export function modelReadsAcute(folded: string): boolean {
  return messageLikelihood(folded) >= safetyModel.threshold;
}

/**
 * Below this likelihood the model doubts an acute message, and a concept's reading is set aside.
 * Chosen on three corpora the concepts never saw (training corpora D, E and F, each read by a
 * model trained without it): there the concepts read 55 of 1,051 benign lines as acute, and at
 * 0.7 against 0.1 the detector's false positives fall from 6.6 % to 4.3 % while its recall falls
 * from 90.7 % to 89.5 % (docs/safety.md, "How well it generalises").
 */
export const DOUBT_BELOW = 0.7;

/** True when the model all but rules out that the folded message is acute. */
export function modelDoubts(folded: string): boolean {
  return messageLikelihood(folded) < DOUBT_BELOW;
}
