/**
 * Training the safety detector's learned net (src/dialogue/understand/safety-model.ts) on the
 * development corpora: a logistic regression over the features the core reads, by stochastic
 * gradient descent in a fixed order, so the same corpora always give the same weights. The
 * held-out corpus is never read here.
 */
import { createHash } from "node:crypto";
import {
  assessSafetyByConcepts,
  doubtBelow,
  FEATURE_BITS,
  FEATURES,
  foldForModel,
  messageLikelihood,
  messageWindows,
  packWeights,
  type SafetyWeights,
} from "../../src/dialogue";
import { distress } from "../../test/corpus/safety";
import { developmentAcute, developmentBenign, developmentOrdinary, developmentWriters } from "../../test/corpus/safety-development";
import { devDistress } from "../../test/corpus/safety-dev";
import { dev2Distress } from "../../test/corpus/safety-dev2";
import { trainCReplies } from "../../test/corpus/safety-train-c";
import { inflections } from "../../test/corpus/safety-inflections";
import { personas } from "../../test/corpus/personas";
import { freshPersonas, freshPersonasB } from "../../test/corpus/personas-fresh";
import { answers } from "../../test/corpus/answers";

/** The lines the model learns from: acute ones, and every other kind, the hard negatives apart. */
export interface TrainingCorpus {
  readonly acute: readonly string[];
  /** Benign lines that share words with crises: the false positives the threshold is chosen against. */
  readonly hardNegatives: readonly string[];
  /** Ordinary answers (the written ones, distress, the personas' and the answer corpus's). */
  readonly ordinary: readonly string[];
  /** The writer of each line a development corpus holds (its index): cross-validation keeps a writer in one fold. */
  readonly writerOf: ReadonlyMap<string, number>;
}

/** How the model is trained. */
export interface TrainingOptions {
  readonly epochs: number;
  readonly learningRate: number;
  readonly l2: number;
  /** Weights smaller than this are dropped from the saved model. */
  readonly prune: number;
  /** The largest share of hard negatives the detector may read as acute in cross-validation. */
  readonly maxFalsePositives: number;
  readonly folds: number;
  /** How lines are dealt into folds: a writer's lines all in one, or line by line. */
  readonly foldBy: "writer" | "line";
  /** Bits of an n-gram's hash that name its feature (the model's table has 2^bits weights). */
  readonly featureBits: number;
}

/** The settings the shipped model was trained with. */
export const TRAINING: TrainingOptions = {
  epochs: 30,
  learningRate: 0.1,
  l2: 0.001,
  prune: 0.1,
  maxFalsePositives: 0.02,
  folds: 5,
  foldBy: "writer",
  featureBits: FEATURE_BITS,
};

const texts = (lines: readonly { text: string }[]): string[] => lines.map((line) => line.text);

/** Every answer the personas type, the fresh ones included once they were run and read. */
function personaAnswers(): string[] {
  return [...personas, ...freshPersonas, ...freshPersonasB].flatMap((persona) =>
    Object.values(persona).flatMap((value: unknown) => {
      if (typeof value === "string") return [value];
      if (!Array.isArray(value)) return [];
      return value.flatMap((item: unknown) =>
        typeof item === "object" && item !== null ? Object.values(item).filter((v): v is string => typeof v === "string") : [],
      );
    }),
  );
}

/** The development corpora, as the model is trained on them. */
export function developmentCorpus(): TrainingCorpus {
  return {
    acute: [...developmentAcute, ...inflections.filter((row) => row.wish).map((row) => row.sentence)],
    hardNegatives: [...developmentBenign, ...inflections.filter((row) => !row.wish).map((row) => row.sentence)],
    ordinary: [
      ...developmentOrdinary,
      ...trainCReplies,
      ...distress,
      ...texts(devDistress),
      ...texts(dev2Distress),
      ...personaAnswers(),
      ...answers.map((answer) => answer.text),
    ],
    writerOf: new Map(
      developmentWriters.flatMap((writer, i) => [...writer.acute, ...writer.benign].map((line) => [line, i] as const)).reverse(),
    ),
  };
}

/** A digest of the corpus and the settings, saved with the model so a test can tell it is stale. */
export function corpusDigest(corpus: TrainingCorpus, options: TrainingOptions = TRAINING): string {
  return createHash("sha256").update(JSON.stringify({ corpus, options })).digest("hex").slice(0, 16);
}

/** A fixed sequence of numbers in [0, 1), so that training shuffles the same way every time. */
function sequence(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

/** The features of a whole training line: every window's features together. */
function lineFeatures(text: string): number[] {
  return [...new Set(messageWindows(foldForModel(text)).flat())];
}

/** Trains a logistic regression on `positives` against `negatives`. */
export function train(positives: readonly string[], negatives: readonly string[], options: TrainingOptions = TRAINING): SafetyWeights {
  const examples = [
    ...positives.map((text) => ({ features: lineFeatures(text), label: 1 })),
    ...negatives.map((text) => ({ features: lineFeatures(text), label: 0 })),
  ];
  const weights = new Float64Array(FEATURES);
  let bias = 0;
  const next = sequence(42);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (let i = examples.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [examples[i], examples[j]] = [examples[j], examples[i]];
    }
    for (const { features, label } of examples) {
      let z = bias;
      for (const feature of features) z += weights[feature];
      const error = label - 1 / (1 + Math.exp(-z));
      bias += options.learningRate * error;
      for (const feature of features) weights[feature] += options.learningRate * error - options.l2 * weights[feature];
    }
  }
  return { bias, weights };
}

/** What cross-validation on the development corpora found, and the threshold it chose. */
export interface CrossValidation {
  readonly threshold: number;
  /** Acute lines read as acute (concepts or model) by a model that never saw them. */
  readonly recall: number;
  /** Hard negatives read as acute by a model that never saw them. */
  readonly falsePositives: number;
  /** Acute lines the concepts missed and the model found. */
  readonly addedByModel: number;
}

/**
 * Cross-validates in `folds` folds: each line is read by a model trained without it, and the
 * threshold is the lowest that keeps the hard negatives read as acute at or under the limit.
 */
export function crossValidate(corpus: TrainingCorpus, options: TrainingOptions = TRAINING): CrossValidation {
  const acuteScores: number[] = [];
  const negativeScores: number[] = [];
  let conceptsFound = 0;
  const negatives = [...corpus.hardNegatives, ...corpus.ordinary];
  const hard = new Set(corpus.hardNegatives);
  const foldOf = (text: string, i: number) => (options.foldBy === "writer" ? (corpus.writerOf.get(text) ?? i) : i) % options.folds;
  for (let fold = 0; fold < options.folds; fold++) {
    const held = (text: string, i: number) => foldOf(text, i) === fold;
    const kept = (text: string, i: number) => foldOf(text, i) !== fold;
    const model = train(corpus.acute.filter(kept), negatives.filter(kept), options);
    const score = (text: string) => {
      const likelihood = messageLikelihood(foldForModel(text), model);
      // A concept's reading counts unless the model doubts it, as the detector decides.
      return assessSafetyByConcepts(text) === "acute" && likelihood >= doubtBelow(text) ? 1 : likelihood;
    };
    for (const text of corpus.acute.filter(held)) {
      if (assessSafetyByConcepts(text) === "acute") conceptsFound += 1;
      acuteScores.push(score(text));
    }
    for (const text of negatives.filter(held)) if (hard.has(text)) negativeScores.push(score(text));
  }
  const share = (scores: readonly number[], threshold: number) => scores.filter((s) => s >= threshold).length / scores.length;
  const candidates = [...new Set(negativeScores)].sort((a, b) => a - b);
  const threshold = candidates.find((t) => t < 1 && share(negativeScores, t) <= options.maxFalsePositives) ?? 1;
  const recall = share(acuteScores, threshold);
  return {
    threshold,
    recall,
    falsePositives: share(negativeScores, threshold),
    addedByModel: Math.round(recall * acuteScores.length) - conceptsFound,
  };
}

/** The weights as the content file keeps them: those of at least `prune`, rounded to hundredths and packed. */
export function packModel(model: SafetyWeights, prune: number): string {
  return packWeights(model.weights, (weight) => Math.abs(weight) >= prune);
}

/** How many weights a packed model keeps. */
export function keptWeights(model: SafetyWeights, prune: number): number {
  return model.weights.filter((weight) => Math.abs(weight) >= prune && Math.round(weight * 100) !== 0).length;
}
