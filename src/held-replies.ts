/**
 * Replies held until they are sent, so that a later message can make one stale (`burst.ts` in
 * the core): a filler, or an answer that the next message completes or corrects, needs no
 * reply of its own once the turn that takes it up answers for both. LINE gives every event its
 * own reply token; a stale reply's token is left unused.
 *
 * Only replies not yet sent can be dropped: those of the events of one webhook request, sent
 * together once all of that user's events are handled, and those of turns that commit in one
 * batch of the turn queue. A reply already sent stays; the later turn's reply then follows it
 * and says what changed.
 */

/** Event ids whose replies wait to be sent, each with whether a later message made it stale. */
const held = new Map<string, boolean>();

/** Holds the reply of `eventId` until {@link releaseReply}. */
export function holdReply(eventId: string): void {
  held.set(eventId, false);
}

/**
 * Marks the held replies of `eventIds` stale: a later turn of the same user took their
 * messages up. Ids not held (sent already, or not this instance's) are ignored.
 */
export function markStale(eventIds: readonly string[]): void {
  for (const id of eventIds) if (held.has(id)) held.set(id, true);
}

/** Forgets `eventId`'s held reply; true when it is still to be sent, false when it went stale. */
export function releaseReply(eventId: string): boolean {
  const stale = held.get(eventId) === true;
  held.delete(eventId);
  return !stale;
}
