/**
 * Chat messages, by id: everything the bot says in a chat bubble. `{name}`-style placeholders
 * are filled by the dialogue. Limit: 5,000 characters a message (PRODUCT.md §4).
 */
import { ABOUT } from "./about";
import { burstMessages } from "./burst";
import { careMessages } from "./care";
import { consultantMessages } from "./consultants";
import { handoverMessages } from "./handover";
import { homeworkMessages } from "./homework";
import { sharingMessages } from "./sharing";
import { stepLoopMessages } from "./step-loop";

/** Chat messages, by id. */
export const messages = {
  ...handoverMessages,
  ...sharingMessages,
  ...homeworkMessages,
  ...careMessages,
  ...stepLoopMessages,
  ...consultantMessages,
  ...burstMessages,
  "welcome.greetingNamed": `{name}さん、はじめまして。WILLノートです。友だち追加ありがとうございます。\n\n${ABOUT}`,
  "welcome.greetingAnonymous": `はじめまして。WILLノートです。友だち追加ありがとうございます。\n\n${ABOUT}`,
  "welcome.about": ABOUT,
  "welcome.back": "おかえりなさい。また話せてうれしいです。",
  "welcome.hello": `こんにちは。WILLノートです。\n\n${ABOUT}`,
  "consent.request":
    "はじめる前に、記録の扱いを確認させてください。\n" +
    "・保存するのは、あなたの回答とふり返りの記録です\n" +
    "・このサービスを動かすためだけに使います\n" +
    "・「データ確認」でいつでも中身を確かめられ、「データ削除」ですべて消せます\n" +
    "よろしければ「同意してはじめる」を押してください。",
  "consent.details":
    "【保存する内容】LINEのユーザーID、同意の状態、あなたが送った回答（やりがい度、ありがとうの記録、" +
    "大切にしたいこと、WILL、行動の予定、リマインダーの設定）。表示名は保存しません（あいさつと、「相談したい」で送ると決めたときの担当者へのお知らせにだけ使います）。\n" +
    "【使い道】このサービスを動かすためだけに使い、ほかの人には見せません。" +
    "「相談したい」であなたが選んで確認したときだけ、その内容を担当のキャリアコンサルタントに送ります。\n" +
    "【消したいとき】「データ削除」と送ると、確認のあと、すべての記録を削除します。",
  "consent.pending": "はじめる前に、記録の扱いへの同意をお願いしています。下のボタンから選んでください。",
  "consent.declined": "わかりました。記録は何も残していません。\n気が向いたら、いつでも「はじめる」と送ってください。",
  "start.ask": "ありがとうございます！\n最初のふり返りは10分ほどです。いま始めますか？",
  "start.later": "承知しました。準備ができたら「はじめる」と送ってください。いつでも待っています。",
  "resting.prompt": "ご用のときは、下のボタンから選ぶか、「ヘルプ」と送ってください。",
  "resting.promptNew": "「はじめる」と送ると、最初のふり返りを始められます。",

  "session.intro":
    "では、はじめましょう。全部で18問ほど、時間は10分ほどです。ほとんどの質問はボタンでも答えられ、途中でやめても続きから再開できます。",
  "session.workScore.ask": "今日のお仕事のやりがいは、5段階でいうとどのくらいですか？\n（1：ほとんど感じない〜5：とても感じる）",
  "session.workScore.invalid": "1から5の数字で教えてください。下のボタンでも選べます。",
  "session.workScore.low":
    "やりがい度は{score}なんですね。正直に教えてくださって、ありがとうございます。いまは、すっきりしない思いを抱えているのかもしれませんね。",
  "session.workScore.high": "やりがい度は{score}なんですね。",
  "session.moyamoya.ask":
    "いまのお仕事で、「なんだかしっくりこない」と感じるのは、どんなときですか？\nひと言でも大丈夫です。話したくなければ「スキップ」を押してください。",
  "session.moyamoya.ack": "{mirror}\n話してくださって、ありがとうございます。",
  "session.moyamoya.ackPlain": "話してくださって、ありがとうございます。",
  "session.thanks.intro": "ここからは「ありがとう」を思い出す時間です。人から感謝された場面には、あなたが大切にしていることが表れます。",
  "session.thanks.ask.thanked": "最近、誰かに「ありがとう」と言われたのは、どんな場面でしたか？\n小さなことでもかまいません。",
  "session.thanks.ask.thankedSomeone": "では、あなたが誰かに「ありがとう」と伝えた場面はどうでしょう？どんなことがありましたか？",
  "session.thanks.ask.longAgo": "少し前のことでも大丈夫です。学生時代や前の職場などで、感謝されて印象に残っている場面はありますか？",
  "session.thanks.ask.everyday": "日常の小さなことでも十分です。家族や友人、お店の人などに「ありがとう」と言われたことはありますか？",
  "session.thanks.askAnother": "もう一つ、「ありがとう」と言われた場面を教えてください。",
  "session.thanks.noneAgain": "思い出せなくても大丈夫です。では、別の角度からはどうでしょう？",
  "session.thanks.none": "すぐには思いつかないこともありますよね。こんな角度から思い出してみませんか？",
  "session.thanks.feeling.ask": "{mirror}\nそのとき、どんな気持ちになりましたか？",
  "session.thanks.feeling.askPlain": "そのとき、どんな気持ちになりましたか？",
  "session.thanks.deed.ask": "{feeling}んですね。\nその「ありがとう」につながったのは、あなたのどんな行動でしたか？",
  "session.thanks.deed.askTyped": "{mirror}\nその「ありがとう」につながったのは、あなたのどんな行動でしたか？",
  "session.thanks.deed.askThankedSomeone": "あなたが「ありがとう」を伝えたくなったのは、相手のどんな行動でしたか？",
  "session.thanks.deed.askNoFeeling": "その「ありがとう」につながったのは、あなたのどんな行動でしたか？",
  "session.thanks.deed.askAgain":
    "相手の方の言葉を教えてくださって、ありがとうございます。\nそのとき、あなたは何をしましたか？ちょっとしたことでも大丈夫です。",
  "session.thanks.more.ask": "ほかにも思い出せる場面はありますか？（あと{left}つまで）",
  "session.thanks.ack.0": "大切な場面を教えてくださって、ありがとうございます。",
  "session.thanks.ack.1": "思い出してくださって、ありがとうございます。",
  "session.thanks.ack.2": "聞かせてくださって、ありがとうございます。",
  "session.thanks.enough": "これで3つの場面がそろいました。",
  "session.thanks.skipped": "大丈夫です。思い出したときに「ありがとう記録」で残せます。先に進みましょう。",
  "session.values.askNoMoments":
    "では、あなたが大切にしていることを考えてみましょう。\n" + "近いと思うものを3つまで選んで、最後に「決定」を押してください。",
  "session.values.ask":
    "教えてくださった場面から、あなたが大切にしていることを一緒に考えてみましょう。\n" +
    "近いと思うものを3つまで選んで、最後に「決定」を押してください。",
  "session.values.suggest": "お話に出てきたことばから、近そうなものに★をつけました。\n{lines}",
  "session.values.ownAdded": "「{value}」ですね。あなた自身のことばとして、大切にしていることに加えました。",
  "session.values.picked": "いま選んでいるのは「{values}」です。ほかにもあれば選んで、よければ「決定」を押してください。",
  "session.values.pickedFull":
    "「{values}」の3つを選びました。よければ「決定」を押してください。入れかえるときは、選んだものをもう一度押すと外せます。",
  "session.values.decided": "「{values}」を大切にしているんですね。",
  "session.values.full": "選べるのは3つまでです。入れかえるときは、選んだものをもう一度押すと外せます。",
  "session.values.none": "まだ一つも選ばれていません。近いと思うものを一つ以上選んでください。",
  "session.values.unknown": "ボタンから選んでください。ぴったりのものがなければ、いちばん近いものを選んでみてください。",
  "session.willWho.ask": "少し想像してみてください。\nもし時間やお金の心配がなかったら、いちばん「ありがとう」と言われたい相手は誰ですか？",
  "session.willWhat.ask": "{who}から、どんなことで「ありがとう」と言われたいですか？",
  "session.willWhat.askNoWho": "では、どんなことで「ありがとう」と言われたいですか？",
  "session.willWho.none": "すぐに浮かばなくても大丈夫です。相手は決めずに考えてみましょう。",
  "session.will.notYet": "まだ言葉にならなくても大丈夫です。WILLの一文は、ふり返りを重ねながら見つけていきましょう。",
  "session.willReview.ask": "ここまでのお話をまとめると、あなたのWILLはこんな一文になりそうです。\n\n「{statement}」\n\nしっくりきますか？",
  "session.willReview.askOptions":
    "ここまでのお話から、あなたのWILLを一文にしてみました。\n\n{options}\n\n" +
    "いちばんしっくりくるものを選んでください。どれも違うときは、自分の言葉で書き直せます。",
  "session.willReview.tooLong": "たくさん話してくださって、ありがとうございます。ここまでのお話を、WILLとして一文にまとめてみましょう。",
  "session.willRewrite.ask": "あなたの言葉で、WILLを一文で書いてみてください。",
  "session.willRewrite.askWithDraft":
    "わかりました。さきほどの案はこちらでした。\n「{statement}」\nしっくりくるように、あなたの言葉で一文に書き直してみてください。",
  "session.will.saved": "あなたのWILLとして、しっかり記録しました。\n「{statement}」",
  "session.will.later": "わかりました。WILLの一文はあとで決めましょう。「WILL」と送ればいつでも見直せます。",
  "session.action.ask":
    "次は、WILLに近づく小さな一歩を決めましょう。\n" +
    "収入のためではなく、やりがいと成長のための、副業の許可がいらない小さな活動です。\n" +
    "あなたのWILLから、こんな一歩はいかがですか？\n{options}",
  "session.ownAction.ask": "どんな一歩にしますか？「来週、友人の転職の相談にのる」のように、具体的に書いてみてください。",
  "session.ownAction.whenWhere":
    "「{action}」、いいですね。いつ・どこでやってみますか？\n「土曜の午前に、近所の公民館で」のように、ひと言で大丈夫です。",
  "session.actionDue.ask": "「{action}」ですね。いつまでにやってみますか？",
  "session.actionDue.askFirst": "「{action}」ですね。最初の15分は、{first}ことから始めてみましょう。\nいつまでにやってみますか？",
  "session.actionDue.invalid": "日付は今日以降で選んでください。",
  "session.actionDue.past": "{date}は、もう過ぎた日付のようです。これから先の日付で、いつまでにやってみますか？",
  "session.actionDue.tooFar": "1年以内の日付で選んでください。小さな一歩なので、近い日がおすすめです。",
  "session.actionDue.hint": "「今週中」「今月中」か、12/1 のように日付で教えてください。",
  "session.action.none": "迷ったら、いちばん気軽にできそうなものを選んでみてください。あとから変えられます。",
  "session.action.saved": "「{action}」を{due}までに。応援しています！",
  "session.reminder.ask": "ふり返りのリマインダーを送りましょうか？\n続けるほど、「ありがとう」が見つけやすくなります。",
  "session.reminder.ampm": "{morning}と{evening}、どちらにしましょう？",
  "session.reminder.ampmForDays": "{days}ですね。{morning}と{evening}、どちらにしましょう？",
  "session.reminder.timeForDays": "{days}ですね。何時に送りましょう？",
  "session.reminder.timeForDaysPart": "{days}の{part}ですね。何時に送りましょう？",
  "session.reminder.days": "{time}ですね。どの曜日に送りましょう？",
  "session.reminder.hint": "ボタンから選ぶか、「毎週土曜の夜9時」「平日 21:00」のように教えてください。",
  "session.reminder.daysHint": "「毎日」「平日」か、曜日（月・火…）で教えてください。",
  "session.reminder.saved": "{schedule}にお知らせします。次は{next}です。",
  "session.reminder.off": "リマインダーは送りません。必要になったら「リマインダー」と送ってください。",
  "session.summary.done": "最初のふり返り、おつかれさまでした！これがいまのあなたのWILLノートです。",
  "session.summary.footer": "「WILL」と送ると、いつでもこのまとめを見られます。",

  "reminder.push.week": "ふりかえりの時間です。この1週間を、5分だけ一緒にふり返ってみませんか？",
  "reminder.push.today": "ふりかえりの時間です。今日一日を、5分だけ一緒にふり返ってみませんか？",
  "reminder.pushLater": "わかりました。「ふりかえり」と送れば、いつでも始められます。",
  "followUp.nudge.1":
    "WILLノートです。先日のふり返りが、途中のままになっていますね。\n" +
    "止まった質問から、そのまま続けられます。ご都合のよいときに、気が向いたらどうぞ。",
  "followUp.nudge.2":
    "WILLノートです。お忙しい日が続いているのかもしれませんね。\n" +
    "ふり返りの続きは、いつでも止まったところから始められます。こちらからのお知らせは、これで最後にしますね。",
  "followUp.offer.ask":
    "もしよければ、{due}の夜に一度だけ、「{action}」がどうだったか、こちらからうかがってもいいですか？\n" +
    "お送りするのは、その1回だけです。",
  "followUp.offer.saved": "承知しました。{due}の夜に、一度だけメッセージをお送りしますね。",
  "followUp.offer.declined": "わかりました。こちらからはお送りしませんね。",
  "followUp.action.ask":
    "WILLノートです。今日までと決めていた「{action}」は、どうでしたか？\n" +
    "ボタンでひと言だけでも、「ふりかえる」でじっくりでも、どちらでも大丈夫です。",
  "checkin.intro": "ふりかえりを始めましょう。5分ほどで終わります。",
  "checkin.score.ask.week": "この1週間のお仕事のやりがいは、5段階でいうとどのくらいでしたか？",
  "checkin.score.ask.today": "今日のお仕事のやりがいは、5段階でいうとどのくらいでしたか？",
  "checkin.score.ask.recent": "最近のお仕事のやりがいは、5段階でいうとどのくらいですか？",
  "checkin.score.dropped":
    "前回の{before}から{score}に下がったんですね。何かあったのかもしれませんね。よければ、このあとの質問で聞かせてください。",
  "checkin.thanks.ask": "前回から、誰かに「ありがとう」と言われたことはありましたか？",
  "checkin.thanks.text": "よかったですね！どんな場面でしたか？ひと言でも大丈夫です。",
  "checkin.thanks.feeling": "{mirror}\nそのとき、どんな気持ちになりましたか？",
  "checkin.thanks.feelingPlain": "教えてくださって、ありがとうございます。そのとき、どんな気持ちになりましたか？",
  "checkin.thanks.deed": "{feeling}んですね。\nその「ありがとう」につながったのは、あなたのどんな行動でしたか？ひと言でも大丈夫です。",
  "checkin.thanks.deedTyped": "{mirror}\nその「ありがとう」につながったのは、あなたのどんな行動でしたか？ひと言でも大丈夫です。",
  "checkin.thanks.deedPlain": "その「ありがとう」につながったのは、あなたのどんな行動でしたか？ひと言でも大丈夫です。",
  "checkin.thanks.saved": "教えてくださって、ありがとうございます。記録しました。",
  "checkin.thanks.savedMirrored": "{mirror}\n記録しました。",
  "checkin.thanks.none": "そんなときもありますよね。あなたが誰かに「ありがとう」を伝えた場面も、立派な記録になりますよ。",
  "checkin.action.ask": "「{action}」は、やってみられましたか？",
  "checkin.action.done": "すばらしいです！一歩を踏み出せましたね。",
  "checkin.action.partly": "少しでも動けたのは大きな前進です。",
  "checkin.action.notYet": "大丈夫です。忙しいときもあります。日付や内容は、あとで変えられます。",
  "checkin.will.ask.week": "あなたのWILLはこちらでした。\n「{will}」\nこの1週間のできごとは、このWILLにつながっていると感じますか？",
  "checkin.will.ask.today": "あなたのWILLはこちらでした。\n「{will}」\n今日のできごとは、このWILLにつながっていると感じますか？",
  "checkin.will.ask.recent": "あなたのWILLはこちらでした。\n「{will}」\n最近のできごとは、このWILLにつながっていると感じますか？",
  "checkin.will.askNoWill": "最近のできごとは、あなたが「やりたいこと」につながっていると感じますか？",
  "checkin.done": "ふりかえり、おつかれさまでした。今回で{count}回目です。",
  "checkin.next": "次のリマインダーは{next}です。",
  "checkin.nextNone": "「ふりかえり」と送れば、いつでもふり返れます。",
  "checkin.reviseWill": "ふりかえりも{count}回目。WILLの一文を見直してみるのもおすすめです。",
  "checkin.ok": "わかりました。また一緒にふり返りましょう。",
  "session.later": "わかりました。時間のあるときに、さきほどの質問への答えを送ってください。そこから続けます。",
  "checkin.later":
    "わかりました。時間のあるときに、さきほどの質問への答えを送ってください（下のボタンからでも大丈夫です）。そこから続けます。",
  "insights.title": "あなたのふりかえり",
  "insights.altText": "ありがとうの数とやりがい度の記録",
  "insights.thanks": "ありがとうの数",
  "insights.score": "やりがい度",
  "insights.words": "よく出てくることば：{words}",
  "insights.streak": "{weeks}週連続でふり返っています",
  "insights.weekLabel": "{month}/{day}〜",
  "will.card.altText": "あなたのWILLノート",
  "will.none": "まだWILLは決まっていません。「はじめる」で最初のふり返りをすると、ここにまとまります。",
  "will.inProgress": "WILLはいま一緒に考えているところです。最後まで進むと、ここにまとまります。",
  "thanksLog.ask": "「ありがとう」の記録ですね。どんな場面でしたか？",
  "thanksLog.feeling.ask": "そのとき、どんな気持ちになりましたか？",
  "thanksLog.deed.ask": "その「ありがとう」につながったのは、あなたのどんな行動でしたか？",
  "thanksLog.saved": "記録しました。「ありがとう」がまた一つ増えましたね。",
  "thanksLog.savedMirrored": "{mirror}\n記録しました。「ありがとう」がまた一つ増えましたね。",
  "will.revise.current": "いまのWILLはこちらです。\n「{statement}」\n書き直した一文は新しい版になり、これまでの版も記録に残ります。",
  "rest.thanksToBot": "どういたしまして。こちらこそ、話してくださってありがとうございます。",
  "rest.quitJob":
    "辞めることを考えるほど、いろいろなことを抱えていらっしゃるのですね。話してくださってありがとうございます。\n" +
    "ひとりで決めなくて大丈夫です。「相談したい」から、キャリアコンサルタントと一緒に考えることもできます。",
  "rest.willInProgress": "いまは最初のふり返りの途中です。WILLと一歩は、このまま進めると決められます。",
  "freeText.offer": "メッセージありがとうございます。いまのお話を「ありがとう」の記録として残しますか？",
  "freeText.notSaved": "わかりました。記録には残していません。",
  "records.empty": "まだ記録はありません。「ありがとう記録」で、感謝された場面を残してみましょう。",
  "records.intro": "これまでの記録です（新しい順）。",
  "records.end": "これで全部です。",
  "records.next": "続きの記録です。",
  "records.moreAsk": "さらに前の記録は「もっと見る」からどうぞ。",
  "records.unavailable": "ごめんなさい、いまは記録を読み込めませんでした。少し時間をおいて、もう一度お試しください。",
  "reminder.current": "いまのリマインダーは「{schedule}」です。変更しますか？",
  "reminder.kept": "いまの設定のままにしますね。",
  "reminder.none": "いまはリマインダーを送っていません。送りましょうか？",
  "handoff.topic.ask":
    "キャリアコンサルタントへの相談ですね。\nどんなことを話したいですか？ひと言で大丈夫です。決まっていなければ「スキップ」を押してください。",
  "handoff.topic.thanks": "教えてくださって、ありがとうございます。担当者にお伝えします。",
  "handoff.ask": "相談にあたって、担当者に何を共有しますか？",
  "handoff.confirm": "次の内容を、担当のキャリアコンサルタントに送ります。\n{items}\nよろしいですか？",
  "handoff.item.sender": "・受付番号と、LINEの表示名",
  "handoff.item.topic": "・話したいこと：「{topic}」",
  "handoff.item.summary": "・WILLのまとめ（WILL、大切にしていること、ありがとうの場面、次の一歩、リマインダー）",
  "handoff.item.entries": "・最近の記録（新しいものから{count}件まで）",
  "handoff.next.ask": "担当者からの連絡を待つあいだ、ふり返りの続きをすることもできます。どうしますか？",
  "handoff.next.wait": "わかりました。ふり返りの続きは、気が向いたときに「はじめる」と送ってください。",
  "handback.ask": "おつかれさまでした。続きは気が向いたときに、いつでも再開できます。",
  "handoff.operatorTopic": "■話したいこと\n{topic}\n",
  "handoff.cancelled": "送るのをやめました。何も共有していません。",
  "handoff.sent":
    "キャリアコンサルタントにお伝えしました（受付番号 {code}）。担当者から、このトークでお返事することがあります。" +
    "日時を決めて話したいときは、こちらから予約できます。予約のときに受付番号をお伝えください。\n{url}",
  "handoff.sentNoUrl": "キャリアコンサルタントにお伝えしました（受付番号 {code}）。担当者から、このトークでお返事します。",
  "handoff.sentWithin":
    "キャリアコンサルタントにお伝えしました（受付番号 {code}）。担当者から、{hours}時間以内を目安に、このトークでお返事します。",
  "handoff.failed": "ごめんなさい、いまはお送りできませんでした。少し時間をおいて、もう一度「相談したい」と送ってください。",
  "handoff.operatorNotice": "【WILLノート】相談の希望が届きました。\n受付番号：{code}\nLINEの表示名：{name}\n{topic}{summary}",
  "delete.confirm": "すべての記録（回答・ありがとうの記録・WILL・リマインダー）を削除します。元には戻せません。よろしいですか？",
  "delete.done": "すべての記録を削除しました。これまでありがとうございました。\nまた使うときは「はじめる」と送ってください。",
  "delete.cancelled": "削除はやめました。記録はそのまま残っています。",
  "myData.beforeConsent":
    "いま保存しているのは、LINEのユーザーIDと、同意の状態（{consent}）だけです。同意するまで、回答や記録は保存しません。",
  "myData.footer":
    "この内容は、このトークであなたにだけお見せしています。キャリアコンサルタントに届くのは、「相談したい」で「送る」を選んだときと、「担当者と共有する」で共有しているあいだだけです。" +
    "すべて消したいときは「データ削除」と送ってください。",
  "restart.done": "最初からやり直しましょう。これまでのWILLや記録は残したままです。",
  "pause.done": "いったん中断しますね。続きは「はじめる」と送れば再開できます。",
  "pause.nothing": "いま進めている質問はありません。",
  "resume.back": "続きから再開しましょう。",
  "resume.recap": "おかえりなさい。{where}",
  "resume.where.scene": "前回は『{scene}』の場面をうかがっていました。",
  "resume.where.workScore": "前回は、いまのお仕事のやりがいをうかがっていました。",
  "resume.where.moyamoya": "前回は、お仕事で「しっくりこない」と感じるときをうかがっていました。",
  "resume.where.moments": "前回は、「ありがとう」と言われた場面を思い出していました。",
  "resume.where.values": "前回は、大切にしていることを選んでいました。",
  "resume.where.will": "前回は、WILLを言葉にしているところでした。",
  "resume.where.action": "前回は、小さな一歩を決めているところでした。",
  "resume.where.reminder": "前回は、リマインダーの時間をうかがっていました。",
  "tired.offer":
    "思い出そうとしてくださって、ありがとうございます。すぐに浮かばない日もありますよね。\n" +
    "ここでひと休みしても、一歩を決めるのをあとにしても大丈夫です。",
  "tired.rest": "ここでひと休みしましょう。続きは、気が向いたときに「はじめる」と送ってください。",
  "tired.stepLater":
    "では、一歩はあとで決めることにして、今日はここまでをまとめましょう。一歩は「一歩を変える」から、いつでも決められます。",
  "tired.goOn": "では、続けましょう。",
  "input.media": "送ってくださってありがとうございます。WILLノートは文字とボタンでお話ししています。",
  "input.stalePostback": "そのボタンは、いまは使えないようです。",
  "input.truncated": "長い文章をありがとうございます。記録に使うのは最初の{max}文字までです。",
  "input.needConsent": "その前に、記録の扱いへの同意をお願いしています。",
  "input.empty": "もう少しくわしく教えてください。",
  "safety.acute":
    "打ち明けてくださって、ありがとうございます。そこまでつらい気持ちを、ひとりで抱えてこられたのですね。\n" +
    "いまの気持ちを、話を聴く専門の人に伝えてみてください。下のボタンから、電話やチャットですぐにつながれます。",
  "safety.distress":
    "話してくださって、ありがとうございます。そんな毎日が続くと、心も体も本当に疲れてしまいますよね。\n" +
    "働く人の悩みを聴いてくれる窓口もあります。よければ使ってみてください。",
  "safety.ask": "このあとは、あなたのペースで大丈夫です。続けますか？それとも、今日はここまでにしますか？",
  "safety.askWithConsultant":
    "よければ、担当のキャリアコンサルタントから、このトークであなたに連絡することもできます。" +
    "連絡してほしいときは「連絡してほしい」を押してください。送るのは受付番号だけで、あなたが書いた言葉は伝えません。\n" +
    "このあとは、あなたのペースで大丈夫です。続けますか？それとも、今日はここまでにしますか？",
  "safety.escalated":
    "担当のキャリアコンサルタントにお伝えしました。担当者から、このトークに連絡があります。" +
    "すぐには届かないこともあるので、待つあいだも、つらいときは上の窓口にいつでも連絡してください。",
  "safety.escalatedWithin":
    "担当のキャリアコンサルタントにお伝えしました。担当者から、{hours}時間以内を目安に、このトークに連絡があります。" +
    "待つあいだも、つらいときは上の窓口にいつでも連絡してください。",
  "safety.escalateFailed": "ごめんなさい、いまは担当者にお伝えできませんでした。つらいときは、上の窓口にいつでも連絡してください。",
  "safety.heard": "メッセージ、受け取りました。話してくださって、ありがとうございます。",
  "safety.heardThanks": "こちらこそ、話してくださってありがとうございます。",
  "safety.continued": "ありがとうございます。無理のない範囲で、ゆっくり続けましょう。",
  "safety.stopped":
    "今日はここまでにしましょう。話してくださって、ありがとうございました。\n" +
    "つらいときは、さっきの窓口をいつでも頼ってください。続きは「はじめる」と送れば再開できます。",
  "safety.card.altText": "いつでも話せる相談窓口",
  "safety.card.title": "いま話せる相談窓口",
  "safety.card.titleWork": "働く人の相談窓口",
  "safety.card.checked": "{date}時点の情報です。変わっていることもあるので、つながらないときは別の窓口も試してください。",
  "sharedChat.notice":
    "WILLノートは、1対1のトークでお話しするサービスです。グループでは記録を残さずに失礼しますね。" +
    "ご利用のときは、WILLノートと1対1のトークを開いてください。",
  "state.migrated": "WILLノートが新しくなりました。お手数ですが、ここからもう一度お願いします。",
} as const;

/** A message id in {@link messages}. */
export type MessageId = keyof typeof messages;
