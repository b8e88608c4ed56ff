/**
 * A consultant's homework (PRODUCT.md §3.7b): a question or a suggested next step sent from the
 * console to a client who shares. The console pushes {@link homeworkPush} and stores the state
 * {@link afterHomeworkSent} gives; the client's next typed message, wherever they are in the
 * dialogue, is taken as the answer ({@link withHomework}): recorded as a `homework` entry,
 * thanked for, and the dialogue resumes where it was. A withdrawn homework
 * ({@link afterHomeworkWithdrawn}) waits no more, so a later message is an ordinary one.
 */
import type { NewEntry } from "../model/entry";
import { matchCommand } from "./commands";
import { homeworkText } from "./content";
import { touch } from "./care";
import { clip, respond, type Transition } from "./flow";
import type { Input } from "./input";
import { decodePostback } from "./postback";
import { promptFor } from "./prompts";
import { recapLine } from "./recap";
import type { Reply } from "./reply";
import { restoreState } from "./restore";
import { answer, say } from "./say";
import type { HomeworkAsk, UserState } from "./state";
import { isQuestionStep } from "./step";
import { assessSafety } from "./understand/safety";
import { awaitsTypedAnswer } from "./typed";

/** Why homework cannot be sent to a client now; null when it can. */
export type HomeworkRefusal = "notSharing" | "notFollowing" | "waiting" | "withConsultant" | null;

/** Whether homework may be sent to the client of `stored` now, and why not. */
export function homeworkRefusal(stored: unknown): HomeworkRefusal {
  const { state } = restoreState(stored);
  if (state.sharing === null || state.consent.status !== "given") return "notSharing";
  if (!state.following) return "notFollowing";
  if (state.handover?.status === "active") return "withConsultant";
  return state.homework === null ? null : "waiting";
}

/** The push that carries `ask` to the client. */
export function homeworkPush(ask: HomeworkAsk): Reply[] {
  const id = ask.kind === "step" ? "homework.push.step" : "homework.push.question";
  return [say(id, { text: ask.text }, [answer(homeworkText.later, "hw", ask.id)])];
}

/** The state once `ask` was pushed: the client's next message answers it. */
export function afterHomeworkSent(stored: unknown, ask: HomeworkAsk): UserState {
  const { state } = restoreState(stored);
  return { ...state, homework: ask, tally: { ...state.tally, homeworkSent: state.tally.homeworkSent + 1 } };
}

/**
 * The state once the homework `id` was withdrawn, or (`unsent`) its push did not go, which
 * uncounts it; null when it was not waiting (answered already).
 */
export function afterHomeworkWithdrawn(stored: unknown, id: string, unsent = false): UserState | null {
  const { state } = restoreState(stored);
  if (state.homework?.id !== id) return null;
  const tally = unsent ? { ...state.tally, homeworkSent: Math.max(0, state.tally.homeworkSent - 1) } : state.tally;
  return { ...state, homework: null, tally };
}

/**
 * Runs `next` (the usual turn) unless `input` answers the waiting homework: typed text that is
 * neither a crisis (the safety reply comes first, and the homework waits) nor an any-time
 * command. The 「あとで答える」 button says the homework waits; tapped once it no longer does,
 * it is stale. `resumeAfterMs`: after this long away, a client mid-question is told where they were.
 */
export function withHomework(
  state: UserState,
  input: Input,
  now: Date,
  resumeAfterMs: number,
  next: (state: UserState) => Transition,
): Transition {
  const ask = state.homework;
  if (input.type === "postbackReceived") {
    const postback = decodePostback(input.data);
    if (postback?.kind !== "answer" || postback.topic !== "hw") return next(state);
    const said = ask?.id === postback.value ? "homework.later" : "homework.stale";
    return respond(state, [say(said), ...promptFor(state, now)]);
  }
  if (ask === null || input.type !== "textReceived") return next(state);
  const { text } = clip(input.text);
  if (text === "" || assessSafety(input.text) === "acute" || matchCommand(input.text, awaitsTypedAnswer(state.step)) !== null)
    return next(state);
  return answerHomework(state, ask, text, now, resumeAfterMs);
}

function answerHomework(state: UserState, ask: HomeworkAsk, text: string, now: Date, resumeAfterMs: number): Transition {
  const entry: NewEntry = {
    kind: "homework",
    homeworkId: ask.id,
    askKind: ask.kind,
    ask: ask.text,
    askedAt: ask.at,
    answer: text,
    at: now.toISOString(),
  };
  const { burst: _answered, ...rest } = touch(state, now);
  const answered: UserState = {
    ...rest,
    homework: null,
    tally: { ...state.tally, homeworkAnswered: state.tally.homeworkAnswered + 1 },
  };
  const step = state.step;
  const away = state.lastActiveAt !== null && now.getTime() - Date.parse(state.lastActiveAt) > resumeAfterMs;
  // Where they were: the question again, after a line on it (the recap, after a long time away).
  // Resting, nothing is waiting; after a crisis reply, its choice is asked again as it was,
  // never as 「さきほどの続き」.
  const bare = step.type === "resting" || step.type === "awaitingSafetyChoice";
  const where: Reply[] = bare ? [] : [away && isQuestionStep(step) ? recapLine(state, step) : say("homework.resume")];
  const resume = [...where, ...promptFor(answered, now)];
  return respond(answered, [say("homework.thanks"), ...resume], [{ type: "recordEntry", entry, id: `homework-${ask.id}` }]);
}
