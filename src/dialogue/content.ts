/**
 * Every word the bot says, in one place. Operators edit this file to change the copy;
 * logic never contains Japanese. `{name}`-style placeholders are filled by {@link fill}.
 *
 * Limits to keep in mind when editing (PRODUCT.md §4): a message up to 5,000 characters,
 * a button label up to 20. `npm test` checks every entry here against them.
 */

/** Chat messages, by id. */
export const messages = {
  "welcome.greetingNamed": "{name}さん、はじめまして。WILLノートです。友だち追加ありがとうございます。",
  "welcome.greetingAnonymous": "はじめまして。WILLノートです。友だち追加ありがとうございます。",
  "welcome.about":
    "ここは、お仕事のもやもやを少しずつ言葉にしていく場所です。\n" +
    "「ありがとう」と言われた場面をふり返りながら、あなたが大切にしていることと、" +
    "「やりたいこと（WILL）」を一緒に見つけていきます。",
  "welcome.parallelCareer":
    "ゴールは、会社の許可がなくてもできる小さな一歩を決めることです。\n" +
    "収入を増やす副業とは少しちがい、本業を続けながら自分らしい活動も持つ働き方を" +
    "「パラレルキャリア」と呼んでいます。",
  "welcome.back": "おかえりなさい。また話せてうれしいです。",
  "consent.request":
    "はじめる前に、記録の扱いを確認させてください。\n" +
    "・保存するのは、あなたの回答とふり返りの記録です\n" +
    "・このサービスを動かすためだけに使います\n" +
    "・「記録を見る」でいつでも確認でき、「データ削除」ですべて消せます\n" +
    "よろしければ「同意してはじめる」を押してください。",
  "consent.details":
    "【保存する内容】LINEのユーザーID、同意の状態、あなたが送った回答（やりがい度、ありがとうの記録、" +
    "大切にしたいこと、WILL、行動の予定、リマインダーの設定）。表示名はあいさつに使うだけで、保存しません。\n" +
    "【使い道】このサービスを動かすためだけに使い、ほかの人には見せません。" +
    "「相談したい」であなたが選んで確認したときだけ、その内容を担当のキャリアコンサルタントに送ります。\n" +
    "【消したいとき】「データ削除」と送ると、確認のあと、すべての記録を削除します。",
  "consent.pending": "はじめる前に、記録の扱いへの同意をお願いしています。下のボタンから選んでください。",
  "consent.declined":
    "わかりました。記録は何も残していません。\n気が向いたら、いつでも「はじめる」と送ってください。",
  "consent.alreadyGiven": "同意はいただいています。ありがとうございます。",
  "start.ask": "ありがとうございます！\n最初のふり返りは5分ほどです。いま始めますか？",
  "start.later": "承知しました。準備ができたら「はじめる」と送ってください。いつでも待っています。",
  "resting.prompt": "「はじめる」と送ると、ふり返りを始められます。使い方は「ヘルプ」でご案内します。",
  "session.workScore.ask":
    "では、はじめましょう。\n今日のお仕事のやりがいは、5段階でいうとどのくらいですか？\n（1：ほとんど感じない〜5：とても感じる）",
  "session.workScore.invalid": "1から5の数字で教えてください。下のボタンでも選べます。",
  "session.workScore.thanks": "{score}ですね。教えてくださってありがとうございます。",
  "help.text":
    "WILLノートの使い方です。\n" +
    "・「はじめる」…ふり返りを始めます\n" +
    "・「ヘルプ」…この案内を表示します\n" +
    "ボタンをタップしても、文字で送っても大丈夫です。",
  "input.media": "送ってくださってありがとうございます。WILLノートは文字とボタンでお話ししています。",
  "input.stalePostback": "そのボタンは、いまは使えないようです。",
  "sharedChat.notice":
    "WILLノートは、1対1のトークでお話しするサービスです。グループでは記録を残さずに失礼しますね。" +
    "ご利用のときは、WILLノートと1対1のトークを開いてください。",
  "state.migrated": "WILLノートが新しくなりました。お手数ですが、ここからもう一度お願いします。",
} as const;

/** Button labels (at most 20 characters each), by id. */
export const labels = {
  "consent.agree": "同意してはじめる",
  "consent.details": "くわしく見る",
  "consent.decline": "やめておく",
  "start.now": "いまはじめる",
  "start.later": "あとで",
  "command.start": "はじめる",
  "command.help": "ヘルプ",
  "workScore.1": "1 ほとんど感じない",
  "workScore.2": "2",
  "workScore.3": "3",
  "workScore.4": "4",
  "workScore.5": "5 とても感じる",
} as const;

/**
 * Words that trigger each any-time command. Matching ignores width, case, kana type,
 * spaces and punctuation, so 「ヘルプ」「へるぷ」「 ﾍﾙﾌﾟ！」 all match.
 */
export const commandWords = {
  help: ["ヘルプ", "help", "使い方", "つかいかた"],
  start: ["はじめる", "始める", "スタート", "start"],
} as const;

/** A message id in {@link messages}. */
export type MessageId = keyof typeof messages;
/** A label id in {@link labels}. */
export type LabelId = keyof typeof labels;

/** Replaces each `{key}` in `template` with `values[key]`. */
export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}
