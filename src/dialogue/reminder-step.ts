/**
 * Answers to the reminder questions (first session step 7 and the リマインダー command): a
 * ready-made schedule, a picked or typed time, the days, or no reminders. A wish typed in one
 * message (「毎週土曜の朝10時で」) is set at once; an hour that could be morning or evening
 * (「土曜 10時」) is asked about once, keeping the days. In the first session the last answer
 * shows the summary card.
 */
import { dateParts, nextReminderAt, isValidTime, tokyoDate, tokyoInstant, type ReminderSchedule, type Weekday } from "../calendar/schedule";
import { summaryCard } from "./cards";
import { dayParts, reminderPresets, stepWords, timeWords, weekdayNames, type DayPart } from "./content";
import { endSideFlow, goTo, hint, type Answer, type Transition } from "./flow";
import { formatInstant, formatSchedule } from "./format";
import type { PickedDateTime } from "./input";
import { eveningOf, type ReminderStep } from "./reminder-prompt";
import { decideFollowUpOffer, offersFollowUp } from "./follow-up";
import type { Reply } from "./reply";
import { say } from "./say";
import { emptyDraft, type UserState } from "./state";
import { normalizeForMatch } from "./commands";
import { answerMeaning, isAnswerWord } from "./understand/answers";
import { parseReminderWish, type ReminderWish } from "./understand/reminder-wish";
import { parseDueDate, type ClockTime } from "./understand/when";

const WEEKDAY_SUFFIX = new RegExp(timeWords.weekdaySuffix, "g");

/** A time the answer gives: clear, or an hour (`09:30`) that could be morning or evening. */
type PickedTime = { time: string } | { ambiguous: string };

/** Answers a reminder question; the first session continues to its summary, a side flow ends. */
export function answerReminder(state: UserState, step: ReminderStep, answer: Answer, now: Date): Transition | null {
  const text = answer.kind === "text" ? answer.text : null;
  const button = answer.kind === "button" ? answer.value : null;
  const inSession = step.type === "awaitingReminder" || step.type === "awaitingReminderDays";
  const wish = text === null ? null : parseReminderWish(text);
  const from = text === null ? undefined : firstDay(text, now);
  if (step.type === "awaitingReminderDays" || step.type === "changingReminderDays") {
    const days = pickDays(button, text) ?? wish?.days ?? null;
    if (days === null) return text !== null ? hint(state, "session.reminder.daysHint", now) : null;
    const time = wish?.time ? timeForDays(wish.time, step.time) : { time: step.time };
    if ("ambiguous" in time)
      return goTo(state, { type: inSession ? "awaitingReminder" : "changingReminder", hour: time.ambiguous, days: [...days] }, now);
    return setReminder(state, scheduleOf(days, time.time), now, inSession, from);
  }
  if (button === "keep" && !inSession) return endSideFlow(state, now, [say("reminder.kept")]);
  const off = text !== null && (isAnswerWord(text, stepWords.off) || answerMeaning(text, ["no"]) !== null);
  if (button === "off" || off) return setReminder(state, null, now, inSession);
  if (button === "weekly" || button === "daily") return setReminder(state, reminderPresets[button], now, inSession);
  const days = wish?.days ?? step.days ?? null;
  const time = pickTime(step, button, text, wish, answer.kind === "button" ? answer.picked : undefined);
  if (time === null) {
    if (wish?.days) {
      const part = text === null ? null : dayPartOf(text);
      return goTo(state, { type: step.type, days: [...wish.days], ...(part ? { part } : {}) }, now);
    }
    return text !== null ? hint(state, "session.reminder.hint", now) : null;
  }
  if ("ambiguous" in time) return goTo(state, { type: step.type, hour: time.ambiguous, ...(days ? { days: [...days] } : {}) }, now);
  if (days !== null) return setReminder(state, scheduleOf(days, time.time), now, inSession, from);
  return goTo(
    state,
    inSession ? { type: "awaitingReminderDays", time: time.time } : { type: "changingReminderDays", time: time.time },
    now,
  );
}

/**
 * The reminder time an answer gives: a tapped or picked time, 朝 or 夜 after an hour that could
 * be either, or the time of a typed wish (an hour that could be morning or evening is asked
 * about before anything is set).
 */
function pickTime(
  step: Extract<ReminderStep, { type: "awaitingReminder" | "changingReminder" }>,
  button: string | null,
  text: string | null,
  wish: ReminderWish | null,
  picked: PickedDateTime | undefined,
): PickedTime | null {
  if (button === "pick") return picked?.time !== undefined && isValidTime(picked.time) ? { time: picked.time } : null;
  if (button !== null) {
    const tapped = /^at(\d{2})(\d{2})$/.exec(button);
    return tapped && isValidTime(`${tapped[1]}:${tapped[2]}`) ? { time: `${tapped[1]}:${tapped[2]}` } : null;
  }
  if (text === null) return null;
  const clock = wish?.time ?? null;
  if (step.hour !== undefined && (clock === null || !("time" in clock))) {
    const part = partOfDay(text);
    if (part === "morning") return { time: step.hour };
    if (part === "evening") return { time: eveningOf(step.hour) };
  }
  if (clock === null) return null;
  if ("time" in clock) return isValidTime(clock.time) ? { time: clock.time } : null;
  return { ambiguous: `${String(clock.ambiguousHour).padStart(2, "0")}:${String(clock.minute).padStart(2, "0")}` };
}

/** Morning or evening, as answered to 「10:00と22:00、どちらに…」: 「朝です」, 「夜でお願いします」; null when neither or both. */
function partOfDay(text: string): "morning" | "evening" | null {
  if (isAnswerWord(text, stepWords.morning)) return "morning";
  if (isAnswerWord(text, stepWords.evening)) return "evening";
  const folded = normalizeForMatch(text);
  const morning = namesAny(folded, stepWords.morning);
  const evening = namesAny(folded, stepWords.evening);
  return morning === evening ? null : morning ? "morning" : "evening";
}

/** The one part of the day a wish names without an hour (「木曜の朝」「毎週水曜の昼」); null when none or several. */
function dayPartOf(text: string): DayPart | null {
  const folded = normalizeForMatch(text);
  const named = (Object.keys(dayParts) as DayPart[]).filter((part) => namesAny(folded, dayParts[part].words));
  return named.length === 1 ? named[0] : null;
}

/** Whether a folded text holds any of `words`, folded alike. */
function namesAny(folded: string, words: readonly string[]): boolean {
  return words.some((word) => folded.includes(normalizeForMatch(word)));
}

/**
 * The time of a wish typed at the days question: a clear time replaces the one chosen before;
 * an hour that could be morning or evening keeps it when it is that hour, else is asked about.
 */
function timeForDays(clock: ClockTime, chosen: string): PickedTime {
  if ("time" in clock) return isValidTime(clock.time) ? { time: clock.time } : { time: chosen };
  const hour = `${String(clock.ambiguousHour).padStart(2, "0")}:${String(clock.minute).padStart(2, "0")}`;
  return hour === chosen || eveningOf(hour) === chosen ? { time: chosen } : { ambiguous: hour };
}

/** The schedule of `days` at `time`: every day when all seven are named. */
function scheduleOf(days: readonly Weekday[], time: string): ReminderSchedule {
  const weekdays = [...new Set(days)].sort((a, b) => a - b);
  return weekdays.length === 7 ? { kind: "daily", time } : { kind: "weekly", weekdays, time };
}

/**
 * The start of the day a typed wish names for its first reminder, when that is after today
 * (「再来週の木曜の夜8時」: not this week's Thursday but that one); undefined when it names none.
 */
function firstDay(text: string, now: Date): Date | undefined {
  const today = tokyoDate(now);
  const day = parseDueDate(text, today, dateParts(today).weekday);
  return day !== null && day > today ? tokyoInstant(day, "00:00") : undefined;
}

/** Sets (or with null, stops) the reminder; its first one not before `from` when given. */
function setReminder(state: UserState, schedule: ReminderSchedule | null, now: Date, inSession: boolean, from?: Date): Transition {
  const after = from !== undefined && from > now ? from : now;
  const reminder = schedule ? { schedule, nextAt: state.following ? nextReminderAt(schedule, after).toISOString() : null } : null;
  const next: UserState = { ...state, profile: { ...state.profile, reminder } };
  const said =
    reminder && schedule
      ? say("session.reminder.saved", {
          schedule: formatSchedule(schedule),
          next: reminder.nextAt ? formatInstant(new Date(reminder.nextAt)) : "",
        })
      : say("session.reminder.off");
  if (inSession && offersFollowUp(next, now)) return goTo(next, { type: "awaitingFollowUpOffer" }, now, [said]);
  return inSession ? completeSession(next, now, [said]) : endSideFlow(next, now, [said]);
}

/**
 * Answers the offer of one follow-up on the action's date; the first session then ends with
 * its summary, a side flow (a changed action or date) at rest. Null for an answer that is
 * neither yes nor no.
 */
export function answerFollowUpOffer(state: UserState, answer: Answer, now: Date): Transition | null {
  const value = answer.kind === "button" ? answer.value : offerAnswer(answer.text);
  if (value !== "yes" && value !== "no") return null;
  const decided = decideFollowUpOffer(state, value === "yes");
  return decided.state.draft !== null
    ? completeSession(decided.state, now, [decided.said])
    : endSideFlow(decided.state, now, [decided.said]);
}

/** Turns the draft into the profile and shows the summary card. */
function completeSession(state: UserState, now: Date, said: Reply[]): Transition {
  const draft = state.draft ?? emptyDraft();
  const profile = {
    ...state.profile,
    values: draft.values.length > 0 || draft.ownValues.length > 0 ? draft.values : state.profile.values,
    ownValues: draft.values.length > 0 || draft.ownValues.length > 0 ? draft.ownValues : state.profile.ownValues,
    moments: draft.moments.length > 0 ? draft.moments.map((m) => m.text) : state.profile.moments,
    completedFirstSession: true,
    lastScore: draft.workScore ?? state.profile.lastScore,
  };
  const next: UserState = { ...state, draft: null, paused: null, profile };
  return endSideFlow(next, now, [
    ...said,
    say("session.summary.done"),
    { type: "card", card: summaryCard(profile) },
    say("session.summary.footer"),
  ]);
}

/** A typed answer to the follow-up offer: 「大丈夫です」 declines here; null when it is neither. */
function offerAnswer(text: string): "yes" | "no" | null {
  if (isAnswerWord(text, stepWords.followUpNo)) return "no";
  if (isAnswerWord(text, stepWords.followUpYes)) return "yes";
  const meaning = answerMeaning(text, ["yes", "no", "none", "later"]);
  return meaning === "yes" ? "yes" : meaning === null ? null : "no";
}

function pickDays(button: string | null, text: string | null): Weekday[] | null {
  const word = button ?? (text === null ? null : text.normalize("NFKC").replace(WEEKDAY_SUFFIX, "").trim());
  if (word === "daily" || (word !== null && isAnswerWord(word, stepWords.everyDay))) return [0, 1, 2, 3, 4, 5, 6];
  if (word === "weekdays" || (word !== null && isAnswerWord(word, stepWords.weekdays))) return [1, 2, 3, 4, 5];
  if (word !== null && /^d[0-6]$/.test(word)) return [Number(word.slice(1)) as Weekday];
  const day = word === null ? -1 : weekdayNames.indexOf(word);
  return day >= 0 ? [day as Weekday] : null;
}
