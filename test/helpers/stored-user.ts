/** Reading user documents back in tests, through the store's own reader of both document shapes. */
import type { DocumentSnapshot, Firestore } from "@google-cloud/firestore";
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
