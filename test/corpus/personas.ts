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
  /** Their answer when the bot asks again what they did (the first deed was told in the thanker's words). */
  readonly deedAgain?: string;
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

/**
 * The personas (nurse, sales, engineer, returning parent, civil servant, teacher, store manager, accountant, designer, care worker …).
 * The last five (nursery teacher, sales assistant, researcher, pharmacist, call-centre operator) were written as people type,
 * before their answers were run through the rules: one long-winded, one terse, one who tells deeds in the thanker's words.
 */
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
  {
    name: "nursery-teacher",
    workScore: "3かな",
    moyamoya:
      "行事の準備と書類が多くて、持ち帰りの仕事も毎日のようにあります。子どもたちと向き合う時間が削られているようで、このままでいいのかなと思うことが増えました。同期も何人か辞めてしまって、正直ちょっとさみしいです。",
    moments: [
      {
        text: "先週のお迎えのときに、年長さんのお母さんから「先生のおかげで、うちの子が朝泣かずに登園できるようになりました」と言ってもらえました。入園した頃は毎朝大泣きだったので、本当にうれしかったです。",
        feeling: "正直、泣きそうになりました。がんばってきてよかったなって。",
        deed: "毎朝その子が好きな電車の話から始めるようにして、お母さんには連絡帳でその日できたことを必ず書くようにしていました。",
      },
      {
        text: "後輩の先生が初めて担任を持って、保護者対応で悩んでいたので話を聞いたら、あとで「先輩に相談してよかったです」とLINEをくれました",
        feeling: "ほっとしました",
        deed: "自分の失敗談も話しながら、否定しないで最後まで聞きました。",
      },
    ],
    willWho: "子どもたちと、その保護者の方たちです",
    willWhat: "子どもが安心して過ごせる場所をつくることと、保護者の方が一人で悩まなくていいように寄り添うことです",
    willReview: "2番目のがいいです",
    action: "近所の子育てサロンで、月に一回ボランティアをしてみたいです",
    due: "今月中にやってみます",
    reminder: "毎週 日曜 20:00",
  },
  {
    name: "sales-assistant",
    workScore: "2",
    moyamoya: "雑用ばかり",
    moments: [
      { text: "見積もり急ぎで出した", feeling: "うれしかった", deed: "残業した" },
      { text: "営業さんに助かったって", feeling: "ふつう", deed: "資料作った" },
    ],
    willWho: "営業のみんな",
    willWhat: "仕事を回すこと",
    willReview: "はい",
    action: "suggestion",
    due: "今週中",
    reminder: "いらない",
    followUp: "いいえ",
  },
  {
    name: "researcher",
    workScore: "3です",
    moyamoya: "成果が出るまで何年もかかるので、自分の仕事が誰かの役に立っているのか実感がわきません。",
    moments: [
      {
        text: "他のチームの若手に実験のやり方を教えたら、「おかげで再現できました！」とお礼のメールが来ました",
        feeling: "素直にうれしかったです",
        deed: "手順書に書いていないコツを、実際に一緒にやりながら見せました",
      },
      {
        text: "学会で発表したあと、企業の方から声をかけられて、ずっと困っていた測定の問題が解決したと言われた",
        feeling: "誇らしかった",
        deed: "質問に答えて、使っている解析の方法を共有した",
      },
    ],
    values: "専門性を極める、教える・伝える",
    willWho: "研究を始めたばかりの学生",
    willWhat: "わかった！と思える瞬間をつくる",
    willReview: "しっくりきます",
    action: "出身研究室の後輩向けに、オンラインで相談会を開く",
    due: "来週の金曜日",
    reminder: "毎週 日曜 20:00",
  },
  {
    name: "pharmacist",
    workScore: "3",
    moyamoya: "待ち時間が長いと怒られることが多くて、落ち込みます",
    moments: [
      {
        text: "常連のおじいちゃんに、いつも丁寧に説明してくれてありがとうって言われた",
        feeling: "うれしかった",
        deed: "いつも丁寧に説明してくれてありがとう、と言ってくれました",
        deedAgain: "飲み合わせが心配だと言っていたので、お薬手帳を一緒に見ながら説明しました",
      },
      {
        text: "小さい子のお母さんに、粉薬の飲ませ方を教えてもらって助かりましたと言われました",
        feeling: "ほっとした",
        deed: "粉薬の飲ませ方を教えてくれて助かった",
        deedAgain: "アイスに混ぜるといいですよと、やり方を紙に書いて渡しました",
      },
      {
        text: "薬局長に、新人の指導をしてくれて助かるよと言われました",
        feeling: "照れくさかった",
        deed: "新人の指導をしてくれて",
      },
    ],
    willWho: "地域のお年寄り",
    willWhat: "薬のことを気軽に聞いてもらえる",
    willReview: "はい",
    action: "suggestion",
    due: "今月中",
    reminder: "夜9時",
  },
  {
    name: "call-centre",
    workScore: "1",
    moyamoya: "クレーム対応ばかりで、毎日謝ってる。焦りもあるし、このままでいいのかわからない",
    moments: [
      {
        text: "最初すごく怒っていたお客さんが、最後に「あなたでよかった」と言ってくれた",
        feeling: "報われた気がした",
        deed: "言い訳せずに最後まで話を聞いて、できることを一つずつ説明した",
      },
    ],
    willWho: "困っている人",
    willWhat: "話を聞いて、気持ちを軽くしたい",
    willReview: "ちょっと違うかも",
    rewrite: "困っている人の話を最後まで聞ける人でいたい",
    action: "suggestion",
    due: "今週中",
    reminder: "毎日 21:00",
  },
];
