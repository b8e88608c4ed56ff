/**
 * A user's Firestore document as the integration tests read it back: the fields they check,
 * typed. Firestore hands every field over untyped; these say what the store writes there
 * and fail loudly when a field holds something else.
 */
import { Timestamp, type DocumentSnapshot } from "@google-cloud/firestore";
import type { UserState } from "../../src/dialogue";

/** The dialogue state stored in the user's document. */
export function storedState(doc: DocumentSnapshot): UserState {
  const state: unknown = doc.get("state");
  if (typeof state !== "object" || state === null) throw new Error(`users/${doc.id} holds no dialogue state`);
  return state as UserState;
}

/** The document's top-level `nextReminderAt` (when the reminder job next finds the user due) as ISO text; null when none. */
export function storedReminderAt(doc: DocumentSnapshot): string | null {
  const value: unknown = doc.get("nextReminderAt");
  if (value === null || value === undefined) return null;
  if (!(value instanceof Timestamp)) throw new Error(`users/${doc.id}: nextReminderAt is not a Timestamp`);
  return value.toDate().toISOString();
}
