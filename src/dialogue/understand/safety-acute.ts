/**
 * The acute concepts of the safety detector (PRODUCT.md §3.6) as expressions: built on first use
 * (loading the module pays nothing) or a step at a time, and each compiled to machine code the
 * first time a message may match it (`./machine-code.ts`). Pure; the vocabulary is in
 * `../content/safety-concepts.ts`, the reading in `./safety.ts`.
 */
import { harmVerbs, meansAndPreparation, passiveIdeation } from "../content/safety-concepts";
import { compileFolded } from "./fold";
import { compiledOnFirstUse } from "./machine-code";
import { aloneMessageSource, aloneSource, anyOf, formSources, verbSource } from "./safety-verbs";

const NOTHING = /(?!)/;
const EVERYTHING = /(?:)/;

/**
 * The acute concepts as expressions: a few per expression, never all in one, which V8 scans far
 * more slowly (0.58 against 0.13 ms for the verbs over 5,000 characters; 178 against 14 µs for a
 * short answer, measured).
 */
export interface AcuteConcepts {
  readonly acute: readonly RegExp[];
  /** The verbs of harm, acute when their subject is the writer or left out (「父が死んだら」 is not). */
  readonly harmVerbs: readonly RegExp[];
  readonly meansInContext: readonly MeansInContext[];
  /** Every expression a message is read with, short or long, in the order {@link AcuteConcepts.possible} reads flags. */
  readonly indexed: readonly RegExp[];
  /**
   * The concepts that can match a message at all, given which of {@link indexed} may (`open`,
   * theirs from `from` on; `./required-text-index.ts`): the others hold none of the words their
   * every match needs, so running them would find nothing. Those of a long message read the verbs
   * one expression each. Each is compiled to machine code the first time it is given.
   */
  readonly possible: (open: Uint8Array, from: number, long: boolean) => Pick<AcuteConcepts, "acute" | "harmVerbs" | "meansInContext">;
}

/** A word of means read only in its context. */
export interface MeansInContext {
  readonly pattern: RegExp;
  readonly unlessNear: RegExp;
  readonly onlyNear: RegExp;
  readonly unlessAnywhere: RegExp;
}

let acuteConcepts: AcuteConcepts | undefined;

/** Longer than this (folded), a message is read with the verbs one expression each. */
export const SHORT_MESSAGE = 400;

/**
 * How many of the short concepts (passive ideation, means) share one expression: fewer
 * expressions compile faster on an instance's first message and scan a short answer faster, and
 * groups this small still scan a long message as fast as one expression each (measured: 12 against
 * 38 ms to compile, 4 against 26 µs for a short answer, 0.27 against 0.33 ms for 5,000 characters).
 */
const GROUP_SIZE = 10;

function inGroups(sources: readonly string[]): string[] {
  const groups: string[] = [];
  for (let at = 0; at < sources.length; at += GROUP_SIZE) groups.push(anyOf(sources.slice(at, at + GROUP_SIZE)));
  return groups;
}

/** The acute concepts as expressions, built on first use (loading the module pays nothing). */
export function concepts(): AcuteConcepts {
  if (acuteConcepts !== undefined) return acuteConcepts;
  const plain = [
    ...passiveIdeation,
    ...meansAndPreparation
      .filter((means) => means.unlessNear === undefined && means.onlyNear === undefined && means.unlessAnywhere === undefined)
      .map((means) => means.pattern),
  ];
  const bareEach = harmVerbs.flatMap((verb) => (verb.bare === undefined ? [] : [verb.bare]));
  const verbs = [...formSources(), aloneSource(), aloneMessageSource(), ...inGroups(bareEach)];
  const inContext = meansAndPreparation.filter(
    (means) => means.unlessNear !== undefined || means.onlyNear !== undefined || means.unlessAnywhere !== undefined,
  );
  const acute = inGroups(plain).map((source) => compileFolded(source, "g"));
  const shortVerbs = verbs.map((source) => compileFolded(source, "g"));
  // The same verbs one expression each, for a long message: V8 scans thousands of characters faster so.
  const longVerbs = [...harmVerbs.map(verbSource), aloneSource(), ...bareEach].map((source) => compileFolded(source, "g"));
  const meansInContext = inContext.map((means) => ({
    pattern: compileFolded(means.pattern, "g"),
    unlessNear: means.unlessNear === undefined ? NOTHING : compileFolded(means.unlessNear),
    onlyNear: means.onlyNear === undefined ? EVERYTHING : compileFolded(means.onlyNear),
    unlessAnywhere: means.unlessAnywhere === undefined ? NOTHING : compileFolded(means.unlessAnywhere),
  }));
  const indexed = [...acute, ...shortVerbs, ...longVerbs, ...meansInContext.map(({ pattern }) => pattern)];
  const possible = (open: Uint8Array, from: number, long: boolean) => {
    const opened = (at: number) => open[from + at] === 1;
    const shortFrom = acute.length;
    const verbsFrom = long ? shortFrom + shortVerbs.length : shortFrom;
    const meansFrom = shortFrom + shortVerbs.length + longVerbs.length;
    const means = meansInContext.filter((_, at) => opened(meansFrom + at));
    compiledOnFirstUse(means.map(({ pattern }) => pattern));
    return {
      acute: compiledOnFirstUse(acute.filter((_, at) => opened(at))),
      harmVerbs: compiledOnFirstUse((long ? longVerbs : shortVerbs).filter((_, at) => opened(verbsFrom + at))),
      meansInContext: means,
    };
  };
  acuteConcepts = { acute, harmVerbs: shortVerbs, meansInContext, indexed, possible };
  return acuteConcepts;
}
