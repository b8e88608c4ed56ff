/**
 * The verbs of harm as expressions for the safety detector (PRODUCT.md §3.6): each form of a verb
 * (連用形, て form, 終止形, conditional …) joined with the endings that make it a wish, plan or act.
 * Pure; the verbs and endings are in `../content/safety-concepts.ts`.
 */
import { aloneAfter, aloneBefore, harmVerbs, wishEndings, type HarmVerb } from "../content/safety-concepts";

/** One alternation of regular-expression sources. */
export function anyOf(sources: readonly string[]): string {
  return sources.map((source) => `(?:${source})`).join("|");
}

/** Every form of one verb of harm joined with the endings that make it a wish, plan or act. */
export function verbSource(verb: HarmVerb): string {
  const forms = FORMS.flatMap(([form, ending]) => {
    const stem = verb[form];
    return stem === undefined ? [] : [`(?:${stem})${wishEndings[ending]}`];
  });
  return verb.prefix === undefined ? anyOf(forms) : `(?:${verb.prefix})(?:${anyOf(forms)})`;
}

/** The forms of a verb of harm, each with the endings that make it a wish, plan or act. */
const FORMS = [
  ["masu", "masu"],
  ["te", "te"],
  ["contracted", "contracted"],
  ["plain", "plain"],
  ["conditional", "relief"],
  ["past", "better"],
  ["volitional", "volitional"],
] as const satisfies readonly (readonly [keyof HarmVerb, keyof typeof wishEndings])[];

/**
 * One expression per form for all the verbs of harm (every verb's stem of that form, then the
 * form's endings once), so that the long lists of endings are compiled seven times, not once per
 * verb and form.
 */
export function formSources(): string[] {
  return FORMS.map(([form, ending]) => {
    const stems = harmVerbs.flatMap((verb) => {
      const stem = verb[form];
      if (stem === undefined) return [];
      return [verb.prefix === undefined ? stem : `(?:${verb.prefix})(?:${stem})`];
    });
    return `(?:${anyOf(stems)})${wishEndings[ending]}`;
  });
}

/**
 * The verbs of harm in their 終止形 as a whole sentence (「飛び降りる」「首吊る」): a
 * statement of what the writer is about to do, with nothing after it to make it a wish or a plan.
 */
export function aloneSource(): string {
  const stems = harmVerbs.flatMap((verb) =>
    verb.plain === undefined || verb.hyperboleAlone === true
      ? []
      : [verb.prefix === undefined ? verb.plain : `(?:${verb.prefix})(?:${verb.plain})`],
  );
  return `(?:^|[|])${aloneBefore}?(?:${anyOf(stems)})${aloneAfter}?(?=$|[|])`;
}

/**
 * The verbs of harm that are everyday hyperbole alone as a sentence (「死ぬ」「消える」), read as acute
 * only when they are the whole message: with nothing around them there is no joke to read them by.
 */
export function aloneMessageSource(): string {
  const stems = harmVerbs.flatMap((verb) => (verb.plain !== undefined && verb.hyperboleAlone === true ? [verb.plain] : []));
  return `^${aloneBefore}?(?:${anyOf(stems)})${aloneAfter}?$`;
}
