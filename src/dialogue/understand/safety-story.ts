/**
 * How the writer tells an acute phrase, for the safety detector (PRODUCT.md §3.6): as a joke about
 * something that happened (「データが飛んだ、死にたいｗ」), taken back (「いや死なないけど」), or as a
 * past they are through (「新卒のころは死にたいと思っていたけど、今は楽しく働けています」). Pure; the
 * words are in `../content/safety-concepts.ts`.
 */
import { denialAfter, laughAfter, pastAfter, pastTime, recoveredNow, seriousMarks } from "../content/safety-concepts";
import { compileFolded } from "./fold";
import { SENTENCE_BOUNDARY as BOUNDARY } from "./safety-fold";

const LAUGH_AFTER = compileFolded(laughAfter);
const SERIOUS = compileFolded(seriousMarks);
const DENIAL_AFTER = compileFolded(denialAfter);
/** The least a sentence holds before a laughed-at phrase for it to be a reaction to something that happened. */
const CAUSE_LENGTH = 4;
const PAST_TIME = compileFolded(pastTime);
const PAST_AFTER = compileFolded(pastAfter);
const RECOVERED_NOW = compileFolded(recoveredNow);

/**
 * True when the words at `[start, end)` are a joke (a laugh or a denial right after) or a past
 * the writer tells as behind them (a time in the past, and how they are well now after it).
 */
export function isJokeOrRecoveredPast(text: string, start: number, end: number): boolean {
  const after = text.slice(end);
  const before = text.slice(text.lastIndexOf(BOUNDARY, start - 1) + 1, start);
  if (DENIAL_AFTER.test(after) || (start >= CAUSE_LENGTH && LAUGH_AFTER.test(after) && !SERIOUS.test(before))) return true;
  return (PAST_TIME.test(before) || PAST_AFTER.test(after)) && RECOVERED_NOW.test(after);
}
