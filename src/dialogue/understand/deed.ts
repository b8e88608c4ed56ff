/**
 * Reading what a user did that led to a ありがとう: whether it is told in their own voice, in
 * the thanker's voice that can be turned into theirs (相談にのってくれて → 相談にのった), or
 * in the thanker's words only (then the bot asks what they did); and which strength it shows,
 * never the same one twice in a session unless the user's words repeat it. Pure; the words
 * live in `../content/strengths`.
 */
import { clauseBreaks } from "../content/endings";
import { benefactiveToPast, deedJoints, deedStrengths, fallbackDeedStrengths, teFormPast, thankerWords } from "../content/strengths";
import { dropTrailingMarks, plainForm, tidy } from "./endings";

/** Whose voice a deed is told in. */
export type DeedVoice =
  /** The user's own words: reflected as they are. */
  | { kind: "own"; text: string }
  /** The thanker's side turned into the user's (相談にのってくれて → 相談にのった): reflect `text`. */
  | { kind: "converted"; text: string }
  /** The thanker's words (いつもありがとう、と言ってくれた): nothing to reflect as a strength. */
  | { kind: "thanker" };

/** A strength a deed shows, with the cue word that showed it (`null` for a fallback). */
export interface StrengthMatch {
  readonly strength: string;
  readonly cue: string | null;
}

/** A strength already named in the session, and the deed it was named for. */
export interface NamedStrength {
  readonly strength: string;
  readonly deed: string;
}

/**
 * Whose voice `deed` is told in; see {@link DeedVoice}. What comes before the thanks
 * (同僚の資料を手伝って、ありがとうと言われた) is the deed; a thanker's helper at its end is
 * turned into the user's past (相談にのってくれて → 相談にのった); a helper anywhere else, or
 * nothing before the thanks, is the thanker speaking.
 */
export function deedVoice(deed: string): DeedVoice {
  const whole = tidy(deed);
  const before = beforeThanks(whole);
  if (before !== null && before.length === 0) return { kind: "thanker" };
  const text = before ?? whole;
  const plain = plainForm(dropTrailingMarks(text));
  const teForms = Object.keys(teFormPast);
  for (const { helper, endings } of benefactiveToPast) {
    for (const te of teForms) {
      for (const ending of endings) {
        const tail = te + helper + ending;
        if (plain.endsWith(tail) && plain.length > tail.length)
          return { kind: "converted", text: plain.slice(0, -tail.length) + teFormPast[te] };
      }
    }
  }
  const helped = benefactiveToPast.some(({ helper }) => teForms.some((te) => text.includes(te + helper)));
  return helped ? { kind: "thanker" } : { kind: "own", text: before === null ? deed : text };
}

/**
 * The part of the deed told before the first word of thanks, cut at the start of the clause
 * that holds it, its joint turned into the past (作ったら → 作った); null without thanks words.
 */
function beforeThanks(text: string): string | null {
  const at = Math.min(...thankerWords.map((word) => text.indexOf(word)).filter((index) => index >= 0));
  if (!Number.isFinite(at)) return null;
  let head = text.slice(0, at);
  const lastBreak = Math.max(...[...clauseBreaks].map((mark) => head.lastIndexOf(mark)));
  const joint = deedJoints
    .map((j) => ({ ...j, end: head.lastIndexOf(j.from) + j.from.length }))
    .filter((j) => j.end >= j.from.length && j.end > lastBreak)
    .sort((a, b) => b.end - a.end)[0];
  if (joint !== undefined) return dropTrailingMarks(head.slice(0, joint.end - joint.from.length) + joint.to);
  head = lastBreak >= 0 ? head.slice(0, lastBreak) : "";
  return dropTrailingMarks(head.trim());
}

/**
 * Every strength `deed` shows, the likeliest first: the telling ones (言い訳せずに, 何度も)
 * wherever they stand, then the clauses from the last (the main deed), and within a clause the
 * content table's order. Fallbacks close the list.
 */
export function strengthCandidates(deed: string): StrengthMatch[] {
  const text = tidy(deed);
  const clauses = [text, ...splitAfter(text, clauseBreaks).reverse()];
  const found: StrengthMatch[] = [];
  for (const [index, clause] of clauses.entries()) {
    for (const entry of deedStrengths.filter((e) => (index === 0) === (e.telling === true))) {
      const cue = entry.cues.find((word) => clause.includes(word));
      if (cue !== undefined && !found.some((match) => match.strength === entry.strength)) found.push({ strength: entry.strength, cue });
    }
  }
  return [
    ...found,
    ...fallbackDeedStrengths.filter((strength) => !found.some((m) => m.strength === strength)).map((strength) => ({ strength, cue: null })),
  ];
}

/** The strength a deed shows most clearly (a fallback when no cue matches). */
export function strengthOf(deed: string): string {
  return strengthCandidates(deed)[0]?.strength ?? "";
}

/**
 * The strength to name for `deed` when `named` were named earlier in the session: the likeliest
 * one not named yet, or a named one when this deed repeats the very word that showed it.
 */
export function freshStrength(deed: string, named: readonly NamedStrength[]): string {
  const candidates = strengthCandidates(deed);
  const fresh = candidates.find(({ strength, cue }) => {
    const earlier = named.filter((n) => n.strength === strength);
    return earlier.length === 0 || (cue !== null && earlier.some((n) => tidy(n.deed).includes(cue)));
  });
  return fresh?.strength ?? candidates[0]?.strength ?? "";
}

/** The text cut after every character of `breaks`, the breaks kept. */
function splitAfter(text: string, breaks: string): string[] {
  const parts: string[] = [""];
  for (const char of text) {
    parts[parts.length - 1] += char;
    if (breaks.includes(char)) parts.push("");
  }
  return parts.filter((part) => part.length > 0);
}
