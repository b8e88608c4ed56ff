/**
 * Sharing with the consultants, the client's choice (PRODUCT.md §3.7a). 「担当者と共有する」
 * shows what a consultant would see and shares only once confirmed; 「共有をやめる」 stops it at
 * once, from anywhere, a consultant's hand-over included. The state's `sharing` is all the
 * console reads to decide whether a client is visible.
 */
import { endSideFlow, goTo, respond, type Answer, type Transition } from "./flow";
import { promptFor } from "./prompts";
import { say } from "./say";
import { sinceDate } from "./sharing-prompt";
import type { UserState } from "./state";
import { isQuestionStep } from "./step";
import { answerMeaning } from "./understand/answers";

/** 「担当者と共有する」: the confirmation, or a reminder that sharing is on already. */
export function beginSharing(state: UserState, now: Date): Transition {
  if (state.step.type === "awaitingShareConfirm")
    return answerSharing(state, { kind: "button", value: "yes" }, now) ?? respond(state, promptFor(state, now));
  if (state.sharing !== null)
    return respond(state, [say("share.already", { date: sinceDate(state.sharing.since) }), ...promptFor(state, now)]);
  const paused = isQuestionStep(state.step) ? { ...state, paused: state.step } : state;
  return goTo(paused, { type: "awaitingShareConfirm" }, now);
}

/** Answers the confirmation, tapped or typed (はい / いいえ); null when the answer does not fit. */
export function answerSharing(state: UserState, given: Answer, now: Date): Transition | null {
  const meaning = given.kind === "button" ? given.value : answerMeaning(given.text, ["yes", "no"]);
  if (meaning === "yes") return endSideFlow({ ...state, sharing: { since: now.toISOString() } }, now, [say("share.done")]);
  if (meaning === "no") return endSideFlow(state, now, [say("share.cancelled")]);
  return null;
}

/** 「共有をやめる」: stops sharing at once; whatever was pending is asked again. */
export function stopSharing(state: UserState, now: Date): Transition {
  const stopped = state.step.type === "awaitingShareConfirm" ? { ...state, sharing: null } : null;
  if (stopped !== null) return endSideFlow(stopped, now, [say(state.sharing === null ? "share.cancelled" : "unshare.done")]);
  if (state.sharing === null) return respond(state, [say("unshare.notSharing"), ...promptFor(state, now)]);
  return respond({ ...state, sharing: null }, [say("unshare.done"), ...promptFor(state, now)]);
}
