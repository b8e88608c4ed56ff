/**
 * Rule-based reading of how a Japanese answer ends: tidying, splitting into sentences,
 * polite → plain rewrites and telling a predicate from a noun phrase. Pure functions;
 * every Japanese word they use comes from `../content/endings`.
 */
import {
  adjectiveEnding,
  adjectiveKanji,
  bareAnswers,
  brackets,
  continuativeNounEndings,
  clauseBreaks,
  ellipsis,
  exclamationBreaks,
  finalParticles,
  longVowelMarks,
  nominalEndings,
  nounEndings,
  nounsEndingInI,
  politeEndings,
  politeToPlain,
  questionEndings,
  quoteFollowers,
  predicateEndings,
  sentenceBreaks,
  trailingConjunctions,
  trailingMarks,
  verbEndings,
  type EndingRule,
} from "../content/endings";

/**
 * How a text ends, which decides the frame it is quoted in: a verb or adjective in the
 * plain form, a noun, a phrase closed by こと/もの (`nominal`), a question or wondering
 * (…のかな), or anything else (a
 * polite ending no rule could rewrite, a clipped quote, a fragment).
 */
export type EndingKind = "predicate" | "noun" | "nominal" | "question" | "other";

const HIRAGANA = /\p{Script=Hiragana}/u;
const KANJI = /\p{Script=Han}/u;
const PICTOGRAPH = /\p{Extended_Pictographic}|\p{Emoji_Modifier}|\u{FE0F}|\u{200D}|\u{20E3}/u;

/** Whitespace collapsed, user brackets turned into inner brackets, trimmed. */
export function tidy(text: string): string {
  return text
    .replace(/[^\S\n]+/gu, " ")
    .replaceAll(brackets.open, brackets.innerOpen)
    .replaceAll(brackets.close, brackets.innerClose)
    .trim();
}

/** The text without trailing punctuation, emoji, laughter marks and long-vowel marks after hiragana. */
export function dropTrailingMarks(text: string): string {
  const chars = [...text];
  let end = chars.length;
  for (;;) {
    const last = chars[end - 1];
    if (last === undefined) break;
    const isLongVowel = longVowelMarks.includes(last) && end >= 2 && HIRAGANA.test(chars[end - 2] ?? "");
    if (trailingMarks.includes(last) || PICTOGRAPH.test(last) || /\s/.test(last) || isLongVowel) end -= 1;
    else break;
  }
  return chars.slice(0, end).join("");
}

/**
 * The sentences of a text, each without its closing marks; empty ones dropped. A break
 * inside the user's own quote (『ありがとう。助かった』) does not end the sentence: it
 * becomes a comma there, or goes when it closes the quote, so no part holds a break. A
 * 「！」 or 「？」 that closes an unbracketed quote (わかった！と思える) stays in the sentence.
 */
export function sentences(text: string): string[] {
  const out: string[] = [];
  let current = "";
  let depth = 0;
  const chars = [...balanceBrackets(tidy(text))];
  chars.forEach((char, index) => {
    if (char === brackets.innerOpen) depth += 1;
    if (char === brackets.innerClose) {
      depth = Math.max(0, depth - 1);
      current = dropTrailingMarks(current);
    }
    if (depth > 0 && sentenceBreaks.includes(char)) {
      current += char === "\n" ? " " : clauseBreaks[0];
      return;
    }
    current += char;
    if (sentenceBreaks.includes(char) && !closesQuote(chars, index)) {
      out.push(current);
      current = "";
    }
  });
  out.push(current);
  return out.map((part) => dropTrailingMarks(part.trim())).filter((part) => part.length > 0);
}

/** Whether the mark at `index` closes an unbracketed quote: 「！」 or 「？」 after a word, before と思う, って … */
function closesQuote(chars: readonly string[], index: number): boolean {
  if (!exclamationBreaks.includes(chars[index] ?? "") || index === 0 || exclamationBreaks.includes(chars[index - 1] ?? "")) return false;
  const rest = chars.slice(index + 1, index + 4).join("");
  return quoteFollowers.some((follower) => rest.startsWith(follower));
}

/**
 * The text with every 「」 and 『』 paired: a closing bracket without its opening one, or
 * of the other kind, is dropped, and so is an opening bracket never closed. Quotes the bot
 * builds from this always balance, however the user typed.
 */
export function balanceBrackets(text: string): string {
  const pairs: Record<string, string> = { [brackets.open]: brackets.close, [brackets.innerOpen]: brackets.innerClose };
  const closers = new Set(Object.values(pairs));
  const chars = [...text];
  const keep = chars.map(() => true);
  const open: number[] = [];
  chars.forEach((char, index) => {
    if (pairs[char] !== undefined) open.push(index);
    else if (closers.has(char)) {
      const top = open.at(-1);
      if (top !== undefined && pairs[chars[top] ?? ""] === char) open.pop();
      else keep[index] = false;
    }
  });
  for (const index of open) keep[index] = false;
  return chars.filter((_, index) => keep[index]).join("");
}

/** How deep inside 「」 or 『』 the text is after its last character (0 when every bracket is closed). */
export function bracketDepth(text: string): number {
  let depth = 0;
  for (const char of text) {
    if (char === brackets.open || char === brackets.innerOpen) depth += 1;
    else if ((char === brackets.close || char === brackets.innerClose) && depth > 0) depth -= 1;
  }
  return depth;
}

/**
 * The text cut to at most `max` characters with an ellipsis, closing any bracket the cut left
 * open (『ありがとう、本当に…』), so a clipped quote still balances. The text itself when it fits.
 */
export function clipBalanced(text: string, max: number): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  for (let keep = Math.max(1, max - 1); keep >= 1; keep -= 1) {
    const head = dropTrailingMarks(chars.slice(0, keep).join(""));
    const closing = closersFor(head);
    const clipped = head + ellipsis + closing;
    if ([...clipped].length <= max) return clipped;
  }
  return ellipsis;
}

/** The closing brackets, innermost first, that the open brackets of `text` need. */
function closersFor(text: string): string {
  const stack: string[] = [];
  for (const char of text) {
    if (char === brackets.open) stack.push(brackets.close);
    else if (char === brackets.innerOpen) stack.push(brackets.innerClose);
    else if ((char === brackets.close || char === brackets.innerClose) && stack.at(-1) === char) stack.pop();
  }
  return stack.reverse().join("");
}

/** Applies the first matching rule of `rules` to the end of `text`; `null` when none matches. */
export function applyRule(text: string, rules: readonly EndingRule[]): string | null {
  for (const rule of rules) {
    if (!text.endsWith(rule.from) || (text.length === rule.from.length && rule.to === "")) continue;
    const before = [...text.slice(0, text.length - rule.from.length)].at(-1) ?? "";
    if (rule.after !== undefined && (before === "" || !rule.after.includes(before))) continue;
    if (rule.notAfter !== undefined && before !== "" && rule.notAfter.includes(before)) continue;
    return text.slice(0, text.length - rule.from.length) + rule.to;
  }
  return null;
}

/** Applies rules from `rules` to the end of `text` until none matches (at most a few times). */
export function applyRules(text: string, rules: readonly EndingRule[], times = 3): string {
  let current = text;
  for (let i = 0; i < times; i += 1) {
    const next = applyRule(current, rules);
    if (next === null || next === current || next.length === 0) break;
    current = next;
  }
  return current;
}

/** One sentence in its plain form where that is safe: final particles dropped, polite endings rewritten. */
export function plainForm(sentence: string): string {
  const withoutParticles = applyRules(dropTrailingMarks(sentence), finalParticles);
  const plain = applyRule(withoutParticles, politeToPlain) ?? withoutParticles;
  return applyRules(dropTrailingMarks(plain), finalParticles, 1) || withoutParticles;
}

/** Whether the text still ends politely (a rewrite was not safe). */
export function endsPolitely(text: string): boolean {
  return politeEndings.some((ending) => text.endsWith(ending));
}

/** Whether a plain text ends with an い-adjective (多い, 嬉しい, ない, したい), not a noun like 違い. */
export function endsWithAdjective(text: string): boolean {
  if (!text.endsWith(adjectiveEnding) || nounsEndingInI.some((noun) => text.endsWith(noun))) return false;
  const before = [...text].at(-2) ?? "";
  return HIRAGANA.test(before) || (KANJI.test(before) && adjectiveKanji.includes(before));
}

/** How a plain text ends. */
export function endingKind(plain: string): EndingKind {
  if (plain.length === 0 || endsPolitely(plain)) return "other";
  if (questionEndings.some((ending) => plain.endsWith(ending))) return "question";
  if (nominalEndings.some((ending) => plain.endsWith(ending))) return "nominal";
  if (nounEndings.some((ending) => plain.endsWith(ending))) return "noun";
  const last = [...plain].at(-1) ?? "";
  const beforeLast = [...plain].at(-2) ?? "";
  if (!endsWithAdjective(plain) && continuativeNounEndings.includes(last) && KANJI.test(beforeLast)) return "noun";
  if (endsWithAdjective(plain) || verbEndings.includes(last)) return "predicate";
  if (predicateEndings.some((ending) => plain.endsWith(ending))) return "predicate";
  if (!HIRAGANA.test(last)) return "noun";
  return "other";
}

/** Longer than this (UTF-16 units, marks and emoji included), a text is never a bare answer. */
const BARE_ANSWER_MAX = 40;

/** Whether the whole text is only a bare yes/no/none answer, never worth quoting. */
export function isBareAnswer(text: string): boolean {
  if (text.length > BARE_ANSWER_MAX) return false;
  const plain = plainForm(
    [...tidy(text).normalize("NFKC").toLowerCase()].filter((char) => !/\s/.test(char) && !trailingMarks.includes(char)).join(""),
  );
  return plain.length === 0 || bareAnswers.includes(plain) || bareAnswers.includes(dropTrailingMarks(plain));
}

/** Removes whichever conjunctive ending closes the clause (…多いし → …多い). */
export function dropConjunction(text: string): string {
  return applyRule(text, trailingConjunctions) ?? text;
}
