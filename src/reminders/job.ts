/**
 * One pass of the reminder job: every user whose reminder is due gets one push, exactly
 * once, within the month's quota. Wrapped by `functions/` as a scheduled function and by
 * `npm run reminders` for a pass from the terminal.
 *
 * Exactly once rests on two things: a claim (a lease in the user document, taken in a
 * transaction) so that overlapping passes do not push the same slot, and a retry key
 * derived from (user, slot) so that LINE itself drops a repeated push (409) when a pass
 * died after pushing but before completing.
 */
import { reminderReplies } from "../dialogue/checkin";
import { restoreState } from "../dialogue/restore";
import { lineErrorFields, type LineGateway } from "../line/gateway";
import { renderReplies } from "../line/render";
import { retryKey } from "../line/retry-key";
import { describeError, userTag, type Logger } from "../log";
import type { DueReminder, ReminderStore } from "../store/reminder-store";
import { isQuietTime, nextReminderAt, type QuietHours } from "./schedule";

/** Tuning of a pass; the defaults suit one Cloud Functions instance. */
export interface ReminderJobSettings {
  /** Users read per query page. */
  pageSize: number;
  /** Users handled at once (far below LINE's 2,000 pushes a second). */
  concurrency: number;
  /** How long a claim holds a slot; a dead pass's slot is due again after it. */
  leaseMs: number;
  /** Waits before each retry of a push that failed with a 5xx or timed out. */
  retryDelaysMs: number[];
  /** A reminder this much past its slot is a catch-up: never sent during quiet hours. */
  lateAfterMs: number;
  /** Hours when catch-ups wait (Asia/Tokyo); on-time reminders at a chosen quiet hour still go. */
  quietHours: QuietHours;
}

/** Defaults for {@link ReminderJobSettings}. */
export const DEFAULT_JOB_SETTINGS: ReminderJobSettings = {
  pageSize: 300,
  concurrency: 20,
  leaseMs: 2 * 60 * 1000,
  retryDelaysMs: [200, 1000, 3000],
  lateAfterMs: 30 * 60 * 1000,
  quietHours: { start: "22:00", end: "08:00" },
};

/** What a pass needs. */
export interface ReminderJobDeps {
  store: ReminderStore;
  line: LineGateway;
  log: Logger;
  settings?: Partial<ReminderJobSettings>;
  /** Waits between retries; tests pass one that does not sleep. */
  sleep?: (ms: number) => Promise<void>;
}

/** The one-line summary of a pass. */
export interface PassSummary {
  /** Due reminders looked at. */
  due: number;
  /** Pushed now. */
  sent: number;
  /** LINE already had this slot's push (409): completed without a second message. */
  alreadySent: number;
  /** Claimed by another pass, or changed by the user meanwhile. */
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
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const summary: PassSummary = { due: 0, sent: 0, alreadySent: 0, skipped: 0, deferred: 0, failed: 0, disabled: 0, overQuota: 0, quotaReached: false };
  let budget = await remainingQuota(deps);
  let quotaSpent = false;
  const message = renderReplies(reminderReplies());
  const started = Date.now();
  /** The pass's time moved on by the real time it has run, so a lease starts when its claim does. */
  const passClock = () => new Date(now.getTime() + (Date.now() - started));

  const handle = async (due: DueReminder): Promise<void> => {
    const late = now.getTime() - due.slot.getTime() > settings.lateAfterMs;
    if (late && isQuietTime(now, settings.quietHours)) return void summary.deferred++;
    if (quotaSpent || budget <= 0) {
      summary.quotaReached = true;
      return void summary.overQuota++;
    }
    budget--;
    const claimed = await deps.store.claim(due.userId, due.slot, passClock(), settings.leaseMs);
    if (claimed === null) {
      budget++;
      return void summary.skipped++;
    }
    const { state } = restoreState(claimed.state);
    const reminder = state.profile.reminder;
    if (reminder === null || !state.following) {
      budget++;
      await deps.store.complete(due.userId, due.slot, { kind: "off" });
      return void summary.disabled++;
    }
    const result = await pushWithRetries(due, message, settings.retryDelaysMs, sleep, deps);
    // LINE counts only pushes it delivers: a duplicate or a failure gives its place back.
    if (result !== "sent") budget++;
    switch (result) {
      case "sent":
      case "duplicate": {
        // After a catch-up, the next slot is one that is not minutes away.
        const from = late ? new Date(now.getTime() + settings.lateAfterMs) : now;
        await deps.store.complete(due.userId, due.slot, { kind: "sent", nextAt: nextReminderAt(reminder.schedule, from) });
        if (result === "sent") summary.sent++;
        else summary.alreadySent++;
        return;
      }
      case "unreachable":
        await deps.store.complete(due.userId, due.slot, { kind: "unreachable" });
        return void summary.disabled++;
      case "quota":
        // LINE says the month is spent: everything still due stays due for next month.
        quotaSpent = true;
        summary.quotaReached = true;
        return void summary.overQuota++;
      case "failed":
        return void summary.failed++;
    }
  };

  let after: DueReminder | null = null;
  for (;;) {
    const page = await deps.store.dueReminders(now, settings.pageSize, after);
    if (page.length === 0) break;
    summary.due += page.length;
    await inBatches(page, settings.concurrency, async (due) => {
      try {
        await handle(due);
      } catch (error) {
        summary.failed++;
        deps.log.error("reminder failed", { user: userTag(due.userId), error: describeError(error) });
      }
    });
    after = page.at(-1)!;
    if (page.length < settings.pageSize) break;
  }
  deps.log.info("reminder pass", { at: now.toISOString(), ...summary });
  return summary;
}

type PushResult = "sent" | "duplicate" | "unreachable" | "quota" | "failed";

async function pushWithRetries(
  due: DueReminder,
  messages: ReturnType<typeof renderReplies>,
  delays: readonly number[],
  sleep: (ms: number) => Promise<void>,
  deps: ReminderJobDeps,
): Promise<PushResult> {
  const key = retryKey(`reminder:${due.userId}:${due.slot.toISOString()}`);
  for (let attempt = 0; ; attempt++) {
    try {
      return await deps.line.push(due.userId, messages, key);
    } catch (error) {
      const { status, lineRequestId } = lineErrorFields(error);
      if (status === 429) return "quota";
      // 404: LINE does not know this user (blocked, gone). A 400 or 403 is not taken to mean
      // that: it may be our request or the channel's plan, which must not stop everyone.
      if (status === 404) return "unreachable";
      const retryable = status === undefined || status >= 500;
      if (!retryable || attempt >= delays.length) {
        deps.log.warn("reminder push failed", { status: status ?? null, attempts: attempt + 1, error: describeError(error), lineRequestId });
        return "failed";
      }
      await sleep(delays[attempt]!);
    }
  }
}

/** The pushes left this month; Infinity when unlimited or when LINE does not say. */
async function remainingQuota(deps: ReminderJobDeps): Promise<number> {
  try {
    const { limit, used } = await deps.line.quota();
    return limit === null ? Infinity : Math.max(0, limit - used);
  } catch (error) {
    deps.log.warn("quota unknown; a 429 will stop the pass", { error: describeError(error) });
    return Infinity;
  }
}

async function inBatches<T>(items: readonly T[], width: number, run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await run(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker));
}
