/**
 * Titles, headings and short texts of the cards: the WILL summary, records and 「データ確認」.
 */
import type { MomentSource } from "../../model/entry";

/** Short names of the moment kinds, for records and summaries. */
export const momentSourceLabels: Record<MomentSource, string> = {
  thanked: "ありがとうと言われた",
  thankedSomeone: "ありがとうを伝えた",
  longAgo: "前に言われた",
  everyday: "日常の中で",
};

/** Titles and headings of cards. */
export const cardText = {
  summaryTitle: "あなたのWILLノート",
  will: "WILL",
  values: "大切にしていること",
  moments: "ありがとうの場面",
  action: "次の一歩",
  reminder: "リマインダー",
  noWill: "（まだ決めていません）",
  noAction: "（まだ決めていません）",
  noReminder: "送らない",
  none: "（なし）",
  due: "{due}まで",
  recordThanks: "ありがとう",
  recordScore: "やりがい度",
  recordScoreValue: "やりがい度 {score} / 5",
  recordDeed: "したこと：{deed}",
  recordCheckin: "ふりかえり",
  recordAction: "行動：{status}",
  recordWill: "WILLとのつながり：{link}",
  records: "記録",
} as const;

/** The 「データ確認」 card: everything stored about the user, section by section. */
export const myDataText = {
  title: "保存しているあなたのデータ",
  altText: "WILLノートに保存しているデータ",
  consent: "同意",
  consentGiven: "{date}に同意",
  consentNone: "まだ同意していません",
  consentDeclined: "同意しないを選ばれています",
  willHistory: "以前の版：{count}件",
  records: "記録",
  recordCounts: "ありがとう {thanks}件・やりがい度 {scores}件・ふりかえり {checkins}件・一歩 {steps}件",
  recordCountsMore: "（新しい{count}件まで数えています）",
  recordSpan: "{first}〜{last}",
  inProgress: "途中の回答",
  inProgressDraft: "最初のふり返りの途中（保存済み）",
  inProgressCheckin: "ふりかえりの途中（保存済み）",
  other: "そのほか",
  otherLines: "LINEのユーザーID、最後にメッセージを送った日時、同じメッセージを二重に処理しないための受信記録（直近{recent}件）",
  lastActive: "最後のメッセージ：{at}",
  careAcute: "相談窓口をご案内した日時：{at}（次にお話しするとき、まず様子をうかがうため）",
  careMessage: "様子をうかがうメッセージ：{at}に一度だけ",
  nextReminder: "次回：{at}",
} as const;
