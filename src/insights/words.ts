/**
 * Recurring words across ありがとう moments (PRODUCT.md §3.5), found with `Intl.Segmenter`'s
 * Japanese word segmentation (ICU's dictionary). The stop-word list here is a filter, not
 * user-visible copy; the dialogue decides how to present the words.
 *
 * ICU splits an inflected verb whose stem is written in kanji into one-character pieces
 * (手伝った → 手 | 伝 | っ | た, 言われた → 言 | われ | た). {@link contentWords} therefore
 * joins a run of one-kanji pieces back together (手伝) and drops the kana pieces left over.
 */

/** A word and the number of texts it appears in, as {@link recurringWords} returns it. */
export interface WordCount {
  word: string;
  count: number;
}

/** How many words {@link recurringWords} returns when not told. */
export const DEFAULT_WORD_LIMIT = 5;

/**
 * Words never reported: particles, auxiliaries, pronouns, honorific suffixes, very common
 * verbs (including the one-kanji stems ICU leaves, like 言 of 言われた), nouns and adverbs,
 * counters, and the words every ありがとう moment shares (ありがとう, 感謝). Compared after
 * NFKC normalisation and lower-casing. Hiragana words of one or two characters are dropped
 * by rule, so only longer ones need listing.
 */
const STOP_WORDS: ReadonlySet<string> = new Set([
  // particles
  "から",
  "まで",
  "より",
  "けど",
  "ので",
  "のに",
  "けれど",
  "けれども",
  "ながら",
  "ばかり",
  "だけ",
  "ほど",
  "など",
  "とか",
  "でも",
  "しか",
  "こそ",
  "さえ",
  "って",
  "という",
  "として",
  "について",
  "によって",
  // auxiliaries and their pieces
  "です",
  "ます",
  "でした",
  "ました",
  "ません",
  "ない",
  "なかった",
  "たい",
  "れる",
  "られる",
  "られた",
  "せる",
  "させる",
  "させて",
  "だった",
  "でしょう",
  "ましょう",
  "ください",
  "ござい",
  "ございます",
  "そうだ",
  "ような",
  "ように",
  "みたい",
  "らしい",
  "やすい",
  "にくい",
  "ている",
  "ています",
  "てくれ",
  "てもらっ",
  // pronouns and demonstratives
  "私",
  "わたし",
  "僕",
  "ぼく",
  "俺",
  "自分",
  "あなた",
  "彼",
  "彼女",
  "彼ら",
  "みんな",
  "皆",
  "皆さん",
  "それ",
  "これ",
  "あれ",
  "どれ",
  "ここ",
  "そこ",
  "あそこ",
  "どこ",
  "この",
  "その",
  "あの",
  "どの",
  "こちら",
  "そちら",
  "あちら",
  "誰",
  "何",
  "なに",
  "なん",
  // honorific suffixes
  "さん",
  "くん",
  "ちゃん",
  "様",
  "さま",
  "たち",
  "氏",
  // very common verbs and their pieces
  "する",
  "した",
  "して",
  "します",
  "しま",
  "しよう",
  "いる",
  "いた",
  "いて",
  "います",
  "ある",
  "あっ",
  "あった",
  "あり",
  "なる",
  "なっ",
  "なった",
  "なり",
  "できる",
  "でき",
  "できた",
  "くれ",
  "くれる",
  "くれた",
  "くださっ",
  "もらう",
  "もらっ",
  "もらえ",
  "もらった",
  "あげ",
  "あげた",
  "やっ",
  "やる",
  "いう",
  "いっ",
  "いわ",
  "われ",
  "言",
  "言う",
  "言っ",
  "言わ",
  "言われ",
  "言われる",
  "言われた",
  "思",
  "思う",
  "思っ",
  "思い",
  "見",
  "見る",
  "行",
  "行く",
  "来",
  "来る",
  "伝え",
  "伝えた",
  // very common nouns and adverbs
  "こと",
  "もの",
  "とき",
  "時",
  "ため",
  "よう",
  "ところ",
  "方",
  "人",
  "事",
  "物",
  "中",
  "今",
  "今日",
  "今回",
  "前",
  "後",
  "上",
  "下",
  "本当",
  "本当に",
  "とても",
  "すごく",
  "いつも",
  "また",
  "ちょっと",
  "少し",
  "たくさん",
  "一緒",
  "一緒に",
  "気持ち",
  "感じ",
  "そう",
  "こう",
  "どう",
  "もう",
  "まだ",
  // what every ありがとう moment shares
  "ありがとう",
  "ありがとうございます",
  "ありがと",
  "感謝",
  "お礼",
  "嬉",
  "嬉しい",
  "嬉しかった",
  "うれしい",
  "うれしかった",
  // counters
  "回",
  "回目",
  "目",
  "日",
  "年",
  "月",
  "週",
  "件",
  "個",
  "度",
  "分",
  "時間",
]);

let segmenter: Intl.Segmenter | undefined;

/** The Japanese word segmenter, made on first use: making it loads ICU's dictionary (about 11 ms), which a cold start need not pay. */
function wordSegmenter(): Intl.Segmenter {
  segmenter ??= new Intl.Segmenter("ja", { granularity: "word" });
  return segmenter;
}

const SINGLE_KANJI = /^[\p{Script=Han}々]$/u;
const SHORT_HIRAGANA = /^[\p{Script=Hiragana}ー]{1,2}$/u;
const SINGLE_KATAKANA = /^[\p{Script=Katakana}ー]$/u;
const SINGLE_ASCII = /^[\x21-\x7e]$/;
const NUMBER_OR_MARK = /^[\p{N}\p{P}\p{S}]+$/u;

/**
 * The distinct content words of `text`, in order of first appearance: NFKC-normalised (so
 * half-width katakana and full-width letters read as usual), with runs of one-kanji pieces
 * joined, and stop-words, hiragana of one or two characters, single katakana or ASCII
 * characters, numbers (and a counter right after a number), punctuation and emoji left out.
 * Words differing only in letter case are one word, spelled as first seen.
 */
export function contentWords(text: string): string[] {
  const words: string[] = [];
  let run = "";
  let afterNumber = false;
  const flush = () => {
    if (run !== "" && !afterNumber) words.push(run);
    run = "";
  };
  for (const { segment, isWordLike } of wordSegmenter().segment(text.normalize("NFKC"))) {
    if (isWordLike === true && SINGLE_KANJI.test(segment)) {
      run += segment;
      continue;
    }
    flush();
    afterNumber = isWordLike === true && /^\p{N}+$/u.test(segment);
    if (isWordLike === true) words.push(segment);
  }
  flush();
  const distinct = new Map<string, string>();
  for (const word of words) {
    const key = word.toLowerCase();
    if (!distinct.has(key) && isContentWord(key)) distinct.set(key, word);
  }
  return [...distinct.values()];
}

/**
 * The words that recur across `texts`: each word counted once per text it appears in (see
 * {@link contentWords}), only words found in at least two texts, most frequent first and, for
 * equal counts, in order of first appearance. At most `limit` (floored) words; below 1 gives `[]`.
 */
export function recurringWords(texts: readonly string[], limit: number = DEFAULT_WORD_LIMIT): WordCount[] {
  const max = Number.isFinite(limit) ? Math.floor(limit) : 0;
  if (max < 1) return [];
  const counts = new Map<string, WordCount>();
  for (const text of texts) {
    for (const word of contentWords(text)) {
      const key = word.toLowerCase();
      const seen = counts.get(key);
      if (seen) seen.count += 1;
      else counts.set(key, { word, count: 1 });
    }
  }
  return [...counts.values()]
    .filter(({ count }) => count >= 2)
    .sort((a, b) => b.count - a.count)
    .slice(0, max);
}

function isContentWord(word: string): boolean {
  return (
    !STOP_WORDS.has(word) &&
    !SHORT_HIRAGANA.test(word) &&
    !SINGLE_KATAKANA.test(word) &&
    !SINGLE_ASCII.test(word) &&
    !NUMBER_OR_MARK.test(word)
  );
}
