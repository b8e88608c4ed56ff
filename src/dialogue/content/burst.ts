/**
 * The words of messages sent in a row (PRODUCT.md §3.6): fillers (えっと), corrections of the
 * answer just given (いや、やっぱり…) and what the bot says to them. Logic lives in
 * `../understand/burst.ts` and `../burst.ts`.
 *
 * Every word here is compared as a user's message is folded (width, katakana to hiragana, no
 * spaces or punctuation), so list each word once as people type it.
 */

/**
 * Words that make up a whole message of hesitation: a message of these alone, in any number
 * and order, is a filler, never an answer (「えっと…」「うーん、ちょっと待ってください」).
 */
export const fillerWords: readonly string[] = [
  "えっと",
  "えーっと",
  "えーと",
  "えと",
  "えー",
  "えーっとですね",
  "えっとですね",
  "うーん",
  "うーんと",
  "うーむ",
  "うむむ",
  "んー",
  "んーと",
  "ん",
  "あー",
  "あのー",
  "あの",
  "ちょっと待って",
  "ちょっとまって",
  "ちょっと待ってください",
  "ちょっと待ってね",
  "待って",
  "待ってください",
  "少々お待ちください",
  "少し待ってください",
  "考え中",
  "考え中です",
  "考えています",
  "考えてます",
  "考えます",
  "ちょっと考えます",
  "少し考えます",
  "考えさせてください",
  "ちょっと考えさせてください",
  "思い出し中",
  "思い出し中です",
  "思い出しています",
  "思い出してます",
  "なんだろう",
  "なんだろ",
  "何だろう",
  "ね",
  "ねー",
];

/**
 * Words a correction may start with that are no correction on their own (「すみません、」
 * 「あ、」): dropped before a {@link correctionMarkers marker}, and only when a mark, a space
 * or a marker follows them.
 */
export const correctionLeads: readonly string[] = [
  "すみません",
  "すいません",
  "ごめんなさい",
  "ごめん",
  "あ",
  "あっ",
  "いや",
  "いやー",
  "いえ",
];

/**
 * Words that say the answer just given was wrong (「間違えました」「訂正です」「正しくは」). Not
 * 「違います」: that answers a question such as 「しっくりきますか？」.
 */
export const correctionMarkers: readonly string[] = [
  "さっきのは間違いです",
  "さっきのは間違いでした",
  "さっきのは違います",
  "さっきの間違いです",
  "今のは間違いです",
  "いまのは間違いです",
  "間違えました",
  "まちがえました",
  "間違いです",
  "間違いでした",
  "違いました",
  "ちがいました",
  "訂正します",
  "訂正です",
  "訂正させてください",
  "訂正",
  "修正します",
  "修正です",
  "言い直します",
  "書き直します",
  "正しくは",
  "正確には",
  "今のなしで",
  "さっきのなしで",
];

/**
 * 「やっぱり」: a change of mind, a correction only after a {@link correctionLeads lead}
 * (「いや、やっぱり2です」) or in a message sent right after the answer.
 */
export const changeOfMindWords: readonly string[] = ["やっぱり", "やっぱ", "やはり"];

/** 「3じゃなくて2です」: what comes before is the answer given, what comes after the right one. */
export const notButWords: readonly string[] = ["じゃなくて", "ではなくて", "じゃなく", "ではなく"];

/** The mark that joins two parts of one answer sent in a row (「…教えたら」「ありがとうと…」). */
export const answerPartJoiner = "、";

/** The prolonged-sound mark: a run of it (「うーーん」) reads as one. */
export const prolongedSound = "ー";

/** A marker ending in this particle (「正しくは」) leads into the answer itself, with no mark after it. */
export const topicParticle = "は";

/** What the bot says to messages in a row. */
export const burstMessages = {
  "burst.filler": "ゆっくりで大丈夫です。",
  "burst.corrected": "「{text}」に直しました。",
  "burst.correctedScore": "やりがい度を{score}に直しました。",
  "burst.retracted": "わかりました。さきほどの答えは取り消しました。",
  "burst.nothingToAmend": "大丈夫ですよ。",
} as const;
