/**
 * What free text sent at rest (no question pending) is about, before it is offered as a
 * ありがとう record (PRODUCT.md §3.6): a thank-you to the bot, thoughts of leaving the job, or
 * a wish to rewrite the WILL, change the action or change the reminder.
 */
import { normalizeForMatch } from "../commands";
import { reminderRequestWords, restIntentWords } from "../content";
import { isAnswerWord } from "./answers";
import { parseReminderWish } from "./reminder-wish";

/** What a message at rest asks for; null when it is just something the user wants to tell. */
export type RestIntent = "thanksToBot" | "quitJob" | "reviseWill" | "changeAction" | "changeReminder";

const PHRASES: readonly { intent: RestIntent; phrases: readonly string[] }[] = (
  ["reviseWill", "changeAction", "quitJob", "changeReminder"] as const
).map((intent) => ({ intent, phrases: restIntentWords[intent].map(normalizeForMatch) }));

/** The intent of `text` sent at rest, or null. */
export function restIntent(text: string): RestIntent | null {
  if (isAnswerWord(text, restIntentWords.thanksToBot)) return "thanksToBot";
  const key = normalizeForMatch(text);
  return PHRASES.find(({ phrases }) => phrases.some((phrase) => key.includes(phrase)))?.intent ?? null;
}

const requestOf = (words: readonly string[]) =>
  new RegExp(
    `(?:${words.map(normalizeForMatch).join("|")}).{0,16}?(?:${reminderRequestWords.endings.map(normalizeForMatch).join("|")})$`,
    "u",
  );
const REMINDER_REQUEST = requestOf(reminderRequestWords.words);
const REQUEST_WITH_WHEN = requestOf(reminderRequestWords.withWhen);

/**
 * Whether `text` asks for a reminder in a sentence (「再来週の木曜の夜8時ごろに思い出させてもらえま
 * すか」, 「明日の夜9時にリマインドお願いします」): a reminder word, or a word of contact with a day or
 * a time (「来月の3日の朝9時ごろに、もう一度声をかけていただけますか」), and a request at the end of
 * the message. Read while a question waits, where such a message is not an answer.
 */
export function isReminderRequest(text: string): boolean {
  const key = normalizeForMatch(text);
  return REMINDER_REQUEST.test(key) || (REQUEST_WITH_WHEN.test(key) && parseReminderWish(text) !== null);
}
