/**
 * The words of sharing with the consultants (PRODUCT.md §3.7a): what 「担当者と共有する」 shows
 * before the client confirms, what they are told after, and how 「共有をやめる」 answers.
 */

/** Messages of sharing, merged into `messages` (so `say` finds them by id). */
export const sharingMessages = {
  "share.confirm":
    "担当のキャリアコンサルタントと、このノートを共有しますか？\n" +
    "共有すると、担当者が専用の画面で次の内容を見られるようになります。\n" +
    "{items}\n" +
    "画面では受付番号で表示され、LINEの名前やIDはお伝えしません。" +
    "「共有をやめる」と送れば、いつでもすぐに止められます。",
  "share.done":
    "共有しました。担当者が、次にお話しするときの準備に使わせていただきます。\n" +
    "やめたくなったら、いつでも「共有をやめる」と送ってください。",
  "share.cancelled": "共有はしませんでした。これまでどおり、あなただけのノートです。",
  "share.already": "いまも担当者と共有しています（{date}から）。やめるときは「共有をやめる」と送ってください。",
  "unshare.done": "共有をやめました。担当者は、もうこのノートを見られません。",
  "unshare.notSharing": "いまは担当者と共有していません。このノートはあなただけのものです。",
} as const;

/** What sharing shows the consultant, one line each, in the order the console shows them. */
export const sharedItems: readonly string[] = [
  "・WILLの一文と、これまでの書き直し",
  "・ありがとうの場面（そのときの気持ちと、したこと）",
  "・大切にしていること",
  "・やりがい度の記録",
  "・一歩とその結果",
  "・ふりかえり",
];

/** The 「データ確認」 section on sharing, and the button labels of the confirmation. */
export const sharingText = {
  heading: "担当者との共有",
  on: "{date}から共有しています（受付番号で表示）",
  off: "共有していません",
  confirm: "共有する",
  decline: "やめておく",
} as const;
