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

/** A message holding a WILL sentence. */
const WILL_SENTENCE = /言われる人になる/u;

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
