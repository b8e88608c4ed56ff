/**
 * The retention period (PRODUCT.md §3.6): a user who blocked the bot keeps their data until
 * they ask for deletion or `retentionDays` pass; then the user document and everything
 * beneath it are deleted. Users who still follow the bot are never touched here.
 */
import { subDays } from "date-fns";
import { userTag, type Logger } from "../log";
import type { RetentionStore } from "../store/retention-store";
import type { SheetStore } from "../store/sheet-store";

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
  /** 振り返りシート deleted because their link had expired (absent when the sweep did not look). */
  sheetsDeleted?: number;
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

/** Expired sheets deleted by one sweep at most; the next day's sweep goes on. */
export const MAX_SHEET_DELETIONS_PER_SWEEP = 2000;

/** Deletes the 振り返りシート whose link expired before `now`: a sheet is kept only while its link lives. */
export async function deleteExpiredSheets(store: SheetStore, now: Date, log: Logger): Promise<number> {
  const deleted = await store.deleteExpired(now, MAX_SHEET_DELETIONS_PER_SWEEP);
  log.info("expired sheets deleted", { deleted });
  return deleted;
}
