/**
 * The check-in's questions (PRODUCT.md §3.3), with their buttons: this week's やりがい度, a
 * ありがとう since last time (the moment, how it felt, what the user did), the committed
 * action and the link to the WILL.
 */
import { feelings } from "./content";
import type { Reply } from "./reply";
import { answerLabel, feelingChoices, inQuotes, say, scoreChoices } from "./say";
import type { UserState } from "./state";
import type { Step } from "./step";
import { displayQuote, mirror } from "./understand/mirror";
import { isStepLoopStep, recallLine, stepLoopPrompt } from "./step-loop-prompt";

/** The check-in steps whose question {@link checkinPrompt} asks. */
export type CheckinPromptStep = Extract<Step, { type: `reflecting${string}` }>;

/** The question of a check-in step, with its buttons. */
export function checkinPrompt(state: UserState, step: CheckinPromptStep): Reply[] {
  if (isStepLoopStep(step)) return stepLoopPrompt(state, step);
  switch (step.type) {
    case "reflectingScore":
      return [say(`checkin.score.ask.${checkinPeriod(state)}`, {}, scoreChoices("cscore"))];
    case "reflectingThanks":
      return [say("checkin.thanks.ask", {}, [answerLabel("checkin.yes", "cthx", "yes"), answerLabel("checkin.no", "cthx", "no")])];
    case "reflectingThanksText":
      return [say("checkin.thanks.text", {}, [answerLabel("skip", "cthxt", "skip")])];
    case "reflectingThanksFeeling": {
      const quoted = step.echoed === true ? "" : mirror(step.text, "moment", state.profile.checkins);
      const choices = feelingChoices("cfeel");
      return [quoted ? say("checkin.thanks.feeling", { mirror: quoted }, choices) : say("checkin.thanks.feelingPlain", {}, choices)];
    }
    case "reflectingThanksDeed":
      return [deedQuestion(step.echoed === true ? null : step.feeling, state.profile.checkins)];
    case "reflectingAction":
      return [
        say("checkin.action.ask", { action: displayQuote(state.profile.action?.text ?? "") }, [
          answerLabel("action.done", "cact", "done"),
          answerLabel("action.partly", "cact", "partly"),
          answerLabel("action.notYet", "cact", "notYet"),
        ]),
      ];
    case "reflectingWill": {
      const asked = say(
        state.profile.will ? `checkin.will.ask.${checkinPeriod(state)}` : "checkin.will.askNoWill",
        { will: inQuotes(state.profile.will?.statement ?? "") },
        [answerLabel("will.yes", "cwill", "yes"), answerLabel("will.partly", "cwill", "partly"), answerLabel("will.no", "cwill", "no")],
      );
      // The step told before this check-in, recalled in one line where the week is linked to the WILL.
      const recall = state.reflection?.recall;
      return [recall && asked.type === "text" ? { ...asked, text: `${recallLine(recall)}\n${asked.text}` } : asked];
    }
  }
}

/**
 * What the user did, after the feeling: a tapped feeling named, a typed one mirrored when it
 * can be; none (null) when skipped or already said back.
 */
function deedQuestion(feeling: string | null, turn: number): Reply {
  const choices = [answerLabel("skip", "cdeed", "skip")];
  if (feeling === null) return say("checkin.thanks.deedPlain", {}, choices);
  if (feelings.includes(feeling)) return say("checkin.thanks.deed", { feeling }, choices);
  const quoted = mirror(feeling, "feeling", turn);
  return quoted ? say("checkin.thanks.deedTyped", { mirror: quoted }, choices) : say("checkin.thanks.deedPlain", {}, choices);
}

/** The stretch of time a check-in looks back on: the day for daily reminders, the week for weekly ones, else lately. */
export function checkinPeriod(state: UserState): "today" | "week" | "recent" {
  const kind = state.profile.reminder?.schedule.kind;
  return kind === "daily" ? "today" : kind === "weekly" ? "week" : "recent";
}
