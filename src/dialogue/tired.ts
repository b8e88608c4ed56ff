/**
 * A tired user in the first session: after {@link TIRED_AFTER} 思いつかない (or its kin) in a
 * row, the bot stops asking and offers to rest here, to leave the step for later, or to go on.
 * The question it would have asked waits in `paused`.
 */
import { endSideFlow, goTo, respond, type Answer, type Transition } from "./flow";
import { promptFor } from "./prompts";
import { commandChoice, say } from "./say";
import type { SessionDraft, UserState } from "./state";
import { isQuestionStep } from "./step";
import { answerMeaning } from "./understand/answers";

/** How many 思いつかない in a row bring the offer to rest. */
export const TIRED_AFTER = 3;

/**
 * The turn `result` of a first-session answer, counting 思いつかない in a row in the draft; at the
 * {@link TIRED_AFTER}th, the next question waits and the offer to rest is made instead.
 */
export function withTiredness(before: UserState, answer: Answer, result: Transition, now: Date): Transition {
  const draft = result.state.draft;
  if (before.draft === null || draft === null) return result;
  const blank = answer.kind === "text" ? answerMeaning(answer.text, ["none"]) !== null : answer.value === "none";
  const blanks = blank ? (before.draft.blanks ?? 0) + 1 : 0;
  const step = result.state.step;
  if (blanks < TIRED_AFTER || !isQuestionStep(step)) {
    return respond({ ...result.state, draft: withBlanks(draft, blanks) }, result.replies, result.effects);
  }
  const resting: UserState = { ...result.state, draft: withBlanks(draft, 0), paused: step, step: { type: "awaitingRestOffer" } };
  return respond(resting, promptFor(resting, now), result.effects);
}

/** Answers the offer to rest: ここで休む, 一歩はあとで (on to the reminder, the step decided later) or 続ける. */
export function answerRestOffer(state: UserState, value: string, now: Date): Transition | null {
  const paused = state.paused;
  if (paused === null) return endSideFlow(state, now, []);
  switch (value) {
    case "rest":
      return respond({ ...state, step: { type: "resting" } }, [say("tired.rest", {}, [commandChoice("start"), commandChoice("help")])]);
    case "stepLater": {
      const later = paused.type === "awaitingReminder" || paused.type === "awaitingReminderDays" || paused.type === "awaitingFollowUpOffer";
      return goTo({ ...state, paused: null }, later ? paused : { type: "awaitingReminder" }, now, [say("tired.stepLater")]);
    }
    case "goOn":
      return goTo({ ...state, paused: null }, paused, now, [say("tired.goOn")]);
    default:
      return null;
  }
}

function withBlanks(draft: SessionDraft, blanks: number): SessionDraft {
  if (blanks > 0) return { ...draft, blanks };
  const { blanks: _dropped, ...rest } = draft;
  return rest;
}
