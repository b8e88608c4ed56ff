/**
 * Every word the bot says, in one place. Operators edit this file to change the copy;
 * logic never contains Japanese. `{name}`-style placeholders are filled by {@link fill}.
 * See docs/content.md for what each part is and the limits that apply.
 *
 * Limits (PRODUCT.md §4): a message up to 5,000 characters, a button label up to 20.
 * `npm test` checks every entry here against them and names the entry that breaks one.
 */
import type { CommandId } from "./postback";
import type { ReminderSchedule } from "../calendar/schedule";
import type { ValueId } from "./state";
import type { MomentSource } from "../model/entry";

/** Chat messages, by id. */
export const messages = {
  "welcome.greetingNamed": "{name}さん、はじめまして。WILLノートです。友だち追加ありがとうございます。",
  "welcome.greetingAnonymous": "はじめまして。WILLノートです。友だち追加ありがとうございます。",
  "welcome.about":
    "ここは、お仕事のもやもやを少しずつ言葉にしていく場所です。\n" +
    "「ありがとう」と言われた場面をふり返りながら、あなたが大切にしていることと、" +
    "「やりたいこと（WILL）」を一緒に見つけていきます。",
  "welcome.parallelCareer":
    "ゴールは、会社の許可がなくてもできる小さな一歩を決めることです。\n" +
    "収入を増やす副業とは少しちがい、本業を続けながら自分らしい活動も持つ働き方を" +
    "「パラレルキャリア」と呼んでいます。",
  "welcome.back": "おかえりなさい。また話せてうれしいです。",
  "welcome.hello": "こんにちは。WILLノートです。",
  "consent.request":
    "はじめる前に、記録の扱いを確認させてください。\n" +
    "・保存するのは、あなたの回答とふり返りの記録です\n" +
    "・このサービスを動かすためだけに使います\n" +
    "・「データ確認」でいつでも中身を確かめられ、「データ削除」ですべて消せます\n" +
    "よろしければ「同意してはじめる」を押してください。",
  "consent.details":
    "【保存する内容】LINEのユーザーID、同意の状態、あなたが送った回答（やりがい度、ありがとうの記録、" +
    "大切にしたいこと、WILL、行動の予定、リマインダーの設定）。表示名はあいさつに使うだけで、保存しません。\n" +
    "【使い道】このサービスを動かすためだけに使い、ほかの人には見せません。" +
    "「相談したい」であなたが選んで確認したときだけ、その内容を担当のキャリアコンサルタントに送ります。\n" +
    "【消したいとき】「データ削除」と送ると、確認のあと、すべての記録を削除します。",
  "consent.pending": "はじめる前に、記録の扱いへの同意をお願いしています。下のボタンから選んでください。",
  "consent.declined": "わかりました。記録は何も残していません。\n気が向いたら、いつでも「はじめる」と送ってください。",
  "start.ask": "ありがとうございます！\n最初のふり返りは5分ほどです。いま始めますか？",
  "start.later": "承知しました。準備ができたら「はじめる」と送ってください。いつでも待っています。",
  "resting.prompt": "ご用のときは、下のボタンから選ぶか、「ヘルプ」と送ってください。",
  "resting.promptNew": "「はじめる」と送ると、最初のふり返りを始められます。",

  "session.intro": "では、はじめましょう。全部で8つほどの質問です。途中でやめても、続きから再開できます。",
  "session.workScore.ask": "今日のお仕事のやりがいは、5段階でいうとどのくらいですか？\n（1：ほとんど感じない〜5：とても感じる）",
  "session.workScore.invalid": "1から5の数字で教えてください。下のボタンでも選べます。",
  "session.workScore.low": "やりがい度は{score}なんですね。正直な気持ちを聞かせてくださって、うれしいです。",
  "session.workScore.high": "やりがい度は{score}なんですね。",
  "session.moyamoya.ask":
    "いまのお仕事で「なんだかしっくりこない」と感じることはありますか？\nひと言でも大丈夫です。話したくなければ「スキップ」を押してください。",
  "session.moyamoya.ack": "「{text}」と感じているんですね。話してくださってありがとうございます。",
  "session.thanks.intro": "ここからは「ありがとう」を思い出す時間です。人から感謝された場面には、あなたが大切にしていることが表れます。",
  "session.thanks.ask.thanked": "最近、誰かに「ありがとう」と言われたのは、どんな場面でしたか？\n小さなことでもかまいません。",
  "session.thanks.ask.thankedSomeone": "では、あなたが誰かに「ありがとう」と伝えた場面はどうでしょう？どんなことがありましたか？",
  "session.thanks.ask.longAgo": "少し前のことでも大丈夫です。学生時代や前の職場などで、感謝されて印象に残っている場面はありますか？",
  "session.thanks.ask.everyday": "日常の小さなことでも十分です。家族や友人、お店の人などに「ありがとう」と言われたことはありますか？",
  "session.thanks.askAnother": "もう一つ、「ありがとう」と言われた場面を教えてください。",
  "session.thanks.none": "すぐには思いつかないこともありますよね。こんな角度から思い出してみませんか？",
  "session.thanks.feeling.ask": "「{text}」という場面ですね。\nそのとき、どんな気持ちになりましたか？",
  "session.thanks.deed.ask": "{feeling}んですね。\nその「ありがとう」につながったのは、あなたのどんな行動でしたか？",
  "session.thanks.deed.askTyped": "「{feeling}」と感じたんですね。\nその「ありがとう」につながったのは、あなたのどんな行動でしたか？",
  "session.thanks.deed.askThankedSomeone": "あなたが「ありがとう」を伝えたくなったのは、相手のどんな行動でしたか？",
  "session.thanks.deed.askNoFeeling": "その「ありがとう」につながったのは、あなたのどんな行動でしたか？",
  "session.thanks.more.ask":
    "すてきな場面を教えてくださってありがとうございます。\nほかにも思い出せる場面はありますか？（あと{left}つまで）",
  "session.thanks.enough": "3つの場面を教えていただきました。ありがとうございます。",
  "session.thanks.skipped": "大丈夫です。思い出したときに「ありがとう記録」で残せます。先に進みましょう。",
  "session.values.askNoMoments":
    "では、あなたが大切にしていることを考えてみましょう。\n" + "近いと思うものを3つまで選んで、最後に「決定」を押してください。",
  "session.values.ask":
    "教えてくださった場面から、あなたが大切にしていることを一緒に考えてみましょう。\n" +
    "近いと思うものを3つまで選んで、最後に「決定」を押してください。",
  "session.values.suggest": "お話からは「{values}」が近そうに感じました。",
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
  "session.willReview.template": "{who}から、{what}で『ありがとう』と言われる人になる。大切にしたいのは、{value}。",
  "session.willReview.templateNoValue": "{who}から、{what}で『ありがとう』と言われる人になる。",
  "session.willRewrite.ask": "あなたの言葉で、WILLを一文で書いてみてください。",
  "session.will.saved": "あなたのWILLは「{statement}」ですね。しっかり記録しました。",
  "session.will.later": "わかりました。WILLの一文はあとで決めましょう。「WILL」と送ればいつでも見直せます。",
  "session.action.ask":
    "次は、WILLに近づく小さな一歩を決めましょう。会社の副業許可がなくてもできることばかりです。\n" +
    "あなたが大切にしていることから、こんな行動はいかがですか？",
  "session.ownAction.ask": "どんな一歩にしますか？「来週、友人の転職の相談にのる」のように、具体的に書いてみてください。",
  "session.actionDue.ask": "「{action}」ですね。いつまでにやってみますか？",
  "session.actionDue.invalid": "日付は今日以降で選んでください。",
  "session.actionDue.tooFar": "1年以内の日付で選んでください。小さな一歩なので、近い日がおすすめです。",
  "session.actionDue.hint": "「今週中」「今月中」か、12/1 のように日付で教えてください。",
  "session.action.none": "迷ったら、いちばん気軽にできそうなものを選んでみてください。あとから変えられます。",
  "session.action.saved": "「{action}」を{due}までに。応援しています！",
  "session.reminder.ask": "ふり返りのリマインダーを送りましょうか？\n続けるほど、「ありがとう」が見つけやすくなります。",
  "session.reminder.days": "{time}ですね。どの曜日に送りましょう？",
  "session.reminder.hint": "ボタンから選ぶか、21:00 のように時刻で教えてください。",
  "session.reminder.daysHint": "「毎日」「平日」か、曜日（月・火…）で教えてください。",
  "session.reminder.saved": "{schedule}にお知らせします。次は{next}です。",
  "session.reminder.off": "リマインダーは送りません。必要になったら「リマインダー」と送ってください。",
  "session.summary.done": "最初のふり返り、おつかれさまでした！これがいまのあなたのWILLノートです。",
  "session.summary.footer": "「WILL」と送ると、いつでもこのまとめを見られます。",

  "reminder.push": "ふりかえりの時間です。この1週間を、5分だけ一緒にふり返ってみませんか？",
  "reminder.pushLater": "わかりました。「ふりかえり」と送れば、いつでも始められます。",
  "checkin.intro": "ふりかえりを始めましょう。4つほどの質問です。",
  "checkin.score.ask": "この1週間のお仕事のやりがいは、5段階でいうとどのくらいでしたか？",
  "checkin.thanks.ask": "前回から、誰かに「ありがとう」と言われたことはありましたか？",
  "checkin.thanks.text": "よかったですね！どんな場面でしたか？ひと言でも大丈夫です。",
  "checkin.thanks.saved": "すてきな場面を教えてくださってありがとうございます。記録しました。",
  "checkin.thanks.none": "そんな週もありますよね。あなたが誰かに「ありがとう」を伝えた場面も、立派な記録になりますよ。",
  "checkin.action.ask": "「{action}」は、やってみられましたか？",
  "checkin.action.done": "すばらしいです！一歩を踏み出せましたね。",
  "checkin.action.partly": "少しでも動けたのは大きな前進です。",
  "checkin.action.notYet": "大丈夫です。忙しい週もあります。日付や内容は、あとで変えられます。",
  "checkin.will.ask": "今週のできごとは、あなたのWILLにつながっていると感じますか？",
  "checkin.will.askNoWill": "今週のできごとは、あなたが「やりたいこと」につながっていると感じますか？",
  "checkin.done": "ふりかえり、おつかれさまでした。今回で{count}回目です。",
  "checkin.next": "次のリマインダーは{next}です。",
  "checkin.nextNone": "「ふりかえり」と送れば、いつでもふり返れます。",
  "checkin.reviseWill": "ふりかえりも{count}回目。WILLの一文を見直してみるのもおすすめです。",
  "checkin.ok": "わかりました。また一緒にふり返りましょう。",
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
  "thanksLog.saved": "記録しました。「ありがとう」がまた一つ増えましたね。",
  "freeText.offer": "メッセージありがとうございます。いまのお話を「ありがとう」の記録として残しますか？",
  "freeText.notSaved": "わかりました。記録には残していません。",
  "records.empty": "まだ記録はありません。「ありがとう記録」で、感謝された場面を残してみましょう。",
  "records.intro": "これまでの記録です（新しい順）。",
  "records.end": "これで全部です。",
  "records.next": "続きの記録です。",
  "records.moreAsk": "さらに前の記録は「もっと見る」からどうぞ。",
  "reminder.current": "いまのリマインダーは「{schedule}」です。変更しますか？",
  "reminder.kept": "いまの設定のままにしますね。",
  "reminder.none": "いまはリマインダーを送っていません。送りましょうか？",
  "handoff.ask": "キャリアコンサルタントへの相談ですね。相談にあたって、何を共有しますか？",
  "handoff.confirm.summary": "「WILLのまとめ」をキャリアコンサルタントに送ります。よろしいですか？",
  "handoff.confirm.withEntries": "「WILLのまとめ」と「最近の記録」をキャリアコンサルタントに送ります。よろしいですか？",
  "handoff.cancelled": "送るのをやめました。何も共有していません。",
  "handoff.sent":
    "キャリアコンサルタントにお伝えしました（受付番号 {code}）。こちらから相談の日時を予約できます。予約のときに受付番号をお伝えください。\n{url}",
  "handoff.sentNoUrl": "キャリアコンサルタントにお伝えしました（受付番号 {code}）。担当者からの連絡をお待ちください。",
  "handoff.failed": "ごめんなさい、いまはお送りできませんでした。少し時間をおいて、もう一度「相談したい」と送ってください。",
  "handoff.operatorNotice": "【WILLノート】相談の希望が届きました。\n受付番号：{code}\nLINEの表示名：{name}\n{summary}",
  "delete.confirm": "すべての記録（回答・ありがとうの記録・WILL・リマインダー）を削除します。元には戻せません。よろしいですか？",
  "delete.done": "すべての記録を削除しました。これまでありがとうございました。\nまた使うときは「はじめる」と送ってください。",
  "delete.cancelled": "削除はやめました。記録はそのまま残っています。",
  "myData.beforeConsent":
    "いま保存しているのは、LINEのユーザーIDと、同意の状態（{consent}）だけです。同意するまで、回答や記録は保存しません。",
  "myData.footer":
    "この内容は、このトークであなたにだけお見せしています。キャリアコンサルタントに届くのは、「相談したい」で「送る」を選んだときだけです。" +
    "すべて消したいときは「データ削除」と送ってください。",
  "restart.done": "最初からやり直しましょう。これまでのWILLや記録は残したままです。",
  "pause.done": "いったん中断しますね。続きは「はじめる」と送れば再開できます。",
  "pause.nothing": "いま進めている質問はありません。",
  "resume.back": "続きから再開しましょう。",
  "resume.ask": "おかえりなさい。前回の続きからにしますか？それとも、この質問をもう一度はじめから考えますか？",
  "resume.restartQuestion": "では、この質問からもう一度。",
  "help.text":
    "WILLノートの使い方です。次のことばを送るか、ボタンから選んでください。\n" +
    "・はじめる…ふり返りを始める／続きから再開\n" +
    "・WILL…あなたのWILLのまとめ\n" +
    "・ありがとう記録…感謝された場面を残す\n" +
    "・ふりかえり…この1週間をふり返る\n" +
    "・記録を見る…これまでの記録\n" +
    "・リマインダー…お知らせの変更・停止\n" +
    "・相談したい…キャリアコンサルタントに相談\n" +
    "・最初から…最初のふり返りをやり直す\n" +
    "・やめる…いまの質問を中断\n" +
    "・データ確認…保存しているあなたのデータ\n" +
    "・データ削除…すべての記録を削除",
  "input.media": "送ってくださってありがとうございます。WILLノートは文字とボタンでお話ししています。",
  "input.stalePostback": "そのボタンは、いまは使えないようです。",
  "input.truncated": "長い文章をありがとうございます。記録に使うのは最初の{max}文字までです。",
  "input.needConsent": "その前に、記録の扱いへの同意をお願いしています。",
  "input.empty": "もう少しくわしく教えてください。",
  "distress.reply":
    "つらい気持ちを打ち明けてくださって、ありがとうございます。あなたの気持ちはとても大切です。\n" +
    "ひとりで抱えず、いますぐ話を聞いてくれる窓口を頼ってください。\n" +
    "{resources}\n" +
    "WILLノートの質問は、気持ちが落ち着いてからで大丈夫です。",
  "sharedChat.notice":
    "WILLノートは、1対1のトークでお話しするサービスです。グループでは記録を残さずに失礼しますね。" +
    "ご利用のときは、WILLノートと1対1のトークを開いてください。",
  "state.migrated": "WILLノートが新しくなりました。お手数ですが、ここからもう一度お願いします。",
} as const;

/** Button labels (at most 20 characters each), by id. */
export const labels = {
  "consent.agree": "同意してはじめる",
  "consent.details": "くわしく見る",
  "consent.decline": "やめておく",
  "start.now": "いまはじめる",
  "start.later": "あとで",
  "workScore.1": "1 ほとんど感じない",
  "workScore.2": "2",
  "workScore.3": "3",
  "workScore.4": "4",
  "workScore.5": "5 とても感じる",
  skip: "スキップ",
  "thanks.none": "思いつかない",
  "alt.thankedSomeone": "誰かに感謝した場面",
  "alt.longAgo": "ずっと前のこと",
  "alt.everyday": "日常の小さなこと",
  "alt.skip": "いまはとばす",
  "more.another": "もう一つ",
  "more.next": "次へ",
  "values.done": "決定",
  "willReview.accept": "しっくりくる",
  "willReview.rewrite": "自分で書き直す",
  "willReview.later": "あとで",
  "action.own": "自分で決める",
  "due.week": "今週中",
  "due.month": "今月中",
  "due.pick": "日付をえらぶ",
  "reminder.pick": "時間をえらぶ",
  "reminder.off": "いらない",
  "reminder.keep": "このままにする",
  "push.reflect": "ふりかえる",
  "push.later": "あとで",
  "checkin.yes": "あった",
  "checkin.no": "なかった",
  "action.done": "できた",
  "action.partly": "少しできた",
  "action.notYet": "まだ",
  "will.yes": "つながっている",
  "will.partly": "少し",
  "will.no": "まだわからない",
  "next.newAction": "次の一歩を決める",
  "next.changeDate": "日付を変える",
  "next.changeAction": "行動を変える",
  "next.reviseWill": "WILLを見直す",
  "next.ok": "OK",
  "days.everyday": "毎日",
  "days.weekdays": "平日",
  "save.yes": "記録する",
  "save.no": "記録しない",
  "handoff.summary": "WILLのまとめだけ",
  "handoff.withEntries": "最近の記録も",
  "handoff.cancel": "やめる",
  "handoffConfirm.send": "送る",
  "handoffConfirm.cancel": "やめる",
  "delete.confirm": "削除する",
  "delete.cancel": "やめる",
  "resume.continue": "続きから",
  "resume.restart": "この質問から",
  "records.more": "もっと見る",
  "own.back": "提案から選ぶ",
  later: "あとで",
} as const;

/** Labels of the any-time commands, for help and menu buttons. */
export const commandLabels: Record<CommandId, string> = {
  help: "ヘルプ",
  start: "はじめる",
  will: "WILL",
  logThanks: "ありがとう記録",
  reflect: "ふりかえり",
  records: "記録を見る",
  reminder: "リマインダー",
  consult: "相談したい",
  restart: "最初から",
  deleteData: "データ削除",
  pause: "やめる",
  myData: "データ確認",
};

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

/**
 * Words that trigger each any-time command. Matching ignores width, case, kana type,
 * spaces and punctuation, so 「ヘルプ」「へるぷ」「 ﾍﾙﾌﾟ！」 all match.
 */
export const commandWords: Record<CommandId, readonly string[]> = {
  help: ["ヘルプ", "help", "使い方", "つかいかた", "メニュー"],
  start: ["はじめる", "始める", "スタート", "start", "再開", "つづき", "続き", "続きから"],
  will: ["WILL", "ウィル", "まとめ", "WILLを見る"],
  logThanks: ["ありがとう記録", "ありがとうを記録", "記録する"],
  reflect: ["ふりかえり", "ふりかえる", "振り返り", "振り返る", "ふりかえりする"],
  records: ["記録を見る", "記録", "履歴"],
  reminder: ["リマインダー", "リマインド", "通知"],
  consult: ["相談したい", "相談", "キャリア相談"],
  restart: ["最初から", "さいしょから", "やり直す", "リセット"],
  deleteData: ["データ削除", "データを削除", "退会", "削除"],
  pause: ["やめる", "中断", "ストップ", "stop", "休む"],
  myData: ["データ確認", "データを確認", "保存データ", "登録内容", "わたしのデータ", "私のデータ"],
};

/** The values a user can pick, with a label (≤ 20 characters) and words that suggest it. */
export const values: Record<ValueId, { label: string; cues: readonly string[] }> = {
  helpOthers: { label: "人の役に立つ", cues: ["助け", "手伝", "役に立", "支え", "困って", "サポート", "喜ん"] },
  growOthers: { label: "誰かの成長を支える", cues: ["成長", "後輩", "部下", "育て", "できるように", "相談", "新人"] },
  solveProblems: { label: "問題を解決する", cues: ["解決", "トラブル", "改善", "問題", "直し", "対応", "クレーム"] },
  createNew: { label: "新しいものを生み出す", cues: ["企画", "新し", "作っ", "つくっ", "アイデア", "提案", "デザイン"] },
  teach: { label: "教える・伝える", cues: ["教え", "説明", "伝え", "わかりやす", "発表", "書い", "研修"] },
  teamwork: { label: "チームで成し遂げる", cues: ["チーム", "みんな", "一緒", "協力", "仲間", "プロジェクト"] },
  mastery: { label: "専門性を極める", cues: ["専門", "技術", "知識", "資格", "詳し", "スキル"] },
  freedom: { label: "自由・裁量", cues: ["任せ", "自分で決め", "自由", "裁量", "自分のやり方"] },
  challenge: { label: "挑戦", cues: ["挑戦", "初めて", "はじめて", "チャレンジ", "難し", "やり遂げ"] },
  stability: { label: "安心・安定", cues: ["安心", "安定", "ほっと", "落ち着", "丁寧", "正確"] },
};

/** What the user might want to be thanked for, one phrase per value (≤ 20 characters each). */
export const willWhatPhrases: Record<ValueId, string> = {
  helpOthers: "困っている人の力になること",
  growOthers: "成長のきっかけをつくること",
  solveProblems: "悩みを一緒に解決すること",
  createNew: "新しいものを形にすること",
  teach: "自分の経験を伝えること",
  teamwork: "みんなで何かを成し遂げること",
  mastery: "専門性を活かして支えること",
  freedom: "自分らしいやり方で役立つこと",
  challenge: "新しい挑戦を後押しすること",
  stability: "安心できる場をつくること",
};

/** How each value reads inside the WILL sentence (「大切にしたいのは、…。」). */
export const valueClauses: Record<ValueId, string> = {
  helpOthers: "人の役に立つこと",
  growOthers: "誰かの成長を支えること",
  solveProblems: "問題を解決すること",
  createNew: "新しいものを生み出すこと",
  teach: "教えること、伝えること",
  teamwork: "チームで成し遂げること",
  mastery: "専門性を極めること",
  freedom: "自由と裁量",
  challenge: "挑戦すること",
  stability: "安心と安定",
};

/** Small actions that need no side-job permission, suggested from the chosen values. */
export const actionSuggestions: Record<ValueId, readonly string[]> = {
  helpOthers: ["友人の悩みを聞く時間をつくる", "地域のボランティアに参加する"],
  growOthers: ["友人の自己分析を手伝う", "後輩の相談にのる"],
  solveProblems: ["身近な人の困りごとを一緒に考える", "NPOのプロボノに参加する"],
  createNew: ["やってみたい企画をメモにまとめる", "小さな作品をつくって公開する"],
  teach: ["自分の経験を文章に書く", "学生向けのキャリア教育に参加する"],
  teamwork: ["社外の勉強会に参加する", "仲間と小さな活動を始める"],
  mastery: ["勉強会で学んだことを発表する", "専門分野の本を一冊読む"],
  freedom: ["週に1時間、自分のための時間をとる", "やりたいことリストを書く"],
  challenge: ["気になっていた講座に申し込む", "初めてのコミュニティに参加する"],
  stability: ["毎週ふり返りの時間をとる", "身近な人に感謝を伝える"],
};

/** Action suggestions when no value has been chosen. */
export const defaultActionSuggestions: readonly string[] = [
  "友人の悩みを聞く時間をつくる",
  "自分の経験を文章に書く",
  "社外の勉強会に参加する",
];

/** Who the user might want to be thanked by: quick choices (≤ 20 characters each). */
export const willWhoChoices: readonly string[] = ["家族", "友人", "同僚・後輩", "お客さま", "地域の人", "学生・若い人"];

/** How a moment felt: quick choices (≤ 20 characters each); free text is accepted too. */
export const feelings: readonly string[] = ["うれしかった", "誇らしかった", "ほっとした", "照れくさかった", "やりがいを感じた"];

/** Short names of the moment kinds, for records and summaries. */
export const momentSourceLabels: Record<MomentSource, string> = {
  thanked: "ありがとうと言われた",
  thankedSomeone: "ありがとうを伝えた",
  longAgo: "前に言われた",
  everyday: "日常の中で",
};

/** Titles and headings of cards. */
export const cardText = {
  summaryTitle: "あなたのWILLノート",
  will: "WILL",
  values: "大切にしていること",
  moments: "ありがとうの場面",
  action: "次の一歩",
  reminder: "リマインダー",
  noWill: "（まだ決めていません）",
  noAction: "（まだ決めていません）",
  noReminder: "送らない",
  none: "（なし）",
  due: "{due}まで",
  recordThanks: "ありがとう",
  recordScore: "やりがい度",
  recordScoreValue: "やりがい度 {score} / 5",
  recordDeed: "したこと：{deed}",
  recordCheckin: "ふりかえり",
  recordAction: "行動：{status}",
  recordWill: "WILLとのつながり：{link}",
  records: "記録",
} as const;

/** The 「データ確認」 card: everything stored about the user, section by section. */
export const myDataText = {
  title: "保存しているあなたのデータ",
  altText: "WILLノートに保存しているデータ",
  consent: "同意",
  consentGiven: "{date}に同意",
  consentNone: "まだ同意していません",
  consentDeclined: "同意しないを選ばれています",
  willHistory: "以前の版：{count}件",
  records: "記録",
  recordCounts: "ありがとう {thanks}件・やりがい度 {scores}件・ふりかえり {checkins}件",
  recordCountsMore: "（新しい{count}件まで数えています）",
  recordSpan: "{first}〜{last}",
  inProgress: "途中の回答",
  inProgressDraft: "最初のふり返りの途中（保存済み）",
  inProgressCheckin: "ふりかえりの途中（保存済み）",
  other: "そのほか",
  otherLines: "LINEのユーザーID、最後にメッセージを送った日時、同じメッセージを二重に処理しないための受信記録（直近{recent}件）",
  lastActive: "最後のメッセージ：{at}",
  nextReminder: "次回：{at}",
} as const;

/**
 * The two ready-made reminder buttons (Asia/Tokyo; weekdays 0 = Sunday). Each button reads
 * as its schedule ("毎週 日曜 20:00", "毎日 21:00"), so a time changed here changes both the
 * button and what it sets. The daily time is also where the time picker starts.
 */
export const reminderPresets: { weekly: ReminderSchedule; daily: ReminderSchedule & { kind: "daily" } } = {
  weekly: { kind: "weekly", weekdays: [0], time: "20:00" },
  daily: { kind: "daily", time: "21:00" },
};

/** Weekday names, Sunday first (Date#getDay order). */
export const weekdayNames: readonly string[] = ["日", "月", "火", "水", "木", "金", "土"];

/**
 * Words that suggest the user may be in crisis. When one appears, the bot replies with
 * care and the resources below, and asks nothing else that turn.
 */
export const distressWords: readonly string[] = [
  "死にたい",
  "消えたい",
  "自殺",
  "死のう",
  "生きていたくない",
  "いなくなりたい",
  "もう限界",
  "楽になりたい",
];

/** Public consultation services shown with the distress reply. Check them before deploying. */
export const distressResources: readonly string[] = [
  "・いのちの電話 0570-783-556（ナビダイヤル）",
  "・よりそいホットライン 0120-279-338（24時間・無料）",
  "・こころの健康相談統一ダイヤル 0570-064-556",
  "・緊急のときは 119 番へ",
];

/**
 * Wording of the operators' report (`npm run stats`, src/stats): an HTML page and a text
 * summary for the consultants. Users never see it. `{name}` placeholders are numbers or dates.
 */
export const statsText = {
  title: "WILLノート 利用状況レポート",
  asOf: "{date} {time} 時点（日本時間）",
  privacy: "集計した数だけを載せています。名前・LINEのユーザーID・メッセージの内容は含みません。",
  people: "{count}人",
  times: "{count}回",
  percent: "{value}%",
  none: "—",
  usersTile: "友だち",
  usersNote: "ブロック中 {blocked}人・同意しなかった人 {declined}人",
  completionTile: "初回セッション完了率",
  completionNote: "同意した{of}人のうち{count}人",
  reminderTile: "リマインダー登録率",
  reminderNote: "完了した{of}人のうち{count}人",
  activeTile: "直近7日に使った人",
  activeNote: "最後のメッセージが7日以内",
  reflectingTile: "今週ふりかえった人",
  reflectingNote: "今週のふりかえり {count}回",
  funnelTitle: "初回セッションの進み具合",
  funnelNote: "棒はその段階まで進んだ人数、右の数はいまその段階で止まっている人数です。",
  funnelCurrent: "いまここ {count}人",
  stages: {
    consent: "同意",
    workScore: "やりがい度",
    thanks: "ありがとう",
    values: "価値観",
    will: "WILL",
    action: "小さな行動",
    reminder: "リマインダー",
    completed: "完了",
  },
  weeklyUsersTitle: "週ごとの利用者数",
  weeklyUsersNote: "「使った人」はその週に記録を残したか、最後のメッセージがその週だった人です（過去の週は少なめに出ます）。",
  activeSeries: "使った人",
  reflectingSeries: "ふりかえった人",
  thanksTitle: "週ごとの「ありがとう」記録数",
  thanksSeries: "ありがとう",
  weekLabel: "{month}/{day}",
  weeksNote: "週は月曜はじまり。日付はその週の月曜日です。",
  quotaTitle: "今月のプッシュ通数",
  quotaKnown: "{used} / {limit}通（{percent}）",
  quotaUnlimited: "{used}通（上限なし）",
  quotaNoToken: "LINE_CHANNEL_ACCESS_TOKEN が設定されていないため、LINEには問い合わせていません。",
  quotaFailed: "LINEから通数を取得できませんでした（{reason}）。",
  quotaNoAnswer: "応答なし",
  quotaNote: "月の上限はLINE公式アカウントのプランで決まり、上限に達するとリマインダーは届きません。",
} as const;

/** A message id in {@link messages}. */
export type MessageId = keyof typeof messages;
/** A label id in {@link labels}. */
export type LabelId = keyof typeof labels;

/** Replaces each `{key}` in `template` with `values[key]`. */
export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}

/** How dates, times and schedules are written in messages and cards. */
export const formats = {
  date: "{month}月{day}日({weekday})",
  time: "{hours}:{minutes}",
  instant: "{date} {time}",
  daily: "毎日 {time}",
  weekly: "毎週 {days} {time}",
  singleWeekday: "{weekday}曜",
  weekdaySeparator: "・",
} as const;
