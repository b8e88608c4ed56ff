/**
 * The grammar fault checker finds the faults a review found in real messages, and stays
 * quiet on messages that read well — so a clean result elsewhere means something.
 */
import { fill, messages } from "../../src/dialogue/content";
import { grammarFaults, offeredWills, sentenceCount, thankersWordsAsStrength, unbalancedBrackets } from "../helpers/grammar";

const BAD: readonly { name: string; message: string }[] = [
  { name: "a polite こと quoted before と感じている", message: "「上司に意見を言えないことです」と感じているんですね。" },
  { name: "a polite refusal quoted as a scene", message: "「思いつかないです」という場面ですね。\nそのとき、どんな気持ちになりましたか？" },
  { name: "a who with です before から", message: "患者さんですから、どんなことで「ありがとう」と言われたいですか？" },
  { name: "a who with に before から", message: "子どもたちにから、どんなことで「ありがとう」と言われたいですか？" },
  { name: "a who list with ・ before から", message: "同僚・後輩から、どんなことで「ありがとう」と言われたいですか？" },
  { name: "a verb before で『ありがとう』", message: "本当に必要なものを一緒に考えるで『ありがとう』と言われる人になる。" },
  { name: "a て-form before で『ありがとう』", message: "家族から、話を聞いてくれてで『ありがとう』と言われる人になる。" },
  { name: "a wish before で『ありがとう』", message: "後輩から、仕事を教えたいで『ありがとう』と言われる人になる。" },
  {
    name: "a WILL sentence cut with an ellipsis",
    message: "お客さまから、困っているときに一緒に考えて寄り添…で『ありがとう』と言われる人になる。",
  },
  {
    name: "an ellipsis elsewhere in a WILL sentence",
    message: "お客さまから、丁寧な説明で『ありがとう』と言われる人になる。大切にしたいのは、人の役に…",
  },
  { name: "a quote holding 。 folded into the clause", message: "「毎日残業です。疲れました」と感じているんですね。" },
  { name: "a quote ending with 。 folded into the clause", message: "「残業が多い。」と感じているんですね。" },
  { name: "a polite past before という", message: "「お客様に褒められました」という場面ですね。" },
  { name: "a polite ending before んですね", message: "嬉しかったですんですね。" },
  { name: "a polite past before んですね", message: "感謝されましたんですね。" },
  { name: "a bare はい quoted back", message: "「はい」という場面ですね。" },
  { name: "a bare いいえ quoted back", message: "「いいえ」と感じているんですね。" },
  { name: "a doubled が", message: "「仕事がが多い」と感じているんですね。" },
  { name: "a doubled を", message: "「資料をを作った」ことが、「ありがとう」につながったんですね。" },
  { name: "こと before のこと", message: "「意見を言えないこと」のことが気になっているんですね。" },
  { name: "a copula before んですね", message: "「大変だ」――大変だんですね。" },
];

const GOOD: readonly { name: string; message: string }[] = [
  { name: "a plain predicate before と感じている", message: "「残業が多い」と感じているんですね。" },
  { name: "a noun before が、気になっている", message: "「人間関係」が、気になっているんですね。" },
  { name: "a scene in the plain past", message: "「お客様に褒められた」という場面ですね。" },
  { name: "a cleaned who before から", message: "同僚や後輩から、どんなことで「ありがとう」と言われたいですか？" },
  {
    name: "the WILL sentence of the brief",
    message:
      "同僚や後輩から、仕事のコツをわかりやすく伝えることで『ありがとう』と言われる人になる。大切にしたいのは、教えること、伝えること。",
  },
  { name: "a noun ending in い before で『ありがとう』", message: "家族から、お手伝いで『ありがとう』と言われる人になる。" },
  { name: "a stem noun before で『ありがとう』", message: "お客さまから、わかりやすさで『ありがとう』と言われる人になる。" },
  {
    name: "the review question around a WILL",
    message: fill(messages["session.willReview.ask"], { statement: "患者さんのために、不安なときに一緒に考える人でいたい。" }),
  },
  { name: "the user's own 『ありがとう』 inside a quote", message: "「お客様に『ありがとう、助かった』と言われた」という場面ですね。" },
  {
    name: "a quoted deed with its strength",
    message: "「図を描いて順番に説明した」ことで、相手の立場でわかりやすく伝える力が発揮されたんですね。",
  },
  { name: "values joined with そして", message: "大切にしたいのは、人の役に立つこと、そして誰かの成長を支えること。" },
  { name: "a clipped quote outside a WILL sentence", message: "「…ありがとうって言ってもらえた」という場面ですね。" },
];

describe("grammarFaults", () => {
  it.each(BAD)("finds $name", ({ message }) => {
    expect(grammarFaults(message)).not.toEqual([]);
  });

  it.each(GOOD)("finds nothing in $name", ({ message }) => {
    expect(grammarFaults(message)).toEqual([]);
  });
});

describe("the persona counters", () => {
  it.each([
    "「「…ありがとうございます』と言われた」という場面ですね。",
    "「ご家族から『丁寧に説明してくれて…」という場面ですね。",
    "「先生のおかげで」」――心に残る場面ですね。",
  ])("count the brackets of 「%s」 as unbalanced", (message) => {
    expect(unbalancedBrackets(message)).toBeGreaterThan(0);
  });

  it("count nested brackets that pair up as balanced", () => {
    expect(unbalancedBrackets("「お客様に『ありがとう、助かった』と言われた」という場面ですね。")).toBe(0);
    expect(unbalancedBrackets("『先生の「授業」が好き』")).toBe(0);
  });

  it.each([
    { text: "お客様から、一緒に考えることで『ありがとう』と言われる人になる。大切にしたいのは、人の役に立つこと。", count: 2 },
    { text: "わかったこと、と思える瞬間をつくることで『ありがとう』と言われる人になる。", count: 1 },
    { text: "研究を始めたばかりの学生のために、わかった！と思える瞬間をつくる人でいたい。", count: 1 },
    { text: "取引先の人たちが、安心して相談できる相手でいたい", count: 1 },
    { text: "まず聞く。それから考える。", count: 2 },
  ])("count $count sentence(s) in 「$text」", ({ text, count }) => {
    expect(sentenceCount(text)).toBe(count);
  });

  it("find the WILL sentences a review offers, numbered or not", () => {
    const message = "ここまでのお話から、あなたのWILLを一文にしてみました。\n\n①「Aでいたい。」\n②「Bたい。」\n\nいちばん…";
    expect(offeredWills(message)).toEqual(["Aでいたい。", "Bたい。"]);
  });

  it("find the thanker's words handed back as a strength, and nothing in a deed told in the user's voice", () => {
    expect(thankersWordsAsStrength("「相談にのってくれた」――相手の話にじっくり耳を傾ける力が、あなたの持ち味なんですね。")).toBe(true);
    expect(thankersWordsAsStrength("「相談にのってくれたって」――そこに、相手の話にじっくり耳を傾ける力が表れていますね。")).toBe(true);
    expect(thankersWordsAsStrength("「相談にのった」ことで、相手の話にじっくり耳を傾ける力が発揮されたんですね。")).toBe(false);
    expect(thankersWordsAsStrength("「相談にのってくれた」という場面ですね。")).toBe(false);
  });
});
