/**
 * The reflection check-in (PRODUCT.md §3.3), opened by a reminder push or 「ふりかえり」:
 * this week's やりがい度, a ありがとう since last time, the committed action, the link to
 * the WILL; it ends with insights, the next reminder time and what to do next.
 */
import { dateParts, nextReminderAfterDay, tokyoDate, type ReminderSchedule } from "../calendar/schedule";
import { reflectionStreak, seriesSinceStart } from "../insights/analysis";
import { recurringWords } from "../insights/words";
import { normalizeForMatch } from "./commands";
import { fill, labels, messages, stepWords, willLinkWords } from "./content";
import { answerMeaning, isAnswerWord } from "./understand/answers";
import { mirror } from "./understand/mirror";
import { commandData } from "./postback";
import type { Effect } from "./effect";
import { scoresAfterCheckin } from "./checkin-scores";
import type { ActionStatus, NewEntry, WillLink } from "../model/entry";
import { endSideFlow, goTo, hint, respond, sayOverQuestion, type Transition } from "./flow";
import { formatInstant } from "./format";
import { answerLabel, commandChoice, quoting, say } from "./say";
import type { Chart, Choice, Reply } from "./reply";
import { pickFeeling } from "./moments-step";
import { parseScore, tellThanks } from "./session";
import type { Answer } from "./flow";
import type { Reflection, UserState } from "./state";
import type { Step } from "./step";
import { isStepLoopStep } from "./step-loop-prompt";
import { actionStatusOf, answerStepLoop, smallerStep, tellStatus, withRecall } from "./step-loop";

/** Every how many check-ins the bot suggests looking at the WILL sentence again. */
export const REVISE_WILL_EVERY = 3;
/** Weeks shown in the insights chart. */
export const INSIGHT_WEEKS = 6;

/** The check-in steps. */
export type CheckinStep = Extract<Step, { type: `reflecting${string}` }>;

/** Whether `step` is one of the check-in's questions ({@link CheckinStep}), answered by {@link answerCheckin}. */
export function isCheckinStep(step: Step): step is CheckinStep {
  return step.type.startsWith("reflecting");
}

/** Longer than this as typed (UTF-16 units), a text is no short check-in answer. */
const SHORT_ANSWER_MAX = 64;

const WILL_WORDS: Record<string, WillLink> = willLinkWords;

/** Whether the week connected to the WILL, typed: つながってます, 少し, いいえ … */
function willLinkOf(text: string, key: string | null): WillLink | null {
  const words = key === null ? null : (WILL_WORDS[key] ?? null);
  if (words !== null) return words;
  const meaning = answerMeaning(text, ["yes", "partly", "no", "none"]);
  return meaning === "yes" ? "yes" : meaning === "partly" ? "partly" : meaning === "no" || meaning === "none" ? "no" : null;
}

/** The push that opens a check-in; a daily reminder speaks of today, a weekly one of the week. */
export function reminderReplies(kind: ReminderSchedule["kind"] = "weekly"): Reply[] {
  const reflect: Choice = { label: labels["push.reflect"], action: { type: "postback", data: commandData("reflect") } };
  return [say(kind === "daily" ? "reminder.push.today" : "reminder.push.week", {}, [reflect, answerLabel("push.later", "cnext", "later")])];
}

/** Starts a check-in; the caller has already set aside any pending question. */
export function beginCheckin(state: UserState, now: Date): Transition {
  const { profile, recall } = withRecall(state.profile);
  const reflection: Reflection = { score: null, thanks: false, actionStatus: null, ...(recall ? { recall } : {}) };
  const next: UserState = { ...state, profile, reflection };
  return goTo(next, { type: "reflectingScore" }, now, [say("checkin.intro")]);
}

/** The check-in questions where a typed 「あとで」 leaves the question waiting. */
const LATER_WAITS: ReadonlySet<string> = new Set(["reflectingScore", "reflectingThanks", "reflectingAction", "reflectingWill"]);

/** Answers a check-in question; null when the answer does not fit (the caller asks again). */
export function answerCheckin(state: UserState, step: CheckinStep, given: Answer, now: Date): Transition | null {
  const reflection = state.reflection ?? { score: null, thanks: false, actionStatus: null };
  const text = given.kind === "text" ? given.text : null;
  const key = text === null || text.length > SHORT_ANSWER_MAX ? null : normalizeForMatch(text);
  const value = given.kind === "button" ? given.value : null;
  const withReflection = (change: Partial<Reflection>): UserState => ({ ...state, reflection: { ...reflection, ...change } });
  if (isStepLoopStep(step)) return answerStepLoop(state, step, given, now);
  // 「あとで」 to a question of the check-in's own (not to the optional ones, where it skips): the
  // question waits, with what was answered so far, for whenever they write again.
  if (text !== null && LATER_WAITS.has(step.type) && answerMeaning(text, ["later"]) !== null)
    return sayOverQuestion(state, "checkin.later", now);
  switch (step.type) {
    case "reflectingScore": {
      const score = value ?? (text ? parseScore(text) : null);
      if (score === null || !/^[1-5]$/.test(score)) return null;
      const before = state.profile.lastScore;
      const dropped = before !== null && Number(score) < before ? [say("checkin.score.dropped", { before: String(before), score })] : [];
      return goTo(withReflection({ score: Number(score) }), { type: "reflectingThanks" }, now, dropped);
    }
    case "reflectingThanks":
      if (value === "yes" || (text !== null && answerMeaning(text, ["yes", "more"]) !== null))
        return goTo(state, { type: "reflectingThanksText" }, now);
      if (value === "no" || (text !== null && answerMeaning(text, ["no", "none"]) !== null))
        return afterThanks(withReflection({ thanks: false }), now, [say("checkin.thanks.none")]);
      if (text === null) return null;
      return goTo(state, feelingStep(text, given), now);
    case "reflectingThanksText":
      if (value === "skip" || (text !== null && skipped(text))) return afterThanks(state, now, []);
      return text === null ? null : goTo(state, feelingStep(text, given), now);
    case "reflectingThanksFeeling": {
      const feeling = pickFeeling(value, text, text !== null && skipped(text));
      if (feeling === undefined) return null;
      const deedStep = { type: "reflectingThanksDeed" as const, text: step.text, feeling };
      return goTo(state, given.kind === "text" && given.echoed === true ? { ...deedStep, echoed: true } : deedStep, now);
    }
    case "reflectingThanksDeed": {
      if (value !== null && value !== "skip") return null;
      const deed = text !== null && !skipped(text) ? text : null;
      return saveThanks(withReflection({ thanks: true }), step.text, step.feeling, deed, now, given);
    }
    case "reflectingAction": {
      const status = (value as ActionStatus | null) ?? (text === null ? null : actionStatusOf(text));
      if (status !== "done" && status !== "partly" && status !== "notYet") return null;
      return tellStatus(withReflection({ actionStatus: status }), status, "checkin", now);
    }
    case "reflectingWill": {
      const link = (value as WillLink | null) ?? (text === null ? null : willLinkOf(text, key));
      if (link !== "yes" && link !== "partly" && link !== "no") return null;
      return finishCheckin(state, reflection, link, now);
    }
  }
}

/** A tap on one of the buttons the check-in (or its push) ends with. */
export function followUp(state: UserState, value: string, now: Date): Transition | null {
  switch (value) {
    case "later":
      // The push can land in the middle of anything: あとで leaves whatever was on screen as it was.
      return state.step.type === "resting" ? endSideFlow(state, now, [say("reminder.pushLater")]) : hint(state, "reminder.pushLater", now);
    case "ok":
      return endSideFlow(state, now, [say("checkin.ok")]);
    case "newAction":
      return goTo(state, { type: "awaitingAction" }, now);
    case "smaller":
      return smallerStep(state, now);
    case "changeDate":
      return state.profile.action ? goTo(state, { type: "awaitingActionDue", action: state.profile.action.text }, now) : null;
    case "reviseWill":
      return goTo(state, { type: "awaitingWillRewrite" }, now);
    default:
      return null;
  }
}

/** The feeling question after a ありがとう told; it does not quote words the bot already said back (a message of distress). */
function feelingStep(text: string, given: Answer): Extract<Step, { type: "reflectingThanksFeeling" }> {
  return given.kind === "text" && given.echoed === true
    ? { type: "reflectingThanksFeeling", text, echoed: true }
    : { type: "reflectingThanksFeeling", text };
}

/** Whether a typed answer to an optional check-in question skips it (スキップ, 特にないです, あとで). */
function skipped(text: string): boolean {
  return answerMeaning(text, ["none", "later"]) !== null || isAnswerWord(text, stepWords.skip);
}

/**
 * Records the ありがとう told with its feeling and deed; the deed is mirrored back when it can be,
 * unless the bot already said the last answer back (a message of distress).
 */
function saveThanks(state: UserState, text: string, feeling: string | null, deed: string | null, now: Date, given: Answer): Transition {
  const told = tellThanks(state, text, feeling, now, deed);
  if (given.kind === "text" && given.echoed === true) return afterThanks(told.state, now, [], [told.effect]);
  const quoted = deed === null ? "" : mirror(deed, "deed", state.profile.checkins);
  const saved = quoted ? quoting(say("checkin.thanks.savedMirrored", { mirror: quoted })) : say("checkin.thanks.saved");
  return afterThanks(told.state, now, [saved], [told.effect]);
}

function afterThanks(state: UserState, now: Date, said: Reply[], effects: Effect[] = []): Transition {
  return goTo(state, state.profile.action ? { type: "reflectingAction" } : { type: "reflectingWill" }, now, said, effects);
}

function finishCheckin(state: UserState, reflection: Reflection, willLink: WillLink, now: Date): Transition {
  const checkins = state.profile.checkins + 1;
  const score = reflection.score ?? 3;
  const entry: NewEntry = {
    kind: "checkin",
    score,
    thanks: reflection.thanks,
    actionStatus: reflection.actionStatus,
    willLink,
    at: now.toISOString(),
  };
  let next: UserState = {
    ...state,
    reflection: null,
    profile: {
      ...state.profile,
      checkins,
      lastScore: reflection.score ?? state.profile.lastScore,
      checkinScores: scoresAfterCheckin(state.profile, score),
    },
  };
  // A reminder due today or already past (the user reflected before it came, or before the
  // job ran) moves to the next day's slot, so the job does not invite them to the check-in
  // they have just done.
  const reminder = next.profile.reminder;
  const nextAt = reminder?.nextAt ? new Date(reminder.nextAt) : null;
  if (reminder && nextAt && (nextAt.getTime() <= now.getTime() || tokyoDate(nextAt) === tokyoDate(now))) {
    next = {
      ...next,
      profile: { ...next.profile, reminder: { ...reminder, nextAt: nextReminderAfterDay(reminder.schedule, now).toISOString() } },
    };
  }
  const upcoming = next.profile.reminder?.nextAt ?? null;
  const closingText = [
    fill(messages["checkin.done"], { count: String(checkins) }),
    upcoming ? fill(messages["checkin.next"], { next: formatInstant(new Date(upcoming)) }) : messages["checkin.nextNone"],
    ...(checkins % REVISE_WILL_EVERY === 0 ? [fill(messages["checkin.reviseWill"], { count: String(checkins) })] : []),
  ].join("\n");
  const closing: Reply = { type: "text", text: closingText, choices: followUpChoices(next, reflection.actionStatus, checkins) };
  const effects: Effect[] = [
    { type: "recordEntry", entry },
    { type: "showInsights", lookBack: true },
  ];
  return next.paused ? endSideFlow(next, now, [closing], effects) : respond({ ...next, step: { type: "resting" } }, [closing], effects);
}

function followUpChoices(state: UserState, status: ActionStatus | null, checkins: number): Choice[] {
  const action: Choice[] =
    status === "done"
      ? [answerLabel("next.newAction", "cnext", "newAction")]
      : status === "partly" || status === "notYet"
        ? [
            answerLabel("next.changeDate", "cnext", "changeDate"),
            ...(status === "notYet" ? [answerLabel("next.smaller", "cnext", "smaller")] : []),
            answerLabel("next.changeAction", "cnext", "newAction"),
          ]
        : state.profile.action === null
          ? [answerLabel("next.newAction", "cnext", "newAction")]
          : [];
  const will = checkins % REVISE_WILL_EVERY === 0 ? [answerLabel("next.reviseWill", "cnext", "reviseWill")] : [];
  return [...action, ...will, commandChoice("sheet"), answerLabel("next.ok", "cnext", "ok")];
}

/**
 * The insights chart for the user's entries: the last {@link INSIGHT_WEEKS} weeks, from the
 * week of the first entry on (weeks before the person started are not drawn); nothing without
 * entries.
 */
export function insightsReplies(entries: readonly NewEntry[], now: Date): Reply[] {
  const weeks = seriesSinceStart(entries, now, INSIGHT_WEEKS);
  if (weeks.length === 0) return [];
  const label = (weekStart: string) => {
    const { month, day } = dateParts(weekStart);
    return fill(messages["insights.weekLabel"], { month: String(month), day: String(day) });
  };
  const words = recurringWords(
    entries.flatMap((entry) => (entry.kind === "thanks" ? [entry.text] : [])),
    3,
  ).map((w) => w.word);
  const streak = reflectionStreak(entries, now);
  const chart: Chart = {
    altText: messages["insights.altText"],
    title: messages["insights.title"],
    sections: [
      {
        heading: messages["insights.thanks"],
        bars: weeks.map((w) => ({
          label: label(w.weekStart),
          value: w.thanks,
          max: Math.max(3, ...weeks.map((x) => x.thanks)),
          caption: String(w.thanks),
        })),
      },
      {
        heading: messages["insights.score"],
        bars: weeks.map((w) => ({
          label: label(w.weekStart),
          value: w.score ?? 0,
          max: 5,
          caption: w.score === null ? "－" : String(w.score),
        })),
      },
    ],
    notes: [
      ...(words.length > 0 ? [fill(messages["insights.words"], { words: words.join("、") })] : []),
      ...(streak >= 2 ? [fill(messages["insights.streak"], { weeks: String(streak) })] : []),
    ],
  };
  return [{ type: "chart", chart }];
}
