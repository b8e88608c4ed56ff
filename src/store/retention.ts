/**
 * The retention period (PRODUCT.md §3.6): a user who blocked the bot keeps their data until
 * they ask for deletion or `retentionDays` pass; then the user document and everything
 * beneath it are deleted. Users who still follow the bot are never touched here.
 */
import type { Firestore } from "@google-cloud/firestore";
import { subDays } from "date-fns";
import { userTag, type Logger } from "../log";
import { USERS } from "./firestore-store";

/** Users deleted per query page. */
const PAGE_SIZE = 100;
/** A sweep stops after this many users; the next day's sweep goes on. */
export const MAX_DELETIONS_PER_SWEEP = 2000;

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
  const expired = db.collection(USERS).where("state.following", "==", false).where("updatedAt", "<", cutoff).orderBy("updatedAt").limit(PAGE_SIZE);
  let deleted = 0;
  while (deleted < MAX_DELETIONS_PER_SWEEP) {
    const page = await expired.get();
    if (page.empty) break;
    for (const doc of page.docs) {
      await db.recursiveDelete(doc.ref);
      log.info("user data expired", { user: userTag(doc.id) });
    }
    deleted += page.size;
  }
  log.info("retention sweep", { deleted, retentionDays });
  return { deleted, cutoff: cutoff.toISOString() };
}
