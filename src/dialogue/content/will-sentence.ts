/**
 * The WILL sentence the bot drafts from who / what / values, and the Japanese the
 * builder needs to clean a typed "who" and turn a typed "what" into a noun phrase.
 * Operators may edit the templates: `{who}`, `{what}` and `{values}` are filled in.
 */
import type { EndingRule } from "./endings";

/**
 * The WILL sentence, one sentence on the user's own verb (「取引先の人たちが、安心して相談できる
 * 相手でいたい。」); the values go on the summary card, never into the sentence. `{act}` is the
 * user's what as a verb phrase (本当に必要なものを一緒に考える), `{what}` as a noun phrase
 * (丁寧な説明), `{who}` the cleaned who, `{value}` a chosen value's word (誰かの成長を支えること).
 *
 * The draft puts who first; the alternatives put what first, or the value's word. Each template
 * ends with 「。」 and holds no other sentence break.
 */
export const willTemplates = {
  actWho: "{who}のために、{act}人でいたい。",
  act: "{act}人でいたい。",
  actWhatFirst: "{act}ことで、{who}から『ありがとう』と言われたい。",
  actWhatFirstNoWho: "{act}ことで、まわりの人から『ありがとう』と言われたい。",
  actValue: "{value}を大切に、{act}人でいたい。",
  nounWho: "{who}から、{what}で『ありがとう』と言われる人でいたい。",
  noun: "{what}で『ありがとう』と言われる人でいたい。",
  nounWhatFirst: "{what}で、{who}の力になりたい。",
  nounWhatFirstNoWho: "{what}で、まわりの人の力になりたい。",
  nounValue: "{value}を大切に、{what}で『ありがとう』と言われる人でいたい。",
  who: "{who}から『ありがとう』と言われる人でいたい。",
  none: "まわりの人から『ありがとう』と言われる人でいたい。",
} as const;

/**
 * A what that is already a way of being (「相談できる相手でいる」) says it once: 「相手でいる人でいたい」
 * is read back as 「相手でいたい」.
 */
export const beingOnce: readonly (readonly [string, string])[] = [
  ["でいる人でいたい", "でいたい"],
  ["である人でいたい", "でありたい"],
  ["人になる人でいたい", "人でいたい"],
];

/**
 * What, inside a single answer, joins two things to be thanked for (…をつくることと、…): such a
 * what is read as a noun phrase, since one verb cannot carry both.
 */
export const nominalListJoiners: readonly string[] = ["ことと", "ことや", "こと、", "ことも"];

/** Answers to 「誰に」 that name nobody: the sentence is then written without a who. */
export const noWho: readonly string[] = [
  "自分",
  "自分自身",
  "じぶん",
  "誰でも",
  "だれでも",
  "誰か",
  "だれか",
  "特にない",
  "とくにない",
  "特になし",
  "わからない",
  "分からない",
  "わかんない",
  "なし",
  "ない",
  "いない",
  "思いつかない",
  "はい",
  "いいえ",
  "うーん",
];

/** Words at the start of an answer that only hesitate (やっぱり、家族 → 家族). */
export const leadingFillers: readonly string[] = [
  "今は",
  "いまは",
  "そうですね",
  "そうだな",
  "うーん",
  "えっと",
  "えーと",
  "やっぱり",
  "やはり",
  "強いて言えば",
  "しいて言えば",
  "たぶん",
  "多分",
  "いちばんは",
  "一番は",
];

/** The separators a who list is typed with; each becomes {@link whoJoiner}. */
export const whoSeparators = "・／/，,";

/** How the parts of a who list are joined (同僚・後輩 → 同僚や後輩). */
export const whoJoiner = "や";

/** Where a typed who turns into a sentence about being thanked (お客さんに言われたい → お客さん). */
export const whoCutMarkers: readonly string[] = [
  "に言われ",
  "から言われ",
  "に感謝",
  "から感謝",
  "に喜",
  "に『",
  "から『",
  "にありがとう",
  "からありがとう",
];

/** Endings stripped from a who: copulas, polite endings, hedges and particles, tried in order, repeatedly. */
export const whoEndings: readonly EndingRule[] = [
  { from: "だと思います", to: "" },
  { from: "かなと思います", to: "" },
  { from: "と思います", to: "" },
  { from: "かもしれません", to: "" },
  { from: "でしょうか", to: "" },
  { from: "ですかね", to: "" },
  { from: "ですね", to: "" },
  { from: "ですよ", to: "" },
  { from: "です", to: "" },
  { from: "かなぁ", to: "" },
  { from: "かなあ", to: "" },
  { from: "かな", to: "" },
  { from: "かも", to: "" },
  { from: "だね", to: "" },
  { from: "だよ", to: "" },
  { from: "だ", to: "", notAfter: "ん" },
  { from: "ね", to: "" },
  { from: "よ", to: "" },
  { from: "に対して", to: "" },
  { from: "のために", to: "" },
  { from: "からは", to: "" },
  { from: "には", to: "" },
  { from: "から", to: "" },
  { from: "より", to: "" },
  { from: "に", to: "" },
  { from: "へ", to: "" },
  { from: "が", to: "" },
  { from: "は", to: "" },
  { from: "を", to: "" },
  { from: "も", to: "", notAfter: "で" },
  { from: "とか", to: "" },
];

/** Endings stripped from a what before nominalising: how the thanks would be said (…で『ありがとう』と言われたい). */
export const thanksTails: readonly string[] = [
  "と言われたい",
  "と言われる",
  "って言われたい",
  "と言ってもらいたい",
  "と言ってもらえたら",
  "と言ってもらえる",
  "と感謝されたい",
  "で感謝されたい",
  "に感謝されたい",
  "感謝されたい",
  "ありがとう",
  "『ありがとう』",
  "『ありがとう』って",
];

/** Hedges that close a what (人の役に立つことかな → 人の役に立つこと). */
export const whatHedges: readonly EndingRule[] = [
  { from: "かなと思う", to: "" },
  { from: "かなあ", to: "" },
  { from: "かなぁ", to: "" },
  { from: "かな", to: "" },
  { from: "かも", to: "" },
  { from: "だろうか", to: "" },
];

/** Helpers that end a what told from the thanker's side (話を聞いてくれて → 話を聞いて). */
export const helperEndings: readonly EndingRule[] = [
  { from: "ことがしたい", to: "こと" },
  { from: "ことをしたい", to: "こと" },
  { from: "ことがやりたい", to: "こと" },
  { from: "ことをやりたい", to: "こと" },
  { from: "てくれたこと", to: "て" },
  { from: "でくれたこと", to: "で" },
  { from: "てくれて", to: "て" },
  { from: "でくれて", to: "で" },
  { from: "てくれた", to: "て" },
  { from: "でくれた", to: "で" },
  { from: "てくれる", to: "て" },
  { from: "でくれる", to: "で" },
  { from: "てもらった", to: "て" },
  { from: "てもらえた", to: "て" },
];

/**
 * The する-forms that may also be a 五段 verb in す (勉強したい → 勉強する, 話したい → 話す):
 * after one kanji, or after one of {@link godanSuStems}, it is す; otherwise
 * (two kanji, katakana, a particle, nothing) it is する.
 */
export const suruForms: readonly { readonly from: string; readonly suru: string; readonly godan: string }[] = [
  { from: "したい", suru: "する", godan: "す" },
  { from: "して", suru: "する", godan: "す" },
];

/** Kana that end the stem of a 五段 verb in す (活かす, 増やす, 励ます, 減らす, 伸ばす, 果たす, 起こす). */
export const godanSuStems = "かさたはまやらわばこそろ";

/** Wanting to (…したい) and the て-form turned into the dictionary form. Order matters. */
export const toDictionary: readonly EndingRule[] = [
  { from: "たら嬉しい", to: "る", after: "えけげせぜてでねへべぺめれ" },
  { from: "たらうれしい", to: "る", after: "えけげせぜてでねへべぺめれ" },
  { from: "たらいい", to: "る", after: "えけげせぜてでねへべぺめれ" },
  { from: "できたい", to: "できる" },
  { from: "いたい", to: "いる", after: "にでて" },
  { from: "たい", to: "る", after: "えけげせぜてでねへべぺめれじ" },
  { from: "見たい", to: "見る" },
  { from: "いたい", to: "う" },
  { from: "きたい", to: "く" },
  { from: "ぎたい", to: "ぐ" },
  { from: "ちたい", to: "つ" },
  { from: "りたい", to: "る" },
  { from: "みたい", to: "む", notAfter: "て" },
  { from: "みたい", to: "みる" },
  { from: "びたい", to: "ぶ" },
  { from: "できて", to: "できる" },
  { from: "てきて", to: "てくる" },
  { from: "来て", to: "来る" },
  { from: "出て", to: "出る" },
  { from: "行って", to: "行く" },
  { from: "きて", to: "きる" },
  { from: "見て", to: "見る" },
  { from: "いて", to: "いる", after: "にでて" },
  { from: "て", to: "る", after: "えけげせぜてでねへべぺめれじ" },
  { from: "いて", to: "く" },
  { from: "いで", to: "ぐ" },
  { from: "って", to: "う", after: "言思使買会合伝払拾習笑歌救誘扱戦養補培添従向洗祝願競争吸迷問追負失酔通担賄敬らあよ" },
  { from: "って", to: "つ", after: "待持立打勝育保放" },
  { from: "って", to: "る" },
  { from: "んで", to: "ぶ", after: "選学喜呼遊並結飛運叫転" },
  { from: "んで", to: "む" },
];

/** Endings that make a what a noun phrase once appended (一緒に考える → 一緒に考えること). */
export const nominaliser = "こと";

/** Endings of a what that already read as a noun phrase with a nominaliser. */
export const nominalWhatEndings: readonly string[] = ["こと", "もの"];

/** An adjective what becomes a noun by its stem and this (わかりやすい → わかりやすさ). */
export const adjectiveNoun = "さ";

/** Adjective endings that never take the stem form (できない, 伝えたい, 居心地がいい): they take こと. */
export const unstemmedAdjectiveEndings: readonly string[] = ["ない", "たい", "いい"];

/** A what ending in ように takes this to become a noun phrase (…できるように → …できるようにすること). */
export const purposeEnding = { from: "ように", to: "ようにすること" } as const;

/** A what made of several sentences is joined into one with this. */
export const whatSentenceJoiner = "、";

/**
 * How a sentence of the what answer ends when it states the wish itself (「…人になりたいです」
 * 「…を始めたいと思っています」): when some sentences of a longer answer do and others do not (a
 * preface, a story of how the wish came), only those go into the WILL sentence.
 */
export const wishTails: readonly string[] = [
  "たい",
  "たいです",
  "たいんです",
  "たいんだ",
  "たいな",
  "たいなあ",
  "たいなぁ",
  "たいと思う",
  "たいと思います",
  "たいと思っています",
  "たいと思ってる",
  "たいと考えています",
  "たいと考えている",
];

/**
 * Where a concession opens a wish (「死にたいとまでは思わないけど、生きづらさを抱えた人の居場所をつくりたい」
 * 「お金にはならないけど、人の役に立つことがしたい」): the WILL sentence keeps what follows the last one.
 */
export const concessionBreaks: readonly string[] = ["けれども、", "けれど、", "だけど、", "けど、", "ですが、", "ものの、"];
