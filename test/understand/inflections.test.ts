/**
 * The safety detector against the hand-written inflection tables (test/corpus/safety-inflections.ts):
 * every form of every verb of harm that is the writer's own wish, plan or act is read as acute, in
 * any spelling; the same verbs that are not (死にたくない, 死ぬほど楽しい, someone else's death, an
 * idiom) are not.
 */
import { assessSafety } from "../../src/dialogue";
import { inflections } from "../corpus/safety-inflections";

describe("the inflection tables", () => {
  it.each(inflections.filter((row) => row.wish).map((row) => [row.lemma, row.form, row.sentence]))(
    "%s as %s: 「%s」 is acute",
    (_lemma, _form, sentence) => {
      expect(assessSafety(sentence)).toBe("acute");
    },
  );

  it.each(inflections.filter((row) => !row.wish).map((row) => [row.lemma, row.form, row.sentence]))(
    "%s as %s: 「%s」 is not acute",
    (_lemma, _form, sentence) => {
      expect(assessSafety(sentence)).not.toBe("acute");
    },
  );
});
