/**
 * The answers of 相談したい (PRODUCT.md §3.7): what the user wants to talk about (a line, or
 * skipped), what to share, the confirmation, and afterwards whether a first-session question
 * that waits goes on now or later. Nothing is sent before 送る.
 */
import { stepWords } from "./content";
import { endSideFlow, goTo, respond, withStep, type Answer, type Transition } from "./flow";
import { restingChoices } from "./prompts";
import { say } from "./say";
import { requestHandover, type UserState } from "./state";
import type { Step } from "./step";
import { answerMeaning, isAnswerWord } from "./understand/answers";

/** How much of what the user wants to talk about is sent (characters): a line, not a letter. */
export const TOPIC_MAX = 200;

/** The steps of a hand-off, answered here. */
export type HandoffStep = Extract<
  Step,
  { type: "awaitingHandoffTopic" | "awaitingHandoffScope" | "awaitingHandoffConfirm" | "awaitingContinueChoice" }
>;

/** Answers a hand-off step; null when the answer does not fit it (the caller asks again). */
export function answerHandoff(state: UserState, step: HandoffStep, answer: Answer, now: Date): Transition | null {
  const button = answer.kind === "button" ? answer.value : null;
  const text = answer.kind === "text" ? answer.text : null;
  if (button === "cancel") return endSideFlow(state, now, [say("handoff.cancelled")]);
  switch (step.type) {
    case "awaitingHandoffTopic": {
      const skipped =
        button === "skip" || (text !== null && (answerMeaning(text, ["none", "later"]) !== null || isAnswerWord(text, stepWords.skip)));
      if (skipped) return goTo(state, { type: "awaitingHandoffScope" }, now);
      if (text === null) return null;
      const topic = [...text].slice(0, TOPIC_MAX).join("");
      return goTo(state, { type: "awaitingHandoffScope", topic }, now, [say("handoff.topic.thanks")]);
    }
    case "awaitingHandoffScope":
      if (button !== "summary" && button !== "withEntries") return null;
      return goTo(state, { type: "awaitingHandoffConfirm", scope: button, ...topicOf(step) }, now);
    case "awaitingHandoffConfirm": {
      if (button !== "send") return null;
      const handOff = { type: "handOff" as const, scope: step.scope, topic: step.topic ?? null };
      const requested = requestHandover(state, now);
      // A first-session question waits: the user chooses to wait for the consultant or go on with it.
      if (state.paused) return goTo(requested, { type: "awaitingContinueChoice", reason: "handoff" }, now, [], [handOff]);
      return respond(withStep(requested, { type: "resting" }), [], [handOff]);
    }
    case "awaitingContinueChoice":
      if (button === "continue") return endSideFlow(state, now, []);
      if (button !== "wait") return null;
      return respond(withStep(state, { type: "resting" }), [say("handoff.next.wait", {}, restingChoices(state))]);
  }
}

function topicOf(step: { topic?: string }): { topic?: string } {
  return step.topic === undefined ? {} : { topic: step.topic };
}
