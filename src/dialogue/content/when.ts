/**
 * Words for dates and times as people type them (PRODUCT.md §3.6: 12月1日, 明日, 来週の
 * 金曜, 夜9時). Logic lives in `../understand/when.ts`.
 *
 * Texts are folded before matching: NFKC (so １２／１ becomes 12/1 and ２１：００ becomes
 * 21:00), katakana to hiragana, lower case and no white space. Patterns are
 * regular-expression sources; the logic reads only the named groups, so an operator may
 * add spellings inside a group freely but must keep the group names.
 */

/** Days counted from today, by word; longer words are tried first. */
export const relativeDays: readonly (readonly [word: string, days: number])[] = [
  ["今日", 0],
  ["きょう", 0],
  ["本日", 0],
  ["明日", 1],
  ["あした", 1],
  ["あす", 1],
  ["明後日", 2],
  ["あさって", 2],
  ["明々後日", 3],
  ["明明後日", 3],
  ["しあさって", 3],
];

/** Date patterns, by the kind of date they give. */
export const datePatterns = {
  /** A full date: 2026/12/1, 2026-12-01, 2026年12月1日. Groups: year, month, day. */
  fullDate: "(?<year>\\d{4})(?:年|/|-|\\.)(?<month>\\d{1,2})(?:月|/|-|\\.)(?<day>\\d{1,2})日?",
  /** A month and day: 12月1日, 12/1, 12月1日(火). Groups: month, day. */
  monthDay: "(?<![\\d/])(?<month>\\d{1,2})(?:月|/)(?<day>\\d{1,2})(?![\\d/])日?",
  /** Some days, weeks or months from today: 3日後, 1週間後, 2か月後. Groups: count and one unit. */
  later: "(?<count>\\d{1,3})(?:(?<days>日)|(?<weeks>週間?)|(?<months>(?:か|ヶ|ケ|ヵ|カ|ケ)?月))(?:後|ご|あと)",
  /** By the end of this week (its Sunday): 今週中, 今週末, 週末. No groups. */
  thisWeekEnd: "(?:今週(?:中|末|いっぱい|のうち)|(?<!来|再来)週末)",
  /** By the end of next week (its Sunday): 来週中, 来週末. No groups. */
  nextWeekEnd: "(?<!再)来週(?:中|末|いっぱい|のうち)",
  /** A weekday, perhaps in a named week: 金曜日, 来週の金曜, 今週の土曜. Groups: week (optional), weekday. */
  weekday: "(?:(?<weekAfterNext>再来週)|(?<nextWeek>来週)|(?<thisWeek>今週))?の?(?<weekday>[日月火水木金土])(?:曜日?|よう)",
  /** The end of next month: 来月末, 来月中. No groups. */
  nextMonthEnd: "来月(?:末|中|いっぱい)",
  /** The end of this month: 月末, 今月末, 今月中. No groups. */
  thisMonthEnd: "(?:今月(?:末|中|いっぱい)|(?<!来)月末)",
  /** A week from today: 来週. No groups. */
  nextWeek: "(?<!再)来週",
  /** Two weeks from today: 再来週. No groups. */
  weekAfterNext: "再来週",
} as const;

/** Weekday characters, Sunday first (the index is the weekday number, 0 = Sunday). */
export const weekdayChars = "日月火水木金土";

/**
 * A clock time: 21時, 21:00, 夜9時, 夜の9時, 午後9時, 朝7時, 午前7時半, 21時30分, 20時ごろ.
 * Groups: hour, and minute or half; at most one part-of-day group (am, pm, night, noon,
 * late) names when in the day the hour falls.
 */
export const clockPattern =
  "(?:(?<am>午前|朝|早朝|明け方|あさ)|(?<pm>午後|夕方|ゆうがた)|(?<night>夜|晩|よる)|(?<noon>お昼|昼|ひる)|(?<late>深夜|夜中|よなか))?の?" +
  "(?<![\\d:])(?<hour>\\d{1,2})(?:時(?!間)(?:(?<half>半|はん)|(?<minute>\\d{1,2})分)?|:(?<colonMinute>\\d{2})(?!\\d))";
