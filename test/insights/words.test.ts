import { contentWords, recurringWords } from "../../src/insights/words";

const segments = (text: string): string[] =>
  [...new Intl.Segmenter("ja", { granularity: "word" }).segment(text)].filter((s) => s.isWordLike).map((s) => s.segment);

describe("Intl.Segmenter as Node's ICU segments thanks moments", () => {
  it("keeps nouns like 後輩 whole but splits an inflected kanji verb into one-character pieces", () => {
    expect(segments("後輩の企画書づくりを手伝ったら、ありがとうと言われた")).toEqual([
      "後輩",
      "の",
      "企画",
      "書",
      "づくり",
      "を",
      "手",
      "伝",
      "っ",
      "たら",
      "ありがとう",
      "と",
      "言",
      "われ",
      "た",
    ]);
    expect(segments("後輩の相談にのって感謝された")).toEqual(["後輩", "の", "相談", "に", "の", "って", "感謝", "さ", "れ", "た"]);
  });
});

describe("contentWords", () => {
  it("keeps the content words of a moment and drops particles, auxiliaries and stop-words", () => {
    expect(contentWords("後輩の企画書づくりを手伝ったら、ありがとうと言われた")).toEqual(["後輩", "企画", "書", "づくり", "手伝"]);
    expect(contentWords("後輩の相談にのって感謝された")).toEqual(["後輩", "相談"]);
  });

  it("joins ICU's one-kanji pieces so 手伝った and 手伝って give the same word", () => {
    expect(contentWords("同僚の仕事を手伝って喜ばれた")).toContain("手伝");
    expect(contentWords("データ分析を手伝った")).toContain("手伝");
  });

  it("ignores emoji, numbers with their counters, ASCII punctuation and single letters", () => {
    expect(contentWords("😀👍 2回目! 3人で #1 - a ... 🎉資料")).toEqual(["資料"]);
  });

  it("reads half-width katakana and full-width letters as their usual forms", () => {
    expect(contentWords("ｶﾀｶﾅのＥｘｃｅｌ")).toEqual(["カタカナ", "Excel"]);
  });

  it("lists a word once however often the text repeats it", () => {
    expect(contentWords("資料と資料と資料")).toEqual(["資料"]);
  });
});

describe("recurringWords", () => {
  it("finds 後輩 recurring across two moments", () => {
    expect(recurringWords(["後輩の企画書づくりを手伝ったら、ありがとうと言われた", "後輩の相談にのって感謝された"])).toEqual([
      { word: "後輩", count: 2 },
    ]);
  });

  it("drops words found in one text only, however often that text repeats them", () => {
    expect(recurringWords(["資料、資料、資料を直した", "会議で発表した"])).toEqual([]);
  });

  it("removes stop-words even when every text has them", () => {
    const texts = ["私は田中さんに自分からありがとうと言われた", "私も山田さんに自分でありがとうと言われた"];
    for (const text of texts) expect(segments(text)).toEqual(expect.arrayContaining(["私", "さん", "自分", "ありがとう", "言", "われ"]));
    expect(recurringWords(texts, 10)).toEqual([]);
  });

  it("counts in how many texts a word appears, most first, ties in order of first appearance", () => {
    const texts = [
      "お客様への説明資料を作った",
      "後輩の企画書づくりを手伝ったら、ありがとうと言われた",
      "チームの資料をまとめた",
      "後輩に説明したら喜ばれた",
      "後輩の資料を手伝った",
    ];
    expect(recurringWords(texts, 10)).toEqual([
      { word: "資料", count: 3 },
      { word: "後輩", count: 3 },
      { word: "説明", count: 2 },
      { word: "手伝", count: 2 },
    ]);
  });

  it("returns at most limit words, and none for a limit below 1", () => {
    const texts = ["資料と後輩と説明", "資料と後輩と説明"];
    expect(recurringWords(texts, 2).map(({ word }) => word)).toEqual(["資料", "後輩"]);
    expect(recurringWords(texts, 0)).toEqual([]);
  });

  it("counts an ASCII word in any letter case as one word, spelled as first seen", () => {
    expect(recurringWords(["Excelのマクロを教えた", "excelの表を直した"])).toEqual([{ word: "Excel", count: 2 }]);
  });

  it("finds nothing in emoji, numbers and punctuation, however often they repeat", () => {
    expect(recurringWords(["😀 123 !!", "😀 123 !!", "😀 123 ??"])).toEqual([]);
  });

  it("finds nothing in no texts", () => {
    expect(recurringWords([])).toEqual([]);
  });
});
