/**
 * Words for dates and times as people type them (PRODUCT.md §3.6: 12月1日, 明日, 来週の
 * 金曜, 来月の10日, 夜9時) and for reminder wishes (毎週土曜の朝10時, 平日の夜9時). Logic
 * lives in `../understand/when.ts` and `../understand/reminder-wish.ts`.
 *
 * Texts are folded before matching: NFKC (so １２／１ becomes 12/1 and ２１：００ becomes
 * 21:00), katakana to hiragana, lower case, no white space, a wave dash or tilde (〜, ～)
 * written as から, and the words of {@link kanaSpellings} written in kanji.
 * Patterns are regular-expression sources; the logic reads only the named groups, so an
 * operator may add spellings inside a group freely but must keep the group names.
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
  ["昨日", -1],
  ["きのう", -1],
  ["一昨日", -2],
  ["おととい", -2],
];

/**
 * Words spelled in kana, with the kanji they are read as before matching (さらいしゅう →
 * 再来週, どようび → 土曜日); longer readings first. かようび keeps its び so that 通う (かよう)
 * is not a Tuesday.
 */
export const kanaSpellings: readonly (readonly [reading: string, kanji: string])[] = [
  ["さらいしゅう", "再来週"],
  ["らいしゅう", "来週"],
  ["こんしゅう", "今週"],
  ["さらいげつ", "再来月"],
  ["らいげつ", "来月"],
  ["こんげつ", "今月"],
  ["げつまつ", "月末"],
  ["しゅうまつ", "週末"],
  ["にちようび", "日曜日"],
  ["げつようび", "月曜日"],
  ["かようび", "火曜日"],
  ["すいようび", "水曜日"],
  ["もくようび", "木曜日"],
  ["きんようび", "金曜日"],
  ["どようび", "土曜日"],
  ["にちよう", "日曜"],
  ["げつよう", "月曜"],
  ["すいよう", "水曜"],
  ["もくよう", "木曜"],
  ["きんよう", "金曜"],
  ["どよう", "土曜"],
  ["ごご", "午後"],
  ["ごぜん", "午前"],
  ["正午", "昼12時"],
  ["しょうご", "昼12時"],
];

/** Units of a clock time written in kana after a digit (8じ, 8じはん, 30ぷん), read as the kanji. */
export const kanaClockUnits: readonly (readonly [reading: string, kanji: string])[] = [
  ["じはん", "時半"],
  ["じ", "時"],
  ["ふん", "分"],
  ["ぷん", "分"],
];

/**
 * Numbers written in kanji before a unit of time (九時, 二十時, 九時三十分, 十日), read as digits:
 * the digits, the sign of ten, and the units they must stand before.
 */
export const kanjiNumerals = { digits: "〇一二三四五六七八九", ten: "十", before: "時(?!的|期|間)|分|日|曜" } as const;

/** After the days it follows, 「以外」: every day but those (日曜以外, 土日以外). */
export const exceptDays = "(?:以外|いがい)";

/** Marks that join a range (月〜金, 21時〜), all read as `word` before matching. */
export const rangeMarks = { dashes: "〜～~", word: "から" } as const;

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
  /**
   * A day of a month: 来月の10日, 今月20日, 再来月の1日, or 10日 alone (this month's, or next
   * month's once it has passed). Groups: a month (optional), day.
   */
  dayOfMonth: "(?:(?<monthAfterNext>再来月)|(?<nextMonth>来月)|(?<thisMonth>今月))?の?(?<![\\d/.])(?<day>\\d{1,2})日(?!後|間|ご|あと|以内)",
  /** The end of next month: 来月末, 来月中. No groups. */
  nextMonthEnd: "来月(?:末|中|いっぱい)",
  /** The end of this month: 月末, 今月末, 今月中. No groups. */
  thisMonthEnd: "(?:今月(?:末|中|いっぱい)|(?<!来)月末)",
  /** The end of the year: 年内, 今年中, 年末. No groups. */
  yearEnd: "(?:年内|今年(?:中|いっぱい|のうち)|(?<!来)年末)",
  /** A month from today: 来月. No groups. */
  nextMonth: "(?<!再)来月",
  /** Two months from today: 再来月. No groups. */
  monthAfterNext: "再来月",
  /** A week from today: 来週. No groups. */
  nextWeek: "(?<!再)来週",
  /** Two weeks from today: 再来週. No groups. */
  weekAfterNext: "再来週",
} as const;

/** Weekday characters, Sunday first (the index is the weekday number, 0 = Sunday). */
export const weekdayChars = "日月火水木金土";

/**
 * A clock time: 21時, 21:00, 夜9時, 夜の9時, 午後9時, 朝7時, 午前7時半, 21時30分, 20時ごろ,
 * 10じ, pm9時, 9pm. Groups: hour, and minute, half or colonMinute (a time written with a
 * colon is on the 24-hour clock: 10:00 is morning); at most one part-of-day group (am, pm,
 * night, noon, late, or amAfter / pmAfter after the time) names when in the day the hour falls.
 */
export const clockPattern =
  "(?:(?<am>午前|朝|早朝|明け方|あさ|am)|(?<pm>午後|夕方|ゆうがた|pm)|(?<night>夜|晩|よる)|(?<noon>お昼|昼|ひる)|(?<late>深夜|夜中|よなか))?の?" +
  "(?<![\\d:])(?<hour>\\d{1,2})(?:(?:時|じ)(?!間|かん)(?:(?<half>半|はん)|(?<minute>\\d{1,2})分)?|:(?<colonMinute>\\d{2})(?!\\d)|(?=[ap]\\.?m))" +
  "(?:(?<amAfter>am|a\\.m\\.)|(?<pmAfter>pm|p\\.m\\.))?";

/**
 * What a reminder wish says about the days (毎週土曜の朝10時, 平日の夜9時, 月水金の20時).
 * Weekday names themselves come from {@link weekdayChars}: 土曜, 土曜日, 毎週土曜, 火曜と木曜,
 * and runs of two or more such as 土日 or 月・水・金.
 */
export const reminderDayPatterns = {
  /** Every day: 毎日, 毎晩, 毎朝 (never 毎日曜, which is every Sunday). No groups. */
  everyDay: "(?:毎日(?!曜)|毎晩|毎朝|毎夜|まいにち|まいばん|まいあさ|everyday|daily)",
  /** Monday to Friday: 平日. No groups. */
  weekdays: "(?:平日|へいじつ|weekdays?)",
  /** Saturday and Sunday: 週末, 土日 (土日 is also read as a run of two days). No groups. */
  weekend: "(?:(?<!来|再来)週末|weekends?)",
  /** A range of days: 月曜から金曜, 月〜金, 月-金. Groups: from, to. */
  range: "(?<from>[日月火水木金土])(?:曜日?)?(?:から|-)(?<to>[日月火水木金土])(?:曜日?)?",
  /**
   * Weekday names: one followed by 曜 (土曜, 土曜日, 土よう), or a run of two or more (土日,
   * 月水金, 月・水・金, 火と木). Groups: days, and suffix when 曜 follows.
   */
  named: "(?<![\\d今明昨本平休祝翌前先来])(?<days>[日月火水木金土](?:[・,、/とや]?[日月火水木金土])*)(?<suffix>曜日?|よう)?",
} as const;
