/**
 * Each web-chat user's conversation, kept in memory: what the user did (recorded by the
 * server as it sends) and what the LINE stand-in accepted for them (replies matched by the
 * reply tokens the server handed out, pushes and multicasts by recipient).
 */
import type { LineStandIn, SentBatch } from "../line-stand-in";
import type { TimelineEntry } from "./protocol";

/** An entry before the timeline numbers and dates it. */
export type NewEntry = TimelineEntry extends infer E ? (E extends TimelineEntry ? Omit<E, "seq" | "at"> : never) : never;

/** The users' timelines; see {@link createTimeline}. */
export interface Timeline {
  /** Appends `entry` to `userId`'s timeline and tells its subscribers. */
  add(userId: string, entry: NewEntry): TimelineEntry;
  /** Routes the reply sent with `replyToken` to `userId`. */
  expectReply(replyToken: string, userId: string): void;
  /** Marks `userId`'s event as being handled (or done), so that a consultant's push during it is noted in their chat. */
  handling(userId: string, busy: boolean): void;
  /** `userId`'s entries after `seq` (all of them for 0). */
  entries(userId: string, after: number): TimelineEntry[];
  /** Every user with a timeline, in the order they first appeared. */
  users(): string[];
  /** The seq of `userId`'s last entry, 0 when none. */
  lastSeq(userId: string): number;
  /** Calls `listener` with each new entry of `userId`; returns the unsubscribe function. */
  subscribe(userId: string, listener: (entry: TimelineEntry) => void): () => void;
  /** Stops listening to the stand-in. */
  close(): void;
}

/** A timeline fed by `line`'s accepted batches; pushes to `operatorIds` are also noted in the chat of the user being handled. */
export function createTimeline(line: Pick<LineStandIn, "on" | "off">, operatorIds: readonly string[]): Timeline {
  const byUser = new Map<string, TimelineEntry[]>();
  const listeners = new Map<string, Set<(entry: TimelineEntry) => void>>();
  const replyTokens = new Map<string, string>();
  const busy = new Map<string, number>();
  let seq = 0;

  function add(userId: string, entry: NewEntry): TimelineEntry {
    seq += 1;
    const full: TimelineEntry = { ...entry, seq, at: new Date().toISOString() };
    const list = byUser.get(userId) ?? [];
    list.push(full);
    byUser.set(userId, list);
    for (const listener of [...(listeners.get(userId) ?? [])]) listener(full);
    return full;
  }

  function onSent(batch: SentBatch): void {
    if (batch.replyToken !== undefined) {
      const userId = replyTokens.get(batch.replyToken);
      replyTokens.delete(batch.replyToken);
      if (userId !== undefined) add(userId, { type: "received", delivery: "reply", messages: batch.messages });
      return;
    }
    for (const to of batch.to) add(to, { type: "received", delivery: batch.kind, messages: batch.messages });
    if (batch.to.some((id) => operatorIds.includes(id))) {
      for (const [userId, count] of busy) if (count > 0) add(userId, { type: "operatorNotified", messages: batch.messages });
    }
  }
  line.on("sent", onSent);

  return {
    add,
    expectReply: (replyToken, userId) => void replyTokens.set(replyToken, userId),
    handling(userId, isBusy) {
      const count = (busy.get(userId) ?? 0) + (isBusy ? 1 : -1);
      if (count > 0) busy.set(userId, count);
      else busy.delete(userId);
    },
    entries: (userId, after) => (byUser.get(userId) ?? []).filter((entry) => entry.seq > after),
    users: () => [...byUser.keys()],
    lastSeq: (userId) => byUser.get(userId)?.at(-1)?.seq ?? 0,
    subscribe(userId, listener) {
      const set = listeners.get(userId) ?? new Set();
      set.add(listener);
      listeners.set(userId, set);
      return () => void set.delete(listener);
    },
    close: () => line.off("sent", onSent),
  };
}
