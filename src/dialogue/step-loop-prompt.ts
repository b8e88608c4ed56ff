/**
 * The learning loop's questions (PRODUCT.md §3.2 step 6), with their buttons: how the committed
 * step went, how doing it felt, whether anyone reacted; and the one line that recalls the last
 * step at the next check-in. The answers are taken in `./step-loop.ts`.
 */
import { fill, messages, stepFeelings } from "./content";
import { formatDate } from "./format";
import type { Choice, Reply } from "./reply";
import { answer, answerLabel, echo, say } from "./say";
import type { Reflection, UserState } from "./state";
import type { Step } from "./step";
import { displayQuote, mirror } from "./understand/mirror";

/** The learning loop's steps. */
export type StepLoopStep = Extract<Step, { type: "reflectingStepStatus" | "reflectingStepFeeling" | "reflectingStepReaction" }>;

/** Whether `step` is one of the learning loop's ({@link StepLoopStep}). */
export function isStepLoopStep(step: Step): step is StepLoopStep {
  return step.type === "reflectingStepStatus" || step.type === "reflectingStepFeeling" || step.type === "reflectingStepReaction";
}

/** The question of a loop step, with its buttons. */
export function stepLoopPrompt(state: UserState, step: StepLoopStep): Reply[] {
  switch (step.type) {
    case "reflectingStepStatus": {
      const action = state.profile.action;
      const values = { action: displayQuote(action?.text ?? ""), due: action ? formatDate(action.due) : "" };
      return [say("stepLoop.status.ask", values, stepStatusChoices(action?.due ?? null))];
    }
    case "reflectingStepFeeling":
      return [say("stepLoop.feeling.ask", {}, stepFeelingChoices())];
    case "reflectingStepReaction":
      return [reactionQuestion(step.feeling, state.profile.steps.length)];
  }
}

/**
 * できた / 少しできた / まだ for the step due on `due`: the date rides on each button, so that a tap
 * on an older follow-up (another step, or a date since moved) is told apart.
 */
export function stepStatusChoices(due: string | null): Choice[] {
  const on = due === null ? "" : `-${due}`;
  return [
    answerLabel("action.done", "fu", `done${on}`),
    answerLabel("action.partly", "fu", `partly${on}`),
    answerLabel("action.notYet", "fu", `notYet${on}`),
  ];
}

/** The feelings of doing a step, and スキップ. */
export function stepFeelingChoices(): Choice[] {
  return [...stepFeelings.map((feeling, index) => answer(feeling, "sfeel", `f${index}`)), answerLabel("skip", "sfeel", "skip")];
}

/**
 * 「前回の一歩「…」では、…と感じたんですね。」 for the step a check-in recalls: a tapped feeling as
 * it reads, a typed one quoted.
 */
export function recallLine(recall: NonNullable<Reflection["recall"]>): string {
  const feeling = stepFeelings.includes(recall.feeling) ? recall.feeling : `「${echo(recall.feeling)}」`;
  return fill(messages["stepLoop.recall"], { action: displayQuote(recall.action), feeling });
}

/** 「だれかの反応はありましたか？」, after a word on the feeling: a tapped one named, a typed one mirrored. */
function reactionQuestion(feeling: string | null, turn: number): Reply {
  const choices = [answerLabel("reaction.none", "sreact", "none")];
  if (feeling === null) return say("stepLoop.reaction.ask", {}, choices);
  if (stepFeelings.includes(feeling)) return say("stepLoop.reaction.askTapped", { feeling }, choices);
  const quoted = mirror(feeling, "feeling", turn);
  return quoted ? say("stepLoop.reaction.askTyped", { mirror: quoted }, choices) : say("stepLoop.reaction.ask", {}, choices);
}
