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

/**
 * Follows, consents and answers every question of the first session as `persona`; resolves
 * when the summary has been shown. Throws, naming the step, if the bot keeps asking.
 */
export async function runPersona(t: Transcript, persona: Persona): Promise<void> {
  await startFirstSession(t);
  let moment = 0;
  let toldNone = false;
  let valuesTyped = false;
  let rewritten = false;
  for (let turn = 0; turn < MAX_TURNS; turn++) {
    const state = storedState(t);
    if (state.profile.completedFirstSession) return;
    const step = state.step;
    switch (step.type) {
      case "awaitingWorkScore":
        await t.say(persona.workScore);
        break;
      case "awaitingMoyamoya":
        await t.say(persona.moyamoya);
        break;
      case "awaitingThanksMoment":
        if (persona.firstThanksAnswer !== undefined && !toldNone) {
          toldNone = true;
          await t.say(persona.firstThanksAnswer);
        } else {
          await t.say(persona.moments[moment].text);
        }
        break;
      case "awaitingThanksAlternative":
        await t.tap("ずっと前のこと");
        break;
      case "awaitingThanksFeeling":
        await t.say(persona.moments[moment].feeling);
        break;
      case "awaitingThanksDeed":
        // Asked again what they did: the deed they told was the thanker's words.
        if (step.told !== undefined) await t.say(persona.moments[moment - 1].deedAgain ?? "わからないです");
        else {
          await t.say(persona.moments[moment].deed);
          moment += 1;
        }
        break;
      case "awaitingMoreMoments":
        await t.say(moment < persona.moments.length ? "はい、あります" : "もうないです");
        break;
      case "awaitingValues":
        if (persona.values !== undefined && !valuesTyped) {
          valuesTyped = true;
          for (const value of persona.values.split(/[、,・]\s*(?=[^伝])/u)) await t.say(value);
        } else if (state.draft && state.draft.values.length + state.draft.ownValues.length > 0) {
          await t.say("決定です");
        } else {
          await t.tap(t.choices()[0]);
        }
        break;
      case "awaitingWillWho":
        await t.say(persona.willWho);
        break;
      case "awaitingWillWhat":
        await t.say(persona.willWhat);
        break;
      case "awaitingWillReview":
        await t.say(persona.willReview);
        break;
      case "awaitingWillRewrite":
        if (persona.rewrite !== undefined && !rewritten) {
          rewritten = true;
          await t.say(persona.rewrite);
        } else await t.tap("あとで");
        break;
      case "awaitingAction":
        if (persona.action === "suggestion") await t.tap(t.choices()[0]);
        else await t.say(persona.action);
        break;
      case "awaitingActionDue":
        await t.say(persona.due);
        break;
      case "awaitingReminder":
        if (step.hour !== undefined) await t.say("夜です");
        else await t.say(persona.reminder);
        break;
      case "awaitingReminderDays":
        await t.say("毎日");
        break;
      case "awaitingFollowUpOffer":
        await t.say(persona.followUp ?? "お願いします");
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
