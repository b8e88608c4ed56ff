/**
 * The words of adding and removing a consultant by pairing: the word that starts a pairing
 * code, what a consultant is told when the code is taken or refused, what a removed consultant
 * is told, and the setup's test push. The setup shows the code as「相談員登録 1234-5678」.
 */

/** The words a pairing message starts with; the eight digits of the code follow. */
export const pairingWords = ["相談員登録"] as const;

/** How the 受付番号 of clients handed back are listed, and what ends a list cut short. */
export const removedCodes = { joiner: "、", more: "ほか" } as const;

/** Messages to consultants about their registration, merged into `messages`. */
export const consultantMessages = {
  "consultant.paired":
    "相談員として登録しました。これから、相談の希望はこのトークにお知らせが届きます。\n" +
    "お知らせの「対応する」を押すと、その方とこのアカウントのチャットでお話しできます。",
  "consultant.already": "すでに相談員として登録されています。このままお使いいただけます。",
  "consultant.linked":
    "担当者コンソールのアカウントと、この LINE をつなぎました。\n" +
    "相談の希望はこのトークにも届きます。コンソールと LINE のどちらで対応しても、同じ担当者として表示されます。",
  "consultant.invalid":
    "このコードでは登録できませんでした。コードは一度しか使えず、15分で期限が切れます。\n" +
    "設定をした方に、新しいコードを出してもらってください。",
  "consultant.removed": "相談員の登録を解除しました。これまでありがとうございました。",
  "consultant.removedHandovers": "対応中だった方（受付番号 {codes}）には、ボットに戻ったことをお伝えしました。",
  "consultant.setupTest":
    "【テスト送信】WILLノートの設定の確認です。相談の希望があると、このトークにこのようにお知らせが届きます。返信は不要です。",
} as const;
