/**
 * Whether a lemmatiser's tokens recover the verb of an inflection-table row, and the
 * accuracy over groups of rows. A row counts as recovered `strict` when consecutive tokens
 * have the lemma's basic forms (in kanji or kana: 死ぬ or しぬ; 自殺 then する), and as
 * recovered in the `family` when they have instead a form the dictionary lists as a verb of
 * its own (the potential 死ねる, 切れる; 自殺 then できる), which a lemma list would name too.
 */
import type { HarmLemma, InflectionRow } from "../test/corpus/safety-inflections";

/** One token as the benchmark reads it: what was written and its dictionary form ("*" when unknown). */
export interface LemmaToken {
  surface: string;
  basic: string;
}

/** Consecutive tokens' basic forms, each position with the forms it accepts. */
type Sequence = readonly (readonly string[])[];

/** What counts as recovering a lemma, and what counts in its family beyond that. */
interface LemmaForms {
  strict: readonly Sequence[];
  family: readonly Sequence[];
}

/** The basic forms that recover each lemma of the tables. */
const FORMS: Readonly<Record<HarmLemma, LemmaForms>> = {
  死ぬ: { strict: [[["死ぬ", "しぬ"]]], family: [[["死ねる", "しねる"]]] },
  消える: { strict: [[["消える", "きえる"]]], family: [[["消えれる", "消えられる"]]] },
  いなくなる: { strict: [[["いる", "居る"], ["ない"], ["なる"]], [["いなくなる"]]], family: [[["いる", "居る"], ["ない"], ["なれる"]]] },
  飛び降りる: { strict: [[["飛び降りる", "飛びおりる", "飛降りる", "とびおりる"]]], family: [[["飛び降りれる", "飛び降りられる"]]] },
  飛び込む: { strict: [[["飛び込む", "飛びこむ", "飛込む", "とびこむ"]]], family: [[["飛び込める"]]] },
  首を吊る: { strict: [[["吊る", "つる", "括る", "くくる"]]], family: [[["吊れる", "つれる", "括れる", "くくれる"]]] },
  切る: { strict: [[["切る", "きる"]]], family: [[["切れる", "きれる"]]] },
  殺す: { strict: [[["殺す", "ころす"]]], family: [[["殺せる"]]] },
  絶つ: { strict: [[["絶つ", "断つ", "たつ"]]], family: [[["絶てる", "断てる"]]] },
  自殺する: { strict: [[["自殺", "じさつ"], ["する"]]], family: [[["自殺", "じさつ"], ["できる"]]] },
  目覚める: { strict: [[["目覚める", "目ざめる", "めざめる"]], [["覚める", "醒める", "さめる"]]], family: [] },
  生きる: { strict: [[["生きる", "いきる"]]], family: [[["生きれる", "生きられる"]]] },
};

/** How far a row's verb was recovered. */
export type Recovery = "strict" | "family" | "missed";

function containsSequence(tokens: readonly LemmaToken[], sequence: Sequence): boolean {
  return tokens.some((_, start) => sequence.every((accepted, offset) => accepted.includes(tokens[start + offset]?.basic ?? "")));
}

/** Whether `tokens` (a whole sentence's) recover the verb of `lemma`. */
export function recovery(lemma: HarmLemma, tokens: readonly LemmaToken[]): Recovery {
  const forms = FORMS[lemma];
  if (forms.strict.some((sequence) => containsSequence(tokens, sequence))) return "strict";
  if (forms.family.some((sequence) => containsSequence(tokens, sequence))) return "family";
  return "missed";
}

/** The share of a group of rows recovered, strictly and with the family. */
export interface Accuracy {
  rows: number;
  /** Percent recovered strictly. */
  strict: number;
  /** Percent recovered strictly or in the family. */
  family: number;
}

/** A row with what its tokens recovered. */
export interface ScoredRow {
  row: InflectionRow;
  recovered: Recovery;
  tokens: readonly LemmaToken[];
}

function percent(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((1000 * part) / whole) / 10;
}

/** The {@link Accuracy} of `rows`. */
export function accuracy(rows: readonly ScoredRow[]): Accuracy {
  const strict = rows.filter((scored) => scored.recovered === "strict").length;
  const family = rows.filter((scored) => scored.recovered !== "missed").length;
  return { rows: rows.length, strict: percent(strict, rows.length), family: percent(family, rows.length) };
}

/** The {@link Accuracy} of each group of `rows` that `key` names, in the order groups first appear. */
export function accuracyBy(rows: readonly ScoredRow[], key: (row: InflectionRow) => string): Record<string, Accuracy> {
  const groups = new Map<string, ScoredRow[]>();
  for (const scored of rows) {
    const name = key(scored.row);
    groups.set(name, [...(groups.get(name) ?? []), scored]);
  }
  return Object.fromEntries([...groups].map(([name, group]) => [name, accuracy(group)]));
}

/** "死に/死ぬ たい/たい": tokens as the failure list shows them (the basic form after the slash). */
export function showTokens(tokens: readonly LemmaToken[]): string {
  return tokens.map((token) => `${token.surface}/${token.basic}`).join(" ");
}
