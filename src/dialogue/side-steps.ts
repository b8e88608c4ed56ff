/**
 * The answers to the steps around the first session's questions: consent and the start, the
 * side flows (ありがとう記録, hand-off, data deletion, resuming after a gap, reminders), the
 * safety and care choices, and the check-in's buttons.
 */
import { answerCareOffer } from "./care";
import { answerCheckin, isCheckinStep } from "./checkin";
import { endSideFlow, goTo, respond, type Transition } from "./flow";
import type { PickedDateTime } from "./input";
import { answerReminder } from "./reminder-step";
import { answerSafety } from "./safety";
import { commandChoice, say } from "./say";
import { beginSession } from "./session";
import { answerQuickThanks } from "./quick-thanks";
import { answerHandoff } from "./handoff-steps";
import { answerRestOffer } from "./tired";
import { answerSharing } from "./sharing";
import { initialState, type UserState } from "./state";
import type { Step } from "./step";

/** Takes text kept from earlier as the answer to the question `state` is at; `echoed` when the bot said it back already. */
export type AnswerTyped = (state: UserState, text: string, echoed?: boolean) => Transition;

/**
 * A tapped answer to a step outside the first session's questions (consent, the side flows'
 * questions, the safety and care choices, a check-in); null when the value does not fit it.
 * `answerTyped` takes text kept from earlier as the answer to a question it goes back to.
 */
export function answerSideStep(
  state: UserState,
  step: Step,
  value: string,
  picked: PickedDateTime | undefined,
  now: Date,
  answerTyped: AnswerTyped,
): Transition | null {
  if (isCheckinStep(step)) return answerCheckin(state, step, { kind: "button", value }, now);
  switch (step.type) {
    case "new":
    case "awaitingConsent":
      if (value === "agree")
        return goTo(
          { ...state, consent: { status: "given", at: now.toISOString() }, lastActiveAt: now.toISOString() },
          { type: "awaitingStartChoice" },
          now,
        );
      if (value === "details") return goTo(state, { type: "awaitingConsent" }, now, [say("consent.details")]);
      if (value === "decline") return goTo({ ...state, consent: { status: "declined" } }, { type: "declined" }, now);
      return null;
    case "awaitingStartChoice":
      if (value === "now") return beginSession(state, now);
      if (value === "later") return endSideFlow(state, now, [say("start.later")]);
      return null;
    case "awaitingQuickThanksFeeling":
    case "awaitingQuickThanksDeed":
      return answerQuickThanks(state, step, { kind: "button", value }, now);
    case "awaitingSaveFreeText":
      if (value === "yes") return goTo(state, { type: "awaitingQuickThanksFeeling", text: step.text }, now);
      if (value === "no") return endSideFlow(state, now, [say("freeText.notSaved")]);
      return null;
    case "awaitingHandoffTopic":
    case "awaitingHandoffScope":
    case "awaitingHandoffConfirm":
    case "awaitingContinueChoice":
      return answerHandoff(state, step, { kind: "button", value }, now);
    case "awaitingRestOffer":
      return answerRestOffer(state, value, now);
    case "awaitingShareConfirm":
      return answerSharing(state, { kind: "button", value }, now);
    case "awaitingDeleteConfirm":
      if (value === "yes") return respond(initialState(), [say("delete.done", {}, [commandChoice("start")])], [{ type: "deleteUserData" }]);
      if (value === "no") return endSideFlow(state, now, [say("delete.cancelled")]);
      return null;
    case "awaitingSafetyChoice":
      return answerSafety(state, step, value, now, (resumed, text) => answerTyped(resumed, text, true));
    case "awaitingCareOffer":
      return answerCareOffer(state, value, now);
    case "changingReminder":
    case "changingReminderDays":
      return answerReminder(state, step, picked ? { kind: "button", value, picked } : { kind: "button", value }, now);
    default:
      return null;
  }
}
