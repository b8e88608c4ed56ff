import { formatDate, formatSchedule } from "../../src/dialogue/format";
import {
  endOfMonthDate,
  endOfWeekDate,
  isValidDate,
  isValidTime,
  nextReminderAfterDay,
  nextReminderAt,
  parseSchedule,
  slotsBetween,
  tokyoDate,
  type ReminderSchedule,
} from "../../src/calendar/schedule";

/** An instant given as Tokyo wall-clock "yyyy-MM-ddTHH:mm[:ss]" (Japan is UTC+9 all year). */
function tokyo(wallClock: string): Date {
  return new Date(`${wallClock}+09:00`);
}

const daily = (time: string): ReminderSchedule => ({ kind: "daily", time });
const weekly = (weekdays: (0 | 1 | 2 | 3 | 4 | 5 | 6)[], time: string): ReminderSchedule => ({
  kind: "weekly",
  weekdays,
  time,
});

describe("nextReminderAt", () => {
  test.each<[string, ReminderSchedule, Date, Date]>([
    [
      "a daily 21:00 reminder after 20:59 Tokyo lands at 21:00 the same day",
      daily("21:00"),
      tokyo("2026-06-10T20:59"),
      tokyo("2026-06-10T21:00"),
    ],
    [
      "a daily 21:00 reminder one millisecond before 21:00 lands at 21:00",
      daily("21:00"),
      tokyo("2026-06-10T20:59:59.999"),
      tokyo("2026-06-10T21:00"),
    ],
    [
      "a daily 21:00 reminder after 21:00 exactly lands on the next day",
      daily("21:00"),
      tokyo("2026-06-10T21:00"),
      tokyo("2026-06-11T21:00"),
    ],
    [
      "a daily 23:59 reminder after 23:58 Tokyo lands the same Tokyo day",
      daily("23:59"),
      tokyo("2026-06-10T23:58"),
      tokyo("2026-06-10T23:59"),
    ],
    [
      "a daily 00:00 reminder after Tokyo noon lands at the next Tokyo midnight (15:00 UTC the same UTC day)",
      daily("00:00"),
      tokyo("2026-06-10T12:00"),
      new Date("2026-06-10T15:00:00Z"),
    ],
    [
      "a daily 00:00 reminder after 23:30 UTC (08:30 Tokyo) lands at the following Tokyo midnight, not the UTC one",
      daily("00:00"),
      new Date("2026-06-10T23:30:00Z"),
      new Date("2026-06-11T15:00:00Z"),
    ],
    [
      "a daily 07:30 reminder asked at 02:00 UTC (11:00 Tokyo) lands on the next Tokyo day",
      daily("07:30"),
      new Date("2026-06-10T02:00:00Z"),
      tokyo("2026-06-11T07:30"),
    ],
    [
      "a weekly Sunday 20:00 reminder from a Saturday lands on the next day",
      weekly([0], "20:00"),
      tokyo("2026-06-06T09:00"),
      tokyo("2026-06-07T20:00"),
    ],
    [
      "a weekly Sunday 20:00 reminder from Sunday 20:00 exactly lands a week later",
      weekly([0], "20:00"),
      tokyo("2026-06-07T20:00"),
      tokyo("2026-06-14T20:00"),
    ],
    [
      "a weekly Sunday 20:00 reminder from Sunday 20:01 lands a week later",
      weekly([0], "20:00"),
      tokyo("2026-06-07T20:01"),
      tokyo("2026-06-14T20:00"),
    ],
    [
      "a weekly Sunday 20:00 reminder from Sunday 19:59 lands the same evening",
      weekly([0], "20:00"),
      tokyo("2026-06-07T19:59"),
      tokyo("2026-06-07T20:00"),
    ],
    [
      "a weekly Sunday 20:00 reminder from Sunday 08:00 Tokyo (Saturday in UTC) lands that Sunday",
      weekly([0], "20:00"),
      new Date("2026-06-06T23:00:00Z"),
      tokyo("2026-06-07T20:00"),
    ],
    [
      "a Monday/Wednesday/Friday 07:30 reminder from Monday 08:00 lands on Wednesday",
      weekly([1, 3, 5], "07:30"),
      tokyo("2026-06-08T08:00"),
      tokyo("2026-06-10T07:30"),
    ],
    [
      "a Monday/Wednesday/Friday 07:30 reminder from Friday 07:30 lands on the next Monday",
      weekly([1, 3, 5], "07:30"),
      tokyo("2026-06-12T07:30"),
      tokyo("2026-06-15T07:30"),
    ],
    [
      "a weekday list in any order works the same as a sorted one",
      weekly([5, 1, 3], "07:30"),
      tokyo("2026-06-08T08:00"),
      tokyo("2026-06-10T07:30"),
    ],
    [
      "a daily 21:00 reminder on 2026-12-31 after 21:00 lands on 2027-01-01",
      daily("21:00"),
      tokyo("2026-12-31T21:30"),
      tokyo("2027-01-01T21:00"),
    ],
    [
      "a daily 00:00 reminder on New Year's Eve lands at 2027-01-01 00:00 Tokyo (still 2026 in UTC)",
      daily("00:00"),
      tokyo("2026-12-31T10:00"),
      new Date("2026-12-31T15:00:00Z"),
    ],
    [
      "a weekly Friday reminder from Thursday 2026-12-31 lands on Friday 2027-01-01",
      weekly([5], "09:00"),
      tokyo("2026-12-31T12:00"),
      tokyo("2027-01-01T09:00"),
    ],
    [
      "a daily 21:00 reminder on 2028-02-28 after 23:00 lands on the leap day 2028-02-29",
      daily("21:00"),
      tokyo("2028-02-28T23:00"),
      tokyo("2028-02-29T21:00"),
    ],
    [
      "a daily 21:00 reminder on the leap day after 21:00 lands on 2028-03-01",
      daily("21:00"),
      tokyo("2028-02-29T21:00"),
      tokyo("2028-03-01T21:00"),
    ],
    [
      "a weekly Tuesday reminder from Tuesday 2028-02-22 lands on the leap day",
      weekly([2], "20:00"),
      tokyo("2028-02-22T20:30"),
      tokyo("2028-02-29T20:00"),
    ],
    [
      "a weekly Tuesday reminder from the leap day evening lands on 2028-03-07",
      weekly([2], "20:00"),
      tokyo("2028-02-29T20:30"),
      tokyo("2028-03-07T20:00"),
    ],
    [
      "a daily 21:00 reminder on January 31 after 21:00 lands on February 1",
      daily("21:00"),
      tokyo("2026-01-31T22:00"),
      tokyo("2026-02-01T21:00"),
    ],
    [
      "a weekly Sunday reminder from Saturday January 31 lands on Sunday February 1",
      weekly([0], "20:00"),
      tokyo("2026-01-31T22:00"),
      tokyo("2026-02-01T20:00"),
    ],
  ])("%s", (_name, schedule, after, expected) => {
    expect(nextReminderAt(schedule, after).toISOString()).toBe(expected.toISOString());
  });

  test("returns a plain Date, not a time-zoned subclass", () => {
    expect(Object.getPrototypeOf(nextReminderAt(daily("21:00"), tokyo("2026-06-10T12:00")))).toBe(Date.prototype);
  });

  test("rejects an invalid date instead of looping or returning garbage", () => {
    expect(() => nextReminderAt(daily("21:00"), new Date(Number.NaN))).toThrow(RangeError);
  });

  test("rejects a weekly schedule with no weekdays that bypassed parseSchedule", () => {
    expect(() => nextReminderAt(weekly([], "21:00"), tokyo("2026-06-10T12:00"))).toThrow(RangeError);
  });
});

describe("nextReminderAfterDay", () => {
  test.each<[string, ReminderSchedule, Date, Date]>([
    ["Sunday morning skips that Sunday's 20:00 for the next", weekly([0], "20:00"), tokyo("2026-11-29T09:30"), tokyo("2026-12-06T20:00")],
    ["a daily 21:00 reminder at 08:00 moves to tomorrow", daily("21:00"), tokyo("2026-11-24T08:00"), tokyo("2026-11-25T21:00")],
    ["a daily 00:00 reminder at 23:59 is tomorrow's midnight", daily("00:00"), tokyo("2026-11-24T23:59"), tokyo("2026-11-25T00:00")],
    ["平日 21:00 on a Friday moves to Monday", weekly([1, 2, 3, 4, 5], "21:00"), tokyo("2026-11-27T07:00"), tokyo("2026-11-30T21:00")],
    [
      "a Saturday evening check-in keeps Sunday's slot, which is another day",
      weekly([0], "20:00"),
      tokyo("2026-11-28T21:00"),
      tokyo("2026-11-29T20:00"),
    ],
    ["Tokyo's day counts, not UTC's", daily("08:00"), new Date("2026-11-24T16:00:00Z"), tokyo("2026-11-26T08:00")],
  ])("%s", (_name, schedule, now, expected) => {
    expect(nextReminderAfterDay(schedule, now)).toEqual(expected);
  });
});

describe("slotsBetween", () => {
  test("after a two-day outage a daily reminder returns both missed slots, oldest first", () => {
    const slots = slotsBetween(daily("21:00"), tokyo("2026-06-10T21:00"), tokyo("2026-06-12T21:05"), 10);
    expect(slots.map((slot) => slot.toISOString())).toEqual([
      tokyo("2026-06-11T21:00").toISOString(),
      tokyo("2026-06-12T21:00").toISOString(),
    ]);
  });

  test("the interval is open at from and closed at to", () => {
    const slots = slotsBetween(daily("21:00"), tokyo("2026-06-10T21:00"), tokyo("2026-06-12T21:00"), 10);
    expect(slots.map((slot) => slot.toISOString())).toEqual([
      tokyo("2026-06-11T21:00").toISOString(),
      tokyo("2026-06-12T21:00").toISOString(),
    ]);
  });

  test("respects the limit by keeping the oldest slots", () => {
    const slots = slotsBetween(daily("21:00"), tokyo("2026-06-01T00:00"), tokyo("2026-06-30T00:00"), 3);
    expect(slots.map((slot) => slot.toISOString())).toEqual([
      tokyo("2026-06-01T21:00").toISOString(),
      tokyo("2026-06-02T21:00").toISOString(),
      tokyo("2026-06-03T21:00").toISOString(),
    ]);
  });

  test("a Monday/Wednesday/Friday reminder over a week-long outage returns only those days across the year end", () => {
    const slots = slotsBetween(weekly([1, 3, 5], "07:30"), tokyo("2026-12-28T08:00"), tokyo("2027-01-04T08:00"), 10);
    expect(slots.map((slot) => slot.toISOString())).toEqual([
      tokyo("2026-12-30T07:30").toISOString(),
      tokyo("2027-01-01T07:30").toISOString(),
      tokyo("2027-01-04T07:30").toISOString(),
    ]);
  });

  test.each<[string, Date, Date, number]>([
    ["returns nothing when no slot falls in the interval", tokyo("2026-06-10T21:00"), tokyo("2026-06-11T20:59"), 10],
    ["returns nothing when the limit is zero", tokyo("2026-06-01T00:00"), tokyo("2026-06-30T00:00"), 0],
    ["returns nothing when to is before from", tokyo("2026-06-30T00:00"), tokyo("2026-06-01T00:00"), 10],
  ])("%s", (_name, from, to, limit) => {
    expect(slotsBetween(daily("21:00"), from, to, limit)).toEqual([]);
  });
});

describe("isValidTime", () => {
  test.each<[string, boolean]>([
    ["00:00", true],
    ["23:59", true],
    ["07:30", true],
    ["24:00", false],
    ["23:60", false],
    ["7:30", false],
    ["7:3", false],
    ["07:3", false],
    ["07:30:00", false],
    [" 07:30", false],
    ["", false],
  ])("%j is valid: %s", (time, valid) => {
    expect(isValidTime(time)).toBe(valid);
  });
});

describe("parseSchedule", () => {
  test.each<[string, unknown, ReminderSchedule]>([
    ["accepts a daily schedule", { kind: "daily", time: "21:00" }, { kind: "daily", time: "21:00" }],
    ["accepts a weekly schedule on one day", { kind: "weekly", weekdays: [0], time: "20:00" }, weekly([0], "20:00")],
    ["sorts and deduplicates weekdays", { kind: "weekly", weekdays: [5, 1, 3, 1], time: "07:30" }, weekly([1, 3, 5], "07:30")],
    ["drops unknown fields", { kind: "daily", time: "21:00", extra: true }, { kind: "daily", time: "21:00" }],
  ])("%s", (_name, raw, expected) => {
    expect(parseSchedule(raw)).toStrictEqual(expected);
  });

  test.each<[string, unknown]>([
    ["a 24:00 time", { kind: "daily", time: "24:00" }],
    ["a 7:3 time", { kind: "daily", time: "7:3" }],
    ["a numeric time", { kind: "daily", time: 2100 }],
    ["a missing time", { kind: "daily" }],
    ["weekday 7", { kind: "weekly", weekdays: [7], time: "20:00" }],
    ["weekday -1", { kind: "weekly", weekdays: [-1], time: "20:00" }],
    ["a fractional weekday", { kind: "weekly", weekdays: [1.5], time: "20:00" }],
    ["a weekday given as a string", { kind: "weekly", weekdays: ["0"], time: "20:00" }],
    ["empty weekdays", { kind: "weekly", weekdays: [], time: "20:00" }],
    ["weekdays that are not an array", { kind: "weekly", weekdays: 0, time: "20:00" }],
    ["a weekly schedule without weekdays", { kind: "weekly", time: "20:00" }],
    ["an unknown kind", { kind: "monthly", time: "20:00" }],
    ["a missing kind", { time: "20:00" }],
    ["null", null],
    ["undefined", undefined],
    ["a string", "daily 21:00"],
    ["a number", 21],
    ["an array", ["daily", "21:00"]],
  ])("rejects %s", (_name, raw) => {
    expect(parseSchedule(raw)).toBeNull();
  });
});

describe("schedules in words (dialogue/format)", () => {
  it("writes Monday to Friday as 平日", () => {
    expect(formatSchedule(weekly([1, 2, 3, 4, 5], "21:00"))).toBe("平日 21:00");
  });

  test.each<[ReminderSchedule, string]>([
    [weekly([0], "20:00"), "毎週 日曜 20:00"],
    [daily("21:00"), "毎日 21:00"],
    [weekly([1, 3, 5], "07:30"), "毎週 月・水・金 7:30"],
    [weekly([6, 0], "09:05"), "毎週 日・土 9:05"],
    [daily("00:00"), "毎日 0:00"],
    [weekly([0, 1, 2, 3, 4, 5, 6], "21:00"), "毎日 21:00"],
  ])("describes %j as %s", (schedule, expected) => {
    expect(formatSchedule(schedule)).toBe(expected);
  });
});

describe("due dates", () => {
  test.each<[string, Date, string]>([
    ["the end of the week on a Sunday is that Sunday", tokyo("2026-06-07T23:59"), "2026-06-07"],
    ["the end of the week on a Monday is the coming Sunday", tokyo("2026-06-08T00:00"), "2026-06-14"],
    ["the end of the week on a Saturday is the next day", tokyo("2026-06-06T12:00"), "2026-06-07"],
    [
      "the end of the week on Monday 08:00 Tokyo (still Sunday in UTC) is the coming Sunday",
      new Date("2026-06-07T23:00:00Z"),
      "2026-06-14",
    ],
    ["the end of the week from Thursday 2026-12-31 is Sunday 2027-01-03", tokyo("2026-12-31T12:00"), "2027-01-03"],
    ["the end of the week from Monday 2028-02-28 is Sunday 2028-03-05", tokyo("2028-02-28T12:00"), "2028-03-05"],
  ])("%s", (_name, now, expected) => {
    expect(endOfWeekDate(now)).toBe(expected);
  });

  test.each<[string, Date, string]>([
    ["the end of February 2028 is the leap day", tokyo("2028-02-10T12:00"), "2028-02-29"],
    ["the end of February 2026 is the 28th", tokyo("2026-02-01T00:00"), "2026-02-28"],
    ["the end of the month on January 31 is January 31", tokyo("2026-01-31T23:59"), "2026-01-31"],
    ["the end of the month at 00:30 Tokyo on February 1 (still January in UTC) is February's end", tokyo("2026-02-01T00:30"), "2026-02-28"],
    ["the end of December is December 31", tokyo("2026-12-15T12:00"), "2026-12-31"],
  ])("%s", (_name, now, expected) => {
    expect(endOfMonthDate(now)).toBe(expected);
  });

  test.each<[string, Date, string]>([
    ["Tokyo midnight is already the next day while UTC is at 15:00", new Date("2026-06-10T15:00:00Z"), "2026-06-11"],
    ["one millisecond before Tokyo midnight is still the same day", new Date("2026-06-10T14:59:59.999Z"), "2026-06-10"],
    ["New Year in Tokyo comes while UTC is still in the old year", new Date("2026-12-31T15:00:00Z"), "2027-01-01"],
    ["the leap day is a Tokyo date", tokyo("2028-02-29T12:00"), "2028-02-29"],
  ])("tokyoDate: %s", (_name, now, expected) => {
    expect(tokyoDate(now)).toBe(expected);
  });
});

describe("isValidDate", () => {
  test.each<[string, boolean]>([
    ["2026-12-01", true],
    ["2028-02-29", true],
    ["2026-02-28", true],
    ["2026-02-29", false],
    ["2026-02-30", false],
    ["2100-02-29", false],
    ["2000-02-29", true],
    ["2026-04-31", false],
    ["2026-13-01", false],
    ["2026-00-10", false],
    ["2026-01-00", false],
    ["2026-1-01", false],
    ["2026/01/01", false],
    ["2026-01-01T00:00", false],
    ["", false],
  ])("%j is a real calendar date: %s", (date, valid) => {
    expect(isValidDate(date)).toBe(valid);
  });
});

describe("dates in words (dialogue/format)", () => {
  test.each<[string, string]>([
    ["2026-12-01", "12月1日(火)"],
    ["2026-06-07", "6月7日(日)"],
    ["2028-02-29", "2月29日(火)"],
    ["2027-01-01", "1月1日(金)"],
    ["2026-06-06", "6月6日(土)"],
  ])("describes %s as %s", (date, expected) => {
    expect(formatDate(date)).toBe(expected);
  });

  test("rejects a date that does not exist", () => {
    expect(() => formatDate("2026-02-30")).toThrow(RangeError);
  });
});
