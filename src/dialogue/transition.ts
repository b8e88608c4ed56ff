/**
 * The dialogue core: `transition(state, input, now)` returns the next state, the replies
 * to send and the effects to perform, as data. It is pure: no I/O, no clock, no
 * randomness; the same arguments always give the same result.
 */
import { nextReminderAt } from "../calendar/schedule";
import { matchCommand, normalizeForMatch } from "./commands";
import { answerSafety, safetyReply } from "./safety";
import { withHandover } from "./handover";
import { atRest, runCommand, showRecords } from "./commands-run";
import { assessSafety } from "./understand/safety";
import {
  clip,
  dropUnfinishedMoment,
  endSideFlow,
  goTo,
  MAX_ANSWER_LENGTH,
  respond,
  restartQuestion,
  withStep,
  type Transition,
} from "./flow";
import type { Input, PickedDateTime } from "./input";
import { decodePostback } from "./postback";
import { promptFor } from "./prompts";
import { commandChoice, say } from "./say";
import { restoreState } from "./restore";
import type { Reply } from "./reply";
import { answerCheckin, followUp } from "./checkin";
import { answerActionFollowUp, withFollowUps } from "./follow-up";
import { answerQuestion, beginSession } from "./session";
import { answerQuickThanks } from "./quick-thanks";
import { answerReminder } from "./reminder-step";
import { initialState, requestHandover, type UserState } from "./state";
import { isQuestionStep, isSideQuestionStep, TOPICS_BY_STEP, type Step } from "./step";

/** After this long without a message, a user mid-flow is asked whether to continue. */
export const RESUME_AFTER_MS = 3 * 24 * 60 * 60 * 1000;

/**
 * Advances a user from their stored state, which may be missing, of an older version or
 * damaged: such a state restarts at a safe point, keeps what it can, and the user is told.
 */
export function advance(stored: unknown, input: Input, now: Date): Transition {
  const { state, migrated } = restoreState(stored);
  if (!migrated || input.type === "followed" || input.type === "unfollowed") return transition(state, input, now);
  return respond(state, [say("state.migrated"), ...promptFor(state, now)]);
}

/** The one reply for a group or room chat: the bot talks in 1:1 chats only. */
export function sharedChatReplies(): Reply[] {
  return [say("sharedChat.notice")];
}

/**
 * Advances the dialogue of one user by one input, around a consultant's hand-over if any;
 * every input plans the user's follow-ups afresh.
 */
export function transition(state: UserState, input: Input, now: Date): Transition {
  return withFollowUps(
    state,
    withHandover(state, input, now, (current) => react(current, input, now)),
    input,
    now,
  );
}

function react(state: UserState, input: Input, now: Date): Transition {
  switch (input.type) {
    case "followed":
      return onFollow(state, input.displayName, now);
    case "unfollowed":
      return respond(onUnfollow(state), []);
    case "mediaReceived":
      return respond(touch(state, now), [say("input.media"), ...promptFor(state, now)]);
    case "textReceived":
      return onText(touch(state, now), input.text, state.lastActiveAt, now);
    case "postbackReceived":
      return onPostback(touch(state, now), input.data, input.picked, now);
  }
}

function onFollow(state: UserState, displayName: string | null, now: Date): Transition {
  if (state.consent.status === "given") {
    const reminder = state.profile.reminder;
    const next: UserState = {
      ...state,
      following: true,
      profile: reminder
        ? { ...state.profile, reminder: { ...reminder, nextAt: nextReminderAt(reminder.schedule, now).toISOString() } }
        : state.profile,
    };
    return respond(next, [say("welcome.back"), ...promptFor(next, now)]);
  }
  const greeting = displayName ? say("welcome.greetingNamed", { name: displayName }) : say("welcome.greetingAnonymous");
  return goTo({ ...state, following: true }, { type: "awaitingConsent" }, now, [
    greeting,
    say("welcome.about"),
    say("welcome.parallelCareer"),
  ]);
}

function onUnfollow(state: UserState): UserState {
  const reminder = state.profile.reminder;
  return { ...state, following: false, profile: reminder ? { ...state.profile, reminder: { ...reminder, nextAt: null } } : state.profile };
}

function onText(state: UserState, raw: string, lastActiveAt: string | null, now: Date): Transition {
  const safety = assessSafety(raw);
  if (safety !== null) return safetyReply(state, safety, clip(raw).text, now);
  const button = offeredButton(state, raw, now);
  const command = button === null ? matchCommand(raw, awaitsTypedAnswer(state.step)) : null;
  if (command) return runCommand(state, command, now);
  const { text, cut } = clip(raw);
  if (text === "") return respond(state, [say("input.empty"), ...promptFor(state, now)]);
  const step = state.step;
  const back = isQuestionStep(step) && lastActiveAt !== null && now.getTime() - Date.parse(lastActiveAt) > RESUME_AFTER_MS;
  if (back && restartQuestion(step).type !== step.type)
    return goTo({ ...state, paused: step }, { type: "awaitingResumeChoice", text }, now);
  const result = button !== null ? onPostback(state, button, undefined, now) : onTextAnswer(state, text, now);
  if (back) return respond(result.state, [say("welcome.back"), ...result.replies], result.effects);
  const noticeCut = cut && state.consent.status === "given";
  return noticeCut
    ? respond(result.state, [say("input.truncated", { max: String(MAX_ANSWER_LENGTH) }), ...result.replies], result.effects)
    : result;
}

/** Typed text kept from earlier as an answer: the label of a button on screen counts as tapping it. */
function answerTyped(state: UserState, text: string, now: Date): Transition {
  const button = offeredButton(state, text, now);
  return button !== null ? onPostback(state, button, undefined, now) : onTextAnswer(state, text, now);
}

function onTextAnswer(state: UserState, text: string, now: Date): Transition {
  const step = state.step;
  if (isQuestionStep(step)) return answerQuestion(state, step, { kind: "text", text }, now) ?? askAgain(state, now);
  switch (step.type) {
    case "new":
      return goTo(state, { type: "awaitingConsent" }, now, [say("welcome.hello"), say("welcome.about"), say("welcome.parallelCareer")]);
    case "awaitingConsent":
      return respond(state, [say("consent.pending"), ...promptFor(state, now)]);
    case "resting":
    case "awaitingSaveFreeText":
      return atRest(state, text, now);
    case "changingReminder":
    case "changingReminderDays":
      return answerReminder(state, step, { kind: "text", text }, now) ?? askAgain(state, now);
    case "reflectingScore":
    case "reflectingThanks":
    case "reflectingThanksText":
    case "reflectingAction":
    case "reflectingWill":
      return answerCheckin(state, step, { kind: "text", text }, now) ?? askAgain(state, now);
    case "awaitingQuickThanks":
    case "awaitingQuickThanksFeeling":
    case "awaitingQuickThanksDeed":
      return answerQuickThanks(state, step, { kind: "text", text }, now) ?? askAgain(state, now);
    case "awaitingSafetyChoice":
      return respond(state, [say("safety.heard"), ...promptFor(state, now)]);
    default:
      return respond(state, promptFor(state, now));
  }
}

function onPostback(state: UserState, data: string, picked: PickedDateTime | undefined, now: Date): Transition {
  const postback = decodePostback(data);
  if (postback === null) return stale(state, now);
  if (postback.kind === "command") return runCommand(state, postback.command, now);
  const { topic, value } = postback;
  if (topic === "rec") return /^\d{1,3}$/.test(value) ? showRecords(state, Number(value), now) : stale(state, now);
  // The check-in's closing buttons work at rest; the push's あとで works anywhere (it changes nothing).
  if (topic === "fu")
    return state.consent.status === "given" ? (answerActionFollowUp(state, value, now) ?? stale(state, now)) : stale(state, now);
  if (topic === "cnext") {
    const usable = state.consent.status === "given" && (value === "later" || state.step.type === "resting");
    return usable ? (followUp(state, value, now) ?? stale(state, now)) : stale(state, now);
  }
  if (!TOPICS_BY_STEP[state.step.type].includes(topic)) return stale(state, now);
  const step = state.step;
  if (isQuestionStep(step)) {
    const answer = picked ? { kind: "button" as const, value, picked } : { kind: "button" as const, value };
    return answerQuestion(state, step, answer, now) ?? stale(state, now);
  }
  return answerSideStep(state, step, value, picked, now) ?? stale(state, now);
}

function answerSideStep(state: UserState, step: Step, value: string, picked: PickedDateTime | undefined, now: Date): Transition | null {
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
    case "awaitingHandoffScope":
      if (value === "summary" || value === "withEntries") return goTo(state, { type: "awaitingHandoffConfirm", scope: value }, now);
      if (value === "cancel") return endSideFlow(state, now, [say("handoff.cancelled")]);
      return null;
    case "awaitingHandoffConfirm":
      if (value === "send") {
        const handOff = { type: "handOff" as const, scope: step.scope };
        const requested = requestHandover(state, now);
        return state.paused ? endSideFlow(requested, now, [], [handOff]) : respond(withStep(requested, { type: "resting" }), [], [handOff]);
      }
      if (value === "cancel") return endSideFlow(state, now, [say("handoff.cancelled")]);
      return null;
    case "awaitingDeleteConfirm":
      if (value === "yes") return respond(initialState(), [say("delete.done", {}, [commandChoice("start")])], [{ type: "deleteUserData" }]);
      if (value === "no") return endSideFlow(state, now, [say("delete.cancelled")]);
      return null;
    case "awaitingResumeChoice": {
      const paused = state.paused;
      if (paused === null) return endSideFlow(state, now, []);
      const resumed = { ...state, paused: null };
      if (value === "continue" && step.text !== null) {
        const answered = answerTyped(withStep(resumed, paused), step.text, now);
        return respond(answered.state, [say("resume.back"), ...answered.replies], answered.effects);
      }
      if (value === "continue") return goTo(resumed, paused, now, [say("resume.back")]);
      if (value === "restart")
        return goTo(dropUnfinishedMoment(resumed, paused), restartQuestion(paused), now, [say("resume.restartQuestion")]);
      return null;
    }
    case "awaitingSafetyChoice":
      return answerSafety(state, step, value, now, (resumed, text) => answerTyped(resumed, text, now));
    case "changingReminder":
    case "changingReminderDays":
      return answerReminder(state, step, picked ? { kind: "button", value, picked } : { kind: "button", value }, now);
    case "reflectingScore":
    case "reflectingThanks":
    case "reflectingThanksText":
    case "reflectingAction":
    case "reflectingWill":
      return answerCheckin(state, step, { kind: "button", value }, now);
    default:
      return null;
  }
}

/**
 * The postback data of the button on screen whose label the user typed, if any: typing
 * 「しっくりくる」 means the same as tapping it, and is never kept as the user's own words.
 */
function offeredButton(state: UserState, text: string, now: Date): string | null {
  if (text.length > BUTTON_TEXT_MAX) return null;
  const key = normalizeForMatch(text);
  if (key === "") return null;
  const choices = promptFor(state, now).at(-1)?.choices ?? [];
  const match = choices.find((choice) => choice.action.type === "postback" && normalizeForMatch(choice.label) === key);
  return match?.action.type === "postback" ? match.action.data : null;
}

/** Longer than this as typed (UTF-16 units), a text is not a button's label (20 characters) with marks around it. */
const BUTTON_TEXT_MAX = 64;

/** Whether the step takes typed text as its answer (a question, a check-in, a moment being logged). */
function awaitsTypedAnswer(step: Step): boolean {
  return (
    isQuestionStep(step) ||
    isSideQuestionStep(step) ||
    step.type === "awaitingQuickThanksFeeling" ||
    step.type === "awaitingQuickThanksDeed" ||
    step.type === "changingReminder"
  );
}

function askAgain(state: UserState, now: Date): Transition {
  if (state.step.type === "awaitingWorkScore") return respond(state, [say("session.workScore.invalid"), ...promptFor(state, now)]);
  return respond(state, promptFor(state, now));
}

function stale(state: UserState, now: Date): Transition {
  return respond(state, [say("input.stalePostback"), ...promptFor(state, now)]);
}

function touch(state: UserState, now: Date): UserState {
  return state.consent.status === "given" ? { ...state, lastActiveAt: now.toISOString() } : state;
}
