/**
 * Reading a small step: which suggestions fit the WILL's who and what, whether a typed step says
 * when or where, and the typed step with its when and where joined on. Word lists live in
 * `../content/steps`.
 */
import {
  concreteStepCues,
  defaultStepSuggestions,
  fill,
  formats,
  valueStepSuggestions,
  willStepThemes,
  type StepSuggestion,
} from "../content";
import { ellipsis } from "../content/endings";
import { dropTrailingMarks } from "./endings";
import type { ValueId } from "../state";

/** How many steps are offered at once. */
export const STEP_OPTIONS = 3;

/** What the suggestions are drawn from: the WILL's who and what, and the chosen values. */
export interface StepSources {
  readonly who: string | null;
  readonly what: string | null;
  readonly values: readonly ValueId[];
}

/**
 * The steps to offer, without repeats: those of the WILL's who first, then of its what, then of
 * the values, then the method's own examples; at most {@link STEP_OPTIONS}.
 */
export function stepSuggestions(sources: StepSources): StepSuggestion[] {
  const themed = (text: string | null) =>
    text === null ? [] : willStepThemes.filter((theme) => theme.cues.some((cue) => text.includes(cue))).flatMap((theme) => theme.steps);
  const pool = [
    ...themed(sources.who),
    ...themed(sources.what),
    ...sources.values.flatMap((id) => valueStepSuggestions[id]),
    ...defaultStepSuggestions,
  ];
  const seen = new Set<string>();
  return pool.filter((suggestion) => !seen.has(suggestion.step) && seen.add(suggestion.step)).slice(0, STEP_OPTIONS);
}

/** Whether a typed step says when or where it happens (「土曜の午前に」「オンラインで」). */
export function saysWhenOrWhere(step: string): boolean {
  const folded = step.normalize("NFKC").toLowerCase();
  return /\d/.test(folded) || concreteStepCues.some((cue) => folded.includes(cue.normalize("NFKC").toLowerCase()));
}

/**
 * A typed step with the when and where the user added: 「土曜の午前に公民館で、地域のボランティアに参加する」,
 * at most `max` characters (the added words are cut short, with an ellipsis, to fit).
 */
export function withWhenAndWhere(step: string, detail: string, max: number): string {
  const base = [...dropTrailingMarks(step.trim())];
  const added = [...dropTrailingMarks(detail.trim())];
  const frame = [...fill(formats.stepWithDetail, { step: "", detail: "" })].length;
  if (added.length === 0 || base.length + frame + 1 > max) return base.slice(0, max).join("");
  const room = max - base.length - frame;
  const shown = added.length <= room ? added.join("") : `${added.slice(0, room - 1).join("")}${ellipsis}`;
  return fill(formats.stepWithDetail, { step: base.join(""), detail: shown });
}
