/**
 * The client's 振り返りシート (「シートを見る」): the words on the sheet, the messages that bring
 * it, the printable page's words, and the monthly look back at the first check-in of a month.
 */

/** Words drawn on the sheet itself. */
export const sheetWords = {
  title: "振り返りシート",
  dateLine: "{date} 作成",
  will: "WILL（やりたいこと）",
  earlier: "これまでのWILL",
  values: "大切にしていること",
  moments: "ありがとうの場面",
  chart: "やりがい度のうつりかわり",
  steps: "一歩の記録",
  feeling: "気持ち",
  deed: "したこと",
  strength: "強み",
  none: "まだありません",
  noWill: "（まだ決めていません）",
  momentsMore: "ほかに{count}件の記録があります（「記録を見る」で全部見られます）",
  chartNote: "ありがとう {thanks}件 ・ ふりかえり {checkins}回",
  stepPlanned: "予定",
  stepCheckin: "ふりかえりで確かめた一歩",
  stepOutcomeFelt: "{outcome}（{feeling}）",
  footer: "WILLノート ・ キャリアコンサルタントとの面談にお持ちください",
  scoreLabel: "{month}/{day}",
} as const;

/** The messages around the sheet in the chat. */
export const sheetMessages = {
  ready:
    "あなたの振り返りシートができました。画像は長押しで保存できます。\n" +
    "印刷用のページ（PDFもこちらから）：\n{url}\n" +
    "このリンクは{date}まで使えます。そのあとは、もう一度「シートを見る」と送ってください。",
  unavailable: "ごめんなさい、いまはシートを作れませんでした。少し時間をおいて、もう一度お試しください。",
} as const;

/** The printable page and the pages shown instead of it. */
export const sheetPage = {
  title: "振り返りシート｜WILLノート",
  print: "印刷する",
  pdf: "PDFで保存",
  image: "画像を開く",
  until: "このページは{date}まで見られます。",
  expiredTitle: "リンクの期限が切れました｜WILLノート",
  expired:
    "このシートのリンクは、期限（作成から7日間）が過ぎました。\n" +
    "LINEのWILLノートで「シートを見る」と送ると、新しいシートとリンクをお届けします。",
  missingTitle: "シートが見つかりません｜WILLノート",
  missing:
    "このシートは見つかりませんでした。リンクが途中で切れているか、データが削除されています。\n" +
    "LINEのWILLノートで「シートを見る」と送ると、新しいシートを作れます。",
} as const;

/** The look back at the first check-in of a month: last month beside this one. */
export const lookBackText = {
  intro: "{month}月のふり返りです。",
  thanks: "ありがとうの場面：{count}件",
  noThanks: "{month}月は、ありがとうの記録はありませんでした。ふり返りを続けていることも、立派な一歩です。",
  words: "よく出てきたことば：{words}",
  willChanged: "{month}月のはじめのWILL：{then}\nいまのWILL：{now}",
  willSame: "{month}月から変わらないWILL：{now}",
} as const;
