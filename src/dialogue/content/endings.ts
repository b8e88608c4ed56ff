/**
 * The Japanese the rule-based reading of sentence endings needs: punctuation, particles,
 * polite-to-plain rewrites and the small word lists that tell a noun from a predicate.
 * The logic in `../understand/` holds no Japanese; it reads these tables.
 *
 * A rewrite rule applies at the end of a text only. Rules are tried in order and the
 * first whose `from` ends the text (and whose `after`, when given, holds the character
 * just before it) wins, so longer and more specific endings come first.
 */

/** One rewrite of a text's ending. */
export interface EndingRule {
  /** The ending to replace. */
  readonly from: string;
  /** What replaces it. */
  readonly to: string;
  /** When given, the rule applies only if the character before `from` is one of these. */
  readonly after?: string;
  /** When given, the rule does not apply if the character before `from` is one of these. */
  readonly notAfter?: string;
}

/** Hiragana of the え-row (stems of 一段 verbs such as 教える, 伝える). */
const E_ROW = "えけげせぜてでねへべぺめれ";

/** Characters that end a sentence inside a message. */
export const sentenceBreaks = "。．！？!?\n";

/**
 * What may follow 「！」 or 「？」 when the mark closes a quote the user did not bracket
 * (わかった！と思える, すごい！って言われた): then the mark does not end the sentence.
 */
export const quoteFollowers: readonly string[] = ["と思", "と言", "とい", "と感", "と笑", "と喜", "と声", "と叫", "と書", "って"];

/** The marks that end a sentence unless a {@link quoteFollowers} follows them. */
export const exclamationBreaks = "！？!?";

/** Characters after which a long sentence may be cut for display. */
export const clauseBreaks = "、，,";

/** Punctuation and marks that may trail a sentence and are dropped before quoting. */
export const trailingMarks = "。．.！!？?…‥、，,～~♪☆★〜・ｗw笑）)（(";

/** A long-vowel mark, dropped only after hiragana (なー → な, never リーダー → リーダ). */
export const longVowelMarks = "ー〜～";

/** The brackets users type, and the ones used when their words sit inside our 「」. */
export const brackets = { open: "「", close: "」", innerOpen: "『", innerClose: "』" } as const;

/** The ellipsis that marks a shortened quote. */
export const ellipsis = "…";

/** Casual sentence-final particles dropped when they follow a predicate (忙しいよね → 忙しい). */
export const finalParticles: readonly EndingRule[] = [
  { from: "かなって", to: "かな" },
  { from: "よねー", to: "" },
  { from: "よね", to: "", after: "すたいだるんうくつむぶぐ" },
  { from: "なぁ", to: "", after: "いだたるう" },
  { from: "なあ", to: "", after: "いだたるう" },
  { from: "ね", to: "", after: "すたいだるんうくつむぶぐか" },
  { from: "よ", to: "", after: "すたいだるんうくつむぶぐ" },
  { from: "わ", to: "", after: "すたいだる" },
  { from: "な", to: "", after: "いだたるう", notAfter: "か" },
  { from: "なんです", to: "" },
  { from: "んです", to: "", after: "たいるうくすつむぶぐだてで" },
  { from: "のです", to: "", after: "たいるうくすつむぶぐ" },
  { from: "んだ", to: "", after: "たいるうくすつむぶぐ" },
  { from: "の", to: "", after: "たいるうくすつむぶぐ" },
];

/** Conjunctive endings of a trailing clause, dropped before classifying (残業が多いし → 残業が多い). */
export const trailingConjunctions: readonly EndingRule[] = [
  { from: "けれども", to: "" },
  { from: "けれど", to: "" },
  { from: "けど", to: "" },
  { from: "のに", to: "" },
  { from: "ので", to: "", after: "たいるうくすつむぶぐ" },
  { from: "から", to: "", after: "たいるうくすつむぶぐ" },
  { from: "し", to: "", after: "たいだる" },
  { from: "とか", to: "" },
];

/** Particles that may close a fragment after a noun (毎日同じことの繰り返しで → …繰り返し). */
export const trailingParticles: readonly EndingRule[] = [
  { from: "てで", to: "て" },
  { from: "で", to: "", notAfter: "んいて" },
  { from: "に", to: "", notAfter: "う" },
  { from: "が", to: "" },
  { from: "を", to: "" },
  { from: "は", to: "" },
  { from: "も", to: "", notAfter: "何誰ん" },
];

/**
 * Polite endings rewritten to the plain form where the rewrite is safe. A polite ending
 * no rule covers is left as it is and quoted with a frame that needs no plain form.
 */
export const politeToPlain: readonly EndingRule[] = [
  { from: "でしょうか", to: "だろうか", notAfter: "す" },
  { from: "でしょう", to: "だろう", notAfter: "す" },
  { from: "いですか", to: "いのか" },
  { from: "ですか", to: "なのか" },
  { from: "ことです", to: "こと" },
  { from: "ものです", to: "もの" },
  { from: "かったです", to: "かった" },
  { from: "いです", to: "い" },
  { from: "ありませんでした", to: "なかった" },
  { from: "ではありません", to: "ではない" },
  { from: "じゃありません", to: "じゃない" },
  { from: "ありません", to: "ない" },
  { from: "できませんでした", to: "できなかった" },
  { from: "できません", to: "できない" },
  { from: "しませんでした", to: "しなかった", notAfter: "はなさだかやわまたえ" },
  { from: "しません", to: "しない", notAfter: "はなさだかやわまたえ" },
  { from: "ませんでした", to: "なかった", after: E_ROW + "じ" },
  { from: "ません", to: "ない", after: E_ROW + "じ" },
  { from: "いませんでした", to: "いなかった", after: "てでがもにはと" },
  { from: "いません", to: "いない", after: "てでがもにはと" },
  { from: "いませんでした", to: "わなかった" },
  { from: "いません", to: "わない" },
  { from: "きませんでした", to: "かなかった", notAfter: "で起生尽" },
  { from: "きません", to: "かない", notAfter: "で起生尽" },
  { from: "りませんでした", to: "らなかった", notAfter: "借降足お" },
  { from: "りません", to: "らない", notAfter: "借降足お" },
  { from: "みませんでした", to: "まなかった", notAfter: "て見" },
  { from: "みません", to: "まない", notAfter: "て見" },
  { from: "ちませんでした", to: "たなかった" },
  { from: "ちません", to: "たない" },
  { from: "できました", to: "できた" },
  { from: "てきました", to: "てきた" },
  { from: "来ました", to: "来た" },
  { from: "見ました", to: "見た" },
  { from: "出ました", to: "出た" },
  { from: "ておりました", to: "ていた" },
  { from: "借りました", to: "借りた" },
  { from: "降りました", to: "降りた" },
  { from: "足りました", to: "足りた" },
  { from: "過ぎました", to: "過ぎた" },
  { from: "すぎました", to: "すぎた" },
  { from: "伸びました", to: "伸びた" },
  { from: "行きました", to: "行った" },
  { from: "いきました", to: "いった" },
  { from: "ました", to: "た", after: E_ROW + "じ" },
  { from: "しました", to: "した" },
  { from: "いました", to: "いた", after: "てでがもにはと" },
  { from: "いました", to: "った" },
  { from: "きました", to: "いた" },
  { from: "ぎました", to: "いだ" },
  { from: "ちました", to: "った" },
  { from: "りました", to: "った" },
  { from: "みました", to: "みた", after: "て" },
  { from: "みました", to: "んだ" },
  { from: "びました", to: "んだ" },
  { from: "できます", to: "できる" },
  { from: "てきます", to: "てくる" },
  { from: "来ます", to: "来る" },
  { from: "見ます", to: "見る" },
  { from: "過ぎます", to: "過ぎる" },
  { from: "ます", to: "る", after: E_ROW + "じ" },
  { from: "します", to: "する" },
  { from: "います", to: "いる", after: "てでがもにはと" },
  { from: "います", to: "う" },
  { from: "きます", to: "く" },
  { from: "ぎます", to: "ぐ" },
  { from: "ちます", to: "つ" },
  { from: "ります", to: "る" },
  { from: "みます", to: "みる", after: "て" },
  { from: "みます", to: "む" },
  { from: "びます", to: "ぶ" },
  { from: "でした", to: "だった" },
  { from: "です", to: "" },
];

/** Endings that are still polite after {@link politeToPlain}: quoted only with frames that need no plain form. */
export const politeEndings: readonly string[] = [
  "ます",
  "ました",
  "ません",
  "ませんでした",
  "です",
  "でした",
  "ましょう",
  "ください",
  "ございます",
];

/**
 * The て-form that ends a clause read as its past (手伝ってくれて → 手伝ってくれた). A
 * quoting って (ありがとうねって, 言われたって) stays: the quote then takes a neutral frame.
 */
export const teToPast: readonly EndingRule[] = [
  { from: "って", to: "って", after: "うねよなわかだたすー〜" },
  { from: "んで", to: "んだ" },
  { from: "いで", to: "いだ" },
  { from: "て", to: "た" },
];

/** Hiragana a verb's dictionary form ends with (う-row). */
export const verbEndings = "うくぐすつぬぶむる";

/** Endings that make a text a predicate besides a verb's dictionary form: the past. */
export const predicateEndings: readonly string[] = ["た", "だ"];

/** Endings of a question or a wondering (このままでいいのかな). */
export const questionEndings: readonly string[] = ["か", "かな", "かなあ", "かなぁ", "かも", "かしら", "だろう"];

/** Hiragana endings that make a text a noun phrase (こと, さん, 優しさ, 悩み …). */
export const nounEndings: readonly string[] = ["ところ", "とき", "ため", "さん", "たち", "さま", "ちゃん", "くん", "さ", "み", "ごと"];

/** Endings that turn a clause into a noun phrase (…したこと); such a quote takes its own frames. */
export const nominalEndings: readonly string[] = ["こと", "もの"];

/** The ending of an い-adjective. */
export const adjectiveEnding = "い";

/** Nouns that end in い and are not adjectives. */
export const nounsEndingInI: readonly string[] = [
  "やりがい",
  "生きがい",
  "働きがい",
  "違い",
  "思い",
  "想い",
  "気遣い",
  "気づかい",
  "扱い",
  "付き合い",
  "話し合い",
  "手伝い",
  "願い",
  "迷い",
  "出会い",
  "間違い",
  "勘違い",
  "せい",
  "きれい",
  "幸い",
  "くらい",
  "ぐらい",
];

/** い-row hiragana that, right after a kanji, close a noun made from a verb (繰り返し, 気づき, 学び, 悩み). */
export const continuativeNounEndings = "いきぎしちにびみり";

/**
 * Closing words that only hedge: "I think / I feel" (…のかなって思う → …のかな).
 */
export const thoughtTails: readonly EndingRule[] = [
  { from: "気がしてる", to: "" },
  { from: "気がしている", to: "" },
  { from: "感じがしてる", to: "" },
  { from: "感じがしている", to: "" },
  { from: "感じがする", to: "" },
  // 「お茶を用意したことだと思います」 → 「お茶を用意したこと」: the copula goes with the hedge.
  { from: "ことだと思う", to: "こと" },
  { from: "ことだって思う", to: "こと" },
  { from: "ことだと思った", to: "こと" },
  { from: "ことかなと思う", to: "こと" },
  // 「付き添ったことでしょうか」「段取りを組んだことですかね」, in the plain form 「…ことだろうか」「…ことなのか」:
  // a hedge of a polite question, quoted as 「…こと」.
  { from: "ことだろうか", to: "こと" },
  { from: "ことなのか", to: "こと" },
  { from: "って思う", to: "" },
  { from: "と思う", to: "" },
  { from: "って思った", to: "" },
  { from: "と思った", to: "" },
  { from: "って感じる", to: "" },
  { from: "と感じる", to: "" },
  { from: "って感じ", to: "" },
  { from: "気がする", to: "" },
  { from: "ような", to: "" },
];

/** Kanji that form an adjective with a following い (多い, 高い …); any other kanji + い is a noun (違い). */
export const adjectiveKanji =
  "多高安早遅長強弱広狭重軽古若良悪暗熱寒暑痛辛低近遠深薄厚太細緩酷鈍固硬堅濃速丸赤青白黒甘苦渋偉怖賢凄硬汚美清優楽嬉悲寂寂";

/** Endings of a text that is only a word of agreement, refusal or hesitation, never quoted back. */
export const bareAnswers: readonly string[] = [
  "はい",
  "いいえ",
  "うん",
  "ううん",
  "いや",
  "ない",
  "なし",
  "特にない",
  "特になし",
  "とくにない",
  "とくになし",
  "思いつかない",
  "おもいつかない",
  "わからない",
  "分からない",
  "わかんない",
  "別に",
  "べつに",
  "うーん",
  "まだ",
  "そう",
  "そうだ",
  "了解",
  "大丈夫",
  "いい",
  "はいそう",
  "ok",
  "yes",
  "no",
];
