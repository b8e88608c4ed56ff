/**
 * Messages in a row (PRODUCT.md §3.6): people type 「えっと」, send an answer in two parts, or
 * correct it at once (「いや、やっぱり2です」). Around every turn of the core:
 *
 * - a **filler** while a question waits gets a short 「ゆっくりで大丈夫です」 with the question's
 *   buttons, and nothing is stored;
 * - a **correction** answers the question of the answer just given again, from the state it
 *   was given in, with the corrected words (one line says so); 「間違えました」 alone takes the
 *   answer back and asks again; where nothing can be amended, a kind line;
 * - the **rest of a typed answer**, sent within {@link BURST_WINDOW_MS} of it, is joined to it
 *   and the joined text answers the question again: read whole, by safety too.
 *
 * An answer answered again writes its entries under the same ids, and removes those it no
 * longer records, so exactly the amended answer is stored. Safety stays first: an acute
 * message is never a filler or a correction, and the joined or corrected words go through the
 * core's whole typed path again.
 */
import type { AmendableAnswer, Burst } from "./burst-state";
import { careCheckDue, touch } from "./care";
import { matchCommand } from "./commands";
import type { Effect } from "./effect";
import { clip, respond, type Transition } from "./flow";
import type { Input } from "./input";
import { decodePostback } from "./postback";
import { promptFor } from "./prompts";
import type { Reply } from "./reply";
import { echo, say } from "./say";
import type { UserState } from "./state";
import type { Step } from "./step";
import { awaitsTypedAnswer, offeredButton } from "./typed";
import { joinParts, readBurst } from "./understand/burst";
import { plainForm, sentences } from "./understand/endings";
import { assessSafety } from "./understand/safety";

/**
 * Messages sent at most this far apart belong together: 1.5 s. The webhook answers a turn
 * within its 1.5 s budget (`TURN_QUEUE_SETTINGS.warmMs`), so a message sent sooner after the
 * one before was written before the user could read the bot's reply to it: it can only go on
 * with what they were saying. Longer, and a second message would be read as the answer to a
 * question the user has already seen.
 */
export const BURST_WINDOW_MS = 1_500;

/** The core's turn without messages in a row: `transition.ts`'s reaction to one input. */
export type React = (state: UserState, input: Input, now: Date) => Transition;

/** Runs `react` for `input`, reading it first as a filler, a correction or the rest of an answer when it is one. */
export function withBurst(state: UserState, input: Input, now: Date, react: React): Transition {
  const { burst, ...base } = state;
  const read = input.type === "textReceived" ? readText(base, burst, input, now, react) : null;
  if (read !== null) return read;
  const result = react(base, input, now);
  // A sticker after an answer changes nothing: a correction may still follow it.
  if (input.type === "mediaReceived" && burst !== undefined) return { ...result, state: { ...result.state, burst } };
  const takesUp = burst?.fillers ?? 0;
  return { ...remember(base, input, result, now), ...(takesUp > 0 ? { takesUp } : {}) };
}

/** Typed text read in a burst: a filler, a correction or the rest of an answer; null for any other. */
function readText(
  state: UserState,
  burst: Burst<UserState> | undefined,
  input: Extract<Input, { type: "textReceived" }>,
  now: Date,
  react: React,
): Transition | null {
  if (state.consent.status !== "given" || !readsBursts(state.step) || careCheckDue(state, state.lastActiveAt, now)) return null;
  const answer = burst?.answer ?? null;
  const at = input.sent?.at ?? null;
  const quick = burst !== undefined && within(burst.at, at);
  const typed = answer?.text ?? null;
  const acute = assessSafety(input.text) === "acute";
  const read = acute ? { kind: "plain" as const } : readBurst(input.text, typed, quick);
  if (read.kind === "filler") return filler(state, burst, at, now);
  if (read.kind === "correction")
    return answer && burst ? amend(burst, answer, read.text, input, now, react, false) : nothingToAmend(state, burst, at, now);
  if (typed === null || !quick || !burst || answer === null || isButtonOrCommand(state, input.text, now)) return null;
  const earlier = at !== null && burst.at !== null && Date.parse(at) < Date.parse(burst.at);
  const joined = earlier ? joinParts(input.text, typed) : joinParts(typed, input.text);
  return amend(burst, answer, joined, input, now, react, true);
}

/** The steps where fillers and corrections are read: a question waits, or nothing does. */
function readsBursts(step: Step): boolean {
  return answersAmendably(step) || step.type === "resting" || step.type === "awaitingSaveFreeText";
}

/** The steps whose answers a correction can amend: those that take typed text, and two more taps. */
function answersAmendably(step: Step): boolean {
  return awaitsTypedAnswer(step) || step.type === "changingReminderDays" || step.type === "awaitingHandoffTopic";
}

function within(earlier: string | null, later: string | null): boolean {
  return earlier !== null && later !== null && Math.abs(Date.parse(later) - Date.parse(earlier)) <= BURST_WINDOW_MS;
}

function isButtonOrCommand(state: UserState, text: string, now: Date): boolean {
  return offeredButton(state, text, now) !== null || matchCommand(text, awaitsTypedAnswer(state.step)) !== null;
}

/** A filler: take your time, with the question's buttons; the burst goes on. */
function filler(state: UserState, burst: Burst<UserState> | undefined, at: string | null, now: Date): Transition {
  return respond(aside(state, burst, at, now), [say("burst.filler", {}, promptFor(state, now).at(-1)?.choices)]);
}

/** A correction with no answer to amend: a kind line and the question again; nothing is stored. */
function nothingToAmend(state: UserState, burst: Burst<UserState> | undefined, at: string | null, now: Date): Transition {
  return respond(aside(state, burst, at, now), [say("burst.nothingToAmend"), ...promptFor(state, now)]);
}

/**
 * The state after a message aside from the answer (a filler, or nothing to amend): the burst
 * goes on. The window of an answer stays where its latest part put it, so that a filler does
 * not make a later message part of an answer given long before.
 */
function aside(state: UserState, burst: Burst<UserState> | undefined, at: string | null, now: Date): UserState {
  const answer = burst?.answer ?? null;
  const messages = (burst?.messages ?? 0) + 1;
  return { ...touch(state, now), burst: { at: answer && burst ? burst.at : at, messages, fillers: (burst?.fillers ?? 0) + 1, answer } };
}

/**
 * Answers the question of `answer` again with `text` (the corrected or the joined answer):
 * its entries are written again under their ids or removed. An empty correction takes the
 * answer back. `joined` text gets the replies of an answer; a correction one line saying
 * what was corrected and the question now waiting, unless the new answer needs its own words
 * (distress said back, or what its effects add).
 */
function amend(
  burst: Burst<UserState>,
  answer: AmendableAnswer<UserState>,
  text: string,
  input: Extract<Input, { type: "textReceived" }>,
  now: Date,
  react: React,
  joined: boolean,
): Transition {
  const takesUp = burst.messages;
  const removed: Effect[] = answer.entries.map((id) => ({ type: "removeEntry", id }));
  if (text === "") {
    const back = touch(answer.before, now);
    return { ...respond(back, [say("burst.retracted"), ...promptFor(back, now)], removed), takesUp };
  }
  const retyped: Input = input.sent ? { type: "textReceived", text, sent: input.sent } : { type: "textReceived", text };
  const again = react(answer.before, retyped, now);
  const effects = named(again.effects, entryKey(input), answer.entries);
  if (!amendable(answer.before, retyped, again, now)) return { ...again, effects, takesUp };
  const short = !joined && assessSafety(text) === null && again.effects.every((effect) => effect.type === "recordEntry");
  const state = short ? saidBack(again.state) : again.state;
  const entries = effects.flatMap((effect) => (effect.type === "recordEntry" && effect.id ? [effect.id] : []));
  const burstAfter = { at: input.sent?.at ?? null, messages: takesUp + 1, fillers: 0, answer: { ...answer, text, entries } };
  const kept: UserState = { ...state, burst: burstAfter };
  const replies = short ? [corrected(answer.before, state, text), ...promptFor(state, now)] : again.replies;
  return { ...respond(kept, replies, effects), takesUp };
}

/** The line that says what was corrected: the score as a number, any other answer in its words (its first sentence, plain). */
function corrected(before: UserState, after: UserState, text: string): Reply {
  const score = before.step.type === "awaitingWorkScore" ? after.draft?.workScore : after.reflection?.score;
  const scored = before.step.type === "awaitingWorkScore" || before.step.type === "reflectingScore";
  return scored && typeof score === "number"
    ? say("burst.correctedScore", { score: String(score) })
    : say("burst.corrected", { text: echo(plainForm(sentences(text)[0] ?? text)) });
}

/** The step after a correction does not quote the corrected words again: the line before said them. */
function saidBack(state: UserState): UserState {
  const step = state.step;
  switch (step.type) {
    case "awaitingThanksFeeling":
    case "awaitingThanksDeed":
    case "awaitingQuickThanksFeeling":
    case "reflectingThanksFeeling":
    case "reflectingThanksDeed":
      return { ...state, step: { ...step, echoed: true } };
    default:
      return state;
  }
}

/**
 * The state after `result`, keeping `input` as an answer a correction can amend when it was
 * one: a typed or tapped answer (no command) to a question that moved the user on, storing at
 * most entries, which are then named so that they can be written again.
 */
function remember(state: UserState, input: Input, result: Transition, now: Date): Transition {
  if (!amendable(state, input, result, now)) return result;
  const effects = named(result.effects, entryKey(input), []);
  const entries = effects.flatMap((effect) => (effect.type === "recordEntry" && effect.id ? [effect.id] : []));
  const typed = input.type === "textReceived" && offeredButton(state, input.text, now) === null ? clip(input.text).text : null;
  const sent = input.type === "textReceived" || input.type === "postbackReceived" ? input.sent : undefined;
  const burst: Burst<UserState> = { at: sent?.at ?? null, messages: 1, fillers: 0, answer: { text: typed, before: state, entries } };
  return { ...result, state: { ...result.state, burst }, effects };
}

function amendable(state: UserState, input: Input, result: Transition, now: Date): boolean {
  if (state.consent.status !== "given" || !answersAmendably(state.step)) return false;
  if (input.type === "postbackReceived") {
    if (decodePostback(input.data)?.kind !== "answer") return false;
  } else if (input.type === "textReceived") {
    const command = offeredButton(state, input.text, now) === null && matchCommand(input.text, awaitsTypedAnswer(state.step)) !== null;
    if (command) return false;
  } else return false;
  const next = result.state.step;
  const moved = JSON.stringify(next) !== JSON.stringify(state.step);
  const settled = next.type !== "awaitingSafetyChoice" && next.type !== "awaitingCareCheck";
  return moved && settled && result.effects.every((effect) => effect.type === "recordEntry");
}

/**
 * The stem of the ids of the entries a message records: the message's id, as the app names
 * entries; null when the message has none (the core driven alone), and the app names them.
 */
function entryKey(input: Input): string | null {
  const sent = input.type === "textReceived" || input.type === "postbackReceived" ? input.sent : undefined;
  return sent?.id ?? null;
}

/**
 * `effects` with every entry named: the ids in `reuse` first, in order, then `<key>-<index>`
 * (left to the app without a `key`); the ids of `reuse` left over are removed.
 */
function named(effects: readonly Effect[], key: string | null, reuse: readonly string[]): Effect[] {
  let used = 0;
  const out = effects.map((effect, index): Effect => {
    if (effect.type !== "recordEntry" || effect.id !== undefined) return effect;
    if (key === null && used >= reuse.length) return effect;
    const id = reuse[used] ?? `${key}-${index}`;
    used += 1;
    return { ...effect, id };
  });
  return [...out, ...reuse.slice(used).map((id): Effect => ({ type: "removeEntry", id }))];
}
