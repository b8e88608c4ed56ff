/**
 * Runs a persona's whole first session through the real event handler, answering whatever
 * the bot asks as that person would (test/corpus/personas.ts): typing their words, tapping a
 * quick reply only where a person would (consent, a suggested action, 決定). Used by the
 * conversation corpus test and the persona golden transcripts.
 */
import { restoreState, type UserState } from "../../src/dialogue";
import type { Persona } from "../corpus/personas";
import { startFirstSession, type Transcript } from "./transcript";

/** Turns at most in one session, so that a dialogue that loops fails instead of hanging. */
const MAX_TURNS = 60;

/** The dialogue state the bot has stored for the transcript's user. */
export function storedState(t: Transcript): UserState {
  return restoreState(t.store.documents.get(t.userId)?.state).state;
}

/** What a persona's first session took, from いまはじめる to the summary. */
export interface SessionCount {
  /** Questions answered (a question answered in several messages counts once). */
  readonly answers: number;
  /** Characters the persona typed. */
  readonly typed: number;
  /** Quick replies the persona tapped. */
  readonly taps: number;
  /** Characters of every text the bot sent in the session. */
  readonly read: number;
}

/**
 * Follows, consents and answers every question of the first session as `persona`; resolves,
 * with what the session took ({@link SessionCount}), when the summary has been shown.
 * Throws, naming the step, if the bot keeps asking.
 */
export async function runPersona(t: Transcript, persona: Persona): Promise<SessionCount> {
  await startFirstSession(t);
  const before = botTexts(t).join("").length;
  let typed = 0;
  let taps = 0;
  const u = {
    say: (text: string) => {
      typed += [...text].length;
      return t.say(text);
    },
    tap: (label: string) => {
      taps += 1;
      return t.tap(label);
    },
  };
  let moment = 0;
  let dueTyped = false;
  let reminderTyped = false;
  let toldNone = false;
  let valuesTyped = false;
  let rewritten = false;
  for (let turn = 0; turn < MAX_TURNS; turn++) {
    const state = storedState(t);
    if (state.profile.completedFirstSession) return { answers: turn, typed, taps, read: botTexts(t).join("").length - before };
    const step = state.step;
    switch (step.type) {
      case "awaitingWorkScore":
        await u.say(persona.workScore);
        break;
      case "awaitingMoyamoya":
        await u.say(persona.moyamoya);
        break;
      case "awaitingThanksMoment":
        if (persona.firstThanksAnswer !== undefined && !toldNone) {
          toldNone = true;
          await u.say(persona.firstThanksAnswer);
        } else {
          await u.say(persona.moments[moment].text);
        }
        break;
      case "awaitingThanksAlternative":
        await u.tap("ずっと前のこと");
        break;
      case "awaitingThanksFeeling":
        await u.say(persona.moments[moment].feeling);
        break;
      case "awaitingThanksDeed":
        // Asked again what they did: the deed they told was the thanker's words.
        if (step.told !== undefined) await u.say(persona.moments[moment - 1].deedAgain ?? "わからないです");
        else {
          await u.say(persona.moments[moment].deed);
          moment += 1;
        }
        break;
      case "awaitingMoreMoments":
        await u.say(moment < persona.moments.length ? "はい、あります" : "もうないです");
        break;
      case "awaitingValues":
        if (persona.values !== undefined && !valuesTyped) {
          valuesTyped = true;
          for (const value of persona.values.split(/[、,・]\s*(?=[^伝])/u)) await u.say(value);
        } else if (state.draft && state.draft.values.length + state.draft.ownValues.length > 0) {
          await u.say("決定です");
        } else {
          await u.tap(t.choices()[0]);
        }
        break;
      case "awaitingWillWho":
        await u.say(persona.willWho);
        break;
      case "awaitingWillWhat":
        await u.say(persona.willWhat);
        break;
      case "awaitingWillReview":
        await u.say(persona.willReview);
        break;
      case "awaitingWillRewrite":
        if (persona.rewrite !== undefined && !rewritten) {
          rewritten = true;
          await u.say(persona.rewrite);
        } else await u.tap("あとで");
        break;
      case "awaitingAction":
        if (persona.action === "suggestion") await u.tap(t.choices()[0]);
        else await u.say(persona.action);
        break;
      case "awaitingOwnAction":
        // Asked 「いつ・どこで？」 about the step they typed: not decided yet.
        await u.say("まだ決めていないです");
        break;
      case "awaitingActionDue":
        // A due the bot cannot place in the calendar (「次の日勤」) gets its hint; then the person taps 今月中.
        if (dueTyped) await u.tap(t.choices().find((label) => label.includes("今月")) ?? t.choices()[0]);
        else await u.say(persona.due);
        dueTyped = true;
        break;
      case "awaitingReminder":
        if (step.hour !== undefined) await u.say("夜です");
        // Days typed without an hour (「木曜の朝」): the bot offers hours, and the person taps the first.
        else if (step.days !== undefined) await u.tap(t.choices()[0]);
        // A wish the calendar cannot place (「打ち合わせの前の日の夜」) gets its hint; then the person taps a preset.
        else if (reminderTyped) await u.tap(t.choices()[0]);
        else await u.say(persona.reminder);
        reminderTyped = true;
        break;
      case "awaitingReminderDays":
        await u.say("毎日");
        break;
      case "awaitingFollowUpOffer":
        await u.say(persona.followUp ?? "お願いします");
        break;
      default:
        throw new Error(`${persona.name}: the first session stopped at ${step.type}, which a persona does not answer.`);
    }
  }
  throw new Error(`${persona.name}: the first session did not end within ${MAX_TURNS} turns (at ${storedState(t).step.type}).`);
}

/** Every text the bot sent to the user (bubbles, card titles, headings and lines), in order. */
export function botTexts(t: Transcript): string[] {
  return t.gateway.calls
    .filter((call) => call.kind === "reply" || call.target === t.userId)
    .flatMap((call) => call.messages.flatMap(textsOf));
}

function textsOf(node: unknown): string[] {
  if (typeof node !== "object" || node === null) return [];
  const record = node as Record<string, unknown>;
  const own = record.type === "text" && typeof record.text === "string" ? [record.text] : [];
  const children = ["contents", "header", "body", "footer"].flatMap((key) => {
    const value = record[key];
    return Array.isArray(value) ? value.flatMap(textsOf) : textsOf(value);
  });
  return [...own, ...children];
}
