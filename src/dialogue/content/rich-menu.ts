/**
 * The rich menu under the chat (PRODUCT.md §4): its bar text and six tiles.
 */
import type { CommandId } from "../postback";

/**
 * The rich menu under the chat: the text of the bar that opens it (at most 14 characters)
 * and six tiles, left to right and top to bottom. A tap sends the tile's command and shows
 * its `title` in the chat as if typed, so keep each title one of {@link commandWords}.
 * After an edit, `npm run richmenu` redraws the image (docs: README, "Rich menu").
 */
export const richMenu: { chatBarText: string; tiles: readonly { command: CommandId; title: string; hint: string }[] } = {
  chatBarText: "メニュー",
  tiles: [
    { command: "will", title: "WILL", hint: "やりたいことを見る" },
    { command: "logThanks", title: "ありがとう記録", hint: "うれしかった場面を残す" },
    { command: "reflect", title: "ふりかえり", hint: "今週をふりかえる" },
    { command: "records", title: "記録を見る", hint: "これまでのあゆみ" },
    { command: "reminder", title: "リマインダー", hint: "通知の曜日と時間" },
    { command: "consult", title: "相談したい", hint: "コンサルタントに相談" },
  ],
};
