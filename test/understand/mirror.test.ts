/**
 * Mirroring reflects the user's own words back in one short acknowledgement that reads
 * well to a career consultant: endings adapted, nothing bare or truncated mid-clause,
 * never the same acknowledgement twice in a row.
 */
import fc from "fast-check";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { displayQuote, DISPLAY_LENGTH, mirror, strengthOf, type MirrorContext } from "../../src/dialogue/understand/mirror";
import { personas } from "../corpus/personas";
import { grammarFaults } from "../helpers/grammar";

const CONTEXTS: readonly MirrorContext[] = ["moyamoya", "moment", "feeling", "deed", "action"];

/** Every typed answer of every persona, with the context it answers and its turn. */
const ANSWERS = personas.flatMap((persona) => [
  { persona: persona.name, context: "moyamoya" as const, text: persona.moyamoya, turn: 0 },
  ...(persona.firstThanksAnswer === undefined
    ? []
    : [{ persona: persona.name, context: "moment" as const, text: persona.firstThanksAnswer, turn: 0 }]),
  ...persona.moments.flatMap((moment, turn) => [
    { persona: persona.name, context: "moment" as const, text: moment.text, turn },
    { persona: persona.name, context: "feeling" as const, text: moment.feeling, turn },
    { persona: persona.name, context: "deed" as const, text: moment.deed, turn },
  ]),
  ...(persona.action === "suggestion" ? [] : [{ persona: persona.name, context: "action" as const, text: persona.action, turn: 0 }]),
]);

/** The acknowledgement without the user's words: what the bot itself says. */
function frameOf(acknowledgement: string): string {
  return acknowledgement.replace(/^「[^」]*」/u, "「」");
}

/** The user's words as quoted at the start of an acknowledgement. */
function quoteOf(acknowledgement: string): string {
  return /^「([^」]*)」/u.exec(acknowledgement)?.[1] ?? "";
}

describe("mirror over every persona answer", () => {
  it.each(ANSWERS)("reads well for $persona's $context answer 「$text」", ({ context, text, turn }) => {
    for (const t of [turn, turn + 1, turn + 2]) {
      const said = mirror(text, context, t);
      expect(grammarFaults(said)).toEqual([]);
      expect(quoteOf(said)).not.toMatch(/[。！？!?]/u);
      expect([...quoteOf(said)].length).toBeLessThanOrEqual(DISPLAY_LENGTH);
    }
  });

  it.each(personas)("never repeats an acknowledgement across $name's moments", ({ moments }) => {
    for (const key of ["text", "feeling", "deed"] as const) {
      const context = key === "text" ? "moment" : key;
      const frames = moments.map((moment, turn) => frameOf(mirror(moment[key], context, turn))).filter((frame) => frame !== "");
      frames.slice(1).forEach((frame, i) => expect(frame).not.toBe(frames[i]));
    }
  });
});

describe("mirror", () => {
  it.each(CONTEXTS)("never gives the same %s acknowledgement on consecutive turns", (context) => {
    for (let turn = 0; turn < 7; turn += 1) {
      expect(frameOf(mirror("残業が多い", context, turn))).not.toBe(frameOf(mirror("人間関係", context, turn + 1)));
      expect(mirror("丁寧な説明", context, turn)).not.toBe(mirror("丁寧な説明", context, turn + 1));
    }
  });

  it.each([
    { text: "はい" },
    { text: "いいえ" },
    { text: "ない" },
    { text: "ないです" },
    { text: "特にないです。" },
    { text: "思いつかないです" },
    { text: "ありません" },
    { text: "わかりません…" },
    { text: "うん😊" },
    { text: "  " },
  ])("does not quote a bare 「$text」", ({ text }) => {
    for (const context of CONTEXTS) expect(mirror(text, context, 0)).toBe("");
  });

  it.each([
    { text: "お客様に褒められました", context: "moment", quote: "お客様に褒められた" },
    { text: "お客さまにありがとうと言われました。", context: "moment", quote: "お客さまにありがとうと言われた" },
    { text: "嬉しかったです", context: "feeling", quote: "嬉しかった" },
    { text: "上司に意見を言えないことです", context: "moyamoya", quote: "上司に意見を言えないこと" },
    { text: "会議が多いです", context: "moyamoya", quote: "会議が多い" },
    { text: "仕事が面白くないです", context: "moyamoya", quote: "仕事が面白くない" },
    { text: "後輩の資料を直しました", context: "deed", quote: "後輩の資料を直した" },
    { text: "毎朝声をかけています", context: "deed", quote: "毎朝声をかけている" },
    { text: "友人の話を聞く時間をつくります！", context: "action", quote: "友人の話を聞く時間をつくる" },
    { text: "このままでいいのかなって思います😢", context: "moyamoya", quote: "このままでいいのかな" },
    { text: "人間関係…", context: "moyamoya", quote: "人間関係" },
    { text: "常連さんにいつもありがとうねって", context: "moment", quote: "常連さんにいつもありがとうねって" },
    { text: "毎日同じことの繰り返しで。正直しんどいです", context: "moyamoya", quote: "毎日同じことの繰り返し" },
    { text: "お客様に「ありがとう。助かった」と言われた", context: "moment", quote: "お客様に『ありがとう、助かった』と言われた" },
  ] as const)("quotes 「$text」 as 「$quote」", ({ text, context, quote }) => {
    const said = mirror(text, context, 0);
    expect(quoteOf(said)).toBe(quote);
    expect(grammarFaults(said)).toEqual([]);
  });

  it.each([
    ["頼まれました", "頼まれた"],
    ["喜んでもらえました", "喜んでもらえた"],
    ["助かりました", "助かった"],
    ["褒めてもらいました", "褒めてもらった"],
    ["手紙をいただきました", "手紙をいただいた"],
    ["駅まで行きました", "駅まで行った"],
    ["少し話しました", "少し話した"],
    ["本を読みました", "本を読んだ"],
    ["道を選びました", "道を選んだ"],
    ["責任を感じました", "責任を感じた"],
    ["家族がいました", "家族がいた"],
    ["仲間がいます", "仲間がいる"],
    ["知りませんでした", "知らなかった"],
    ["大変でした", "大変だった"],
    ["一緒に頑張りました", "一緒に頑張った"],
    ["やっと完成できました", "やっと完成できた"],
    ["毎朝声をかけています", "毎朝声をかけている"],
    ["してもらったんです", "してもらった"],
    ["お礼を言われましたね", "お礼を言われた"],
  ])("puts the polite 「%s」 in the plain form 「%s」", (text, plain) => {
    expect(quoteOf(mirror(text, "moment", 0))).toBe(plain);
  });

  it("quotes the end of a long sentence after an ellipsis, so the ending still fits the frame", () => {
    const said = mirror(
      "先月、新人の子が仕事で悩んでいたので、毎日少しずつ話を聞いて一緒に手順を整理したら、ありがとうございますって言ってもらえました",
      "moment",
      0,
    );
    expect(said).toBe("「…ありがとうございますって言ってもらえた」という場面ですね。");
  });

  it("does not treat a professional mention of a suicide attempt as anything but a moment", () => {
    expect(mirror("未遂の患者さんのご家族から感謝されました", "moment", 0)).toBe(
      "「未遂の患者さんのご家族から感謝された」という場面ですね。",
    );
  });
});

/** Text made of the pieces users type: words, polite endings, particles, punctuation, emoji. */
const typedText = fc
  .array(
    fc.constantFrom(
      "仕事",
      "が",
      "多い",
      "です",
      "ました",
      "。",
      "、",
      "！",
      "？",
      "😊",
      "「",
      "」",
      "ありがとう",
      "って",
      "言われ",
      "て",
      "ない",
      "けど",
      "w",
      " ",
      "\n",
      "…",
      "こと",
      "たい",
      "ね",
    ),
    { maxLength: 30 },
  )
  .map((pieces) => pieces.join(""));

describe("mirror on any typed text", () => {
  it("returns nothing or one acknowledgement whose quote fits and holds no sentence break", () => {
    fc.assert(
      fc.property(typedText, fc.constantFrom(...CONTEXTS), fc.nat({ max: 10 }), (text, context, turn) => {
        const said = mirror(text, context, turn);
        if (said === "") return;
        expect(said.startsWith("「")).toBe(true);
        expect(quoteOf(said)).not.toMatch(/[。！？\n]/u);
        expect([...quoteOf(said)].length).toBeLessThanOrEqual(DISPLAY_LENGTH);
      }),
    );
  });
});

describe("mirror on answers built the way users type them", () => {
  const answer = fc
    .tuple(
      fc.constantFrom("", "昨日、", "正直、"),
      fc.constantFrom(
        "残業が多いです",
        "お客様に褒められました",
        "人間関係",
        "上司に意見を言えないことです",
        "ありがとうと言われた",
        "手伝ってくれて",
        "図を描いて説明しました",
        "このままでいいのかな",
        "嬉しかったです",
        "達成感",
        "話を聞いただけです",
        "後輩に教えました",
        "やりがいがないです",
      ),
      fc.constantFrom("", "。", "！", "😊", "ね", "よ", "。でも少し疲れました", "けど", "って思います", "…", "w"),
    )
    .map(([prefix, body, suffix]) => prefix + body + suffix);

  it("never reads as a grammar fault", () => {
    fc.assert(
      fc.property(answer, fc.constantFrom(...CONTEXTS), fc.nat({ max: 10 }), (text, context, turn) => {
        expect(grammarFaults(mirror(text, context, turn))).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });
});

describe("the strength a deed shows", () => {
  it.each([
    { deed: "図を描いて順番に説明した", strength: "相手の立場でわかりやすく伝える力" },
    { deed: "話をじっくり聞いた", strength: "相手の話にじっくり耳を傾ける力" },
    { deed: "事前に調べて準備しておいた", strength: "準備を怠らない誠実さ" },
    { deed: "引っ越しを手伝った", strength: "困っている人を支える力" },
    { deed: "手順を見直して改善した", strength: "課題を見つけて解決する力" },
    { deed: "伝えたいことを聞いて、デザインを3案提案した", strength: "新しいものを形にする力" },
    { deed: "とくに何も", strength: "相手のことを考えて動ける力" },
  ])("reads 「$deed」 as $strength", ({ deed, strength }) => {
    expect(strengthOf(deed)).toBe(strength);
  });

  it.each([{ deed: "話を聞いただけです" }, { deed: "特別なことはしていません" }, { deed: "当たり前のことをしただけ" }])(
    "reframes the modest deed 「$deed」 instead of agreeing with it",
    ({ deed }) => {
      const said = [0, 1, 2].map((turn) => mirror(deed, "deed", turn));
      said.forEach((text) => expect(text).toMatch(/相手/u));
      expect(new Set(said).size).toBe(3);
      said.forEach((text) => expect(grammarFaults(text)).toEqual([]));
    },
  );

  it("is named in some of the acknowledgements of a deed", () => {
    const said = [0, 1, 2].map((turn) => mirror("図を描いて順番に説明しました", "deed", turn));
    expect(said[0]).toBe("「図を描いて順番に説明した」ことで、相手の立場でわかりやすく伝える力が発揮されたんですね。");
    expect(said.filter((text) => text.includes("わかりやすく伝える力"))).toHaveLength(2);
  });
});

describe("displayQuote", () => {
  it.each([
    { text: "夜勤が続いています。患者さんと話す時間がないです", shown: "夜勤が続いています" },
    { text: "ありがとう😊", shown: "ありがとう" },
    { text: "「助かった」と言われた！", shown: "『助かった』と言われた" },
    { text: "", shown: "" },
  ])("shows 「$text」 as 「$shown」", ({ text, shown }) => {
    expect(displayQuote(text)).toBe(shown);
  });

  it("clips a long sentence with an ellipsis within the limit", () => {
    const shown = displayQuote("あ".repeat(60), 40);
    expect([...shown]).toHaveLength(40);
    expect(shown.endsWith("…")).toBe(true);
  });
});

describe("the understand folder", () => {
  const folder = join(__dirname, "../../src/dialogue/understand");
  it.each(readdirSync(folder).filter((file) => file.endsWith(".ts")))("%s holds no Japanese outside comments", (file) => {
    const code = readFileSync(join(folder, file), "utf8")
      .replace(/\/\*[\s\S]*?\*\//g, "")
      .replace(/^\s*\/\/.*$/gm, "");
    expect(code).not.toMatch(/[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}、。「」『』…ー]/u);
    expect(code).not.toMatch(/\\u\{?(?:3[0-9a-f]{3}|[4-9][0-9a-f]{3}|ff[0-9a-f]{2})/iu);
  });
});
