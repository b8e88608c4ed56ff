/**
 * `npm run safety:train`: trains the safety detector's learned net on the development corpora
 * (never the held-out one), cross-validates it to choose its threshold, and writes the weights
 * to src/dialogue/content/safety-model.ts. Run it after any change to a development corpus or to
 * the concepts, read the figures it prints, and commit the file with the change.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { corpusDigest, crossValidate, developmentCorpus, keptWeights, packModel, train, TRAINING } from "./lib/safety-training";

const OUT = join(__dirname, "..", "src", "dialogue", "content", "safety-model.ts");

const started = Date.now();
const corpus = developmentCorpus();
const checked = crossValidate(corpus);
const model = train(corpus.acute, [...corpus.hardNegatives, ...corpus.ordinary]);
const weights = packModel(model, TRAINING.prune);
const kept = keptWeights(model, TRAINING.prune);
const percent = (share: number) => `${Math.round(share * 1000) / 10} %`;

const source = `/**
 * The safety detector's learned net (see \`../understand/safety-model.ts\`), written by
 * \`npm run safety:train\` from the development corpora; do not edit by hand. Cross-validated in
 * ${TRAINING.folds} folds on ${corpus.acute.length} acute lines and ${corpus.hardNegatives.length} hard negatives (and
 * ${corpus.ordinary.length} ordinary answers): with the concepts, recall ${percent(checked.recall)} and
 * ${percent(checked.falsePositives)} of the hard negatives read as acute at the threshold below; the model
 * added ${checked.addedByModel} acute lines the concepts missed.
 */
export const safetyModel = {
  /** A digest of the corpora and the training settings: a test checks it is current. */
  trainedOn: "${corpusDigest(corpus)}",
  threshold: ${Math.round(checked.threshold * 10000) / 10000},
  bias: ${Math.round(model.bias * 10000) / 10000},
  /** ${kept} weights of the table's ${2 ** TRAINING.featureBits}, packed (see \`packWeights\` in \`../understand/safety-model.ts\`). */
  weights: ${JSON.stringify(weights)},
} as const;
`;
writeFileSync(OUT, source);
console.log(
  [
    `safety model: ${corpus.acute.length} acute lines, ${corpus.hardNegatives.length} hard negatives, ${corpus.ordinary.length} ordinary answers`,
    `cross-validated (${TRAINING.folds} folds): threshold ${checked.threshold.toFixed(4)}, recall ${percent(checked.recall)}, hard negatives read as acute ${percent(checked.falsePositives)}, added by the model ${checked.addedByModel}`,
    `${kept} weights (${Math.round(weights.length / 1024)} KiB packed) written to ${OUT} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  ].join("\n"),
);
