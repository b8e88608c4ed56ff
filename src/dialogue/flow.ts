/**
 * Small pieces shared by the session and the side flows: the shape of a turn's result,
 * ending a side flow, and clipping long answers.
 */
import type { MessageId } from "./content";
import type { Effect } from "./effect";
import type { PickedDateTime } from "./input";
import { promptFor, restingChoices } from "./prompts";
import { say } from "./say";
import type { Reply } from "./reply";
import type { UserState } from "./state";
import type { Step } from "./step";

/** The outcome of one input. */
export interface Transition {
  state: UserState;
  replies: Reply[];
  effects: Effect[];
  /**
   * How many of the user's messages just before this one the turn takes up (`burst.ts`): a
   * filler, or the answer it completes or corrects. Their replies, if not sent yet, are stale.
   */
  takesUp?: number;
}

/** LINE accepts at most five messages in one reply. */
export const MAX_REPLIES = 5;

/** How much of one free-text answer is stored (characters); longer answers are cut. */
export const MAX_ANSWER_LENGTH = 1000;

/** A turn result; replies are capped by {@link capReplies}. */
export function respond(state: UserState, replies: Reply[], effects: Effect[] = []): Transition {
  return { state, replies: capReplies(replies), effects };
}

/** At most {@link MAX_REPLIES} replies, keeping the last one (the question and its buttons). */
export function capReplies(replies: Reply[]): Reply[] {
  return replies.length <= MAX_REPLIES ? replies : [...replies.slice(0, MAX_REPLIES - 1), replies.at(-1)!];
}

/** `state` at `step`. */
export function withStep(state: UserState, step: Step): UserState {
  return { ...state, step };
}

/** Moves to `step` and asks its question after `before`. */
export function goTo(state: UserState, step: Step, now: Date, before: Reply[] = [], effects: Effect[] = []): Transition {
  const next = withStep(state, step);
  return respond(next, [...before, ...promptFor(next, now)], effects);
}

/**
 * Ends a side flow (a command's questions): back to the consent question if consent is
 * not given (nothing is collected before it), else to the paused question if there is
 * one, else to rest, with the menu on the last message.
 */
export function endSideFlow(state: UserState, now: Date, said: Reply[], effects: Effect[] = []): Transition {
  if (state.consent.status !== "given") {
    const step: Step = state.consent.status === "declined" ? { type: "declined" } : { type: "awaitingConsent" };
    return goTo({ ...state, paused: null }, step, now, said, effects);
  }
  if (state.paused) {
    const next: UserState = { ...state, step: state.paused, paused: null };
    return respond(next, [...said, say("resume.back"), ...promptFor(next, now)], effects);
  }
  const next = withStep(state, { type: "resting" });
  const last = said.at(-1);
  if (last && !last.choices) return respond(next, [...said.slice(0, -1), { ...last, choices: restingChoices(next) }], effects);
  return respond(next, [...said, ...promptFor(next, now)], effects);
}

/** The first {@link MAX_ANSWER_LENGTH} characters of `text`, trimmed; whether it was cut. */
export function clip(text: string): { text: string; cut: boolean } {
  const trimmed = text.trim();
  // A text of no more UTF-16 units than the limit has no more characters either.
  if (trimmed.length <= MAX_ANSWER_LENGTH) return { text: trimmed, cut: false };
  let end = 0;
  let count = 0;
  for (const char of trimmed) {
    if (count === MAX_ANSWER_LENGTH) return { text: trimmed.slice(0, end), cut: true };
    end += char.length;
    count += 1;
  }
  return { text: trimmed, cut: false };
}

/**
 * An answer to the pending question: typed text, or a tapped button's value. `echoed` text was
 * said back already (a message of distress): the step takes it without a reflection of its own.
 */
export type Answer = { kind: "text"; text: string; echoed?: true } | { kind: "button"; value: string; picked?: PickedDateTime };

/** Says `id`, then asks the pending question again. */
export function hint(state: UserState, id: MessageId, now: Date): Transition {
  return respond(state, [say(id), ...promptFor(state, now)]);
}

/**
 * Says `id` with the pending question's buttons, the question not asked again and nothing
 * stored: a question left waiting after a typed 「あとで」, or a note about the answer just given.
 */
export function sayOverQuestion(state: UserState, id: MessageId, now: Date, params: Record<string, string> = {}): Transition {
  return respond(state, [say(id, params, promptFor(state, now).at(-1)?.choices)]);
}
