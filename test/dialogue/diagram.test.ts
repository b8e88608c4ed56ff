/** The committed state diagram matches the machine, and the walk behind it covers every step. */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import {
  DIAGRAM_DOC_PATH,
  DIAGRAM_NOW,
  dialogueDocument,
  exploreDialogue,
  questionLine,
  stateKey,
  toMermaid,
  truncate,
} from "../../scripts/lib/dialogue-graph";
import { labels } from "../../src/dialogue/content";
import { COMMAND_IDS } from "../../src/dialogue/postback";
import { initialState } from "../../src/dialogue/state";
import { STEP_TYPES } from "../../src/dialogue/step";

const graph = exploreDialogue(DIAGRAM_NOW);

describe("the dialogue diagram", () => {
  it("in docs/dialogue.md is the one the machine gives (else run npm run diagram)", () => {
    const path = join(__dirname, "..", "..", DIAGRAM_DOC_PATH);
    const committed = existsSync(path) ? readFileSync(path, "utf8") : null;
    if (committed !== dialogueDocument(graph))
      throw new Error(`${DIAGRAM_DOC_PATH} is out of date with the dialogue core: run npm run diagram and commit it.`);
  });

  it("comes from a walk that reaches every step type", () => {
    expect(graph.unreached).toEqual([]);
    expect(graph.steps.map((step) => step.type)).toEqual([...STEP_TYPES]);
  });

  it("comes from a walk that ended before its state limit", () => {
    expect(graph.complete).toBe(true);
  });

  it("is the same on a second walk", () => {
    expect(dialogueDocument(exploreDialogue(DIAGRAM_NOW))).toBe(dialogueDocument(graph));
  });

  it("never sees an offered button answered as stale", () => {
    expect(graph.staleButtons).toEqual([]);
  });

  it("finds every any-time command working at every step", () => {
    for (const step of graph.steps) expect([step.type, step.commands]).toEqual([step.type, [...COMMAND_IDS]]);
  });

  it("has one node per step, starts at new and leads back to new after deleting", () => {
    const mermaid = toMermaid(graph);
    expect(mermaid.split("\n")[0]).toBe("stateDiagram-v2");
    for (const type of STEP_TYPES) expect(mermaid).toMatch(new RegExp(`^ *${type} : `, "m"));
    expect(mermaid).toContain("[*] --> new");
    expect(mermaid).toMatch(new RegExp(`^ *awaitingDeleteConfirm --> new : ${labels["delete.confirm"]}$`, "m"));
  });

  it("records the first-session path from the consent to the first question", () => {
    const moves = graph.edges.map((edge) => `${edge.from} -> ${edge.to} : ${edge.label}`);
    expect(moves).toEqual(
      expect.arrayContaining([
        "new -> awaitingConsent : follow",
        `awaitingConsent -> awaitingStartChoice : ${labels["consent.agree"]}`,
        `awaitingStartChoice -> awaitingWorkScore : ${labels["start.now"]}`,
        `awaitingWorkScore -> awaitingMoyamoya : ${labels["workScore.3"]}`,
      ]),
    );
  });
});

describe("the diagram's helpers", () => {
  it("take the asking line of a prompt over an echo of the user's words", () => {
    expect(questionLine([{ type: "text", text: "「資料づくり」という場面ですね。\nそのとき、どんな気持ちに？" }])).toBe(
      "そのとき、どんな気持ちに？",
    );
    expect(questionLine([{ type: "text", text: "一行目です。\n二行目です。" }])).toBe("一行目です。");
  });

  it("cut descriptions with an ellipsis only when too long", () => {
    expect(truncate("あいうえお", 5)).toBe("あいうえお");
    expect(truncate("あいうえおか", 5)).toBe("あいうえ…");
  });

  it("tell states apart by the draft's moments but not by the words in them", () => {
    const base = { ...initialState(), draft: { workScore: null, moments: [], values: [], ownValues: [], willWho: null, willWhat: null } };
    const moment = { text: "a", source: "thanked" as const, feeling: null, deed: null };
    const one = { ...base, draft: { ...base.draft, moments: [moment] } };
    const oneOther = { ...base, draft: { ...base.draft, moments: [{ ...moment, text: "b" }] } };
    expect(stateKey(one)).not.toBe(stateKey(base));
    expect(stateKey(one)).toBe(stateKey(oneOther));
  });
});
