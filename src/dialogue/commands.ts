/**
 * Tolerant matching of typed commands (PRODUCT.md §3.4): full-/half-width, katakana or
 * hiragana, case, surrounding spaces and punctuation do not matter.
 */
import { commandWords } from "./content";
import type { CommandId } from "./postback";

/**
 * Folds text to a canonical form for comparison: NFKC (width), lower case, katakana to
 * hiragana, and no white space, punctuation or symbols.
 */
export function normalizeForMatch(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\u30a1-\u30f6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60))
    .replace(/[\s\p{P}\p{S}]/gu, "");
}

const COMMAND_BY_WORD: ReadonlyMap<string, CommandId> = new Map(
  (Object.entries(commandWords) as [CommandId, readonly string[]][]).flatMap(([id, words]) =>
    words.map((word) => [normalizeForMatch(word), id] as const),
  ),
);

/** The command `text` asks for, or null when it is not a command. */
export function matchCommand(text: string): CommandId | null {
  const key = normalizeForMatch(text);
  return key === "" ? null : (COMMAND_BY_WORD.get(key) ?? null);
}
