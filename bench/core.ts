/**
 * The pure core alone, on one core: transitions per second of `advance` (restoring the
 * stored state included, as every webhook turn does) over every sample state crossed with
 * every class of input the tests use, and the insights of a check-in over 1,000 entries.
 */
import { performance } from "node:perf_hooks";
import { assessSafety, insightsReplies, type Input, advance } from "../src/dialogue";
import type { NewEntry } from "../src/model/entry";
import { inputCases, NOW, sampleStates } from "../test/helpers/dialogue-states";
import { spread, type Spread } from "./stats";

/** What the core benchmark measured. */
export interface CoreResults {
  /** Distinct (state, input) pairs cycled through. */
  pairs: number;
  transitionsPerSecond: Spread;
  /** The same without the two texts of 5,000 characters, the costliest inputs. */
  withoutLongTextsPerSecond: Spread;
  /** Milliseconds for the insights chart of 1,000 entries (weekly series, recurring words, streak). */
  insightsMs: Spread;
  insightsEntries: number;
  /** Milliseconds for the safety read of one new 5,000-character message (each run a message never read before). */
  safetyLongMs: Spread;
}

/** Sentences of an ordinary long answer, cycled into 5,000-character messages for the safety read. */
const LONG_SENTENCES = [
  "今週は資料づくりで後輩に感謝されました。",
  "お客様から電話で、対応が早くて助かったと言ってもらえました！",
  "会議の前に上司と相談して、進め方を決めたのがよかったと思います",
  "正直、残業が続いて少し疲れていますが、チームの雰囲気は悪くないです。",
  "来週は新人さんの研修があるので、教え方を工夫してみたい",
];

/** A new 5,000-character message: the sentences from a different start each time, numbered so no cache knows it. */
function longMessage(seed: number): string {
  const parts: string[] = [];
  for (let i = 0, length = 0; length < 5000; i++) {
    const part = `${LONG_SENTENCES[(seed + i) % LONG_SENTENCES.length]}${(seed * 7 + i) % 97}`;
    parts.push(part);
    length += part.length;
  }
  return parts.join("").slice(0, 5000);
}

const THANKS = [
  "後輩に資料の作り方を教えたら、わかりやすかったとお礼を言われた",
  "会議の議事録をまとめたら、チームのみんなに助かったと言われた",
  "友人の転職の相談にのったら、話せてすっきりしたと言ってもらえた",
  "新人の質問に丁寧に答えたら、安心したと言われた",
];

/** `count` entries over about a year before {@link NOW}: ありがとう moments, scores and check-ins. */
export function sampleEntries(count: number): NewEntry[] {
  return Array.from({ length: count }, (_, i): NewEntry => {
    const at = new Date(NOW.getTime() - i * 9 * 60 * 60 * 1000).toISOString();
    if (i % 5 === 3) return { kind: "workScore", score: 1 + (i % 5), note: null, at };
    if (i % 5 === 4) return { kind: "checkin", score: 1 + (i % 4), thanks: i % 2 === 0, actionStatus: "partly", willLink: "yes", at };
    return { kind: "thanks", text: THANKS[i % THANKS.length], source: "thanked", feeling: "うれしかった", deed: null, at };
  });
}

/** Calls `run` for about `ms` milliseconds, `batch` calls between clock reads; returns calls per second. */
function rate(run: () => void, ms: number, batch = 100): number {
  let calls = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < ms) {
    for (let i = 0; i < batch; i++) run();
    calls += batch;
    elapsed = performance.now() - start;
  }
  return (calls * 1000) / elapsed;
}

/** Runs `runs` measured runs of each, after a warm-up. */
export function benchCore(runs: number, msPerRun: number): CoreResults {
  const pairs: Array<{ stored: unknown; input: Input; long: boolean }> = [];
  for (const { state } of sampleStates()) {
    // Stored as Firestore gives it back: plain data.
    const stored: unknown = JSON.parse(JSON.stringify(state));
    for (const { input, inputClass } of inputCases(state)) pairs.push({ stored, input, long: inputClass === "longText" });
  }
  const cycle = (list: typeof pairs) => {
    let next = 0;
    let turn = 0;
    return () => {
      const { stored, input, long } = list[next];
      next = (next + 1) % list.length;
      // Every long message is a new one, as from real users: the core may remember the
      // folded form of short, common texts (「1」「ヘルプ」), never of a long answer.
      advance(
        stored,
        long && input.type === "textReceived" ? { ...input, text: `${(turn++).toString(36)}${input.text.slice(6)}` } : input,
        NOW,
      );
    };
  };
  const step = cycle(pairs);
  const stepShort = cycle(pairs.filter((pair) => !pair.long));
  const entries = sampleEntries(1000);
  const insights = () => {
    insightsReplies(entries, NOW);
  };
  rate(step, msPerRun);
  insights();
  const transitions: number[] = [];
  const short: number[] = [];
  const insightsMs: number[] = [];
  const safetyMs: number[] = [];
  let seed = 0;
  const safetyRead = () => {
    assessSafety(longMessage(seed++));
  };
  rate(safetyRead, msPerRun, 1);
  for (let run = 0; run < runs; run++) {
    transitions.push(rate(step, msPerRun));
    short.push(rate(stepShort, msPerRun));
    insightsMs.push(1000 / rate(insights, msPerRun, 1));
    safetyMs.push(1000 / rate(safetyRead, msPerRun, 1));
  }
  return {
    pairs: pairs.length,
    transitionsPerSecond: spread(transitions, 0),
    withoutLongTextsPerSecond: spread(short, 0),
    insightsMs: spread(insightsMs, 2),
    insightsEntries: entries.length,
    safetyLongMs: spread(safetyMs, 3),
  };
}
