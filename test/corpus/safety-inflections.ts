/**
 * Hand-written inflection tables for the verbs of harm (issue 20): every form a person
 * types, each in a short natural sentence, with whether the sentence is the writer's own
 * wish, intent, act or plan of death or self-harm. The non-wish rows use the same verb
 * (死にたくない, 死なないで, 死ぬほど楽しい, someone else's death, an idiom), so a detector that
 * only finds the verb fails them. The same sentences respelled (kana, half-width, タヒ, 4,
 * romaji) come from {@link respelled}. Used by bench/lemmatiser.ts and the detector's tests.
 */
import { respelled } from "./safety-spellings";

/** The verbs of harm, as the tables name them (a phrase's verb: 首を吊る covers 吊る, つる and くくる). */
export const harmLemmas = [
  "死ぬ",
  "消える",
  "いなくなる",
  "飛び降りる",
  "飛び込む",
  "首を吊る",
  "切る",
  "殺す",
  "絶つ",
  "自殺する",
  "目覚める",
  "生きる",
] as const;

/** One of {@link harmLemmas}. */
export type HarmLemma = (typeof harmLemmas)[number];

/**
 * How a row is written: `kanji` as people usually write it (kanji with kana), the verb in
 * `hiragana` (the whole sentence), `katakana` or `halfwidth` katakana, `tahi` (タヒ for 死),
 * `four` (4 for し) or `romaji` (the whole sentence).
 */
export type Spelling = "kanji" | "hiragana" | "katakana" | "halfwidth" | "tahi" | "four" | "romaji";

/**
 * The inflection of a row, named the same way for every verb: `plain` 死ぬ, `masu` 死にます,
 * `tai` 死にたい, `tai-desu`, `takatta`, `takunai` (also 生きたくなくなる), `takute`, `takunaru`,
 * `volitional` 死のう, `volitional-kana` 死のうかな, `ba` 死ねば, `tara` 死んだら, `potential` 死ねる,
 * `potential-tara` 死ねたら, `potential-ba` 死ねれば, `causative` 死なせて, `passive` 死なれて,
 * `te` 死んで, `te-shimau` 死んでしまいたい, `te-chau` 死んじゃいたい, `te-chimau` 死んじまいたい,
 * `te-iru` 切っている, `temo` 生きてても, `past` 死んだ, `negative` 死なない, `nai-de` 死なないで,
 * `nakereba` 目覚めなければ, `imperative` 死ね, `sou` 死にそう, `stem-noun` 死に場所, `dialect` 死にてえ.
 */
export type Inflection =
  | "plain"
  | "masu"
  | "tai"
  | "tai-desu"
  | "takatta"
  | "takunai"
  | "takute"
  | "takunaru"
  | "volitional"
  | "volitional-kana"
  | "ba"
  | "tara"
  | "potential"
  | "potential-tara"
  | "potential-ba"
  | "causative"
  | "passive"
  | "te"
  | "te-shimau"
  | "te-chau"
  | "te-chimau"
  | "te-iru"
  | "temo"
  | "past"
  | "negative"
  | "nai-de"
  | "nakereba"
  | "imperative"
  | "sou"
  | "stem-noun"
  | "dialect";

/**
 * One sentence of the tables. `form` is the inflected verb exactly as it appears in
 * `sentence`; `wish` is true when the sentence expresses the writer's own wish, intent,
 * act or plan of death or self-harm (passive wishes such as 目覚めなければいいのに included),
 * false otherwise (a wish to live, someone else's death, hyperbole, an idiom, an insult
 * heard from someone else).
 */
export interface InflectionRow {
  readonly lemma: string;
  readonly form: string;
  readonly sentence: string;
  readonly wish: boolean;
  readonly inflection: Inflection;
  readonly spelling: Spelling;
}

/** A row of a lemma's table before the lemma and spelling are attached. */
type Entry = readonly [inflection: Inflection, form: string, sentence: string, wish: boolean];

/** The tables, as people usually write (kanji with kana). */
const tables: Readonly<Record<HarmLemma, readonly Entry[]>> = {
  死ぬ: [
    ["plain", "死ぬ", "もう死ぬしかないと思っています", true],
    ["plain", "死ぬ", "死ぬ方法を調べてしまいました", true],
    ["plain", "死ぬ", "死ぬつもりで遺書を書きました", true],
    ["plain", "死ぬ", "今日は死ぬほど楽しかった", false],
    ["plain", "死ぬ", "階段で転んで死ぬかと思った", false],
    ["plain", "死ぬ", "死ぬ気で資格の勉強をしています", false],
    ["plain", "死ぬ", "人はいつか死ぬものだと祖母は言っていた", false],
    ["masu", "死にます", "もう死にます。今までありがとう", true],
    ["masu", "死にます", "金魚は水が汚れると死にますか？", false],
    ["tai", "死にたい", "もう死にたい", true],
    ["tai", "死にたい", "正直、死にたいと思うことがあります", true],
    ["tai", "死にたい", "仕事のことを考えると死にたいって思う", true],
    ["tai", "死にたい", "「死にたい」と話す患者さんの話を聞いた", false],
    ["tai-desu", "死にたいです", "毎日つらくて死にたいです", true],
    ["takatta", "死にたかった", "昨日の夜は本当に死にたかった", true],
    ["takunai", "死にたくない", "まだ死にたくない", false],
    ["takunai", "死にたくない", "死にたくないから健康診断に行きます", false],
    ["takute", "死にたくて", "死にたくて眠れない", true],
    ["takunaru", "死にたくなる", "夜になると死にたくなる", true],
    ["takunaru", "死にたくなった", "上司に怒鳴られて死にたくなった", true],
    ["volitional", "死のう", "もう死のう", true],
    ["volitional", "死のう", "昨日、死のうとしました", true],
    ["volitional", "死のう", "一緒に死のうと誘われたけど断った", false],
    ["volitional-kana", "死のうかな", "死のうかなって思ってます", true],
    ["ba", "死ねば", "私なんか死ねばいいのに", true],
    ["ba", "死ねば", "上司に死ねばいいのにと言われた", false],
    ["tara", "死んだら", "死んだら楽になるかな", true],
    ["tara", "死んだら", "祖父が死んだら実家をどうするか家族で話した", false],
    ["potential", "死ねる", "楽に死ねる方法ってありますか", true],
    ["potential-tara", "死ねたら", "死ねたら楽なのに", true],
    ["potential-ba", "死ねれば", "このまま死ねればいいのに", true],
    ["causative", "死なせて", "もう死なせてほしい", true],
    ["causative", "死なせない", "患者さんを死なせないように必死でした", false],
    ["passive", "死なれて", "父に死なれてから一人暮らしです", false],
    ["te", "死んで", "死んで楽になりたい", true],
    ["te", "死んで", "死んで全部終わりにしたい", true],
    ["te-shimau", "死んでしまいたい", "いっそ死んでしまいたい", true],
    ["te-shimau", "死んでしまった", "飼っていた猫が死んでしまった", false],
    ["te-chau", "死んじゃいたい", "もう死んじゃいたい", true],
    ["te-chau", "死んじゃおう", "死んじゃおうかな", true],
    ["te-chau", "死んじゃう", "死んじゃうかと思うくらい笑った", false],
    ["te-chimau", "死んじまいたい", "こんな人生なら死んじまいたい", true],
    ["past", "死んだ", "死んだほうがましだ", true],
    ["past", "死んだ", "私なんか死んだ方がいい", true],
    ["past", "死んだ", "祖父が先月死んだ", false],
    ["negative", "死なない", "このくらいじゃ死なないから大丈夫", false],
    ["nai-de", "死なないで", "お願いだから死なないで", false],
    ["nai-de", "死なないで", "ドラマの主人公に死なないでと願った", false],
    ["imperative", "死ね", "自分なんか死ね", true],
    ["imperative", "死ね", "毎日上司に死ねと言われる", false],
    ["sou", "死にそう", "眠くて死にそう", false],
    ["sou", "死にそう", "忙しすぎて死にそうだけど楽しい", false],
    ["stem-noun", "死に場所", "死に場所を探しています", true],
    ["stem-noun", "死に方", "楽な死に方を調べた", true],
    ["dialect", "死にてえ", "マジで死にてえ", true],
    ["dialect", "死にてぇ", "もう死にてぇよ", true],
    ["dialect", "死にたいねん", "ほんまに死にたいねん", true],
    ["dialect", "死にたか", "もう死にたか", true],
    ["dialect", "死にたいっす", "正直死にたいっす", true],
    ["dialect", "死にたいけん", "もう死にたいけん、ほっといて", true],
    ["dialect", "死にとうない", "まだ死にとうない", false],
  ],
  消える: [
    ["plain", "消える", "この世から消える方法を考えてしまう", true],
    ["plain", "消える", "私が消えるのが一番いい", true],
    ["plain", "消える", "肩こりが消えるストレッチを教わった", false],
    ["masu", "消えます", "もう消えます。さようなら", true],
    ["masu", "消えます", "アプリを消すと記録も消えますか？", false],
    ["tai", "消えたい", "消えたい", true],
    ["tai", "消えたい", "誰にも知られずに消えたい", true],
    ["tai-desu", "消えたいです", "この世から消えたいです", true],
    ["takatta", "消えたかった", "昨日は本当に消えたかった", true],
    ["takunai", "消えたくない", "みんなの記憶から消えたくない", false],
    ["takute", "消えたくて", "消えたくてたまらない", true],
    ["takunaru", "消えたくなる", "ふとした瞬間に消えたくなる", true],
    ["takunaru", "消えたくなった", "失敗続きで消えたくなった", true],
    ["volitional", "消えよう", "もう消えよう", true],
    ["volitional-kana", "消えようかな", "いっそ消えようかな", true],
    ["ba", "消えれば", "私が消えればみんな楽になる", true],
    ["ba", "消えれば", "この腰の痛みが消えればいいのに", false],
    ["tara", "消えたら", "私が消えたら誰か気づくかな", true],
    ["tara", "消えたら", "画面が消えたら再起動してください", false],
    ["potential-tara", "消えられたら", "このまま消えられたらいいのに", true],
    ["te-shimau", "消えてしまいたい", "消えてしまいたい", true],
    ["te-shimau", "消えてしまった", "保存したファイルが消えてしまった", false],
    ["te-chau", "消えちゃいたい", "もう消えちゃいたい", true],
    ["te-chau", "消えちゃった", "停電で電気が消えちゃった", false],
    ["te-chimau", "消えちまいたい", "どこかへ消えちまいたい", true],
    ["te", "消えて", "消えてなくなりたい", true],
    ["past", "消えた", "話したら不安が消えた", false],
    ["negative", "消えない", "心配事が頭から消えない", false],
    ["nai-de", "消えないで", "この笑顔がずっと消えないでほしい", false],
    ["imperative", "消えろ", "自分なんか消えろ", true],
    ["imperative", "消えろ", "クラスで消えろと言われた", false],
    ["dialect", "消えてえ", "もう消えてえ", true],
    ["dialect", "消えたいねん", "ほんまに消えたいねん", true],
  ],
  いなくなる: [
    ["plain", "いなくなる", "私がいなくなるのが一番いい", true],
    ["plain", "いなくなる", "来月、先輩が転勤でいなくなる", false],
    ["tai", "いなくなりたい", "いなくなりたい", true],
    ["tai-desu", "いなくなりたいです", "どこか遠くでいなくなりたいです", true],
    ["takatta", "いなくなりたかった", "昨日はいなくなりたかった", true],
    ["takunai", "いなくなりたくない", "このチームからいなくなりたくない", false],
    ["takunaru", "いなくなりたくなる", "急にいなくなりたくなる", true],
    ["volitional", "いなくなろう", "もういなくなろう", true],
    ["volitional-kana", "いなくなろうかな", "この世からいなくなろうかな", true],
    ["ba", "いなくなれば", "私がいなくなればいい", true],
    ["tara", "いなくなったら", "私がいなくなったらみんな喜ぶと思う", true],
    ["tara", "いなくなったら", "先輩がいなくなったら寂しい", false],
    ["potential-tara", "いなくなれたら", "このままいなくなれたら楽なのに", true],
    ["te-shimau", "いなくなってしまいたい", "いなくなってしまいたい", true],
    ["te-shimau", "いなくなってしまった", "飼い猫がいなくなってしまった", false],
    ["te-chau", "いなくなっちゃいたい", "もういなくなっちゃいたい", true],
    ["past", "いなくなった", "部長が急にいなくなった", false],
    ["nai-de", "いなくならないで", "お願いだからいなくならないで", false],
  ],
  飛び降りる: [
    ["plain", "飛び降りる", "ビルから飛び降りるつもりです", true],
    ["plain", "飛び降りる", "子どもが階段から飛び降りるのを止めた", false],
    ["masu", "飛び降ります", "今から飛び降ります", true],
    ["tai", "飛び降りたい", "飛び降りたい", true],
    ["tai", "飛びおりたい", "ベランダから飛びおりたい", true],
    ["tai-desu", "飛び降りたいです", "屋上から飛び降りたいです", true],
    ["takatta", "飛び降りたかった", "昨日は歩道橋から飛び降りたかった", true],
    ["takunai", "飛び降りたくない", "バンジージャンプは怖くて飛び降りたくない", false],
    ["takunaru", "飛び降りたくなる", "高いところに立つと飛び降りたくなる", true],
    ["volitional", "飛び降りよう", "屋上から飛び降りようと思った", true],
    ["volitional-kana", "飛び降りようかな", "もう飛び降りようかな", true],
    ["ba", "飛び降りれば", "ここから飛び降りれば楽になる", true],
    ["tara", "飛び降りたら", "会社のビルから飛び降りたら楽になるかな", true],
    ["tara", "飛び降りたら", "階段の二段目から飛び降りたら足をくじいた", false],
    ["potential", "飛び降りられる", "飛び降りられる場所を探している", true],
    ["potential", "飛び降りれる", "飛び降りれる高さか確かめた", true],
    ["te-shimau", "飛び降りてしまいたい", "いっそ飛び降りてしまいたい", true],
    ["te-chau", "飛び降りちゃいたい", "もう飛び降りちゃいたい", true],
    ["past", "飛び降りた", "窓から飛び降りたけど死ねなかった", true],
    ["past", "飛び降りた", "猫が塀から飛び降りた", false],
    ["negative", "飛び降りない", "うちの猫は高い棚からは飛び降りない", false],
    ["nai-de", "飛び降りないで", "お願いだから飛び降りないで", false],
  ],
  飛び込む: [
    ["plain", "飛び込む", "電車に飛び込むしかない", true],
    ["plain", "飛び込む", "夏はプールに飛び込むのが好き", false],
    ["masu", "飛び込みます", "今から線路に飛び込みます", true],
    ["tai", "飛び込みたい", "電車に飛び込みたい", true],
    ["tai-desu", "飛び込みたいです", "走ってくる車に飛び込みたいです", true],
    ["takunai", "飛び込みたくない", "冬の海には飛び込みたくない", false],
    ["takunaru", "飛び込みたくなる", "ホームに立つと飛び込みたくなる", true],
    ["volitional", "飛び込もう", "線路に飛び込もうと思った", true],
    ["volitional-kana", "飛び込もうかな", "次の電車に飛び込もうかな", true],
    ["ba", "飛び込めば", "電車に飛び込めば終わる", true],
    ["tara", "飛び込んだら", "電車に飛び込んだら楽になれるかな", true],
    ["tara", "飛び込んだら", "新しい業界に飛び込んだら毎日が楽しい", false],
    ["potential-tara", "飛び込めたら", "線路に飛び込めたら楽なのに", true],
    ["te-shimau", "飛び込んでしまいたい", "電車に飛び込んでしまいたい", true],
    ["te-chau", "飛び込んじゃいたい", "トラックに飛び込んじゃいたい", true],
    ["past", "飛び込んだ", "みんなで海に飛び込んだ", false],
    ["past", "飛び込んだ", "子どもが道路に飛び込んだのでひやっとした", false],
    ["sou", "飛び込みそう", "ホームで飛び込みそうになった", true],
    ["nai-de", "飛び込まないで", "危ないからプールに飛び込まないで", false],
  ],
  首を吊る: [
    ["plain", "吊る", "首を吊るしかない", true],
    ["plain", "つる", "首をつるためのロープを買った", true],
    ["plain", "吊る", "時代劇で首を吊る場面があった", false],
    ["plain", "くくる", "首をくくる思いで借金を返した", false],
    ["masu", "吊ります", "今夜首を吊ります", true],
    ["tai", "吊りたい", "首を吊りたい", true],
    ["tai", "つりたい", "首をつりたい", true],
    ["tai", "くくりたい", "首をくくりたい", true],
    ["tai", "括りたい", "首を括りたい", true],
    ["takunaru", "吊りたくなる", "ロープを見ると首を吊りたくなる", true],
    ["volitional", "吊ろう", "首を吊ろうと思った", true],
    ["volitional", "くくろう", "首をくくろうとした", true],
    ["volitional-kana", "つろうかな", "首をつろうかな", true],
    ["ba", "吊れば", "首を吊れば楽になる", true],
    ["tara", "吊ったら", "首を吊ったら楽になれるかな", true],
    ["potential", "吊れる", "首を吊れる場所を探した", true],
    ["te-shimau", "吊ってしまいたい", "首を吊ってしまいたい", true],
    ["past", "吊った", "ニュースで首を吊った人の話を聞いた", false],
    ["past", "吊った", "叔父は首を吊った", false],
  ],
  切る: [
    ["plain", "切る", "手首を切るのがやめられない", true],
    ["plain", "切る", "野菜を切るのが得意です", false],
    ["masu", "切ります", "今から手首を切ります", true],
    ["tai", "切りたい", "手首を切りたい", true],
    ["tai", "切りたい", "美容院で髪を切りたい", false],
    ["tai", "切りたい", "あの人とは縁を切りたい", false],
    ["takatta", "切りたかった", "昨日は手首を切りたかった", true],
    ["takunaru", "切りたくなる", "腕を切りたくなる", true],
    ["volitional", "切ろう", "手首を切ろうと思った", true],
    ["volitional-kana", "切ろうかな", "また腕を切ろうかな", true],
    ["ba", "切れば", "手首を切れば落ち着く", true],
    ["tara", "切ったら", "腕を切ったら少し楽になった", true],
    ["potential-tara", "切れたら", "手首を切れたら楽になるのに", true],
    ["te-shimau", "切ってしまった", "また手首を切ってしまった", true],
    ["te-shimau", "切ってしまった", "料理中に包丁で指を切ってしまった", false],
    ["te-chau", "切っちゃった", "また腕を切っちゃった", true],
    ["te-iru", "切っている", "毎晩腕を切っている", true],
    ["past", "切った", "手首を切った", true],
    ["past", "切った", "電話を途中で切った", false],
    ["negative", "切らない", "もう手首は切らないと決めた", false],
    ["nai-de", "切らないで", "まだ電話を切らないで", false],
  ],
  殺す: [
    ["plain", "殺す", "自分を殺すしかない", true],
    ["masu", "殺します", "今夜自分を殺します", true],
    ["tai", "殺したい", "自分を殺したい", true],
    ["tai", "殺したい", "自分で自分を殺したい", true],
    ["takunaru", "殺したくなる", "自分を殺したくなる", true],
    ["volitional", "殺そう", "自分を殺そうとした", true],
    ["ba", "殺せば", "自分を殺せば全部終わる", true],
    ["potential-tara", "殺せたら", "自分を殺せたら楽なのに", true],
    ["te-shimau", "殺してしまいたい", "いっそ自分を殺してしまいたい", true],
    ["te", "殺して", "誰か私を殺して", true],
    ["te", "殺して", "自分を殺して周りに合わせてきた", false],
    ["te", "殺して", "息を殺して待った", false],
    ["passive", "殺される", "上司に殺されるかと思った", false],
    ["passive", "殺される", "殺される夢を見た", false],
    ["past", "殺した", "ゲームで敵を殺した", false],
    ["negative", "殺さない", "虫も殺さない顔をしている", false],
  ],
  絶つ: [
    ["plain", "絶つ", "自ら命を絶つことを考えている", true],
    ["plain", "絶つ", "甘いものを絶つと決めた", false],
    ["masu", "絶ちます", "今夜、命を絶ちます", true],
    ["tai", "絶ちたい", "命を絶ちたい", true],
    ["takunaru", "絶ちたくなる", "自ら命を絶ちたくなる", true],
    ["volitional", "絶とう", "命を絶とうと思った", true],
    ["volitional-kana", "絶とうかな", "もう命を絶とうかな", true],
    ["ba", "絶てば", "命を絶てば楽になる", true],
    ["tara", "絶ったら", "私が命を絶ったら家族は悲しむかな", true],
    ["te-shimau", "絶ってしまいたい", "命を絶ってしまいたい", true],
    ["te", "絶って", "お酒を絶って一年になる", false],
    ["past", "絶った", "有名人が命を絶ったニュースを見た", false],
    ["past", "絶った", "彼はそれきり消息を絶った", false],
  ],
  自殺する: [
    ["plain", "自殺する", "自殺するしかない", true],
    ["plain", "自殺する", "自殺する人が減ってほしい", false],
    ["masu", "自殺します", "明日自殺します", true],
    ["tai", "自殺したい", "自殺したい", true],
    ["tai-desu", "自殺したいです", "正直、自殺したいです", true],
    ["takatta", "自殺したかった", "ずっと自殺したかった", true],
    ["takunaru", "自殺したくなる", "夜になると自殺したくなる", true],
    ["volitional", "自殺しよう", "自殺しようと思っています", true],
    ["volitional-kana", "自殺しようかな", "もう自殺しようかな", true],
    ["ba", "自殺すれば", "自殺すれば楽になれる", true],
    ["tara", "自殺したら", "自殺したら家族に迷惑がかかるかな", true],
    ["potential", "自殺できる", "楽に自殺できる方法を調べた", true],
    ["te-shimau", "自殺してしまいたい", "自殺してしまいたい", true],
    ["te-chau", "自殺しちゃいたい", "もう自殺しちゃいたい", true],
    ["past", "自殺した", "好きな作家が自殺したと知って驚いた", false],
    ["nai-de", "自殺しないで", "ドラマで主人公が「自殺しないで」と叫んでいた", false],
  ],
  目覚める: [
    ["takunai", "目覚めたくない", "明日の朝、目覚めたくない", true],
    ["takunai", "目覚めたくない", "もう二度と目覚めたくないです", true],
    ["takunai", "目覚めたくない", "楽しい夢から目覚めたくない", false],
    ["nakereba", "目覚めなければ", "このまま目覚めなければいいのに", true],
    ["nakereba", "覚めなければ", "朝、目が覚めなければいいのに", true],
    ["nai-de", "覚めないで", "このまま目が覚めないでほしい", true],
    ["tara", "目覚めなかったら", "明日の朝、目覚めなかったらいいのに", true],
    ["plain", "目覚める", "毎朝六時に目覚める", false],
    ["plain", "目覚める", "仕事の面白さに目覚める瞬間があった", false],
    ["masu", "目覚めます", "目覚ましがなくても七時に目覚めます", false],
    ["tai", "目覚めたい", "すっきり目覚めたい", false],
    ["past", "目覚めた", "朝五時に目覚めた", false],
    ["past", "覚めた", "夜中に目が覚めた", false],
    ["te-shimau", "覚めてしまう", "夜中に何度も目が覚めてしまう", false],
  ],
  生きる: [
    ["takunai", "生きていたくない", "もう生きていたくない", true],
    ["takunai", "生きたくない", "これ以上生きたくないです", true],
    ["takunai", "生きたくない", "こんな世界で生きたくない", true],
    ["takunai", "生きたくなくなる", "朝になると生きたくなくなる", true],
    ["temo", "生きてても", "生きてても仕方ない", true],
    ["temo", "生きていても", "生きていても意味がない", true],
    ["temo", "生きてたって", "生きてたって何もいいことがない", true],
    ["plain", "生きる", "生きる気力がもうない", true],
    ["plain", "生きる", "生きる意味がわからない", true],
    ["plain", "生きる", "生きるのに疲れました", true],
    ["plain", "生きる", "生きる力をもらえる言葉でした", false],
    ["te-iru", "生きている", "生きているのがつらい", true],
    ["te-iru", "生きています", "なんとか元気に生きています", false],
    ["potential", "生きられない", "もうこれ以上生きられない", true],
    ["potential", "生きていける", "一人でも生きていける", false],
    ["tai", "生きたい", "もっと自分らしく生きたい", false],
    ["volitional", "生きよう", "前向きに生きようと決めた", false],
    ["past", "生きた", "祖母は百歳まで生きた", false],
    ["ba", "生きていれば", "生きていればいいこともある", false],
    ["te", "生きて", "生きて帰ってこられてよかった", false],
    ["stem-noun", "生きづらさ", "生きづらさを抱えた若者の居場所をつくりたい", false],
    ["dialect", "生きとうない", "もう生きとうない", true],
  ],
};

/** The tables as written, then the same sentences respelled, one row per sentence. */
export const inflections: readonly InflectionRow[] = [
  ...harmLemmas.flatMap((lemma) =>
    tables[lemma].map(([inflection, form, sentence, wish]): InflectionRow => ({
      lemma,
      form,
      sentence,
      wish,
      inflection,
      spelling: "kanji",
    })),
  ),
  ...respelled.map(([lemma, inflection, spelling, form, sentence, wish]): InflectionRow => ({
    lemma,
    form,
    sentence,
    wish,
    inflection,
    spelling,
  })),
];
