/**
 * The consultants' alerts (issue 22, item 5): the clients who share and whose latest three
 * check-ins were all やりがい度 ≤ 2, or who tapped 連絡してほしい after a crisis reply. Every
 * write of a user stores whether they are one (`consoleAlert`, see `user-document.ts`), in the
 * transaction that records the check-in or the tap, so the alerts are one query on it.
 *
 * States stored before the check-in scores were kept get them at the user's next turn. So that
 * a client who shares and has not written since loses no alert, the first alerts read of an
 * instance makes sure that they were filled in once for every client who shares (a marker
 * document says so; see docs/console.md).
 */
import type { DocumentReference, Firestore } from "@google-cloud/firestore";
import { consoleAlert, contactRequested, lowScores, restoreState, scoresWanted } from "../dialogue";
import { USERS, withCheckinScores } from "./firestore-store";
import { CONSOLE_ALERT, handoverCode, LEGACY_STATE, readState, SHARED_SINCE, STATE_JSON } from "./user-document";

/** A shared client the alerts list. */
export interface AlertRow {
  code: string;
  /** The latest three check-in scores, oldest first, when they are all ≤ 2. */
  lowScores: number[] | null;
  /** The client tapped 連絡してほしい after a crisis reply and no consultant has taken it yet. */
  contactRequested: boolean;
}

/** The collection of the console's own bookkeeping. */
export const CONSOLE_META = "consoleMeta";
/** The document saying that the check-in scores of every client who shared were filled in. */
export const SCORES_FILLED = "alertScores";

/** How many clients' scores are filled in at once. */
const FILLING = 16;

/** The alerts' read over Firestore: one query on `consoleAlert`, after the one-time filling in. */
export function createAlertsReader(db: Firestore): () => Promise<AlertRow[]> {
  const users = db.collection(USERS);
  // One filling in per instance at a time; a failed one is tried again by the next read.
  let filled: Promise<void> | null = null;
  return async () => {
    filled ??= fillScoresOnce(db).catch((error: unknown) => {
      filled = null;
      throw error;
    });
    await filled;
    const snapshot = await users.where(CONSOLE_ALERT, "==", true).get();
    return snapshot.docs
      .flatMap((doc): AlertRow[] => {
        // The stored flag found them; the state decides (it is the flag's source).
        const { state } = restoreState(readState(doc.data()));
        if (!consoleAlert(state)) return [];
        return [{ code: handoverCode(doc.id), lowScores: lowScores(state), contactRequested: contactRequested(state) }];
      })
      .sort((a, b) => Number(b.contactRequested) - Number(a.contactRequested) || a.code.localeCompare(b.code));
  };
}

/**
 * Fills in the check-in scores of every client who shares and whose state lacks current ones,
 * unless that was done before (the marker document); then writes the marker.
 */
async function fillScoresOnce(db: Firestore): Promise<void> {
  const marker = db.collection(CONSOLE_META).doc(SCORES_FILLED);
  if ((await marker.get()).exists) return;
  const shared = await db.collection(USERS).where(SHARED_SINCE, ">", new Date(0)).select(STATE_JSON, LEGACY_STATE).get();
  const wanting = shared.docs.filter((doc) => scoresWanted(readState(doc.data()))).map((doc) => doc.ref);
  for (let from = 0; from < wanting.length; from += FILLING)
    await Promise.all(wanting.slice(from, from + FILLING).map((ref) => fillScores(db, ref)));
  await marker.set({ at: new Date(), clients: wanting.length });
}

/**
 * Fills in one client's check-in scores in a transaction, unless a turn did meanwhile. Only the
 * state and the alert flag are written: the document's time of last write (which the retention
 * sweep reads) stays that of the client's last turn.
 */
async function fillScores(db: Firestore, ref: DocumentReference): Promise<void> {
  await db.runTransaction(async (tx) => {
    const snapshot = await tx.get(ref);
    const raw = readState(snapshot.data());
    if (!snapshot.exists || !scoresWanted(raw)) return;
    const filled = await withCheckinScores(tx, ref, raw);
    tx.update(ref, { [STATE_JSON]: JSON.stringify(filled), [CONSOLE_ALERT]: consoleAlert(restoreState(filled).state) });
  });
}
