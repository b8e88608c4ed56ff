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

/**
 * The acknowledgement families of each context that quotes the user (at least two each). The
 * もやもや answer is not quoted back: its feelings are paraphrased (`./moyamoya.ts`).
 */
export const mirrorFamilies: Record<Exclude<MirrorContext, "moyamoya">, readonly MirrorFamily[]> = {
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
 * What follows the thanker's words when a moment quotes them (『助かった』と言われた): the
 * words and this are left out when the moment is too long to quote whole, so that what is
 * quoted is the scene (経理の人に感謝された), never the thanks alone.
 */
export const speechTails: readonly string[] = ["って", "と"];

/**
 * A scene whose speaker was left with nothing after them once their words were cut (「…奥さんから
 * 『…』って」 → 「…奥さんから」), and the verb of saying that ends it: 「…奥さんから言われた」.
 */
export const danglingSpeaker = { ending: "(?:から|に)$", verb: "言われた" } as const;

/**
 * A moment told after a hard day (「死ぬほど忙しかったけど、お客さんにありがとうと言われた」) is
 * quoted from after the concession, with {@link hardDayLead} before the quote: the thanks is the
 * scene, and the hard day is acknowledged, not repeated. The clause before the concession must
 * hold one of the cues; the concessions are tried where they come first.
 */
export const hardDay = {
  /** Not a hard day after all (「大変なこともなかったけど」), or a glad one (「死ぬほど嬉しかったけど」). */
  unlike: ["なかった", "なく", "ない", "ません", "嬉し", "うれし", "楽し", "たのし", "そうな"],
  /** What the rest must tell for the lead to fit: the thanks. */
  thanks: ["ありがとう", "感謝", "お礼", "言われ", "言って", "喜ば", "喜ん", "助か", "褒め", "ほめ"],
  cues: [
    "死ぬほど",
    "死にそう",
    "死ぬかと",
    "魂",
    "倒れそう",
    "限界",
    "ギリギリ",
    "忙し",
    "大変",
    "しんど",
    "疲れ",
    "バタバタ",
    "ヘトヘト",
    "へとへと",
    "クタクタ",
    "くたくた",
    "眠くて",
    "きつかった",
    "爆発",
    "パンク",
    "目が回",
    "追われ",
  ],
  concessions: [
    "けど、",
    "けれど、",
    "けれども、",
    "けど",
    "ですが、",
    "でしたが、",
    "ましたが、",
    "だったが、",
    "ものの、",
    "のに、",
    "中、",
    "なか、",
    "ながらも、",
  ],
} as const;

/** Said before the quote of a moment told after a hard day. */
export const hardDayLead = "大変な中でも、";

/**
 * Words of dying or harm that a moment's scene may hold as someone else's (「入院中のおじいちゃんが、
 * 早くお迎えが来てほしいとぽつり」): a sentence with one is not quoted back as the moment; the
 * sentence with the thanks is, when there is one (「手を握ったら、ありがとうと言ってくれた」).
 */
export const sceneUnquoted: readonly string[] = [
  "死にた",
  "死なせ",
  "死のう",
  "死ねた",
  "死ねば",
  "死んだほう",
  "死んだ方",
  "死んでしまい",
  "死ぬしか",
  "死ぬつもり",
  "死ぬ準備",
  "死ぬこと",
  "殺して",
  "お迎え",
  "あの世",
  "消えたい",
  "消えてしまいたい",
  "いなくなりたい",
  "自殺",
  "自死",
  "自傷",
  "リストカット",
  "リスカ",
  "命を絶",
  "首を吊",
  "飛び降り",
  "楽になりたい",
  "逝き",
  "生きていても",
  "生きてても",
];
