/**
 * The one-user burst profile of `npm run bench:load -- --profile burst`: one user's 2, 30 and
 * 100 requests at once (one event each, as LINE sends them), then LINE's redelivery of every
 * request answered 5xx, until all are answered 200 (at most 6 rounds). Reports the answers of
 * the first round, their latency, and how many events the user document records as applied.
 */
import { performance } from "node:perf_hooks";
import type { Firestore } from "@google-cloud/firestore";
import { postEvents } from "../scripts/lib/webhook-client";
import { burstEvents, redelivered, userId } from "../test/helpers/events";

/** The burst sizes measured. */
export const BURST_SIZES = [2, 30, 100] as const;

/** Runs the bursts; returns whether every event was applied exactly once. */
export async function runBursts(url: string, secret: string, db: Firestore): Promise<boolean> {
  let ok = true;
  for (const size of BURST_SIZES) {
    const user = userId();
    const events = burstEvents(user, size);
    const latencies: number[] = [];
    const firstRound: number[] = [];
    let pending = events;
    let rounds = 0;
    for (; pending.length > 0 && rounds < 6; rounds++) {
      const statuses = await Promise.all(
        pending.map(async (event) => {
          const started = performance.now();
          const status = await postEvents(url, secret, [event]).catch(() => 0);
          if (rounds === 0) latencies.push(performance.now() - started);
          return status;
        }),
      );
      if (rounds === 0) firstRound.push(...statuses);
      pending = pending.filter((_, i) => statuses[i] !== 200).map(redelivered);
    }
    const doc = await db.collection("users").doc(user).get();
    const recent = String(doc.get("recentEvents") ?? "")
      .split(" ")
      .filter(Boolean);
    const applied = new Set(recent).size;
    const exactlyOnce = recent.length === applied && events.every((event) => recent.includes(event.webhookEventId as string));
    ok &&= exactlyOnce && pending.length === 0;
    const sorted = [...latencies].sort((a, b) => a - b);
    const ms = (value: number | undefined) => `${Math.round(value ?? NaN)} ms`;
    const answered200 = firstRound.filter((status) => status === 200).length;
    console.log(
      `burst ${String(size).padStart(3)}  first round: ${answered200} × 200, ${size - answered200} other; ` +
        `latency p50 ${ms(sorted[Math.floor(sorted.length / 2)])} max ${ms(sorted.at(-1))}; ` +
        `rounds ${rounds}; events applied ${applied}/${size}${exactlyOnce ? " (each once)" : " (NOT each once)"}`,
    );
  }
  return ok;
}
