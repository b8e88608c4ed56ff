import { answerMeaning, foldAnswer } from "../../src/dialogue/understand/answers";
import { answers } from "../corpus/answers";

describe("short answers", () => {
  it("has a corpus large enough to mean something", () => {
    expect(answers.length).toBeGreaterThanOrEqual(40);
  });

  it.each(answers)("$text asked with $expected means $meaning", ({ text, expected, meaning }) => {
    expect(answerMeaning(text, expected)).toBe(meaning);
  });

  it.each([
    ["特にないです。", "特にない"],
    ["思いつかないです", "思いつかない"],
    ["うーん、ないかな", "ない"],
    ["いいですね！", "いい"],
    ["お恥ずかしいのですが、特に思い浮かばないです", "特に思い浮かばない"],
    ["申し訳ないのですが、思いつかないです", "思いつかない"],
  ])("%j folds like %j", (polite, plain) => {
    expect(foldAnswer(polite)).toBe(foldAnswer(plain));
  });

  it.each([
    ["ありません", "あります"],
    ["できませんでした", "できました"],
    ["しっくりこない", "しっくりきます"],
  ])("%j keeps its negation apart from %j", (negative, positive) => {
    expect(foldAnswer(negative)).not.toBe(foldAnswer(positive));
  });

  it.each(["申し訳ありません、すぐには思い出せそうにないです", "ちょっと思いつきそうにありません"])(
    "%j, typed in the chat at 「あなたのどんな行動でしたか？」, means nothing comes to mind",
    (text) => {
      expect(answerMeaning(text, ["none", "later"])).toBe("none");
    },
  );

  it.each(["清掃なんてお礼を言われる仕事じゃないですよ", "感謝されるようなことはしてないです"])(
    "%j, typed by a fresh persona at the ありがとう question, means nothing comes to mind",
    (text) => {
      expect(answerMeaning(text, ["none", "later"])).toBe("none");
    },
  );

  it.each(["すみません、少し考えてみたのですが、うまく言葉にできないです", "いろいろ考えたけど、わからないです", "うまく言えません"])(
    "%j, tried in the chat at the feeling question, means nothing comes to mind",
    (text) => {
      expect(answerMeaning(text, ["none", "later"])).toBe("none");
    },
  );

  it.each(["上司に意見が言えない", "考えてみたけど、電話対応のときかな", "言葉にできないくらい嬉しかった"])(
    "%j stays an answer of its own",
    (text) => {
      expect(answerMeaning(text, ["none", "later"])).toBeNull();
    },
  );

  it("reads 「申し訳ございません、今は少し考える時間をいただけますでしょうか」 (tried in the chat at the feeling question) as later", () => {
    expect(answerMeaning("申し訳ございません、今は少し考える時間をいただけますでしょうか", ["none", "later"])).toBe("later");
  });

  it("asks nothing when no meaning is expected", () => {
    expect(answerMeaning("はい", [])).toBeNull();
  });
});
