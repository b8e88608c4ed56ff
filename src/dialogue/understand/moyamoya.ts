/**
 * Reflecting what feels off at work (もやもや) as a counsellor would: the feelings named in a
 * short paraphrase, never the sentence quoted back, never a fact turned into a mere perception.
 * Pure; the feelings and their wording live in `../content/moyamoya`.
 */
import {
  moyamoyaAbout,
  moyamoyaFallback,
  moyamoyaFeelings,
  moyamoyaNotTopics,
  moyamoyaTopicBefore,
  type MoyamoyaFeeling,
} from "../content/moyamoya";
import { isBareAnswer, tidy } from "./endings";

/** How many feelings one reflection names at most. */
const MAX_FEELINGS = 2;

/** How much of a message (UTF-16 units) is read for its feelings. */
const ANALYSED_LENGTH = 600;

/**
 * A short paraphrase of the feelings `text` shows (「終わりが見えない感じが続いているんですね。
 * 焦りもあるんですね。」), in the order the user told them; a short line naming the もやもや
 * when none is recognised; "" for a bare answer. Feelings the user names (焦り, 不安) are
 * never left out; situations fill the rest, at most two in all.
 */
export function reflectMoyamoya(full: string): string {
  const text = tidy(full.length > ANALYSED_LENGTH ? full.slice(0, ANALYSED_LENGTH) : full);
  if (isBareAnswer(text)) return "";
  const found = moyamoyaFeelings
    .map((feeling) => ({ feeling, at: firstIndex(text, feeling) }))
    .filter((hit): hit is { feeling: MoyamoyaFeeling; at: number } => hit.at >= 0);
  const named = found.filter((hit) => hit.feeling.named === true).sort((a, b) => a.at - b.at);
  const others = found.filter((hit) => hit.feeling.named !== true).sort((a, b) => a.at - b.at);
  const chosen = [...named, ...others].slice(0, MAX_FEELINGS).sort((a, b) => a.at - b.at);
  if (chosen.length === 0) {
    const topic = moyamoyaTopic(text);
    return topic === null ? moyamoyaFallback : moyamoyaAbout(topic);
  }
  return chosen.map((hit, index) => (index === 0 ? hit.feeling.first : hit.feeling.also)).join("");
}

/** Where the first cue of `feeling` appears in `text`, or -1. */
function firstIndex(text: string, feeling: MoyamoyaFeeling): number {
  const positions = feeling.cues.map((cue) => text.indexOf(cue)).filter((at) => at >= 0);
  return positions.length === 0 ? -1 : Math.min(...positions);
}

/** {@link moyamoyaTopicBefore}, compiled once. */
const TOPIC_BEFORE_MOYAMOYA = new RegExp(moyamoyaTopicBefore, "u");

/** Longest topic named back, in characters. */
const MAX_TOPIC = 16;

/** What the user tied the もやもや to, in their words, or null. */
function moyamoyaTopic(text: string): string | null {
  const topic = TOPIC_BEFORE_MOYAMOYA.exec(text)?.[1];
  if (topic === undefined || topic.length < 2 || topic.length > MAX_TOPIC) return null;
  return moyamoyaNotTopics.some((word) => topic === word || (topic.startsWith(word) && topic.length - word.length <= 3)) ? null : topic;
}
