/**
 * The WILL sentence stays grammatical for any who and what a user types or taps, keeps
 * their words whole, and the cleaned who reads well in the question that follows it.
 */
import fc from "fast-check";
import { fill, messages, valueClauses, values, willWhatPhrases, willWhoChoices } from "../../src/dialogue/content";
import { suggestValues } from "../../src/dialogue/values-prompt";
import { VALUE_IDS } from "../../src/dialogue/state";
import { cleanWho, nominalise, willSentence } from "../../src/dialogue/understand/will-sentence";
import { personas, type Persona } from "../corpus/personas";
import { grammarFaults } from "../helpers/grammar";

/** The value clauses a persona ends up with: typed labels when given, else the suggestions from their moments. */
function clausesOf(persona: Persona): string[] {
  const squash = (text: string): string => text.replace(/[・、,\s]/gu, "");
  const typed =
    persona.values === undefined ? [] : VALUE_IDS.filter((id) => squash(persona.values ?? "").includes(squash(values[id].label)));
  const ids = typed.length > 0 ? typed : suggestValues(persona.moments.map((moment) => `${moment.text}\n${moment.deed}`)).map((s) => s.id);
  return ids.map((id) => valueClauses[id]);
}

describe("willSentence over every persona", () => {
  it.each(personas)("reads well for $name", (persona) => {
    const sentence = willSentence({ who: persona.willWho, what: persona.willWhat, valueClauses: clausesOf(persona) });
    expect(grammarFaults(sentence)).toEqual([]);
    expect(sentence).not.toContain("…");
    expect(sentence.endsWith("。")).toBe(true);
    expect(sentence).toContain(nominalise(persona.willWhat));
  });

  it.each(personas)("asks $name what for without a stray particle after who", (persona) => {
    const who = cleanWho(persona.willWho);
    const question = who === null ? messages["session.willWhat.askNoWho"] : fill(messages["session.willWhat.ask"], { who });
    expect(grammarFaults(question)).toEqual([]);
  });
});

describe("willSentence", () => {
  it("writes the sentence of the brief", () => {
    expect(willSentence({ who: "同僚・後輩", what: "仕事のコツをわかりやすく伝えること", valueClauses: [valueClauses.teach] })).toBe(
      "同僚や後輩から、仕事のコツをわかりやすく伝えることで『ありがとう』と言われる人になる。大切にしたいのは、教えること、伝えること。",
    );
  });

  it.each([
    { name: "one value", clauses: ["人の役に立つこと"], values: "大切にしたいのは、人の役に立つこと。" },
    {
      name: "two values",
      clauses: ["人の役に立つこと", "挑戦すること"],
      values: "大切にしたいのは、人の役に立つこと、そして挑戦すること。",
    },
    {
      name: "three values",
      clauses: ["人の役に立つこと", "自由と裁量", "安心と安定"],
      values: "大切にしたいのは、人の役に立つこと、自由と裁量、そして安心と安定。",
    },
    {
      name: "a value that holds its own 、 inside a list",
      clauses: ["誰かの成長を支えること", "教えること、伝えること"],
      values: "大切にしたいのは、誰かの成長を支えること、そして教えることや伝えること。",
    },
    { name: "no values", clauses: [], values: "" },
  ])("joins $name", ({ clauses, values: expected }) => {
    expect(willSentence({ who: "家族", what: "丁寧な説明", valueClauses: clauses })).toBe(
      `家族から、丁寧な説明で『ありがとう』と言われる人になる。${expected}`,
    );
  });

  it.each([
    { who: "自分", what: "一緒に考える", sentence: "一緒に考えることで『ありがとう』と言われる人になる。" },
    { who: "家族から", what: null, sentence: "家族から『ありがとう』と言われる人になる。" },
    { who: null, what: null, sentence: "まわりの人から『ありがとう』と言われる人になる。" },
    { who: "特にないです", what: "。", sentence: "まわりの人から『ありがとう』と言われる人になる。" },
  ])("drops what is missing (who $who, what $what)", ({ who, what, sentence }) => {
    expect(willSentence({ who, what, valueClauses: [] })).toBe(sentence);
  });

  it("keeps a long what whole", () => {
    const what = "仕事や家庭のことで迷っている人の話を最後まで聞いて、その人が自分で答えを見つけられるように一緒に考えること";
    expect(willSentence({ who: "友人", what, valueClauses: [] })).toBe(`友人から、${what}で『ありがとう』と言われる人になる。`);
  });

  it("does not repeat a value that is already the what", () => {
    expect(willSentence({ who: "後輩", what: "人の役に立つこと", valueClauses: ["人の役に立つこと", "挑戦すること"] })).toBe(
      "後輩から、人の役に立つことで『ありがとう』と言われる人になる。大切にしたいのは、挑戦すること。",
    );
  });

  it.each(willWhoChoices.flatMap((who) => Object.values(willWhatPhrases).map((what) => ({ who, what }))))(
    "reads well for the buttons $who and $what",
    ({ who, what }) => {
      expect(grammarFaults(willSentence({ who, what, valueClauses: [valueClauses.teach, valueClauses.freedom] }))).toEqual([]);
    },
  );
});

describe("willSentence on any typed who and what", () => {
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
      ),
      fc.constantFrom("", "。", "！", "😊", "です", "ですね", "かな", "で『ありがとう』と言われたい", "と言われたい"),
    )
    .map(([phrase, ending]) => phrase + ending);

  it("stays at most two whole sentences, without an ellipsis or a grammar fault", () => {
    fc.assert(
      fc.property(fc.option(who), fc.option(what), (typedWho, typedWhat) => {
        const sentence = willSentence({ who: typedWho, what: typedWhat, valueClauses: ["人の役に立つこと"] });
        expect(sentence.endsWith("。")).toBe(true);
        expect(sentence).not.toContain("…");
        expect(sentence.match(/。/gu)?.length ?? 0).toBeLessThanOrEqual(2);
        expect(grammarFaults(sentence)).toEqual([]);
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
  ])("reads 「$text」 as 「$what」", ({ text, what }) => {
    expect(nominalise(text)).toBe(what);
  });
});
