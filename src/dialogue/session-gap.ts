/**
 * Where one session of a user's messages ends and the next begins (PRODUCT.md §3.6): a session
 * is a run of messages with no gap of {@link SESSION_GAP_MS} or more. Pure.
 */

/** Two messages at least this far apart belong to different sessions. */
export const SESSION_GAP_MS = 60 * 60 * 1000;

/** Whether a message at `now`, after the user's last activity `since`, starts a new session. */
export function startsSession(since: string | null, now: Date): boolean {
  return since === null || now.getTime() - Date.parse(since) >= SESSION_GAP_MS;
}
