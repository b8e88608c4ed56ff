/**
 * Safety detection (PRODUCT.md §3.6), read by concept. A message is acute when, about the writer,
 * it joins a verb of harm with a wish, plan or act ending (in any inflection), shows passive
 * ideation, or names means and preparation; it is distress when it shows strain about the
 * writer. Words reported of someone else (「死にたいと言っていた患者さん」), someone else's
 * trouble (「眠れない患者さんに付き添った」) and hyperbole beside good news (「死ぬほど忙しかった
 * けど、ありがとうと言われた」) are neither. Pure; the vocabulary is in `../content/safety-concepts.ts`.
 */
import {
  acuteExclusions,
  distressExclusions,
  distressPatterns,
  englishPhrases,
  englishReported,
  otherLanguagePhrases,
  otherLatinPhrases,
  everydayCauses,
  goodNews,
  honorificAfter,
  observedAfter,
  laughs,
  hyperbolePatterns,
  otherSubject,
  othersPossessive,
  selfSubject,
  subjectMarker,
} from "../content/safety-concepts";
import { compileFolded, escapeRegExp, foldForSafety } from "./fold";
import { foldSentences, SENTENCE_BOUNDARY } from "./safety-fold";
import { isNotMeantNow } from "./safety-story";
import { isSomeoneElses, sentenceAround } from "./safety-whose";
import { doubtBelow, modelReading, prepareModel } from "./safety-model";
import { anyOf } from "./safety-verbs";
import { concepts, SHORT_MESSAGE } from "./safety-acute";
import { RequiredTextIndex, unpackRequired, type RequiredStrings } from "./required-text-index";
import { compiledOnFirstUse } from "./machine-code";
import { safetyRequired } from "../content/safety-required";

export { foldSentences } from "./safety-fold";

/**
 * How urgently a message needs a safety reply: `"acute"` (a wish, plan or act of dying or
 * self-harm, passive ideation, means), `"distress"` (strain such as 限界, 眠れない, パワハラ) or
 * null (no sign about the writer). Acute wins when both appear.
 */
export type SafetyLevel = "acute" | "distress" | null;

/** Joins folded sentences and marks where an excluded phrase was cut out; never in folded text. */
const BOUNDARY = SENTENCE_BOUNDARY;

function phrases(list: readonly string[]): RegExp {
  const folded = [...new Set(list.map(foldForSafety))].filter((p) => p !== "");
  folded.sort((a, b) => b.length - a.length);
  return new RegExp(folded.map(escapeRegExp).join("|"), "g");
}

const ACUTE_EXCLUDED = phrases(acuteExclusions);
const ENGLISH = new RegExp(`${englishPhrases}|${otherLatinPhrases}`);
const ENGLISH_REPORTED = new RegExp(englishReported, "gi");
const OTHER_LANGUAGE = new RegExp(otherLanguagePhrases);
const LATIN = /[a-z]/i;
const DISTRESS = compileFolded(anyOf(distressPatterns), "g");
const HYPERBOLE = compileFolded(anyOf(hyperbolePatterns), "g");
const DISTRESS_EXCLUDED = phrases(distressExclusions);
const GOOD_NEWS = compileFolded(goodNews);
/** A laugh right after a hyperbole (「凍え死にそうw」「死ぬかと思った笑」): a joke, not distress. */
const LAUGH_AFTER = compileFolded(`^[^${BOUNDARY}]{0,6}?${laughs}`);
const EVERYDAY_CAUSE_BEFORE = compileFolded(`${everydayCauses}$`);
/** Another person as the subject just before a word of strain (「後輩がうつで」): their trouble. */
const OTHER_SUBJECT_RIGHT_BEFORE = compileFolded(`${otherSubject}[^${BOUNDARY}]{0,4}$`);
/** A respectful verb after a word of strain in its clause (「眠れずに起きていらした」): someone else's strain. */
const HONORIFIC_AFTER = compileFolded(honorificAfter);
/** How a strain looked on someone (「眠れない様子に気づいて」): someone else's strain. */
const OBSERVED_AFTER = compileFolded(observedAfter);
const OTHERS_BEFORE = compileFolded(`${othersPossessive}$`);
const SUBJECT_BEFORE = compileFolded(`${subjectMarker}$`);
const SELF_SUBJECT_BEFORE = compileFolded(`${selfSubject}$`);

/** The detector's own expressions that a message is first scanned for, besides the concepts. */
const SCANNED = [ACUTE_EXCLUDED, DISTRESS_EXCLUDED, OTHER_LANGUAGE, DISTRESS, HYPERBOLE];

/**
 * Every expression a message is first scanned for, the detector's own and then the concepts':
 * what the scan must never wrongly leave out (its test reads the corpora with these), in the
 * order of `../content/safety-required.ts`.
 */
export function scannedExpressions(): readonly RegExp[] {
  return [...SCANNED, ...concepts().indexed];
}

/**
 * The strings each of `expressions` requires, as `npm run safety:index` read them ahead of time,
 * when they were read from these expressions; otherwise undefined, and the index reads them itself
 * (once, about a tenth of a second). The lengths of the sources tell a stale file; a test checks
 * the strings themselves.
 */
function storedRequired(expressions: readonly RegExp[]): RequiredStrings | undefined {
  const { sourceLengths, strings } = safetyRequired;
  const current =
    sourceLengths.length === expressions.length && expressions.every((expression, at) => expression.source.length === sourceLengths[at]);
  return current ? unpackRequired(strings) : undefined;
}

/** Built on an instance's first message (or a step before it). */
let index: RequiredTextIndex | undefined;
/** The last text scanned, and which of {@link scannedExpressions} may match it. */
let lastScan: { readonly text: string; readonly open: Uint8Array } | undefined;

function requiredTextIndex(): RequiredTextIndex {
  if (index === undefined) {
    const expressions = scannedExpressions();
    index = new RequiredTextIndex(expressions, storedRequired(expressions));
  }
  return index;
}

/**
 * Which of {@link scannedExpressions} may match `text`: those left out hold none of the words
 * their every match needs (`./required-text-index.ts`). One scan for a message, remembered for
 * the next question about it.
 */
function scan(text: string): Uint8Array {
  if (lastScan?.text !== text) lastScan = { text, open: requiredTextIndex().possible(text) };
  return lastScan.open;
}

/**
 * False when `expression` (one of {@link SCANNED}) surely does not match `text`; true otherwise,
 * and then it is compiled to machine code if this is its first run.
 */
function mayMatch(expression: RegExp, text: string): boolean {
  if (scan(text)[SCANNED.indexOf(expression)] !== 1) return false;
  compiledOnFirstUse([expression]);
  return true;
}

/** A span of folded text the concepts read and judged not the writer's own: cut before the model reads. */
type Span = readonly [start: number, end: number];

function anyAbout(pattern: RegExp, text: string, writer: (start: number, end: number) => boolean, notTheWriters?: Span[]): boolean {
  // exec on the shared expression: matchAll would copy it for every message.
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    const start = match.index;
    const end = start + match[0].length;
    if (match[0] === "") pattern.lastIndex += 1;
    if (writer(start, end)) return true;
    notTheWriters?.push([start, end]);
  }
  return false;
}

/** True when `pattern` (a global expression) occurs in `text`. */
function found(pattern: RegExp, text: string): boolean {
  pattern.lastIndex = 0;
  return pattern.test(text);
}

/**
 * What the concepts read in a folded message (its excluded phrases cut out): acute, or the spans
 * they found and judged someone else's, a topic or an everyday use.
 */
function readByConcepts(folded: string): { readonly acute: boolean; readonly text: string; readonly notTheWriters: readonly Span[] } {
  const text = mayMatch(ACUTE_EXCLUDED, folded) ? folded.replace(ACUTE_EXCLUDED, BOUNDARY) : folded;
  const notTheWriters: Span[] = [];
  const aboutWriter = (start: number, end: number): boolean =>
    !isSomeoneElses(text, start, end) &&
    !OTHERS_BEFORE.test(text.slice(Math.max(0, start - 12), start)) &&
    !isNotMeantNow(text, start, end);
  const selfOnly = (start: number, end: number): boolean => {
    const before = text.slice(Math.max(0, start - 8), start);
    return (!SUBJECT_BEFORE.test(before) || SELF_SUBJECT_BEFORE.test(before)) && aboutWriter(start, end);
  };
  const read = concepts().possible(scan(text), SCANNED.length, text.length > SHORT_MESSAGE);
  const acute =
    read.acute.some((pattern) => anyAbout(pattern, text, aboutWriter, notTheWriters)) ||
    read.harmVerbs.some((pattern) => anyAbout(pattern, text, selfOnly, notTheWriters)) ||
    read.meansInContext.some(
      // The pattern first: it is rarer than its context words, so most messages stop at one scan.
      ({ pattern, unlessNear, onlyNear, unlessAnywhere }) =>
        found(pattern, text) &&
        onlyNear.test(text) &&
        !unlessAnywhere.test(text) &&
        anyAbout(pattern, text, (start, end) => !unlessNear.test(sentenceAround(text, start)) && aboutWriter(start, end), notTheWriters),
    );
  return { acute, text, notTheWriters };
}

/** `text` with `spans` replaced by boundaries. */
function cut(text: string, spans: readonly Span[]): string {
  let out = text;
  for (const [start, end] of [...spans].sort((a, b) => b[0] - a[0])) out = out.slice(0, start) + BOUNDARY + out.slice(end);
  return out;
}

/**
 * The folded message as the learned model reads it: sentences, without the excluded phrases and
 * without what the concepts judged someone else's (「母が『死にたい』と言うから」 loses its quote).
 */
export function foldForModel(text: string): string {
  const { text: read, notTheWriters } = readByConcepts(foldSentences(text));
  return cut(read, notTheWriters);
}

function isDistress(folded: string): boolean {
  const text = mayMatch(DISTRESS_EXCLUDED, folded) ? folded.replace(DISTRESS_EXCLUDED, BOUNDARY) : folded;
  const aboutWriter = (start: number, end: number): boolean =>
    !isSomeoneElses(text, start, end) &&
    !OTHER_SUBJECT_RIGHT_BEFORE.test(text.slice(Math.max(0, start - 12), start)) &&
    !HONORIFIC_AFTER.test(text.slice(end)) &&
    !OBSERVED_AFTER.test(text.slice(end));
  if (mayMatch(DISTRESS, text) && anyAbout(DISTRESS, text, aboutWriter)) return true;
  if (!mayMatch(HYPERBOLE, text) || GOOD_NEWS.test(text)) return false;
  return anyAbout(
    HYPERBOLE,
    text,
    (start, end) =>
      !EVERYDAY_CAUSE_BEFORE.test(text.slice(Math.max(0, start - 8), start)) &&
      !LAUGH_AFTER.test(text.slice(end)) &&
      aboutWriter(start, end),
  );
}

/** The safety level of `text`, with or without the learned net. */
function assess(text: string, withModel: boolean): SafetyLevel {
  const folded = foldSentences(text);
  if (folded === "") return null;
  const concepts = readByConcepts(folded);
  const read = cut(concepts.text, concepts.notTheWriters);
  const model = withModel ? modelReading(read, doubtBelow(text)) : null;
  if (concepts.acute && !model?.doubts) return "acute";
  if (LATIN.test(text) && ENGLISH.test(foldForSafety(text.replace(ENGLISH_REPORTED, " ")))) return "acute";
  if (mayMatch(OTHER_LANGUAGE, folded) && OTHER_LANGUAGE.test(folded)) return "acute";
  // The model's own reading counts with or without a concept's (a doubted concept included), as cross-validation counts it.
  if (model?.acute) return "acute";
  return isDistress(folded) ? "distress" : null;
}

/** What readies the detector, in order: each a few milliseconds' work. */
const PREPARATION = [concepts, requiredTextIndex, prepareModel];
/** How many of {@link PREPARATION} are done. */
let prepared = 0;

/**
 * Readies the detector for an instance's first message, a few milliseconds' work at a time: its
 * expressions built, the index of the strings they require, then where the blocks of the net's
 * weights start (each block is unpacked when first read), the work that message would otherwise
 * do first. Says whether any is left. Reading a message
 * does not need it: a message read before the steps are done does what is left itself. The
 * webhook runs one step at a time while an instance's first message waits on the network (see
 * `src/handle-events.ts`), so that no step holds a reply from the store back for long. An
 * expression is compiled only before its first run, so a message that none may match compiles none.
 */
export function prepareSafetyReadStep(): boolean {
  if (prepared < PREPARATION.length) PREPARATION[prepared++]();
  return prepared < PREPARATION.length;
}

/**
 * The safety level of `text`. Runs on every message (up to 5,000 characters); the expressions
 * are compiled on the first message read. Professional and figurative phrases (自殺対策, 死ぬ気で,
 * 限界集落 …) are cut out before matching, so they never raise the level on their own but do not
 * hide a real signal elsewhere in the same message; acute words about the writer stay acute in
 * any sentence.
 */
export function assessSafety(text: string): SafetyLevel {
  if (lastRead !== null && lastRead.text === text) return lastRead.level;
  const level = assess(text, true);
  lastRead = { text, level };
  return level;
}

/** The last message read and its level: one turn asks of the same message up to four times. */
let lastRead: { readonly text: string; readonly level: SafetyLevel } | null = null;

/**
 * The safety level the concepts alone give, without the learned model: what the model is
 * trained beside and measured against.
 */
export function assessSafetyByConcepts(text: string): SafetyLevel {
  return assess(text, false);
}
