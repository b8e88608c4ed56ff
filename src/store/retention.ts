/**
 * The retention period (PRODUCT.md §3.6): a user who blocked the bot keeps their data until
 * they ask for deletion or `retentionDays` pass; then the user document and everything
 * beneath it are deleted. Users who still follow the bot are never touched here.
 */
import type { Firestore, QueryDocumentSnapshot } from "@google-cloud/firestore";
import { subDays } from "date-fns";
import { userTag, type Logger } from "../log";
import { USERS } from "./firestore-store";

/** Users deleted per query page. */
const PAGE_SIZE = 100;
/** A sweep stops after this many users, well within the function's 300 s; the next day's sweep goes on. */
export const MAX_DELETIONS_PER_SWEEP = 500;

/** gRPC status of a write whose precondition failed. */
const FAILED_PRECONDITION = 9;

/** What one sweep did. */
export interface RetentionSummary {
  /** Users whose data was deleted. */
  deleted: number;
  /** The instant before which a blocked user's last change makes them expire (ISO). */
  cutoff: string | null;
}

/**
 * Deletes the data of users who blocked the bot (`state.following` false) and whose document
 * last changed more than `retentionDays` before `now`. `retentionDays` 0 keeps everything.
 * Uses the composite index on (state.following, updatedAt) in firestore.indexes.json.
 */
export async function deleteExpiredUsers(db: Firestore, now: Date, retentionDays: number, log: Logger): Promise<RetentionSummary> {
  if (retentionDays === 0) return { deleted: 0, cutoff: null };
  const cutoff = subDays(now, retentionDays);
  const expired = db
    .collection(USERS)
    .where("state.following", "==", false)
    .where("updatedAt", "<", cutoff)
    .orderBy("updatedAt")
    .limit(PAGE_SIZE);
  let deleted = 0;
  let kept = 0;
  let after: QueryDocumentSnapshot | undefined;
  while (deleted < MAX_DELETIONS_PER_SWEEP) {
    const page = await (after === undefined ? expired : expired.startAfter(after)).get();
    for (const doc of page.docs) {
      // The user document goes first, and only as the query read it: a user who came back
      // in the meantime (a re-follow or a message changes the document) keeps everything.
      try {
        await doc.ref.delete({ lastUpdateTime: doc.updateTime });
      } catch (error) {
        if ((error as { code?: unknown }).code !== FAILED_PRECONDITION) throw error;
        kept++;
        continue;
      }
      await db.recursiveDelete(doc.ref);
      deleted++;
      log.info("user data expired", { user: userTag(doc.id) });
    }
    if (page.size < PAGE_SIZE) break;
    after = page.docs.at(-1);
  }
  log.info("retention sweep", { deleted, keptBecauseChanged: kept, retentionDays });
  return { deleted, cutoff: cutoff.toISOString() };
}
