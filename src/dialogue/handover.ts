/**
 * A live hand-over to a consultant. 相談したい leaves a request in the state; an operator
 * takes it over (or declines it) with a button on the hand-off push or by typing the word and
 * the user's 受付番号. While a consultant is with the user, the bot stays silent: messages are
 * neither answered nor stored as answers, except the commands that must always work (データ確認,
 * データ削除, ボットに戻る) and the safety reply. It ends by the operator, by the user, or after
 * `idleMs` without a message from the user; the user is told the bot is back and where they were.
 */
import { matchCommand, normalizeForMatch } from "./commands";
import { messages, fill, operatorLabels, operatorWords } from "./content";
import { OPERATOR_PREFIX, operatorData, type OperatorVerb } from "./operator-notice";
import type { Effect } from "./effect";
import { respond, type Transition } from "./flow";
import type { Input } from "./input";
import { decodePostback, type CommandId } from "./postback";
import { promptFor } from "./prompts";
import type { Choice, Reply } from "./reply";
import { restoreState } from "./restore";
import { commandChoice, say } from "./say";
import { resourcesCard } from "./safety";
import { isQuestionStep } from "./step";
import { withConsultant, type Handover, type HandoverEnd, type UserState } from "./state";
import { assessSafety } from "./understand/safety";
import { nextReminderAt } from "../calendar/schedule";

export { escalationNotice, operatorData, operatorEndNotice, operatorNoticeCard, type OperatorVerb } from "./operator-notice";

/** An operator's command: a verb and the 受付番号 it is about. */
export interface OperatorCommand {
  verb: OperatorVerb;
  code: string;
}

/** How an operator's command turned out, for the operator's reply and the log. */
export type OperatorOutcome =
  "taken" | "alreadyYours" | "takenByOther" | "noRequest" | "unfollowed" | "declined" | "ended" | "notActive" | "unknownCode";

/** The result of an operator's command on one user. */
export interface OperatorTurn {
  outcome: OperatorOutcome;
  /** The user's next state; null when nothing changes. */
  state: UserState | null;
  /** Pushed to the user. */
  toUser: Reply[];
  /** The answer to the operator. */
  toOperator: Reply[];
}

const CODE_PATTERN = /^[0-9A-F]{8}$/;
const VERBS: readonly OperatorVerb[] = ["take", "decline", "end"];

/**
 * The operator's command in `input`, typed (「対応 1A2B3C4D」) or tapped; null for anything
 * else, which the operator's own chat with the bot then handles like any user's.
 */
export function operatorCommand(input: Input): OperatorCommand | null {
  if (input.type === "postbackReceived") {
    const [prefix, verb, code, ...rest] = input.data.split("|");
    if (prefix !== OPERATOR_PREFIX || rest.length > 0 || code === undefined || !CODE_PATTERN.test(code)) return null;
    return VERBS.includes(verb as OperatorVerb) ? { verb: verb as OperatorVerb, code } : null;
  }
  if (input.type !== "textReceived") return null;
  const folded = input.text.normalize("NFKC").trim().toUpperCase();
  const match = /^(.{1,8}?)[\s:：]*([0-9A-F]{8})$/u.exec(folded);
  if (match === null) return null;
  const word = normalizeForMatch(match[1]);
  const verb = VERBS.find((candidate) => operatorWords[candidate].some((known) => normalizeForMatch(known) === word));
  return verb === undefined ? null : { verb, code: match[2] };
}

/**
 * Applies an operator's command to the stored state of the user whose 受付番号 it names.
 * `idleMs` is how long the bot waits, without a message from the user, before coming back;
 * `replyHours` (HANDOVER_REPLY_HOURS) how soon a consultant writes to a user who asked, when
 * the operators state it: a declined crisis request tells the user that, or that no time is promised.
 */
export function operatorTurn(
  stored: unknown,
  command: OperatorCommand & { operator: string; idleMs: number; bookingUrl?: string; replyHours?: number },
  now: Date,
): OperatorTurn {
  const { code } = command;
  const hours = String(Math.round(command.idleMs / 3_600_000));
  const tell = (outcome: OperatorOutcome, state: UserState | null = null, toUser: Reply[] = []): OperatorTurn => ({
    outcome,
    state,
    toUser,
    toOperator: [say(`operator.${outcome}`, { code, hours }, outcome === "taken" ? [endButton(code)] : undefined)],
  });
  if (stored === null || stored === undefined) return tell("unknownCode");
  const state = restoreState(stored).state;
  const handover = state.handover;
  if (command.verb === "end") {
    if (handover?.status !== "active") return tell("notActive");
    const ended = endHandover(state, now, "operator");
    return tell("ended", ended.state, ended.replies);
  }
  if (handover?.status === "active") return tell(handover.operator === command.operator ? "alreadyYours" : "takenByOther");
  if (handover === null) return tell("noRequest");
  if (!state.following) return tell("unfollowed");
  if (command.verb === "decline" && handover.crisis === true) return declineCrisis(state, code, command.replyHours, now);
  if (command.verb === "decline") {
    const url = command.bookingUrl;
    const declined = url === undefined ? say("handover.declinedNoUrl") : say("handover.declined", { url });
    // No one to wait for: a question set aside comes back, and the push pushes its buttons away, so they come again under it.
    const back = state.step.type === "awaitingContinueChoice" && state.paused ? { ...state, step: state.paused, paused: null } : state;
    const question = isQuestionStep(back.step) ? promptFor(back, now) : [];
    return tell("declined", { ...back, handover: null }, [declined, ...question]);
  }
  const taken: Handover = {
    status: "active",
    operator: command.operator,
    requestedAt: handover.at,
    takenAt: now.toISOString(),
    idleMs: command.idleMs,
    until: new Date(now.getTime() + command.idleMs).toISOString(),
  };
  const waited = Math.max(0, now.getTime() - Date.parse(handover.at));
  const tally = {
    ...state.tally,
    handoversTaken: state.tally.handoversTaken + 1,
    takeOverMs: [...state.tally.takeOverMs, waited].slice(-5),
  };
  // Nothing to choose while the consultant talks: the question set aside waits at rest.
  const step = state.step.type === "awaitingContinueChoice" ? ({ type: "resting" } as const) : state.step;
  return tell("taken", { ...state, step, handover: taken, tally }, [say("handover.taken", {}, [commandChoice("backToBot")])]);
}

/**
 * 見送る on a crisis request: no booking link; the user is told honestly when someone may write
 * and shown the lines again, and the operator is told that they were.
 */
function declineCrisis(state: UserState, code: string, replyHours: number | undefined, now: Date): OperatorTurn {
  const hours = replyHours === undefined ? null : String(replyHours);
  const when = hours === null ? messages["handover.replyUnknown"] : fill(messages["handover.replyWithin"], { hours });
  const promise = hours === null ? messages["operator.notPromised"] : fill(messages["operator.promised"], { hours });
  // The push pushes the buttons on screen away: they come again under it.
  const question = state.step.type === "resting" ? [] : promptFor(state, now);
  return {
    outcome: "declined",
    state: { ...state, handover: null },
    toUser: [say("handover.declinedCrisis", { when }), { type: "card", card: resourcesCard("acute") }, ...question],
    toOperator: [say("operator.declinedCrisis", { code, promise })],
  };
}

/** Whether the hand-over of `state` has gone `idleMs` without a message from the user. */
export function handoverExpired(state: UserState, now: Date): boolean {
  return state.handover?.status === "active" && Date.parse(state.handover.until) <= now.getTime();
}

/**
 * Ends a running hand-over: the bot is back and the reminder moves on from now. A first-session
 * question is not asked at once: the user chooses to go on now or later (`offer` false when
 * their own message follows at once and answers it). The replies are for the user.
 */
export function endHandover(state: UserState, now: Date, reason: HandoverEnd, offer = true): { state: UserState; replies: Reply[] } {
  const reminder = state.profile.reminder;
  const next: UserState = {
    ...state,
    handover: null,
    tally: { ...state.tally, handoversEnded: state.tally.handoversEnded + 1 },
    profile:
      reminder && state.following
        ? { ...state.profile, reminder: { ...reminder, nextAt: nextReminderAt(reminder.schedule, now).toISOString() } }
        : state.profile,
  };
  const notice = reason === "idle" ? "handover.back.idle" : reason === "user" ? "handover.back.user" : "handover.back.operator";
  const question = isQuestionStep(next.step) ? next.step : waitsAside(next) ? next.paused : null;
  if (offer && question !== null) {
    const waiting: UserState = { ...next, paused: question, step: { type: "awaitingContinueChoice", reason: "handback" } };
    return { state: waiting, replies: [say(notice), ...promptFor(waiting, now)] };
  }
  const where = next.step.type === "resting" ? [] : [say("handover.where")];
  return { state: next, replies: [say(notice), ...where, ...promptFor(next, now)] };
}

/** Whether a first-session question waits in `paused` while the user is at rest or choosing when to go on. */
function waitsAside(state: UserState): boolean {
  return state.step.type === "resting" || state.step.type === "awaitingContinueChoice";
}

/**
 * The end of a hand-over that went idle, for the job that pushes it: the state with the bot
 * back, what the user is told, the operator to tell, and when the hand-over was taken (its
 * record's key); null when the stored state has no
 * idle hand-over (the user wrote, or it ended, since the job's query).
 */
export function idleEnding(
  stored: unknown,
  now: Date,
): { state: UserState; toUser: Reply[]; operator: string; idleMs: number; takenAt: string } | null {
  const state = restoreState(stored).state;
  if (state.handover?.status !== "active" || !handoverExpired(state, now)) return null;
  const ended = endHandover(state, now, "idle");
  return {
    state: ended.state,
    toUser: ended.replies,
    operator: state.handover.operator,
    idleMs: state.handover.idleMs,
    takenAt: state.handover.takenAt,
  };
}

/**
 * The end of the hand-overs of a consultant who was removed: the state with the bot back and
 * what the user is told (as when a consultant ends it); null when `stored` has no running
 * hand-over with one of `operators` (the ids one consultant took clients under: their LINE id,
 * their console one).
 */
export function removedEnding(
  stored: unknown,
  operators: readonly string[],
  now: Date,
): { state: UserState; toUser: Reply[]; takenAt: string } | null {
  const state = restoreState(stored).state;
  if (state.handover?.status !== "active" || !operators.includes(state.handover.operator)) return null;
  const takenAt = state.handover.takenAt;
  const ended = endHandover(state, now, "operator");
  return { state: ended.state, toUser: ended.replies, takenAt };
}

/** The effect that tells the operator a hand-over ended without them. */
export function operatorTold(state: UserState, reason: HandoverEnd): Effect[] {
  const handover = state.handover;
  return handover?.status === "active" ? [{ type: "notifyOperator", operator: handover.operator, reason, takenAt: handover.takenAt }] : [];
}

/**
 * Runs `next` (the usual turn) around a hand-over. Without a running hand-over, or once it
 * has gone idle, the turn takes its usual course (after the notice that the bot is back).
 * While a consultant is with the user, only the commands that must always work and the
 * answers to データ削除's question are handled, and the bot says no more than that; anything
 * else is a silent turn that starts the idle time again. A message that shows a crisis still
 * gets the consultation lines. Blocking the bot or deleting the data ends the hand-over, and
 * the operator is told.
 */
export function withHandover(state: UserState, input: Input, now: Date, next: (state: UserState) => Transition): Transition {
  const handover = state.handover;
  if (handover?.status !== "active") return next(state);
  if (handoverExpired(state, now) && input.type !== "unfollowed") {
    const ended = endHandover(state, now, "idle", false);
    const result = next(ended.state);
    return respond(result.state, [say("handover.back.idle"), ...result.replies], [...operatorTold(state, "idle"), ...result.effects]);
  }
  if (input.type === "unfollowed") {
    const result = next(state);
    return respond(endHandover(result.state, now, "blocked").state, [], [...result.effects, ...operatorTold(state, "blocked")]);
  }
  const until = new Date(now.getTime() + handover.idleMs).toISOString();
  const kept: UserState = { ...state, lastActiveAt: now.toISOString(), handover: { ...handover, until } };
  if (input.type === "textReceived" && assessSafety(input.text) === "acute")
    return respond(kept, [say("safety.acute"), { type: "card", card: resourcesCard("acute") }]);
  if (commandIn(input) === "help") return respond(kept, [say("handover.help")]);
  if (!handledWhileAway(state, input)) return respond(kept, []);
  const result = next(kept);
  if (result.effects.some((effect) => effect.type === "deleteUserData"))
    return respond(result.state, result.replies, [...result.effects, ...operatorTold(state, "deleted")]);
  // ボットに戻る ended it, or データ削除 asks to confirm: the usual replies.
  if (!withConsultant(result.state) || result.state.step.type === "awaitingDeleteConfirm") return result;
  const said = state.step.type === "awaitingDeleteConfirm" ? "handover.deleteCancelled" : "handover.stillWith";
  return respond(result.state, [say(said)], result.effects);
}

/** Whether `input` is one the bot answers while a consultant is with the user. */
function handledWhileAway(state: UserState, input: Input): boolean {
  const confirming = state.step.type === "awaitingDeleteConfirm";
  if (input.type === "followed") return true;
  const command = commandIn(input);
  if (input.type === "textReceived") return confirming || (command !== null && ALWAYS.includes(command));
  if (command !== null) return ALWAYS.includes(command);
  const postback = input.type === "postbackReceived" ? decodePostback(input.data) : null;
  return confirming && postback?.kind === "answer" && postback.topic === "del";
}

/** The any-time command `input` runs, typed or tapped; null for anything else. */
function commandIn(input: Input): CommandId | null {
  if (input.type === "textReceived") return matchCommand(input.text, false);
  if (input.type !== "postbackReceived") return null;
  const postback = decodePostback(input.data);
  return postback?.kind === "command" ? postback.command : null;
}

const ALWAYS: readonly string[] = ["myData", "deleteData", "backToBot", "unshare"];

function endButton(code: string): Choice {
  return { label: operatorLabels.end, action: { type: "postback", data: operatorData("end", code) } };
}
