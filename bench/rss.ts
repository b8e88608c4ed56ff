/**
 * The peak resident memory of this process. On Linux it is the kernel's high-water mark of the
 * process's own memory (`VmHWM`): `process.resourceUsage().maxRSS` is kept across fork and exec, so
 * a child started by a large benchmark process reports the parent's size when it is the larger
 * (measured: a child of 44 MiB reported 403 MiB under a parent of 444 MiB). Elsewhere, maxRSS.
 */
import { readFileSync } from "node:fs";

/** This process's peak resident memory in MiB, rounded. */
export function peakRssMiB(): number {
  try {
    const kib = /VmHWM:\s+(\d+)\s+kB/.exec(readFileSync("/proc/self/status", "utf8"))?.[1];
    if (kib !== undefined) return Math.round(Number(kib) / 1024);
  } catch {
    // Not Linux: no /proc.
  }
  return Math.round(process.resourceUsage().maxRSS / 1024);
}
