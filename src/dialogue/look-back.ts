/**
 * The monthly look back (PRODUCT.md §3.7a): at the first check-in of a month, how many
 * ありがとう moments last month held, the words that recurred in them, and the WILL at the
 * start of last month beside the WILL now. It rides on the check-in's own reply; it is never
 * pushed by itself.
 */
import { tokyoDate, tokyoInstant } from "../calendar/schedule";
import { recurringWords } from "../insights/words";
import type { NewEntry } from "../model/entry";
import { fill, lookBackText } from "./content";
import type { Reply } from "./reply";
import { inQuotes } from "./say";
import type { Will } from "./state";

/** How many recurring words the look back names. */
const LOOK_BACK_WORDS = 3;

/**
 * The look back for `entries` (those the insights read, the check-in just finished among them)
 * at `now`, or null when this is not the month's first check-in or nothing was recorded before
 * this month.
 */
export function lookBackReply(entries: readonly NewEntry[], will: Will | null, now: Date): Reply | null {
  const thisMonth = tokyoDate(now).slice(0, 7);
  const lastMonth = previousMonth(thisMonth);
  const monthOf = (entry: NewEntry) => {
    const at = new Date(entry.at);
    return Number.isNaN(at.getTime()) ? null : tokyoDate(at).slice(0, 7);
  };
  const checkinsThisMonth = entries.filter((entry) => entry.kind === "checkin" && monthOf(entry) === thisMonth).length;
  const before = entries.some((entry) => {
    const month = monthOf(entry);
    return month !== null && month < thisMonth;
  });
  if (checkinsThisMonth !== 1 || !before) return null;
  const month = String(Number(lastMonth.slice(5, 7)));
  const thanks = entries.flatMap((entry) => (entry.kind === "thanks" && monthOf(entry) === lastMonth ? [entry.text] : []));
  const words = recurringWords(thanks, LOOK_BACK_WORDS).map((w) => w.word);
  const lines = [
    fill(lookBackText.intro, { month }),
    thanks.length > 0 ? fill(lookBackText.thanks, { count: String(thanks.length) }) : fill(lookBackText.noThanks, { month }),
    ...(words.length > 0 ? [fill(lookBackText.words, { words: words.join("、") })] : []),
    ...willLines(will, lastMonth, month),
  ];
  return { type: "text", text: lines.join("\n") };
}

/** The WILL at the start of `lastMonth` ("yyyy-MM") beside the WILL now; nothing without a WILL. */
function willLines(will: Will | null, lastMonth: string, month: string): string[] {
  if (will === null) return [];
  const versions = [...will.history, { statement: will.statement, at: will.at }].sort((a, b) => a.at.localeCompare(b.at));
  const start = tokyoInstant(`${lastMonth}-01`, "00:00").toISOString();
  const then =
    [...versions].reverse().find((version) => version.at <= start) ??
    versions.find((version) => tokyoDate(new Date(version.at)).startsWith(lastMonth));
  if (then === undefined) return [];
  const now = `「${inQuotes(will.statement)}」`;
  if (then.statement === will.statement) return [fill(lookBackText.willSame, { month, now })];
  return [fill(lookBackText.willChanged, { month, then: `「${inQuotes(then.statement)}」`, now })];
}

/** The month before `month` ("yyyy-MM"). */
function previousMonth(month: string): string {
  const [year, number] = month.split("-").map(Number) as [number, number];
  return number === 1 ? `${year - 1}-12` : `${year}-${String(number - 1).padStart(2, "0")}`;
}
