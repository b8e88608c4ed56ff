/**
 * The short acknowledgements that reflect a user's own words back (言い換え). Operators
 * may edit the wording; `{text}` is the user's words (already shortened for display and
 * put in the plain form where that is safe) and `{strength}` a strength read from a deed.
 *
 * Each context has several families; the n-th answer uses family n mod count, so two
 * answers in a row never get the same acknowledgement. Within a family, the frame is
 * chosen by how the quote ends (see `EndingKind`): `predicate` (…した, …多い, …のかな),
 * `noun` (人間関係, 丁寧な説明), `nominal` (…すること), `question` (…のかな) and `other` (a polite ending that
 * could not be rewritten, a clipped quote, a fragment). `nominal` and `question` fall back to `other`.
 * Keep every frame different from every other family's frames.
 */

/** What the user's words answered, which decides how they are acknowledged. */
export type MirrorContext = "moyamoya" | "moment" | "feeling" | "deed" | "action";

/** One family of frames, by how the quote ends. */
export interface MirrorFamily {
  /** For a quote ending in a verb or adjective in the plain form. */
  readonly predicate: string;
  /** For a quote ending in a noun. */
  readonly noun: string;
  /** For a quote ending in こと/もの; {@link MirrorFamily.other} when absent. */
  readonly nominal?: string;
  /** For a question or wondering (…のかな); {@link MirrorFamily.other} when absent. */
  readonly question?: string;
  /** For any other ending: unrewritable polite forms, clipped quotes, fragments. */
  readonly other: string;
}

/** The acknowledgement families of each context (at least two each). */
export const mirrorFamilies: Record<MirrorContext, readonly MirrorFamily[]> = {
  moyamoya: [
    {
      predicate: "「{text}」と感じているんですね。",
      question: "「{text}」と感じているんですね。",
      noun: "「{text}」が、気になっているんですね。",
      other: "「{text}」――そこに、もやもやがあるんですね。",
    },
    {
      predicate: "「{text}」――そう感じる毎日なんですね。",
      question: "「{text}」――そんな思いを抱えているんですね。",
      noun: "「{text}」について、思うところがあるんですね。",
      other: "「{text}」について、思うところがあるんですね。",
    },
    {
      predicate: "「{text}」――言葉にしてくださって、ありがとうございます。",
      noun: "「{text}」――言葉にしてくださって、ありがとうございます。",
      other: "「{text}」――言葉にしてくださって、ありがとうございます。",
    },
  ],
  moment: [
    {
      predicate: "「{text}」という場面ですね。",
      noun: "「{text}」の場面ですね。",
      other: "「{text}」、教えてくださってありがとうございます。",
    },
    {
      predicate: "「{text}」――心に残る場面ですね。",
      noun: "「{text}」――心に残る場面ですね。",
      other: "「{text}」――心に残る場面ですね。",
    },
    {
      predicate: "「{text}」――そんなことがあったんですね。",
      noun: "「{text}」のときのことですね。",
      other: "「{text}」――そんなことがあったんですね。",
    },
  ],
  feeling: [
    {
      predicate: "「{text}」という気持ちだったんですね。",
      noun: "「{text}」という気持ちだったんですね。",
      other: "「{text}」――そんな気持ちだったんですね。",
    },
    {
      predicate: "「{text}」――その気持ち、大切にしたいですね。",
      noun: "「{text}」――その気持ち、大切にしたいですね。",
      other: "「{text}」――その気持ち、大切にしたいですね。",
    },
    {
      predicate: "「{text}」――心が動いた瞬間だったんですね。",
      noun: "「{text}」――心が動いた瞬間だったんですね。",
      other: "「{text}」――心が動いた瞬間だったんですね。",
    },
  ],
  deed: [
    {
      predicate: "「{text}」ことで、{strength}が発揮されたんですね。",
      noun: "「{text}」で、{strength}が発揮されたんですね。",
      nominal: "「{text}」で、{strength}が発揮されたんですね。",
      other: "「{text}」――そこに、{strength}が表れていますね。",
    },
    {
      predicate: "「{text}」ことが、「ありがとう」につながったんですね。",
      noun: "「{text}」が、「ありがとう」につながったんですね。",
      nominal: "「{text}」が、「ありがとう」につながったんですね。",
      other: "「{text}」――それが「ありがとう」につながったんですね。",
    },
    {
      predicate: "「{text}」――{strength}が、あなたの持ち味なんですね。",
      noun: "「{text}」――{strength}が、あなたの持ち味なんですね。",
      other: "「{text}」――{strength}が、あなたの持ち味なんですね。",
    },
  ],
  action: [
    {
      predicate: "「{text}」、いいですね。",
      noun: "「{text}」、いいですね。",
      other: "「{text}」、いいですね。",
    },
    {
      predicate: "「{text}」――小さくても、確かな一歩ですね。",
      noun: "「{text}」――小さくても、確かな一歩ですね。",
      other: "「{text}」――小さくても、確かな一歩ですね。",
    },
    {
      predicate: "「{text}」、応援しています。",
      noun: "「{text}」、応援しています。",
      other: "「{text}」、応援しています。",
    },
  ],
};

/**
 * Frames for a deed told modestly (話を聞いただけです, 特別なことはしていません), by the
 * same turn count as the families: they reframe rather than repeat the modesty.
 */
export const modestDeedFrames: readonly string[] = [
  "「{text}」とおっしゃいますが、そこに{strength}が表れていますね。",
  "「{text}」――ご自身にはささやかなことでも、相手にとっては大きな支えだったんですね。",
  "「{text}」と感じていても、相手にはしっかり届いていたんですね。",
];

/** Words that mark a deed told modestly. */
export const modestyCues: readonly string[] = ["だけ", "していない", "してない", "何もしてい", "特別なこと", "当たり前", "大したこと"];

/**
 * Strengths read from a deed (言い換え): the first entry whose cue appears in the deed
 * wins, so put the more specific cues first. Each strength reads as a noun phrase.
 */
export const deedStrengths: readonly { readonly cues: readonly string[]; readonly strength: string }[] = [
  {
    cues: ["話を聞", "話をきい", "話をき", "聞いて", "聞いた", "聞く", "聞き", "聴", "耳を傾", "寄り添", "相談にの", "相談に乗"],
    strength: "相手の話にじっくり耳を傾ける力",
  },
  { cues: ["一緒に", "いっしょに"], strength: "相手に寄り添って、一緒に動ける力" },
  { cues: ["取りまとめ", "調整", "つなげ", "つない", "幹事"], strength: "人と人をつなぎ、まとめる力" },
  {
    cues: ["教え", "説明", "伝え", "わかりやす", "分かりやす", "図を", "図に", "まとめ", "資料", "マニュアル"],
    strength: "相手の立場でわかりやすく伝える力",
  },
  { cues: ["手伝", "助け", "支え", "サポート", "代わり", "フォロー", "付き添", "案内"], strength: "困っている人を支える力" },
  { cues: ["調べ", "準備", "確認", "下調べ", "段取り", "予習"], strength: "準備を怠らない誠実さ" },
  { cues: ["改善", "直し", "直した", "解決", "修正", "工夫", "仕組み", "効率", "自動化"], strength: "課題を見つけて解決する力" },
  { cues: ["作っ", "作り", "つくっ", "企画", "デザイン", "考案", "提案"], strength: "新しいものを形にする力" },
  { cues: ["励ま", "褒め", "ほめ", "声をかけ", "声かけ", "笑顔"], strength: "相手の気持ちを前向きにする力" },
  { cues: ["諦め", "あきらめ", "粘", "やり遂げ", "最後まで"], strength: "粘り強くやり遂げる力" },
  { cues: ["丁寧", "正確", "見直", "チェック", "ミス"], strength: "一つひとつに丁寧に向き合う力" },
];

/** The strength used when no cue matches a deed. */
export const defaultDeedStrength = "相手のことを考えて動ける力";
