/**
 * The question of the values step (PRODUCT.md §3.2 step 3): the values the user's own words
 * suggest come first, marked, with those words; ticked values can be tapped again to untick;
 * 決定 is always near the front once one is ticked, and alone with the ticked ones at three.
 */
import { fill, formats, labels, values } from "./content";
import { answer, answerLabel, say } from "./say";
import type { Choice, Reply } from "./reply";
import { VALUE_IDS, type ValueId, type UserState } from "./state";

/** How many values a user can pick, listed and their own together. */
export const MAX_VALUES = 3;

/** The longest value a user can name as their own (characters; a button label holds 20 with its mark). */
export const OWN_VALUE_MAX = 15;

/**
 * A cue word that reads as a word when quoted back: kanji and katakana only (「後輩」「チーム」),
 * not a verb stem such as 「教え」 or 「困って」.
 */
const QUOTABLE_WORD = /^[\p{Script=Han}\p{Script=Katakana}\u30fc]+$/u;

/** A value suggested by the user's words, with the words that suggested it. */
export interface SuggestedValue {
  id: ValueId;
  words: string[];
}

/** The values whose cue words appear in `texts` (moments and deeds, never feelings), most cues first, at most three. */
export function suggestValues(texts: readonly string[]): SuggestedValue[] {
  const joined = texts.join("\n");
  return VALUE_IDS.map((id) => ({ id, words: values[id].cues.filter((cue) => joined.includes(cue)) }))
    .filter((entry) => entry.words.length > 0)
    .sort((a, b) => b.words.length - a.words.length)
    .slice(0, 3);
}

/** The listed values being chosen: the draft's during the first session, else the profile's. */
export function chosenValues(state: UserState): ValueId[] {
  return state.draft?.values ?? state.profile.values;
}

/** The user's own values being chosen, as {@link chosenValues}. */
export function chosenOwnValues(state: UserState): string[] {
  return state.draft?.ownValues ?? state.profile.ownValues;
}

/** The question of the values step with its buttons. */
export function valuesPrompt(state: UserState): Reply[] {
  const picked = chosenValues(state);
  const own = chosenOwnValues(state);
  const moments = state.draft?.moments ?? [];
  const suggested = suggestValues(moments.flatMap((m) => [m.text, m.deed ?? ""]));
  const choices = valueChoices(
    picked,
    own,
    suggested.map((s) => s.id),
  );
  const count = picked.length + own.length;
  if (count > 0) {
    const names = joinNames([...picked.map((id) => values[id].label), ...own]);
    return [say(count >= MAX_VALUES ? "session.values.pickedFull" : "session.values.picked", { values: names }, choices)];
  }
  if (suggested.length > 0) {
    const words = [...new Set(suggested.flatMap((s) => s.words))].filter((word) => QUOTABLE_WORD.test(word)).slice(0, 4);
    const names = joinNames(suggested.map((s) => values[s.id].label));
    const suggestion =
      words.length > 0
        ? say("session.values.suggest", { words: joinNames(words), values: names }, choices)
        : say("session.values.suggestNoWords", { values: names }, choices);
    return [say("session.values.ask"), suggestion];
  }
  return [say(moments.length > 0 ? "session.values.ask" : "session.values.askNoMoments", {}, choices)];
}

/**
 * The buttons: with nothing ticked, the suggested values (★) first and 決定 last; with some
 * ticked, the ticked ones (✓, tap again to untick), then 決定, then the rest; with three
 * ticked, only 決定 and the ticked ones.
 */
function valueChoices(picked: readonly ValueId[], own: readonly string[], suggested: readonly ValueId[]): Choice[] {
  const done = answerLabel("values.done", "val", "done");
  const ticked = [
    ...picked.map((id) => answer(fill(labels["values.ticked"], { value: values[id].label }), "val", id)),
    ...own.map((value, index) => answer(fill(labels["values.ticked"], { value }), "val", `own${index}`)),
  ];
  if (picked.length + own.length >= MAX_VALUES) return [done, ...ticked];
  const open = VALUE_IDS.filter((id) => !picked.includes(id));
  const marked = [...open.filter((id) => suggested.includes(id)), ...open.filter((id) => !suggested.includes(id))].map((id) =>
    answer(suggested.includes(id) ? fill(labels["values.suggested"], { value: values[id].label }) : values[id].label, "val", id),
  );
  return ticked.length > 0 ? [...ticked, done, ...marked] : [...marked, done];
}

/** Value names as they are listed inside 「」 in a message. */
export function joinNames(names: readonly string[]): string {
  return names.join(formats.valueSeparator);
}
