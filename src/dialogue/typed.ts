/**
 * What typed text is before it is read as an answer: the label of a button on screen, or an
 * answer at a step that takes typed text. Shared by the core's typed path (`transition.ts`)
 * and messages in a row (`burst.ts`).
 */
import { normalizeForMatch } from "./commands";
import { promptFor } from "./prompts";
import type { UserState } from "./state";
import { isQuestionStep, isSideQuestionStep, type Step } from "./step";

/**
 * The postback data of the button on screen whose label the user typed, if any: typing
 * 「しっくりくる」 means the same as tapping it, and is never kept as the user's own words.
 */
export function offeredButton(state: UserState, text: string, now: Date): string | null {
  if (text.length > BUTTON_TEXT_MAX) return null;
  const key = normalizeForMatch(text);
  if (key === "") return null;
  const choices = promptFor(state, now).at(-1)?.choices ?? [];
  const match = choices.find((choice) => choice.action.type === "postback" && normalizeForMatch(choice.label) === key);
  return match?.action.type === "postback" ? match.action.data : null;
}

/** Longer than this as typed (UTF-16 units), a text is not a button's label (20 characters) with marks around it. */
const BUTTON_TEXT_MAX = 64;

/** The reminder's own questions, where a reminder wish is the answer. */
const REMINDER_QUESTIONS: ReadonlySet<Step["type"]> = new Set([
  "awaitingReminder",
  "awaitingReminderDays",
  "changingReminder",
  "changingReminderDays",
]);

/** Whether a question other than the reminder's own waits for a typed answer (see {@link awaitsTypedAnswer}). */
export function awaitsAnswerBesidesReminder(step: Step): boolean {
  return awaitsTypedAnswer(step) && !REMINDER_QUESTIONS.has(step.type);
}

/** Whether the step takes typed text as its answer (a question, a check-in, a moment being logged). */
export function awaitsTypedAnswer(step: Step): boolean {
  return (
    isQuestionStep(step) ||
    isSideQuestionStep(step) ||
    step.type === "awaitingQuickThanksFeeling" ||
    step.type === "awaitingQuickThanksDeed" ||
    step.type === "changingReminder"
  );
}
