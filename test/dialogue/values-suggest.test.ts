/**
 * The values the user's own words suggest: each suggestion names the words that suggested it,
 * whole words (手伝う, never 手伝); cues that misread a story are gone (一緒 is not teamwork,
 * 丁寧 is not the user's need for security); 安心・安定 comes only from the user's own footing.
 */
import { values } from "../../src/dialogue/content";
import { suggestValues, valuesPrompt } from "../../src/dialogue/values-prompt";
import { personas } from "../corpus/personas";
import { sampleState, textOf } from "../helpers/dialogue-states";

/** The values step as a user with these moments (text and deed) meets it. */
function promptFor(moments: readonly { text: string; deed: string }[]): string {
  const state = sampleState("awaitingValues");
  const draft = state.draft ?? undefined;
  if (draft === undefined) throw new Error("the values sample has no draft");
  const told = moments.map(({ text, deed }) => ({ text, deed, source: "thanked" as const, feeling: null }));
  return textOf(valuesPrompt({ ...state, draft: { ...draft, moments: told, values: [], ownValues: [] } }));
}

/** The words the prompt names as cues, from its 「…」 after each suggested value. */
function namedCues(prompt: string): string[] {
  return [...prompt.matchAll(/（「([^）]*)」から）/gu)].flatMap((match) => (match[1] ?? "").split("」「"));
}

describe("value suggestions", () => {
  it("name a verb by its whole word, never a stem", () => {
    const prompt = promptFor([{ text: "保育園の先生に、行事の準備を手伝ってくれて助かりましたと言われました", deed: "手伝いました" }]);
    expect(namedCues(prompt)).toContain("手伝う");
    expect(prompt).not.toContain("「手伝」");
  });

  it.each(personas)("for $name, name the words behind each suggestion, each a word of the content's cues", (persona) => {
    const prompt = promptFor(persona.moments);
    const suggested = suggestValues(persona.moments.flatMap((m) => [m.text, m.deed]));
    const lines = prompt.split("\n").filter((line) => line.startsWith("・"));
    expect(lines).toHaveLength(suggested.length);
    const known = new Set(Object.values(values).flatMap((value) => value.cues.map((cue) => cue.word)));
    for (const line of lines) expect(namedCues(line).length).toBeGreaterThan(0);
    for (const cue of namedCues(prompt)) expect(known.has(cue)).toBe(true);
  });

  it("do not read helping someone through a form together as teamwork", () => {
    const ids = suggestValues([
      "窓口で手続きに迷っていたおばあさんに、最後まで付き添った",
      "書類を一緒に確認して、隣の課まで案内しました",
    ]).map((s) => s.id);
    expect(ids).not.toContain("teamwork");
    expect(ids).toContain("helpOthers");
  });

  it("do not read care given to others as the user's need for security", () => {
    const ids = suggestValues(["丁寧に説明してくれてありがとうと言われた", "安心して相談できると言われた", "ミスなく正確に仕上げた"]).map(
      (s) => s.id,
    );
    expect(ids).not.toContain("stability");
  });

  it("read 安心・安定 from words about the user's own footing", () => {
    expect(suggestValues(["長く働ける職場で、安定した毎日を送りたい"]).map((s) => s.id)).toContain("stability");
  });
});
