/**
 * What a deed shows about the person (言い換え), and the words that tell a deed told in the
 * user's own voice from one told in the thanker's (相談にのってくれて, 助かった).
 *
 * The strengths were reviewed as a career consultant would say them: each names something the
 * person did, in words a client can take as their own, never a judgement. A session never
 * names the same strength twice unless the user's words repeat its cue, so the list is wide.
 */

/** One strength and the words of a deed that show it. */
export interface DeedStrength {
  /** Words in the deed that show the strength; more specific entries come first. */
  readonly cues: readonly string[];
  /** The strength, as a noun phrase (…力, …誠実さ). */
  readonly strength: string;
  /**
   * A cue so telling (言い訳せずに, 否定しないで, 何度も) that it outweighs the clause the
   * deed ends with: such entries are read first, wherever they stand in the deed.
   */
  readonly telling?: true;
}

/**
 * Strengths read from a deed: the telling entries first, wherever their cue stands; then the
 * clauses from the last, which usually holds the main deed, and within a clause the first
 * entry with a matching cue.
 */
export const deedStrengths: readonly DeedStrength[] = [
  {
    cues: ["お詫び", "謝罪", "謝りに", "謝って", "逃げず", "言い訳せず", "正面から", "直接", "向き合"],
    strength: "逃げずに向き合う誠実さ",
    telling: true,
  },
  { cues: ["否定しない", "否定せず", "否定しなかった", "受け止め", "受けとめ"], strength: "相手を否定せずに受けとめる力", telling: true },
  { cues: ["何度も", "根気", "繰り返し"], strength: "あきらめずに何度でも向き合う力", telling: true },
  { cues: ["好きな", "名前を覚え", "一人ひとり", "ひとりひとり"], strength: "一人ひとりを大切にする心配り", telling: true },
  { cues: ["気づ", "気付", "様子が", "様子の", "変化"], strength: "小さな変化に気づく細やかさ", telling: true },
  {
    cues: ["先回り", "事前に", "前もって", "先に", "ておい", "ておき", "気を配", "気配り", "予習", "下調べ", "準備"],
    strength: "先回りして備える力",
    telling: true,
  },
  { cues: ["原因", "調べ", "突き止め", "さかのぼ"], strength: "原因まで丁寧にたどる力", telling: true },
  { cues: ["共有", "分かち合", "惜しまず"], strength: "知っていることを惜しまず分かち合う力", telling: true },
  { cues: ["朝早く", "早起き", "手作り", "時間をかけ", "手間"], strength: "手間を惜しまない思いやり", telling: true },
  {
    cues: ["話を聞", "話をきい", "話をき", "聞いて", "聞いた", "聞く", "聞き", "聴", "耳を傾", "相談にの", "相談に乗"],
    strength: "相手の話にじっくり耳を傾ける力",
  },
  { cues: ["寄り添", "そばに", "付き添"], strength: "相手に寄り添い続ける力" },
  { cues: ["指導", "育て", "見守", "任せてみ"], strength: "人の成長を後押しする力" },
  { cues: ["取りまとめ", "調整", "つなげ", "つない", "幹事", "紹介"], strength: "人と人をつなぎ、まとめる力" },
  {
    cues: ["教え", "説明", "伝え", "わかりやす", "分かりやす", "図を", "図に", "まとめ", "資料", "マニュアル", "手順書", "見せ", "連絡帳"],
    strength: "相手の立場でわかりやすく伝える力",
  },
  {
    cues: ["改善", "解決", "修正", "工夫", "仕組み", "効率", "自動化", "配置", "を直", "手直し", "作り直", "書き直", "立て直"],
    strength: "課題を見つけて解決する力",
  },
  { cues: ["作っ", "作り", "つくっ", "企画", "デザイン", "考案", "提案", "描い"], strength: "新しいものを形にする力" },
  { cues: ["励ま", "褒め", "ほめ", "声をかけ", "声かけ", "笑顔", "挨拶", "あいさつ"], strength: "相手の気持ちを前向きにする力" },
  { cues: ["諦め", "あきらめ", "粘", "やり遂げ", "最後まで"], strength: "粘り強くやり遂げる力" },
  { cues: ["残業", "急いで", "急ぎ", "間に合わせ", "すぐに"], strength: "いざというときに動ける責任感" },
  { cues: ["代わり", "引き受け", "手伝", "助け", "支え", "サポート", "フォロー", "案内"], strength: "困っている人を支える力" },
  { cues: ["一緒に", "いっしょに"], strength: "相手と一緒に動ける力" },
  { cues: ["毎日", "毎朝", "毎週", "欠かさず", "続け", "必ず", "いつも"], strength: "コツコツ続ける誠実さ" },
  { cues: ["丁寧", "正確", "見直", "確認", "チェック", "ミス"], strength: "一つひとつに丁寧に向き合う力" },
];

/** Strengths for a deed no cue matches, or whose strengths were all named already; used in order. */
export const fallbackDeedStrengths: readonly string[] = [
  "相手のことを考えて動ける力",
  "目の前の人を大切にする姿勢",
  "まわりをよく見て動ける力",
];

/**
 * Words of the thanks itself, or of what the thanker felt. What the user tells before them
 * (同僚の資料を手伝って、ありがとうと言われた) is their deed; a deed with nothing before them
 * (教えてくれて助かった, ありがとうって言ってくれた) is the thanker's words: the bot asks what they did.
 */
export const thankerWords: readonly string[] = [
  "ありがとう",
  "感謝",
  "お礼",
  "助かっ",
  "助かり",
  "助かる",
  "おかげ",
  "うれしかったと",
  "嬉しかったと",
];

/**
 * Where, inside a clause, what the user did ends and how it was received begins
 * (資料を作ったら感謝された), each with the ending the deed then takes (作ったら → 作った).
 */
export const deedJoints: readonly { readonly from: string; readonly to: string }[] = [
  { from: "たら", to: "た" },
  { from: "だら", to: "だ" },
  { from: "たところ", to: "た" },
  { from: "ので", to: "" },
];

/**
 * The thanker's side of a deed, turned into the user's (相談にのってくれて → 相談にのった):
 * `helper` after the て-form is replaced by the past. Only these endings are turned; a
 * helper elsewhere in the deed (いてくれてよかった) is the thanker speaking.
 */
export const benefactiveToPast: readonly { readonly helper: string; readonly endings: readonly string[] }[] = [
  { helper: "くれ", endings: ["て", "た", "る", "ます", "ました", "てた", "ていた", "てる", "ている"] },
  { helper: "くださ", endings: ["って", "った", "る", "います", "いました"] },
];

/** The て-forms a helper follows, and the past each becomes (説明して → 説明した, 選んで → 選んだ). */
export const teFormPast: Readonly<Record<string, string>> = { て: "た", で: "だ" };
