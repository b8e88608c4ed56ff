/**
 * Reading a message that follows an answer (PRODUCT.md §3.6): a filler (えっと), a correction
 * of the answer just given (いや、やっぱり2です), or anything else. Pure; the words live in
 * `../content/burst.ts`. Only words at the start of a message mark a correction, and only a
 * message made of fillers alone is a filler, so an answer that merely contains them is kept.
 */
import { normalizeForMatch } from "../commands";
import {
  answerPartJoiner,
  changeOfMindWords,
  correctionLeads,
  correctionMarkers,
  fillerWords,
  notButWords,
  prolongedSound,
  topicParticle,
} from "../content/burst";
import { escapeRegExp } from "./fold";

/**
 * What a message means after an answer.
 * - `filler`: hesitation only; nothing to store.
 * - `correction`: the answer just given was wrong; `text` is the right answer as typed, ""
 *   when the message only said it was wrong (「間違えました」).
 * - `plain`: neither.
 */
export type BurstRead = { kind: "filler" } | { kind: "correction"; text: string } | { kind: "plain" };

const STRETCHED = new RegExp(`(?:${escapeRegExp(prolongedSound)})+`, "g");

/** The folded form of a word or message here: {@link normalizeForMatch}, a run of prolonged-sound marks as one. */
function fold(text: string): string {
  return normalizeForMatch(text).replace(STRETCHED, prolongedSound);
}

const byLength = (words: readonly string[]) => [...new Set(words.map(fold))].filter((w) => w !== "").sort((a, b) => b.length - a.length);
const FILLERS = byLength(fillerWords);
const LEADS = byLength(correctionLeads);
const MARKERS = byLength(correctionMarkers);
const CHANGES = byLength(changeOfMindWords);
const NOT_BUT = byLength(notButWords);

/** Longer than this (UTF-16 units), a message is no filler. */
const FILLER_MAX = 40;
/** How far into a message the words of a correction are looked for (UTF-16 units). */
const PREFIX_MAX = 40;

/** Whether `text` is made of {@link fillerWords} alone. */
export function isFiller(text: string): boolean {
  if (text.length > FILLER_MAX) return false;
  let rest = fold(text);
  if (rest === "") return false;
  while (rest !== "") {
    const word = FILLERS.find((filler) => rest.startsWith(filler));
    if (word === undefined) return false;
    rest = rest.slice(word.length);
  }
  return true;
}

/**
 * Reads a message that follows an answer. `previous` is that answer as typed (null for a tap),
 * which a 「XじゃなくてY」 must name; `quick` when the message was sent right after it, which
 * makes a bare 「やっぱり…」 a correction too.
 */
export function readBurst(text: string, previous: string | null, quick: boolean): BurstRead {
  if (isFiller(text)) return { kind: "filler" };
  const marked = correctionAfterMarkers(text.trim(), quick);
  if (marked !== null) return { kind: "correction", text: marked };
  const notBut = correctionAfterNotBut(text.trim(), previous);
  return notBut !== null ? { kind: "correction", text: notBut } : { kind: "plain" };
}

/** The right answer after the words that mark a correction at the start of `raw`; null when none does. */
function correctionAfterMarkers(raw: string, quick: boolean): string | null {
  let rest = raw;
  let lead = false;
  let marked = false;
  for (;;) {
    const marker = strip(rest, MARKERS, true);
    if (marker !== null) {
      [rest, marked] = [marker, true];
      continue;
    }
    const change = strip(rest, CHANGES, false);
    if (change !== null && (lead || quick || marked)) {
      [rest, marked] = [change, true];
      continue;
    }
    const leadRest = strip(rest, LEADS, true);
    if (leadRest !== null && leadRest !== rest) {
      [rest, lead] = [leadRest, true];
      continue;
    }
    break;
  }
  return marked ? answerPart(rest) : null;
}

/** 「3じゃなくて2です」 after the answer 「3くらいですかね」: 「2です」; null when the part before names no part of `previous`. */
function correctionAfterNotBut(raw: string, previous: string | null): string | null {
  const folded = fold(raw.slice(0, PREFIX_MAX));
  const word = NOT_BUT.find((candidate) => folded.includes(candidate));
  if (word === undefined) return null;
  const cut = rawCut(raw, (prefix) => fold(prefix).endsWith(word));
  if (cut === null) return null;
  const wrong = fold(raw.slice(0, cut)).slice(0, -word.length);
  const named = wrong === "" || (previous !== null && fold(previous).includes(wrong));
  return named ? answerPart(raw.slice(cut)) : null;
}

/**
 * `raw` without the first of `words` it starts with (compared folded), and without the marks
 * and spaces after it; null when it starts with none. With `separated`, the word must end the
 * message or be followed by a mark, a space or another word of a correction (unless it ends in
 * は), so that 「違う部署の人に」 or 「あの日」 is no correction.
 */
function strip(raw: string, words: readonly string[], separated: boolean): string | null {
  const folded = fold(raw.slice(0, PREFIX_MAX));
  for (const word of words) {
    if (!folded.startsWith(word)) continue;
    const cut = rawCut(raw, (prefix) => fold(prefix) === word);
    if (cut === null) continue;
    const after = raw.slice(cut);
    const rest = after.replace(/^[\s\p{P}\p{S}]+/u, "");
    // A word ending in は (正しくは) leads into the answer itself.
    if (!separated || word.endsWith(topicParticle) || rest !== after || rest === "" || startsWithAny(rest)) return rest;
  }
  return null;
}

/** Whether `raw` starts with a word that belongs in a correction. */
function startsWithAny(raw: string): boolean {
  const folded = fold(raw.slice(0, PREFIX_MAX));
  return [...MARKERS, ...CHANGES, ...LEADS].some((word) => folded.startsWith(word));
}

/** The shortest length of `raw`'s prefix that satisfies `fits`; null when none within {@link PREFIX_MAX}. */
function rawCut(raw: string, fits: (prefix: string) => boolean): number | null {
  for (let end = 1; end <= Math.min(raw.length, PREFIX_MAX); end += 1) if (fits(raw.slice(0, end))) return end;
  return null;
}

/** What remains of a correction as the right answer: trimmed of marks at its start; "" when nothing but marks remains. */
function answerPart(raw: string): string {
  const rest = raw.replace(/^[\s\p{P}\p{S}]+/u, "").trim();
  return fold(rest) === "" ? "" : rest;
}

/**
 * Two parts of one answer sent in a row, as one text: joined with {@link answerPartJoiner} unless the first ends
 * with a mark already (the parts are kept as typed).
 */
export function joinParts(first: string, second: string): string {
  const head = first.trimEnd();
  return /[\p{P}\p{S}]$/u.test(head) ? `${head}${second.trimStart()}` : `${head}${answerPartJoiner}${second.trimStart()}`;
}
