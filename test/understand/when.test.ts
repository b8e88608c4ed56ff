import { parseReminderWish } from "../../src/dialogue/understand/reminder-wish";
import { parseClockTime, parseDueDate } from "../../src/dialogue/understand/when";
import { clockTimes, dueDates, reminderWishes, today } from "../corpus/when";

describe("due dates as people type them, on Tuesday 2026-11-24", () => {
  it("has a corpus large enough to mean something", () => {
    expect(dueDates.length + clockTimes.length).toBeGreaterThanOrEqual(20);
  });

  it.each(dueDates)("%j is read as %s", (text, date) => {
    expect(parseDueDate(text, today.date, today.weekday)).toBe(date);
  });

  it("reads a month and day already past in January as the same year", () => {
    expect(parseDueDate("1/15", "2027-01-10", 0)).toBe("2027-01-15");
  });

  it("reads a January date typed in December as next year", () => {
    expect(parseDueDate("1/15", "2026-12-20", 0)).toBe("2027-01-15");
  });

  it("reads a December date typed early in January as the past December, for the caller to question", () => {
    expect(parseDueDate("12月28日", "2027-01-03", 0)).toBe("2026-12-28");
  });

  it("reads 来月の10日 in December as the 10th of January next year", () => {
    expect(parseDueDate("来月の10日", "2026-12-05", 6)).toBe("2027-01-10");
  });

  it("reads a day that next month does not have as no date", () => {
    expect(parseDueDate("来月の31日", "2027-01-10", 0)).toBeNull();
  });

  it("reads 月末 in February of a leap year as the 29th", () => {
    expect(parseDueDate("月末", "2028-02-03", 4)).toBe("2028-02-29");
  });

  it("reads 今週中 on a Sunday as that same day", () => {
    expect(parseDueDate("今週中", "2026-11-29", 0)).toBe("2026-11-29");
  });

  it("rejects a today that is not yyyy-MM-dd", () => {
    expect(() => parseDueDate("明日", "2026/11/24", 2)).toThrow(RangeError);
  });
});

describe("clock times as people type them", () => {
  it.each(clockTimes)("%j is read as %j", (text, time) => {
    expect(parseClockTime(text)).toEqual(time);
  });
});

describe("reminder wishes typed in one message", () => {
  it.each(reminderWishes)("%j is read as %j", (text, wish) => {
    expect(parseReminderWish(text)).toEqual(wish);
  });
});
