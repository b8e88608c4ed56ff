/**
 * 「ありがとう記録」 (PRODUCT.md §3.4), and free text at rest kept as a moment: the moment, how it
 * felt, and what the user did, as the first session asks. A deed told in the thanker's words is
 * asked about once more; the saved moment's deed is reflected back in the user's voice.
 */
import { stepWords } from "./content";
import { clip, endSideFlow, goTo, type Answer, type Transition } from "./flow";
import { pickFeeling } from "./moments-step";
import { quoting, say } from "./say";
import { tellThanks } from "./session";
import type { UserState } from "./state";
import type { Step } from "./step";
import { answerMeaning, isAnswerWord } from "./understand/answers";
import { deedVoice } from "./understand/deed";
import { acknowledgeDeed } from "./understand/mirror";

/** The steps of a quick record that wait for an answer. */
export type QuickThanksStep = Extract<Step, { type: "awaitingQuickThanks" | "awaitingQuickThanksFeeling" | "awaitingQuickThanksDeed" }>;

/**
 * Answers a step of a quick record; null when a tap does not fit it. Words the bot already
 * said back (`echoed`, a message of distress) are not quoted or reflected again.
 */
export function answerQuickThanks(state: UserState, step: QuickThanksStep, answer: Answer, now: Date): Transition | null {
  const text = answer.kind === "text" ? answer.text : null;
  const button = answer.kind === "button" ? answer.value : null;
  const echoed = answer.kind === "text" && answer.echoed === true;
  const skipped = text !== null && (answerMeaning(text, ["none", "later"]) !== null || isAnswerWord(text, stepWords.skip));
  switch (step.type) {
    case "awaitingQuickThanks":
      if (text === null) return null;
      return goTo(state, echoed ? { type: "awaitingQuickThanksFeeling", text, echoed } : { type: "awaitingQuickThanksFeeling", text }, now);
    case "awaitingQuickThanksFeeling": {
      if (button !== null && button !== "skip" && !/^f\d$/.test(button)) return null;
      const feeling = pickFeeling(button, text === null ? null : clip(text).text, skipped);
      return goTo(state, { type: "awaitingQuickThanksDeed", text: step.text, feeling: feeling === undefined ? null : feeling }, now);
    }
    case "awaitingQuickThanksDeed": {
      if (button !== null && button !== "skip") return null;
      const typed = text !== null && !skipped ? text : null;
      if (typed !== null && step.told === undefined && !echoed && deedVoice(typed).kind === "thanker")
        return goTo(state, { ...step, told: typed }, now);
      return save(state, step.text, step.feeling, typed ?? step.told ?? null, now, echoed, typed !== null && step.told === undefined);
    }
  }
}

/** Saves the record; `typedNow` says the deed is the message being answered, which the mirrored reply then quotes. */
function save(
  state: UserState,
  text: string,
  feeling: string | null,
  deed: string | null,
  now: Date,
  echoed: boolean,
  typedNow: boolean,
): Transition {
  const told = tellThanks(state, text, feeling, now, deed);
  const quoted = deed === null || echoed ? "" : acknowledgeDeed(deed, state.profile.moments.length, []).text;
  const said = quoted ? say("thanksLog.savedMirrored", { mirror: quoted }) : say("thanksLog.saved");
  return endSideFlow(told.state, now, [typedNow && quoted ? quoting(said) : said], [told.effect]);
}
