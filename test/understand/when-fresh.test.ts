/**
 * Reminder wishes as people nobody here had read type them (test/corpus/when-fresh.ts): how many
 * get the days and the time their writer meant. The figure is printed at the end.
 */
import { parseReminderWish } from "../../src/dialogue/understand/reminder-wish";
import { freshWishes, type FreshWish } from "../corpus/when-fresh";

/** What the parser read, in the corpus's terms. */
function read(text: string): Pick<FreshWish, "days" | "time"> {
  const wish = parseReminderWish(text);
  const time = wish?.time ?? null;
  return { days: wish?.days ?? null, time: time === null ? null : "time" in time ? time.time : time };
}

describe("reminder wishes in fresh words", () => {
  it("reads at least 95 % with the days and the time their writer meant", () => {
    const right = freshWishes.filter((wish) => {
      const got = read(wish.text);
      return JSON.stringify(got.days) === JSON.stringify(wish.days) && JSON.stringify(got.time) === JSON.stringify(wish.time);
    }).length;
    console.log(`Reminder wishes in fresh words: ${right} / ${freshWishes.length} read as meant (goal ≥ 95 %)`);
    expect(right / freshWishes.length).toBeGreaterThanOrEqual(0.95);
  });

  it("reads the days of every wish as meant", () => {
    const wrong = freshWishes.filter((wish) => JSON.stringify(read(wish.text).days) !== JSON.stringify(wish.days)).map((wish) => wish.text);
    expect(wrong).toEqual([]);
  });
});
