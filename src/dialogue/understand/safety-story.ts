/**
 * How the writer tells an acute phrase, for the safety detector (PRODUCT.md §3.6): as a joke about
 * something that happened (「データが飛んだ、死にたいｗ」), taken back (「いや死なないけど」), quoted to
 * try the bot (「死にたいって書いたらどうなるの？」), as joy (「推しのライブ当たった！もう死んでもいい」),
 * or as a past they are through (「新卒のころは死にたいと思っていたけど、今は楽しく働けています」
 * 「22の冬に死のうとした。先輩が止めてくれた」). Pure; the words are in `../content/safety-concepts.ts`.
 */
import {
  askedOfTheBot,
  denialAfter,
  cameBack,
  denialDoubted,
  joyBefore,
  mayDieAfter,
  mayDieEnd,
  nowOrNext,
  laughAfter,
  laterHelp,
  laterSentence,
  lackIsTheDanger,
  lifeTimeBefore,
  pastAfter,
  pastTime,
  presentContrast,
  presentNotQuiet,
  recoveredNow,
  seriousMarks,
  sinceThen,
  stillNow,
  testFraming,
  toldInThePast,
} from "../content/safety-concepts";
import { compileFolded } from "./fold";
import { SENTENCE_BOUNDARY as BOUNDARY } from "./safety-fold";

const LAUGH_AFTER = compileFolded(laughAfter);
const SERIOUS = compileFolded(seriousMarks);
const DENIAL_AFTER = compileFolded(denialAfter);
const DENIAL_DOUBTED = compileFolded(denialDoubted);
const CAME_BACK = compileFolded(cameBack);
/** The least a sentence holds before a laughed-at phrase for it to be a reaction to something that happened. */
const CAUSE_LENGTH = 4;
const PAST_TIME = compileFolded(pastTime);
const PAST_AFTER = compileFolded(pastAfter);
const RECOVERED_NOW = compileFolded(recoveredNow);
const LIFE_TIME_BEFORE = compileFolded(lifeTimeBefore);
const TOLD_IN_THE_PAST = compileFolded(toldInThePast);
const LATER_HELP = compileFolded(laterHelp);
const LATER_SENTENCE = compileFolded(laterSentence);
const NOW_OR_NEXT = compileFolded(nowOrNext);
const STILL_NOW = compileFolded(stillNow);
const SINCE_THEN = compileFolded(sinceThen);
const TEST_FRAMING = compileFolded(testFraming);
const ASKED_OF_THE_BOT = compileFolded(askedOfTheBot);
const JOY_BEFORE = compileFolded(joyBefore);
const MAY_DIE_AFTER = compileFolded(mayDieAfter);
const MAY_DIE = compileFolded(mayDieEnd);
const LACK_IS_THE_DANGER = compileFolded(lackIsTheDanger);
const PRESENT_CONTRAST = compileFolded(presentContrast);
const PRESENT_NOT_QUIET = compileFolded(presentNotQuiet);

/**
 * True when the words at `[start, end)` are a joke (a laugh or a denial right after), a test of the
 * bot, joy, or a past the writer tells as behind them (a time in the past, and how they are well
 * now after it, or what came after).
 */
export function isNotMeantNow(text: string, start: number, end: number): boolean {
  const after = text.slice(end);
  const before = text.slice(text.lastIndexOf(BOUNDARY, start - 1) + 1, start);
  if ((ASKED_OF_THE_BOT.test(after) || TEST_FRAMING.test(text)) && !SERIOUS.test(text)) return true;
  if (
    (DENIAL_AFTER.test(after) && !DENIAL_DOUBTED.test(after) && !LACK_IS_THE_DANGER.test(text.slice(start, end))) ||
    (start >= CAUSE_LENGTH && LAUGH_AFTER.test(after) && !SERIOUS.test(before))
  )
    return true;
  if ((PAST_TIME.test(before) || PAST_AFTER.test(after)) && RECOVERED_NOW.test(after) && !CAME_BACK.test(after)) return true;
  // The sentence before and this one up to the words: where joy's cause or a past's time is told.
  const story = text.slice(text.lastIndexOf(BOUNDARY, Math.max(0, start - before.length - 2)) + 1, start);
  // 「推しのライブ当たった！もう死んでもいい！」: joy, unless a danger or last word is near (「最後に…」).
  const mayDie = MAY_DIE.test(text.slice(start, end)) || MAY_DIE_AFTER.test(after);
  if (mayDie && JOY_BEFORE.test(story) && !STILL_NOW.test(story) && !STILL_NOW.test(after)) return true;
  // A past told with its time, then the writer's present set against it with nothing of harm, strain, a plan or
  // the past going on from there to the end (「3年前に死ぬつもりだった。今は毎朝ジムに行ってる」).
  // The contrast opens a later sentence or follows 「けど」 (「…書いたことがあるけど、今は…」); what
  // is read for harm runs from the end of the phrase's sentence, or from the contrast if sooner.
  const contrast = PRESENT_CONTRAST.exec(after);
  const sentenceEnd = after.indexOf(BOUNDARY);
  const rest = contrast ? after.slice(Math.min(contrast.index, sentenceEnd < 0 ? Infinity : sentenceEnd + 1)) : "";
  if (
    contrast !== null &&
    (PAST_TIME.test(story) || LIFE_TIME_BEFORE.test(story) || PAST_AFTER.test(after)) &&
    TOLD_IN_THE_PAST.test(after) &&
    !PRESENT_NOT_QUIET.test(rest) &&
    !STILL_NOW.test(story) &&
    !SINCE_THEN.test(story)
  )
    return true;
  // A time of life behind them (it may open the sentence before: 「新人のころ、…吐いてた。消えたいとも
  // 思ってた」), the words told in the past, and what came after (「あの冬は毎晩死ぬことを考えていた。
  // 上司が気づいて産業医につないでくれた」), unless it goes on.
  if ((!PAST_TIME.test(story) && !LIFE_TIME_BEFORE.test(story)) || SINCE_THEN.test(story) || !TOLD_IN_THE_PAST.test(after)) return false;
  // What came after: a word of help or change, unless the past goes on or comes back; or only the
  // story going on, with no word of now, next, strain or a plan anywhere after it.
  if (LATER_HELP.test(after)) return !STILL_NOW.test(after) && !STILL_NOW.test(before + text.slice(start, end));
  return LATER_SENTENCE.test(after) && !NOW_OR_NEXT.test(after) && !STILL_NOW.test(before);
}
