/** Reading user documents back in tests, through the store's own reader of both document shapes. */
import type { DocumentSnapshot, Firestore } from "@google-cloud/firestore";
import { readRecentEvents, readState } from "../../src/store/user-document";

/** What a snapshot's `get` gives: loosely typed, for assertions. */
type Loose = ReturnType<DocumentSnapshot["get"]>;

/** The dialogue state stored in `snapshot` (undefined when there is none). */
export function stateIn(snapshot: DocumentSnapshot): Loose {
  return readState(snapshot.data()) as Loose;
}

/** The handled webhook event ids stored in `snapshot`, oldest first. */
export function recentEventsIn(snapshot: DocumentSnapshot): string[] {
  return readRecentEvents(snapshot.data());
}

/** The dialogue state stored for `userId` (undefined when the user has no document). */
export async function storedState(db: Firestore, userId: string): Promise<Loose> {
  return stateIn(await db.collection("users").doc(userId).get());
}
