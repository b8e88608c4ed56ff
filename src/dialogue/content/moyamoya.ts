/**
 * How the bot reflects what feels off at work (もやもや): not by quoting the sentence back,
 * but by naming the feeling in a short paraphrase, as a counsellor would (「焦りもあるんですね」).
 * A fact the user states stays a fact: no frame turns it into 「…と感じているんですね」.
 *
 * Each entry lists words that show one feeling or situation and two ways to say it: `first`
 * when it is the first thing reflected, `also` when it follows another. Feelings the user
 * names (`named`) are always reflected; situations fill up to two. Operators may edit the
 * wording; keep each line short, warm and free of judgement.
 */

/** One feeling or situation the もやもや answer may show. */
export interface MoyamoyaFeeling {
  /** Words in the user's text that show it (matched anywhere, after tidying). */
  readonly cues: readonly string[];
  /** The reflection when it comes first. */
  readonly first: string;
  /** The reflection when it follows another (usually with 「も」). */
  readonly also: string;
  /** A feeling the user named in so many words (焦り, 不安): never left out. */
  readonly named?: true;
}

/** The feelings and situations, each with its reflections. */
export const moyamoyaFeelings: readonly MoyamoyaFeeling[] = [
  {
    cues: ["焦り", "焦る", "焦って", "焦っ", "あせり", "あせる", "あせって"],
    first: "焦りを感じているんですね。",
    also: "焦りもあるんですね。",
    named: true,
  },
  { cues: ["不安", "心配"], first: "不安な気持ちを抱えているんですね。", also: "不安もあるんですね。", named: true },
  { cues: ["さみしい", "寂しい", "さびしい", "孤独"], first: "さみしさがあるんですね。", also: "さみしさもあるんですね。", named: true },
  { cues: ["悔しい", "くやしい"], first: "悔しい思いをしているんですね。", also: "悔しさもあるんですね。", named: true },
  {
    cues: ["落ち込", "へこむ", "へこん", "凹"],
    first: "落ち込むことが続いているんですね。",
    also: "落ち込むこともあるんですね。",
    named: true,
  },
  { cues: ["もどかしい", "もどかしさ"], first: "もどかしさがあるんですね。", also: "もどかしさもあるんですね。", named: true },
  {
    cues: ["終わらない", "終わりが見えない", "キリがない", "きりがない", "やってもやっても"],
    first: "終わりが見えない感じが続いているんですね。",
    also: "終わりが見えない感じもあるんですね。",
  },
  {
    cues: ["任せてもらえない", "任せてもらえず", "任されない", "信頼されていない", "信用されていない"],
    first: "任せてもらえないもどかしさがあるんですね。",
    also: "任せてもらえないもどかしさもあるんですね。",
  },
  {
    cues: ["気づかれない", "気付かれない", "評価されない", "認められない", "見てもらえない", "報われない", "感謝されない"],
    first: "がんばりが届きにくい、さみしさがあるんですね。",
    also: "がんばりが届きにくいさみしさもあるんですね。",
  },
  {
    cues: [
      "意見が言えない",
      "意見を言えない",
      "意見が通らない",
      "言いたいことが言えない",
      "言われた通り",
      "言われたとおり",
      "言われるがまま",
    ],
    first: "自分の考えを出しにくい窮屈さがあるんですね。",
    also: "自分の考えを出しにくい窮屈さもあるんですね。",
  },
  {
    cues: ["前例", "変えられない", "何も変わらない", "変わらない"],
    first: "変えたくても変えにくい、もどかしさがあるんですね。",
    also: "変えにくいもどかしさもあるんですね。",
  },
  {
    cues: ["時間がない", "時間が取れない", "時間がとれない", "時間を取れない", "余裕がない", "削られ", "進まない"],
    first: "大事にしたいことに、なかなか時間を使えずにいるんですね。",
    also: "時間のなさも重なっているんですね。",
  },
  {
    cues: ["穴埋め", "全部自分", "自分ばかり", "一人で抱え", "ひとりで抱え", "回らない", "人手不足"],
    first: "ひとりで抱えることが多くなっているんですね。",
    also: "ひとりで抱えることも多いんですね。",
  },
  {
    cues: [
      "ためになっているのか",
      "役に立っているのか",
      "意味があるのか",
      "実感がわか",
      "実感が湧か",
      "実感がない",
      "手応えがない",
      "やりがいがない",
    ],
    first: "自分の仕事の手応えが、つかみにくくなっているんですね。",
    also: "手応えのつかみにくさもあるんですね。",
  },
  {
    cues: ["数字ばかり", "ノルマ", "数字に追われ", "数字を追", "売上ばかり"],
    first: "数字を追う毎日に、迷いがあるんですね。",
    also: "数字を追う毎日への迷いもあるんですね。",
  },
  {
    cues: ["繰り返し", "くり返し", "単調", "雑用", "ルーティン", "作業ばかり"],
    first: "いまの仕事に、物足りなさがあるんですね。",
    also: "物足りなさもあるんですね。",
  },
  {
    cues: ["謝って", "謝る", "謝り", "クレーム", "怒られ", "怒鳴られ", "叱られ", "責められ"],
    first: "気持ちをすり減らす場面が多いんですね。",
    also: "気持ちをすり減らす場面も多いんですね。",
  },
  { cues: ["きつい", "しんどい", "疲れ", "体力的", "限界"], first: "しんどさが続いているんですね。", also: "しんどさもあるんですね。" },
  { cues: ["給料", "給与", "収入", "年収"], first: "待遇のことも、気がかりなんですね。", also: "待遇のことも気がかりなんですね。" },
  {
    cues: ["人間関係", "上司と", "上司が", "同僚と", "職場の空気"],
    first: "職場の人との関係に、気をつかうことが多いんですね。",
    also: "人との関係にも、気をつかっているんですね。",
  },
  {
    cues: ["辞めたくない", "辞めたくは", "続けたい", "嫌いじゃない", "嫌いではない"],
    first: "それでも、続けたい気持ちがあるんですね。",
    also: "それでも、続けたい気持ちもあるんですね。",
    named: true,
  },
  {
    cues: ["どうしたらいい", "どうすればいい", "このままでいいのか", "迷って", "迷い", "わからない", "分からない"],
    first: "どうしたらいいか、迷っているんですね。",
    also: "迷いもあるんですね。",
  },
];

/**
 * The reflection when no feeling is recognised: it names the もやもや the user just put into
 * words, without quoting them and without turning what they said into a mere impression.
 */
export const moyamoyaFallback = "そこに、もやもやがあるんですね。";

/**
 * When no feeling is recognised but the user tied the もやもや to something (「部下のことでもやもや
 * しています」「評価の仕方にモヤモヤ」「上司の一言がずっともやもやする」): that thing, named back as the
 * subject of the もやもや (「部下のことで、もやもやがあるんですね。」). Not a quote: only the words the
 * user put right before it.
 */
export function moyamoyaAbout(topic: string): string {
  return `${topic}${topic.endsWith("こと") ? "で" : "のことで"}、もやもやがあるんですね。`;
}

/** Words of time that are no subject of a もやもや (「最近でもやもや」). */
export const moyamoyaNotTopics: readonly string[] = [
  "今日",
  "最近",
  "毎日",
  "昨日",
  "今",
  "朝",
  "夜",
  "今週",
  "先週",
  "今月",
  "先月",
  "今年",
  "週末",
  "毎朝",
  "毎晩",
];

/**
 * Nouns joined by 「の」 (kanji, katakana, Latin letters, digits; a person's honorific), then 「で」
 * 「に」「が」 or 「について」 and the word もやもや: 「部下のこと」, 「評価の仕方」, 「上司の一言」 (group 1).
 */
export const moyamoyaTopicBefore =
  "((?:[\\p{Script=Han}\\p{Script=Katakana}ーA-Za-z0-9々〇]+(?:さん|くん|ちゃん|様)?の)*[\\p{Script=Han}\\p{Script=Katakana}ーA-Za-z0-9々〇]+(?:さん|くん|ちゃん|様|のこと|の件)?)" +
  "(?:について|に対して|で|に|が)(?:ずっと|すごく|少し|ちょっと|なんか|かなり|とても|まだ)?(?:もやもや|モヤモヤ|ﾓﾔﾓﾔ)";
