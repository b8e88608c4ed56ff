/**
 * The learning loop (PRODUCT.md §3.2 step 6): after the step's date or at the next check-in, how
 * the step went, how doing it felt and whether anyone reacted; a kind way on when it is not done
 * yet; the line that recalls it at the next check-in; the timeline in the records. Logic lives in
 * `../step-loop.ts` and `../step-loop-prompt.ts`.
 */

/** How doing a step felt: quick choices (≤ 20 characters each), each read before 「んですね」 and 「と感じた」. */
export const stepFeelings: readonly string[] = ["楽しかった", "手ごたえがあった", "緊張した", "難しかった", "もっとやりたくなった"];

/**
 * Typed answers to 「だれかの反応はありましたか？」 that say there was none (besides the short
 * answers of 思いつかない and スキップ): folded like any short answer, so 「特になかったです」 is listed once.
 */
export const noReactionWords: readonly string[] = [
  "特になし",
  "特になかった",
  "とくになかった",
  "反応なし",
  "反応はなかった",
  "反応は特になかった",
  "特に反応はなかった",
  "誰からもない",
  "だれからもない",
  "誰もいない",
  "まだない",
  "覚えていない",
  "覚えてない",
  "気づかなかった",
  "ひとりでやった",
  "一人でやった",
];

/** Typed words that only hold the floor (えっと, ちょっと待って): never stored as a feeling or a reaction. */
export const holdingWords: readonly string[] = [
  "えっと",
  "えーと",
  "えーっと",
  "うーん",
  "んー",
  "うーむ",
  "あー",
  "えー",
  "ちょっと待って",
  "ちょっとまって",
  "待って",
  "少々お待ちください",
  "考え中",
  "考えます",
];

/** The loop's chat messages, by id (merged into `messages`). */
export const stepLoopMessages = {
  "stepLoop.status.ask": "「{action}」（{due}まで）は、どうでしたか？",
  "stepLoop.feeling.ask": "やってみて、どうでしたか？ボタンで選んでも、ひと言で書いても大丈夫です。",
  "stepLoop.reaction.ask": "だれかの反応はありましたか？相手のひと言や表情など、覚えていることがあれば教えてください。",
  "stepLoop.reaction.askTapped":
    "{feeling}んですね。\nだれかの反応はありましたか？相手のひと言や表情など、覚えていることがあれば教えてください。",
  "stepLoop.reaction.askTyped": "{mirror}\nだれかの反応はありましたか？相手のひと言や表情など、覚えていることがあれば教えてください。",
  "stepLoop.reaction.which": "よかったですね。どんな反応でしたか？ひと言で教えてください。",
  "stepLoop.holding": "ゆっくりで大丈夫です。",
  "stepLoop.saved": "反応まで教えてくださって、ありがとうございます。一歩のふり返りとして記録しました。",
  "stepLoop.savedNoReaction": "反応がなくても、やってみたこと自体が大切な一歩です。一歩のふり返りとして記録しました。",
  "stepLoop.next.done": "次の一歩も、気が向いたときに決められます。",
  "stepLoop.next.partly": "続きの日付を決めることも、次の一歩に進むこともできます。",
  "stepLoop.notYet": "大丈夫です。予定どおりにいかないことは、よくあります。\n日付を変えるか、もっと小さな一歩にしてみませんか？",
  "stepLoop.smaller": "一歩を小さくしてみましょう。最初の15分にできることから始めると、動きやすくなります。",
  "stepLoop.smallerOwn": "15分ほどでできるくらいに小さくすると、始めやすくなります。",
  "stepLoop.recall": "前回の一歩「{action}」では、{feeling}と感じたんですね。",
  "stepLoop.stale": "前にお送りしたご案内のボタンのようです。いまの一歩は「{action}」（{due}まで）です。",
  "stepLoop.staleNoAction": "前にお送りしたご案内のボタンのようです。いまは、決まっている一歩はありません。",
  "stepLoop.recorded": "「{action}」のふり返りは、もう記録してあります。教えてくださって、ありがとうございました。",
  "stepLoop.busy": "ありがとうございます。先に、いまのお話を続けましょう。一歩のことは、あとで「ふりかえり」からでも記録できます。",
} as const;

/** The loop's button labels (at most 20 characters each), merged into `labels`. */
export const stepLoopLabels = {
  "reaction.none": "特になし",
  "next.smaller": "もっと小さな一歩にする",
} as const;

/** Headings and lines of the steps' timeline and their record cards. */
export const stepLoopCardText = {
  timelineTitle: "一歩のあゆみ",
  timelineAltText: "これまでの一歩と、そのふり返り",
  recordStep: "一歩のふり返り",
  step: "一歩：{action}",
  feeling: "感じたこと：{feeling}",
  reaction: "反応：{reaction}",
  noReaction: "反応：特になし",
} as const;
