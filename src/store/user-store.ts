/**
 * Storage of per-user dialogue state. One webhook event is one call of
 * {@link UserStore.runTurn}: one read and one atomic write of `users/{userId}` together
 * with any new entries beneath it.
 */
import type { StoredEntry } from "../model/entry";
import type { NewEntry } from "../model/entry";
import type { UserState } from "../dialogue";

/**
 * How many handled webhook event ids a user document remembers for deduplication: enough
 * for a burst of 100 events of one user and LINE's redelivery of all of them (about 5 KB).
 */
export const RECENT_EVENT_IDS = 200;

/** A user document as read back; `state` is unvalidated and restored by the dialogue core. */
export interface StoredUser {
  state: unknown;
  /** Ids of the most recently handled webhook events, oldest first. */
  recentEventIds: string[];
  /** The commit id of the write that stored this version, if it carried one (see {@link UserWrite.commitId}). */
  lastCommit?: string | null;
}

/** What a turn writes back: the next version of the user document and new entries. */
export interface UserWrite {
  state: UserState;
  recentEventIds: string[];
  /** Entries to create (or write again) under the user, with ids that are stable across transaction retries. */
  entries: StoredEntry[];
  /** Ids of entries to remove, after `entries` are written: an answer corrected or taken back had recorded them. */
  removedEntries?: string[];
  /**
   * A unique id of this write, stored with it, so that a later attempt can tell that this
   * one landed although its answer was lost (set by the turn queue, `turn-queue.ts`).
   */
  commitId?: string;
}

/** How a turn is queued. */
export interface TurnOptions {
  /** The event's timestamp: turns of one user that wait together commit in this order. */
  order?: number;
}

/** The result of planning a turn: an optional write and a value handed back to the caller. */
export interface TurnPlan<T> {
  write: UserWrite | null;
  result: T;
}

/** Where users live. Firestore in production and integration tests; memory in unit tests. */
export interface UserStore {
  /**
   * Reads `users/{userId}` (null when absent), calls `plan`, and commits its write in the
   * same transaction. `plan` may be called again when another turn of the same user
   * commits first, so it must be pure.
   */
  runTurn<T>(userId: string, plan: (stored: StoredUser | null) => TurnPlan<T>, options?: TurnOptions): Promise<T>;
  /**
   * Up to `limit` entries of the user, newest first, skipping the first `offset`.
   * Entries that cannot be read as a {@link NewEntry} are left out.
   */
  listEntries(userId: string, offset: number, limit: number): Promise<StoredEntry[]>;
  /** The LINE id of the user with the reference code (受付番号) `code`, if they ever asked for a consultant. */
  findByHandoverCode(code: string): Promise<string | null>;
  /** Deletes the user document and everything beneath it. */
  deleteUser(userId: string): Promise<void>;
}

/**
 * The entries of two writes of one batch as one (`turn-queue.ts`): a later write of an id replaces the earlier,
 * and a later removal drops an earlier write of the id as well as any stored one.
 */
export function mergedEntries(earlier: UserWrite | null, later: UserWrite): Pick<UserWrite, "entries" | "removedEntries"> {
  const removed = new Set(later.removedEntries);
  const rewritten = new Set(later.entries.map(({ id }) => id));
  const kept = (earlier?.entries ?? []).filter(({ id }) => !removed.has(id) && !rewritten.has(id));
  const entries = [...kept, ...later.entries];
  const stillRemoved = (earlier?.removedEntries ?? []).filter((id) => !rewritten.has(id));
  return { entries, removedEntries: [...new Set([...stillRemoved, ...removed])] };
}

/** Appends `eventId` to the remembered ids, keeping the newest {@link RECENT_EVENT_IDS}. */
export function rememberEvent(recent: readonly string[], eventId: string): string[] {
  return [...recent, eventId].slice(-RECENT_EVENT_IDS);
}

/** Reads an entry stored by any version; null when it is not one. */
export function readEntry(data: unknown): NewEntry | null {
  if (typeof data !== "object" || data === null) return null;
  const raw = data as Record<string, unknown>;
  const at = typeof raw.at === "string" ? raw.at : null;
  if (at === null) return null;
  const text = (value: unknown) => (typeof value === "string" ? value : null);
  if (raw.kind === "thanks" && typeof raw.text === "string") {
    const source = raw.source === "thankedSomeone" || raw.source === "longAgo" || raw.source === "everyday" ? raw.source : "thanked";
    return { kind: "thanks", text: raw.text, source, feeling: text(raw.feeling), deed: text(raw.deed), at };
  }
  if (raw.kind === "workScore" && typeof raw.score === "number") return { kind: "workScore", score: raw.score, note: text(raw.note), at };
  if (raw.kind === "checkin" && typeof raw.score === "number") {
    const actionStatus =
      raw.actionStatus === "done" || raw.actionStatus === "partly" || raw.actionStatus === "notYet" ? raw.actionStatus : null;
    const willLink = raw.willLink === "yes" || raw.willLink === "partly" || raw.willLink === "no" ? raw.willLink : null;
    return { kind: "checkin", score: raw.score, thanks: raw.thanks === true, actionStatus, willLink, at };
  }
  const status = raw.status === "done" || raw.status === "partly" || raw.status === "notYet" ? raw.status : null;
  if (raw.kind === "step" && typeof raw.action === "string" && typeof raw.due === "string" && status !== null)
    return { kind: "step", action: raw.action, due: raw.due, status, feeling: text(raw.feeling), reaction: text(raw.reaction), at };
  if (raw.kind === "homework" && typeof raw.homeworkId === "string" && typeof raw.ask === "string" && typeof raw.answer === "string") {
    const askKind = raw.askKind === "step" ? "step" : "question";
    const askedAt = typeof raw.askedAt === "string" ? raw.askedAt : at;
    return { kind: "homework", homeworkId: raw.homeworkId, askKind, ask: raw.ask, askedAt, answer: raw.answer, at };
  }
  return null;
}
