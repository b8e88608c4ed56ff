/**
 * Care around the safety replies (PRODUCT.md §3.6):
 *
 * - distress is heard, not treated as a crisis: the answer is taken as any answer, said back
 *   warmly and whole ({@link withDistressHeard}), with one line pointing to work-related help
 *   at most once a session, and the conversation goes on;
 * - after a crisis reply, the first contact of a new session first asks how the user is
 *   ({@link careFirst}), and what they sent is done once they feel a little better;
 * - after 今日はここまで, one care message the next day, if the user agrees ({@link answerCareOffer}).
 *
 * A session is as `./session-gap.ts` says.
 */
import { commandChoice, say } from "./say";
import { respond, withStep, type Transition } from "./flow";
import { careMessageAt } from "./follow-up";
import { decodePostback, type CommandId } from "./postback";
import { howAreYouChoices, promptFor, restingChoices } from "./prompts";
import type { Reply } from "./reply";
import { pauseForSafety, resourcesCard, settled, workHelpLine } from "./safety";
import type { Care, UserState } from "./state";
import { isQuestionStep, type HeldInput, type Step } from "./step";
import { answerMeaning } from "./understand/answers";
import { distressEcho } from "./understand/distress-echo";
import { howTheyAre } from "./understand/how-they-are";
import { startsSession } from "./session-gap";

/** LINE shows at most 13 quick replies. */
const MAX_CHOICES = 13;

/**
 * The commands that do what they say at once, even when the bot would first ask how the user
 * is: those that must always work, and those that only show something (ヘルプ, 相談先を見る).
 */
const CARE_EXEMPT: readonly CommandId[] = ["myData", "deleteData", "backToBot", "help", "helpLines"];

/** The care state once a message arrived at `now`: a new session may show the help line again. */
export function careAfterContact(care: Care, since: string | null, now: Date): Care {
  return care.helpLineAt !== null && startsSession(since, now) ? { ...care, helpLineAt: null } : care;
}

/** A message from the user: their last activity is now, and a new session may show the help line again. */
export function touch(state: UserState, now: Date): UserState {
  if (state.consent.status !== "given") return state;
  return { ...state, lastActiveAt: now.toISOString(), care: careAfterContact(state.care, state.lastActiveAt, now) };
}

/** Does what a held contact asked for, after the user said how they are (the core's usual turn). */
export type Replay = (state: UserState, held: HeldInput, since: string | null) => Transition;

/**
 * Whether a contact at `now`, after activity `since`, first asks how the user is: a crisis
 * reply was given since they last said how they are, and this contact starts a new session, or
 * comes after they stopped for today (resting), where anything else would pass over the crisis.
 */
export function careCheckDue(state: UserState, since: string | null, now: Date): boolean {
  if (state.consent.status !== "given" || !state.care.askHow || state.step.type === "awaitingCareCheck") return false;
  return startsSession(since, now) || state.step.type === "resting";
}

/**
 * Whether a typed command, or a tapped button's `data`, must do what it says even at the
 * contact that asks how the user is: the commands that must always work, and the answers to
 * the care question and offer themselves.
 */
export function exemptFromCare(command: CommandId | null, data: string | null = null): boolean {
  if (command !== null) return CARE_EXEMPT.includes(command);
  const postback = data === null ? null : decodePostback(data);
  if (postback?.kind === "command") return CARE_EXEMPT.includes(postback.command);
  return postback?.kind === "answer" && (postback.topic === "care" || postback.topic === "coffer");
}

/**
 * Asks how the user is before doing what they sent (`held`, done once they feel better): where
 * they were waits in the care step, a question in `paused` too.
 */
export function askHowFirst(state: UserState, held: HeldInput | null, since: string | null, now: Date): Transition {
  const { step, paused } = settled(state);
  const base: UserState = { ...state, paused: isQuestionStep(step) ? step : paused, care: { ...state.care, askHow: false } };
  // A last activity that is no date (a damaged document) is not carried into the step.
  const kept = since !== null && Number.isFinite(Date.parse(since)) ? since : null;
  const askedAt = now.toISOString();
  const next = withStep(
    base,
    step.type === "resting"
      ? { type: "awaitingCareCheck", held, since: kept, askedAt }
      : { type: "awaitingCareCheck", held, since: kept, resume: step, askedAt },
  );
  // Within the session of the crisis reply (after 今日はここまで), not a welcome back.
  return respond(next, [say(startsSession(since, now) ? "care.check.ask" : "care.check.now", {}, howAreYouChoices())]);
}

/**
 * A message of distress at the contact that asks how the user is, or in answer to it: the user
 * has said they are still struggling. The lines again, and the choice to go on or stop.
 */
export function stillHardHeard(state: UserState, text: string, now: Date): Transition {
  const keep = state.step.type === "awaitingCareCheck" ? null : text;
  return stillHard(state, [say("care.hardHeard", { echo: distressEcho(text) })], keep, now);
}

/**
 * The answer to 「その後、いかがですか？」, tapped (in the care step or on the care message) or
 * typed: a little better goes on with what the user sent or where they were; still hard or the
 * lines show the lines again and offer to stop for today. Null for a value it does not know.
 */
export function answerHow(state: UserState, value: string, now: Date, replay: Replay): Transition | null {
  if (value !== "better" && value !== "hard" && value !== "lines") return null;
  const check = state.step.type === "awaitingCareCheck" ? state.step : null;
  const back = returned(state);
  if (value === "hard") return stillHard(back, [say("care.hard")], null, now);
  if (value === "lines") return stillHard(back, [], null, now);
  const better: UserState = { ...back, care: { ...back.care, askHow: false } };
  const said = say("care.better");
  if (check?.held) {
    const done = replay(better, check.held, check.since);
    return respond(done.state, [said, ...done.replies], done.effects);
  }
  if (better.step.type === "resting") return respond(better, [{ ...said, choices: restingChoices(better) }]);
  return respond(better, [said, ...promptFor(better, now)]);
}

/** Typed text at 「その後、いかがですか？」: better or still hard when it says so, else the question once more. */
export function answerHowTyped(state: UserState, text: string, now: Date, replay: Replay): Transition {
  const how = howTheyAre(text);
  if (how !== null) return answerHow(state, how, now, replay) ?? respond(state, promptFor(state, now));
  return respond(state, [say("care.check.again", {}, howAreYouChoices())]);
}

/** The answer to 「明日、様子をうかがってもいいですか？」: yes plans the one care message; anything else is null. */
export function answerCareOffer(state: UserState, value: string, now: Date): Transition | null {
  const rest = withStep(state, { type: "resting" });
  if (value === "yes") {
    const planned: UserState = { ...rest, care: { ...rest.care, messageAt: careMessageAt(now).toISOString() } };
    return respond(planned, [say("care.offer.yes", {}, restingChoices(planned))]);
  }
  if (value === "no") return respond(rest, [say("care.offer.no", {}, restingChoices(rest))]);
  return null;
}

/** Typed text at the care offer: はい or いいえ, polite or casual; null for anything else (then it is text at rest). */
export function answerCareOfferTyped(state: UserState, text: string, now: Date): Transition | null {
  const meaning = answerMeaning(text, ["yes", "no", "none", "later"]);
  return meaning === null ? null : answerCareOffer(state, meaning === "yes" ? "yes" : "no", now);
}

/**
 * A message of distress taken by `result` (the usual turn for it, which said nothing of its
 * own about the words): said back first, warmly and whole, then at most once a session the line
 * to work-related help with a button for the card of services.
 */
export function withDistressHeard(before: UserState, result: Transition, text: string, now: Date): Transition {
  const tracked = before.consent.status === "given";
  const goesOn = tracked && result.state.step.type !== "resting";
  const heard = say(goesOn ? "care.heard.goOn" : "care.heard.rest", { echo: distressEcho(text) });
  if (tracked && before.care.helpLineAt !== null) return respond(result.state, [heard, ...result.replies], result.effects);
  const state: UserState = tracked ? { ...result.state, care: { ...result.state.care, helpLineAt: now.toISOString() } } : result.state;
  return respond(state, [heard, workHelpLine(), ...withHelpButton(result.replies)], result.effects);
}

/**
 * 「相談先を見る」: the card of services, the lines for a crisis in the week after a crisis reply
 * and work-related help otherwise, then the pending question again.
 */
export function showHelpLines(state: UserState, now: Date): Transition {
  const acuteAt = state.care.acuteAt;
  const recent = acuteAt !== null && now.getTime() - Date.parse(acuteAt) < CRISIS_LINES_MS;
  return respond(state, [{ type: "card", card: resourcesCard(recent ? "acute" : "distress") }, ...promptFor(state, now)]);
}

/** How long after a crisis reply 「相談先を見る」 shows the crisis lines. */
const CRISIS_LINES_MS = 7 * 24 * 60 * 60 * 1000;

function stillHard(state: UserState, opening: Reply[], kept: string | null, now: Date): Transition {
  const cared: UserState = { ...state, care: { ...state.care, askHow: true } };
  return pauseForSafety(cared, opening, kept, now);
}

/** The state with the care step gone: the user back where they were (a question no longer paused for it). */
function returned(state: UserState): UserState {
  const { step, paused } = settled(state);
  return { ...state, step, paused: isQuestionStep(step) && sameStep(paused, step) ? null : paused };
}

function sameStep(a: Step | null, b: Step): boolean {
  return a !== null && JSON.stringify(a) === JSON.stringify(b);
}

/** The pending question's buttons with 「相談先を見る」 added, while LINE allows one more. */
function withHelpButton(replies: Reply[]): Reply[] {
  const last = replies.at(-1);
  if (last === undefined) return replies;
  const choices = last.choices ?? [];
  if (choices.length >= MAX_CHOICES) return replies;
  return [...replies.slice(0, -1), { ...last, choices: [...choices, commandChoice("helpLines")] }];
}
