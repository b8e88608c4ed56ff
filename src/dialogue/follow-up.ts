/**
 * Gentle follow-ups (PRODUCT.md §3.8), decided here and sent by the reminder pass:
 *
 * - a user who consented and left a first-session question unanswered gets at most two
 *   nudges, {@link NUDGE_DAYS} days after their last message, near the hour they were last
 *   active but inside {@link FOLLOW_UP_DAY}; each one tap from that same question;
 * - a user without reminders who asked for it gets one follow-up on their action's date, at
 *   {@link ACTION_FOLLOW_UP_TIME};
 * - a user who agreed to it after a crisis reply gets one care message the next day, near the
 *   hour they were last active ({@link careMessageAt}), before any other follow-up; and no
 *   nudge comes within {@link NUDGE_PAUSE_DAYS} days of a crisis reply.
 *
 * Nothing is planned for a user who paused (the question then waits in `paused`, not on
 * screen), declined, blocked the bot, is with a consultant or finished the first session.
 * Every message of the user plans afresh ({@link withFollowUps}); the pass only moves the
 * plan on after a push ({@link afterFollowUpSent}) and checks again before sending
 * ({@link followUpReplies}).
 */
import { addDays } from "date-fns";
import { tokyoDate, tokyoInstant, tokyoTime } from "../calendar/schedule";
import { labels } from "./content";
import type { Transition } from "./flow";
import { formatDate } from "./format";
import type { Input } from "./input";
import { commandData } from "./postback";
import { howAreYouChoices } from "./prompts";
import type { Choice, Reply } from "./reply";
import { say } from "./say";
import { withConsultant, type FollowUpPush, type UserState } from "./state";
import { isQuestionStep } from "./step";
import { answerFollowUpTap } from "./step-loop";
import { stepStatusChoices } from "./step-loop-prompt";
import { displayQuote } from "./understand/mirror";

/** Days after the user's last message when the first and the last nudge are due. */
export const NUDGE_DAYS = [1, 4] as const;
/** The part of the day (Tokyo) a nudge is clamped into: never early in the morning or late at night. */
export const FOLLOW_UP_DAY = { earliest: "09:00", latest: "20:00" } as const;
/** When, on the action's date (Tokyo), its follow-up is due: after a working day. */
export const ACTION_FOLLOW_UP_TIME = "19:00";
/** A message within this long of a follow-up counts as resumed after it. */
export const RESUMED_WITHIN_MS = 48 * 60 * 60 * 1000;
/** Days after a crisis reply in which no nudge is sent (reminders the user chose still go). */
export const NUDGE_PAUSE_DAYS = 7;
/** The nearest a second nudge comes after the first (a first one sent late after an outage). */
const NUDGE_GAP_MS = 24 * 60 * 60 * 1000;

/**
 * The follow-up state after a turn: every message (and a re-follow) plans the next push from
 * now, which cancels or moves any pending one; an unfollow cancels it. A message within
 * {@link RESUMED_WITHIN_MS} of a follow-up is counted as resumed.
 */
export function withFollowUps(before: UserState, result: Transition, input: Input, now: Date): Transition {
  const state = result.state;
  if (input.type === "unfollowed") return { ...result, state: { ...state, followUp: { ...state.followUp, next: null } } };
  const pushedAt = before.followUp.pushedAt;
  const message = input.type !== "followed";
  const resumed = message && pushedAt !== null && now.getTime() - Date.parse(pushedAt) <= RESUMED_WITHIN_MS;
  const followUp = { ...state.followUp, pushedAt: message ? null : state.followUp.pushedAt };
  const planned: UserState = {
    ...state,
    tally: resumed ? { ...state.tally, followUpsResumed: state.tally.followUpsResumed + 1 } : state.tally,
    followUp,
  };
  return { ...result, state: { ...planned, followUp: { ...followUp, next: planFollowUp(planned, now) } } };
}

/** The next follow-up for a user whose last message was at `now`; null when none is due. */
export function planFollowUp(state: UserState, now: Date): FollowUpPush | null {
  if (!reachable(state)) return null;
  if (state.care.messageAt !== null) return { kind: "care", at: state.care.messageAt };
  if (awaitsNudge(state)) return { kind: "nudge", n: 1, at: notInPause(state, nudgeAt(now, NUDGE_DAYS[0])).toISOString() };
  return actionFollowUp(state);
}

/**
 * When the care message a user agreed to at `now` is due: the next day at the hour they are
 * active now, inside {@link FOLLOW_UP_DAY}.
 */
export function careMessageAt(now: Date): Date {
  return nudgeAt(tokyoInstant(tokyoDate(now), `${tokyoTime(now).slice(0, 2)}:00`), 1);
}

/**
 * What the pass pushes for `state`'s due follow-up, or null when there is nothing to send any
 * more (the user paused, finished, blocked the bot, is with a consultant, changed the action).
 */
export function followUpReplies(state: UserState): Reply[] | null {
  const next = state.followUp.next;
  if (next === null || !reachable(state)) return null;
  if (next.kind === "care") return state.care.messageAt === null ? null : careMessageReplies();
  if (next.kind === "nudge") {
    if (!awaitsNudge(state)) return null;
    const resume: Choice = { label: labels["followUp.resume"], action: { type: "postback", data: commandData("start") } };
    const stop: Choice = { label: labels["followUp.stop"], action: { type: "postback", data: commandData("pause") } };
    return [say(next.n === 1 ? "followUp.nudge.1" : "followUp.nudge.2", {}, [resume, stop])];
  }
  const action = state.profile.action;
  if (actionFollowUp(state) === null || action === null) return null;
  const reflect: Choice = { label: labels["push.reflect"], action: { type: "postback", data: commandData("reflect") } };
  return [say("followUp.action.ask", { action: displayQuote(action.text) }, [...stepStatusChoices(action.due), reflect])];
}

/**
 * The state after the due follow-up was pushed at `now` (or LINE already had it): counted,
 * remembered for {@link RESUMED_WITHIN_MS}, and the second nudge planned after the first;
 * nothing after the second nudge or the action's follow-up. A user at rest is then at the action
 * follow-up's question, so that a typed 「できました！」 is its answer.
 */
export function afterFollowUpSent(state: UserState, now: Date): UserState {
  const sent = state.followUp.next;
  if (sent === null) return state;
  const lastActive = state.lastActiveAt === null ? now : new Date(state.lastActiveAt);
  if (sent.kind === "care") {
    // The care message goes once; what the user's last message planned besides it comes after.
    const cared: UserState = { ...state, care: { ...state.care, messageAt: null } };
    const after = planFollowUp(cared, lastActive);
    return {
      ...cared,
      tally: { ...state.tally, followUpsSent: state.tally.followUpsSent + 1 },
      followUp: { ...state.followUp, next: after, pushedAt: now.toISOString() },
    };
  }
  const second = nudgeAt(lastActive, NUDGE_DAYS[1]);
  const notBefore = now.getTime() + NUDGE_GAP_MS;
  const next: FollowUpPush | null =
    sent.kind === "nudge" && sent.n === 1
      ? { kind: "nudge", n: 2, at: (second.getTime() >= notBefore ? second : nudgeAt(now, 1)).toISOString() }
      : null;
  const asked = sent.kind === "action" && state.step.type === "resting";
  return {
    ...state,
    step: asked ? { type: "reflectingStepStatus" } : state.step,
    tally: { ...state.tally, followUpsSent: state.tally.followUpsSent + 1 },
    followUp: {
      next,
      actionDate: sent.kind === "action" ? null : state.followUp.actionDate,
      pushedAt: now.toISOString(),
    },
  };
}

/** The state with no follow-up planned (there was nothing to send). */
export function withoutFollowUp(state: UserState): UserState {
  return { ...state, followUp: { ...state.followUp, next: null } };
}

/** Whether, after choosing `state`'s action date, the user is offered one follow-up on it: no reminders, a later date. */
export function offersFollowUp(state: UserState, now: Date): boolean {
  const due = state.profile.action?.due;
  return state.profile.reminder === null && due !== undefined && due > tokyoDate(now);
}

/** The offer answered: the follow-up on the action's date asked for (`wanted`) or not, and what the bot says. */
export function decideFollowUpOffer(state: UserState, wanted: boolean): { state: UserState; said: Reply } {
  const action = state.profile.action;
  if (!wanted || action === null) return { state, said: say("followUp.offer.declined") };
  return {
    state: { ...state, followUp: { ...state.followUp, actionDate: action.due } },
    said: say("followUp.offer.saved", { due: formatDate(action.due) }),
  };
}

/**
 * A tap on the action follow-up's できた / 少しできた / まだ: the learning loop for the current step, or
 * a kind word for a tap on an older follow-up ({@link answerFollowUpTap}).
 */
export function answerActionFollowUp(state: UserState, value: string, now: Date): Transition | null {
  return answerFollowUpTap(state, value, now);
}

/** The care message: how is the user now, with the same three answers as at their next contact. */
export function careMessageReplies(): Reply[] {
  return [say("care.push", {}, howAreYouChoices())];
}

/** Whether anything may be pushed to the user at all. */
function reachable(state: UserState): boolean {
  return state.consent.status === "given" && state.following && !withConsultant(state);
}

/** Whether the user left the first session at one of its questions (not paused, not finished). */
function awaitsNudge(state: UserState): boolean {
  return !state.profile.completedFirstSession && state.draft !== null && isQuestionStep(state.step);
}

/** The follow-up on the action's date, when the user asked for it and it still fits. */
function actionFollowUp(state: UserState): FollowUpPush | null {
  const date = state.followUp.actionDate;
  if (date === null || state.profile.action?.due !== date || state.profile.reminder !== null) return null;
  return { kind: "action", date, at: tokyoInstant(date, ACTION_FOLLOW_UP_TIME).toISOString() };
}

/** `at`, or the nudge time of the day the pause after a crisis reply ends, whichever is later. */
function notInPause(state: UserState, at: Date): Date {
  const acuteAt = state.care.acuteAt;
  if (acuteAt === null) return at;
  const resumes = nudgeAt(new Date(acuteAt), NUDGE_PAUSE_DAYS);
  return resumes.getTime() > at.getTime() ? resumes : at;
}

/** `days` after `from`, at `from`'s Tokyo time clamped into {@link FOLLOW_UP_DAY}. */
function nudgeAt(from: Date, days: number): Date {
  const time = tokyoTime(from);
  const clamped = time < FOLLOW_UP_DAY.earliest ? FOLLOW_UP_DAY.earliest : time > FOLLOW_UP_DAY.latest ? FOLLOW_UP_DAY.latest : time;
  return tokyoInstant(tokyoDate(addDays(from, days)), clamped);
}
