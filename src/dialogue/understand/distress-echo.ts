/**
 * Saying a message of distress back, warmly and whole (PRODUCT.md §3.6): every strain the
 * user named (怒鳴られる, 眠れない, 限界 …) in one short paraphrase of our own, never a quote of
 * their words. Pure; the strains and their wording live in `../content/care.ts`.
 */
import { normalizeForMatch } from "../commands";
import { clauseBreaks } from "../content/endings";
import { personDescribedAfter, sentenceEnds } from "../content/safety-concepts";
import { compileFolded } from "./fold";
import {
  distressEchoEnding,
  distressEchoFallback,
  distressEchoJoin,
  distressStrains,
  MAX_STRAINS_SAID,
  type DistressStrain,
} from "../content/care";

/** A message is read up to this many characters: a reflection names what the start of it says. */
const READ_LENGTH = 1000;

/** Where a sentence or a clause ends, as typed: a person a strain describes comes in its clause. */
const CLAUSE_END = new RegExp(`${sentenceEnds}|\n|[${clauseBreaks}]`);

/** After a strain, in its clause: a person it describes, whose strain it is, not the writer's. */
const DESCRIBES_SOMEONE = compileFolded(personDescribedAfter);

const STRAINS = distressStrains.map((strain) => ({
  strain,
  cues: [...new Set(strain.cues.map((cue) => normalizeForMatch(cue)))].filter((cue) => cue !== ""),
}));

/**
 * Where `cue` first comes in the folded clauses (counted across them) as the writer's own strain,
 * not before a person it describes; null when it never does.
 */
function writersCue(clauses: readonly string[], cue: string): number | null {
  let offset = 0;
  for (const clause of clauses) {
    for (let at = clause.indexOf(cue); at >= 0; at = clause.indexOf(cue, at + 1))
      if (!DESCRIBES_SOMEONE.test(clause.slice(at + cue.length))) return offset + at;
    offset += clause.length + 1;
  }
  return null;
}

/**
 * The strains `text` names, in the order it names them, with summaries (限界, つらい) after
 * what caused them; at most {@link MAX_STRAINS_SAID}.
 */
export function strainsIn(text: string): DistressStrain[] {
  const clauses = text.slice(0, READ_LENGTH).split(CLAUSE_END).map(normalizeForMatch);
  const found = STRAINS.flatMap(({ strain, cues }) => {
    const hits = cues.flatMap((cue) => {
      const at = writersCue(clauses, cue);
      return at === null ? [] : [{ at, end: at + cue.length }];
    });
    hits.sort((a, b) => a.at - b.at || b.end - a.end);
    return hits.length > 0 ? [{ strain, ...hits[0] }] : [];
  });
  // A cue inside a longer cue of another strain (詰められ in 追い詰められ) is not a strain of its own.
  const own = found.filter(
    (hit) => !found.some((other) => other !== hit && other.at <= hit.at && hit.end <= other.end && other.end - other.at > hit.end - hit.at),
  );
  own.sort((a, b) => Number(a.strain.summary ?? false) - Number(b.strain.summary ?? false) || a.at - b.at);
  return own.slice(0, MAX_STRAINS_SAID).map(({ strain }) => strain);
}

/**
 * One sentence that says `text`'s distress back: 「毎日怒鳴られて、もう限界です。眠れない日が続いて
 * います」 → 「怒鳴られて、夜も眠れなくて、もう限界だと感じているのですね。」. A message that
 * names no known strain gets a general reflection, never its own words.
 */
export function distressEcho(text: string): string {
  const strains = strainsIn(text);
  const last = strains.at(-1);
  if (last === undefined) return distressEchoFallback;
  return [...strains.slice(0, -1).map((strain) => strain.te + distressEchoJoin), last.end, distressEchoEnding].join("");
}
