/**
 * Tolerant matching of typed commands (PRODUCT.md §3.4): full-/half-width, katakana or
 * hiragana, case, surrounding spaces and punctuation do not matter.
 */
import { commandWords, commandWordsAtRestOnly } from "./content";
import type { CommandId } from "./postback";

/** Folded texts remembered (at most 256, about 5 MB at worst): a turn compares the same message with many words and labels. */
const folded = new Map<string, string>();
const FOLDED_MAX = 256;

const KATAKANA = /[\u30a1-\u30f6]/g;

function toHiraganaChar(c: string): string {
  return String.fromCharCode(c.charCodeAt(0) - 0x60);
}

/** `text` with katakana (ァ–ヶ) written as hiragana; everything else as it was. */
export function toHiragana(text: string): string {
  return text.replace(KATAKANA, toHiraganaChar);
}

/**
 * Folds text to a canonical form for comparison: NFKC (width), lower case, katakana to
 * hiragana, and no white space, punctuation or symbols (nor the joiners and variation selectors
 * left of an emoji: 「ないです🙇‍♀️」). The result depends on `text`
 * alone; it is remembered because one turn asks for the same message many times.
 */
export function normalizeForMatch(text: string): string {
  const known = folded.get(text);
  if (known !== undefined) return known;
  const key = text
    .normalize("NFKC")
    .toLowerCase()
    .replace(KATAKANA, toHiraganaChar)
    .replace(/[\s\p{P}\p{S}\p{Cf}\u{FE00}-\u{FE0F}]/gu, "");
  if (folded.size >= FOLDED_MAX) folded.clear();
  folded.set(text, key);
  return key;
}

const COMMAND_BY_WORD: ReadonlyMap<string, CommandId> = new Map(
  (Object.entries(commandWords) as [CommandId, readonly string[]][]).flatMap(([id, words]) =>
    words.map((word) => [normalizeForMatch(word), id] as const),
  ),
);

/** Longer than this as typed (UTF-16 units), a text is not a command, whatever marks surround it. */
const COMMAND_TEXT_MAX = 64;

const AT_REST_ONLY: ReadonlySet<string> = new Set(commandWordsAtRestOnly.map(normalizeForMatch));

/**
 * The command `text` asks for, or null when it is not a command. While a question waits
 * (`answering`), a one-word answer that is also a command word ({@link commandWordsAtRestOnly})
 * is the answer, not the command.
 */
export function matchCommand(text: string, answering = false): CommandId | null {
  if (text.length > COMMAND_TEXT_MAX) return null;
  const key = normalizeForMatch(text);
  if (key === "" || (answering && AT_REST_ONLY.has(key))) return null;
  return COMMAND_BY_WORD.get(key) ?? null;
}
