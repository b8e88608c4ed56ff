/**
 * Postback data: compact, versioned strings the bot puts behind buttons and reads back.
 * Anything that does not decode (forged, from an older version, too long) is `null`,
 * and the core answers by repeating the current question.
 */

/** Commands that work from any state, typed or tapped. */
export type CommandId = "help" | "start";

/** Everything a button can mean. */
export type Postback =
  | { kind: "consent"; choice: "agree" | "details" | "decline" }
  | { kind: "startChoice"; choice: "now" | "later" }
  | { kind: "workScore"; value: 1 | 2 | 3 | 4 | 5 }
  | { kind: "command"; command: CommandId };

const PREFIX = "w1";
const SEPARATOR = "|";
/** LINE accepts up to 300 characters of postback data. */
export const MAX_POSTBACK_DATA = 300;

const CHOICES: { [K in Postback["kind"]]: readonly string[] } = {
  consent: ["agree", "details", "decline"],
  startChoice: ["now", "later"],
  workScore: ["1", "2", "3", "4", "5"],
  command: ["help", "start"],
};

/** Encodes a postback as `w1|kind|value`. */
export function encodePostback(postback: Postback): string {
  const value =
    postback.kind === "workScore" ? String(postback.value)
    : postback.kind === "command" ? postback.command
    : postback.choice;
  return [PREFIX, postback.kind, value].join(SEPARATOR);
}

/** Decodes data made by {@link encodePostback}; returns null for anything else. */
export function decodePostback(data: string): Postback | null {
  if (data.length > MAX_POSTBACK_DATA) return null;
  const parts = data.split(SEPARATOR);
  if (parts.length !== 3 || parts[0] !== PREFIX) return null;
  const [, kind, value] = parts as [string, string, string];
  if (!isKind(kind) || !CHOICES[kind].includes(value)) return null;
  switch (kind) {
    case "consent":
      return { kind, choice: value as "agree" | "details" | "decline" };
    case "startChoice":
      return { kind, choice: value as "now" | "later" };
    case "workScore":
      return { kind, value: Number(value) as 1 | 2 | 3 | 4 | 5 };
    case "command":
      return { kind, command: value as CommandId };
  }
}

function isKind(kind: string): kind is Postback["kind"] {
  return Object.hasOwn(CHOICES, kind);
}
