/**
 * Folding a message for the safety detector (PRODUCT.md §3.6): the sentences of a message in one
 * alphabet, so that 「シ ニ タ イ」, 「ｼﾆﾀｲ」, 「shinitai」, 「し〇たい」, 「しにたーい」 and 「💊ぜんぶのむ」 read
 * as people mean them. Pure; the marks, spellings and emoji are listed in `../content/safety-concepts.ts`.
 */
import {
  dialectNou,
  emojiWords,
  lookalikeSpellings,
  maskedSpellings,
  maskMarks,
  otherSubject,
  quoteBrackets,
  quotedToTheWriter,
  sentenceEnds,
  smallVowels,
} from "../content/safety-concepts";
import { compileFolded, escapeRegExp, foldForSafety } from "./fold";
import { foldRomaji } from "./romaji";

/** Joins folded sentences; never in folded text, which has no punctuation or symbols. */
export const SENTENCE_BOUNDARY = "|";

/** Where sentences end, before folding removes the punctuation. */
const SENTENCE_END = new RegExp(sentenceEnds, "g");
/** Marks a sentence end through folding, which keeps private-use characters. */
const SENTENCE_MARK = "\u{e001}";

const SMALL_VOWEL = new RegExp(`[${Object.keys(smallVowels).join("")}]`, "g");

const EMOJI_WORD = new RegExp(Object.keys(emojiWords).join("|"), "gu");
/** A word emoji typed between every letter (「し💀に💀た💀い」): a separator, not a word. */
const EMOJI_BETWEEN_LETTERS = new RegExp(`(${Object.keys(emojiWords).join("|")})(?:(?!\\1)[^\\s]\\1){2,}`, "gu");
const MARK = "\u{e000}";
const MASK = new RegExp(`[${escapeRegExp(maskMarks)}]`);
const MASK_ALL = new RegExp(MASK.source, "g");
const MASKED = maskedSpellings.map(([masked, word]) => ({ pattern: new RegExp(escapeRegExp(masked).replace("M", MARK), "g"), word }));

/** `text` with a hidden letter read back (「〇にたい」 as 「しにたい」); other marks are left to folding. */
function unmask(text: string): string {
  if (!MASK.test(text)) return text;
  const marked = text.replace(MASK_ALL, MARK);
  return MASKED.reduce((read, { pattern, word }) => read.replace(pattern, word), marked).replaceAll(MARK, "");
}

/** Words in brackets (`quoteBrackets`), up to 300 characters. */
const QUOTED = new RegExp(
  quoteBrackets.map(([open, close]) => `${escapeRegExp(open)}[^${escapeRegExp(open + close)}]{1,300}${escapeRegExp(close)}`).join("|"),
  "g",
);
const OPENS = new RegExp(`[${escapeRegExp(quoteBrackets.map(([open]) => open).join(""))}]`);
/** How much before an opening and after a closing bracket, in the sentence, is read for who said the words. */
const SAID_WITHIN = 24;
const SAID_TO_THE_WRITER = compileFolded(quotedToTheWriter);
const SOMEONE_ELSE_BEFORE = compileFolded(`${otherSubject}.{0,${SAID_WITHIN}}$`);
const SENTENCE_START = new RegExp(`(?:${sentenceEnds}|\\n)(?![\\s\\S]*(?:${sentenceEnds}|\\n))`);

/**
 * `text` without the words in brackets that someone else said to the writer or that another person
 * said (患者さんが「もう死にたい、早く楽にしてほしい」と泣いていました, 「死にたいと思っているの？」と
 * 聞かれた): the detector reads the writer's own words only. Words in brackets the writer said,
 * thought or wrote themselves (「もう無理」って思った, 「今から死にます」って泣いた) stay.
 */
function withoutOthersQuotes(text: string): string {
  if (!OPENS.test(text)) return text;
  return text.replace(QUOTED, (quote: string, at: number) => {
    const before = text.slice(Math.max(0, at - 2 * SAID_WITHIN), at);
    const sentence = before.slice((SENTENCE_START.exec(before)?.index ?? -1) + 1);
    const after = foldForSafety(text.slice(at + quote.length, at + quote.length + SAID_WITHIN));
    return SAID_TO_THE_WRITER.test(after) || SOMEONE_ELSE_BEFORE.test(foldForSafety(sentence)) ? "" : quote;
  });
}

const DIALECT_NOU = new RegExp(dialectNou, "gu");

/** `text` with look-alike characters read as the kana they stand for (「し二たい」). */
function unLookalike(text: string): string {
  return lookalikeSpellings.reduce((read, [typed, meant]) => (read.includes(typed) ? read.replaceAll(typed, meant) : read), text);
}

/**
 * The sentences of `text`, each folded for matching (width, case, kana, romaji, no punctuation
 * or emoji), joined by {@link SENTENCE_BOUNDARY}.
 */
export function foldSentences(text: string): string {
  // One fold of the whole message, its sentence ends marked with a character folding keeps.
  const marked = unLookalike(unmask(withoutOthersQuotes(text)))
    .replace(EMOJI_BETWEEN_LETTERS, (run, emoji: string) => run.replaceAll(emoji, ""))
    .replace(EMOJI_WORD, (emoji) => emojiWords[emoji] ?? emoji)
    .replace(SENTENCE_END, SENTENCE_MARK);
  return foldRomaji(foldForSafety(marked))
    .replace(SMALL_VOWEL, (vowel) => smallVowels[vowel] ?? vowel)
    .replace(DIALECT_NOU, "")
    .split(SENTENCE_MARK)
    .filter((sentence) => sentence !== "")
    .join(SENTENCE_BOUNDARY);
}
