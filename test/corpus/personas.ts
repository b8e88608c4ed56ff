/**
 * Working adults answering the first session as they would type on a phone: polite or
 * casual, short or rambling, with 「。」, emoji and several sentences. Data only — the
 * tests feed each answer to the production code and read what the bot would say.
 */

/** One ありがとう moment as the user tells it. */
export interface PersonaMoment {
  /** The moment, typed. */
  readonly text: string;
  /** How it felt: typed, or one of the quick replies (うれしかった …). */
  readonly feeling: string;
  /** What the user did that led to the thanks. */
  readonly deed: string;
}

/** One user and their answers to every first-session question. */
export interface Persona {
  /** A slug naming the persona in test names. */
  readonly name: string;
  /** やりがい度, as typed ("2", "3です"). */
  readonly workScore: string;
  /** What feels off at work. */
  readonly moyamoya: string;
  /** The first answer to 「最近、誰かに『ありがとう』と言われたのは？」 when it is not a moment (思いつかないです). */
  readonly firstThanksAnswer?: string;
  /** Up to three moments. */
  readonly moments: readonly PersonaMoment[];
  /** The values, typed as the user might (optional: most tap). */
  readonly values?: string;
  /** Who they would most like to be thanked by. */
  readonly willWho: string;
  /** What for. */
  readonly willWhat: string;
  /** The answer to the drafted WILL sentence. */
  readonly willReview: string;
  /** Their own WILL sentence, when they rewrite it. */
  readonly rewrite?: string;
  /** Their own small action, or "suggestion" when they tap one. */
  readonly action: string;
  /** When they will do it. */
  readonly due: string;
  /** Their reminder choice. */
  readonly reminder: string;
  /** Without reminders: their answer to the offer of one follow-up on the action's date. */
  readonly followUp?: string;
}

/** The personas (nurse, sales, engineer, returning parent, civil servant, teacher, store manager, accountant, designer, care worker …). */
export const personas: readonly Persona[] = [
  {
    name: "nurse",
    workScore: "2です",
    moyamoya: "夜勤が続いて、患者さんとゆっくり話す時間がないことです。",
    moments: [
      {
        text: "未遂の患者さんのご家族から、丁寧に説明してくれてありがとうと言われました。",
        feeling: "ほっとした",
        deed: "ご家族が不安そうだったので、今後の流れを一つずつ説明しました。",
      },
      {
        text: "新人さんに「先輩がいてくれてよかった」って言われた😊",
        feeling: "照れくさかったけど嬉しかったです",
        deed: "休憩のときに話を聞いていただけです",
      },
    ],
    values: "人の役に立つ、誰かの成長を支える",
    willWho: "患者さんです",
    willWhat: "不安なときに一緒に考えること",
    willReview: "はい",
    action: "suggestion",
    due: "今週中",
    reminder: "毎週 日曜 20:00",
  },
  {
    name: "sales",
    workScore: "3",
    moyamoya: "数字ばかり追いかけていて、お客さんのためになっているのかわからない",
    moments: [
      {
        text: "ミスのお詫びに行った日に、お客さまから逆にありがとうと言われた",
        feeling: "誇らしかった",
        deed: "原因と対策を資料にまとめて、直接説明しに行った",
      },
      { text: "後輩の提案書を一緒に直したら、通ったって報告してくれた", feeling: "うれしかった", deed: "赤ペンで直して、理由も伝えた" },
      { text: "取引先の担当さんに、いつも相談にのってくれてありがとうって。", feeling: "やりがいを感じた", deed: "相談にのってくれて" },
    ],
    willWho: "お客さまかな",
    willWhat: "本当に必要なものを一緒に考える",
    willReview: "いいと思います",
    action: "後輩の相談にのる時間を週に1回つくる",
    due: "来週の金曜",
    reminder: "夜9時",
  },
  {
    name: "engineer",
    workScore: "2",
    moyamoya: "仕様が毎週変わる。やってもやっても終わらない感じがしています。",
    moments: [
      {
        text: "社内ツールを作ったら、経理の人に「毎月3時間浮きました！」と感謝された",
        feeling: "達成感",
        deed: "手作業の流れを聞いて、自動化するスクリプトを書いた",
      },
      { text: "勉強会で発表したら質問がたくさん来た", feeling: "うれしかった", deed: "図を描いて順番に説明しました" },
    ],
    values: "問題を解決する・教える伝える",
    willWho: "同僚・後輩",
    willWhat: "仕事のコツをわかりやすく伝えること",
    willReview: "ちょっと違うかも",
    rewrite: "後輩がつまずいたときに、一緒に手を動かせる人になる",
    action: "社内の勉強会で月1回話す",
    due: "12月1日",
    reminder: "毎週 日曜 20:00",
  },
  {
    name: "returning-parent",
    workScore: "3です",
    moyamoya: "育休から復帰して、前みたいに任せてもらえない気がしてます。焦りもあります💦",
    firstThanksAnswer: "思いつかないです",
    moments: [
      {
        text: "保育園の先生に、行事の準備を手伝ってくれて助かりましたと言われました",
        feeling: "ほっとした",
        deed: "手伝ってくれて",
      },
      {
        text: "子どもに、ママのお弁当おいしいって言われた",
        feeling: "すごく嬉しかった",
        deed: "朝早く起きて作ってます",
      },
    ],
    willWho: "子どもたちに",
    willWhat: "話を聞いてくれて",
    willReview: "はい",
    action: "suggestion",
    due: "今月中",
    reminder: "いらない",
    followUp: "はい、お願いします",
  },
  {
    name: "civil-servant",
    workScore: "2です。",
    moyamoya: "前例がないと何も変えられない。",
    moments: [
      {
        text: "窓口で手続きに迷っていたおばあさんに、最後まで付き添ったらありがとうと言われました",
        feeling: "うれしかった",
        deed: "書類を一緒に確認して、隣の課まで案内しました",
      },
    ],
    values: "人の役に立つこと",
    willWho: "地域の人たちですね",
    willWhat: "困りごとを解決したい",
    willReview: "しっくりきます",
    action: "地域のボランティアに参加する",
    due: "来週の土曜",
    reminder: "毎週 土曜 10:00",
  },
  {
    name: "teacher",
    workScore: "4",
    moyamoya: "事務作業が多すぎて、授業の準備に時間が取れないです",
    moments: [
      {
        text: "卒業した生徒から「先生の授業で数学が好きになった」って手紙が来ました。",
        feeling: "泣きそうになりました",
        deed: "わからないところを、放課後に何度も教えました",
      },
      { text: "保護者の方にお礼を言われた", feeling: "誇らしかった", deed: "毎日連絡帳に一言書いていた" },
      {
        text: "同僚が休んだとき授業を代わったら、ありがとう助かったと。",
        feeling: "やりがいを感じた",
        deed: "代わりに授業をした",
      },
    ],
    willWho: "生徒たち",
    willWhat: "学ぶ楽しさを伝えたい",
    willReview: "自分で書き直す",
    rewrite: "子どもたちが「わかった！」と笑顔になる授業をする人になる。",
    action: "自分の経験を文章に書く",
    due: "今週中",
    reminder: "夜9時",
  },
  {
    name: "store-manager",
    workScore: "1",
    moyamoya: "人手不足でシフトが回らない。自分が全部穴埋めしてる",
    moments: [
      {
        text: "アルバイトの子に店長がいるから頑張れますって言われた",
        feeling: "照れくさかった",
        deed: "声をかけて、困っていることを聞いた",
      },
      { text: "常連さんにいつもありがとうね〜って", feeling: "うれしかった", deed: "名前を覚えて挨拶してる" },
    ],
    values: "チームで成し遂げる",
    willWho: "スタッフのみんな",
    willWhat: "働きやすい職場をつくること",
    willReview: "はい！",
    action: "suggestion",
    due: "今週中",
    reminder: "毎日 21:00",
  },
  {
    name: "accountant",
    workScore: "3です",
    moyamoya: "ミスをしないのが当たり前で、誰にも気づかれない仕事だと感じます。",
    moments: [
      {
        text: "決算前に他部署の数字のズレを見つけて、部長にありがとうと言われました",
        feeling: "ほっとしました",
        deed: "過去3年分を見直して、原因を調べました",
      },
    ],
    willWho: "自分",
    willWhat: "丁寧な説明",
    willReview: "いいと思います",
    action: "専門分野の本を一冊読む",
    due: "今月中",
    reminder: "毎週 日曜 20:00",
  },
  {
    name: "designer",
    workScore: "4です",
    moyamoya: "言われた通りに作るだけで、自分の意見が言えない…",
    moments: [
      {
        text: "NPOのチラシを作ったら、参加者が倍になったと喜ばれた！",
        feeling: "やりがいを感じた",
        deed: "伝えたいことを聞いて、デザインを3案提案した",
      },
      { text: "友だちの結婚式の招待状", feeling: "うれしかった", deed: "イラストを描いた" },
    ],
    values: "新しいものを生み出す、自由・裁量",
    willWho: "社会課題に取り組む団体の人",
    willWhat: "想いを形にすることです",
    willReview: "ちょっと違うかも",
    rewrite: "想いを持つ人の言葉を、見える形にする人になる",
    action: "小さな作品をつくって公開する",
    due: "12/15",
    reminder: "いらない",
    followUp: "大丈夫です",
  },
  {
    name: "care-worker",
    workScore: "2",
    moyamoya: "体力的にきついし、給料も上がらない。でも辞めたくはないんです。",
    moments: [
      {
        text: "利用者さんの娘さんから、母が笑うようになりましたとお礼を言われました",
        feeling: "うれしかった",
        deed: "昔の話をじっくり聞くようにしました",
      },
      {
        text: "夜中にナースコールが続いたとき、同僚にありがとうって言われた",
        feeling: "ほっとした",
        deed: "手伝いました",
      },
    ],
    willWho: "利用者さんとそのご家族",
    willWhat: "安心して過ごせる時間をつくりたいです",
    willReview: "はい",
    action: "suggestion",
    due: "来週中",
    reminder: "毎週 日曜 20:00",
  },
  {
    name: "hr-manager",
    workScore: "3",
    moyamoya: "面談しても本音が聞けない。どうしたらいいんでしょうか？",
    moments: [
      {
        text: "辞めようか迷っていた社員と話して、もう少し頑張ってみますと言われました",
        feeling: "ほっとしたし、嬉しかった",
        deed: "話を最後まで聞いて、否定しないようにしました",
      },
    ],
    values: "誰かの成長を支える",
    willWho: "若い人",
    willWhat: "キャリアの相談にのりたい",
    willReview: "あとで",
    action: "友人の自己分析を手伝う",
    due: "明日",
    reminder: "夜9時",
  },
  {
    name: "logistics-lead",
    workScore: "4です！",
    moyamoya: "特にないです",
    moments: [
      {
        text: "倉庫の配置を変えたら、ピッキングが楽になったってみんなに感謝された",
        feeling: "うれしかった",
        deed: "動線を測って、よく出る商品を手前に置くように改善した",
      },
    ],
    willWho: "誰でも",
    willWhat: "現場の困りごとを仕組みで解決する",
    willReview: "いいね",
    action: "やってみたい企画をメモにまとめます",
    due: "今週中",
    reminder: "いらないです",
    followUp: "いらないです",
  },
];
