/**
 * Words the bot recognises in what users type: command words and the short answers each
 * question understands. Matching ignores width, case, kana type, spaces and punctuation.
 */
import type { CommandId } from "../postback";

/**
 * Words that trigger each any-time command. Matching ignores width, case, kana type,
 * spaces and punctuation, so 「ヘルプ」「へるぷ」「 ﾍﾙﾌﾟ！」 all match.
 */
export const commandWords: Record<CommandId, readonly string[]> = {
  help: ["ヘルプ", "help", "使い方", "つかいかた", "メニュー"],
  start: ["はじめる", "始める", "スタート", "start", "再開", "つづき", "続き", "続きから"],
  will: ["WILL", "ウィル", "まとめ", "WILLを見る"],
  logThanks: ["ありがとう記録", "ありがとうを記録", "記録する"],
  reflect: ["ふりかえり", "ふりかえる", "振り返り", "振り返る", "ふりかえりする"],
  records: ["記録を見る", "記録", "履歴"],
  reminder: ["リマインダー", "リマインド", "通知"],
  consult: ["相談したい", "相談", "キャリア相談"],
  restart: ["最初から", "さいしょから", "やり直す", "リセット"],
  deleteData: ["データ削除", "データを削除", "退会", "削除"],
  pause: ["やめる", "中断", "ストップ", "stop", "休む"],
  myData: ["データ確認", "データを確認", "保存データ", "登録内容", "わたしのデータ", "私のデータ"],
};

/**
 * Short answers each question understands, by meaning. A typed answer counts only when it is
 * one of these words as a whole (after folding), never because it contains one.
 */
export const answerWords = {
  /** Nothing comes to mind, or the user does not know. */
  none: ["思いつかない", "おもいつかない", "ない", "なし", "わからない", "わかんない", "特にない"],
  /** Skip an optional question. */
  skip: ["スキップ", "skip", "とばす", "パス", "なし", "特にない"],
  /** No more moments: move on. */
  next: ["次へ", "次", "つぎ", "もうない", "ない", "大丈夫"],
  /** One more moment. */
  another: ["もう一つ", "もうひとつ", "ある", "あります"],
  /** No reminders. */
  off: ["いらない", "不要", "なし", "停止", "止める", "とめる", "オフ"],
  /** Check-in: there was no ありがとう. */
  checkinNo: ["なかった", "ない", "なし", "いいえ", "思いつかない"],
  /** Check-in: there was a ありがとう. */
  checkinYes: ["あった", "ある", "はい"],
  /** Values: done choosing. */
  valuesDone: ["決定"],
  /** Action due: the end of this week / of this month. */
  dueWeek: ["今週中"],
  dueMonth: ["今月中"],
  /** Reminder days: every day / weekdays. */
  everyDay: ["毎日"],
  weekdays: ["平日"],
} as const;

/** How the check-in's action question is answered in words. */
export const actionStatusWords: Record<string, "done" | "partly" | "notYet"> = {
  できた: "done",
  少しできた: "partly",
  すこしできた: "partly",
  まだ: "notYet",
  できなかった: "notYet",
};

/** Pieces of typed times and weekdays: 「曜」「曜日」 after a weekday name, 「時」「分」「半」 in a time. */
export const timeWords = { weekdaySuffix: "曜日?", hour: "時", minute: "分", half: "半" } as const;

/** How the check-in's "does this connect to your WILL" question is answered in words. */
export const willLinkWords: Record<string, "yes" | "partly" | "no"> = {
  つながっている: "yes",
  つながってる: "yes",
  少し: "partly",
  すこし: "partly",
  まだわからない: "no",
  わからない: "no",
  いいえ: "no",
};
