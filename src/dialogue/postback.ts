/**
 * Postback data: compact, versioned strings behind buttons, `w1|<topic>|<value>`. A button
 * names the question it answers (its topic), so a tap on an old message is recognised as
 * stale. Anything that does not decode (forged, another version, too long) is `null`, and
 * the core answers by repeating the current question.
 */

/** Commands that work from any state, typed or tapped (rich menu, help buttons). */
export const COMMAND_IDS = [
  "help",
  "start",
  "will",
  "logThanks",
  "reflect",
  "records",
  "reminder",
  "consult",
  "share",
  "unshare",
  "restart",
  "deleteData",
  "pause",
  "myData",
  "reviseWill",
  "changeAction",
  "backToBot",
  "helpLines",
  "dataPolicy",
  "sheet",
] as const;
/** One of {@link COMMAND_IDS}. */
export type CommandId = (typeof COMMAND_IDS)[number];

/** The questions a button can answer; each is a short code kept stable across releases. */
export const TOPICS = [
  "consent",
  "start",
  "score",
  "moya",
  "thx",
  "alt",
  "feel",
  "deed",
  "more",
  "val",
  "who",
  "what",
  "willrev",
  "rewrite",
  "act",
  "own",
  "due",
  "rem",
  "days",
  "qthx",
  "qfeel",
  "qdeed",
  "save",
  "ho",
  "hoc",
  "del",
  "rec",
  "cscore",
  "cthx",
  "cthxt",
  "cfeel",
  "cdeed",
  "cact",
  "cwill",
  "cnext",
  "safe",
  "fuo",
  "fu",
  "hw",
  "care",
  "coffer",
  "hot",
  "cont",
  "tired",
  "sfeel",
  "sreact",
  "share",
] as const;
/** One of {@link TOPICS}. */
export type Topic = (typeof TOPICS)[number];

/** Everything a button can mean. */
export type Postback = { kind: "command"; command: CommandId } | { kind: "answer"; topic: Topic; value: string };

const PREFIX = "w1";
const SEPARATOR = "|";
const VALUE_PATTERN = /^[A-Za-z0-9_-]{1,40}$/;
/** LINE accepts up to 300 characters of postback data. */
export const MAX_POSTBACK_DATA = 300;

/** Encodes a postback; values are short ASCII codes, never user text. */
export function encodePostback(postback: Postback): string {
  return postback.kind === "command"
    ? [PREFIX, "cmd", postback.command].join(SEPARATOR)
    : [PREFIX, postback.topic, postback.value].join(SEPARATOR);
}

/** A command button's data. */
export function commandData(command: CommandId): string {
  return encodePostback({ kind: "command", command });
}

/** An answer button's data. */
export function answerData(topic: Topic, value: string): string {
  return encodePostback({ kind: "answer", topic, value });
}

/** Decodes data made by {@link encodePostback}; null for anything else. */
export function decodePostback(data: string): Postback | null {
  if (data.length > MAX_POSTBACK_DATA) return null;
  const parts = data.split(SEPARATOR);
  if (parts.length !== 3 || parts[0] !== PREFIX) return null;
  const [, topic, value] = parts as [string, string, string];
  if (!VALUE_PATTERN.test(value)) return null;
  if (topic === "cmd") return isCommand(value) ? { kind: "command", command: value } : null;
  return isTopic(topic) ? { kind: "answer", topic, value } : null;
}

function isCommand(value: string): value is CommandId {
  return (COMMAND_IDS as readonly string[]).includes(value);
}

function isTopic(value: string): value is Topic {
  return (TOPICS as readonly string[]).includes(value);
}
