/**
 * Reflecting the user's own words back (言い換え) in one short acknowledgement, chosen by
 * what the words answered ({@link MirrorContext}) and by how they end. Pure: the words
 * come from `../content/mirror`, the reading of endings from `./endings`.
 *
 * Every quote balances its brackets, however the user typed and wherever it is cut. A moment
 * is quoted by its scene (its start), never by the thanker's words alone; a deed told from the
 * thanker's side is quoted in the user's voice; the もやもや answer is paraphrased, not quoted.
 * The quote shown is for display only — the caller stores the user's full text.
 */
import { brackets, clauseBreaks, ellipsis, teToPast, thoughtTails, trailingParticles } from "../content/endings";
import {
  hardDay,
  hardDayLead,
  mirrorFamilies,
  sceneUnquoted,
  modestDeedFrames,
  modestyCues,
  speechTails,
  danglingSpeaker,
  type MirrorContext,
  type MirrorFamily,
} from "../content/mirror";
import { deedVoice, freshStrength, type NamedStrength } from "./deed";
import { dropLeadingFillers } from "./will-sentence";
import {
  applyRule,
  applyRules,
  bracketDepth,
  clipBalanced,
  dropConjunction,
  dropTrailingMarks,
  endingKind,
  isBareAnswer,
  plainForm,
  sentences,
  type EndingKind,
} from "./endings";
import { reflectMoyamoya } from "./moyamoya";

/** What the user's words answered (moyamoya, moment, feeling, deed, action); defined with the copy. */
export type { MirrorContext } from "../content/mirror";

/** How many characters of the user's words an acknowledgement quotes at most (the ellipsis included). */
export const DISPLAY_LENGTH = 40;

/** A quote prepared for a frame: the words shown and how they end. */
interface Quote {
  readonly text: string;
  readonly kind: EndingKind;
}

/** How a deed was acknowledged: the words said and the strength they named, if any. */
export interface DeedAcknowledgement {
  readonly text: string;
  readonly strength: string | null;
}

/**
 * The user's words shortened for display only: the first sentence, without closing
 * punctuation or emoji, clipped to `max` characters ending with an ellipsis when longer,
 * its brackets balanced. Never contains a sentence break in the middle. "" for an empty text.
 */
export function displayQuote(text: string, max = DISPLAY_LENGTH): string {
  const first = sentences(text)[0] ?? "";
  return clipBalanced(first, max);
}

/**
 * A short acknowledgement that reflects `text` back, or "" when the text should not be
 * quoted (empty, or only はい/いいえ/ない and the like). `turn` (any counter the caller
 * keeps, e.g. how many moments were told so far) picks the wording: consecutive turns in
 * one context never get the same acknowledgement. A もやもや answer is paraphrased
 * ({@link reflectMoyamoya}); for a deed see {@link acknowledgeDeed}.
 */
export function mirror(full: string, context: MirrorContext, turn: number): string {
  if (context === "moyamoya") return reflectMoyamoya(full);
  if (context === "deed") return acknowledgeDeed(full, turn, []).text;
  const text = analysed(full);
  if (isBareAnswer(text)) return "";
  const afterHardDay = context === "moment" ? afterHardDayOf(text) : null;
  const quote = context === "moment" ? sceneQuote(afterHardDay ?? text) : pickQuote(text);
  if (quote === null) return "";
  const family = familyAt(mirrorFamilies[context], turn);
  if (family === undefined) return "";
  const framed = frameFor(family, quote.kind).replaceAll("{text}", quote.text);
  return afterHardDay === null ? framed : hardDayLead + framed;
}

/** How far into a moment a hard day's concession may come (「締め切りギリギリで魂抜けそうでしたが、」). */
const HARD_DAY_WITHIN = 40;

/** How close to the concession the hard day's word must be (「…忙しかったけど」, 「…魂抜けそうでしたが」). */
const HARD_DAY_CLOSE = 10;

/**
 * A moment told after a hard day, from after the concession (「死ぬほど忙しかったけど、お客さんに
 * ありがとうと言われた」 → 「お客さんにありがとうと言われた」); null when it is not told so.
 */
function afterHardDayOf(text: string): string | null {
  const found = hardDay.concessions
    .map((concession) => ({ concession, at: text.indexOf(concession) }))
    .filter(({ at }) => at > 0 && at <= HARD_DAY_WITHIN)
    .sort((a, b) => a.at - b.at || b.concession.length - a.concession.length)[0];
  if (found === undefined) return null;
  const clause = text.slice(Math.max(0, found.at - HARD_DAY_CLOSE), found.at);
  const rest = text.slice(found.at + found.concession.length).trim();
  const hard = hardDay.cues.some((cue) => clause.includes(cue)) && !hardDay.unlike.some((word) => clause.includes(word));
  return hard && [...rest].length >= 4 && hardDay.thanks.some((word) => rest.includes(word)) ? rest : null;
}

/**
 * The acknowledgement of a deed, in the user's voice (相談にのってくれて is quoted as
 * 相談にのった), naming a strength the session has not named yet (`named`, in order) unless
 * the deed repeats the word that showed it. Empty when the deed is bare or told only in the
 * thanker's words (see {@link deedVoice}): the caller then asks what the user did.
 */
export function acknowledgeDeed(full: string, turn: number, named: readonly NamedStrength[]): DeedAcknowledgement {
  const none = { text: "", strength: null };
  const text = analysed(full);
  if (isBareAnswer(text)) return none;
  const voice = deedVoice(dropLeadingFillers(text));
  if (voice.kind === "thanker") return none;
  const quote = pickQuote(voice.text);
  if (quote === null) return none;
  const family = familyAt(mirrorFamilies.deed, turn);
  if (family === undefined) return none;
  const modest = modestyCues.some((cue) => text.includes(cue));
  const frame = modest ? (familyAt(modestDeedFrames, turn) ?? frameFor(family, quote.kind)) : frameFor(family, quote.kind);
  const strength = frame.includes(STRENGTH) ? freshStrength(voice.text, named) : null;
  return { text: frame.replaceAll("{text}", quote.text).replaceAll(STRENGTH, strength ?? ""), strength };
}

const STRENGTH = "{strength}";

/** The start of a long message: a quote is at most a sentence or two, so the rest is not read. */
function analysed(full: string): string {
  return full.length > ANALYSED_LENGTH ? full.slice(0, ANALYSED_LENGTH) : full;
}

function familyAt<T>(families: readonly T[], turn: number): T | undefined {
  return families[((Math.trunc(turn) % families.length) + families.length) % families.length];
}

function frameFor(family: MirrorFamily, kind: EndingKind): string {
  switch (kind) {
    case "predicate":
      return family.predicate;
    case "noun":
      return family.noun;
    case "nominal":
      return family.nominal ?? family.other;
    case "question":
      return family.question ?? family.other;
    case "other":
      return family.other;
  }
}

/** The part of the text to quote: the first sentence with a clear ending that fits, else the first. */
function pickQuote(text: string): Quote | null {
  const parts = sentences(text)
    .slice(0, MAX_SENTENCES)
    .filter((part) => !isBareAnswer(part));
  const prepared = parts.map(prepareLong);
  const clear = prepared.find((quote) => quote.kind !== "other" && [...quote.text].length <= DISPLAY_LENGTH);
  const chosen = clear ?? prepared[0];
  return chosen === undefined ? null : shorten(chosen);
}

/**
 * A moment's scene: its first sentence whole when it fits; else without the thanker's words
 * (経理の人に『毎月3時間浮きました』と感謝された → 経理の人に感謝された); else its start,
 * cut after a clause with an ellipsis. Never the end alone, which is usually the thanks. A
 * sentence with someone's words of dying or harm ({@link sceneUnquoted}) is passed over for the
 * first one with the thanks, or else the first without such words; none, and nothing is quoted.
 */
function sceneQuote(text: string): Quote | null {
  const parts = sentences(text).filter((part) => !isBareAnswer(part));
  const quotable = parts.filter((part) => !sceneUnquoted.some((word) => part.includes(word)));
  const first =
    quotable.length === parts.length
      ? parts[0]
      : (quotable.find((part) => hardDay.thanks.some((word) => part.includes(word))) ?? quotable[0]);
  if (first === undefined) return null;
  const whole = prepareLong(first);
  if ([...whole.text].length <= DISPLAY_LENGTH) return whole;
  // A speaker left dangling once their words are cut gets a verb of saying (`danglingSpeaker`).
  const bare = withoutSpeech(first);
  const scene = prepareLong(DANGLING_SPEAKER.test(bare) ? bare + danglingSpeaker.verb : bare);
  if (scene.text.length > 0 && [...scene.text].length <= DISPLAY_LENGTH) return scene;
  return { text: headOf(scene.text.length > 0 ? scene.text : whole.text), kind: "other" };
}

const DANGLING_SPEAKER = new RegExp(danglingSpeaker.ending, "u");

/** The text without the bracketed words someone said and the と/って that quotes them; other brackets stay. */
function withoutSpeech(text: string): string {
  const chars = [...text];
  const tails = [...speechTails].sort((a, b) => b.length - a.length);
  let out = "";
  for (let i = 0; i < chars.length; i += 1) {
    const close = chars[i] === brackets.innerOpen || chars[i] === brackets.open ? matchingClose(chars, i) : -1;
    const tail =
      close < 0
        ? undefined
        : tails.find((t) =>
            chars
              .slice(close + 1)
              .join("")
              .startsWith(t),
          );
    if (tail === undefined) out += chars[i];
    else i = close + [...tail].length;
  }
  return out.replace(/\s+/gu, " ").trim();
}

/** The index of the bracket that closes the one opened at `open`, or -1. */
function matchingClose(chars: readonly string[], open: number): number {
  let depth = 0;
  for (let i = open; i < chars.length; i += 1) {
    const char = chars[i] ?? "";
    if (char === brackets.innerOpen || char === brackets.open) depth += 1;
    else if (char === brackets.innerClose || char === brackets.close) {
      depth -= 1;
      if (depth === 0) return i;
    }
  }
  return -1;
}

/** The start of a quote, cut after whole clauses outside any bracket, with an ellipsis. */
function headOf(text: string): string {
  const clauses = clausesOutsideBrackets(text);
  let head = "";
  for (const clause of clauses) {
    const next = head + clause;
    if ([...dropTrailingMarks(next)].length + 1 > DISPLAY_LENGTH) break;
    head = next;
  }
  return head.length > 0 ? dropTrailingMarks(head) + ellipsis : clipBalanced(text, DISPLAY_LENGTH);
}

/** How much of a message (UTF-16 units) is read for its quote and strength. */
const ANALYSED_LENGTH = 400;
/** Sentences looked at for a quote: the first few are enough, however long the message. */
const MAX_SENTENCES = 4;
/** How much of a sentence's end the ending rules read; only the end decides the frame. */
const ENDING_WINDOW = 120;

/** {@link prepare} on the end of a long sentence, its head kept as it was (a 5,000-character message stays fast). */
function prepareLong(sentence: string): Quote {
  const chars = [...sentence];
  if (chars.length <= ENDING_WINDOW) return prepare(sentence);
  const head = chars.slice(0, chars.length - ENDING_WINDOW).join("");
  const end = prepare(chars.slice(chars.length - ENDING_WINDOW).join(""));
  return { text: head + end.text, kind: end.kind };
}

/** One sentence in the plain form where safe, closing particles and conjunctions dropped. */
function prepare(sentence: string): Quote {
  let text = sentence;
  for (let i = 0; i < 3; i += 1) {
    const plain = plainForm(text);
    const next = dropConjunction(applyRule(plain, thoughtTails) ?? plain);
    if (next === text) break;
    text = next;
  }
  text = applyRule(text, teToPast) ?? text;
  const withoutParticle = applyRules(text, trailingParticles, 1);
  if (withoutParticle !== text && endingKind(withoutParticle) === "noun") text = withoutParticle;
  text = dropTrailingMarks(text);
  return { text, kind: endingKind(text) };
}

/**
 * A quote that fits: kept whole, else its last clauses after an ellipsis (cut only outside
 * brackets, so the ending still fits the frame), else its head and an ellipsis.
 */
function shorten(quote: Quote): Quote {
  const chars = [...quote.text];
  if (chars.length <= DISPLAY_LENGTH) return quote;
  const clauses = clausesOutsideBrackets(quote.text);
  for (let start = 1; start < clauses.length; start += 1) {
    const tail = clauses.slice(start).join("").trim();
    if ([...tail].length <= DISPLAY_LENGTH - 1 && [...tail].length >= 8) return { text: ellipsis + tail, kind: quote.kind };
  }
  return { text: clipBalanced(quote.text, DISPLAY_LENGTH), kind: "other" };
}

/** The text cut after each clause break that stands outside every bracket, the breaks kept. */
function clausesOutsideBrackets(text: string): string[] {
  const parts: string[] = [""];
  for (const char of text) {
    parts[parts.length - 1] += char;
    if (clauseBreaks.includes(char) && bracketDepth(parts.join("")) === 0) parts.push("");
  }
  return parts.filter((part) => part.length > 0);
}
