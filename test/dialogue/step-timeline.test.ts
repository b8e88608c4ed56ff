/**
 * The steps' timeline in 「記録を見る」 and the step entries' cards and hand-off lines: what they
 * show, and that the longest steps, feelings and reactions a user can type still fit LINE's limits.
 */
import { handoffNotice, recordsReplies, RECORDS_PER_PAGE } from "../../src/dialogue/cards";
import { MAX_ANSWER_LENGTH } from "../../src/dialogue/flow";
import { STEP_HISTORY } from "../../src/dialogue/state";
import { checkMessages } from "../../src/line/limits";
import { renderReplies } from "../../src/line/render";
import type { StepOutcome, StoredEntry } from "../../src/model/entry";
import { completedProfile } from "../helpers/dialogue-states";

const outcome = (day: number, change: Partial<StepOutcome> = {}): StepOutcome => ({
  action: "友人の自己分析を手伝う",
  due: "2026-11-29",
  status: "done",
  feeling: "楽しかった",
  reaction: "友人に、頭が整理できたと言われました",
  at: new Date(Date.UTC(2026, 10, day, 11)).toISOString(),
  ...change,
});
const asEntries = (steps: StepOutcome[]): StoredEntry[] =>
  steps.map((step, index) => ({ id: `e${index}`, entry: { kind: "step", ...step } }));

describe("the steps' timeline", () => {
  it("opens the first page of records with every step, newest first, its date, outcome, feeling and reaction", () => {
    const steps = [outcome(24), outcome(29, { status: "notYet", feeling: null, reaction: null, action: "NPOの募集を1件調べる" })];
    const replies = recordsReplies(asEntries(steps).reverse(), 0, [], steps);
    const carousel = replies.find((reply) => reply.type === "cards");
    const timeline = carousel?.type === "cards" ? carousel.cards[0] : undefined;
    expect(timeline?.title).toBe("一歩のあゆみ");
    expect(timeline?.sections).toEqual([
      { heading: "11月29日(日) まだ", lines: ["NPOの募集を1件調べる"] },
      {
        heading: "11月24日(火) できた",
        lines: ["友人の自己分析を手伝う", "感じたこと：楽しかった", "反応：友人に、頭が整理できたと言われました"],
      },
    ]);
  });

  it("is left out of later pages and when no step was told", () => {
    const steps = [outcome(24)];
    const later = recordsReplies(asEntries(steps), 1, [], steps).find((reply) => reply.type === "cards");
    const none = recordsReplies(asEntries(steps), 0, [], []).find((reply) => reply.type === "cards");
    for (const carousel of [later, none])
      expect(carousel?.type === "cards" ? carousel.cards.map((card) => card.title) : []).not.toContain("一歩のあゆみ");
  });

  it("fits LINE's limits with a full page and the longest steps, feelings and reactions", () => {
    const long = "あ".repeat(MAX_ANSWER_LENGTH);
    const steps = Array.from({ length: STEP_HISTORY }, (_, index) => outcome(index + 1, { action: long, feeling: long, reaction: long }));
    const entries = asEntries(Array.from({ length: RECORDS_PER_PAGE + 1 }, (_, index) => steps[index % steps.length]));
    expect(checkMessages(renderReplies(recordsReplies(entries, 0, [], steps)))).toEqual([]);
  });

  it("gives the operators each step with its outcome in a hand-off", () => {
    const notice = handoffNotice(completedProfile(), asEntries([outcome(24)]), { code: "ABCD1234", displayName: null });
    expect(notice).toContain(
      "一歩のふり返り：一歩：友人の自己分析を手伝う、行動：できた、感じたこと：楽しかった、反応：友人に、頭が整理できたと言われました",
    );
  });
});
