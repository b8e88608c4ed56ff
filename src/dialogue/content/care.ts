/**
 * The words of care after a safety reply (PRODUCT.md §3.6): how a message of distress is said
 * back, the one line pointing to work-related help, asking how the user is after a crisis
 * reply, and the one care message they may ask for. Logic lives in `../understand/distress-echo.ts`,
 * `../understand/how-they-are.ts` and `../care.ts`.
 *
 * Cues are plain text, not patterns: a message is folded (width, katakana to hiragana, no
 * spaces or punctuation) and a cue matches where it appears in it; write cues as people type
 * them, in any kana.
 */

/**
 * One strain a message of distress can name, and how it is said back. `te` joins it to the
 * next (「怒鳴られて、」), `end` closes the sentence before 「のですね」 (「夜も眠れずにいる」).
 * A `summary` strain (限界, つらい) is said last, after what caused it.
 */
export interface DistressStrain {
  readonly cues: readonly string[];
  readonly te: string;
  readonly end: string;
  readonly summary?: true;
}

/** The strains, each said back once in the order the user named them (summaries last). */
export const distressStrains: readonly DistressStrain[] = [
  { cues: ["怒鳴", "どなられ", "どなり"], te: "怒鳴られて", end: "怒鳴られている" },
  {
    cues: ["罵倒", "人格否定", "人格を否定", "詰められ", "つめられ", "責められ", "暴言"],
    te: "きつい言葉を向けられて",
    end: "きつい言葉を向けられている",
  },
  { cues: ["パワハラ", "セクハラ", "モラハラ", "マタハラ", "ハラスメント"], te: "ハラスメントを受けて", end: "ハラスメントを受けている" },
  { cues: ["いじめ", "虐め"], te: "いじめにあって", end: "いじめにあっている" },
  {
    cues: ["眠れ", "ねむれ", "寝れな", "ねれな", "寝付け", "寝つけ", "ねつけ", "不眠", "夜中に目", "何度も目が覚め"],
    te: "夜も眠れなくて",
    end: "夜も眠れずにいる",
  },
  {
    cues: [
      "会社に行け",
      "会社にいけ",
      "会社へ行け",
      "仕事に行け",
      "仕事にいけ",
      "職場に行け",
      "職場にいけ",
      "会社に行きたくな",
      "仕事に行きたくな",
      "職場に行きたくな",
      "会社行きたくな",
      "仕事行きたくな",
      "しごといきたくな",
      "かいしゃいきたくな",
      "出社でき",
      "出勤でき",
    ],
    te: "会社へ向かうのもつらくて",
    end: "会社へ向かうのもつらい",
  },
  {
    cues: ["朝起きられ", "朝おきられ", "朝起きれ", "起き上がれ", "起きあがれ", "布団から出られ", "ふとんから出られ", "ベッドから出られ"],
    te: "朝、起き上がるのもやっとで",
    end: "朝、起き上がるのもやっとな",
  },
  {
    cues: ["胃が痛", "胃がいた", "胃がきりきり", "お腹が痛", "おなかが痛", "おなかがいた", "動悸", "過呼吸", "吐き気", "はきけ", "頭痛"],
    te: "体にも不調が出ていて",
    end: "体にも不調が出ている",
  },
  {
    cues: ["食欲がな", "ご飯が食べられ", "ごはんが食べられ", "何も食べられ", "なにも食べられ"],
    te: "食事ものどを通らなくて",
    end: "食事ものどを通らない",
  },
  { cues: ["涙", "なみだ", "泣い", "泣き"], te: "涙が出るほどつらくて", end: "涙が出るほどつらい" },
  {
    cues: ["サービス残業", "残業", "休日出勤", "休みが取れ", "休みがとれ", "休めな", "終電", "徹夜", "泊まり込"],
    te: "休む間もなく働いて",
    end: "休む間もなく働いている",
  },
  { cues: ["休職"], te: "休職という状況の中で", end: "休職という状況の中にいる" },
  {
    cues: ["辞めたいけど", "辞めさせてもらえ", "辞められな", "やめられな"],
    te: "辞めたくても辞められずに",
    end: "辞めたくても辞められずにいる",
  },
  {
    cues: [
      "誰にも相談",
      "だれにも相談",
      "誰にも言え",
      "だれにも言え",
      "誰にも話せ",
      "だれにも話せ",
      "相談できる人がいな",
      "頼れる人がいな",
      "味方がいな",
    ],
    te: "誰にも相談できずに",
    end: "誰にも相談できずにいる",
  },
  {
    cues: ["鬱", "うつ病", "うつっぽ", "うつかも", "うつ状態", "適応障害", "心療内科", "精神科", "メンタル"],
    te: "心の不調を抱えて",
    end: "心の不調を抱えている",
  },
  {
    cues: ["何もしたくな", "なにもしたくな", "やる気が起き", "やる気がおき", "手につかな"],
    te: "何も手につかなくて",
    end: "何も手につかずにいる",
  },
  {
    cues: ["疲れ果て", "疲れきっ", "疲れ切っ", "つかれはて", "燃え尽き", "もえつき", "バーンアウト"],
    te: "心も体も疲れ切って",
    end: "心も体も疲れ切っている",
  },
  {
    cues: ["追い詰められ", "追いつめられ", "追い詰め", "追いつめ", "追い込まれ", "逃げたい", "逃げ出したい", "にげたい"],
    te: "追い詰められた気持ちで",
    end: "追い詰められた気持ちでいる",
  },
  { cues: ["怖く", "怖い", "こわい", "こわく", "不安"], te: "不安な気持ちも抱えて", end: "不安な気持ちを抱えている" },
  { cues: ["生きづら"], te: "生きづらさを感じて", end: "生きづらさを感じている" },
  {
    cues: ["死にそう", "しにそう", "死ぬほど", "しぬほど", "過労死", "死んじゃいそう", "死んでしまいそう"],
    te: "心も体も限界に近くて",
    end: "心も体も限界に近い",
    summary: true,
  },
  {
    cues: ["限界", "もう無理", "もうむり", "心が折れ", "こころが折れ", "心がおれ", "心折れ", "こころ折れ"],
    te: "もう限界だと感じて",
    end: "もう限界だと感じている",
    summary: true,
  },
  { cues: ["楽になりたい", "らくになりたい"], te: "楽になりたいと思うほどつらくて", end: "楽になりたいと思うほどつらい", summary: true },
  { cues: ["助けて", "たすけて"], te: "助けがほしいほど苦しくて", end: "助けがほしいほど苦しい", summary: true },
  {
    cues: ["つらい", "辛い", "つらく", "辛く", "しんどい", "しんどく", "苦しい", "くるしい", "苦しく"],
    te: "つらい思いをして",
    end: "つらい思いをしている",
    summary: true,
  },
];

/** How many strains one reflection names at most, so that it stays one sentence. */
export const MAX_STRAINS_SAID = 4;

/** The reflection when none of {@link distressStrains} is named: no quote, the strain in general. */
export const distressEchoFallback = "いま、とてもしんどい中にいらっしゃるのですね。";

/** What joins the strains of a reflection, and what closes it. */
export const distressEchoJoin = "、";
/** What closes a reflection made of strains. */
export const distressEchoEnding = "のですね。";

/**
 * How the user is, typed at 「その後、いかがですか？」. `hard` is read first, so that
 * 「大丈夫じゃないです」 is not taken for 大丈夫.
 */
export const howTheyAreWords: { readonly hard: readonly string[]; readonly better: readonly string[] } = {
  hard: [
    "つらい",
    "辛い",
    "つらく",
    "しんどい",
    "しんどく",
    "苦しい",
    "くるしい",
    "きつい",
    "だめ",
    "無理",
    "むり",
    "変わらな",
    "かわらな",
    "大丈夫じゃな",
    "大丈夫ではな",
    "だいじょうぶじゃな",
    "よくな",
    "良くな",
    "楽になってな",
    "楽じゃな",
    "元気がな",
    "元気ない",
    "元気じゃな",
    "落ち着かな",
    "おちつかな",
  ],
  better: [
    "楽になった",
    "楽になりました",
    "らくになった",
    "少し楽",
    "すこし楽",
    "ましにな",
    "ましです",
    "ましだ",
    "大丈夫",
    "だいじょうぶ",
    "落ち着",
    "おちつ",
    "元気",
    "平気",
    "なんとか",
    "よくなった",
    "良くなった",
    "よくなりました",
    "良くなりました",
  ],
};

/** Messages of care, merged into `messages` (so `say` finds them by id). */
export const careMessages = {
  "care.heard.goOn": "{echo}\n話してくださって、ありがとうございます。このあとも、無理のない範囲で大丈夫です。",
  "care.heard.rest": "{echo}\n話してくださって、ありがとうございます。",
  "care.helpLine": "ひとりで抱えきれないときは、働く人の相談窓口「{name}」もあります。\n{contact}",
  "care.check.ask": "おかえりなさい。前回は、つらい気持ちを話してくださって、ありがとうございました。\nその後、いかがですか？",
  "care.check.now": "メッセージありがとうございます。さきほどは、つらい気持ちを話してくださいましたね。\nいまは、いかがですか？",
  "care.check.reask": "さきほどの続きです。いまの気持ちに近いものを、よければ選んでください。",
  "care.check.again": "教えてくださって、ありがとうございます。よければ、いまの気持ちに近いものを選んでください。",
  "care.better": "少しでも楽になっていて、ほっとしました。無理のない範囲で、ゆっくりいきましょう。",
  "care.hard":
    "まだつらいのですね。教えてくださって、ありがとうございます。\n" +
    "ひとりで抱えずに、下の窓口を頼ってください。いまの気持ちを聴いてもらうだけでも大丈夫です。",
  "care.hardHeard": "{echo}\n教えてくださって、ありがとうございます。ひとりで抱えずに、下の窓口を頼ってください。",
  "care.push": "WILLノートです。前回お話ししてから、どうされているか気になっていました。\nその後、いかがですか？",
  "care.offer.ask": "よければ、明日、様子をうかがってもいいですか？こちらから一度だけメッセージを送ります。",
  "care.offer.yes":
    "ありがとうございます。明日、こちらから一度だけメッセージを送りますね。それまでも、つらいときは窓口をいつでも頼ってください。",
  "care.offer.no": "わかりました。また話したくなったら、いつでもここに来てください。",
} as const;

/** Button labels of care (at most 20 characters), merged into `labels`. */
export const careLabels = {
  "care.better": "少し楽になった",
  "care.hard": "まだつらい",
  "care.lines": "窓口を見る",
  "care.offer.yes": "はい、お願いします",
  "care.offer.no": "いいえ、大丈夫です",
} as const;
