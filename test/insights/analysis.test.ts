import type { NewEntry } from "../../src/model/entry";
import { checkinCount, reflectionStreak, seriesSinceStart, weekStartOf, weeklySeries } from "../../src/insights/analysis";

/** An instant given as Tokyo wall-clock "yyyy-MM-ddTHH:mm" (Japan is UTC+9 all year). */
const tokyo = (wallClock: string): Date => new Date(`${wallClock}+09:00`);
const iso = (at: Date | string): string => (typeof at === "string" ? at : at.toISOString());

const thanks = (at: Date | string): NewEntry => ({
  kind: "thanks",
  text: "資料を直してくれた",
  source: "thanked",
  feeling: null,
  deed: null,
  at: iso(at),
});
const workScore = (at: Date | string, score: number): NewEntry => ({ kind: "workScore", score, note: null, at: iso(at) });
const checkin = (at: Date | string, score = 3, gotThanks = false): NewEntry => ({
  kind: "checkin",
  score,
  thanks: gotThanks,
  actionStatus: "done",
  willLink: null,
  at: iso(at),
});

describe("weekStartOf", () => {
  test.each([
    ["2026-11-29T15:30Z, a Sunday in UTC, is Monday 2026-11-30 00:30 in Tokyo", "2026-11-29T15:30:00Z", "2026-11-30"],
    ["Sunday 23:59 in Tokyo still belongs to the week before", "2026-12-06T14:59:00Z", "2026-11-30"],
    ["Monday 00:00 in Tokyo starts a new week", "2026-12-06T15:00:00Z", "2026-12-07"],
    ["a week that straddles a month starts in the earlier month", "2026-12-03T12:00:00+09:00", "2026-11-30"],
    ["New Year's Day 2027 in Tokyo (still 2026 in UTC) belongs to the week from Monday 2026-12-28", "2026-12-31T15:30:00Z", "2026-12-28"],
  ])("%s", (_, at, expected) => {
    expect(weekStartOf(new Date(at))).toBe(expected);
  });
});

describe("seriesSinceStart", () => {
  it("leaves out the weeks before the week of the first entry instead of drawing them as 0", () => {
    const series = seriesSinceStart(
      [workScore(tokyo("2026-11-24T10:00"), 3), thanks(tokyo("2026-12-01T10:00"))],
      tokyo("2026-12-02T12:00"),
    );
    expect(series).toEqual([
      { weekStart: "2026-11-23", thanks: 0, score: 3 },
      { weekStart: "2026-11-30", thanks: 1, score: null },
    ]);
  });

  it("keeps a quiet week after the start, which is the person's own 0", () => {
    const series = seriesSinceStart(
      [workScore(tokyo("2026-11-24T10:00"), 3), checkin(tokyo("2026-12-08T10:00"), 4)],
      tokyo("2026-12-09T12:00"),
    );
    expect(series.map((week) => [week.weekStart, week.thanks, week.score])).toEqual([
      ["2026-11-23", 0, 3],
      ["2026-11-30", 0, null],
      ["2026-12-07", 0, 4],
    ]);
  });

  it("keeps the whole window when the first entry is older than it, in any order", () => {
    const entries = [thanks(tokyo("2026-12-01T10:00")), workScore(tokyo("2026-09-01T10:00"), 2)];
    expect(seriesSinceStart(entries, tokyo("2026-12-02T12:00"))).toHaveLength(6);
  });

  it("is empty without an entry whose time can be read", () => {
    expect(seriesSinceStart([{ ...thanks(tokyo("2026-12-01T10:00")), at: "yesterday" }], tokyo("2026-12-02T12:00"))).toEqual([]);
  });
});

describe("weeklySeries", () => {
  it("covers six weeks by default, oldest first, ending with the week containing now, across a month and a year", () => {
    const series = weeklySeries([], tokyo("2027-01-01T09:00"));
    expect(series.map((week) => week.weekStart)).toEqual([
      "2026-11-23",
      "2026-11-30",
      "2026-12-07",
      "2026-12-14",
      "2026-12-21",
      "2026-12-28",
    ]);
  });

  it("gives weeks without entries 0 thanks and a null score", () => {
    expect(weeklySeries([], tokyo("2026-12-02T12:00"), 2)).toEqual([
      { weekStart: "2026-11-23", thanks: 0, score: null },
      { weekStart: "2026-11-30", thanks: 0, score: null },
    ]);
  });

  it("puts an entry at 2026-11-29T15:30Z into the Tokyo week of Monday 2026-11-30, not the week before", () => {
    const series = weeklySeries([thanks("2026-11-29T15:30:00Z"), workScore("2026-11-29T15:30:00Z", 4)], tokyo("2026-12-02T12:00"), 2);
    expect(series).toEqual([
      { weekStart: "2026-11-23", thanks: 0, score: null },
      { weekStart: "2026-11-30", thanks: 1, score: 4 },
    ]);
  });

  it("uses the Tokyo week of now, even when now is still Sunday in UTC", () => {
    const series = weeklySeries([], new Date("2026-12-06T15:30:00Z"), 1);
    expect(series).toEqual([{ weekStart: "2026-12-07", thanks: 0, score: null }]);
  });

  it("counts thanks entries only: a check-in's ありがとう is its own thanks entry, not counted twice", () => {
    const entries = [
      thanks(tokyo("2026-12-01T10:00")),
      checkin(tokyo("2026-12-03T21:00"), 3, true),
      checkin(tokyo("2026-12-05T21:00"), 3, false),
    ];
    expect(weeklySeries(entries, tokyo("2026-12-06T12:00"), 1)[0]?.thanks).toBe(1);
  });

  it("averages workScore and check-in scores of the week, rounded to one decimal", () => {
    const entries = [workScore(tokyo("2026-12-01T10:00"), 4), checkin(tokyo("2026-12-03T21:00"), 4), checkin(tokyo("2026-12-05T21:00"), 3)];
    expect(weeklySeries(entries, tokyo("2026-12-06T12:00"), 1)[0]?.score).toBe(3.7);
  });

  it("sums entries of any order into their weeks across the New Year", () => {
    const entries = [
      checkin("2026-12-31T15:30:00Z", 5, true),
      thanks(tokyo("2026-12-27T23:59")),
      workScore(tokyo("2026-12-21T08:00"), 2),
      thanks(tokyo("2027-01-03T23:59")),
      workScore(tokyo("2026-12-28T00:00"), 4),
    ];
    expect(weeklySeries(entries, tokyo("2027-01-02T12:00"), 3)).toEqual([
      { weekStart: "2026-12-14", thanks: 0, score: null },
      { weekStart: "2026-12-21", thanks: 1, score: 2 },
      { weekStart: "2026-12-28", thanks: 1, score: 4.5 },
    ]);
  });

  it("leaves out entries before the first week, after the current week, or with an unreadable time", () => {
    const entries = [
      thanks(tokyo("2026-11-29T23:59")),
      thanks(tokyo("2026-12-14T00:00")),
      thanks("not a date"),
      workScore("", 5),
      workScore(tokyo("2026-12-08T10:00"), Number.NaN),
      thanks(tokyo("2026-12-08T10:00")),
    ];
    expect(weeklySeries(entries, tokyo("2026-12-13T23:59"), 2)).toEqual([
      { weekStart: "2026-11-30", thanks: 0, score: null },
      { weekStart: "2026-12-07", thanks: 1, score: null },
    ]);
  });

  it.each([0, -3, Number.NaN])("gives no weeks for weeks = %p", (weeks) => {
    expect(weeklySeries([thanks(tokyo("2026-12-01T10:00"))], tokyo("2026-12-01T12:00"), weeks)).toEqual([]);
  });

  it("throws a RangeError for an invalid now rather than guessing the week", () => {
    expect(() => weeklySeries([], new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe("reflectionStreak", () => {
  const now = tokyo("2026-12-09T12:00"); // Wednesday of the week from Monday 2026-12-07

  it("counts consecutive weeks with a check-in back from the current week", () => {
    const entries = [checkin(tokyo("2026-12-07T00:00")), checkin(tokyo("2026-12-06T23:59")), checkin(tokyo("2026-11-23T09:00"))];
    expect(reflectionStreak(entries, now)).toBe(3);
  });

  it("stops at the first week without a check-in", () => {
    const entries = [checkin(tokyo("2026-12-08T21:00")), checkin(tokyo("2026-12-01T21:00")), checkin(tokyo("2026-11-17T21:00"))];
    expect(reflectionStreak(entries, now)).toBe(2);
  });

  it("does not break the streak while the current week has no check-in yet, counting from the week before", () => {
    const entries = [checkin(tokyo("2026-12-01T21:00")), checkin(tokyo("2026-11-24T21:00"))];
    expect(reflectionStreak(entries, now)).toBe(2);
  });

  it("is 0 when neither this week nor last week has a check-in", () => {
    expect(reflectionStreak([checkin(tokyo("2026-11-24T21:00"))], now)).toBe(0);
    expect(reflectionStreak([], now)).toBe(0);
  });

  it("counts several check-ins in one week as one week, in any order", () => {
    const entries = [
      checkin(tokyo("2026-12-01T21:00")),
      checkin(tokyo("2026-12-08T07:00")),
      checkin(tokyo("2026-12-02T21:00")),
      checkin(tokyo("2026-12-09T07:00")),
    ];
    expect(reflectionStreak(entries, now)).toBe(2);
  });

  it("counts only check-ins, not thanks or workScore entries", () => {
    const entries = [checkin(tokyo("2026-12-08T21:00")), thanks(tokyo("2026-12-01T21:00")), workScore(tokyo("2026-12-01T21:00"), 4)];
    expect(reflectionStreak(entries, now)).toBe(1);
  });

  it("ignores check-ins in weeks after now", () => {
    expect(reflectionStreak([checkin(tokyo("2026-12-14T21:00")), checkin(tokyo("2026-12-08T21:00"))], now)).toBe(1);
  });

  it("runs across the New Year in Tokyo weeks", () => {
    const entries = [checkin("2026-12-31T15:30:00Z"), checkin(tokyo("2026-12-27T20:00")), checkin(tokyo("2026-12-20T20:00"))];
    expect(reflectionStreak(entries, tokyo("2027-01-05T12:00"))).toBe(3);
  });
});

describe("checkinCount", () => {
  it("counts only check-in entries", () => {
    const entries = [
      checkin(tokyo("2026-12-08T21:00")),
      thanks(tokyo("2026-12-01T21:00")),
      workScore(tokyo("2026-12-01T21:00"), 4),
      checkin(""),
    ];
    expect(checkinCount(entries)).toBe(2);
    expect(checkinCount([])).toBe(0);
  });
});
