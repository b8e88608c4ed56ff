/**
 * Answers to the values step: tapped or typed values are ticked and unticked (at most
 * {@link MAX_VALUES}), a value the user names that is not on the list (誠実さ) is kept as
 * their own, and 決定 moves on.
 */
import { stepWords, values } from "./content";
import { normalizeForMatch } from "./commands";
import { endSideFlow, goTo, respond, type Transition } from "./flow";
import { say } from "./say";
import { VALUE_IDS, emptyDraft, type ValueId, type UserState } from "./state";
import { answerMeaning, foldAnswer, isAnswerWord } from "./understand/answers";
import { chosenOwnValues, chosenValues, joinNames, MAX_VALUES, OWN_VALUE_MAX, valuesPrompt } from "./values-prompt";

/** Answers the values step, typed or tapped; null when a tap does not fit it. */
export function answerValues(state: UserState, button: string | null, text: string | null, now: Date): Transition | null {
  const picked = chosenValues(state);
  const own = chosenOwnValues(state);
  const update = (next: { values?: ValueId[]; ownValues?: string[] }): UserState =>
    state.draft ? { ...state, draft: { ...(state.draft ?? emptyDraft()), ...next } } : { ...state, profile: { ...state.profile, ...next } };
  const value = button ?? typedValue(text);
  if (value === "done") {
    if (picked.length + own.length === 0) return again(state, "session.values.none");
    const decided = say("session.values.decided", { values: joinNames([...picked.map((id) => values[id].label), ...own]) });
    return state.draft ? goTo(state, { type: "awaitingWillWho" }, now, [decided]) : endSideFlow(state, now, [decided]);
  }
  const ownIndex = value !== null ? /^own(\d)$/.exec(value) : null;
  if (ownIndex) {
    const index = Number(ownIndex[1]);
    return index < own.length ? goTo(update({ ownValues: own.filter((_, i) => i !== index) }), state.step, now) : null;
  }
  if (value !== null && isValueId(value)) {
    if (picked.includes(value)) return goTo(update({ values: picked.filter((id) => id !== value) }), state.step, now);
    if (picked.length + own.length >= MAX_VALUES) return again(state, "session.values.full");
    return goTo(update({ values: [...picked, value] }), state.step, now);
  }
  if (button !== null || text === null) return null;
  if (answerMeaning(text, ["none"]) !== null) return again(state, "session.values.none");
  const named = ownValueOf(text);
  if (named === null) return again(state, "session.values.unknown");
  if (own.includes(named)) return goTo(state, state.step, now);
  if (picked.length + own.length >= MAX_VALUES) return again(state, "session.values.full");
  return goTo(update({ ownValues: [...own, named] }), state.step, now, [say("session.values.ownAdded", { value: named })]);
}

/** A typed answer as a button value: 決定, or a listed value's label; null otherwise. */
function typedValue(text: string | null): string | null {
  if (text === null) return null;
  if (isAnswerWord(text, stepWords.valuesDone)) return "done";
  // 「人の役に立つです」「人の役に立つこと」 name the listed value too; a long text names none.
  if (text.length > OWN_VALUE_MAX * 4) return null;
  const key = normalizeForMatch(foldAnswer(text));
  return (
    VALUE_IDS.find((id) =>
      [normalizeForMatch(values[id].label), normalizeForMatch(`${values[id].label}${stepWords.valueNounSuffix}`)].includes(key),
    ) ?? null
  );
}

/** A short phrase the user names as a value of their own, without quotes and closing marks; null when it is a sentence. */
function ownValueOf(text: string): string | null {
  const value = text
    .trim()
    .replace(/^[「『"]+|[」』"。．.!！?？]+$/gu, "")
    .trim();
  const chars = [...value];
  const plausible = !/\p{Cs}/u.test(value) && /\p{L}/u.test(value) && !/[\s。、,，]/u.test(value);
  return plausible && chars.length <= OWN_VALUE_MAX ? value : null;
}

function again(state: UserState, id: "session.values.none" | "session.values.full" | "session.values.unknown"): Transition {
  return respond(state, [say(id), ...valuesPrompt(state)]);
}

function isValueId(value: string): value is ValueId {
  return (VALUE_IDS as readonly string[]).includes(value);
}
