/**
 * The dialogue core: `transition(state, input, now)` returns the next state, the replies
 * to send and the effects to perform, as data. It is pure: no I/O, no clock, no
 * randomness; the same arguments always give the same result.
 */
import { nextReminderAt } from "../calendar/schedule";
import { matchCommand } from "./commands";
import { safetyReply } from "./safety";
import {
  answerCareOfferTyped,
  answerHow,
  answerHowTyped,
  askHowFirst,
  careCheckDue,
  exemptFromCare,
  stillHardHeard,
  touch,
  withDistressHeard,
  type Replay,
} from "./care";
import { withBurst } from "./burst";
import { withHandover } from "./handover";
import { withHomework } from "./homework";
import { atRest, reminderTyped, runCommand, showRecords } from "./commands-run";
import { isReminderRequest, restIntent } from "./understand/intent";
import { assessSafety } from "./understand/safety";
import { clip, goTo, MAX_ANSWER_LENGTH, respond, withStep, type Transition } from "./flow";
import { answerHandoff } from "./handoff-steps";
import { answerSharing } from "./sharing";
import { recapLine } from "./recap";
import { withTiredness } from "./tired";
import type { Input, PickedDateTime } from "./input";
import { decodePostback } from "./postback";
import { promptFor } from "./prompts";
import { say } from "./say";
import { restoreState } from "./restore";
import type { Reply } from "./reply";
import { answerCheckin, followUp, isCheckinStep } from "./checkin";
import { answerActionFollowUp, withFollowUps } from "./follow-up";
import { answerQuestion } from "./session";
import { answerQuickThanks } from "./quick-thanks";
import { answerReminder } from "./reminder-step";
import { answerSideStep } from "./side-steps";
import type { UserState } from "./state";
import { isQuestionStep, TOPICS_BY_STEP } from "./step";
import { awaitsAnswerBesidesReminder, awaitsTypedAnswer, offeredButton } from "./typed";

/** After this long without a message, a user mid-flow is reminded where they were. */
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
 * Advances the dialogue of one user by one input, around a consultant's hand-over if any, a
 * consultant's homework waiting for its answer (`homework.ts`) and messages sent in a row
 * (`burst.ts`); every input plans the user's follow-ups afresh.
 */
export function transition(state: UserState, input: Input, now: Date): Transition {
  return withFollowUps(
    state,
    withHandover(state, input, now, (current) =>
      withHomework(current, input, now, RESUME_AFTER_MS, (waiting) => withBurst(waiting, input, now, react)),
    ),
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
    case "postbackReceived": {
      const touched = touch(state, now);
      const contact = input.picked === undefined && decodePostback(input.data) !== null && !exemptFromCare(null, input.data);
      if (contact && careCheckDue(touched, state.lastActiveAt, now))
        return askHowFirst(touched, { data: input.data }, state.lastActiveAt, now);
      return onPostback(touched, input.data, input.picked, now);
    }
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
    if (careCheckDue(next, state.lastActiveAt, now)) return askHowFirst(next, null, state.lastActiveAt, now);
    return respond(next, [say("welcome.back"), ...promptFor(next, now)]);
  }
  const greeting = displayName ? say("welcome.greetingNamed", { name: displayName }) : say("welcome.greetingAnonymous");
  return goTo({ ...state, following: true }, { type: "awaitingConsent" }, now, [greeting]);
}

function onUnfollow(state: UserState): UserState {
  const reminder = state.profile.reminder;
  return { ...state, following: false, profile: reminder ? { ...state.profile, reminder: { ...reminder, nextAt: null } } : state.profile };
}

/**
 * Typed text. A crisis gets the safety reply wherever it is sent. Distress is taken as the
 * answer it was typed as and said back first ({@link withDistressHeard}); at the first contact
 * of a session after a crisis reply, the bot asks how the user is before anything else.
 */
function onText(state: UserState, raw: string, lastActiveAt: string | null, now: Date): Transition {
  const safety = assessSafety(raw);
  if (safety === "acute") return safetyReply(state, now);
  const button = offeredButton(state, raw, now);
  const command = button === null ? matchCommand(raw, awaitsTypedAnswer(state.step)) : null;
  const { text, cut } = clip(raw);
  const caring = !exemptFromCare(command) && careCheckDue(state, lastActiveAt, now);
  const distress = safety === "distress";
  if (distress && (caring || state.step.type === "awaitingCareCheck")) return stillHardHeard(state, text, now);
  if (caring) return askHowFirst(state, { text }, lastActiveAt, now);
  if (command) return runCommand(state, command, now);
  if (text === "") return respond(state, [say("input.empty"), ...promptFor(state, now)]);
  // A reminder asked for while a question waits is not the answer: the question waits on.
  if (button === null && !distress && awaitsAnswerBesidesReminder(state.step) && isReminderRequest(text))
    return reminderTyped(state, text, now);
  const step = state.step;
  const back = isQuestionStep(step) && lastActiveAt !== null && now.getTime() - Date.parse(lastActiveAt) > RESUME_AFTER_MS;
  const answered = button !== null ? onPostback(state, button, undefined, now) : onTextAnswer(state, text, now, distress);
  const result = distress ? withDistressHeard(state, answered, text, now) : answered;
  // Back after a long gap: the answer is taken, after one line on where they were.
  if (back) return respond(result.state, [recapLine(state, step), ...result.replies], result.effects);
  const noticeCut = cut && state.consent.status === "given";
  return noticeCut
    ? respond(result.state, [say("input.truncated", { max: String(MAX_ANSWER_LENGTH) }), ...result.replies], result.effects)
    : result;
}

/**
 * Typed text kept from earlier as an answer: the label of a button on screen counts as tapping
 * it. `echoed` when the bot already said the text back (a message of distress).
 */
function answerTyped(state: UserState, text: string, now: Date, echoed = false): Transition {
  const button = offeredButton(state, text, now);
  return button !== null ? onPostback(state, button, undefined, now) : onTextAnswer(state, text, now, echoed);
}

/** Does what a contact held by the care question asked for, once the user said how they are. */
function replayer(now: Date): Replay {
  return (state, held, since) => ("text" in held ? onText(state, held.text, since, now) : onPostback(state, held.data, undefined, now));
}

/**
 * Text as the answer to whatever is pending. `echoed`: the bot said the text back already (a
 * message of distress), so the step adds no reflection of its own, and at rest it is not
 * offered as a ありがとう.
 */
function onTextAnswer(state: UserState, text: string, now: Date, echoed = false): Transition {
  const step = state.step;
  const typed = echoed ? { kind: "text" as const, text, echoed: true as const } : { kind: "text" as const, text };
  if (isQuestionStep(step)) return withTiredness(state, typed, answerQuestion(state, step, typed, now) ?? askAgain(state, now), now);
  if (isCheckinStep(step)) return answerCheckin(state, step, typed, now) ?? askAgain(state, now);
  switch (step.type) {
    case "new":
      return goTo(state, { type: "awaitingConsent" }, now, [say("welcome.hello")]);
    case "awaitingConsent":
      return respond(state, [say("consent.pending"), ...promptFor(state, now)]);
    case "resting":
    case "awaitingSaveFreeText":
      return echoed ? goTo(state, { type: "resting" }, now) : atRest(state, text, now);
    case "awaitingCareOffer":
      if (echoed) return goTo(state, { type: "resting" }, now);
      return (
        answerCareOfferTyped(state, text, now) ??
        // Anything else, right after a crisis reply: how they are first, what they wrote after.
        (state.care.askHow
          ? askHowFirst(withStep(state, { type: "resting" }), { text }, now.toISOString(), now)
          : atRest(withStep(state, { type: "resting" }), text, now))
      );
    case "awaitingCareCheck":
      return answerHowTyped(state, text, now, replayer(now));
    case "changingReminder":
    case "changingReminderDays":
      return answerReminder(state, step, { kind: "text", text }, now) ?? askAgain(state, now);
    case "awaitingQuickThanks":
    case "awaitingQuickThanksFeeling":
    case "awaitingQuickThanksDeed":
      return answerQuickThanks(state, step, typed, now) ?? askAgain(state, now);
    case "awaitingHandoffTopic":
      return answerHandoff(state, step, typed, now) ?? askAgain(state, now);
    case "awaitingShareConfirm":
      return answerSharing(state, typed, now) ?? askAgain(state, now);
    case "awaitingContinueChoice":
      return echoed ? goTo(state, { type: "resting" }, now) : atRest(withStep(state, { type: "resting" }), text, now);
    case "awaitingSafetyChoice": {
      // Anything typed instead of a choice is acknowledged (a thank-you as one), and the choice asked again.
      const heard = restIntent(text) === "thanksToBot" ? "safety.heardThanks" : "safety.heard";
      return respond(state, echoed ? promptFor(state, now) : [say(heard), ...promptFor(state, now)]);
    }
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
  // How the user is, after a crisis reply: asked at their next contact, or by the care message.
  if (topic === "care")
    return state.consent.status === "given" ? (answerHow(state, value, now, replayer(now)) ?? stale(state, now)) : stale(state, now);
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
    const answered = answerQuestion(state, step, answer, now);
    return answered === null ? stale(state, now) : withTiredness(state, answer, answered, now);
  }
  const typed = (resumed: UserState, text: string, echoed = false) => answerTyped(resumed, text, now, echoed);
  return answerSideStep(state, step, value, picked, now, typed) ?? stale(state, now);
}

function askAgain(state: UserState, now: Date): Transition {
  if (state.step.type === "awaitingWorkScore") return respond(state, [say("session.workScore.invalid"), ...promptFor(state, now)]);
  return respond(state, promptFor(state, now));
}

function stale(state: UserState, now: Date): Transition {
  return respond(state, [say("input.stalePostback"), ...promptFor(state, now)]);
}
