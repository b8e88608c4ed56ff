/**
 * The acute concepts of the safety detector (PRODUCT.md §3.6) as expressions: built on first use
 * (loading the module pays nothing) and compiled to machine code before the first read, at once
 * or a step at a time (`./machine-code.ts`). Pure; the vocabulary is in
 * `../content/safety-concepts.ts`, the reading in `./safety.ts`.
 */
import { harmVerbs, meansAndPreparation, passiveIdeation } from "../content/safety-concepts";
import { compileFolded } from "./fold";
import { compileToMachineCode } from "./machine-code";
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
  /** The same verbs one expression each, for a long message: V8 scans thousands of characters faster so. */
  readonly harmVerbsForLong: () => readonly RegExp[];
  readonly meansInContext: readonly MeansInContext[];
  /** The expressions a long message is read with: the concepts, the verbs one expression each. */
  readonly longExpressions: () => readonly RegExp[];
  /**
   * For a long message, the concepts that can match it at all, given which of
   * {@link longExpressions} may (`open`, theirs from `from` on; `./required-text-index.ts`): the
   * others hold none of the words their every match needs, so running them would find nothing.
   */
  readonly possibleInLong: (open: Uint8Array, from: number) => Pick<AcuteConcepts, "acute" | "harmVerbs" | "meansInContext">;
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
function builtConcepts(): AcuteConcepts {
  if (acuteConcepts !== undefined) return acuteConcepts;
  const plain = [
    ...passiveIdeation,
    ...meansAndPreparation
      .filter((means) => means.unlessNear === undefined && means.onlyNear === undefined && means.unlessAnywhere === undefined)
      .map((means) => means.pattern),
  ];
  const bareEach = harmVerbs.flatMap((verb) => (verb.bare === undefined ? [] : [verb.bare]));
  const verbs = [...formSources(), aloneSource(), aloneMessageSource(), ...inGroups(bareEach)];
  let verbsForLong: readonly RegExp[] | undefined;
  const inContext = meansAndPreparation.filter(
    (means) => means.unlessNear !== undefined || means.onlyNear !== undefined || means.unlessAnywhere !== undefined,
  );
  const harmVerbsForLong = () =>
    (verbsForLong ??= compileToMachineCode(
      [...harmVerbs.map(verbSource), aloneSource(), ...bareEach].map((source) => compileFolded(source, "g")),
    ));
  const built: Omit<AcuteConcepts, "longExpressions" | "possibleInLong"> = {
    acute: inGroups(plain).map((source) => compileFolded(source, "g")),
    harmVerbs: verbs.map((source) => compileFolded(source, "g")),
    harmVerbsForLong,
    meansInContext: inContext.map((means) => ({
      pattern: compileFolded(means.pattern, "g"),
      unlessNear: means.unlessNear === undefined ? NOTHING : compileFolded(means.unlessNear),
      onlyNear: means.onlyNear === undefined ? EVERYTHING : compileFolded(means.onlyNear),
      unlessAnywhere: means.unlessAnywhere === undefined ? NOTHING : compileFolded(means.unlessAnywhere),
    })),
  };
  const { acute, meansInContext } = built;
  const longExpressions = () => [...acute, ...harmVerbsForLong(), ...meansInContext.map(({ pattern }) => pattern)];
  const possibleInLong = (open: Uint8Array, from: number) => {
    const verbsFrom = from + acute.length;
    const verbs = harmVerbsForLong();
    const meansFrom = verbsFrom + verbs.length;
    return {
      acute: acute.filter((_, at) => open[from + at] === 1),
      harmVerbs: verbs.filter((_, at) => open[verbsFrom + at] === 1),
      meansInContext: meansInContext.filter((_, at) => open[meansFrom + at] === 1),
    };
  };
  acuteConcepts = { ...built, longExpressions, possibleInLong };
  return acuteConcepts;
}

/** The expressions every message is read with (`alsoRead`, the detector's own, besides): compiled to machine code before the first read. */
function everyMessageExpressions(built: AcuteConcepts, alsoRead: readonly RegExp[]): RegExp[] {
  return [...built.acute, ...built.harmVerbs, ...built.meansInContext.map(({ pattern }) => pattern), ...alsoRead];
}

/** Whether the expressions have been compiled to machine code (`./machine-code.ts`). */
let machineCode = false;

/** The acute concepts, built and compiled to machine code (with `alsoRead`) at once on first use. */
export function concepts(alsoRead: readonly RegExp[]): AcuteConcepts {
  const built = builtConcepts();
  if (!machineCode) {
    compileToMachineCode(everyMessageExpressions(built, alsoRead));
    machineCode = true;
  }
  return built;
}

/** How many expressions one step of {@link prepareConceptsStep} compiles: a few milliseconds' work. */
const EXPRESSIONS_A_STEP = 6;

/** How many of the expressions have been compiled to machine code by steps. */
let compiledUpTo = 0;

/**
 * Does the next few milliseconds of building and compiling the concepts (with `alsoRead`), and
 * says whether any is left.
 */
export function prepareConceptsStep(alsoRead: readonly RegExp[]): boolean {
  if (acuteConcepts === undefined) {
    builtConcepts();
    return true;
  }
  if (machineCode) return false;
  const expressions = everyMessageExpressions(acuteConcepts, alsoRead);
  compileToMachineCode(expressions.slice(compiledUpTo, compiledUpTo + EXPRESSIONS_A_STEP));
  compiledUpTo += EXPRESSIONS_A_STEP;
  machineCode = compiledUpTo >= expressions.length;
  return true;
}
