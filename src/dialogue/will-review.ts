/**
 * The WILL drafts of the first session (PRODUCT.md §3.2 step 5): one sentence on the user's own
 * verb, who first, offered with alternatives built from the same words (what first, the value's
 * word), and how the user picks one, by tapping or by typing its number.
 */
import { fill, formats, labels, optionMarks, stepWords, valueWords, willWhatPhrases } from "./content";
import { answerLabel, answer, inQuotes, say } from "./say";
import type { Choice, Reply } from "./reply";
import type { SessionDraft } from "./state";
import type { QuestionStep } from "./step";
import { isAnswerWord } from "./understand/answers";
import { willDrafts } from "./understand/will-sentence";

type ReviewStep = Extract<QuestionStep, { type: "awaitingWillReview" }>;

/** The draft and its alternatives for the session's answers: the first is the draft. */
export function willOptions(draft: SessionDraft): string[] {
  // A value whose button phrase is the chosen what would say the same thing twice.
  const chosen = draft.values.filter((id) => willWhatPhrases[id] !== draft.willWhat);
  const values = [...chosen.map((id) => valueWords[id]), ...draft.ownValues];
  return willDrafts({ who: draft.willWho, what: draft.willWhat, values }).slice(0, optionMarks.length);
}

/** Every sentence offered at the review, the draft first. */
export function reviewOptions(step: ReviewStep): string[] {
  return [step.draft, ...(step.alternatives ?? [])];
}

/**
 * Which offered sentence the answer picks (0 is the draft), or null when it picks none: a
 * tap on 「①にする」…, or a typed number (2, ②, 2番目のがいいです).
 */
export function pickedOption(step: ReviewStep, button: string | null, text: string | null): number | null {
  const count = reviewOptions(step).length;
  if (button !== null) {
    const index = button === "accept" ? 0 : /^alt[12]$/.test(button) ? Number(button.slice(3)) : null;
    return index !== null && index < count ? index : null;
  }
  if (text === null || count < 2) return null;
  for (let index = 0; index < count; index += 1) {
    const forms = stepWords.willPick.map((form) => form.replaceAll("{n}", String(index + 1)));
    if (isAnswerWord(text, forms)) return index;
  }
  return null;
}

/** The review question: one draft with しっくりくる, or the numbered options with a button for each. */
export function willReviewPrompt(step: ReviewStep): Reply[] {
  const options = reviewOptions(step);
  const rest: Choice[] = [answerLabel("willReview.rewrite", "willrev", "rewrite"), answerLabel("willReview.later", "willrev", "later")];
  if (options.length < 2)
    return [
      say("session.willReview.ask", { statement: inQuotes(step.draft) }, [answerLabel("willReview.accept", "willrev", "accept"), ...rest]),
    ];
  const lines = options.map((statement, index) =>
    fill(formats.willOption, { mark: optionMarks[index] ?? "", statement: inQuotes(statement) }),
  );
  const picks = options.map((_, index) =>
    answer(fill(labels["willReview.pick"], { mark: optionMarks[index] ?? "" }), "willrev", index === 0 ? "accept" : `alt${index}`),
  );
  return [say("session.willReview.askOptions", { options: lines.join(formats.willOptionSeparator) }, [...picks, ...rest])];
}
