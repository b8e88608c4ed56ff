/**
 * Reading user documents back in tests, through the store's own reader of both document
 * shapes. Firestore hands every field over untyped; these say what the store writes there and
 * fail loudly when a field holds something else.
 */
import { Timestamp, type DocumentSnapshot, type Firestore } from "@google-cloud/firestore";
import type { UserState } from "../../src/dialogue";
import { readRecentEvents, readState } from "../../src/store/user-document";

/** The dialogue state stored in `snapshot`, as written (tests assert on it; it is not validated). */
export function stateIn(snapshot: DocumentSnapshot): UserState {
  return readState(snapshot.data()) as UserState;
}

/** The handled webhook event ids stored in `snapshot`, oldest first. */
export function recentEventsIn(snapshot: DocumentSnapshot): string[] {
  return readRecentEvents(snapshot.data());
}

/** The dialogue state stored for `userId`, as written. */
export async function storedState(db: Firestore, userId: string): Promise<UserState> {
  return stateIn(await db.collection("users").doc(userId).get());
}

/** The document's top-level `nextReminderAt` (when the reminder job next finds the user due) as ISO text; null when none. */
export function storedReminderAt(doc: DocumentSnapshot): string | null {
  const value: unknown = doc.get("nextReminderAt");
  if (value === null || value === undefined) return null;
  if (!(value instanceof Timestamp)) throw new Error(`users/${doc.id}: nextReminderAt is not a Timestamp`);
  return value.toDate().toISOString();
}
