/**
 * Consultants added by pairing, seen from the core: whether a message is a pairing code
 * (「相談員登録 1234-5678」, typed in any width, with or without the hyphen), and what the
 * consultant is told. A pairing message is never an answer to the questionnaire: the app
 * reads it with {@link pairingRequest} before any turn runs and handles it apart.
 */
import { normalizeForMatch } from "./commands";
import { pairingWords, removedCodes } from "./content";
import type { Input } from "./input";
import type { Reply } from "./reply";
import { say } from "./say";

/** The number of digits of a pairing code. */
export const PAIRING_CODE_DIGITS = 8;

const KEYS = pairingWords.map(normalizeForMatch);

/**
 * The code of a pairing message: its digits, or "" when the message starts with the pairing
 * word but its code has the wrong shape (still a pairing message, refused as such). Null for
 * every other input.
 */
export function pairingRequest(input: Input): { code: string } | null {
  if (input.type !== "textReceived") return null;
  const folded = normalizeForMatch(input.text);
  const key = KEYS.find((word) => folded.startsWith(word));
  if (key === undefined) return null;
  const rest = folded.slice(key.length);
  return { code: new RegExp(`^\\d{${PAIRING_CODE_DIGITS}}$`).test(rest) ? rest : "" };
}

/** The message a consultant sends from LINE to give the bot `code`, as 「相談員登録 1234-5678」. */
export function pairingMessage(code: string): string {
  return `${pairingWords[0]} ${code.slice(0, 4)}-${code.slice(4)}`;
}

/**
 * How a pairing code was taken: the sender is now a consultant, already was one, is now one
 * consultant with the console account that asked for the code (`linked`), or the code was refused.
 */
export type PairingOutcome = "paired" | "already" | "linked" | "invalid";

/** What the sender of a pairing code is told. */
export function pairingReplies(outcome: PairingOutcome): Reply[] {
  return [say(`consultant.${outcome}`)];
}

/** The most 受付番号 a removed consultant is told; more end with 「ほか」. */
export const MAX_REMOVED_CODES = 20;

/** What a consultant is told when they are removed, with the 受付番号 of the clients given back to the bot. */
export function consultantRemovedReplies(codes: readonly string[]): Reply[] {
  if (codes.length === 0) return [say("consultant.removed")];
  const listed = codes.slice(0, MAX_REMOVED_CODES).join(removedCodes.joiner) + (codes.length > MAX_REMOVED_CODES ? removedCodes.more : "");
  return [say("consultant.removed"), say("consultant.removedHandovers", { codes: listed })];
}

/** The setup's last check: a test push to every consultant. */
export function setupTestReplies(): Reply[] {
  return [say("consultant.setupTest")];
}
