/**
 * What the state keeps of messages sent in a row (`burst.ts`). Generic in the state it keeps,
 * so that `state.ts` can hold it without an import cycle.
 */

/**
 * The latest messages of one user that belong together: the answer just given, which a
 * correction or the rest of it sent right after amends, and the fillers since.
 */
export interface Burst<State> {
  /** When the answer's latest part was sent, or after fillers alone the latest filler (ISO instant); null when not known. */
  at: string | null;
  /** How many messages the burst holds: the answer, its parts and corrections, and the fillers. */
  messages: number;
  /** How many of them came after the answer's latest part: fillers, or corrections with nothing to amend. */
  fillers: number;
  /** The answer to amend; null when only fillers came. */
  answer: AmendableAnswer<State> | null;
}

/** An answer that a correction or its rest can amend, by answering again from `before`. */
export interface AmendableAnswer<State> {
  /** The answer as taken, when typed; null for a tapped button. */
  text: string | null;
  /** The state the answer was given in, without its own burst. */
  before: State;
  /** The ids of the entries the answer recorded, which an amended answer writes again or removes. */
  entries: string[];
}

/**
 * A stored burst read back, or null when it does not check out (it is then dropped, and
 * nothing else is lost). `restore` reads the kept earlier state as any stored state, null
 * when that had to be reset; a kept state that keeps a burst of its own is refused.
 */
export function restoredBurst<State>(raw: unknown, restore: (raw: unknown) => State | null): Burst<State> | null {
  if (!isRecord(raw) || !(raw.at === null || typeof raw.at === "string")) return null;
  const messages = raw.messages;
  if (typeof messages !== "number" || !Number.isInteger(messages) || messages < 1) return null;
  const fillers = raw.fillers;
  if (typeof fillers !== "number" || !Number.isInteger(fillers) || fillers < 0 || fillers > messages) return null;
  if (raw.answer === null) return { at: raw.at, messages, fillers, answer: null };
  const answer = raw.answer;
  if (!isRecord(answer) || !(answer.text === null || typeof answer.text === "string")) return null;
  if (!Array.isArray(answer.entries) || !answer.entries.every((id) => typeof id === "string")) return null;
  if (!isRecord(answer.before) || "burst" in answer.before) return null;
  const before = restore(answer.before);
  if (before === null) return null;
  return { at: raw.at, messages, fillers, answer: { text: answer.text, before, entries: answer.entries } };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
