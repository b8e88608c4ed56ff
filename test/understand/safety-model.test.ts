/**
 * The safety detector's learned net: the model shipped in src/dialogue/content is the one the
 * current development corpora give, training is repeatable, and the model adds to the concepts
 * without reading ordinary answers as a crisis.
 */
import { assessSafety, assessSafetyByConcepts, FEATURES, packWeights } from "../../src/dialogue";
import { lazyWeights, unpackWeights, windowLikelihood } from "../../src/dialogue/understand/safety-model";
import { safetyModel } from "../../src/dialogue/content/safety-model";
import { corpusDigest, developmentCorpus, packModel, train, TRAINING } from "../../scripts/lib/safety-training";
import { personas } from "../corpus/personas";

describe("the safety model", () => {
  it("was trained on the development corpora as they are now (run npm run safety:train after changing them)", () => {
    expect(safetyModel.trainedOn).toBe(corpusDigest(developmentCorpus()));
  });

  it("gives the same weights when trained twice on the same lines", () => {
    const corpus = developmentCorpus();
    const positives = corpus.acute.slice(0, 60);
    const negatives = corpus.hardNegatives.slice(0, 60);
    const options = { ...TRAINING, epochs: 3 };
    expect(packModel(train(positives, negatives, options), 0)).toBe(packModel(train(positives, negatives, options), 0));
  });

  it("packs the weights it keeps to the hundredth, at their places in the table, and unpacks them so", () => {
    const weights = new Float64Array(FEATURES);
    weights[0] = 1.234;
    weights[5] = -0.5;
    weights[6] = 0.004;
    weights[130] = 0.05;
    weights[200_000] = 163.84;
    weights[FEATURES - 1] = -1.64;
    const unpacked = unpackWeights(
      -2,
      packWeights(weights, (weight) => Math.abs(weight) >= 0.1),
    );
    expect(unpacked.bias).toBe(-2);
    const kept = [...unpacked.weights.entries()].filter(([, weight]) => weight !== 0);
    expect(kept.map(([place, weight]) => [place, Math.round(weight * 100) / 100])).toEqual([
      [0, 1.23],
      [5, -0.5],
      [200_000, 163.84],
      [FEATURES - 1, -1.64],
    ]);
  });

  it("unpacks a block of the table only when a feature in it is first read, to the same weights", () => {
    const weights = new Float64Array(FEATURES);
    weights[3] = 0.5;
    weights[300] = -1.25;
    weights[FEATURES - 1] = 2;
    const packed = packWeights(weights, () => true);
    const lazy = lazyWeights(0, packed);
    expect([...lazy.weights].filter((weight) => weight !== 0)).toEqual([]);
    expect(windowLikelihood([300], lazy)).toBeCloseTo(1 / (1 + Math.exp(1.25)));
    expect(lazy.weights[300]).toBe(-1.25);
    expect(lazy.weights[3]).toBe(0);
    expect(windowLikelihood([3, FEATURES - 1], lazy)).toBeCloseTo(1 / (1 + Math.exp(-2.5)));
    expect([...unpackWeights(0, packed).weights].filter((weight) => weight !== 0)).toEqual([0.5, -1.25, 2]);
    expect(() => lazyWeights(0, packed.slice(0, -8))).toThrow(RangeError);
  });

  it("has a threshold chosen by cross-validation, between the easy and the impossible", () => {
    expect(safetyModel.threshold).toBeGreaterThan(0.5);
    expect(safetyModel.threshold).toBeLessThan(1);
  });

  it("reads as acute a line about not living that no concept names", () => {
    const text = "生きてたって何もいいことがない";
    expect(assessSafetyByConcepts(text)).toBeNull();
    expect(assessSafety(text)).toBe("acute");
  });

  it.each(personas.map((persona) => persona.name))("reads none of the answers of persona %s as acute", (name) => {
    const persona = personas.find((candidate) => candidate.name === name);
    const lines = JSON.stringify(persona).match(/"[^"]*[\u3040-\u30ff\u4e00-\u9fff][^"]*"/g) ?? [];
    const acute = lines.map((line) => line.slice(1, -1)).filter((line) => assessSafety(line) === "acute");
    expect(acute).toEqual([]);
  });
});
