/**
 * The rich menus under the chat (PRODUCT.md §4), one per stage of a user's path: their bar
 * text and tiles.
 */
import type { CommandId } from "../postback";

/** One tile: the command a tap sends, the title shown on it (and in the chat) and a short hint under it. */
export interface RichMenuTileContent {
  command: CommandId;
  title: string;
  hint: string;
}

/** One rich menu: the text of the bar that opens it (at most 14 characters) and its tiles. */
export interface RichMenuContent {
  chatBarText: string;
  tiles: readonly RichMenuTileContent[];
}

/**
 * The rich menus, by stage: `onboarding` for a friend who has not agreed to the data use yet,
 * `main` for everyone else (six tiles), `consultant` while a consultant talks with the user.
 * Tiles run left to right and top to bottom. A tap sends the tile's command and shows its
 * `title` in the chat as if typed, so keep each title one of {@link commandWords}. After an
 * edit, `npm run richmenu` redraws the images (docs: README, "Rich menu").
 */
export const richMenus: { onboarding: RichMenuContent; main: RichMenuContent; consultant: RichMenuContent } = {
  onboarding: {
    chatBarText: "メニュー",
    tiles: [
      { command: "start", title: "はじめる", hint: "同意してふり返りへ" },
      { command: "help", title: "ヘルプ", hint: "できること" },
      { command: "dataPolicy", title: "データの扱い", hint: "保存する内容と使い道" },
    ],
  },
  main: {
    chatBarText: "メニュー",
    tiles: [
      { command: "will", title: "WILL", hint: "やりたいことを見る" },
      { command: "logThanks", title: "ありがとう記録", hint: "うれしかった場面を残す" },
      { command: "reflect", title: "ふりかえり", hint: "今週をふりかえる" },
      { command: "records", title: "記録を見る", hint: "これまでのあゆみ" },
      { command: "reminder", title: "リマインダー", hint: "通知の曜日と時間" },
      { command: "consult", title: "相談したい", hint: "コンサルタントに相談" },
    ],
  },
  consultant: {
    chatBarText: "相談中メニュー",
    tiles: [
      { command: "backToBot", title: "ボットに戻る", hint: "相談を終えてふり返りへ" },
      { command: "myData", title: "データ確認", hint: "保存しているデータ" },
      { command: "help", title: "ヘルプ", hint: "相談中にできること" },
    ],
  },
};
