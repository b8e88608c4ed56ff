/**
 * The question of the values step (PRODUCT.md §3.2 step 3): the values the user's own words
 * suggest come first, marked, with those words; ticked values can be tapped again to untick;
 * 決定 is always near the front once one is ticked, and alone with the ticked ones at three.
 */
import { fill, formats, labels, values, type ValueCue } from "./content";
import { answer, answerLabel, say } from "./say";
import type { Choice, Reply } from "./reply";
import { VALUE_IDS, type ValueId, type UserState } from "./state";

/** How many values a user can pick, listed and their own together. */
export const MAX_VALUES = 3;

/** How many of the words behind one suggested value are named. */
const MAX_CUES_NAMED = 3;

/** The longest value a user can name as their own (characters; a button label holds 20 with its mark). */
export const OWN_VALUE_MAX = 15;

/** A value suggested by the user's words, with the words (whole words, as named back) that suggested it. */
export interface SuggestedValue {
  id: ValueId;
  words: string[];
}

/**
 * The values whose cues appear in `texts` (moments and deeds, never feelings), most cues
 * first, at most three; each names the words that suggested it, whole words (手伝う, never 手伝).
 */
export function suggestValues(texts: readonly string[]): SuggestedValue[] {
  const joined = texts.join("\n");
  return VALUE_IDS.map((id) => ({ id, words: values[id].cues.filter((cue) => appears(cue, joined)).map((cue) => cue.word) }))
    .filter((entry) => entry.words.length > 0)
    .sort((a, b) => b.words.length - a.words.length)
    .slice(0, 3);
}

/**
 * Whether one of the forms of `cue` appears in `text`; a verb's form only where no kanji runs
 * into it from before (直し in 見直し is another word, 見直す).
 */
function appears(cue: ValueCue, text: string): boolean {
  if (cue.forms === undefined) return text.includes(cue.word);
  return cue.forms.some((form) => {
    for (let at = text.indexOf(form); at >= 0; at = text.indexOf(form, at + 1)) {
      if (!KANJI.test([...text.slice(0, at)].at(-1) ?? "")) return true;
    }
    return false;
  });
}

const KANJI = /\p{Script=Han}/u;

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
    const lines = suggested.map((s) =>
      fill(formats.valueCue, { value: values[s.id].label, words: joinNames(s.words.slice(0, MAX_CUES_NAMED)) }),
    );
    return [say("session.values.ask"), say("session.values.suggest", { lines: lines.join("\n") }, choices)];
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
