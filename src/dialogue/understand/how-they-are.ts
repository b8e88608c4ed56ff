/**
 * How a user says they are, typed at 「その後、いかがですか？」 after a crisis reply: a little
 * better, still hard, or neither. Pure; the words live in `../content/care.ts`.
 */
import { normalizeForMatch } from "../commands";
import { howTheyAreWords } from "../content/care";

/** `better` (少し楽になった, 大丈夫です), `hard` (まだつらい, 変わらないです) or null when the text says neither. */
export type HowTheyAre = "better" | "hard" | null;

/** Longer than this as typed, a text is something the user wants to tell, not an answer to how they are. */
const ANSWER_MAX = 80;

const HARD = howTheyAreWords.hard.map((word) => normalizeForMatch(word));
const BETTER = howTheyAreWords.better.map((word) => normalizeForMatch(word));

/** How `text` says the user is; a sign of strain wins over a sign of relief. */
export function howTheyAre(text: string): HowTheyAre {
  if (text.length > ANSWER_MAX) return null;
  const folded = normalizeForMatch(text);
  if (HARD.some((word) => folded.includes(word))) return "hard";
  if (BETTER.some((word) => folded.includes(word))) return "better";
  return null;
}
