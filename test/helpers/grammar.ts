/**
 * Grammar faults a consultant would wince at in a message the bot sends: the user's
 * words folded into the bot's clause without adapting their ending. Each rule names the
 * fault, so a failing test says what reads wrong. Independent of the production code on
 * purpose: it checks the output, not the rules that made it.
 */

interface FaultRule {
  readonly name: string;
  readonly pattern: RegExp;
  /** When given, the rule only applies to messages that match this. */
  readonly onlyIn?: RegExp;
}

/** A message holding a WILL sentence the bot drafted. */
const WILL_SENTENCE = /言われる人になる|人でいたい|と言われたい|力になりたい/u;

/** The bare answers that must never be quoted back. */
const BARE =
  "はい|いいえ|うん|ううん|ない|ないです|なし|特にない|特にないです|ありません|いません|思いつかない|思いつかないです|わからない|わかりません";

const RULES: readonly FaultRule[] = [
  {
    name: "a polite ending before と感じ/という/とのこと",
    pattern: /(?:です|ます|ました|ません|でした)[」』]?(?:と感じ|という|とのこと)/u,
  },
  { name: "a polite ending before んですね", pattern: /(?:です|ます|ました|ません|でした)んですね/u },
  { name: "a copula だ before んですね", pattern: /[\p{Script=Han}\p{Script=Katakana}ー]だんですね/u },
  { name: "ですから after a who", pattern: /(?:さん|さま|様|たち|ちゃん|くん|の方)ですから/u },
  { name: "ですから、どんな in a question", pattern: /ですから、どんな/u },
  { name: "a particle before から (にから, へから)", pattern: /(?:に|へ|が|を)から(?=[、『「どん])/u },
  { name: "a list separator inside who before から", pattern: /(?<!^|\n)[・／/][^、。「」『』\s]{1,12}から、/u },
  {
    name: "a verb or adjective before で『ありがとう』",
    pattern: /(?:[うくぐすつぬぶむるたてだ]|[しなたいかさきるす]い)で[『「]ありがとう/u,
  },
  { name: "a truncated phrase before で『ありがとう』", pattern: /…[」』]?で[『「]ありがとう/u },
  { name: "an ellipsis inside a WILL sentence", pattern: /…/u, onlyIn: WILL_SENTENCE },
  // Only 。: an exclamation inside quoted speech (『わかった！』と言われた) is ordinary Japanese.
  { name: "a quote holding 。 folded into the bot's clause", pattern: /[「『][^「」『』\n]*。[^「」『』\n]*[」』](?![\n]|$)/u },
  { name: "a quote ending with 。 folded into the bot's clause", pattern: /。[」』](?![\n]|$)/u },
  { name: "a doubled particle", pattern: /(?:がが|をを|にに|でで|へへ|のの(?!し))/u },
  { name: "a nominal こと before のこと", pattern: /こと[」』]?のこと/u },
  { name: "a bare yes/no quoted back", pattern: new RegExp(`[「『](?:${BARE})[」』]`, "u") },
  { name: "an empty quote", pattern: /[「『][」』]/u },
  { name: "a who with a polite ending before から", pattern: /(?:です|ですね|かな)から、/u },
];

/** The grammar faults in `message`, by name; empty when it reads well. */
export function grammarFaults(message: string): string[] {
  return RULES.filter((rule) => (rule.onlyIn === undefined || rule.onlyIn.test(message)) && rule.pattern.test(message)).map(
    (rule) => rule.name,
  );
}

const OPENING: Record<string, string> = { "「": "」", "『": "』" };
const CLOSING = new Set(Object.values(OPENING));

/** How many brackets (「」『』) of `message` are left without their partner or closed by the wrong kind. */
export function unbalancedBrackets(message: string): number {
  const open: string[] = [];
  let faults = 0;
  for (const char of message) {
    if (OPENING[char] !== undefined) open.push(char);
    else if (CLOSING.has(char)) {
      const top = open.at(-1);
      if (top !== undefined && OPENING[top] === char) open.pop();
      else faults += 1;
    }
  }
  return faults + open.length;
}

/**
 * How many sentences `text` holds: closing marks outside any bracket, a 「！」 or 「？」 that
 * closes an unbracketed quote (わかった！と思える) not counted, the last sentence counted even
 * without its mark.
 */
export function sentenceCount(text: string): number {
  const chars = [...text.trim()];
  let depth = 0;
  let count = 0;
  let open = false;
  chars.forEach((char, index) => {
    if (OPENING[char] !== undefined) depth += 1;
    else if (CLOSING.has(char)) depth = Math.max(0, depth - 1);
    const quoteCloses = /[！？!?]/u.test(char) && /^(?:と|って)/u.test(chars.slice(index + 1).join(""));
    if (depth === 0 && /[。．！？!?]/u.test(char) && !quoteCloses) {
      if (open) count += 1;
      open = false;
    } else if (!/\s/u.test(char)) open = true;
  });
  return count + (open ? 1 : 0);
}

/** The WILL sentences the bot offers in `message`: each line that is wholly 「…」 (after a mark ①②③) in a message about the WILL. */
export function offeredWills(message: string): string[] {
  if (!message.includes("WILL")) return [];
  return message
    .split("\n")
    .map((line) => /^[①②③]?「(.*)」$/u.exec(line.trim())?.[1])
    .filter((line): line is string => line !== undefined);
}

/** Words that belong to the one who thanked, never to the user's deed (相談にのってくれて, 助かった). */
const THANKERS_WORDS = /くれ|くださ|ありがとう|助か|感謝|お礼|おかげ/u;

/** A bot message that names a strength of the user. */
const NAMES_A_STRENGTH = /(?:が発揮されたんですね|が、あなたの持ち味なんですね|が表れていますね)/u;

/** Whether `message` hands the thanker's words back to the user as their strength (「『相談にのってくれた』――…力が…」). */
export function thankersWordsAsStrength(message: string): boolean {
  const quote = /^「([^」]*)」/u.exec(message)?.[1];
  return quote !== undefined && NAMES_A_STRENGTH.test(message) && THANKERS_WORDS.test(quote);
}
