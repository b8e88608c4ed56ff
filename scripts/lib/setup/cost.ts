/**
 * The monthly cost for an operator's expected clients: LINE's plans and their message quotas,
 * and Firebase's free tiers, with the date the figures were taken from the price lists and where
 * to look them up again. Prices are yen a month before tax.
 */
import { costCopy, fillCopy } from "./copy";
import type { ReminderGuess } from "./state";

/** When the figures below were taken, and where to re-check them. */
export const PRICES_AS_OF = "2026-12-06";
/** Where an operator re-checks the figures. */
export const PRICE_SOURCES = "LINE ヤフー for Business「料金プラン」、Firebase「料金」ページ（firebase.google.com/pricing）";

/** LINE Official Account plans (Japan): monthly messages included and the monthly fee. */
export const LINE_PLANS = [
  { name: "コミュニケーションプラン", quota: 200, price: 0 },
  { name: "ライトプラン", quota: 5_000, price: 5_000 },
  { name: "スタンダードプラン", quota: 30_000, price: 15_000 },
] as const;

/** Pushes a client gets a month from reminders, by their choice. */
const REMINDERS_PER_CLIENT: Record<ReminderGuess, number> = { weekly: 52 / 12, daily: 365 / 12, none: 0 };
/** Other pushes a client causes a month, on average: follow-ups, hand-off notices to consultants. */
const OTHER_PUSHES_PER_CLIENT = 0.5;
/** The reminder job runs every 5 minutes. */
const JOB_RUNS_PER_MONTH = (30 * 24 * 60) / 5;
/** Messages a client sends the bot a month (each a webhook call and about two reads). */
const MESSAGES_PER_CLIENT = 40;

/** The estimate, as numbers and as the lines the setup and docs/deploy.md show. */
export interface CostEstimate {
  pushes: number;
  plan: (typeof LINE_PLANS)[number];
  yen: number;
  lines: string[];
}

/** The monthly cost for `clients` clients who mostly choose `reminder`. */
export function estimateCost(clients: number, reminder: ReminderGuess): CostEstimate {
  const reminders = Math.ceil(clients * REMINDERS_PER_CLIENT[reminder]);
  const others = Math.ceil(clients * OTHER_PUSHES_PER_CLIENT);
  const pushes = reminders + others;
  const plan = LINE_PLANS.find((candidate) => candidate.quota >= pushes) ?? LINE_PLANS[LINE_PLANS.length - 1];
  const calls = JOB_RUNS_PER_MONTH + 30 + clients * MESSAGES_PER_CLIENT;
  const reads = Math.ceil((JOB_RUNS_PER_MONTH * 2 + clients * MESSAGES_PER_CLIENT * 2) / 30);
  const planLine = plan.price === 0 ? costCopy.planFits : costCopy.planOver;
  return {
    pushes,
    plan,
    yen: plan.price,
    lines: [
      fillCopy(costCopy.pushes, { pushes, reminders, others }),
      fillCopy(planLine, { plan: plan.name, quota: plan.quota.toLocaleString("ja-JP"), price: plan.price.toLocaleString("ja-JP") }),
      fillCopy(costCopy.firebase, { calls: calls.toLocaleString("ja-JP"), reads: reads.toLocaleString("ja-JP") }),
      fillCopy(costCopy.total, { total: plan.price.toLocaleString("ja-JP") }),
    ],
  };
}
