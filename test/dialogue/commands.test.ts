import { matchCommand, normalizeForMatch } from "../../src/dialogue/commands";

describe("typed commands", () => {
  it.each([
    ["ヘルプ", "help"],
    ["へるぷ", "help"],
    ["ﾍﾙﾌﾟ", "help"],
    ["  ヘルプ！ ", "help"],
    ["ＨＥＬＰ", "help"],
    ["はじめる", "start"],
    ["「始める」", "start"],
  ])("%s is read as the %s command", (text, command) => {
    expect(matchCommand(text)).toBe(command);
  });

  it.each(["ヘルプがほしいです", "", "！？", "こんにちは"])("%j is not a command", (text) => {
    expect(matchCommand(text)).toBeNull();
  });

  it("folds width, kana type, case, spaces and punctuation", () => {
    expect(normalizeForMatch(" ＡＢＣ　カタカナ・ﾊﾝｶｸ！ ")).toBe("abcかたかなはんかく");
  });
});
