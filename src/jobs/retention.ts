/**
 * The retention period (PRODUCT.md §3.6): a user who blocked the bot keeps their data until
 * they ask for deletion or `retentionDays` pass; then the user document and everything
 * beneath it are deleted. Users who still follow the bot are never touched here.
 */
import { subDays } from "date-fns";
import { userTag, type Logger } from "../log";
import type { RetentionStore } from "../store/retention-store";

/** Users read per query page. */
const PAGE_SIZE = 100;
/** A sweep stops after this many users, well within the function's 300 s; the next day's sweep goes on. */
export const MAX_DELETIONS_PER_SWEEP = 500;

/** What one sweep did. */
export interface RetentionSummary {
  /** Users whose data was deleted. */
  deleted: number;
  /** The instant before which a blocked user's last change makes them expire (ISO). */
  cutoff: string | null;
}

/**
 * Deletes the data of users who blocked the bot and whose document last changed more than
 * `retentionDays` before `now`. `retentionDays` 0 keeps everything.
 */
export async function deleteExpiredUsers(store: RetentionStore, now: Date, retentionDays: number, log: Logger): Promise<RetentionSummary> {
  if (retentionDays === 0) return { deleted: 0, cutoff: null };
  const cutoff = subDays(now, retentionDays);
  let deleted = 0;
  let kept = 0;
  for await (const user of store.expiredUsers(cutoff, PAGE_SIZE)) {
    if (deleted >= MAX_DELETIONS_PER_SWEEP) break;
    // The user document goes first, and only as the query read it: a user who came back
    // in the meantime keeps everything.
    if (!(await store.deleteIfUnchanged(user))) {
      kept++;
      continue;
    }
    deleted++;
    log.info("user data expired", { user: userTag(user.userId) });
  }
  log.info("retention sweep", { deleted, keptBecauseChanged: kept, retentionDays });
  return { deleted, cutoff: cutoff.toISOString() };
}
