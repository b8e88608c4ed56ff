import { foldRomaji, romajiToKana } from "../../src/dialogue/understand/romaji";

describe("romaji for the safety detector", () => {
  it.each([
    ["shinitai", "しにたい"],
    ["sinitai", "しにたい"],
    ["kietai", "きえたい"],
    ["jisatsu", "じさつ"],
    ["zisatu", "じさつ"],
    ["shinde", "しんで"],
    ["yatta", "やった"],
    ["shindara", "しんだら"],
  ])("%s reads as %s", (romaji, kana) => {
    expect(romajiToKana(romaji)).toBe(kana);
  });

  it.each(["good", "food", "lol", "www", "od"])("%s is not Japanese and stays as it is", (word) => {
    expect(foldRomaji(word)).toBe(word);
  });

  it("replaces only the runs that spell Japanese from start to end", () => {
    expect(foldRomaji("good、shinitai")).toBe("good、しにたい");
    expect(foldRomaji("moushinitaigood")).toBe("moushinitaigood");
  });
});
