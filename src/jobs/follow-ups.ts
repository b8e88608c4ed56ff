/**
 * The follow-up pass (PRODUCT.md §3.8): every user whose top-level `nextFollowUpAt` is due gets
 * the push the dialogue core decides ({@link followUpReplies}), exactly once, never in quiet
 * hours, and only with the month's pushes the reminders left. It runs after the reminders in
 * the same scheduled pass ({@link sendRemindersThenFollowUps}), or after the fan-out's plan
 * ({@link sendFollowUpsAfterPlan}), and `npm run reminders` runs it too.
 *
 * Exactly once rests on what the reminder pass rests on: a retry key derived from (user,
 * follow-up, slot), which makes LINE drop a second push (409), and one completion per slot,
 * guarded by the document's update time, whose state the core computes (`afterJob`).
 */
import { followUpReplies, restoreState } from "../dialogue";
import { isQuietTime, type QuietHours } from "../calendar/schedule";
import { renderReplies } from "../line/render";
import { retryKey } from "../line/retry-key";
import type { Logger } from "../log";
import { sleep as wait } from "../retry";
import type { DueReminder, ReminderStore } from "../store/reminder-store";
import type { PlanSummary } from "./reminder-fanout";
import {
  DEFAULT_JOB_SETTINGS,
  pacer,
  pushWithRetries,
  remainingQuota,
  runDueSlots,
  sendDueReminders,
  type PassSummary,
  type ReminderJobDeps,
  type ReminderJobSettings,
  type SlotEnd,
} from "./reminders";

/** What a follow-up pass needs: the follow-up store (`createFirestoreFollowUpStore`) and LINE. */
export interface FollowUpJobDeps {
  store: ReminderStore;
  line: ReminderJobDeps["line"];
  log: Logger;
  settings?: Partial<Pick<ReminderJobSettings, "pageSize" | "concurrency" | "retryDelaysMs" | "quietHours" | "pushesPerSecond">>;
  sleep?: (ms: number) => Promise<void>;
  /** The most pushes this pass may make (what the reminders left of the month's quota); no cap when absent. */
  maxPushes?: number;
}

/** The one-line summary of a follow-up pass; never any text or name. */
export interface FollowUpSummary {
  /** Due follow-ups looked at. */
  due: number;
  /** Pushed now. */
  sent: number;
  /** LINE already had this push (409): completed without a second message. */
  alreadySent: number;
  /** LINE already had this push and another pass had completed it. */
  skipped: number;
  /** Follow-ups that no longer fit (the user paused, finished, blocked, is with a consultant) or users LINE does not know. */
  dropped: number;
  /** Pushes that failed after retries; still due. */
  failed: number;
  /** Left due because the month's pushes are spent or kept for reminders. */
  overQuota: number;
  /** Whether the pass ran in quiet hours (or at night, {@link FOLLOW_UP_NIGHT}) and so read and sent nothing. */
  quiet: boolean;
}

/**
 * The night, Asia/Tokyo, when no follow-up goes even with QUIET_HOURS=off: a follow-up is a
 * message the user did not ask to get at a set time, unlike a reminder.
 */
export const FOLLOW_UP_NIGHT: QuietHours = { start: "22:00", end: "08:00" };

/** Sends every follow-up due at `now`; never throws for one user's failure. */
export async function sendDueFollowUps(now: Date, deps: FollowUpJobDeps): Promise<FollowUpSummary> {
  const settings = { ...DEFAULT_JOB_SETTINGS, ...deps.settings };
  const sleep = deps.sleep ?? wait;
  const summary: FollowUpSummary = { due: 0, sent: 0, alreadySent: 0, skipped: 0, dropped: 0, failed: 0, overQuota: 0, quiet: false };
  // A follow-up is never urgent: in quiet hours the pass reads nothing, and everything stays due.
  if (isQuietTime(now, settings.quietHours) || isQuietTime(now, FOLLOW_UP_NIGHT)) {
    summary.quiet = true;
    deps.log.info("follow-up pass", { at: now.toISOString(), ...summary });
    return summary;
  }
  let budget = Math.min(await remainingQuota(deps), deps.maxPushes ?? Infinity);
  let quotaSpent = false;
  const pace = pacer(settings.pushesPerSecond, sleep);

  const handle = async (due: DueReminder): Promise<SlotEnd | null> => {
    const { state } = restoreState(due.state);
    const replies = followUpReplies(state);
    const next = state.followUp.next;
    if (replies === null || next === null) {
      summary.dropped++;
      return { outcome: { type: "followUpDropped" }, duplicate: false };
    }
    if (quotaSpent || budget <= 0) {
      summary.overQuota++;
      return null;
    }
    budget--;
    await pace();
    const which = next.kind === "nudge" ? `nudge${next.n}` : next.kind;
    const key = retryKey(`followup:${which}:${due.userId}:${due.slot.toISOString()}`);
    const result = await pushWithRetries(due, renderReplies(replies), key, settings.retryDelaysMs, sleep, deps);
    if (result !== "sent") budget++;
    switch (result) {
      case "sent":
      case "duplicate":
        if (result === "sent") summary.sent++;
        return { outcome: { type: "followUpSent" }, duplicate: result === "duplicate" };
      case "unreachable":
        summary.dropped++;
        return { outcome: { type: "userUnreachable" }, duplicate: false };
      case "quota":
        quotaSpent = true;
        summary.overQuota++;
        return null;
      case "failed":
        summary.failed++;
        return null;
    }
  };

  await runDueSlots(now, deps.store, settings, summary, handle, () => quotaSpent || budget <= 0, deps.log, "follow-up");
  deps.log.info("follow-up pass", { at: now.toISOString(), ...summary });
  return summary;
}

/** A reminder pass and, when follow-ups are on, the follow-up pass after it. */
export interface ReminderPassSummary extends PassSummary {
  /** The follow-up pass; null when follow-ups are off or the reminders spent the quota. */
  followUps: FollowUpSummary | null;
}

/**
 * The scheduled pass: the reminders first, then (with `followUps`, the follow-up store) the
 * follow-ups, with only the pushes the reminders left of the month's quota, so that opted-in
 * reminders always go first.
 */
export async function sendRemindersThenFollowUps(
  now: Date,
  deps: ReminderJobDeps & { followUps: ReminderStore | null },
): Promise<ReminderPassSummary> {
  const { followUps, ...reminderDeps } = deps;
  if (followUps === null) return { ...(await sendDueReminders(now, reminderDeps)), followUps: null };
  const remaining = await remainingQuota(deps);
  const reminders = await sendDueReminders(now, reminderDeps);
  if (reminders.quotaReached) return { ...reminders, followUps: null };
  const maxPushes = Math.min(remaining - reminders.sent, deps.maxPushes ?? Infinity);
  return { ...reminders, followUps: await sendDueFollowUps(now, { ...reminderDeps, store: followUps, maxPushes }) };
}

/**
 * The follow-up pass after the fan-out planned a tick: the pushes the planned shards will
 * need are kept for them, so the follow-ups only get what is left beyond those.
 */
export async function sendFollowUpsAfterPlan(now: Date, plan: PlanSummary, deps: FollowUpJobDeps): Promise<FollowUpSummary | null> {
  if (plan.overQuota > 0) return null;
  const remaining = await remainingQuota(deps);
  return sendDueFollowUps(now, { ...deps, maxPushes: Math.min(remaining - plan.planned, deps.maxPushes ?? Infinity) });
}
