/**
 * The first session (PRODUCT.md §3.2): answers to each question, typed or tapped, move the
 * user one step on. Every step can be left and resumed; answers wait in the draft until
 * the summary turns them into the profile.
 */
import { addDays } from "date-fns";
import { dateParts, endOfMonthDate, endOfWeekDate, isValidDate, tokyoDate } from "../calendar/schedule";
import type { NewEntry } from "../model/entry";
import { stepWords, willWhatPhrases, willWhoChoices } from "./content";
import type { Effect } from "./effect";
import { endSideFlow, goTo, hint, MAX_ANSWER_LENGTH, sayOverQuestion, type Answer, type Transition } from "./flow";
import { formatDate } from "./format";
import type { PickedDateTime } from "./input";
import { actionOptions } from "./prompts";
import { offersFollowUp } from "./follow-up";
import { answerFollowUpOffer, answerReminder } from "./reminder-step";
import { answerMoment, isMomentStep, MAX_MOMENTS } from "./moments-step";
import { inQuotes, quoting, say } from "./say";
import { emptyDraft, MAX_DUE_DAYS, VALUE_IDS, type SessionDraft, type UserState, type ValueId } from "./state";
import type { QuestionStep } from "./step";
import { answerMeaning, isAnswerWord, type AnswerMeaning } from "./understand/answers";
import { displayQuote, mirror } from "./understand/mirror";
import { saysWhenOrWhere, withWhenAndWhere } from "./understand/step-detail";
import { parseDueDate } from "./understand/when";
import { answerValues } from "./values-step";
import { pickedOption, reviewOptions, willOptions } from "./will-review";

export { MAX_MOMENTS } from "./moments-step";
/** The longest WILL sentence the bot drafts (characters); past it the user writes their own. */
export const WILL_DRAFT_MAX = 200;
/** How many earlier WILL statements are kept. */
export const WILL_HISTORY = 10;

/**
 * A ありがとう told outside the first session (ありがとう記録, a check-in): it joins the
 * profile's recent moments (the last {@link MAX_MOMENTS}) and is recorded as an entry, with
 * how it felt and what the user did when they said.
 */
export function tellThanks(
  state: UserState,
  text: string,
  feeling: string | null,
  now: Date,
  deed: string | null = null,
): { state: UserState; effect: Effect } {
  const moments = [...state.profile.moments, text].slice(-MAX_MOMENTS);
  const entry: NewEntry = { kind: "thanks", text, source: "thanked", feeling, deed, at: now.toISOString() };
  return { state: { ...state, profile: { ...state.profile, moments } }, effect: { type: "recordEntry", entry } };
}

/** Starts the first session from its first question. */
export function beginSession(state: UserState, now: Date, before = [say("session.intro")]): Transition {
  return goTo({ ...state, draft: emptyDraft(), paused: null }, { type: "awaitingWorkScore" }, now, before);
}

/**
 * The first session's questions where a typed 「あとで」 (or 「今会議中！」「運転中なので後ほど」) leaves
 * the question waiting for whenever they write again, rather than skipping it. Not the WILL's
 * review, where 「あとで」 keeps the WILL for later, nor the questions that follow it.
 */
const LATER_WAITS: ReadonlySet<QuestionStep["type"]> = new Set<QuestionStep["type"]>([
  "awaitingWorkScore",
  "awaitingMoyamoya",
  "awaitingThanksMoment",
  "awaitingThanksAlternative",
  "awaitingThanksFeeling",
  "awaitingThanksDeed",
  "awaitingValues",
  "awaitingWillWho",
  "awaitingWillWhat",
]);

/** Answers the pending question; null when the answer does not fit it (the caller asks again). */
export function answerQuestion(state: UserState, step: QuestionStep, answer: Answer, now: Date): Transition | null {
  const draft = state.draft ?? emptyDraft();
  const text = answer.kind === "text" ? answer.text : null;
  const button = answer.kind === "button" ? answer.value : null;
  /** A typed answer that means one of `meanings` (思いつかないです, はい, …), polite or casual. */
  const means = (...meanings: AnswerMeaning[]) => text !== null && answerMeaning(text, meanings) !== null;
  const skipped = () => means("none", "later") || (text !== null && isAnswerWord(text, stepWords.skip));
  const withDraft = (next: Partial<SessionDraft>): UserState => ({ ...state, draft: { ...draft, ...next } });

  if (text !== null && LATER_WAITS.has(step.type) && means("later")) return sayOverQuestion(state, "session.later", now);
  if (isMomentStep(step)) return answerMoment(state, step, answer, now);
  switch (step.type) {
    case "awaitingWorkScore": {
      const score = button ?? (text ? parseScore(text) : null);
      if (score === null || !/^[1-5]$/.test(score)) return null;
      const n = Number(score);
      return goTo(withDraft({ workScore: n }), { type: "awaitingMoyamoya" }, now, [
        say(n <= 2 ? "session.workScore.low" : "session.workScore.high", { score: String(n) }),
      ]);
    }
    case "awaitingMoyamoya": {
      if (button !== null && button !== "skip") return null;
      const note = text !== null && !skipped() ? text : null;
      const entry: NewEntry = { kind: "workScore", score: draft.workScore ?? 3, note, at: now.toISOString() };
      const effects: Effect[] = draft.workScore === null ? [] : [{ type: "recordEntry", entry }];
      const quoted = note && !echoed(answer) ? mirror(note, "moyamoya", 0) : "";
      const ack =
        note && !echoed(answer) ? [quoted ? say("session.moyamoya.ack", { mirror: quoted }) : say("session.moyamoya.ackPlain")] : [];
      return goTo(state, { type: "awaitingThanksMoment", source: "thanked" }, now, [...ack, say("session.thanks.intro")], effects);
    }
    case "awaitingValues":
      return answerValues(state, button, text, now);
    case "awaitingWillWho": {
      if (means("none")) return goTo(withDraft({ willWho: null }), { type: "awaitingWillWhat" }, now, [say("session.willWho.none")]);
      const who = button !== null ? willWhoChoices[Number(button.slice(1))] : text;
      if (!who || (button !== null && !/^w\d$/.test(button))) return null;
      return goTo(withDraft({ willWho: who }), { type: "awaitingWillWhat" }, now);
    }
    case "awaitingWillWhat": {
      if (button === "none" || means("none")) return afterWill(withDraft({ willWhat: null }), now, [say("session.will.notYet")]);
      const what = button !== null ? (isValueId(button) ? willWhatPhrases[button] : null) : text;
      if (!what) return null;
      const next = withDraft({ willWhat: what });
      // A draft built from very long answers would be hard to read: the user writes it, nothing is cut.
      const [statement, ...alternatives] = willOptions(next.draft!).filter((option) => [...option].length <= WILL_DRAFT_MAX);
      if (statement === undefined) return goTo(next, { type: "awaitingWillRewrite" }, now, [say("session.willReview.tooLong")]);
      const review = alternatives.length > 0 ? { draft: statement, alternatives } : { draft: statement };
      return goTo(next, { type: "awaitingWillReview", ...review }, now);
    }
    case "awaitingWillReview": {
      const picked = pickedOption(step, button, text);
      if (picked !== null) return saveWill(state, reviewOptions(step)[picked] ?? step.draft, now);
      const review = text === null ? null : answerMeaning(text, ["yes", "no", "later", "none"]);
      if (review === "yes") return saveWill(state, step.draft, now);
      if (button === "rewrite" || review === "no") return goTo(state, { type: "awaitingWillRewrite", draft: step.draft }, now);
      if (button === "later" || review === "later" || review === "none") return afterWill(state, now, [say("session.will.later")]);
      return text !== null ? saveWill(state, text, now, true) : null;
    }
    case "awaitingWillRewrite":
      if (button === "later" || means("later", "none")) return afterWill(state, now, [say("session.will.later")]);
      return text !== null ? saveWill(state, text, now, true) : null;
    case "awaitingAction": {
      if (button === "own") return goTo(state, { type: "awaitingOwnAction" }, now);
      if (means("none")) return hint(state, "session.action.none", now);
      if (text !== null) return typedAction(state, text, now);
      const picked = button !== null && /^s\d$/.test(button) ? actionOptions(state)[Number(button.slice(1))] : undefined;
      return picked ? goTo(state, { type: "awaitingActionDue", action: picked.step, first: picked.first }, now) : null;
    }
    case "awaitingOwnAction":
      if (step.vague !== undefined) {
        if (button === "undecided" || means("none", "later") || (text !== null && isAnswerWord(text, stepWords.undecided)))
          return goTo(state, { type: "awaitingActionDue", action: step.vague }, now);
        return text !== null
          ? goTo(state, { type: "awaitingActionDue", action: withWhenAndWhere(step.vague, text, MAX_ANSWER_LENGTH) }, now)
          : null;
      }
      if (button === "back" || means("none")) return goTo(state, { type: "awaitingAction" }, now);
      return text !== null ? typedAction(state, text, now) : null;
    case "awaitingActionDue": {
      const due = pickDue(button, text, answer.kind === "button" ? answer.picked : undefined, now);
      if (due === null) return text !== null ? hint(state, "session.actionDue.hint", now) : null;
      if (due < tokyoDate(now)) return text !== null ? pastDue(state, due, now) : hint(state, "session.actionDue.invalid", now);
      if (due > tokyoDate(addDays(now, MAX_DUE_DAYS))) return hint(state, "session.actionDue.tooFar", now);
      const next: UserState = { ...state, profile: { ...state.profile, action: { text: step.action, due } } };
      const saved = say("session.action.saved", { action: displayQuote(step.action), due: formatDate(due) });
      if (state.draft !== null) return goTo(next, { type: "awaitingReminder" }, now, [saved]);
      return offersFollowUp(next, now) ? goTo(next, { type: "awaitingFollowUpOffer" }, now, [saved]) : endSideFlow(next, now, [saved]);
    }
    case "awaitingReminder":
    case "awaitingReminderDays":
      return answerReminder(state, step, answer, now);
    case "awaitingFollowUpOffer":
      return answerFollowUpOffer(state, answer, now);
  }
}

/** A typed step: one that says neither when nor where is asked 「いつ・どこで？」 once; any other goes on to its date. */
function typedAction(state: UserState, text: string, now: Date): Transition {
  const action = text.trim();
  return saysWhenOrWhere(action)
    ? goTo(state, { type: "awaitingActionDue", action }, now)
    : goTo(state, { type: "awaitingOwnAction", vague: action }, now);
}

/** Whether the bot said the typed answer back already (a message of distress). */
function echoed(answer: Answer): boolean {
  return answer.kind === "text" && answer.echoed === true;
}

/** A typed date already past is questioned, naming it, with the date buttons again; nothing is moved a year on. */
function pastDue(state: UserState, due: string, now: Date): Transition {
  return sayOverQuestion(state, "session.actionDue.past", now, { date: formatDate(due) });
}

/** Saves the WILL; one the user typed (`typed`) is said back quoting their message. */
function saveWill(state: UserState, statement: string, now: Date, typed = false): Transition {
  const previous = state.profile.will;
  const history = previous ? [...previous.history, { statement: previous.statement, at: previous.at }].slice(-WILL_HISTORY) : [];
  const next: UserState = { ...state, profile: { ...state.profile, will: { statement, at: now.toISOString(), history } } };
  const saved = say("session.will.saved", { statement: inQuotes(statement) });
  return afterWill(next, now, [typed ? quoting(saved) : saved]);
}

function afterWill(state: UserState, now: Date, said: ReturnType<typeof say>[]): Transition {
  return state.draft !== null ? goTo(state, { type: "awaitingAction" }, now, said) : endSideFlow(state, now, said);
}

function pickDue(button: string | null, text: string | null, picked: PickedDateTime | undefined, now: Date): string | null {
  if (button === "week") return endOfWeekDate(now);
  if (button === "month") return endOfMonthDate(now);
  if (button === "pick") return picked?.date !== undefined && isValidDate(picked.date) ? picked.date : null;
  if (text === null) return null;
  const today = tokyoDate(now);
  return parseDueDate(text, today, dateParts(today).weekday);
}

/** A typed やりがい度: "4", "４", "4です" → "4"; null when the text does not start with 1–5. */
export function parseScore(text: string): string | null {
  const match = /^([1-5])(?:\D.*)?$/s.exec(text.normalize("NFKC").trim());
  return match ? match[1] : null;
}

function isValueId(value: string): value is ValueId {
  return (VALUE_IDS as readonly string[]).includes(value);
}
