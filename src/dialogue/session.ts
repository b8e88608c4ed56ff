/**
 * The first session (PRODUCT.md §3.2): answers to each question, typed or tapped, move the
 * user one step on. Every step can be left and resumed; answers wait in the draft until
 * the summary turns them into the profile.
 */
import { addDays } from "date-fns";
import {
  endOfMonthDate,
  endOfWeekDate,
  isValidDate,
  isValidTime,
  nextReminderAt,
  tokyoDate,
  type ReminderSchedule,
  type Weekday,
} from "../calendar/schedule";
import { normalizeForMatch } from "./commands";
import {
  answerWords,
  feelings,
  fill,
  messages,
  reminderPresets,
  valueClauses,
  values,
  weekdayNames,
  willWhatPhrases,
  timeWords,
  willWhoChoices,
  type MessageId,
} from "./content";
import type { Effect } from "./effect";
import type { NewEntry } from "../model/entry";
import { endSideFlow, goTo, respond, type Transition } from "./flow";
import type { PickedDateTime } from "./input";
import { actionOptions, chosenValues, echo, promptFor, say } from "./prompts";
import { summaryCard } from "./cards";
import { formatDate, formatInstant, formatSchedule } from "./format";
import {
  emptyDraft,
  MAX_DUE_DAYS,
  VALUE_IDS,
  type Moment,
  type QuestionStep,
  type SessionDraft,
  type Step,
  type UserState,
  type ValueId,
} from "./state";

/** An answer to the pending question: typed text, or a tapped button's value. */
export type Answer = { kind: "text"; text: string } | { kind: "button"; value: string; picked?: PickedDateTime };

/** How many ありがとう moments the first session collects at most. */
export const MAX_MOMENTS = 3;
/** How many values a user can pick. */
export const MAX_VALUES = 3;
/** How many earlier WILL statements are kept. */
export const WILL_HISTORY = 10;

const NONE_WORDS = answerWords.none.map(normalizeForMatch);
const SKIP_WORDS = answerWords.skip.map(normalizeForMatch);
const NEXT_WORDS = answerWords.next.map(normalizeForMatch);
const ANOTHER_WORDS = answerWords.another.map(normalizeForMatch);
const OFF_WORDS = answerWords.off.map(normalizeForMatch);
const WEEKDAY_SUFFIX = new RegExp(timeWords.weekdaySuffix, "g");
const TIME_PATTERN = new RegExp(`^(\\d{1,2})(?:[:：${timeWords.hour}](\\d{2})?${timeWords.minute}?|${timeWords.hour}${timeWords.half})$`);

/**
 * A ありがとう told outside the first session (ありがとう記録, a check-in): it joins the
 * profile's recent moments (the last {@link MAX_MOMENTS}) and is recorded as an entry.
 */
export function tellThanks(state: UserState, text: string, feeling: string | null, now: Date): { state: UserState; effect: Effect } {
  const moments = [...state.profile.moments, echo(text)].slice(-MAX_MOMENTS);
  const entry: NewEntry = { kind: "thanks", text, source: "thanked", feeling, deed: null, at: now.toISOString() };
  return { state: { ...state, profile: { ...state.profile, moments } }, effect: { type: "recordEntry", entry } };
}

/** Starts the first session from its first question. */
export function beginSession(state: UserState, now: Date, before = [say("session.intro")]): Transition {
  return goTo({ ...state, draft: emptyDraft(), paused: null }, { type: "awaitingWorkScore" }, now, before);
}

/** Answers the pending question; null when the answer does not fit it (the caller asks again). */
export function answerQuestion(state: UserState, step: QuestionStep, answer: Answer, now: Date): Transition | null {
  const draft = state.draft ?? emptyDraft();
  const text = answer.kind === "text" ? answer.text : null;
  const button = answer.kind === "button" ? answer.value : null;
  const isWord = (words: string[]) => text !== null && words.includes(normalizeForMatch(text));
  const withDraft = (next: Partial<SessionDraft>): UserState => ({ ...state, draft: { ...draft, ...next } });

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
      const note = text !== null && !isWord(SKIP_WORDS) && !isWord(NONE_WORDS) ? text : null;
      const entry: NewEntry = { kind: "workScore", score: draft.workScore ?? 3, note, at: now.toISOString() };
      const effects: Effect[] = draft.workScore === null ? [] : [{ type: "recordEntry", entry }];
      const ack = note ? [say("session.moyamoya.ack", { text: echo(note) })] : [];
      return goTo(state, { type: "awaitingThanksMoment", source: "thanked" }, now, [...ack, say("session.thanks.intro")], effects);
    }
    case "awaitingThanksMoment": {
      if (button === "none" || (step.source === "thanked" && isWord(NONE_WORDS)))
        return goTo(state, { type: "awaitingThanksAlternative" }, now);
      if (button === "skip" || isWord(SKIP_WORDS) || isWord(NONE_WORDS)) return skipThanks(state, now);
      if (text === null) return null;
      return goTo(
        withDraft({ moments: [...draft.moments, { text, source: step.source, feeling: null, deed: null }] }),
        { type: "awaitingThanksFeeling" },
        now,
      );
    }
    case "awaitingThanksAlternative": {
      if (button === "skip" || isWord(SKIP_WORDS) || isWord(NONE_WORDS)) return skipThanks(state, now);
      if (button === "thankedSomeone" || button === "longAgo" || button === "everyday")
        return goTo(state, { type: "awaitingThanksMoment", source: button }, now);
      if (text === null) return null;
      return goTo(
        withDraft({ moments: [...draft.moments, { text, source: "thanked", feeling: null, deed: null }] }),
        { type: "awaitingThanksFeeling" },
        now,
      );
    }
    case "awaitingThanksFeeling": {
      const feeling = pickFeeling(button, text, isWord(SKIP_WORDS) || isWord(NONE_WORDS));
      if (feeling === undefined) return null;
      return goTo(withDraft({ moments: updateLast(draft.moments, { feeling }) }), { type: "awaitingThanksDeed" }, now);
    }
    case "awaitingThanksDeed": {
      if (button !== null && button !== "skip") return null;
      const deed = text !== null && !isWord(SKIP_WORDS) && !isWord(NONE_WORDS) ? text : null;
      const moments = updateLast(draft.moments, { deed });
      const last = moments.at(-1);
      const effects: Effect[] = last ? [{ type: "recordEntry", entry: { kind: "thanks", ...last, at: now.toISOString() } }] : [];
      const next = withDraft({ moments });
      return moments.length >= MAX_MOMENTS
        ? goTo(next, { type: "awaitingValues" }, now, [say("session.thanks.enough")], effects)
        : goTo(next, { type: "awaitingMoreMoments" }, now, [], effects);
    }
    case "awaitingMoreMoments": {
      if (button === "another") return goTo(state, { type: "awaitingThanksMoment", source: "thanked" }, now);
      if (button === "next" || isWord(NEXT_WORDS) || isWord(NONE_WORDS)) return goTo(state, { type: "awaitingValues" }, now);
      if (isWord(ANOTHER_WORDS)) return goTo(state, { type: "awaitingThanksMoment", source: "thanked" }, now);
      if (text === null) return null;
      return goTo(
        withDraft({ moments: [...draft.moments, { text, source: "thanked", feeling: null, deed: null }] }),
        { type: "awaitingThanksFeeling" },
        now,
      );
    }
    case "awaitingValues": {
      const value = button ?? matchValue(text);
      if (value === null && text !== null) return hint(state, isWord(NONE_WORDS) ? "session.values.none" : "session.values.unknown", now);
      return answerValues(state, draft, value, now);
    }
    case "awaitingWillWho": {
      if (isWord(NONE_WORDS)) return goTo(withDraft({ willWho: null }), { type: "awaitingWillWhat" }, now, [say("session.willWho.none")]);
      const who = button !== null ? willWhoChoices[Number(button.slice(1))] : text;
      if (!who || (button !== null && !/^w\d$/.test(button))) return null;
      return goTo(withDraft({ willWho: who }), { type: "awaitingWillWhat" }, now);
    }
    case "awaitingWillWhat": {
      if (isWord(NONE_WORDS)) return afterWill(withDraft({ willWhat: null }), now, [say("session.will.notYet")]);
      const what = button !== null ? (isValueId(button) ? willWhatPhrases[button] : null) : text;
      if (!what) return null;
      const next = withDraft({ willWhat: what });
      return goTo(next, { type: "awaitingWillReview", draft: draftStatement(next.draft!) }, now);
    }
    case "awaitingWillReview":
      if (button === "accept") return saveWill(state, step.draft, now);
      if (button === "rewrite") return goTo(state, { type: "awaitingWillRewrite" }, now);
      if (button === "later") return afterWill(state, now, [say("session.will.later")]);
      return text !== null ? saveWill(state, text, now) : null;
    case "awaitingWillRewrite":
      if (button === "later") return afterWill(state, now, [say("session.will.later")]);
      return text !== null ? saveWill(state, text, now) : null;
    case "awaitingAction": {
      if (button === "own") return goTo(state, { type: "awaitingOwnAction" }, now);
      if (isWord(NONE_WORDS)) return hint(state, "session.action.none", now);
      const options = actionOptions(chosenValues(state));
      const action = button !== null ? options[Number(button.slice(1))] : text;
      if (!action || (button !== null && !/^s\d$/.test(button))) return null;
      return goTo(state, { type: "awaitingActionDue", action }, now);
    }
    case "awaitingOwnAction":
      if (button === "back" || isWord(NONE_WORDS)) return goTo(state, { type: "awaitingAction" }, now);
      return text !== null ? goTo(state, { type: "awaitingActionDue", action: text }, now) : null;
    case "awaitingActionDue": {
      const due = pickDue(button, text, answer.kind === "button" ? answer.picked : undefined, now);
      if (due === null) return text !== null ? hint(state, "session.actionDue.hint", now) : null;
      if (due < tokyoDate(now)) return hint(state, "session.actionDue.invalid", now);
      if (due > tokyoDate(addDays(now, MAX_DUE_DAYS))) return hint(state, "session.actionDue.tooFar", now);
      const next: UserState = { ...state, profile: { ...state.profile, action: { text: step.action, due } } };
      const saved = say("session.action.saved", { action: echo(step.action), due: formatDate(due) });
      return state.draft !== null ? goTo(next, { type: "awaitingReminder" }, now, [saved]) : endSideFlow(next, now, [saved]);
    }
    case "awaitingReminder":
    case "awaitingReminderDays":
      return answerReminder(state, step, answer, now);
  }
}

/** The reminder steps, in the first session (`awaiting…`) or from the リマインダー command (`changing…`). */
export type ReminderStep = Extract<
  Step,
  { type: "awaitingReminder" | "awaitingReminderDays" | "changingReminder" | "changingReminderDays" }
>;

/** Answers a reminder question; the first session continues to its summary, a side flow ends. */
export function answerReminder(state: UserState, step: ReminderStep, answer: Answer, now: Date): Transition | null {
  const text = answer.kind === "text" ? answer.text : null;
  const button = answer.kind === "button" ? answer.value : null;
  const inSession = step.type === "awaitingReminder" || step.type === "awaitingReminderDays";
  if (step.type === "awaitingReminderDays" || step.type === "changingReminderDays") {
    const days = pickDays(button, text);
    if (days === null) return text !== null ? hint(state, "session.reminder.daysHint", now) : null;
    const schedule: ReminderSchedule =
      days === "daily" ? { kind: "daily", time: step.time } : { kind: "weekly", weekdays: days, time: step.time };
    return setReminder(state, schedule, now, inSession);
  }
  if (button === "keep" && !inSession) return endSideFlow(state, now, [say("reminder.kept")]);
  const off = text !== null && OFF_WORDS.includes(normalizeForMatch(text));
  if (button === "off" || off) return setReminder(state, null, now, inSession);
  if (button === "weekly" || button === "daily") return setReminder(state, reminderPresets[button], now, inSession);
  const time = button === "pick" ? (answer.kind === "button" ? answer.picked?.time : undefined) : parseTime(text);
  if (!time || !isValidTime(time)) return text !== null ? hint(state, "session.reminder.hint", now) : null;
  return goTo(state, inSession ? { type: "awaitingReminderDays", time } : { type: "changingReminderDays", time }, now);
}

function hint(state: UserState, id: MessageId, now: Date): Transition {
  return respond(state, [say(id), ...promptFor(state, now)]);
}

function skipThanks(state: UserState, now: Date): Transition {
  return goTo(state, { type: "awaitingValues" }, now, [say("session.thanks.skipped")]);
}

function answerValues(state: UserState, draft: SessionDraft, value: string | null, now: Date): Transition | null {
  const picked = chosenValues(state);
  const update = (next: ValueId[]): UserState =>
    state.draft ? { ...state, draft: { ...draft, values: next } } : { ...state, profile: { ...state.profile, values: next } };
  if (value === "done") {
    if (picked.length === 0) return respond(state, [say("session.values.none"), ...promptFor(state, now)]);
    const decided = say("session.values.decided", { values: picked.map((id) => values[id].label).join("」「") });
    return state.draft ? goTo(state, { type: "awaitingWillWho" }, now, [decided]) : endSideFlow(state, now, [decided]);
  }
  if (value === null || !isValueId(value)) return null;
  if (picked.includes(value)) return goTo(update(picked.filter((id) => id !== value)), state.step, now);
  if (picked.length >= MAX_VALUES) return respond(state, [say("session.values.full"), ...promptFor(state, now)]);
  return goTo(update([...picked, value]), state.step, now);
}

function saveWill(state: UserState, statement: string, now: Date): Transition {
  const previous = state.profile.will;
  const history = previous ? [...previous.history, { statement: previous.statement, at: previous.at }].slice(-WILL_HISTORY) : [];
  const next: UserState = { ...state, profile: { ...state.profile, will: { statement, at: now.toISOString(), history } } };
  return afterWill(next, now, [say("session.will.saved", { statement })]);
}

function afterWill(state: UserState, now: Date, said: ReturnType<typeof say>[]): Transition {
  return state.draft !== null ? goTo(state, { type: "awaitingAction" }, now, said) : endSideFlow(state, now, said);
}

function setReminder(state: UserState, schedule: ReminderSchedule | null, now: Date, inSession: boolean): Transition {
  const reminder = schedule ? { schedule, nextAt: state.following ? nextReminderAt(schedule, now).toISOString() : null } : null;
  const next: UserState = { ...state, profile: { ...state.profile, reminder } };
  const said =
    reminder && schedule
      ? say("session.reminder.saved", {
          schedule: formatSchedule(schedule),
          next: reminder.nextAt ? formatInstant(new Date(reminder.nextAt)) : "",
        })
      : say("session.reminder.off");
  return inSession ? completeSession(next, now, [said]) : endSideFlow(next, now, [said]);
}

/** Turns the draft into the profile and shows the summary card. */
function completeSession(state: UserState, now: Date, said: ReturnType<typeof say>[]): Transition {
  const draft = state.draft ?? emptyDraft();
  const profile = {
    ...state.profile,
    values: draft.values.length > 0 ? draft.values : state.profile.values,
    moments: draft.moments.length > 0 ? draft.moments.map((m) => echo(m.text)) : state.profile.moments,
    completedFirstSession: true,
  };
  const next: UserState = { ...state, draft: null, paused: null, profile };
  return endSideFlow(next, now, [
    ...said,
    say("session.summary.done"),
    { type: "card", card: summaryCard(profile) },
    say("session.summary.footer"),
  ]);
}

function draftStatement(draft: SessionDraft): string {
  const value = draft.values.find((id) => willWhatPhrases[id] !== draft.willWhat);
  const who = quoteInside(echo(draft.willWho ?? ""));
  const what = quoteInside(echo(draft.willWhat ?? ""));
  return value
    ? fill(messages["session.willReview.template"], { who, what, value: valueClauses[value] })
    : fill(messages["session.willReview.templateNoValue"], { who, what });
}

/** Brackets inside a sentence that will itself stand in 「」 become 『』. */
function quoteInside(text: string): string {
  return text.replace(/「/g, "『").replace(/」/g, "』");
}

function updateLast(moments: Moment[], change: Partial<Moment>): Moment[] {
  const last = moments.at(-1);
  return last ? [...moments.slice(0, -1), { ...last, ...change }] : moments;
}

function pickFeeling(button: string | null, text: string | null, skipped: boolean): string | null | undefined {
  if (button === "skip" || skipped) return null;
  if (button !== null) return /^f\d$/.test(button) ? (feelings[Number(button.slice(1))] ?? undefined) : undefined;
  return text ?? undefined;
}

function pickDue(button: string | null, text: string | null, picked: PickedDateTime | undefined, now: Date): string | null {
  const normalized = text === null ? null : normalizeForMatch(text);
  if (button === "week" || answerWords.dueWeek.some((word) => normalized === normalizeForMatch(word))) return endOfWeekDate(now);
  if (button === "month" || answerWords.dueMonth.some((word) => normalized === normalizeForMatch(word))) return endOfMonthDate(now);
  const candidate = button === "pick" ? picked?.date : text?.normalize("NFKC").trim().replace(/\//g, "-");
  if (!candidate) return null;
  const short = /^(\d{1,2})-(\d{1,2})$/.exec(candidate);
  if (!short) return isValidDate(candidate) ? candidate : null;
  // A month and day without a year is the next such day: 1/10 in December is next January.
  const today = tokyoDate(now);
  const monthDay = `${short[1].padStart(2, "0")}-${short[2].padStart(2, "0")}`;
  const thisYear = `${today.slice(0, 4)}-${monthDay}`;
  const full = thisYear >= today ? thisYear : `${Number(today.slice(0, 4)) + 1}-${monthDay}`;
  return isValidDate(full) ? full : null;
}

function pickDays(button: string | null, text: string | null): "daily" | Weekday[] | null {
  const word = button ?? (text === null ? null : text.normalize("NFKC").replace(WEEKDAY_SUFFIX, "").trim());
  if (word === "daily" || (answerWords.everyDay as readonly string[]).includes(word ?? "")) return "daily";
  if (word === "weekdays" || (answerWords.weekdays as readonly string[]).includes(word ?? "")) return [1, 2, 3, 4, 5];
  if (word !== null && /^d[0-6]$/.test(word)) return [Number(word.slice(1)) as Weekday];
  const day = word === null ? -1 : weekdayNames.indexOf(word);
  return day >= 0 ? [day as Weekday] : null;
}

/** A typed やりがい度: "4", "４", "4です" → "4"; null when the text does not start with 1–5. */
export function parseScore(text: string): string | null {
  const match = /^([1-5])(?:\D.*)?$/s.exec(text.normalize("NFKC").trim());
  return match ? match[1] : null;
}

function parseTime(text: string | null): string | null {
  const match = text === null ? null : TIME_PATTERN.exec(text.normalize("NFKC").trim());
  if (!match) return null;
  const minutes = match[0].endsWith(timeWords.half) ? "30" : (match[2] ?? "00");
  return `${match[1].padStart(2, "0")}:${minutes}`;
}

function matchValue(text: string | null): string | null {
  if (text === null) return null;
  const key = normalizeForMatch(text);
  if (answerWords.valuesDone.some((word) => key === normalizeForMatch(word))) return "done";
  return VALUE_IDS.find((id) => normalizeForMatch(values[id].label) === key) ?? null;
}

function isValueId(value: string): value is ValueId {
  return (VALUE_IDS as readonly string[]).includes(value);
}
