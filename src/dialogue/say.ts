/**
 * The small builders every part of the core uses to say things: a message by id, a button
 * that answers a question or runs a command, and the user's words echoed back. All words
 * come from `./content`.
 */
import { commandLabels, feelings, fill, labels, messages, type LabelId, type MessageId } from "./content";
import { answerData, commandData, type CommandId, type Topic } from "./postback";
import type { Choice, Reply } from "./reply";
import { balanceBrackets, clipBalanced } from "./understand/endings";

/** How many characters of the user's own words are echoed back in a question. */
export const ECHO_LENGTH = 40;

/** A text reply from a message id. */
export function say(id: MessageId, values: Record<string, string> = {}, choices?: Choice[]): Reply {
  const text = fill(messages[id], values);
  return choices && choices.length > 0 ? { type: "text", text, choices } : { type: "text", text };
}

/**
 * `reply` marked to quote the user's message it answers, for a reply that says back what the
 * user just typed (a ありがとう moment, their WILL). Only a text reply can carry a quote.
 */
export function quoting(reply: Reply): Reply {
  return reply.type === "text" ? { ...reply, quote: true } : reply;
}

/** A button that answers `topic` with `value`. */
export function answer(label: string, topic: Topic, value: string): Choice {
  return { label, action: { type: "postback", data: answerData(topic, value) } };
}

/** A button from a label id. */
export function answerLabel(label: LabelId, topic: Topic, value: string): Choice {
  return answer(labels[label], topic, value);
}

/** A button that runs an any-time command. */
export function commandChoice(command: CommandId): Choice {
  return { label: commandLabels[command], action: { type: "postback", data: commandData(command) } };
}

/** The user's words, shortened for echoing back, their brackets balanced even where the cut falls. */
export function echo(text: string): string {
  return clipBalanced(inQuotes(text.replace(/\s+/g, " ").trim()), ECHO_LENGTH);
}

/**
 * A sentence shown inside 「」 on a line of its own: its own 「」 become 『』 and a bracket
 * the user left unpaired is dropped, so that the brackets pair up.
 */
export function inQuotes(text: string): string {
  return balanceBrackets(text.replace(/「/g, "『").replace(/」/g, "』"));
}

/** The 1–5 やりがい度 buttons, answering `topic` (the first session's or a check-in's question). */
export function scoreChoices(topic: "score" | "cscore"): Choice[] {
  return ([1, 2, 3, 4, 5] as const).map((n) => answerLabel(`workScore.${n}`, topic, String(n)));
}

/** The feeling buttons (and スキップ) of a ありがとう moment, answering `topic`. */
export function feelingChoices(topic: Topic): Choice[] {
  return [...feelings.map((feeling, index) => answer(feeling, topic, `f${index}`)), answerLabel("skip", topic, "skip")];
}
