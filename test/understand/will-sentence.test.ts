/**
 * The WILL sentence is one sentence on the user's own verb for any who and what a user types
 * or taps, offered with alternatives (what first, the value's word) that are each one sentence
 * too; the user's words stay whole and a quote they typed stays a quote; the values stay out of
 * the draft. The cleaned who reads well in the question that follows it.
 */
import fc from "fast-check";
import { fill, messages, valueWords, willWhatPhrases, willWhoChoices } from "../../src/dialogue/content";
import { cleanWho, nominalise, willDrafts, willSentence } from "../../src/dialogue/understand/will-sentence";
import { personas } from "../corpus/personas";
import { grammarFaults, sentenceCount } from "../helpers/grammar";

/** The checks every offered WILL sentence passes. */
function expectOneGoodSentence(sentence: string): void {
  expect(grammarFaults(sentence)).toEqual([]);
  expect(sentence).not.toContain("…");
  expect(sentence.endsWith("。")).toBe(true);
  expect(sentenceCount(sentence)).toBe(1);
}

describe("willDrafts over every persona", () => {
  it.each(personas)("offers $name one-sentence drafts that keep their words", (persona) => {
    const drafts = willDrafts({ who: persona.willWho, what: persona.willWhat, values: [valueWords.helpOthers] });
    expect(drafts.length).toBeGreaterThanOrEqual(2);
    expect(drafts.length).toBeLessThanOrEqual(3);
    const what = nominalise(persona.willWhat).replace(/こと$/u, "");
    for (const draft of drafts) {
      expectOneGoodSentence(draft);
      expect(draft).toContain(what);
    }
    expect(drafts[0]).not.toContain(valueWords.helpOthers);
  });

  it.each(personas)("asks $name what for without a stray particle after who", (persona) => {
    const who = cleanWho(persona.willWho);
    const question = who === null ? messages["session.willWhat.askNoWho"] : fill(messages["session.willWhat.ask"], { who });
    expect(grammarFaults(question)).toEqual([]);
  });
});

describe("willSentence", () => {
  it("ends on the user's own verb, who first", () => {
    expect(willSentence({ who: "同僚・後輩", what: "仕事のコツをわかりやすく伝えること", values: [valueWords.teach] })).toBe(
      "同僚や後輩のために、仕事のコツをわかりやすく伝える人でいたい。",
    );
  });

  it("offers what first and the value's word as alternatives", () => {
    expect(willDrafts({ who: "お客さまかな", what: "本当に必要なものを一緒に考える", values: [valueWords.growOthers] })).toEqual([
      "お客さまのために、本当に必要なものを一緒に考える人でいたい。",
      "本当に必要なものを一緒に考えることで、お客さまから『ありがとう』と言われたい。",
      "誰かの成長を支えることを大切に、本当に必要なものを一緒に考える人でいたい。",
    ]);
  });

  it("keeps a quote the user typed with 「！」 a quote", () => {
    const drafts = willDrafts({ who: "学生", what: "わかった！と思える瞬間をつくる", values: [] });
    expect(drafts[0]).toBe("学生のために、わかった！と思える瞬間をつくる人でいたい。");
    for (const draft of drafts) {
      expect(draft).not.toContain("わかったこと");
      expectOneGoodSentence(draft);
    }
  });

  it.each([
    { who: "家族", what: "丁寧な説明", sentence: "家族から、丁寧な説明で『ありがとう』と言われる人でいたい。" },
    { who: "自分", what: "一緒に考える", sentence: "一緒に考える人でいたい。" },
    { who: "家族から", what: null, sentence: "家族から『ありがとう』と言われる人でいたい。" },
    { who: null, what: null, sentence: "まわりの人から『ありがとう』と言われる人でいたい。" },
    { who: "特にないです", what: "。", sentence: "まわりの人から『ありがとう』と言われる人でいたい。" },
  ])("reads who $who and what $what as 「$sentence」", ({ who, what, sentence }) => {
    expect(willSentence({ who, what, values: [] })).toBe(sentence);
  });

  it("takes the wish, not the story told before it, when the answer states one", () => {
    const what =
      "WILLの前に少しだけ。二十代の終わりに一度、本気で死のうとしたことがあります。上司が気づいて病院につないでくれました。今は同じように悩む人の話を聞ける人になりたいです";
    expect(willSentence({ who: "後輩", what, values: [] })).toBe("後輩のために、同じように悩む人の話を聞ける人でいたい。");
  });

  it("keeps a thing to do beside the wish (…こと。…たい)", () => {
    expect(willSentence({ who: null, what: "地域の子どもに勉強を教えること。いつか教室も開きたい", values: [] })).toContain(
      "勉強を教えること",
    );
  });

  it("keeps a long what whole", () => {
    const what = "仕事や家庭のことで迷っている人の話を最後まで聞いて、その人が自分で答えを見つけられるように一緒に考えること";
    expect(willSentence({ who: "友人", what, values: [] })).toBe(`友人のために、${what.slice(0, -2)}人でいたい。`);
  });

  it("reads two things to be thanked for as a noun phrase, since one verb cannot carry both", () => {
    const what = "居場所をつくることと、話を聞くことです";
    expect(willSentence({ who: "子どもたち", what, values: [] })).toBe(
      "子どもたちから、居場所をつくることと、話を聞くことで『ありがとう』と言われる人でいたい。",
    );
  });

  it("does not offer a value the what already says", () => {
    expect(willDrafts({ who: "後輩", what: "人の役に立つこと", values: [valueWords.helpOthers] })).toHaveLength(2);
  });

  it.each(willWhoChoices.flatMap((who) => Object.values(willWhatPhrases).map((what) => ({ who, what }))))(
    "reads well for the buttons $who and $what",
    ({ who, what }) => {
      for (const draft of willDrafts({ who, what, values: [valueWords.teach, valueWords.freedom] })) expectOneGoodSentence(draft);
    },
  );
});

describe("willDrafts on any typed who and what", () => {
  const who = fc
    .tuple(
      fc.constantFrom("", "やっぱり、", "うーん、"),
      fc.array(fc.constantFrom("家族", "患者さん", "子どもたち", "お客さま", "後輩", "地域の人", "学生"), { minLength: 1, maxLength: 3 }),
      fc.constantFrom("・", "、", "や", "と"),
      fc.constantFrom("", "に", "から", "です", "ですね", "かな", "だと思います", "に言われたい", "。", "😊", "！"),
    )
    .map(([filler, names, separator, ending]) => filler + names.join(separator) + ending);
  const what = fc
    .tuple(
      fc.constantFrom(
        "一緒に考える",
        "一緒に考えたい",
        "話を聞いてくれて",
        "相談にのってくれた",
        "丁寧な説明",
        "教えること",
        "わかりやすい",
        "支えたい",
        "解決したい",
        "話したい",
        "応援する",
        "わかった！と思える瞬間をつくる",
        "「大丈夫」と言える場をつくる",
        "できた？と聞き合える職場",
      ),
      fc.constantFrom("", "。", "！", "😊", "です", "ですね", "かな", "で『ありがとう』と言われたい", "と言われたい"),
    )
    .map(([phrase, ending]) => phrase + ending);
  const value = fc.constantFrom(...Object.values(valueWords), "誠実さ");

  it("offers only single sentences, without an ellipsis or a grammar fault", () => {
    fc.assert(
      fc.property(fc.option(who), fc.option(what), fc.array(value, { maxLength: 2 }), (typedWho, typedWhat, values) => {
        for (const draft of willDrafts({ who: typedWho, what: typedWhat, values })) expectOneGoodSentence(draft);
      }),
      { numRuns: 500 },
    );
  });
});

describe("cleanWho", () => {
  it.each([
    { text: "患者さんです", who: "患者さん" },
    { text: "子どもたちに", who: "子どもたち" },
    { text: "家族から", who: "家族" },
    { text: "同僚・後輩", who: "同僚や後輩" },
    { text: "学生・若い人", who: "学生や若い人" },
    { text: "お客さまかな", who: "お客さま" },
    { text: "地域の人たちですね", who: "地域の人たち" },
    { text: "やっぱり、家族かな。", who: "家族" },
    { text: "お客さんに言われたい", who: "お客さん" },
    { text: "部下ですかね🤔", who: "部下" },
    { text: "うーん…家族かな？", who: "家族" },
    { text: "会社の後輩たちかなと思います", who: "会社の後輩たち" },
    { text: "友人、家族", who: "友人や家族" },
    { text: "利用者さんとそのご家族", who: "利用者さんとそのご家族" },
  ])("reads 「$text」 as 「$who」", ({ text, who }) => {
    expect(cleanWho(text)).toBe(who);
  });

  it.each(["自分", "自分自身", "誰でも", "特にない", "特にないです", "わからない", "わかりません", "", "はい"])(
    "reads 「%s」 as nobody",
    (text) => {
      expect(cleanWho(text)).toBeNull();
    },
  );
});

describe("nominalise", () => {
  it.each([
    { text: "一緒に考える", what: "一緒に考えること" },
    { text: "話を聞いてくれて", what: "話を聞くこと" },
    { text: "相談にのってくれて", what: "相談にのること" },
    { text: "丁寧な説明", what: "丁寧な説明" },
    { text: "教えることです", what: "教えること" },
    { text: "困っている人を助けたい", what: "困っている人を助けること" },
    { text: "後輩の成長を支えたいです。", what: "後輩の成長を支えること" },
    { text: "話を聞きたい", what: "話を聞くこと" },
    { text: "一緒に悩みを解決したい", what: "一緒に悩みを解決すること" },
    { text: "サポートしたい", what: "サポートすること" },
    { text: "期待以上の提案をしたいですね", what: "期待以上の提案をすること" },
    { text: "役に立てたら嬉しいです", what: "役に立てること" },
    { text: "うーん、人の役に立つことかな", what: "人の役に立つこと" },
    { text: "話を聞いてあげたいです", what: "話を聞いてあげること" },
    { text: "そばにいてくれて", what: "そばにいること" },
    { text: "話したい", what: "話すこと" },
    { text: "やる気を引き出したい", what: "やる気を引き出すこと" },
    { text: "チームを励ましたい", what: "チームを励ますこと" },
    { text: "経験を活かしたい", what: "経験を活かすこと" },
    { text: "寄り添ってくれた", what: "寄り添うこと" },
    { text: "わかりやすい", what: "わかりやすさ" },
    { text: "居心地がいい", what: "居心地がいいこと" },
    { text: "その人らしく働けるように", what: "その人らしく働けるようにすること" },
    { text: "一緒に考えることでありがとうと言われたい", what: "一緒に考えること" },
    { text: "子どもの相談にのること。将来の話も聞きたい", what: "子どもの相談にのること、将来の話も聞くこと" },
    { text: "「大丈夫」と言える場をつくる", what: "『大丈夫』と言える場をつくること" },
    { text: "死にたいとまでは思わないけど、生きづらさを抱えた人の居場所をつくりたい", what: "生きづらさを抱えた人の居場所をつくること" },
    { text: "お金にはならないけど、人の役に立つことがしたい", what: "人の役に立つこと" },
    { text: "地域の子どもたちに関わることをやりたいです", what: "地域の子どもたちに関わること" },
    { text: "難しいけど、挑戦したい", what: "挑戦すること" },
  ])("reads 「$text」 as 「$what」", ({ text, what }) => {
    expect(nominalise(text)).toBe(what);
  });
});

describe("a what that is already a way of being", () => {
  it.each([
    { what: "安心して相談できる相手でいること", draft: "取引先の人たちのために、安心して相談できる相手でいたい。" },
    { what: "頼られる存在であること", draft: "取引先の人たちのために、頼られる存在でありたい。" },
  ])("says 「$what」 once: 「$draft」", ({ what, draft }) => {
    expect(willDrafts({ who: "取引先の人たち", what, values: [] })[0]).toBe(draft);
  });
});
