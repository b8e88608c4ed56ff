/**
 * Reflecting the user's own words back (言い換え) in one short acknowledgement, chosen by
 * what the words answered ({@link MirrorContext}) and by how they end. Pure: the words
 * come from `../content/mirror`, the reading of endings from `./endings`.
 *
 * The quote shown is for display only — the caller stores the user's full text.
 */
import { clauseBreaks, ellipsis, teToPast, thoughtTails, trailingParticles } from "../content/endings";
import {
  defaultDeedStrength,
  deedStrengths,
  mirrorFamilies,
  modestDeedFrames,
  modestyCues,
  type MirrorContext,
  type MirrorFamily,
} from "../content/mirror";
import {
  applyRule,
  applyRules,
  dropConjunction,
  dropTrailingMarks,
  endingKind,
  isBareAnswer,
  plainForm,
  sentences,
  tidy,
  type EndingKind,
} from "./endings";

/** What the user's words answered (moyamoya, moment, feeling, deed, action); defined with the copy. */
export type { MirrorContext } from "../content/mirror";

/** How many characters of the user's words an acknowledgement quotes at most (the ellipsis included). */
export const DISPLAY_LENGTH = 40;

/** A quote prepared for a frame: the words shown and how they end. */
interface Quote {
  readonly text: string;
  readonly kind: EndingKind;
}

/**
 * The user's words shortened for display only: the first sentence, without closing
 * punctuation or emoji, clipped to `max` characters ending with an ellipsis when longer.
 * Never contains a sentence break in the middle. Returns "" for an empty text.
 */
export function displayQuote(text: string, max = DISPLAY_LENGTH): string {
  const first = sentences(text)[0] ?? "";
  return clipHead(first, max);
}

/**
 * A short acknowledgement that reflects `text` back, or "" when the text should not be
 * quoted (empty, or only はい/いいえ/ない and the like). `turn` (any counter the caller
 * keeps, e.g. how many moments were told so far) picks the wording: consecutive turns in
 * one context never get the same acknowledgement. For a deed, some wordings name the
 * strength the deed shows.
 */
export function mirror(full: string, context: MirrorContext, turn: number): string {
  // A quote is at most a sentence or two: the start of a long message is all that is read.
  const text = full.length > ANALYSED_LENGTH ? full.slice(0, ANALYSED_LENGTH) : full;
  if (isBareAnswer(text)) return "";
  const quote = pickQuote(text);
  if (quote === null) return "";
  const families = mirrorFamilies[context];
  const index = ((Math.trunc(turn) % families.length) + families.length) % families.length;
  const family = families[index];
  if (family === undefined) return "";
  const modest = context === "deed" && modestyCues.some((cue) => text.includes(cue));
  const frame = modest ? (modestDeedFrames[index % modestDeedFrames.length] ?? frameFor(family, quote.kind)) : frameFor(family, quote.kind);
  return frame.replaceAll("{text}", quote.text).replaceAll("{strength}", strengthOf(text));
}

/**
 * The strength a deed shows (言い換え). The clauses are read from the last, which usually
 * holds the main deed (…を聞いて、デザインを提案した → 提案); within a clause the first
 * matching entry of the content table wins. A safe generic strength when nothing matches.
 */
export function strengthOf(deed: string): string {
  const clauses = splitAfter(tidy(deed), clauseBreaks).reverse();
  for (const clause of clauses) {
    const found = deedStrengths.find((entry) => entry.cues.some((cue) => clause.includes(cue)));
    if (found !== undefined) return found.strength;
  }
  return defaultDeedStrength;
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

/** A quote that fits: kept whole, else its last clauses after an ellipsis, else its head and an ellipsis. */
function shorten(quote: Quote): Quote {
  const chars = [...quote.text];
  if (chars.length <= DISPLAY_LENGTH) return quote;
  const clauses = splitAfter(quote.text, clauseBreaks);
  for (let start = 1; start < clauses.length; start += 1) {
    const tail = clauses.slice(start).join("").trim();
    if ([...tail].length <= DISPLAY_LENGTH - 1 && [...tail].length >= 8) return { text: ellipsis + tail, kind: quote.kind };
  }
  return { text: clipHead(quote.text, DISPLAY_LENGTH), kind: "other" };
}

function clipHead(text: string, max: number): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  return dropTrailingMarks(chars.slice(0, Math.max(1, max - 1)).join("")) + ellipsis;
}

/** The text cut after every character of `breaks`, the breaks kept. */
function splitAfter(text: string, breaks: string): string[] {
  const parts: string[] = [""];
  for (const char of text) {
    parts[parts.length - 1] += char;
    if (breaks.includes(char)) parts.push("");
  }
  return parts.filter((part) => part.length > 0);
}
