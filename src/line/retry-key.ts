/** Retry keys for LINE's X-Line-Retry-Key header. */
import { createHash } from "node:crypto";

/**
 * A UUID (version 5 layout) derived from `seed`: the same seed gives the same key, so a
 * push repeated for the same purpose is recognised by LINE (409) for 24 hours.
 */
export function retryKey(seed: string): string {
  const hex = createHash("sha256").update(seed).digest("hex");
  const variant = ((parseInt(hex.slice(16, 18), 16) & 0x3f) | 0x80).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(18, 20)}-${hex.slice(20, 32)}`;
}
