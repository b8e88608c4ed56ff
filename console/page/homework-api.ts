/**
 * The console API calls of notes, homework and alerts: the session's ID token (kept by api.ts
 * under the same key) on every call, and the API's error code when one is refused.
 */
import { apiGet, type ApiResult } from "./api";

export { apiGet };

/** What a refused call said: its HTTP status and the API's error code. */
export type SendResult<T> = { ok: true; body: T } | { ok: false; status: number; error: string | null };

const SESSION_KEY = "will-note-console";

/** POSTs `body` as JSON to `path` of the console API with the session's ID token. */
export async function apiPost<T>(path: string, body: object): Promise<SendResult<T>> {
  const raw = sessionStorage.getItem(SESSION_KEY);
  if (raw === null) return { ok: false, status: 401, error: null };
  const { idToken } = JSON.parse(raw) as { idToken: string };
  const response = await fetch(path, {
    method: "POST",
    headers: { authorization: `Bearer ${idToken}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const answer = (await response.json().catch(() => ({}))) as T & { error?: string };
  return response.ok ? { ok: true, body: answer } : { ok: false, status: response.status, error: answer.error ?? null };
}

/** A GET whose answer is used only when it worked. */
export async function getOrNull<T>(path: string): Promise<T | null> {
  const result: ApiResult<T> = await apiGet<T>(path);
  return result.ok ? result.body : null;
}
