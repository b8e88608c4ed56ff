/**
 * The any-time commands (PRODUCT.md §3.4), one entry each: the label on buttons and in the
 * rich menu (at most 20 characters), the words that run it when typed, and for a command that
 * only answers (ヘルプ), its answer. Matching ignores width, case, kana type, spaces and
 * punctuation, so 「ヘルプ」「へるぷ」「 ﾍﾙﾌﾟ！」 all match.
 */
import type { CommandId } from "../postback";
import { messages } from "./messages";

/** What each command is called, what runs it, and what a reply-only command answers. */
export const commands: Record<CommandId, { label: string; words: readonly string[]; reply?: string }> = {
  help: {
    label: "ヘルプ",
    words: ["ヘルプ", "help", "使い方", "つかいかた", "メニュー"],
    reply:
      "WILLノートの使い方です。次のことばを送るか、ボタンから選んでください。\n" +
      "・はじめる…ふり返りを始める／続きから再開\n" +
      "・WILL…あなたのWILLのまとめ\n" +
      "・ありがとう記録…感謝された場面を残す\n" +
      "・ふりかえり…この1週間をふり返る\n" +
      "・記録を見る…これまでの記録\n" +
      "・シートを見る…面談に持っていける振り返りシート\n" +
      "・リマインダー…お知らせの変更・停止\n" +
      "・相談したい…キャリアコンサルタントに相談\n" +
      "・担当者と共有する…ノートを担当者に見てもらう\n" +
      "・共有をやめる…担当者との共有をすぐに止める\n" +
      "・WILLを書き直す…WILLの一文を書き直す\n" +
      "・一歩を変える…次の一歩を決め直す\n" +
      "・最初から…最初のふり返りをやり直す\n" +
      "・やめる…いまの質問を中断\n" +
      "・データ確認…保存しているあなたのデータ\n" +
      "・データ削除…すべての記録を削除\n" +
      "・相談先を見る…つらいときに話せる相談窓口",
  },
  start: {
    label: "はじめる",
    words: ["はじめる", "始める", "スタート", "start", "再開", "つづき", "続き", "続きから"],
  },
  will: {
    label: "WILL",
    words: ["WILL", "ウィル", "まとめ", "WILLを見る"],
  },
  logThanks: {
    label: "ありがとう記録",
    words: ["ありがとう記録", "ありがとうを記録", "記録する"],
  },
  reflect: {
    label: "ふりかえり",
    words: ["ふりかえり", "ふりかえる", "振り返り", "振り返る", "ふりかえりする"],
  },
  records: {
    label: "記録を見る",
    words: ["記録を見る", "記録", "履歴"],
  },
  reminder: {
    label: "リマインダー",
    words: ["リマインダー", "リマインド", "通知"],
  },
  consult: {
    label: "相談したい",
    words: ["相談したい", "相談", "キャリア相談"],
  },
  share: {
    label: "担当者と共有する",
    words: ["担当者と共有する", "担当者と共有", "共有する", "共有したい", "ノートを共有"],
  },
  unshare: {
    label: "共有をやめる",
    words: ["共有をやめる", "共有をやめたい", "共有停止", "共有を止める", "共有解除"],
  },
  restart: {
    label: "最初から",
    words: ["最初から", "さいしょから", "やり直す", "リセット"],
  },
  deleteData: {
    label: "データ削除",
    words: ["データ削除", "データを削除", "退会", "削除"],
  },
  pause: {
    label: "やめる",
    words: ["やめる", "中断", "ストップ", "stop", "休む"],
  },
  backToBot: {
    label: "ボットに戻る",
    words: ["ボットに戻る", "ボットに戻りたい", "ボットにもどる", "ボットと話す"],
  },
  myData: {
    label: "データ確認",
    words: ["データ確認", "データを確認", "保存データ", "登録内容", "わたしのデータ", "私のデータ"],
  },
  reviseWill: {
    label: "WILLを書き直す",
    words: ["WILLを書き直す", "WILLを書き直したい", "WILLを見直す", "WILLを見直したい", "WILLを変えたい", "WILLを変える"],
  },
  helpLines: {
    label: "相談先を見る",
    words: ["相談先を見る", "相談先", "相談窓口", "窓口"],
  },
  dataPolicy: {
    label: "データの扱い",
    words: ["データの扱い", "データの取り扱い", "データの使い道", "個人情報", "プライバシー"],
    reply: messages["consent.details"],
  },
  sheet: {
    label: "シートを見る",
    words: ["シートを見る", "シート", "振り返りシート", "ふりかえりシート", "シートを作る", "シートがほしい"],
  },
  changeAction: {
    label: "一歩を変える",
    words: ["一歩を変える", "一歩を変えたい", "行動を変える", "行動を変えたい", "一歩を見直す", "一歩を見直したい"],
  },
};

/** Labels of the any-time commands, for help and menu buttons. */
export const commandLabels = Object.fromEntries(Object.entries(commands).map(([id, c]) => [id, c.label])) as Record<CommandId, string>;

/** Words that trigger each any-time command. */
export const commandWords = Object.fromEntries(Object.entries(commands).map(([id, c]) => [id, c.words])) as Record<
  CommandId,
  readonly string[]
>;
