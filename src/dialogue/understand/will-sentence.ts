/**
 * The WILL sentence drafted from who / what, one sentence on the user's own verb, with
 * alternatives (what first, the value's word), and the two cleaners the dialogue also uses
 * in its questions: {@link cleanWho} (患者さんです → 患者さん) and {@link nominalise}
 * (一緒に考える → 一緒に考えること). Rule-based and pure; every Japanese word comes from
 * `../content/will-sentence` and `../content/endings`.
 */
import { brackets, clauseBreaks, finalParticles, politeToPlain, thoughtTails, trailingMarks, trailingParticles } from "../content/endings";
import {
  concessionBreaks,
  adjectiveNoun,
  godanSuStems,
  helperEndings,
  leadingFillers,
  noWho,
  nominaliser,
  nominalListJoiners,
  nominalWhatEndings,
  purposeEnding,
  suruForms,
  thanksTails,
  toDictionary,
  unstemmedAdjectiveEndings,
  whatSentenceJoiner,
  wishTails,
  whoCutMarkers,
  whatHedges,
  whoEndings,
  whoJoiner,
  whoSeparators,
  willTemplates,
  beingOnce,
} from "../content/will-sentence";
import { applyRule, applyRules, dropTrailingMarks, endsWithAdjective, endingKind, plainForm, sentences, tidy } from "./endings";

/** What the WILL sentence is drafted from. */
export interface WillInput {
  /** Who the user would most like to be thanked by, as typed or tapped; `null` when skipped. */
  readonly who: string | null;
  /** What for, as typed or tapped; `null` when skipped. */
  readonly what: string | null;
  /** The chosen values' words (誰かの成長を支える), the first one offered as an alternative. */
  readonly values: readonly string[];
}

/** The user's what, as the sentence carries it: a verb phrase (一緒に考える) or a noun phrase (丁寧な説明). */
type WillWhat = { readonly kind: "act" | "noun"; readonly text: string };

/** The longest adjective turned into a noun by its stem (わかりやすい → わかりやすさ); longer ones take こと. */
const SHORT_ADJECTIVE = 6;

const KANJI = /\p{Script=Han}/u;

/**
 * The draft WILL sentence: who first, on the user's own verb (「お客さまのために、本当に必要な
 * ものを一緒に考える人でいたい。」). One sentence for any who and what; the user's words are kept
 * whole and never shortened; the values are not in it.
 */
export function willSentence(input: WillInput): string {
  return willDrafts(input)[0] ?? "";
}

/**
 * The draft and its alternatives, each one sentence built from the user's words: who first
 * (the draft), what first, and the first value's word; without repeats. One or two
 * alternatives when who or a value is known.
 */
export function willDrafts(input: WillInput): string[] {
  const who = input.who === null ? null : cleanWho(input.who);
  const what = input.what === null ? null : willWhat(input.what);
  const fill = (template: string, value = ""): string =>
    beingOnce.reduce(
      (sentence, [twice, once]) => sentence.replace(twice, once),
      template
        .replaceAll("{who}", who ?? "")
        .replaceAll("{act}", what?.text ?? "")
        .replaceAll("{what}", what?.text ?? "")
        .replaceAll("{value}", value),
    );
  if (what === null) return [fill(who !== null ? willTemplates.who : willTemplates.none)];
  const value = input.values.map((v) => dropTrailingMarks(tidy(v))).find((v) => v.length > 0 && !what.text.includes(withoutNominaliser(v)));
  const t = willTemplates;
  const drafts =
    what.kind === "act"
      ? [who !== null ? t.actWho : t.act, who !== null ? t.actWhatFirst : t.actWhatFirstNoWho, value === undefined ? null : t.actValue]
      : [
          who !== null ? t.nounWho : t.noun,
          who !== null ? t.nounWhatFirst : t.nounWhatFirstNoWho,
          value === undefined ? null : t.nounValue,
        ];
  return [...new Set(drafts.filter((template) => template !== null).map((template) => fill(template, value)))];
}

/** A value's word without its closing こと, to tell whether the what already says it. */
function withoutNominaliser(value: string): string {
  return value.endsWith(nominaliser) && value.length > nominaliser.length ? value.slice(0, -nominaliser.length) : value;
}

/**
 * What, as the sentence carries it: the verb phrase of a single answer that is one predicate
 * (本当に必要なものを一緒に考えること → 本当に必要なものを一緒に考える), else the noun phrase
 * of {@link nominalise} (several sentences, a noun, two things joined by ことと). `null` when empty.
 */
function willWhat(text: string): WillWhat | null {
  const parts = nominalParts(text);
  const joined = parts.join(whatSentenceJoiner);
  if (joined.length === 0) return null;
  const only = parts.length === 1 ? parts[0] : undefined;
  if (only === undefined || !only.endsWith(nominaliser) || nominalListJoiners.some((joiner) => only.includes(joiner)))
    return { kind: "noun", text: joined };
  const act = only.slice(0, -nominaliser.length);
  return act.length > 0 && endingKind(act) === "predicate" ? { kind: "act", text: act } : { kind: "noun", text: joined };
}

/**
 * Who, as a noun to put before から: particles, copulas, polite endings and hedges
 * stripped (子どもたちに → 子どもたち, 患者さんです → 患者さん, お客さまかな → お客さま),
 * list separators read as や (同僚・後輩 → 同僚や後輩). `null` when the answer names
 * nobody (自分, 誰でも, 特にない, わからない …) or is empty.
 */
export function cleanWho(text: string): string | null {
  let who = dropLeadingFillers(sentences(text)[0] ?? "");
  for (const marker of whoCutMarkers) {
    const at = who.indexOf(marker);
    if (at > 0) who = who.slice(0, at);
  }
  if (isNobody(dropTrailingMarks(who))) return null;
  who = applyRules(dropTrailingMarks(who), whoEndings, 5);
  who = dropTrailingMarks(stripBrackets(who));
  const parts = splitOn(who, whoSeparators);
  who = parts.join(whoJoiner);
  if (who.length === 0 || isNobody(who) || whoEndings.some((rule) => rule.from === who) || /^\p{Script=Hiragana}$/u.test(who)) return null;
  if (parts.length > 1) return who;
  const commaParts = splitOn(who, clauseBreaks).map((part) => part.trim());
  return commaParts.length > 1 && commaParts.length <= 3 && commaParts.every((part) => part.length > 0 && part.length <= 8)
    ? commaParts.join(whoJoiner)
    : who;
}

/**
 * What, as a noun phrase to put before で『ありがとう』: verbs take こと (一緒に考える →
 * 一緒に考えること), the thanker's side and wishes become the dictionary form
 * (話を聞いてくれて → 話を聞くこと, 教えたい → 教えること), polite endings go
 * (教えることです → 教えること), short adjectives take さ, nouns stay. Several sentences
 * are joined with 「、」. Never shortened. "" for an empty text.
 */
export function nominalise(text: string): string {
  return nominalParts(text).join(whatSentenceJoiner);
}

/** The noun phrases of the sentences of a what answer that go into the WILL sentence ({@link wishSentences}). */
function nominalParts(text: string): string[] {
  return wishSentences(text)
    .map(nominaliseOne)
    .filter((part) => part.length > 0);
}

/**
 * The sentences of a what answer that go into the WILL sentence: when one states the wish
 * ({@link wishTails}), those and the ones that name a thing to do (…こと), without prefaces and
 * stories (「WILLの前に少しだけ。…ことがあります。…つないでくれました。人の話を聞ける人になりたい
 * です」 keeps the last); else all of them.
 */
function wishSentences(text: string): string[] {
  const all = sentences(text);
  const plain = all.map((sentence) => dropTrailingMarks(tidy(sentence)));
  const endsIn = (i: number, tails: readonly string[]) => tails.some((tail) => plain[i].endsWith(tail));
  if (!all.some((_, i) => endsIn(i, wishTails))) return all;
  return all.filter((_, i) => endsIn(i, [...wishTails, nominaliser]));
}

function nominaliseOne(sentence: string): string {
  const what = nominalPhrase(sentence);
  const onlyEnding = [...trailingParticles, ...politeToPlain, ...finalParticles].some((rule) => rule.from === what);
  return onlyEnding ? "" : what;
}

function nominalPhrase(sentence: string): string {
  let what = afterConcession(dropLeadingFillers(sentence));
  for (let i = 0; i < 4; i += 1) {
    const before = what;
    what = plainForm(what);
    what = applyRule(what, politeToPlain) ?? what;
    what = applyRule(what, thoughtTails) ?? what;
    what = applyRule(what, whatHedges) ?? what;
    for (const tail of thanksTails) if (what.endsWith(tail) && what.length > tail.length) what = what.slice(0, -tail.length);
    what = applyRules(dropTrailingMarks(what), trailingParticles, 2);
    what = dropTrailingMarks(what);
    if (what === before) break;
  }
  what = applyRule(what, helperEndings) ?? what;
  const dictionary = toDictionaryForm(what);
  if (dictionary !== what) return dictionary + nominaliser;
  if (nominalWhatEndings.some((ending) => what.endsWith(ending))) return what;
  if (what.endsWith(purposeEnding.from)) return what.slice(0, -purposeEnding.from.length) + purposeEnding.to;
  const kind = endingKind(what);
  if (endsWithAdjective(what) && canTakeStem(what)) return what.slice(0, -1) + adjectiveNoun;
  if (kind === "predicate" || kind === "question") return what + nominaliser;
  return what;
}

/** A short adjective (わかりやすい, 優しい) becomes a noun by its stem; ない/たい/いい and longer phrases take こと. */
function canTakeStem(what: string): boolean {
  return [...what].length <= SHORT_ADJECTIVE && !unstemmedAdjectiveEndings.some((ending) => what.endsWith(ending));
}

/** The dictionary form of a wish (…したい) or a て-form, when the text ends with one. */
function toDictionaryForm(what: string): string {
  for (const form of suruForms) {
    if (!what.endsWith(form.from)) continue;
    const stem = [...what.slice(0, -form.from.length)];
    const last = stem.at(-1);
    const godan = last !== undefined && (godanSuStems.includes(last) || (KANJI.test(last) && !KANJI.test(stem.at(-2) ?? "")));
    return stem.join("") + (godan ? form.godan : form.suru);
  }
  return applyRule(what, toDictionary) ?? what;
}

function isNobody(who: string): boolean {
  const plain = plainForm(who.normalize("NFKC"));
  return noWho.includes(who) || noWho.includes(plain);
}

/** `text` without the hesitations it opens with (「そうですね…強いて言えば、段取りを組んだこと」 → 「段取りを組んだこと」). */
export function dropLeadingFillers(text: string): string {
  let out = tidy(text);
  for (const filler of leadingFillers) {
    if (out.startsWith(filler) && out.length > filler.length) out = dropLeadingBreaks(out.slice(filler.length));
  }
  return out;
}

/** What follows the last concession that opens `text`, when enough follows (「…けど、人の役に立ちたい」 → 「人の役に立ちたい」). */
function afterConcession(text: string): string {
  const ends = concessionBreaks.map((mark) => {
    const at = text.lastIndexOf(mark);
    return at < 0 ? -1 : at + mark.length;
  });
  const end = Math.max(...ends);
  return end > 0 && [...text.slice(end)].length >= MIN_AFTER_CONCESSION ? text.slice(end) : text;
}

/** The least, in characters, that must follow a concession for the WILL to keep only that. */
const MIN_AFTER_CONCESSION = 4;

function dropLeadingBreaks(text: string): string {
  const chars = [...text];
  const start = chars.findIndex((char) => !clauseBreaks.includes(char) && !trailingMarks.includes(char) && !/\s/u.test(char));
  return start < 0 ? "" : chars.slice(start).join("");
}

function stripBrackets(text: string): string {
  const marks: string[] = Object.values(brackets);
  return [...text].filter((char) => !marks.includes(char)).join("");
}

function splitOn(text: string, separators: string): string[] {
  const parts: string[] = [""];
  for (const char of text) {
    if (separators.includes(char)) parts.push("");
    else parts[parts.length - 1] += char;
  }
  return parts.map((part) => part.trim()).filter((part) => part.length > 0);
}
