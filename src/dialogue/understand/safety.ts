/**
 * Safety detection (PRODUCT.md §3.6): reads every incoming text for signs of acute risk
 * or distress, in any kana/kanji spelling, width or conjugation. Pure; the word lists
 * live in `../content/safety.ts`.
 */
import { acuteExclusions, acutePatterns, distressExclusions, distressPatterns } from "../content/safety";
import { escapeRegExp, foldForSafety, foldPatternSource } from "./fold";

/**
 * How urgently a message needs a safety reply: `"acute"` (suicidal thoughts, self-harm,
 * plans, no reason to live), `"distress"` (strain such as 限界, 眠れない, パワハラ) or
 * null (no sign). Acute wins when both appear.
 */
export type SafetyLevel = "acute" | "distress" | null;

/** Marks where an excluded phrase was cut out, so its neighbours do not join into a new match. */
const CUT = "|";

/**
 * One regular expression for a list of pattern sources. Compiled without the `u` flag:
 * the folded text and the patterns are plain BMP Japanese, and V8 scans such patterns
 * about twice as fast without it.
 */
function anyOf(sources: readonly string[]): RegExp {
  return new RegExp(sources.map((source) => `(?:${foldPatternSource(source)})`).join("|"));
}

function phrases(list: readonly string[]): RegExp {
  const folded = [...new Set(list.map(foldForSafety))].filter((p) => p !== "");
  // Longest first, so a longer phrase is cut before a shorter one inside it.
  folded.sort((a, b) => b.length - a.length);
  return new RegExp(folded.map(escapeRegExp).join("|"), "g");
}

const ACUTE = anyOf(acutePatterns);
const ACUTE_EXCLUDED = phrases(acuteExclusions);
const DISTRESS = anyOf(distressPatterns);
const DISTRESS_EXCLUDED = phrases(distressExclusions);

/**
 * The safety level of `text`. Runs on every message (up to 5,000 characters); the
 * patterns are compiled once at load. Professional and figurative phrases (自殺対策,
 * 死ぬほど嬉しい, 限界集落 …) are cut out before matching, so they do not raise the level
 * on their own but do not hide a real signal elsewhere in the same message.
 * 「死にそう」 (忙しくて死にそう) is distress, not acute.
 */
export function assessSafety(text: string): SafetyLevel {
  const folded = foldForSafety(text);
  if (folded === "") return null;
  if (ACUTE.test(folded.replace(ACUTE_EXCLUDED, CUT))) return "acute";
  if (DISTRESS.test(folded.replace(DISTRESS_EXCLUDED, CUT))) return "distress";
  return null;
}
