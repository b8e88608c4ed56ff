import { harmLemmas, inflections } from "../corpus/safety-inflections";

const lemmas: readonly string[] = harmLemmas;

describe("the inflection tables of the verbs of harm", () => {
  it("hold at least 250 rows as usually written", () => {
    expect(inflections.filter((row) => row.spelling === "kanji").length).toBeGreaterThanOrEqual(250);
  });

  it("never repeat a sentence", () => {
    const seen = new Set<string>();
    const repeated = inflections.filter((row) => seen.size === seen.add(row.sentence).size).map((row) => row.sentence);
    expect(repeated).toEqual([]);
  });

  it("use only the listed lemmas", () => {
    expect(inflections.filter((row) => !lemmas.includes(row.lemma))).toEqual([]);
  });

  it.each(harmLemmas)("have rows for %s both as a wish and not as a wish", (lemma) => {
    const rows = inflections.filter((row) => row.lemma === lemma);
    expect(rows.some((row) => row.wish)).toBe(true);
    expect(rows.some((row) => !row.wish)).toBe(true);
  });

  it("show each row's form inside its sentence", () => {
    expect(inflections.filter((row) => !row.sentence.includes(row.form))).toEqual([]);
  });
});
