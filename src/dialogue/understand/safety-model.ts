/**
 * The learned net under the safety concepts (PRODUCT.md §3.6): a logistic model over the single
 * characters, pairs and triples of a folded sentence (its start and end marked, and other people,
 * past times and the writer also read as classes), hashed to places in a table of weights, trained on the development corpora by
 * `npm run safety:train` (scripts/train-safety-model.ts). It reads phrasings no concept foresaw
 * (a rare verb, an odd word order, a euphemism) by the company their characters keep. It only
 * adds an acute reading to what the concepts find, except where it doubts one
 * ({@link modelReading}); the professional and figurative phrases the concepts cut out are cut out
 * before it reads. Pure; the weights are data in
 * `../content/safety-model.ts`.
 */
import { modelTriggers, otherPerson, pastTime, selfWords } from "../content/safety-concepts";
import { safetyModel } from "../content/safety-model";
import { compileFolded, foldPatternSource } from "./fold";

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
 * How many bits of a character n-gram's hash name its feature: the model's table has 2^20
 * weights, most of them zero. With about 155,000 distinct n-grams in the training corpora, one in
 * seven shares its weight with another, nearly always a rare one; the model is trained so.
 */
export const FEATURE_BITS = 20;

/** The table's size. */
export const FEATURES = 2 ** FEATURE_BITS;

/** FNV-1a's offset basis and prime (32 bits). */
const FNV_BASIS = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** Spreads a hash's bits (MurmurHash3's finaliser) and keeps {@link FEATURE_BITS} of them. */
function featureOf(hash: number): number {
  let h = hash ^ (hash >>> 16);
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> (32 - FEATURE_BITS);
}

/** Another person (患者さん, 同僚, 母 …), marked where they stand in a sentence's classes. */
const PERSON = compileFolded(otherPerson, "g");
/** A time in the past (十五年前, 新卒の頃, 前職 …). */
const PAST = compileFolded(pastTime, "g");
/** The writer (私, 自分, 俺 …). */
const SELF = compileFolded(selfWords, "g");
/** The marks that stand for those classes (①②③): no folded text holds them. */
const PERSON_MARK = "\u2460";
const PAST_MARK = "\u2461";
const SELF_MARK = "\u2462";
const FIRST_MARK = PERSON_MARK.charCodeAt(0);
const LAST_MARK = SELF_MARK.charCodeAt(0);

/**
 * The distinct features of one folded sentence with its start and end marked: its single
 * characters, pairs and triples, each hashed to a place in the model's table. Single characters
 * let a rare word's kanji count; the marks tell 「死ね」 closing a sentence from 「死ねる」 inside
 * one. Then the same sentence with every other person, past time and word for the writer
 * replaced by a mark of its class, and of that the pairs and triples with a mark: so that
 * 「入居者さんが…と言う」 and 「利用者さんが…と言う」 share what they say about whose words
 * they are, and a past told with 十五年前 reads like one told with 新卒の頃. Hashing reads no
 * substring and needs no dictionary of n-grams to unpack.
 */
export function sentenceFeatures(sentence: string): number[] {
  const marked = START + sentence + END;
  const features = new Set<number>();
  addGrams(marked, features, false);
  const classes = marked.replace(PERSON, PERSON_MARK).replace(PAST, PAST_MARK).replace(SELF, SELF_MARK);
  if (classes !== marked) addGrams(classes, features, true);
  return [...features];
}

/** Adds the hashed single characters, pairs and triples of `text`; with `withMark`, only pairs and triples holding a class mark. */
function addGrams(text: string, features: Set<number>, withMark: boolean): void {
  for (let i = 0; i < text.length; i++) {
    let hash = FNV_BASIS;
    let marks = !withMark;
    for (let end = i; end < i + 3 && end < text.length; end++) {
      const code = text.charCodeAt(end);
      hash = Math.imul(hash ^ code, FNV_PRIME);
      marks ||= code >= FIRST_MARK && code <= LAST_MARK;
      if (marks && (!withMark || end > i)) features.add(featureOf(hash));
    }
  }
}

/**
 * The windows a folded message is read in: each sentence alone and, for a short message, all of
 * it together (its sentences' features joined, never a pair that spans two sentences). A long
 * message is read in its sentences with a trigger only.
 */
export function messageWindows(folded: string): number[][] {
  const long = folded.length > READ_WHOLE_UP_TO;
  const sentences = folded.split(BOUNDARY).filter((sentence) => sentence !== "" && (!long || TRIGGER.test(sentence)));
  const windows = sentences.map(sentenceFeatures);
  if (sentences.length > 1 && sentences.length <= WHOLE_MESSAGE_SENTENCES) windows.push([...new Set(windows.flat())]);
  return windows;
}

/** A model's weights: a bias and the table of {@link FEATURES} weights, one for each feature. */
export interface SafetyWeights {
  readonly bias: number;
  readonly weights: Float32Array | Float64Array;
  /** For a table unpacked a block at a time: unpacks the block holding `feature` if it is not yet. */
  readonly unpack?: (feature: number) => void;
}

/** Base64's alphabet, for the packed weights. */
const BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/** The table is packed in blocks of 2^8 places, each unpacked on its own when a feature in it is first read. */
const BLOCK_BITS = 8;
const BLOCKS = FEATURES >>> BLOCK_BITS;

/** Appends `value` to `bytes` as a variable-length number: seven bits a byte, low bits first. */
function putNumber(bytes: number[], value: number): void {
  let rest = value;
  while (rest >= 0x80) {
    bytes.push((rest & 0x7f) | 0x80);
    rest >>>= 7;
  }
  bytes.push(rest);
}

/**
 * The table's weights that are not zero, packed as the content file keeps them, about 2 bytes a
 * weight: first each block's length in bytes, then the blocks; in a block, for each weight in
 * order of place, the gap from the one before (or from the block's start) and the weight in
 * hundredths (zigzag), each a variable-length number (seven bits a byte); the bytes in base64. A
 * block can so be unpacked alone, and an instance's first message unpacks only the few its
 * features fall in.
 */
export function packWeights(weights: ArrayLike<number>, keep: (weight: number) => boolean): string {
  const lengths: number[] = [];
  const blocks: number[] = [];
  for (let block = 0; block < BLOCKS; block++) {
    const before = blocks.length;
    let last = (block << BLOCK_BITS) - 1;
    for (let place = block << BLOCK_BITS; place < (block + 1) << BLOCK_BITS; place++) {
      const hundredths = Math.round(weights[place] * 100);
      if (hundredths === 0 || !keep(weights[place])) continue;
      putNumber(blocks, place - last - 1);
      putNumber(blocks, hundredths < 0 ? -2 * hundredths - 1 : 2 * hundredths);
      last = place;
    }
    putNumber(lengths, blocks.length - before);
  }
  const bytes = [...lengths, ...blocks];
  let packed = "";
  for (let at = 0; at < bytes.length; at += 3) {
    const [a, b = 0, c = 0] = bytes.slice(at, at + 3);
    const triple = (a << 16) | (b << 8) | c;
    packed += BASE64[triple >>> 18] + BASE64[(triple >>> 12) & 63];
    packed += at + 1 < bytes.length ? BASE64[(triple >>> 6) & 63] : "=";
    packed += at + 2 < bytes.length ? BASE64[triple & 63] : "=";
  }
  return packed;
}

/**
 * Weights packed by {@link packWeights}, in a table whose blocks are unpacked when first read
 * (its `unpack`): reading where the blocks start is one short pass; each block is a few dozen bytes.
 */
export function lazyWeights(bias: number, packed: string): SafetyWeights {
  const weights = new Float32Array(FEATURES);
  const binary = atob(packed);
  const unpacked = new Uint8Array(BLOCKS);
  const starts = new Int32Array(BLOCKS + 1);
  let at = 0;
  const take = (): number => {
    let byte = binary.charCodeAt(at++);
    let value = byte & 0x7f;
    for (let shift = 7; byte >= 0x80; shift += 7) {
      byte = binary.charCodeAt(at++);
      value += (byte & 0x7f) * 2 ** shift;
    }
    if (at > binary.length) throw new RangeError("The packed weights end inside a number.");
    return value;
  };
  for (let block = 0; block < BLOCKS; block++) starts[block + 1] = starts[block] + take();
  const first = at;
  if (first + starts[BLOCKS] !== binary.length) throw new RangeError("The packed weights do not hold the blocks they list.");
  const unpack = (feature: number): void => {
    const block = feature >>> BLOCK_BITS;
    if (unpacked[block] === 1) return;
    unpacked[block] = 1;
    at = first + starts[block];
    const end = first + starts[block + 1];
    let place = (block << BLOCK_BITS) - 1;
    while (at < end) {
      place += take() + 1;
      const zigzag = take();
      weights[place] = (zigzag % 2 === 0 ? zigzag / 2 : -(zigzag + 1) / 2) / 100;
    }
  };
  return { bias, weights, unpack };
}

/** Weights packed by {@link packWeights}, every block unpacked. */
export function unpackWeights(bias: number, packed: string): SafetyWeights {
  const { weights, unpack } = lazyWeights(bias, packed);
  for (let block = 0; block < BLOCKS; block++) unpack?.(block << BLOCK_BITS);
  return { bias, weights };
}

let trained: SafetyWeights | undefined;

/** The trained weights, read on first use so that a cold start that never needs them pays nothing. */
function trainedWeights(): SafetyWeights {
  trained ??= lazyWeights(safetyModel.bias, safetyModel.weights);
  return trained;
}

/** Reads the trained weights' blocks now if they are not yet (see `prepareSafetyReadStep` in `./safety.ts`). */
export function prepareModel(): void {
  trainedWeights();
}

/** The likelihood, between 0 and 1, that a window's features are an acute message. */
export function windowLikelihood(features: readonly number[], model: SafetyWeights = trainedWeights()): number {
  let z = model.bias;
  const { weights, unpack } = model;
  for (const feature of features) {
    unpack?.(feature);
    z += weights[feature];
  }
  return 1 / (1 + Math.exp(-z));
}

/** The highest likelihood over the windows of a folded message. */
export function messageLikelihood(folded: string, model: SafetyWeights = trainedWeights()): number {
  return Math.max(0, ...messageWindows(folded).map((features) => windowLikelihood(features, model)));
}

/**
 * Below this likelihood the model doubts an acute message, and a concept's reading is set aside.
 * Chosen on three corpora the concepts never saw (training corpora D, E and F, each read by a
 * model trained without it): there the concepts read 55 of 1,051 benign lines as acute, and at
 * 0.7 against 0.1 the detector's false positives fall from 6.6 % to 4.3 % while its recall falls
 * from 90.7 % to 89.5 % (docs/safety.md, "How well it generalises"). A message the model reads
 * at or above its threshold is acute whatever the concepts say, so where the threshold is under
 * this, the doubt begins at the threshold.
 */
export const DOUBT_BELOW = 0.7;

/**
 * A message of at most this many characters, as typed, is mostly the phrase a concept found
 * (「上司に怒鳴られて死にたくなった」), and the model reads it from few characters: there the model
 * doubts a concept only below {@link TERSE_DOUBT_BELOW}. In writer-fold cross-validation on A to CP
 * this found 150 more of the 22,782 acute lines (0.66 points) for 19 more of the 40,626 hard
 * negatives (0.05 points), where lowering the threshold to find as many costs about 0.3 points of
 * false positives; over 30 characters the trade turns (docs/safety.md, "Short messages").
 */
export const TERSE_MESSAGE = 20;

/** The doubt for a {@link TERSE_MESSAGE}. */
export const TERSE_DOUBT_BELOW = 0.3;

/** Below which likelihood the model sets aside a concept's reading of `text`. */
export function doubtBelow(text: string): number {
  return text.length <= TERSE_MESSAGE ? TERSE_DOUBT_BELOW : DOUBT_BELOW;
}

/**
 * What the trained model makes of a folded message, from one reading of it: `acute` when some
 * window reaches its threshold, `doubts` when it all but rules a crisis out (below `doubtAt`, {@link doubtBelow}).
 */
export function modelReading(folded: string, doubtAt: number = DOUBT_BELOW): { readonly acute: boolean; readonly doubts: boolean } {
  const likelihood = messageLikelihood(folded);
  return { acute: likelihood >= safetyModel.threshold, doubts: likelihood < doubtAt };
}
