/**
 * The learning loop (PRODUCT.md §3.2 step 6): at the step's follow-up or the next check-in, できた
 * / 少しできた / まだ. できた and 少しできた go on to how doing it felt and whether anyone reacted,
 * stored as a `step` entry (and in the profile's timeline), which the next check-in recalls in one
 * line; まだ leads, without blame, to a new date or a smaller step (the suggestion's first 15
 * minutes). A tap on an older follow-up is answered kindly and stores nothing.
 */
import { normalizeForMatch } from "./commands";
import {
  actionStatusWords,
  defaultStepSuggestions,
  holdingWords,
  noReactionWords,
  stepFeelings,
  stepWords,
  valueStepSuggestions,
  willStepThemes,
} from "./content";
import type { Effect } from "./effect";
import { clip, endSideFlow, goTo, respond, withStep, type Answer, type Transition } from "./flow";
import { formatDate } from "./format";
import type { ActionStatus } from "../model/entry";
import { promptFor } from "./prompts";
import type { Choice, Reply } from "./reply";
import { answerLabel, say } from "./say";
import { STEP_HISTORY, type Profile, type Reflection, type UserState } from "./state";
import { isQuestionStep, type StepLoopWithin } from "./step";
import { stepLoopPrompt, type StepLoopStep } from "./step-loop-prompt";
import { answerMeaning, foldAnswer, isAnswerWord } from "./understand/answers";
import { displayQuote } from "./understand/mirror";

/** Longer than this as typed (UTF-16 units), a text is no short answer. */
const SHORT_ANSWER_MAX = 64;

/**
 * How a step went, typed: できました！, 半分くらい, まだです、すみません … (polite or casual), also as
 * the first clause of a longer message (やりました！楽しかったです); null when it says none of these.
 */
export function actionStatusOf(text: string): ActionStatus | null {
  const whole = statusWords(text);
  if (whole !== null) return whole;
  const first = /^([^！!。、,？?]+)[！!。、,？?]+\S/.exec(text.trim())?.[1];
  return first === undefined ? null : statusWords(first);
}

function statusWords(text: string): ActionStatus | null {
  const meaning = answerMeaning(text, ["done", "partly", "notYet", "no", "none"]);
  if (meaning === "done" || meaning === "partly" || meaning === "notYet") return meaning;
  if (meaning === "no" || meaning === "none") return "notYet";
  return text.length > SHORT_ANSWER_MAX ? null : (actionStatusWords[normalizeForMatch(text)] ?? null);
}

/**
 * The status told (`within` a check-in, whose reflection the caller already holds it in, or after
 * the follow-up): できた and 少しできた ask how it felt; まだ is stored and met with a kind word.
 */
export function tellStatus(state: UserState, status: ActionStatus, within: StepLoopWithin, now: Date): Transition {
  if (status !== "notYet") return goTo(state, { type: "reflectingStepFeeling", status, within }, now, [say(`checkin.action.${status}`)]);
  const told = recordOutcome(state, "notYet", null, null, now);
  if (within === "checkin") return goTo(told.state, { type: "reflectingWill" }, now, [say("checkin.action.notYet")], told.effects);
  if (told.state.paused) return endSideFlow(told.state, now, [say("stepLoop.notYet")], told.effects);
  const choices = [changeDateChoice(), answerLabel("next.smaller", "cnext", "smaller"), okChoice()];
  return respond(withStep(told.state, { type: "resting" }), [say("stepLoop.notYet", {}, choices)], told.effects);
}

/** Answers a loop step; null when a tap does not fit it (the caller asks again). */
export function answerStepLoop(state: UserState, step: StepLoopStep, given: Answer, now: Date): Transition | null {
  const text = given.kind === "text" ? given.text : null;
  const button = given.kind === "button" ? given.value : null;
  if (text !== null && isHolding(text)) return holding(state, step, now);
  switch (step.type) {
    case "reflectingStepStatus": {
      if (text === null) return button === null ? null : answerFollowUpTap(state, button, now);
      const status = actionStatusOf(text);
      // Anything else typed after the follow-up is what it would be at rest: offered as a ありがとう,
      // unless the bot already said it back (a message of distress).
      if (status === null && given.kind === "text" && given.echoed === true) return goTo(state, { type: "resting" }, now);
      if (status === null) return goTo(withStep(state, { type: "resting" }), { type: "awaitingSaveFreeText", text }, now);
      return tellStatus(state, status, "followUp", now);
    }
    case "reflectingStepFeeling": {
      const feeling = pickStepFeeling(button, text);
      if (feeling === undefined) return null;
      return goTo(state, { type: "reflectingStepReaction", status: step.status, within: step.within, feeling }, now);
    }
    case "reflectingStepReaction": {
      if (button !== null && button !== "none") return null;
      if (text !== null && answerMeaning(text, ["yes", "more"]) !== null) return respond(state, [reactionWhich(state, now)]);
      const reaction = text === null || saysNoReaction(text) ? null : clip(text).text;
      return finishLoop(state, step, reaction, now);
    }
  }
}

/**
 * A tap on a follow-up's できた / 少しできた / まだ (`done-2026-11-29`; older pushes carry no date),
 * from wherever the user is: the loop for the current step; a kind word and nothing stored for a
 * tap on an older follow-up or a step already told; a question on screen is kept for afterwards.
 */
export function answerFollowUpTap(state: UserState, value: string, now: Date): Transition | null {
  const parsed = /^(done|partly|notYet)(?:-(\d{4}-\d{2}-\d{2}))?$/.exec(value);
  if (parsed === null) return null;
  const status = parsed[1] as ActionStatus;
  const action = state.profile.action;
  if (action === null) return respond(state, [say("stepLoop.staleNoAction"), ...promptFor(state, now)]);
  const quoted = { action: displayQuote(action.text), due: formatDate(action.due) };
  if (parsed[2] !== undefined && parsed[2] !== action.due) return respond(state, [say("stepLoop.stale", quoted), ...promptFor(state, now)]);
  const last = state.profile.steps.at(-1);
  if (last !== undefined && last.action === action.text && last.due === action.due && last.status !== "notYet")
    return respond(state, [say("stepLoop.recorded", quoted), ...promptFor(state, now)]);
  const step = state.step;
  if (step.type === "resting" || step.type === "reflectingStepStatus")
    return tellStatus(withStep(state, { type: "resting" }), status, "followUp", now);
  if (isQuestionStep(step)) return tellStatus({ ...state, paused: step, step: { type: "resting" } }, status, "followUp", now);
  return respond(state, [say("stepLoop.busy"), ...promptFor(state, now)]);
}

/**
 * もっと小さな一歩にする: the current step's first 15 minutes, when it is a suggested one, on to its
 * date; else the user is asked for a step of their own, small enough for 15 minutes.
 */
export function smallerStep(state: UserState, now: Date): Transition | null {
  const action = state.profile.action;
  if (action === null) return null;
  const first = firstStepOf(action.text);
  if (first !== undefined) return goTo(state, { type: "awaitingActionDue", action: first }, now, [say("stepLoop.smaller")]);
  return goTo(state, { type: "awaitingOwnAction" }, now, [say("stepLoop.smallerOwn")]);
}

/**
 * A check-in begun: the last step told before it, with a feeling and not yet recalled, is what its
 * WILL question recalls, and is marked so that no later check-in recalls it again.
 */
export function withRecall(profile: Profile): { profile: Profile; recall: Reflection["recall"] } {
  const last = profile.steps.at(-1);
  if (last === undefined || last.feeling === null || last.recalled === true) return { profile, recall: undefined };
  const steps = [...profile.steps.slice(0, -1), { ...last, recalled: true as const }];
  return { profile: { ...profile, steps }, recall: { at: last.at, action: last.action, feeling: last.feeling } };
}

function finishLoop(state: UserState, step: Extract<StepLoopStep, { type: "reflectingStepReaction" }>, reaction: string | null, now: Date) {
  const told = recordOutcome(state, step.status, step.feeling, reaction, now);
  const saved = say(reaction === null ? "stepLoop.savedNoReaction" : "stepLoop.saved");
  if (step.within === "checkin") return goTo(told.state, { type: "reflectingWill" }, now, [saved], told.effects);
  if (told.state.paused) return endSideFlow(told.state, now, [saved], told.effects);
  const next = step.status === "done" ? say("stepLoop.next.done") : say("stepLoop.next.partly");
  const choices = step.status === "done" ? [newStepChoice(), okChoice()] : [changeDateChoice(), newStepChoice(), okChoice()];
  const text = saved.type === "text" && next.type === "text" ? `${saved.text}\n${next.text}` : "";
  return respond(withStep(told.state, { type: "resting" }), [{ type: "text", text, choices }], told.effects);
}

/** The outcome stored as an entry and kept in the profile's timeline; nothing without a current step. */
function recordOutcome(
  state: UserState,
  status: ActionStatus,
  feeling: string | null,
  reaction: string | null,
  now: Date,
): { state: UserState; effects: Effect[] } {
  const action = state.profile.action;
  if (action === null) return { state, effects: [] };
  const outcome = { action: action.text, due: action.due, status, feeling, reaction, at: now.toISOString() };
  const steps = [...state.profile.steps, outcome].slice(-STEP_HISTORY);
  return {
    state: { ...state, profile: { ...state.profile, steps } },
    effects: [{ type: "recordEntry", entry: { kind: "step", ...outcome } }],
  };
}

/** A tapped feeling, a skip (null), a typed one (a label typed politely counts as the label); undefined for a tap that fits none. */
function pickStepFeeling(button: string | null, text: string | null): string | null | undefined {
  if (button === "skip") return null;
  if (button !== null) return /^f\d$/.test(button) ? stepFeelings[Number(button.slice(1))] : undefined;
  if (text === null) return undefined;
  if (answerMeaning(text, ["none", "later"]) !== null || isAnswerWord(text, stepWords.skip)) return null;
  const folded = foldAnswer(text);
  return stepFeelings.find((feeling) => foldAnswer(feeling) === folded) ?? clip(text).text;
}

/** Whether a typed reaction says there was none (特にないです, 思いつかない, スキップ, 反応はなかったです). */
function saysNoReaction(text: string): boolean {
  return answerMeaning(text, ["none", "later", "next"]) !== null || isAnswerWord(text, [...stepWords.skip, ...noReactionWords]);
}

/** Whether the text only holds the floor (えっと, うーん, ちょっと待って). */
function isHolding(text: string): boolean {
  return text.length <= SHORT_ANSWER_MAX && isAnswerWord(text, holdingWords);
}

/** 「ゆっくりで大丈夫です」 with the question's buttons, not the whole question again. */
function holding(state: UserState, step: StepLoopStep, now: Date): Transition {
  const choices = stepLoopPrompt(state, step).at(-1)?.choices ?? promptFor(state, now).at(-1)?.choices ?? [];
  return respond(state, [say("stepLoop.holding", {}, choices)]);
}

function reactionWhich(state: UserState, now: Date): Reply {
  return say("stepLoop.reaction.which", {}, promptFor(state, now).at(-1)?.choices);
}

/** The first 15 minutes of a suggested step, by the step's words. */
function firstStepOf(action: string): string | undefined {
  const all = [...willStepThemes.flatMap((theme) => theme.steps), ...Object.values(valueStepSuggestions).flat(), ...defaultStepSuggestions];
  return all.find((suggestion) => suggestion.step === action)?.first;
}

function changeDateChoice(): Choice {
  return answerLabel("next.changeDate", "cnext", "changeDate");
}

function newStepChoice(): Choice {
  return answerLabel("next.newAction", "cnext", "newAction");
}

function okChoice(): Choice {
  return answerLabel("next.ok", "cnext", "ok");
}
