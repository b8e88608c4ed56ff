/**
 * The words of a live hand-over to a consultant: what the user is told when a consultant
 * takes over and when the bot comes back, and what an operator (a LINE id in
 * `OPERATOR_LINE_IDS`) is told about each of their commands. `{code}` is the user's 受付番号.
 */

/** Messages of the hand-over, merged into `messages` (so `say` finds them by id). */
export const handoverMessages = {
  "handover.taken":
    "担当のキャリアコンサルタントにつながりました。ここからは、このトークで担当者が直接お返事します。" +
    "そのあいだ、ボットからのメッセージやリマインダーはお休みします。\n" +
    "ボットとのふり返りに戻りたくなったら「ボットに戻る」と送ってください。",
  "handover.declined":
    "お待たせしました。担当者が、いまはこのトークですぐにお話しするのが難しい状況です。" +
    "ご相談の内容は届いていますので、こちらから日時を予約していただけます。\n{url}",
  "handover.declinedCrisis":
    "お待たせしました。担当者は、いまはこのトークですぐにお話しすることができません。ごめんなさい。\n" +
    "{when}\n" +
    "いま誰かに話を聴いてほしいときは、下の窓口にすぐつながれます。ひとりで抱えずに、頼ってください。",
  "handover.replyWithin": "担当者からは、{hours}時間以内を目安に、このトークであらためて連絡します。",
  "handover.replyUnknown": "担当者から連絡できる時期は、いまはお約束できません。",
  "handover.declinedNoUrl":
    "お待たせしました。担当者が、いまはこのトークですぐにお話しするのが難しい状況です。" +
    "ご相談の内容は届いていますので、担当者からの連絡をお待ちください。",
  "handover.back.operator": "担当者とのお話が終わりました。ここからは、またボットがお相手します。",
  "handover.back.user": "ボットに戻りました。担当者にもお伝えしておきますね。",
  "handover.back.idle": "しばらくやりとりがなかったので、ボットに戻りました。担当者とまた話したいときは「相談したい」と送ってください。",
  "handover.where": "前回の続きはこちらです。",
  "handover.stillWith": "引き続き、このトークで担当者がお返事します。",
  "handover.help":
    "いまは担当のキャリアコンサルタントが、このトークでお返事します。\n" +
    "・ボットに戻る…相談を終えて、ボットとのふり返りに戻る\n" +
    "・データ確認…保存しているあなたのデータ\n" +
    "・データ削除…すべての記録を削除",
  "handover.notActive": "いまはボットがお相手しています。キャリアコンサルタントと話したいときは「相談したい」と送ってください。",
  "handover.deleteCancelled": "削除はやめました。記録はそのまま残っています。引き続き、このトークで担当者がお返事します。",
  "operator.notice.guide":
    "このトークで対応するときは「対応する」を、難しいときは「見送る」を押してください。" +
    "「対応 {code}」「見送り {code}」と送っても同じです。",
  "operator.taken":
    "受付番号 {code} の方に、担当者につながったことをお伝えしました。" +
    "LINE公式アカウントのチャットから、この方にお返事してください。そのあいだ、ボットはこの方に何も送りません。\n" +
    "終えるときは「終了 {code}」と送るか、下のボタンを押してください。{hours}時間やりとりがないと、自動でボットに戻ります。",
  "operator.alreadyYours": "受付番号 {code} の方は、すでにあなたが対応中です。終えるときは「終了 {code}」と送ってください。",
  "operator.takenByOther": "受付番号 {code} の方は、別の担当者がすでに対応しています。",
  "operator.noRequest": "受付番号 {code} の方から、いま届いている相談の希望はありません。",
  "operator.unknownCode": "受付番号 {code} が見つかりませんでした。番号をご確認ください。",
  "operator.unfollowed": "受付番号 {code} の方は、いまこのアカウントをブロックしているため、対応できません。",
  "operator.declined": "受付番号 {code} の方に、いまはこのトークでお話しできないことをお伝えしました。",
  "operator.declinedCrisis":
    "受付番号 {code} の方に、いまはこのトークでお話しできないことをお伝えし、相談窓口（電話・チャット）をもう一度ご案内しました。\n" +
    "{promise}",
  "operator.promised":
    "本人には「{hours}時間以内を目安に担当者から連絡します」とお伝えしています。その時間までに、LINE公式アカウントのチャットから声をかけてください。",
  "operator.notPromised": "本人には、連絡の時期はお約束していません。声をかけられるときは、LINE公式アカウントのチャットからお願いします。",
  "operator.ended": "受付番号 {code} の方との対応を終了し、ボットに戻しました。",
  "operator.notActive": "受付番号 {code} の方は、いま対応中ではありません。",
  "operator.userReturned": "受付番号 {code} の方が「ボットに戻る」を選んだため、対応を終了してボットに戻しました。",
  "operator.idleEnded": "受付番号 {code} の方とのやりとりが{hours}時間なかったため、対応を終了してボットに戻しました。",
  "operator.userDeleted": "受付番号 {code} の方がデータを削除したため、対応を終了しました。",
  "operator.escalation":
    "【WILLノート・至急】受付番号 {code} の方に、自殺を考えている様子が見られました。" +
    "本人が、担当者からの連絡を希望しています（書かれた言葉はお伝えしていません）。いのちの電話などの相談窓口は、すでにご案内しています。\n" +
    "{promise}\n" +
    "下の「対応する」を押すとボットが止まり、LINE公式アカウントのチャットからこの方と話せます。",
  "operator.escalationPromised":
    "本人には「{hours}時間以内を目安に担当者から連絡があります」とお伝えしています。できるだけ早く声をかけてください。",
  "operator.escalationNotPromised": "本人には、連絡の時期はお約束していません。できるだけ早く声をかけてください。",
  "operator.userBlocked": "受付番号 {code} の方がアカウントをブロックしたため、対応を終了しました。",
} as const;

/** Labels of the operator's buttons (at most 20 characters). */
export const operatorLabels = {
  take: "対応する",
  decline: "見送る",
  end: "対応を終了する",
} as const;

/**
 * What an operator types, followed by a 受付番号, to act on a hand-over: 「対応 1A2B3C4D」.
 * Matched after width and case are folded.
 */
export const operatorWords = {
  take: ["対応", "対応する", "担当", "担当する"],
  decline: ["見送り", "見送る"],
  end: ["終了", "終了する", "対応終了"],
} as const;

/** The card of the hand-off push to operators: its title and what shows in notifications (a crisis request's marked urgent). */
export const operatorCard = {
  title: "相談の希望（受付番号 {code}）",
  altText: "相談の希望が届きました（受付番号 {code}）",
  titleCrisis: "至急・連絡の希望（受付番号 {code}）",
  altTextCrisis: "至急：連絡の希望が届きました（受付番号 {code}）",
  heading: "対応のしかた",
} as const;
