import { requiredText } from "../../src/dialogue/understand/required-text";
import { packRequired, RequiredTextIndex, unpackRequired } from "../../src/dialogue/understand/required-text-index";
import { assessSafety, foldSentences, scannedExpressions } from "../../src/dialogue/understand/safety";
import { safetyRequired } from "../../src/dialogue/content/safety-required";
import { developmentAcute, developmentBenign, developmentOrdinary } from "../corpus/safety-development";

const sorted = (strings: readonly string[] | null) => (strings === null ? null : [...strings].sort());

describe("what every match of an expression contains", () => {
  it.each([
    ["a word", /練炭/, ["練炭"]],
    ["one of the branches", /遺書|遺言/, ["遺言", "遺書"]],
    ["the rarer part of a sequence, past what may be left out", /(?:もう)?(?:練炭|七輪)を?[^|]{0,4}?(?:買|用意)/, ["七輪", "練炭"]],
    ["a product of short alternatives", /(?:し|死)(?:にたい|ぬ)/, ["しにたい", "しぬ", "死にたい", "死ぬ"]],
    ["through a look around, which holds none of the match's text", /首(?<!手首)を吊/, ["首を吊"]],
    ["a character class as its characters", /[橋崖]から飛/, ["崖から飛", "橋から飛"]],
    ["an escaped character as itself", /\u3057\u306c/, ["しぬ"]],
    ["a control character as itself (\\cJ is a line break)", /x\cJ/, ["x\n"]],
    ["\\k, \\p and \\u{ as the letters they are without the u flag or a named group", new RegExp("\\ka|\\pb|\\u{2}"), ["ka", "pb", "uu"]],
    ["the shorter of two strings where one holds the other", /遺書を書いた|遺書/, ["遺書"]],
    ["a repeat of at least one", /(?:死にたい)+/, ["死にたい"]],
  ])("names %s", (_, expression, strings) => {
    expect(sorted(requiredText(expression))).toEqual(sorted(strings));
  });

  it.each([
    ["an expression that may match nothing", /(?:死にたい)?/],
    ["a branch that may match nothing", /死にたい|(?:もう)?/],
    ["a negated class alone", /[^|]+/],
    ["any character", /.+/],
    ["a back reference to any character", /(.)\1/],
    ["a class escape", /\p{L}+/u],
    ["a case-insensitive expression", /die/i],
    ["an expression read by code point (the u flag)", /x[😀]y/u],
    ["an octal escape of two digits (a line break)", new RegExp("\\12")],
    ["a back reference of two digits", /(.)(.)(.)(.)(.)(.)(.)(.)(.)(.)(.)(.)\12/],
    ["an escape without its digits", new RegExp("\\xzz")],
  ])("names nothing for %s", (_, expression) => {
    expect(requiredText(expression)).toBeNull();
  });

  it("reads every expression of the detector, and names something for each", () => {
    const expressions = scannedExpressions();
    expect(expressions.length).toBeGreaterThan(100);
    for (const expression of expressions) expect(requiredText(expression)).not.toBeNull();
  });

  // The detector builds its index from this file; were it stale, it could skip an expression that
  // matches. (It also checks the sources' lengths itself and reads the expressions when they differ.)
  it("is read ahead of time for the detector, and the file is current (else run npm run safety:index)", () => {
    const expressions = scannedExpressions();
    expect(safetyRequired.sourceLengths).toEqual(expressions.map((expression) => expression.source.length));
    expect(unpackRequired(safetyRequired.strings)).toEqual(expressions.map(requiredText));
  });
});

describe("the index of required text", () => {
  it("opens an expression only when one of its strings is in the text", () => {
    const index = new RequiredTextIndex([/練炭|七輪/, /遺書/, /[^|]+/]);
    expect([...index.possible("きょうは練炭を")]).toEqual([1, 0, 1]);
    expect([...index.possible("ゆいごん")]).toEqual([0, 0, 1]);
    expect([...index.possible("遺書と七輪")]).toEqual([1, 1, 1]);
  });

  it("takes the strings given for each expression, and runs one that requires the empty string always", () => {
    const index = new RequiredTextIndex([/練炭|七輪/, /遺書/], [["七輪"], [""]]);
    expect([...index.possible("練炭")]).toEqual([0, 1]);
    expect([...index.possible("七輪")]).toEqual([1, 1]);
    expect(() => new RequiredTextIndex([/遺書/], [])).toThrow(RangeError);
  });

  it("packs the strings into one and back, an expression that is always run included", () => {
    const required = [["練炭", "七輪"], null, ["遺書"]];
    expect(unpackRequired(packRequired(required))).toEqual(required);
    expect(unpackRequired(packRequired([]))).toEqual([]);
    expect(() => packRequired([["遺\u0001書"]])).toThrow(RangeError);
    expect(() => packRequired([[""]])).toThrow(RangeError);
  });

  it("finds a string inside a longer word (しょく in いっしょくた)", () => {
    const index = new RequiredTextIndex([/いしょく/, /しょく/]);
    expect([...index.possible("いっしょくた")]).toEqual([0, 1]);
    expect([...index.possible("いしょく")]).toEqual([1, 1]);
  });

  // The detector skips, in every message, the expressions the index says cannot match: sound only
  // if every expression that matches a text is among those the index opens. Checked over the development
  // corpora, folded as the detector reads them: the acute lines one by one (some expressions read
  // a whole message), and every line in long letters of sixty lines.
  it("never leaves out an expression that matches, over the development corpora", () => {
    const expressions = scannedExpressions();
    const index = new RequiredTextIndex(expressions, unpackRequired(safetyRequired.strings));
    const lines = [...developmentAcute, ...developmentBenign, ...developmentOrdinary];
    const letters: string[] = [];
    for (let at = 0; at < lines.length; at += 60) letters.push(lines.slice(at, at + 60).join("。"));
    let matched = 0;
    const missed: string[] = [];
    for (const text of [...developmentAcute, ...letters]) {
      const folded = foldSentences(text);
      const open = index.possible(folded);
      expressions.forEach((expression, at) => {
        expression.lastIndex = 0;
        if (!expression.test(folded)) return;
        matched++;
        if (open[at] !== 1) missed.push(`${at}: ${text.slice(0, 40)}`);
      });
    }
    expect(missed).toEqual([]);
    expect(matched).toBeGreaterThan(developmentAcute.length);
  });

  it("leaves the reading of a long letter as it was: the danger in its middle is still found", () => {
    const ordinary = developmentOrdinary.slice(0, 80).join("。");
    expect(ordinary.length).toBeGreaterThan(1000);
    for (const line of [
      "正直なところ、薬を少しずつためています",
      "もう練炭も買ってあります",
      "明日、会社の屋上から飛び降りようと思っています",
    ]) {
      const letter = `${ordinary.slice(0, 1500)}。${line}。${ordinary.slice(1500, 3000)}`;
      expect(assessSafety(letter)).toBe("acute");
    }
    expect(assessSafety(ordinary.slice(0, 3000))).not.toBe("acute");
  });
});
