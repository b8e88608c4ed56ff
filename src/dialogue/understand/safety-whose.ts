/**
 * Whose words a phrase of harm or strain is, for the safety detector (PRODUCT.md §3.6): the
 * writer's own, or someone else's, reported (「死にたいと言っていた」), describing a person
 * (「眠れない患者さん」), a topic of work (「自傷の手当て」) or a story of another (「友人が自殺未遂を
 * したそうです」). Pure; the words are in `../content/safety-concepts.ts`.
 */
import { asATopic, clauseTurns, describedPerson, otherSubject, reportedSpeech, selfWords, toldOfOthers } from "../content/safety-concepts";
import { compileFolded } from "./fold";
import { SENTENCE_BOUNDARY as BOUNDARY } from "./safety-fold";

const REPORTED_AFTER = compileFolded(`^[^${BOUNDARY}]{0,8}?${reportedSpeech}`);
const PERSON_DESCRIBED = compileFolded(`^${describedPerson}`);
const TOLD_OF_OTHERS_AFTER = compileFolded(`^[^${BOUNDARY}]{0,12}?${toldOfOthers}`);
const OTHER_SUBJECT_BEFORE = compileFolded(otherSubject, "g");
const SELF_WORD = compileFolded(selfWords);
const TOPIC_AFTER = compileFolded(`^${asATopic}`);
const CLAUSE_TURN = compileFolded(clauseTurns, "g");

/** The part of the sentence before `at`, after its last boundary and clause turn. */
function clauseBefore(text: string, at: number): string {
  const sentence = text.slice(text.lastIndexOf(BOUNDARY, at - 1) + 1, at);
  let start = 0;
  for (const turn of sentence.matchAll(CLAUSE_TURN)) start = (turn.index ?? 0) + turn[0].length;
  return sentence.slice(start);
}

/** The sentence around `at`, without its neighbours. */
export function sentenceAround(text: string, at: number): string {
  const start = text.lastIndexOf(BOUNDARY, at - 1) + 1;
  const end = text.indexOf(BOUNDARY, at);
  return text.slice(start, end === -1 ? text.length : end);
}

/** True when another person, not the writer, is the subject of the clause before `at`. */
function otherIsSubject(text: string, at: number): boolean {
  const before = clauseBefore(text, at);
  let last = -1;
  for (const subject of before.matchAll(OTHER_SUBJECT_BEFORE)) last = (subject.index ?? 0) + subject[0].length;
  return last !== -1 && !SELF_WORD.test(before.slice(last));
}

/** True when the words at `[start, end)` are someone else's: reported, or a story of another. */
export function isSomeoneElses(text: string, start: number, end: number): boolean {
  const after = text.slice(end);
  if (REPORTED_AFTER.test(after) || PERSON_DESCRIBED.test(after) || TOPIC_AFTER.test(after)) return true;
  return otherIsSubject(text, start) && TOLD_OF_OTHERS_AFTER.test(after);
}
