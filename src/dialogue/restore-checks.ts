/**
 * The small checks `restore.ts` reads stored state with: each tells whether an untrusted value
 * has the shape one field of the stored `UserState` needs. Pure; never throws.
 */
import { isValidDate } from "../calendar/schedule";
import { VALUE_IDS } from "./state";

/** A step outcome kept in the profile's timeline. */
export function isStepOutcome(raw: unknown): boolean {
  return (
    isRecord(raw) &&
    typeof raw.action === "string" &&
    typeof raw.due === "string" &&
    isValidDate(raw.due) &&
    isActionStatus(raw.status) &&
    (raw.feeling === null || typeof raw.feeling === "string") &&
    (raw.reaction === null || typeof raw.reaction === "string") &&
    isInstant(raw.at) &&
    (raw.recalled === undefined || raw.recalled === true)
  );
}

/** A step's status: できた, 少しできた or まだ. */
export function isActionStatus(raw: unknown): boolean {
  return raw === "done" || raw === "partly" || raw === "notYet";
}

/** The `echoed` mark of a step after an answer the bot said back: absent or true. */
export function isEchoed(raw: unknown): boolean {
  return raw === undefined || raw === true;
}

/** What a contact sent before the care question: typed text or a button's data, as stored. */
export function isHeld(raw: unknown): boolean {
  if (!isRecord(raw)) return false;
  const keys = Object.keys(raw);
  if (keys.length !== 1) return false;
  return typeof raw.text === "string" || typeof raw.data === "string";
}

/** A やりがい度, 1–5. */
export function isScore(raw: unknown): boolean {
  return typeof raw === "number" && Number.isInteger(raw) && raw >= 1 && raw <= 5;
}

/** A whole number, 0 or more. */
export function isCount(raw: unknown): boolean {
  return typeof raw === "number" && Number.isInteger(raw) && raw >= 0;
}

/** An ISO-8601 instant. */
export function isInstant(raw: unknown): boolean {
  return typeof raw === "string" && !Number.isNaN(Date.parse(raw));
}

/** A kind of ありがとう moment. */
export function isMomentSource(raw: unknown): boolean {
  return raw === "thanked" || raw === "thankedSomeone" || raw === "longAgo" || raw === "everyday";
}

/** A list of known value ids. */
export function isValueList(raw: unknown): boolean {
  return Array.isArray(raw) && raw.every((id) => (VALUE_IDS as readonly unknown[]).includes(id));
}

/** A list of strings. */
export function isStringList(raw: unknown): boolean {
  return Array.isArray(raw) && raw.every((item) => typeof item === "string");
}

/** A plain object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The moment kinds already offered in vain: absent or a list of kinds. */
export function isTried(raw: unknown): boolean {
  return raw === undefined || (Array.isArray(raw) && raw.every(isMomentSource));
}
