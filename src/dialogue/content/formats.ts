/**
 * How dates, times and reminder schedules are written, and the two ready-made reminder times.
 */
import type { ReminderSchedule } from "../../calendar/schedule";

/** How dates, times and schedules are written in messages and cards. */
export const formats = {
  date: "{month}月{day}日({weekday})",
  fullDate: "{year}年{month}月{day}日",
  time: "{hours}:{minutes}",
  instant: "{date} {time}",
  daily: "毎日 {time}",
  weekly: "毎週 {days} {time}",
  /** Monday to Friday. */
  workdays: "平日 {time}",
  /** The days of a schedule whose time is still to come: 毎日, 平日, 毎週 土曜. */
  dailyDays: "毎日",
  weeklyDays: "毎週 {days}",
  workdaysDays: "平日",
  singleWeekday: "{weekday}曜",
  weekdaySeparator: "・",
  /** Between value names inside 「」 (「人の役に立つ」「挑戦」). */
  valueSeparator: "」「",
  /** One WILL draft offered among others: its mark and the sentence. */
  willOption: "{mark}「{statement}」",
  /** Between the WILL drafts offered. */
  willOptionSeparator: "\n",
  /** One suggested value with the user's words that suggested it. */
  valueCue: "・{value}（「{words}」から）",
  /** One suggested small step with its first 15 minutes. */
  stepOption: "・{step}（最初の15分：{first}）",
  /** A typed step with the when and where the user added after 「いつ・どこで？」. */
  stepWithDetail: "{detail}、{step}",
} as const;

/** The marks of the WILL drafts offered, in order (the draft first). */
export const optionMarks: readonly string[] = ["①", "②", "③"];

/** Weekday names, Sunday first (Date#getDay order). */
export const weekdayNames: readonly string[] = ["日", "月", "火", "水", "木", "金", "土"];

/**
 * The two ready-made reminder buttons (Asia/Tokyo; weekdays 0 = Sunday). Each button reads
 * as its schedule ("毎週 日曜 20:00", "毎日 21:00"), so a time changed here changes both the
 * button and what it sets. The daily time is also where the time picker starts.
 */
export const reminderPresets: { weekly: ReminderSchedule; daily: ReminderSchedule & { kind: "daily" } } = {
  weekly: { kind: "weekly", weekdays: [0], time: "20:00" },
  daily: { kind: "daily", time: "21:00" },
};

/** The times offered when a reminder's days are known but not its time ("HH:mm", Asia/Tokyo). */
export const reminderTimes: readonly string[] = ["07:00", "12:00", "20:00", "21:00"];

/** A part of the day a reminder wish names without an hour (「木曜の朝」「毎週水曜の昼」). */
export type DayPart = "morning" | "noon" | "evening" | "night";

/**
 * The part of the day as typed, the way it is said back (「木曜の朝ですね」), the words that name it
 * (folded as typed text is: kana and width do not matter) and the times offered within it.
 */
export const dayParts: Readonly<
  Record<DayPart, { readonly label: string; readonly words: readonly string[]; readonly times: readonly string[] }>
> = {
  morning: { label: "朝", words: ["朝", "あさ", "午前", "早朝", "モーニング"], times: ["06:00", "07:00", "08:00", "09:00"] },
  noon: { label: "昼", words: ["昼", "ひる", "正午", "ランチ"], times: ["11:00", "12:00", "13:00"] },
  evening: { label: "夕方", words: ["夕方", "ゆうがた"], times: ["16:00", "17:00", "18:00"] },
  night: { label: "夜", words: ["夜", "よる", "晩", "寝る前", "ねる前", "寝るまえ"], times: ["19:00", "20:00", "21:00", "22:00"] },
};
