/**
 * What each step asks, with its quick replies: {@link promptFor} turns any state into the
 * replies that (re)ask its question. All words come from `./content`.
 */
import { endOfMonthDate, tokyoDate } from "../calendar/schedule";
import { feelings, fill, formats, labels, willWhatPhrases, willWhoChoices, type MessageId, type StepSuggestion } from "./content";
import { answerData } from "./postback";
import type { Choice, Reply } from "./reply";
import { answer, answerLabel, commandChoice, feelingChoices, inQuotes, say, scoreChoices } from "./say";
import { handoffPrompt } from "./handoff-prompt";
import { sharingPrompt } from "./sharing-prompt";
import { checkinPrompt } from "./checkin-prompt";
import { chosenValues, valuesPrompt } from "./values-prompt";
import { reminderPrompt } from "./reminder-prompt";
import { willReviewPrompt } from "./will-review";
import { displayQuote, mirror } from "./understand/mirror";
import { cleanWho } from "./understand/will-sentence";
import { MAX_DUE_DAYS, type UserState } from "./state";
import { stepSuggestions } from "./understand/step-detail";
import { addDays } from "date-fns";
import { formatDate } from "./format";
import { startsSession } from "./session-gap";

/** The small steps offered to `state`: by the WILL's who and what first, then by the chosen values. */
export function actionOptions(state: UserState): StepSuggestion[] {
  const draft = state.draft;
  const what = [draft?.willWhat, state.profile.will?.statement].filter((text) => typeof text === "string").join("\n");
  return stepSuggestions({ who: draft?.willWho ?? null, what: what === "" ? null : what, values: chosenValues(state) });
}

/** The answers to 「その後、いかがですか？」 after a crisis reply: a little better, still hard, the lines. */
export function howAreYouChoices(): Choice[] {
  return [
    answerLabel("care.better", "care", "better"),
    answerLabel("care.hard", "care", "hard"),
    answerLabel("care.lines", "care", "lines"),
  ];
}

/** The menu offered when nothing is pending. */
export function restingChoices(state: UserState): Choice[] {
  return state.profile.completedFirstSession
    ? [
        commandChoice("reflect"),
        commandChoice("will"),
        commandChoice("logThanks"),
        commandChoice("records"),
        commandChoice("reminder"),
        commandChoice("reviseWill"),
        commandChoice("changeAction"),
        commandChoice("help"),
      ]
    : [commandChoice("start"), commandChoice("help")];
}

/** The deed question after a feeling the user typed: their words mirrored first, when they can be. */
function deedQuestionAfterTyped(feeling: string, turn: number, choices: Choice[]): Reply {
  const quoted = mirror(feeling, "feeling", turn);
  return quoted ? say("session.thanks.deed.askTyped", { mirror: quoted }, choices) : say("session.thanks.deed.askNoFeeling", {}, choices);
}

/** The other kinds of moment, with their button labels, in the order they are offered. */
export const ALTERNATIVES = [
  { source: "thankedSomeone", label: "alt.thankedSomeone" },
  { source: "longAgo", label: "alt.longAgo" },
  { source: "everyday", label: "alt.everyday" },
] as const;

/** The replies that (re)ask whatever the current step is waiting for. */
export function promptFor(state: UserState, now: Date): Reply[] {
  const step = state.step;
  switch (step.type) {
    case "new":
    case "awaitingConsent":
      return [
        say("consent.request", {}, [
          answerLabel("consent.agree", "consent", "agree"),
          answerLabel("consent.details", "consent", "details"),
          answerLabel("consent.decline", "consent", "decline"),
        ]),
      ];
    case "awaitingStartChoice":
      return [say("start.ask", {}, [answerLabel("start.now", "start", "now"), answerLabel("start.later", "start", "later")])];
    case "declined":
      return [say("consent.declined", {}, [commandChoice("start")])];
    case "resting":
      return [say(state.profile.completedFirstSession ? "resting.prompt" : "resting.promptNew", {}, restingChoices(state))];
    case "awaitingWorkScore":
      return [say("session.workScore.ask", {}, scoreChoices("score"))];
    case "awaitingMoyamoya":
      return [say("session.moyamoya.ask", {}, [answerLabel("skip", "moya", "skip")])];
    case "awaitingThanksMoment": {
      const another = step.source === "thanked" && (state.draft?.moments.length ?? 0) > 0;
      const id: MessageId = another ? "session.thanks.askAnother" : `session.thanks.ask.${step.source}`;
      const none = answerLabel("thanks.none", "thx", "none");
      return [say(id, {}, step.source === "thanked" ? [none] : [none, answerLabel("alt.skip", "thx", "skip")])];
    }
    case "awaitingThanksAlternative": {
      const tried = step.tried ?? [];
      const left = ALTERNATIVES.filter(({ source }) => !tried.includes(source));
      return [
        say(tried.length > 0 ? "session.thanks.noneAgain" : "session.thanks.none", {}, [
          ...left.map(({ source, label }) => answerLabel(label, "alt", source)),
          answerLabel("alt.skip", "alt", "skip"),
        ]),
      ];
    }
    case "awaitingThanksFeeling": {
      const moments = state.draft?.moments ?? [];
      const quoted = step.echoed ? "" : mirror(moments.at(-1)?.text ?? "", "moment", moments.length - 1);
      const choices = feelingChoices("feel");
      return [
        quoted ? say("session.thanks.feeling.ask", { mirror: quoted }, choices) : say("session.thanks.feeling.askPlain", {}, choices),
      ];
    }
    case "awaitingThanksDeed": {
      const moment = state.draft?.moments.at(-1);
      const choices = [answerLabel("skip", "deed", "skip")];
      if (step.told !== undefined) return [say("session.thanks.deed.askAgain", {}, choices)];
      if (moment?.source === "thankedSomeone") return [say("session.thanks.deed.askThankedSomeone", {}, choices)];
      const feeling = moment?.feeling;
      if (!feeling || step.echoed) return [say("session.thanks.deed.askNoFeeling", {}, choices)];
      return [
        feelings.includes(feeling)
          ? say("session.thanks.deed.ask", { feeling }, choices)
          : deedQuestionAfterTyped(feeling, (state.draft?.moments.length ?? 1) - 1, choices),
      ];
    }
    case "awaitingMoreMoments":
      return [
        say("session.thanks.more.ask", { left: String(3 - (state.draft?.moments.length ?? 0)) }, [
          answerLabel("more.another", "more", "another"),
          answerLabel("more.next", "more", "next"),
        ]),
      ];
    case "awaitingValues":
      return valuesPrompt(state);
    case "awaitingWillWho":
      return [
        say(
          "session.willWho.ask",
          {},
          willWhoChoices.map((who, index) => answer(who, "who", `w${index}`)),
        ),
      ];
    case "awaitingWillWhat": {
      const who = state.draft?.willWho;
      const choices = [
        ...chosenValues(state).map((id) => answer(willWhatPhrases[id], "what", id)),
        answerLabel("what.notYet", "what", "none"),
      ];
      const named = who ? cleanWho(who) : null;
      return [named ? say("session.willWhat.ask", { who: named }, choices) : say("session.willWhat.askNoWho", {}, choices)];
    }
    case "awaitingWillReview":
      return willReviewPrompt(step);
    case "awaitingWillRewrite": {
      const later = [answerLabel("later", "rewrite", "later")];
      return [
        step.draft
          ? say("session.willRewrite.askWithDraft", { statement: inQuotes(step.draft) }, later)
          : say("session.willRewrite.ask", {}, later),
      ];
    }
    case "awaitingAction": {
      const options = actionOptions(state);
      return [
        say("session.action.ask", { options: options.map((option) => fill(formats.stepOption, { ...option })).join("\n") }, [
          ...options.map((option, index) => answer(option.step, "act", `s${index}`)),
          answerLabel("action.own", "act", "own"),
        ]),
      ];
    }
    case "awaitingOwnAction":
      return step.vague === undefined
        ? [say("session.ownAction.ask", {}, [answerLabel("own.back", "own", "back")])]
        : [say("session.ownAction.whenWhere", { action: displayQuote(step.vague) }, [answerLabel("own.undecided", "own", "undecided")])];
    case "awaitingActionDue": {
      const today = tokyoDate(now);
      const action = displayQuote(step.action);
      return [
        say(step.first === undefined ? "session.actionDue.ask" : "session.actionDue.askFirst", { action, first: step.first ?? "" }, [
          answerLabel("due.week", "due", "week"),
          answerLabel("due.month", "due", "month"),
          {
            label: labels["due.pick"],
            action: {
              type: "datetimePicker",
              data: answerData("due", "pick"),
              mode: "date",
              initial: endOfMonthDate(now),
              min: today,
              max: tokyoDate(addDays(now, MAX_DUE_DAYS)),
            },
          },
        ]),
      ];
    }
    case "awaitingFollowUpOffer": {
      const action = state.profile.action;
      return [
        say("followUp.offer.ask", { due: action ? formatDate(action.due) : "", action: displayQuote(action?.text ?? "") }, [
          answerLabel("followUp.offer.yes", "fuo", "yes"),
          answerLabel("followUp.offer.no", "fuo", "no"),
        ]),
      ];
    }
    case "awaitingReminder":
    case "changingReminder":
    case "awaitingReminderDays":
    case "changingReminderDays":
      return reminderPrompt(state, step);
    case "awaitingQuickThanks":
      return [say("thanksLog.ask", {}, [commandChoice("pause")])];
    case "awaitingQuickThanksFeeling": {
      const quoted = step.echoed ? "" : mirror(step.text, "moment", 0);
      const choices = feelingChoices("qfeel");
      return [quoted ? say("session.thanks.feeling.ask", { mirror: quoted }, choices) : say("thanksLog.feeling.ask", {}, choices)];
    }
    case "awaitingQuickThanksDeed": {
      const choices = [answerLabel("skip", "qdeed", "skip")];
      return [say(step.told === undefined ? "thanksLog.deed.ask" : "session.thanks.deed.askAgain", {}, choices)];
    }
    case "awaitingSaveFreeText":
      return [say("freeText.offer", {}, [answerLabel("save.yes", "save", "yes"), answerLabel("save.no", "save", "no")])];
    case "awaitingHandoffTopic":
    case "awaitingHandoffScope":
    case "awaitingHandoffConfirm":
    case "awaitingContinueChoice":
      return handoffPrompt(step);
    case "awaitingRestOffer":
      return [
        say("tired.offer", {}, [
          answerLabel("tired.rest", "tired", "rest"),
          answerLabel("tired.stepLater", "tired", "stepLater"),
          answerLabel("tired.goOn", "tired", "goOn"),
        ]),
      ];
    case "awaitingShareConfirm":
      return sharingPrompt();
    case "awaitingDeleteConfirm":
      return [say("delete.confirm", {}, [answerLabel("delete.confirm", "del", "yes"), answerLabel("delete.cancel", "del", "no")])];
    case "reflectingScore":
    case "reflectingThanks":
    case "reflectingThanksText":
    case "reflectingThanksFeeling":
    case "reflectingThanksDeed":
    case "reflectingAction":
    case "reflectingWill":
    case "reflectingStepStatus":
    case "reflectingStepFeeling":
    case "reflectingStepReaction":
      return checkinPrompt(state, step);
    case "awaitingSafetyChoice":
      return [
        step.escalate === "offered"
          ? say("safety.askWithConsultant", {}, [
              answerLabel("safety.escalate", "safe", "escalate"),
              answerLabel("safety.continue", "safe", "continue"),
              answerLabel("safety.stop", "safe", "stop"),
            ])
          : say("safety.ask", {}, [answerLabel("safety.continue", "safe", "continue"), answerLabel("safety.stop", "safe", "stop")]),
      ];
    case "awaitingCareCheck":
      // Asked again within the session it was asked in: no second welcome back (「おかえりなさい」).
      return [
        say(
          step.askedAt !== undefined && !startsSession(step.askedAt, now) ? "care.check.reask" : "care.check.ask",
          {},
          howAreYouChoices(),
        ),
      ];
    case "awaitingCareOffer":
      return [say("care.offer.ask", {}, [answerLabel("care.offer.yes", "coffer", "yes"), answerLabel("care.offer.no", "coffer", "no")])];
  }
}
