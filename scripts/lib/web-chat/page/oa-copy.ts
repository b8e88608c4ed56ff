/** Every word of the local stand-in for LINE Official Account Manager's chat (`/oa`). */
export const oaCopy = {
  title: "LINE公式アカウントのチャット（ローカルの代役）",
  chats: "トーク",
  noChats: "まだトークがありません。",
  client: "クライアント",
  bot: "ボット",
  you: "あなた（担当者）",
  placeholder: "メッセージを入力",
  send: "送信",
  sendFailed: "送れませんでした",
  code: (code: string) => `受付番号 ${code}`,
  sticker: "［スタンプ］",
  image: "［画像］",
  other: "［メッセージ］",
  guideTitle: "この画面について",
  guide: [
    "本番では、担当者は LINE Official Account Manager のチャットでクライアントとお話しします。この画面は、ローカル環境でその代わりをします。",
    "左のトークを選ぶと、クライアントが書いたこと（対応中の発言も）とボットの返信が見られます。ここから送ったメッセージはクライアントのタブにそのまま届きます。本番と同じく、Messaging API のプッシュではないため、月の送信数には数えられません。",
    "リッチメニューは、クライアントの画面にだけ出ます。",
  ],
  commandsTitle: "担当者の操作",
  commands: [
    "担当者コンソールの「相談の受付」で「対応する」…ボットを止めて、このチャットでお話しを始める",
    "担当者コンソールで「対応を終了する」…クライアントをボットに戻す",
    "LINE の相談員の画面から「対応 受付番号」「見送り 受付番号」「終了 受付番号」と送っても同じです",
  ],
} as const;
