/** What the bot is for and what パラレルキャリア means, in the one bubble before consent. */
export const ABOUT =
  "「ありがとう」と言われた場面をふり返りながら、あなたが大切にしていることと「やりたいこと（WILL）」を一緒に言葉にしていきます。\n" +
  "ゴールは、WILLに近づく小さな一歩を決めること。本業を大切にしながら、お金のためではなく、" +
  "やりがいや自分の可能性のために活動の場を広げる。そんな働き方を「パラレルキャリア」と呼んでいます。";
