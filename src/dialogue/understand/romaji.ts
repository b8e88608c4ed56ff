/**
 * Romaji to hiragana for the safety detector: a run of Latin letters that spells Japanese
 * syllables from start to end is read as kana; anything else (English words, 「od」, 「www」)
 * stays as it is. Pure; the syllable table is in `../content/romaji.ts`.
 */
import { romajiN, romajiSmallTsu, romajiSyllables } from "../content/romaji";

const LONGEST = Math.max(...Object.keys(romajiSyllables).map((key) => key.length));
const VOWELS = new Set(["a", "i", "u", "e", "o"]);

/** Runs shorter than this are left alone (「od」「ok」): too likely an abbreviation. A 「しにtai」 still reads. */
const MIN_RUN = 3;

/**
 * The hiragana spelled by `run` (lower-case Latin letters), or null when some part of it is
 * not a Japanese syllable.
 */
export function romajiToKana(run: string): string | null {
  let out = "";
  let at = 0;
  while (at < run.length) {
    const char = run[at];
    const next = run[at + 1];
    if (next !== undefined && char === next && !VOWELS.has(char) && char !== "n") {
      out += romajiSmallTsu;
      at += 1;
      continue;
    }
    let matched = false;
    for (let length = Math.min(LONGEST, run.length - at); length > 0; length -= 1) {
      const kana = romajiSyllables[run.slice(at, at + length)];
      if (kana === undefined) continue;
      out += kana;
      at += length;
      matched = true;
      break;
    }
    if (matched) continue;
    if (char === "n") {
      out += romajiN;
      at += 1;
      continue;
    }
    return null;
  }
  return out;
}

/** `text` with every run of Latin letters that spells Japanese replaced by its hiragana. */
export function foldRomaji(text: string): string {
  if (!/[a-z][a-z0-9]{2}/.test(text)) return text;
  return text.replace(/[a-z0-9]*[a-z][a-z0-9]*/g, (run) => {
    const letters = unLeet(run);
    if (/[0-9]/.test(letters) || letters.length < MIN_RUN) return run;
    return romajiToKana(letters) ?? run;
  });
}

/** Digits typed for the letters they look like, inside a run of letters (「sh1n1ta1」); other digits stay. */
function unLeet(run: string): string {
  return /[a-z]/.test(run) ? run.replace(/1/g, "i").replace(/0/g, "o").replace(/3/g, "e") : run;
}
