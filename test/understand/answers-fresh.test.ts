/**
 * Short answers as people nobody here had read type them (test/corpus/answers-fresh.ts): how many
 * get the meaning their writer meant, and that a reply which tells something is never read as a
 * button. The figures are printed at the end.
 */
import { answerMeaning, type AnswerMeaning } from "../../src/dialogue/understand/answers";
import { freeAnswerTraps, freshAnswersA, freshAnswersB, freshAnswersC, freshAnswersD, type FreshAnswer } from "../corpus/answers-fresh";

/** The meanings each kind of question expects, as the dialogue asks them. */
const EXPECTED: Record<FreshAnswer["question"], readonly AnswerMeaning[]> = {
  open: ["none", "later"],
  confirm: ["yes", "no", "later"],
  anythingElse: ["more", "next"],
  checkIn: ["done", "partly", "notYet", "later"],
};

const CORPORA = [
  { name: "first fresh set", lines: freshAnswersA },
  { name: "second fresh set", lines: freshAnswersB },
  { name: "third fresh set", lines: freshAnswersC },
  { name: "fourth fresh set", lines: freshAnswersD },
];

const read = (line: FreshAnswer): string => answerMeaning(line.text, EXPECTED[line.question]) ?? "free";

const printed: string[] = [];
afterAll(() => console.log(`Short answers in fresh words\n${printed.join("\n")}`));

describe.each(CORPORA)("the $name of short answers", ({ name, lines }) => {
  it("has replies of every kind", () => {
    expect(new Set(lines.map((line) => `${line.question}/${line.meaning}`)).size).toBeGreaterThanOrEqual(12);
  });

  it("reads at least 95 % of them as their writer meant", () => {
    const right = lines.filter((line) => read(line) === line.meaning).length;
    printed.push(`${name}: ${right} / ${lines.length} read as meant (${Math.round((right / lines.length) * 1000) / 10} %, goal ≥ 95 %)`);
    expect(right / lines.length).toBeGreaterThanOrEqual(0.95);
  });

  it("keeps every reply that tells something as an answer", () => {
    const taken = lines.filter((line) => line.meaning === "free" && read(line) !== "free").map((line) => line.text);
    expect(taken).toEqual([]);
  });
});

describe("replies that tell something in the words of short answers", () => {
  it("are all kept as answers", () => {
    const taken = freeAnswerTraps.filter((line) => answerMeaning(line.text, EXPECTED[line.question]) !== null).map((line) => line.text);
    printed.push(
      `replies that tell something in short answers' words: ${freeAnswerTraps.length - taken.length} / ${freeAnswerTraps.length} kept as answers (goal all)`,
    );
    expect(taken).toEqual([]);
  });
});
