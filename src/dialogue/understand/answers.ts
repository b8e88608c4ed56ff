/**
 * Understanding short answers typed politely or casually (PRODUCT.md §3.6): 「思いつかない
 * です」, 「特にないです。」, 「はい」, 「できませんでした」 … Pure; the words live in
 * `../content/answers.ts`.
 *
 * The rule: only a whole short answer has a meaning. The text is folded
 * ({@link foldAnswer}) and must then equal one of the listed words exactly, so a long
 * sentence that happens to contain 「はい」 or 「ない」 is an answer to keep, not a button.
 */
import { normalizeForMatch } from "../commands";
import {
  answerCues,
  answerWords,
  endingRewrites,
  fillerWordGoesOn,
  leadingFillers,
  longVowelRun,
  noneAdverbs,
  thoughtLead,
  trailingApologies,
} from "../content/answers";

/**
 * What a short answer means. The same word can mean different things at different
 * questions (「大丈夫です」 is `yes` to "is this right?" and `next` to "anything else?"),
 * so {@link answerMeaning} is always asked with the meanings the question expects.
 *
 * - `none`: nothing comes to mind (思いつかない, 特にないです, とくに思い浮かばないです, 出てこない, わからない).
 * - `yes` / `no`: agreement or disagreement (いいと思います, しっくりこない).
 * - `more`: there is another one to add (もう一つあります).
 * - `next`: nothing more; move on (次へ, もうないです, 以上です).
 * - `done` / `partly` / `notYet`: how a planned action went (できました, 少しできた, まだです).
 * - `later`: not now (あとで, また今度).
 */
export type AnswerMeaning = "none" | "yes" | "no" | "more" | "next" | "done" | "partly" | "notYet" | "later";

/** Folded answers longer than this are sentences, never a short answer. */
const MAX_ANSWER_LENGTH = 16;

const APOLOGIES = [...new Set(trailingApologies.map((a) => normalizeForMatch(a)))]
  .filter((a) => a !== "")
  .sort((a, b) => b.length - a.length);
const FILLERS = [...new Set(leadingFillers.map((f) => normalizeForMatch(f)))].filter((f) => f !== "").sort((a, b) => b.length - a.length);
const NONE_ADVERBS = [...new Set(noneAdverbs.map((a) => normalizeForMatch(a)))].filter((a) => a !== "").sort((a, b) => b.length - a.length);
const ENDINGS = endingRewrites.map(([ending, replacement]) => [normalizeForMatch(ending), replacement] as const);

/** After a filler, what shows it was a word of the answer (`fillerWordGoesOn`). */
const WORD_GOES_ON = new RegExp(fillerWordGoesOn, "u");
const THOUGHT_LEAD = new RegExp(thoughtLead, "u");

/** Emoji that say OK when sent alone (「👍」「👌」「🙆‍♀️」): such an answer is read as 「ok」. */
const AGREEING_EMOJI = /[👍👌🙆🆗⭕]/u;

/**
 * Folds an answer for comparison: {@link normalizeForMatch} (width, kana, case, no
 * spaces, punctuation or emoji; an agreeing emoji alone is 「ok」), then polite or casual endings (です, ね, よ, かな, かも,
 * ー …) and apologies (すみません) are removed from the end and leading fillers (うーん, えっと, はい …)
 * and leads such as 「考えてみたのですが」 are dropped while something follows. Negation is kept (ません becomes ない); an empty or
 * symbol-only text folds to "".
 */
export function foldAnswer(text: string): string {
  let folded = normalizeForMatch(text).replace(longVowelRun, (run) => run.slice(0, 1));
  if (folded === "" && AGREEING_EMOJI.test(text)) folded = "ok";
  for (let changed = true; changed;) {
    changed = false;
    // An apology first: its own ending (すみません) would otherwise be read as a negation.
    const apology = APOLOGIES.find((word) => folded.length > word.length && folded.endsWith(word));
    if (apology !== undefined) {
      folded = folded.slice(0, -apology.length);
      changed = true;
      continue;
    }
    for (const [ending, replacement] of ENDINGS) {
      if (folded.length > ending.length && folded.endsWith(ending)) {
        folded = folded.slice(0, -ending.length) + replacement;
        changed = true;
        break;
      }
    }
  }
  for (let changed = true; changed;) {
    changed = false;
    const lead = THOUGHT_LEAD.exec(folded)?.[0];
    if (lead !== undefined && folded.length > lead.length) {
      folded = folded.slice(lead.length);
      changed = true;
      continue;
    }
    for (const filler of FILLERS) {
      if (folded.length > filler.length && folded.startsWith(filler) && !WORD_GOES_ON.test(folded.slice(filler.length))) {
        folded = folded.slice(filler.length);
        changed = true;
        break;
      }
    }
  }
  return folded;
}

/** Longer than this as typed (UTF-16 units, fillers, marks and emoji included), a text is never a short answer. */
const RAW_ANSWER_MAX = 64;

const WORDS_BY_MEANING: Record<AnswerMeaning, readonly string[]> = answerWords;
const MEANINGS = Object.keys(WORDS_BY_MEANING) as AnswerMeaning[];
const FOLDED_WORDS: ReadonlyMap<AnswerMeaning, ReadonlySet<string>> = new Map(
  MEANINGS.map((meaning) => [meaning, new Set(WORDS_BY_MEANING[meaning].map(foldAnswer))]),
);

/**
 * The first meaning in `expected` that `text` has as a whole short answer, or null when
 * it has none of them (then treat the text as a free answer). The order of `expected`
 * settles words listed under several meanings: ask "anything else?" with
 * `["more", "next"]` and 「ないです」 is `next`; ask "what comes to mind?" with
 * `["none"]` and it is `none`.
 */
export function answerMeaning(text: string, expected: readonly AnswerMeaning[]): AnswerMeaning | null {
  if (text.length > RAW_ANSWER_MAX) return null;
  const folded = foldAnswer(text);
  if (folded === "") return null;
  if (folded.length > MAX_ANSWER_LENGTH) return cueMeaning(folded, expected);
  return (
    expected.find((meaning) => FOLDED_WORDS.get(meaning)?.has(folded) === true || (meaning === "none" && isQualifiedNone(folded))) ??
    cueMeaning(folded, expected)
  );
}

/** Folded answers longer than this are never read by their parts ({@link cueMeaning}). */
const MAX_CUE_LENGTH = 20;

const CUES = answerCues.map(([meaning, expression]) => [meaning, new RegExp(expression, "u")] as const);

/**
 * The meaning a folded short answer has by its parts (`answerCues`), in their order, among those
 * `expected`, or null. At a question of how a planned step went that expects `yes` and `no` rather
 * than `done` and `notYet` (it expects `partly`), 「実行しました」 is `yes` and 「手つけてない」 `no`.
 */
function cueMeaning(folded: string, expected: readonly AnswerMeaning[]): AnswerMeaning | null {
  if (folded.length > MAX_CUE_LENGTH) return null;
  const stepQuestion = expected.includes("partly");
  const asked = (meaning: AnswerMeaning): AnswerMeaning | null => {
    if (expected.includes(meaning)) return meaning;
    if (stepQuestion && meaning === "done" && expected.includes("yes")) return "yes";
    if (stepQuestion && meaning === "notYet" && expected.includes("no")) return "no";
    return null;
  };
  for (const [meaning, cue] of CUES) {
    const means = asked(meaning);
    if (means !== null && cue.test(folded)) return means;
  }
  return null;
}

/** Whether a folded answer is a "nothing comes to mind" word after adverbs such as 特に or 全然 (とくに思い浮かばない). */
function isQualifiedNone(folded: string): boolean {
  const none = FOLDED_WORDS.get("none");
  let rest = folded;
  for (let changed = true; changed;) {
    changed = false;
    for (const adverb of NONE_ADVERBS) {
      if (rest.length > adverb.length && rest.startsWith(adverb)) {
        rest = rest.slice(adverb.length);
        changed = true;
        if (none?.has(rest) === true) return true;
        break;
      }
    }
  }
  return false;
}

/**
 * Whether `text` is, as a whole short answer, one of `words` (folded the same way, so polite
 * endings and punctuation do not matter): for the few words that belong to one question only.
 */
export function isAnswerWord(text: string, words: readonly string[]): boolean {
  if (text.length > RAW_ANSWER_MAX) return false;
  const folded = foldAnswer(text);
  return folded !== "" && folded.length <= MAX_ANSWER_LENGTH && words.some((word) => foldAnswer(word) === folded);
}
