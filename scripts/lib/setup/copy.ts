/**
 * Every word `npm run setup` says to the operator, a career consultant rather than an engineer:
 * plain Japanese, one thing at a time, where to click. Logic never holds Japanese; it asks for
 * these by name. `{name}` placeholders are filled with {@link fillCopy}.
 */

/** The titles of the steps, in their order. */
export const stepTitles = {
  node: "Node.js とこのフォルダの準備",
  login: "Firebase へのログイン",
  project: "Firebase プロジェクトの選択",
  billing: "料金プラン（Blaze）と毎月の費用",
  apis: "必要な Google のサービスを有効にする",
  firestore: "データベース（Firestore・東京）",
  line: "LINE のチャネルの鍵（確認つき）",
  secrets: "LINE の鍵を安全な保管庫に保存",
  settings: "ボットの設定",
  deploy: "ボットを公開（デプロイ）",
  webhook: "LINE からボットへの接続（Webhook）",
  richmenu: "トーク画面の下のメニュー",
  manual: "LINE の管理画面での手作業",
  consultant: "相談員の登録",
  lastCheck: "最後の確認（テスト送信とリマインダー）",
} as const;

/** What the setup says, by purpose. */
export const copy = {
  welcome:
    "WILLノートの設定をはじめます。質問に答えていくと、ボットが動くところまで進みます。\n" +
    "途中でやめても、もう一度 npm run setup を実行すれば続きから再開します。",
  welcomeLocal:
    "【ローカル練習モード】このパソコンの中だけで、本番と同じ手順を試します。Google と LINE には接続しません。\n" +
    "Google のサービスを使う手順は、本番で実行するコマンドを表示するだけです（エミュレーターがあるものはエミュレーターで動かします）。",
  done: "✓ {title}",
  doneBefore: "✓ {title}（前回までに完了）",
  failed: "✗ {title}",
  resumeHint: "直してから、もう一度 npm run setup を実行してください。この手順から続けます。",
  dryRun: "  本番では次のコマンドを実行します:",
  pressEnter: "準備ができたら Enter を押してください。",
  yesNo: "（はい / いいえ）",
  stepOf: "── {n}/{total} {title} ──",

  nodeOld: "Node.js {version} は古いため動きません。nodejs.org から「22 LTS」を入れてから、もう一度実行してください。",
  nodeOk: "Node.js {version}、必要な部品もそろっています。",
  nodeMissing: "必要な部品が入っていません。このフォルダで npm ci を実行してから、もう一度実行してください。",

  loginAsk: "ブラウザが開きます。このプロジェクトを使う Google アカウントでログインしてください。",
  loginFailed: "ログインできませんでした。もう一度実行してください。",
  loginLocal: "ローカル練習ではログインは不要です。",
  projectAsk:
    "Firebase プロジェクトのID（例: will-note-12345）を入力してください。Firebase コンソールのプロジェクト名の下に表示されています。",
  projectBad: "プロジェクトIDは、英小文字・数字・ハイフンの6〜30文字です。",
  projectMissing: "プロジェクト {id} が見つかりませんでした。ログインしたアカウントのプロジェクトか確認してください。",
  projectOk: "プロジェクト {id} を使います。",
  billing:
    "Cloud Functions を使うには、プロジェクトを Blaze（従量課金）プランにする必要があります。カードの登録が必要ですが、下の費用の目安のとおり、この規模では無料枠に収まります。\n" +
    "プランの変更: {url}\n予算アラートの設定（おすすめ）: Google Cloud コンソール → お支払い → 予算とアラート",
  billingConfirm: "Blaze プランにしましたか？",
  billingNotYet: "Blaze プランにしてから、もう一度実行してください。",
  apis: "公開（デプロイ）のときに、Cloud Functions・Cloud Build・Artifact Registry・Cloud Run・Eventarc・Cloud Scheduler・Secret Manager が有効になります。途中で「有効にしますか？」と聞かれたら「はい（Y）」と答えてください。",
  firestoreCreating: "東京（asia-northeast1）にデータベースを作ります。",
  firestoreOk: "データベース (default) は東京（asia-northeast1）にあります。",
  firestoreElsewhere:
    "データベース (default) が {location} にあります。東京以外の場所は後から変えられません。このままでも動きますが、応答が遅くなることがあります。",
  firestoreLocal:
    "ローカルでは、データベースは Firestore エミュレーター（{host}）で動かします。公開の手順でほかのエミュレーターと一緒に起動します。",
  firestoreFailed:
    "データベースを作れませんでした。Firebase コンソール → Firestore Database → データベースを作成 で、場所に asia-northeast1 を選んで作ってください。",

  lineIntro:
    "LINE Developers コンソール（developers.line.biz/console/）で、あなたのチャネルを開いてください。3つの値を順に貼り付けます。鍵は画面に表示されず、ファイルにも保存しません。",
  lineLocalKeys:
    "（ローカル練習）LINE の代役サーバーのチャネルです。次の値を貼り付けてください:\n  チャネルID: {id}\n  チャネルシークレット: {secret}\n  チャネルアクセストークン: {token}",
  askChannelId: "チャネルID（「チャネル基本設定」タブの「チャネルID」、数字10桁）:",
  askChannelSecret: "チャネルシークレット（「チャネル基本設定」タブ、英数字32文字）:",
  askAccessToken: "チャネルアクセストークン（長期）（「Messaging API設定」タブのいちばん下。空なら「発行」を押す）:",
  channelIdBad: "チャネルIDは数字10桁です。「チャネル基本設定」タブの「チャネルID」を貼り付けてください。",
  secretBad: "チャネルシークレットは英数字32文字です。前後に空白が入っていないか確かめてください。",
  tokenBad:
    "チャネルアクセストークンが短すぎます。「Messaging API設定」タブの「チャネルアクセストークン（長期）」をすべて貼り付けてください。",
  secretWrong: "チャネルシークレットが、このチャネルIDのものと一致しません。同じチャネルの「チャネル基本設定」タブから貼り直してください。",
  tokenInvalid:
    "チャネルアクセストークンが使えません（期限切れか、再発行で無効になっています）。「Messaging API設定」タブで確かめて貼り直してください。",
  tokenOtherChannel:
    "このチャネルアクセストークンは、別のチャネル（ID {other}）のものです。チャネルID {id} の「Messaging API設定」タブから貼り直してください。",
  lineUnreachable: "LINE に接続できませんでした（{detail}）。インターネット接続を確かめて、もう一度実行してください。",
  lineOk: "鍵はこのチャネル（{name}、ID {id}）のものです。",
  chatOn: "チャット: オン（相談員がこのアカウントのチャットで直接お話しできます）。",
  chatOff:
    "チャット: オフ。相談員が直接お話しするには、LINE Official Account Manager → 設定 → 応答設定 で「チャット」をオンにしてください。",
  quota: "今月の送信: {used} / {limit} 通。",
  quotaUnlimited: "今月の送信: {used} 通（上限なし）。",

  secretsStoring: "鍵を Google の Secret Manager に保存します（このパソコンには残しません）。",
  secretsLocal: "ローカル練習では、鍵はエミュレーターだけが読む一時ファイルに入り、終了すると消えます。",
  secretsFailed: "鍵を保存できませんでした（{detail}）。",

  settingsIntro: "ボットの設定です。Enter だけ押すと [ ] 内の値になります。",
  settingsSaved: "設定を保存しました（{file}）。フォルダを入れ替えても、{backup} から元に戻せます。",
  settingsProblem: "この値は使えません: {problem}",

  deploying: "ボットを公開しています。初回は数分かかります…",
  deployRetry: "初回によくあるエラーでした（{reason}）。少し待ってやり直します…",
  deployFailed: "公開できませんでした。最後の行に理由が出ています: {detail}",
  deployLocal: "ローカルの Firebase エミュレーターに公開しています…",
  deployFunctionsGone:
    "いま公開されている機能のうち、このフォルダのバージョンにないものがあります: {names}。前のバージョンに戻すときは、次のコマンドで消してから、もう一度実行してください（新しいバージョンを公開し直すと、また作られます）:\n{commands}",
  healthOk: "ボットが応答しました（{url}/healthz）。",
  healthFailed: "ボットが応答しません（{detail}）。",

  webhookOk: "LINE のテスト送信がボットに届き、Webhook URL を登録しました: {url}",
  webhookFailed: "LINE のテスト送信がボットに届きませんでした（状態 {status}）。401 ならチャネルシークレットが違います。",
  webhookInactive: "「Webhookの利用」がオフです。LINE Developers コンソール → Messaging API設定 → Webhookの利用 をオンにしてください。",
  richMenuOk: "メニューを公開しました。友だち全員のトーク画面に表示されます。",
  richMenuFailed: "メニューを公開できませんでした（{detail}）。",

  manualIntro: "ここからは、LINE の管理画面でしかできない作業です。次のとおり設定してください:",
  manualItems: [
    "LINE Official Account Manager（manager.line.biz）でアカウントを作り、Messaging API を使う（設定 → Messaging API）。プロバイダーは、あとから変えられないので事業の名前で作る。",
    "設定 → 応答設定: 「応答メッセージ」オフ、「あいさつメッセージ」オフ、「Webhook」オン、「チャット」オン。",
    "LINE Developers コンソール → Messaging API設定: 「Webhookの再送」オン。",
    "ボットが案内する相談窓口（src/dialogue/content/safety.ts）の電話番号と受付時間が、いまも正しいか確認する（docs/content.md）。",
  ],
  manualConfirm: "すべて設定しましたか？",
  manualNotYet: "設定してから、もう一度 npm run setup を実行してください。",
  manualChecked: "API で確かめました: チャット オン、Webhook オン。",

  consultantIntro: "相談員（あなたや同僚）の LINE を登録します。登録した人に「相談したい」のお知らせが届きます。",
  consultantCode: "相談員の LINE から、このボットに次のとおり送ってください（15分有効・1回だけ使えます）:\n\n    相談員登録 {code}\n",
  consultantLocalHint: "（ローカル練習）ブラウザで {url} を開いてください。相談員の画面です。そこから上のメッセージを送ります。",
  consultantWaiting: "届くのを待っています…（Ctrl-C でやめられます）",
  consultantPaired: "登録しました: {name}",
  consultantExpired: "コードの期限が切れました。npm run setup -- --add-consultant でもう一度コードを出してください。",
  consultantAnother: "もう一人登録しますか？",
  consultantList: "相談員: {count}人",
  consultantNone: "登録された相談員はいません。",
  consultantRemoved: "登録を解除しました。対応中だった {count} 人のお客様はボットに戻り、そのことをお伝えしました。",
  consultantRemovedAccount:
    "この相談員は担当者コンソールのアカウント（{email}）ともつながっていました。コンソールも使えないようにするには、npm run consultants -- remove {email} を実行してください。",
  consultantNotFound: "その LINE ID の相談員は登録されていません（OPERATOR_LINE_IDS の人は設定ファイルから外してください）。",

  testPushSent: "相談員 {count} 人にテスト送信をしました。届いているか確かめてください。",
  testPushNone: "相談員がまだいません。npm run setup -- --add-consultant で登録してください。",
  testPushFailed: "テスト送信が届かなかった相談員がいます: {ids}（ボットを友だち追加しているか確かめてください）。",
  reminderPassOk: "リマインダーの処理を1回動かしました（送るものはありませんでした）。",
  reminderPassFailed: "リマインダーの処理が動きませんでした（{detail}）。",
  reminderPassDryRun: "リマインダーは5分ごとに動きます。次のコマンドで、最後の実行を確かめられます:",

  finished: "設定が終わりました。おつかれさまでした。",
  updated: "更新が終わりました。",
  updatedLocal: "（ローカル練習）ブラウザで {url} を開くと、戻した設定で動くボットと話せます。Ctrl-C で終了します。",
  interrupted: "中断しました。もう一度 npm run setup を実行すると、終わった手順の続きから再開します。",
  finishedLocal: "ローカル練習が終わりました（{time}）。ブラウザのチャットはこのまま使えます。Ctrl-C で終了します。",
  costTitle: "毎月の費用の目安（{date} 時点の料金表より。最新は {where}）",
} as const;

/** What `--update` says: which version it deploys, the settings it puts back, the checks. */
export const updateCopy = {
  versionTitle: "バージョンの確認",
  thisVersion: "このフォルダのバージョン: {version}（これを公開します）",
  lastVersion: "前回 npm run setup で公開したバージョン: {version}（{at} UTC）",
  lastUnknown: "前回公開したバージョンの記録はありません。",
  settingsTitle: "設定を元に戻す",
  restored: "{file} を {home} から戻しました。",
  settingsMissing:
    "設定（functions/.env と .firebaserc）が、このフォルダにも保管場所にもありません。はじめての公開なら npm run setup を実行してください。",
  localProject: "（ローカル練習）.firebaserc のプロジェクト {id} の代わりに、エミュレーターの {local} に公開します。",
  installTitle: "必要な部品を入れる（npm ci）",
  installLinked: "node_modules は別の場所へのリンクなので、入れ直しません（リンク先で npm ci を実行してください）。",
  webhookTitle: "LINE からボットへの接続を確かめる",
  tokenUnreadable: "チャネルアクセストークンを保管庫から読めませんでした。npx firebase login のあと、もう一度実行してください。",
  keepTitle: "設定とバージョンを記録",
  kept: "{files} を {home} に保管しました。",
  deployed: "公開したバージョン: {version}",
} as const;

/** The settings the setup asks, in order: the question and what is wrong when an answer is refused. */
export const settingCopy = {
  BOOKING_URL: {
    ask: "相談の予約ページのアドレス（https:// で始まるもの。なければ Enter）",
    problem: "予約ページは https:// で始まるアドレスにしてください。",
  },
  HANDOVER_REPLY_HOURS: {
    ask: "「連絡してほしい」と言われてから、何時間以内に連絡できますか？（1〜168。時間を約束しないなら Enter）",
    problem: "1 から 168 までの整数（時間）にするか、空のままにしてください。",
  },
  HANDOVER_IDLE_HOURS: {
    ask: "相談員が対応中のお客様から何時間やりとりがなければ、ボットに戻しますか？（1〜720）",
    problem: "1 から 720 までの整数（時間）にしてください。",
  },
  ESCALATE_CRISIS: {
    ask: "命に関わるサインがあったとき、本人が希望すれば相談員に知らせますか？（on / off。すぐ読める人がいるときだけ on）",
    problem: "on か off で答えてください。",
  },
  QUIET_HOURS: {
    ask: "遅れたリマインダーを送らない時間帯（例 22:00-08:00。いつでも送るなら off）",
    problem: "22:00-08:00 のように「時:分-時:分」で書くか、off にしてください。",
  },
  RETENTION_DAYS: {
    ask: "ブロックされたお客様のデータを何日後に消しますか？（30〜3650。本人が消すまで残すなら 0）",
    problem: "0 か、30 から 3650 までの整数（日）にしてください。",
  },
  FOLLOW_UPS: {
    ask: "途中で止まったお客様に、やさしい声かけ（最大2回）を送りますか？（on / off）",
    problem: "on か off で答えてください。",
  },
} as const;

/** The questions behind the cost estimate. */
export const costCopy = {
  askClients: "お客様（ボットを使う人）は何人くらいの予定ですか？",
  clientsBad: "1 以上の整数で答えてください。",
  askReminder: "お客様の多くが選びそうなリマインダーは？（weekly = 毎週 / daily = 毎日 / none = なし）",
  reminderBad: "weekly、daily、none のどれかで答えてください。",
  pushes: "1か月に送るプッシュ通知: 約 {pushes} 通（リマインダー {reminders} 通 + 声かけ・相談のお知らせ {others} 通）",
  planFits: "LINE: {plan}（月 {quota} 通まで）で足ります。月 {price} 円。",
  planOver:
    "LINE: 無料のコミュニケーションプラン（月 200 通）では足りません。{plan}（月 {quota} 通、{price} 円）が目安です。足りないと、その月のリマインダーは翌月まで止まります。",
  firebase:
    "Firebase: この規模では無料枠の中に収まる見込みです（0 円。関数の呼び出し 月約 {calls} 回 / 無料枠 200万回、データベースの読み取り 1日約 {reads} 回 / 無料枠 5万回）。",
  total: "合計: 月 約 {total} 円",
} as const;

/** A duration as the operator reads it: 「24秒」, 「1分40秒」. */
export function showElapsed(ms: number): string {
  const seconds = Math.round(ms / 1000);
  return seconds < 60 ? `${seconds}秒` : `${Math.floor(seconds / 60)}分${seconds % 60}秒`;
}

/** Replaces each `{key}` in `text` with `values[key]`. */
export function fillCopy(text: string, values: Record<string, string | number> = {}): string {
  return text.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}
