/**
 * The reminder job's stores in memory: the second implementation next to
 * `reminder-store.ts` and `reminder-plan-store.ts`, for unit tests of the fan-out and for
 * experiments without Firestore. A user is a slot and a stored state; a completion writes the
 * next state and takes the slot from it, and, like the guarded write, writes nothing when the
 * slot is no longer the one that was read.
 */
import type { UserState } from "../dialogue";
import type { DueReminder, ReminderStore, SlotEnd } from "./reminder-store";
import type { DueKey, IdRange, ReminderPlanStore } from "./reminder-plan-store";

/** One stored user. */
interface MemoryUser {
  slot: Date | null;
  state: unknown;
  version: number;
}

/** Both reminder stores over one map, plus what a test needs to look inside. */
export interface MemoryReminderStore extends ReminderStore, ReminderPlanStore {
  /** Stores a user whose reminder is due at `slot` (null: none) with `state`. */
  put(userId: string, slot: Date | null, state: unknown): void;
  /** A user's slot, or undefined for an unknown user. */
  slotOf(userId: string): Date | null | undefined;
  /** Completions written so far. */
  readonly writes: number;
}

/** Creates an empty {@link MemoryReminderStore}. */
export function createMemoryReminderStore(): MemoryReminderStore {
  const users = new Map<string, MemoryUser>();
  let writes = 0;
  const byKey = (a: DueKey, b: DueKey) => a.slot.getTime() - b.slot.getTime() || (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0);
  const due = (id: string, user: MemoryUser): DueReminder => ({
    userId: id,
    slot: user.slot!,
    state: structuredClone(user.state),
    version: String(user.version),
  });
  const sorted = (filter: (user: MemoryUser) => boolean): DueReminder[] =>
    [...users]
      .filter(([, user]) => user.slot !== null && filter(user))
      .map(([id, user]) => due(id, user))
      .sort(byKey);
  const completions = () => ({
    complete(reminder: DueReminder, end: SlotEnd) {
      const user = users.get(reminder.userId);
      if (user === undefined || user.slot?.getTime() !== reminder.slot.getTime()) return Promise.resolve(false);
      const next: UserState = end(user.state);
      const nextAt = next.profile.reminder?.nextAt;
      users.set(reminder.userId, { slot: nextAt ? new Date(nextAt) : null, state: next, version: user.version + 1 });
      writes++;
      return Promise.resolve(true);
    },
    flush: () => Promise.resolve(),
    close: () => Promise.resolve(),
  });
  return {
    put(userId, slot, state) {
      users.set(userId, { slot, state, version: (users.get(userId)?.version ?? 0) + 1 });
    },
    slotOf: (userId) => users.get(userId)?.slot,
    get writes() {
      return writes;
    },
    dueReminders(now, limit, after) {
      const all = sorted((user) => user.slot!.getTime() <= now.getTime());
      return Promise.resolve(all.filter((entry) => after === null || byKey(entry, after) > 0).slice(0, limit));
    },
    completions,
    dueKeys(window, range, limit, cursor) {
      const keys = sorted((user) => user.slot!.getTime() <= window.until.getTime() && (window.after === null || user.slot! > window.after))
        .map(({ userId, slot }) => ({ userId, slot }))
        .filter((key) => inRange(key.userId, range))
        .filter((key) => cursor === null || byKey(key, cursor) > 0);
      return Promise.resolve(keys.slice(0, limit));
    },
    shard(userIds) {
      const members = new Set(userIds);
      return {
        dueReminders: (now, _limit, after) =>
          Promise.resolve(
            after !== null ? [] : sorted((user) => user.slot!.getTime() <= now.getTime()).filter((entry) => members.has(entry.userId)),
          ),
        completions,
      };
    },
  };
}

/**
 * Whether `id` lies in `range`, comparing UTF-16 code units: Firestore's order for the ids
 * LINE gives (ASCII); ids with characters past U+FFFF may sort differently there.
 */
function inRange(id: string, range: IdRange): boolean {
  return (range.from === null || id >= range.from) && (range.until === null || id < range.until);
}
