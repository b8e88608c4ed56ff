/**
 * One pass of the reminder job: every user whose reminder is due gets one push, exactly
 * once, within the month's quota. Wrapped by `functions/` as a scheduled function and by
 * `npm run reminders` for a pass from the terminal.
 *
 * Exactly once rests on the push's retry key, derived from (user, slot): LINE itself drops a
 * second push of the same slot (409), whether an overlapping pass sends it or a pass that
 * died after pushing but before completing. A slot is completed with one guarded write
 * (see the reminder store), which moves the schedule on unless the user changed it meanwhile.
 */
import { afterJob, reminderReplies, restoreState, type JobInput } from "../dialogue";
import { toLineApiError } from "../line/error";
import type { LineGateway } from "../line/gateway";
import { renderReplies } from "../line/render";
import { retryKey } from "../line/retry-key";
import { describeError, userTag, type Logger } from "../log";
import { retry, sleep as wait } from "../retry";
import type { DueReminder, ReminderStore } from "../store/reminder-store";
import { isQuietTime, nextReminderAt, type QuietHours } from "../calendar/schedule";

/** Tuning of a pass; the defaults suit one Cloud Functions instance. */
export interface ReminderJobSettings {
  /** Users read per query page. */
  pageSize: number;
  /** Users handled at once (far below LINE's 2,000 pushes a second). */
  concurrency: number;
  /** Waits before each retry of a push that failed with a 5xx or timed out. */
  retryDelaysMs: number[];
  /** A reminder this much past its slot is a catch-up: never sent during quiet hours. */
  lateAfterMs: number;
  /** Hours when catch-ups wait (Asia/Tokyo); on-time reminders at a chosen quiet hour still go. */
  quietHours: QuietHours;
  /**
   * The most pushes a second this pass starts (Infinity: as fast as `concurrency` allows).
   * A fan-out shard sets it so that all shards at once stay under LINE's 2,000 a second.
   */
  pushesPerSecond: number;
}

/** Defaults for {@link ReminderJobSettings}. */
export const DEFAULT_JOB_SETTINGS: ReminderJobSettings = {
  pageSize: 300,
  concurrency: 20,
  retryDelaysMs: [200, 1000, 3000],
  lateAfterMs: 30 * 60 * 1000,
  quietHours: { start: "22:00", end: "08:00" },
  pushesPerSecond: Infinity,
};

/** What a pass needs. */
export interface ReminderJobDeps {
  store: ReminderStore;
  line: LineGateway;
  log: Logger;
  settings?: Partial<ReminderJobSettings>;
  /** Waits between retries; tests pass one that does not sleep. */
  sleep?: (ms: number) => Promise<void>;
  /** The most pushes this pass may make (a fan-out shard's share of the month's quota); no cap when absent. */
  maxPushes?: number;
}

/** The one-line summary of a pass. */
export interface PassSummary {
  /** Due reminders looked at. */
  due: number;
  /** Pushed now. */
  sent: number;
  /** LINE already had this slot's push (409): completed without a second message. */
  alreadySent: number;
  /** LINE already had this slot's push and the slot had moved on: another pass completed it. */
  skipped: number;
  /** Catch-ups held back for quiet hours; still due. */
  deferred: number;
  /** Pushes that failed after retries; still due. */
  failed: number;
  /** Users LINE does not know (404) or whose state has no reminder: taken out of the due query. */
  disabled: number;
  /** Left due because the month's quota would be exceeded. */
  overQuota: number;
  /** Whether the quota (read before the pass, or a 429) held reminders back. */
  quotaReached: boolean;
}

/** Sends every reminder due at `now`; never throws for one user's failure. */
export async function sendDueReminders(now: Date, deps: ReminderJobDeps): Promise<PassSummary> {
  const settings = { ...DEFAULT_JOB_SETTINGS, ...deps.settings };
  const sleep = deps.sleep ?? wait;
  const summary: PassSummary = {
    due: 0,
    sent: 0,
    alreadySent: 0,
    skipped: 0,
    deferred: 0,
    failed: 0,
    disabled: 0,
    overQuota: 0,
    quotaReached: false,
  };
  let budget = Math.min(await remainingQuota(deps), deps.maxPushes ?? Infinity);
  const pace = pacer(settings.pushesPerSecond, sleep);
  let quotaSpent = false;
  // The push speaks of today for a daily reminder and of the week otherwise: two renderings, made once.
  const messages = { daily: renderReplies(reminderReplies("daily")), weekly: renderReplies(reminderReplies("weekly")) };

  /** Decides one due user's slot and pushes; returns how the slot ends, or null when it stays due. */
  const handle = async (due: DueReminder): Promise<SlotEnd | null> => {
    const late = now.getTime() - due.slot.getTime() > settings.lateAfterMs;
    if (late && isQuietTime(now, settings.quietHours)) {
      summary.deferred++;
      return null;
    }
    if (quotaSpent || budget <= 0) {
      summary.quotaReached = true;
      summary.overQuota++;
      return null;
    }
    const { state } = restoreState(due.state);
    const reminder = state.profile.reminder;
    if (reminder === null || !state.following) {
      summary.disabled++;
      return { outcome: { type: "reminderDropped" }, duplicate: false };
    }
    budget--;
    await pace();
    const message = messages[reminder.schedule.kind];
    const key = retryKey(`reminder:${due.userId}:${due.slot.toISOString()}`);
    const result = await pushWithRetries(due, message, key, settings.retryDelaysMs, sleep, deps);
    // LINE counts only pushes it delivers: a duplicate or a failure gives its place back.
    if (result !== "sent") budget++;
    switch (result) {
      case "sent":
      case "duplicate": {
        // After a catch-up, the next slot is one that is not minutes away.
        const from = late ? new Date(now.getTime() + settings.lateAfterMs) : now;
        if (result === "sent") summary.sent++;
        return { outcome: { type: "reminderSent", nextAt: nextReminderAt(reminder.schedule, from) }, duplicate: result === "duplicate" };
      }
      case "unreachable":
        summary.disabled++;
        return { outcome: { type: "userUnreachable" }, duplicate: false };
      case "quota":
        // LINE says the month is spent: everything still due stays due for next month.
        quotaSpent = true;
        summary.quotaReached = true;
        summary.overQuota++;
        return null;
      case "failed":
        summary.failed++;
        return null;
    }
  };

  // With the month's pushes spent, further pages would only be read to be left due.
  await runDueSlots(now, deps.store, settings, summary, handle, () => quotaSpent || budget <= 0, deps.log, "reminder");
  deps.log.info("reminder pass", { at: now.toISOString(), ...summary });
  return summary;
}

/** How a due slot ends: the fact the core completes it with, and whether LINE already had its push. */
export interface SlotEnd {
  outcome: JobInput;
  duplicate: boolean;
}

/** The counts {@link runDueSlots} keeps in a pass's summary. */
interface SlotCounts {
  due: number;
  alreadySent: number;
  skipped: number;
  failed: number;
}

/**
 * The body of a pass over due slots (reminders, follow-ups): reads them page by page in the
 * due query's order, handles `concurrency` at a time, and completes each slot that ends with
 * the state the core computes from the state as stored (`afterJob`). A slot whose push LINE
 * already had, and whose completion finds it moved on, was another pass's (`skipped`). Stops
 * after a short page or once `stop()` says so; a store failure ends the pass (logged and
 * thrown), leaving what it did not complete due for the next one.
 */
export async function runDueSlots(
  now: Date,
  store: ReminderStore,
  settings: Pick<ReminderJobSettings, "pageSize" | "concurrency">,
  summary: SlotCounts,
  handle: (due: DueReminder) => Promise<SlotEnd | null>,
  stop: () => boolean,
  log: Logger,
  kind: string,
): Promise<void> {
  const completions = store.completions();
  const complete = async (due: DueReminder, end: SlotEnd): Promise<void> => {
    // The core computes the next state; the store writes it whole (never a path inside it).
    const written = await completions.complete(due, (stored) => afterJob(stored, end.outcome, now));
    if (end.duplicate) {
      if (written) summary.alreadySent++;
      else summary.skipped++;
    }
  };
  const failed = (due: DueReminder) => (error: unknown) => {
    summary.failed++;
    log.error(`${kind} failed`, { user: userTag(due.userId), error: describeError(error) });
  };
  try {
    let after: DueReminder | null = null;
    for (;;) {
      const page = await store.dueReminders(now, settings.pageSize, after);
      if (page.length === 0) break;
      summary.due += page.length;
      // Completions are not awaited one by one: they are batched, and settle after the page.
      const writes: Promise<void>[] = [];
      await inBatches(page, settings.concurrency, async (due) => {
        try {
          const end = await handle(due);
          if (end !== null) writes.push(complete(due, end).catch(failed(due)));
        } catch (error) {
          failed(due)(error);
        }
      });
      await completions.flush();
      await Promise.all(writes);
      after = page.at(-1)!;
      if (page.length < settings.pageSize || stop()) break;
    }
  } catch (error) {
    log.error(`${kind} pass stopped`, { at: now.toISOString(), ...summary, error: describeError(error) });
    throw error;
  } finally {
    await completions.close();
  }
}

/** How one push of a pass ended. */
export type PushResult = "sent" | "duplicate" | "unreachable" | "quota" | "failed";

/** Pushes `messages` to a due user with the retry key `key`, retrying 5xx and timeouts after `delays`. */
export async function pushWithRetries(
  due: DueReminder,
  messages: ReturnType<typeof renderReplies>,
  key: string,
  delays: readonly number[],
  sleep: (ms: number) => Promise<void>,
  deps: Pick<ReminderJobDeps, "line" | "log">,
): Promise<PushResult> {
  let attempts = 0;
  try {
    return await retry(
      () => {
        attempts++;
        return deps.line.push(due.userId, messages, key);
      },
      { delaysMs: delays, sleep, retryable: (error) => toLineApiError("push", error).retryable },
    );
  } catch (caught) {
    const error = toLineApiError("push", caught);
    if (error.status === 429) return "quota";
    // 404: LINE does not know this user id (gone). A push to a user who blocked the account
    // may well be answered 200 and not delivered: blocks are seen through unfollow events.
    // A 400 or 403 is not taken to mean either: it may be our request or the channel's plan,
    // which must not stop everyone.
    if (error.status === 404) return "unreachable";
    deps.log.warn("reminder push failed", {
      status: error.status ?? null,
      attempts,
      error: describeError(caught),
      lineRequestId: error.requestId,
    });
    return "failed";
  }
}

/**
 * The pushes left this month; Infinity when unlimited or when LINE does not say, which is
 * logged with `meanwhile`, what the caller does without the figure.
 */
export async function remainingQuota(
  deps: { line: Pick<LineGateway, "quota">; log: Logger },
  meanwhile = "a 429 will stop the pass",
): Promise<number> {
  try {
    const { limit, used } = await deps.line.quota();
    return limit === null ? Infinity : Math.max(0, limit - used);
  } catch (error) {
    deps.log.warn(`quota unknown; ${meanwhile}`, { error: describeError(error) });
    return Infinity;
  }
}

/**
 * Spaces the starts of pushes `1000 / perSecond` ms apart (a push that found its turn late
 * starts at once, and the next one is spaced from it); free when `perSecond` is Infinity.
 */
export function pacer(perSecond: number, sleep: (ms: number) => Promise<void>): () => Promise<void> {
  if (!Number.isFinite(perSecond)) return () => Promise.resolve();
  const gapMs = 1000 / perSecond;
  let next = 0;
  return async () => {
    const now = Date.now();
    const at = Math.max(now, next);
    next = at + gapMs;
    if (at > now) await sleep(at - now);
  };
}

/** Runs `run` over `items`, at most `width` at once. */
export async function inBatches<T>(items: readonly T[], width: number, run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await run(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker));
}
