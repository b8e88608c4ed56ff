/**
 * Folding shared by the understanding modules: the command matcher's canonical form,
 * plus the same folding applied to pattern sources so content authors can write them
 * as people type them.
 */
import { normalizeForMatch, toHiragana } from "../commands";
import { stretchMarks } from "../content/safety";

/** Prolonged-sound marks and wave dashes, which people stretch words with (「しにたーい」). */
const STRETCH = new RegExp(`[${stretchMarks}]`, "g");

/** Zero-width spaces and joiners and variation selectors: left behind by emoji, or typed to split a word. */
const EMOJI_LEFTOVERS = /\u200b|\u200c|\u200d|\u2060|\ufeff|\ufe0e|\ufe0f/g;

/**
 * The form a message is matched in: {@link normalizeForMatch} (NFKC, lower case,
 * katakana to hiragana, no spaces, punctuation, symbols or emoji), without stretch marks
 * and without the joiners and variation selectors that emoji leave behind.
 */
export function foldForSafety(text: string): string {
  return normalizeForMatch(text).replace(STRETCH, "").replace(EMOJI_LEFTOVERS, "");
}

/**
 * Folds a regular-expression source the way {@link foldForSafety} folds text, without
 * touching its syntax: NFKC, katakana to hiragana and no stretch marks. Letters are not
 * lower-cased (that would change escapes such as `\S`); write patterns in lower case.
 */
export function foldPatternSource(source: string): string {
  return toHiragana(source.normalize("NFKC")).replace(STRETCH, "");
}

/**
 * A regular expression from a source written as people type, in the folded alphabet
 * ({@link foldPatternSource}); the safety detector's patterns take no `u` flag, since plain BMP
 * patterns scan faster without it.
 */
export function compileFolded(source: string, flags = ""): RegExp {
  return new RegExp(foldPatternSource(source), flags);
}

/** Escapes `text` for use inside a regular expression. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
