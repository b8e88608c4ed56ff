/**
 * Mirroring reflects the user's own words back in one short acknowledgement that reads
 * well to a career consultant: endings adapted, nothing bare or truncated mid-clause,
 * brackets always balanced, never the same acknowledgement twice in a row; a moment by its
 * scene, a deed in the user's voice, the もやもや answer by its feelings, never quoted.
 */
import fc from "fast-check";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { deedVoice, freshStrength, strengthOf } from "../../src/dialogue/understand/deed";
import { acknowledgeDeed, displayQuote, DISPLAY_LENGTH, mirror, type MirrorContext } from "../../src/dialogue/understand/mirror";
import { personas } from "../corpus/personas";
import { grammarFaults, thankersWordsAsStrength, unbalancedBrackets } from "../helpers/grammar";

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
      expect(unbalancedBrackets(said)).toBe(0);
      expect(thankersWordsAsStrength(said)).toBe(false);
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
  it.each(CONTEXTS.filter((context) => context !== "moyamoya"))(
    "never gives the same %s acknowledgement on consecutive turns",
    (context) => {
      for (let turn = 0; turn < 7; turn += 1) {
        expect(frameOf(mirror("残業が多い", context, turn))).not.toBe(frameOf(mirror("人間関係", context, turn + 1)));
        expect(mirror("丁寧な説明", context, turn)).not.toBe(mirror("丁寧な説明", context, turn + 1));
      }
    },
  );

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
    { text: "後輩の資料を直しました", context: "deed", quote: "後輩の資料を直した" },
    { text: "相談にのってくれて", context: "deed", quote: "相談にのった" },
    { text: "新人の指導をしてくれました", context: "deed", quote: "新人の指導をした" },
    { text: "毎朝声をかけています", context: "deed", quote: "毎朝声をかけている" },
    { text: "友人の話を聞く時間をつくります！", context: "action", quote: "友人の話を聞く時間をつくる" },
    { text: "常連さんにいつもありがとうねって", context: "moment", quote: "常連さんにいつもありがとうねって" },
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

  it("quotes a long moment by its scene, from the start, never by the thanks at its end", () => {
    const said = mirror(
      "先月、新人の子が仕事で悩んでいたので、毎日少しずつ話を聞いて一緒に手順を整理したら、ありがとうございますって言ってもらえました",
      "moment",
      0,
    );
    expect(said).toBe("「先月、新人の子が仕事で悩んでいたので…」、教えてくださってありがとうございます。");
  });

  it("leaves the thanker's bracketed words out of a long moment, so the scene is quoted whole", () => {
    const said = mirror("社内ツールを作ったら、経理の人に「毎月3時間も浮いて本当に助かりました、ありがとう！」と感謝された", "moment", 0);
    expect(said).toBe("「社内ツールを作ったら、経理の人に感謝された」という場面ですね。");
  });

  it("ends a scene whose thanker's words ended it with a verb of saying (a fresh persona: 「…奥さんから『…』って」)", () => {
    const said = mirror("機内で具合悪くなった年配の男性に付き添ったら、奥さんから「あなたが気づいてくれたおかげです」って", "moment", 0);
    expect(said).toBe("「機内で具合悪くなった年配の男性に付き添ったら、奥さんから言われた」という場面ですね。");
  });

  it("leaves 「…ますでしょうか」 as typed rather than 「…ますだろうか」, which no one says", () => {
    expect(mirror("少しは伝わりますでしょうか", "feeling", 0)).toContain("「少しは伝わりますでしょうか」");
  });

  it("keeps 「何も」 whole at the end of a modest deed (「特別なことは何も…」 was said back as 「特別なことは何」)", () => {
    expect(mirror("特別なことは何も…", "deed", 0)).toContain("「特別なことは何も」");
  });

  it("never cuts a moment inside the thanker's words, so its brackets balance", () => {
    const said = mirror(
      "「ご家族の方から、丁寧に説明してくださって本当に安心しました、ありがとうございます」と言われたのが忘れられません",
      "moment",
      1,
    );
    expect(unbalancedBrackets(said)).toBe(0);
    expect(said).not.toMatch(/^「…/u);
  });

  it.each([
    ["今日は死ぬほど忙しかったけど、お客さんにありがとうと言われた", "大変な中でも、「お客さんにありがとうと言われた」"],
    [
      "締め切りギリギリで魂抜けそうでしたが、先輩に資料を手伝ったらありがとうと言われました",
      "大変な中でも、「先輩に資料を手伝ったらありがとうと言われた」",
    ],
  ])("quotes a moment told after a hard day from after the concession: %s", (moment, start) => {
    expect(mirror(moment, "moment", 0).startsWith(start)).toBe(true);
  });

  it.each([
    "先輩が、資料を見てくれてありがとうと言ってくれた",
    "お客さんに感謝されて死ぬほど嬉しかったけど、うまく返せなかった",
    "特に大変なこともなかったけど、後輩にありがとうと言われた",
    "疲れていた後輩にお茶を出したけど、すごく喜ばれた",
    "忙しそうな先輩の資料作りを手伝ったけど、ありがとうと言われた",
  ])("quotes a moment whole when what comes before the concession is no hard day of the writer's: %s", (moment) => {
    expect(mirror(moment, "moment", 0)).toMatch(/^「/);
  });

  it.each([
    [
      "入院中のおじいちゃんが、早くお迎えが来てほしいとぽつり。手を握ったら、ありがとうと言ってくれた",
      "「手を握ったら、ありがとうと言ってくれた」という場面ですね。",
    ],
    [
      "利用者さんがもう死にたいと泣いていた。夕方には笑って、ありがとうと言ってくれた",
      "「夕方には笑って、ありがとうと言ってくれた」という場面ですね。",
    ],
  ])("quotes the thanks, not someone's words of dying, as the scene: %s", (moment, reflected) => {
    expect(mirror(moment, "moment", 0)).toBe(reflected);
  });

  it("quotes nothing when every sentence of the scene holds someone's words of dying", () => {
    expect(mirror("患者さんが早くお迎えが来てほしいと言った", "moment", 0)).toBe("");
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
      "『",
      "』",
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
        expect(unbalancedBrackets(said)).toBe(0);
        if (context === "moyamoya") return;
        expect(said.startsWith("「")).toBe(true);
        expect(quoteOf(said)).not.toMatch(/[。\n]/u);
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
    { deed: "事前に調べて準備しておいた", strength: "先回りして備える力" },
    { deed: "引っ越しを手伝った", strength: "困っている人を支える力" },
    { deed: "手順を見直して改善した", strength: "課題を見つけて解決する力" },
    { deed: "伝えたいことを聞いて、デザインを3案提案した", strength: "新しいものを形にする力" },
    { deed: "言い訳せずに最後まで話を聞いて、できることを一つずつ説明した", strength: "逃げずに向き合う誠実さ" },
    { deed: "原因と対策を資料にまとめて、直接説明しに行った", strength: "逃げずに向き合う誠実さ" },
    { deed: "朝イチで単価を確認して、先に見積もりを出しておきました", strength: "先回りして備える力" },
    { deed: "新人の指導をしてくれて", strength: "人の成長を後押しする力" },
    { deed: "自分の失敗談も話しながら、否定しないで最後まで聞きました", strength: "相手を否定せずに受けとめる力" },
    { deed: "わからないところを、放課後に何度も教えました", strength: "あきらめずに何度でも向き合う力" },
    { deed: "過去3年分を見直して、原因を調べました", strength: "原因まで丁寧にたどる力" },
    { deed: "朝早く起きて作ってます", strength: "手間を惜しまない思いやり" },
    { deed: "締め切りの前日に、一緒に構成を見直しました", strength: "相手と一緒に動ける力" },
    { deed: "壊れていた棚を直しました", strength: "課題を見つけて解決する力" },
    { deed: "消灯後も30分おきに様子を見に行って、話したいときは話を聞きました", strength: "相手の話にじっくり耳を傾ける力" },
    { deed: "様子がいつもと違ったので、声をかけました", strength: "小さな変化に気づく細やかさ" },
    { deed: "とくに何も", strength: "相手のことを考えて動ける力" },
  ])("reads 「$deed」 as $strength", ({ deed, strength }) => {
    expect(strengthOf(deed)).toBe(strength);
  });

  it.each([
    "お茶を用意したことだと思います",
    "資料を先回りして準備したことかなと思います",
    "付き添って準備したことでしょうか",
    "逆算して段取りを準備したことですかね",
  ])("quotes 「%s」 without the copula the hedge leaves (tried in the chat: 「…用意したことだ」ことで)", (deed) => {
    const { text } = acknowledgeDeed(deed, 0, []);
    expect(text).toContain("したこと」");
    expect(text).not.toContain("ことだ」");
  });

  it("quotes a deed without the hesitation it opens with (tried in the chat: 「そうですね…強いて言えば、…」)", () => {
    const { text } = acknowledgeDeed("そうですね…強いて言えば、締め切りから逆算して段取りを組んだことですかね", 0, []);
    expect(text).toMatch(/^「締め切りから逆算して段取りを組んだこと」/);
  });

  it("is not named twice in a session, unless the deed repeats the word that showed it", () => {
    const named = [{ strength: "相手の話にじっくり耳を傾ける力", deed: "休憩のときに話を聞いた" }];
    expect(freshStrength("相談にのった", named)).not.toBe("相手の話にじっくり耳を傾ける力");
    expect(freshStrength("帰りにもう一度話を聞いた", named)).toBe("相手の話にじっくり耳を傾ける力");
  });

  it("names a different strength for each deed of a session whose words differ", () => {
    const first = acknowledgeDeed("相談にのった", 0, []);
    const third = acknowledgeDeed("相談に乗って、一緒に考えた", 2, [{ strength: first.strength ?? "", deed: "相談にのった" }]);
    expect(first.strength).toBe("相手の話にじっくり耳を傾ける力");
    expect(third.strength).not.toBeNull();
    expect(third.strength).not.toBe(first.strength);
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

describe("whose voice a deed is told in", () => {
  it.each([
    { deed: "相談にのってくれて", voice: { kind: "converted", text: "相談にのった" } },
    { deed: "手伝ってくれて", voice: { kind: "converted", text: "手伝った" } },
    { deed: "説明してくださった", voice: { kind: "converted", text: "説明した" } },
    { deed: "選んでくれた", voice: { kind: "converted", text: "選んだ" } },
    { deed: "残業した", voice: { kind: "own", text: "残業した" } },
    { deed: "いつも丁寧に説明してくれてありがとう、と言ってくれました", voice: { kind: "thanker" } },
    { deed: "先輩がいてくれてよかった", voice: { kind: "thanker" } },
    { deed: "粉薬の飲ませ方を教えてくれて助かった", voice: { kind: "thanker" } },
  ] as const)("reads 「$deed」 as $voice.kind", ({ deed, voice }) => {
    expect(deedVoice(deed)).toEqual(voice);
  });

  it("never hands the thanker's words back as the user's strength", () => {
    for (const turn of [0, 1, 2]) {
      expect(acknowledgeDeed("いつも相談にのってくれてありがとうって", turn, []).text).toBe("");
      const said = acknowledgeDeed("相談にのってくれて", turn, []).text;
      expect(said).not.toContain("くれ");
      expect(thankersWordsAsStrength(said)).toBe(false);
    }
  });
});

describe("the もやもや answer", () => {
  it.each([
    { text: "仕様が毎週変わる。やってもやっても終わらない感じがしています。", says: "終わりが見えない感じが続いているんですね。" },
    { text: "育休から復帰して、前みたいに任せてもらえない気がしてます。焦りもあります💦", says: "焦りもあるんですね。" },
    { text: "夜勤が続いて、患者さんとゆっくり話す時間がないことです。", says: "時間を使えずにいるんですね。" },
    { text: "前例がないと何も変えられない。", says: "変えたくても変えにくい" },
  ])("is reflected by its feeling: 「$text」", ({ text, says }) => {
    const said = mirror(text, "moyamoya", 0);
    expect(said).toContain(says);
    expect(said).not.toContain("「");
    expect(said).not.toContain("と感じているんですね");
    expect(grammarFaults(said)).toEqual([]);
  });

  it("names a feeling the user named even when situations come first", () => {
    expect(mirror("数字ばかり追いかけて、毎日謝ってばかり。正直、焦りもあります", "moyamoya", 0)).toBe(
      "数字を追う毎日に、迷いがあるんですね。焦りもあるんですね。",
    );
  });

  it.each(["特にないです", "はい"])("is not reflected when 「%s」 is a bare answer", (text) => {
    expect(mirror(text, "moyamoya", 0)).toBe("");
  });

  it("names the もやもや without quoting it when no feeling is recognised", () => {
    expect(mirror("会議の資料が紙のままなこと", "moyamoya", 0)).toBe("そこに、もやもやがあるんですね。");
  });

  it.each([
    { text: "今は部下の相談に乗る側になって、逆に部下のことでもやもやしています", says: "部下のことで、もやもやがあるんですね。" },
    { text: "評価の仕方にモヤモヤ", says: "評価の仕方のことで、もやもやがあるんですね。" },
    { text: "上司の一言がずっともやもやする", says: "上司の一言のことで、もやもやがあるんですね。" },
    { text: "田中さんにもやもやしてます", says: "田中さんのことで、もやもやがあるんですね。" },
    { text: "なんかもやもやする", says: "そこに、もやもやがあるんですね。" },
    { text: "最近でもやもや", says: "そこに、もやもやがあるんですね。" },
  ])("names what the もやもや was tied to, when no feeling is recognised: 「$text」", ({ text, says }) => {
    const said = mirror(text, "moyamoya", 0);
    expect(said).toBe(says);
    expect(grammarFaults(said)).toEqual([]);
  });
});

describe("displayQuote", () => {
  it.each([
    { text: "夜勤が続いています。患者さんと話す時間がないです", shown: "夜勤が続いています" },
    { text: "ありがとう😊", shown: "ありがとう" },
    { text: "「助かった」と言われた！", shown: "『助かった』と言われた" },
    { text: "「助かった」と言われた」", shown: "『助かった』と言われた" },
    { text: "", shown: "" },
  ])("shows 「$text」 as 「$shown」", ({ text, shown }) => {
    expect(displayQuote(text)).toBe(shown);
  });

  it("clips a long sentence with an ellipsis within the limit", () => {
    const shown = displayQuote("あ".repeat(60), 40);
    expect([...shown]).toHaveLength(40);
    expect(shown.endsWith("…")).toBe(true);
  });

  it("closes a bracket the clip falls inside", () => {
    const shown = displayQuote(`「${"あ".repeat(60)}」と言われた`, 20);
    expect([...shown].length).toBeLessThanOrEqual(20);
    expect(unbalancedBrackets(shown)).toBe(0);
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
