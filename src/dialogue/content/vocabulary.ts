/**
 * Words the bot recognises in what users type: command words and the short answers each
 * question understands. Matching ignores width, case, kana type, spaces and punctuation.
 */

/**
 * Command words that are also everyday one-word answers (「相談」「まとめ」「記録」…). While a
 * question waits for an answer they are the answer; only at rest, or as a full phrase
 * (「相談したい」「記録を見る」), do they switch to the command.
 */
export const commandWordsAtRestOnly: readonly string[] = [
  "まとめ",
  "記録",
  "履歴",
  "相談",
  "窓口",
  "通知",
  "削除",
  "続き",
  "つづき",
  "再開",
  "スタート",
  "start",
  "休む",
  "ストップ",
  "stop",
  "リセット",
  "メニュー",
  "ウィル",
];

/**
 * Words a single question understands beyond the shared short answers in `./answers.ts`
 * (which covers 思いつかない, はい, いいえ, できた … in polite and casual forms). A typed
 * answer counts only when it is one of these words as a whole (after folding).
 */
export const stepWords = {
  /** Skip an optional question. */
  skip: ["スキップ", "skip", "とばす", "パス", "なし", "特にない"],
  /** No reminders. */
  off: [
    "いらない",
    "いりません",
    "いらん",
    "いらへん",
    "いらね",
    "いらねぇ",
    "いらねー",
    "要らない",
    "不要",
    "なし",
    "停止",
    "止める",
    "とめる",
    "オフ",
    "結構です",
  ],
  /** Not decided yet, typed after 「いつ・どこで？」 about a step: the step is kept as it was typed. */
  undecided: [
    "まだ決めていない",
    "まだ決めてない",
    "決めていない",
    "決めてない",
    "まだ決まっていない",
    "まだ決まってない",
    "決まっていない",
    "未定",
    "まだ未定",
    "まだ",
    "あとで",
    "後で",
    "あとで決めます",
    "後で決めます",
    "考え中",
    "まだ考え中",
    "これから考えます",
  ],
  /** What may follow a value's name when it is typed (「人の役に立つこと」). */
  valueNounSuffix: "こと",
  /** The offer of one follow-up on the action's date: yes, please … */
  followUpYes: ["お願いします", "お願い", "おねがい", "はいお願いします", "ぜひ", "ぜひお願いします", "よろしくお願いします", "うれしい"],
  /** …or no, thank you (here 「大丈夫です」 declines). */
  followUpNo: ["なくて大丈夫", "大丈夫", "だいじょうぶ", "いらない", "いりません", "不要", "結構です", "けっこうです", "なし", "いいです"],
  /**
   * Picking one of the WILL drafts offered by its number, typed (「2番目のがいいです」): `{n}` is
   * the number, 1 for the draft; polite endings are ignored.
   */
  willPick: [
    "{n}",
    "{n}番",
    "{n}番目",
    "{n}つ目",
    "案{n}",
    "{n}番目の",
    "{n}番目の案",
    "{n}がいい",
    "{n}番がいい",
    "{n}番目がいい",
    "{n}番目のがいい",
    "{n}つ目がいい",
    "{n}つ目のがいい",
    "案{n}がいい",
    "{n}にする",
    "{n}番にする",
    "{n}番目にする",
    "{n}でお願いします",
    "{n}番でお願いします",
    "{n}番目でお願いします",
  ],
  /** Values: done choosing. */
  valuesDone: ["決定", "これで決定", "これでいい", "以上"],
  /** Reminder days: every day / weekdays. */
  everyDay: ["毎日"],
  weekdays: ["平日"],
  /** A reminder hour that could be morning or evening: which one. */
  morning: ["朝", "午前", "あさ"],
  evening: ["夜", "午後", "よる", "晩"],
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
  つながってます: "yes",
  つながっています: "yes",
  つながってると思います: "yes",
  少し: "partly",
  すこし: "partly",
  まだわからない: "no",
  わからない: "no",
  いいえ: "no",
};

/**
 * What free text at rest may mean before it is offered as a ありがとう record: words that are
 * the whole message (`thanksToBot`), or phrases found anywhere in it (the others).
 */
export const restIntentWords = {
  /** The user thanks the bot: not a moment to record. */
  thanksToBot: [
    "ありがとう",
    "ありがとうございます",
    "ありがとうございました",
    "助かりました",
    "助かります",
    "感謝します",
    "サンキュー",
    "thanks",
    "thank you",
  ],
  /** The user is thinking of leaving their job. */
  quitJob: [
    "辞めたい",
    "やめたい",
    "辞めようか",
    "辞めようと思",
    "退職したい",
    "退職しようか",
    "転職したい",
    "転職しようか",
    "転職を考え",
    "退職を考え",
  ],
  /** The user wants to rewrite the WILL. */
  reviseWill: ["WILLを書き直", "WILLを見直", "WILLを変え", "WILLを修正", "ウィルを書き直", "ウィルを変え"],
  /** The user wants to change the small action. */
  changeAction: ["一歩を変え", "一歩を見直", "行動を変え", "アクションを変え", "目標を変え"],
  /** The user speaks of the reminder (「リマインダーを平日の夜9時に変えてください」). */
  changeReminder: ["リマインダー", "リマインド", "通知の時間", "通知を変え", "通知を止め"],
} as const;

/**
 * A reminder asked for in a sentence while a question waits (「再来週の木曜の夜8時ごろに思い出させて
 * もらえますか」): one of the words, then, at the end of the message, one of the endings. A
 * request told of someone else (「…リマインドしてほしいと頼まれた」) does not end so.
 */
export const reminderRequestWords = {
  words: ["リマインド", "リマインダー", "思い出させ"],
  /** Words that ask for a reminder only with a day or a time in the message (「来月の3日の朝9時ごろに、もう一度声をかけていただけますか」). */
  withWhen: ["声をかけ", "声かけ", "連絡", "知らせ"],
  endings: [
    "てください",
    "て下さい",
    "てほしい",
    "て欲しい",
    "てほしいです",
    "てもらえますか",
    "てもらえませんか",
    "ていただけますか",
    "ていただけませんか",
    "てくれますか",
    "ください",
    "お願いします",
    "お願い",
    "おねがい",
    "お願いできますか",
    "頼みます",
    // Polite requests by what it would do for the writer (「毎週金曜の夜9時に声をかけてもらえると助かります」).
    "てもらえると助かります",
    "てもらえると助かる",
    "てもらえたら助かります",
    "ていただけると助かります",
    "ていただけたら助かります",
    "てもらえるとうれしいです",
    "てもらえると嬉しいです",
    "ていただけると嬉しいです",
    "ていただけるとうれしいです",
  ],
} as const;

/**
 * Where the scene of a ありがとう moment ends and what followed begins: 「部署の飲み会の幹事をしたら、…」
 * names the scene 「部署の飲み会の幹事」. The earliest found wins; at one place, the longer word.
 */
export const sceneEnds: readonly string[] = [
  "をしたら",
  "をしていたら",
  "したら",
  "していたら",
  "をしたとき",
  "したとき",
  "ので",
  "たら",
  "、",
];

/** Endings of a cut that name the thanker, not the scene (「取引先の方から」): such a cut is no scene name. */
export const sceneNotEnds: readonly string[] = ["から", "に", "が", "は", "と", "も", "を"];

/** Marks that make a cut no clean scene name: quotes and brackets the recap's 『』 would nest. */
export const sceneMarks: readonly string[] = ["「", "」", "『", "』", "(", ")", "（", "）"];
