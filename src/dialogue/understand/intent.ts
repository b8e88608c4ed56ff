/**
 * What free text sent at rest (no question pending) is about, before it is offered as a
 * ありがとう record (PRODUCT.md §3.6): a thank-you to the bot, thoughts of leaving the job, or
 * a wish to rewrite the WILL, change the action or change the reminder.
 */
import { normalizeForMatch } from "../commands";
import { restIntentWords } from "../content";
import { isAnswerWord } from "./answers";

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
