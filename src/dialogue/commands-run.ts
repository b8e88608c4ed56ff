/**
 * The any-time commands (PRODUCT.md §3.4), typed or tapped from any step, and free text at
 * rest routed by what it asks for. A command that opens a side flow keeps a pending question
 * in `paused`, so that the flow comes back to it.
 */
import { consentText, summaryCard } from "./cards";
import { commands } from "./content";
import { beginCheckin } from "./checkin";
import { endSideFlow, goTo, respond, withStep, type Transition } from "./flow";
import type { CommandId } from "./postback";
import { promptFor, restingChoices } from "./prompts";
import type { Reply } from "./reply";
import { commandChoice, inQuotes, say } from "./say";
import { beginSession } from "./session";
import { withConsultant, type UserState } from "./state";
import { endHandover, operatorTold } from "./handover";
import { isQuestionStep } from "./step";
import { restIntent } from "./understand/intent";
import { parseReminderWish } from "./understand/reminder-wish";
import { answerReminder } from "./reminder-step";
import { showHelpLines } from "./care";
import { beginSharing, stopSharing } from "./sharing";
import { sharingLink } from "./sharing-prompt";

/**
 * The commands that only answer, before or after consent, wherever the user is: their reply
 * is `reply` in content/commands.ts. Adding one here, with its id and its content entry, is all
 * a new reply-only command takes.
 */
const REPLY_ONLY = ["help", "dataPolicy"] as const satisfies readonly CommandId[];

function isReplyOnly(command: CommandId): command is (typeof REPLY_ONLY)[number] {
  return (REPLY_ONLY as readonly CommandId[]).includes(command);
}

/** Runs an any-time command from wherever the user is. */
export function runCommand(state: UserState, command: CommandId, now: Date): Transition {
  if (isReplyOnly(command)) return replyOnly(state, command, now);
  if (command === "deleteData") return goTo(pauseQuestion(state), { type: "awaitingDeleteConfirm" }, now);
  if (command === "myData") return showStoredData(state, now);
  if (command === "helpLines") return showHelpLines(state, now);
  if (command === "unshare") return stopSharing(state, now);
  if (command === "backToBot") {
    if (!withConsultant(state)) return respond(state, [say("handover.notActive"), ...promptFor(state, now)]);
    const ended = endHandover(state, now, "user");
    return respond(ended.state, ended.replies, operatorTold(state, "user"));
  }
  if (state.consent.status !== "given")
    return goTo(state, { type: "awaitingConsent" }, now, [say(command === "start" ? "welcome.about" : "input.needConsent")]);
  switch (command) {
    case "start":
      if (isQuestionStep(state.step)) return respond(state, [say("resume.back"), ...promptFor(state, now)]);
      if (state.paused) return goTo({ ...state, paused: null }, state.paused, now, [say("resume.back")]);
      return beginSession(state, now);
    case "restart":
      return beginSession(state, now, [say("restart.done")]);
    case "will": {
      const hasCard = state.profile.will !== null || state.profile.completedFirstSession;
      const card: Reply = hasCard
        ? { type: "card", card: { ...summaryCard(state.profile), links: [sharingLink(state)] } }
        : say(state.draft ? "will.inProgress" : "will.none");
      return respond(state, [card, ...promptFor(state, now)], hasCard ? [{ type: "showInsights" }] : []);
    }
    case "logThanks":
      return goTo(pauseQuestion(state), { type: "awaitingQuickThanks" }, now);
    case "reflect":
      return beginCheckin(pauseQuestion(state), now);
    case "records":
      return showRecords(state, 0, now);
    case "sheet":
      return respond(state, state.step.type === "resting" ? [] : promptFor(state, now), [{ type: "showSheet" }]);
    case "reminder":
      return goTo(pauseQuestion(state), { type: "changingReminder" }, now);
    case "consult":
      return goTo(pauseQuestion(state), { type: "awaitingHandoffTopic" }, now);
    case "share":
      return beginSharing(state, now);
    case "reviseWill": {
      if (state.draft !== null) return respond(state, [say("rest.willInProgress"), ...promptFor(state, now)]);
      const current = state.profile.will?.statement;
      const shown = current ? [say("will.revise.current", { statement: inQuotes(current) })] : [];
      return goTo(pauseQuestion(state), { type: "awaitingWillRewrite" }, now, shown);
    }
    case "changeAction":
      if (state.draft !== null) return respond(state, [say("rest.willInProgress"), ...promptFor(state, now)]);
      return goTo(pauseQuestion(state), { type: "awaitingAction" }, now);
    case "pause":
      if (isQuestionStep(state.step))
        return respond({ ...state, paused: state.step, step: { type: "resting" } }, [
          say("pause.done", {}, [commandChoice("start"), commandChoice("help")]),
        ]);
      if (state.step.type === "resting") return respond(state, [say("pause.nothing"), ...promptFor(state, now)]);
      return endSideFlow(state, now, []);
  }
}

/**
 * Asks the app to show a page of records before these replies. The pending question is
 * asked again after them; at rest the records' last message carries the menu instead.
 */
export function showRecords(state: UserState, page: number, now: Date): Transition {
  if (state.consent.status !== "given") return goTo(state, { type: "awaitingConsent" }, now, [say("input.needConsent")]);
  return respond(state, state.step.type === "resting" ? [] : promptFor(state, now), [{ type: "showRecords", page }]);
}

/**
 * 「データ確認」: before consent the core can tell it all (nothing but the consent is kept);
 * after, the app adds the stored-data card, which needs the entries, before these replies.
 */
function showStoredData(state: UserState, now: Date): Transition {
  if (state.consent.status !== "given") {
    return respond(state, [say("myData.beforeConsent", { consent: consentText(state.consent) }), ...promptFor(state, now)]);
  }
  return respond(state, state.step.type === "resting" ? [] : promptFor(state, now), [{ type: "showStoredData" }]);
}

/**
 * A reminder asked for in words (「リマインダーを平日の夜9時に変えて」, or while a question waits,
 * 「再来週の木曜の夜8時ごろに思い出させてもらえますか」): answered as the reminder question would
 * be, a question waiting kept for after; without a time or days, that question is asked.
 */
export function reminderTyped(state: UserState, text: string, now: Date): Transition {
  const asked = runCommand(state, "reminder", now);
  if (parseReminderWish(text) === null || asked.state.step.type !== "changingReminder") return asked;
  return answerReminder(asked.state, asked.state.step, { kind: "text", text }, now) ?? asked;
}

/** Free text with nothing pending: routed by what it asks for, else offered as a ありがとう record. */
export function atRest(state: UserState, text: string, now: Date): Transition {
  switch (restIntent(text)) {
    case "thanksToBot":
      return endSideFlow(state, now, [say("rest.thanksToBot")]);
    case "quitJob":
      return respond(withStep(state, { type: "resting" }), [say("rest.quitJob", {}, [commandChoice("consult"), ...restingChoices(state)])]);
    case "reviseWill":
      return runCommand(state, "reviseWill", now);
    case "changeAction":
      return runCommand(state, "changeAction", now);
    case "changeReminder":
      return reminderTyped(state, text, now);
    case null:
      return goTo(state, { type: "awaitingSaveFreeText", text }, now);
  }
}

/** Keeps a pending question so that a side flow can come back to it. */
export function pauseQuestion(state: UserState): UserState {
  return isQuestionStep(state.step) ? { ...state, paused: state.step } : state;
}

/** A command that only answers: its reply from content, then the pending question again. */
function replyOnly(state: UserState, command: CommandId, now: Date): Transition {
  return respond(state, [{ type: "text", text: commands[command].reply ?? commands[command].label }, ...promptFor(state, now)]);
}
