/**
 * The words of a consultant's homework (PRODUCT.md §3.7b): the push that carries a question or a
 * suggested next step, the thanks for an answer, the record of it, and the 「データ確認」 lines
 * on who looked at the shared notes. Logic lives in `../homework.ts`.
 */

/** Messages of homework, merged into `messages` (so `say` finds them by id). */
export const homeworkMessages = {
  "homework.push.question":
    "担当のキャリアコンサルタントから、問いがひとつ届いています。\n\n{text}\n\n" +
    "思いついたことを、このトークにそのまま送ってください。ひとことでも大丈夫です。",
  "homework.push.step":
    "担当のキャリアコンサルタントから、次の一歩の提案が届いています。\n\n{text}\n\n" +
    "やってみたいか、やってみてどうだったか、思ったことをこのトークにそのまま送ってください。",
  "homework.later": "わかりました。思いついたときに、このトークにそのまま送ってください。担当者にお届けします。",
  "homework.thanks": "ありがとうございます。担当者にお届けしました。次にお話しするときの手がかりにさせていただきますね。",
  "homework.resume": "では、さきほどの続きです。",
  "homework.stale": "その問いへの返信は、もう受け付けを終えています。",
} as const;

/** The words around homework that are not chat bubbles. */
export const homeworkText = {
  /** The push's button that says "not now". */
  later: "あとで答える",
  recordQuestion: "担当者からの問い",
  recordStep: "担当者からの提案",
  recordAnswer: "あなたの答え：{answer}",
  readsHeading: "担当者が見た記録",
  readsNone: "まだありません",
  readsLine: "{at} {who}",
  readsMore: "ほか{count}件",
} as const;

/** The longest homework a consultant may send, in characters: one short message on a phone. */
export const HOMEWORK_MAX = 500;
