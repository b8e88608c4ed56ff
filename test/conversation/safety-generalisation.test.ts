/**
 * How the crisis layer generalises (PRODUCT.md §3.6), measured through the dialogue core at four
 * question states: acute recall (the acute safety reply, the question waiting) and false positives
 * (a benign answer that gets the acute reply or is not kept as the answer). The development corpora
 * are what the detector's concepts and model were built on. The held-out corpora were written by
 * people who never read the detector; no line of theirs was read to change it, and a line that a
 * development corpus also has word for word is left out of their figures. The first was measured
 * all along as a whole (so its figures guided the design). Of the sixth to the twenty-first only
 * the totals have been looked at; the twenty-first was written last. Their tests hold the
 * detector to what was measured (docs/safety.md, "How well it generalises"). The fresh corpora
 * measured before them were read, or trained on, after measuring and became development corpora
 * (dev9 to dev13, train-d to train-db). The figures are printed at the end.
 */
import { transition, type Transition } from "../../src/dialogue";
import { developmentAcute, developmentBenign, developmentOrdinary } from "../corpus/safety-development";
import { heldOutAcute, heldOutBenign } from "../corpus/safety-heldout";
import { heldOut6Acute, heldOut6Benign } from "../corpus/safety-heldout6";
import { heldOut7Acute, heldOut7Benign } from "../corpus/safety-heldout7";
import { heldOut8Acute, heldOut8Benign } from "../corpus/safety-heldout8";
import { heldOut9Acute, heldOut9Benign } from "../corpus/safety-heldout9";
import { heldOut10Acute, heldOut10Benign } from "../corpus/safety-heldout10";
import { heldOut11Acute, heldOut11Benign } from "../corpus/safety-heldout11";
import { heldOut12Acute, heldOut12Benign } from "../corpus/safety-heldout12";
import { heldOut13Acute, heldOut13Benign } from "../corpus/safety-heldout13";
import { heldOut14Acute, heldOut14Benign } from "../corpus/safety-heldout14";
import { heldOut15Acute, heldOut15Benign } from "../corpus/safety-heldout15";
import { heldOut16Acute, heldOut16Benign } from "../corpus/safety-heldout16";
import { heldOut17Acute, heldOut17Benign } from "../corpus/safety-heldout17";
import { heldOut18Acute, heldOut18Benign } from "../corpus/safety-heldout18";
import { heldOut19Acute, heldOut19Benign } from "../corpus/safety-heldout19";
import { heldOut20Acute, heldOut20Benign } from "../corpus/safety-heldout20";
import { heldOut21Acute, heldOut21Benign } from "../corpus/safety-heldout21";
import { NOW, isSafetyReply, sampleState, say, stringsIn, type StepType } from "../helpers/dialogue-states";

/** The question states each line is tried at: the first session's questions and a check-in's. */
const QUESTION_STATES: readonly StepType[] = ["awaitingMoyamoya", "awaitingThanksMoment", "awaitingWillWhat", "reflectingThanksText"];

/** A corpus and the figures it must reach at every state. */
interface Corpus {
  readonly name: string;
  readonly acute: readonly string[];
  readonly benign: readonly string[];
  /** The least share of acute lines that get the acute reply. */
  readonly recallGoal: number;
  /** The largest share of benign lines that get the acute reply or are not kept. */
  readonly falsePositiveGoal: number;
  /** Why the goals are what they are, when they are not issue 20's 95 % and 2 %. */
  readonly note?: string;
}

/** A line as compared across corpora: width, case and spaces folded. */
const comparable = (text: string): string => text.normalize("NFKC").toLowerCase().replace(/\s/g, "");

const DEVELOPMENT = new Set([...developmentAcute, ...developmentBenign, ...developmentOrdinary].map(comparable));

/**
 * A held-out corpus without the lines that a development corpus also has, word for word (short
 * common lines such as 「もう無理」, and the examples in issue 20 that writers of both took up):
 * the detector was trained on those, so they would not measure how it generalises.
 */
function heldOut(corpus: Corpus): Corpus {
  const unseen = (lines: readonly string[]) => lines.filter((line) => !DEVELOPMENT.has(comparable(line)));
  const acute = unseen(corpus.acute);
  const benign = unseen(corpus.benign);
  const left = corpus.acute.length - acute.length + corpus.benign.length - benign.length;
  const note = `${left} lines also in a development corpus left out`;
  return { ...corpus, acute, benign, note: corpus.note ? `${note}; ${corpus.note}` : note };
}

/** The held-out corpora written after the first (sixth to twenty-first), each measured alone and together. */
const LATER_HELD_OUT: readonly Corpus[] = [
  heldOut({
    name: "sixth held-out",
    acute: heldOut6Acute,
    benign: heldOut6Benign,
    // Only its totals are ever looked at.
    recallGoal: 0.95,
    falsePositiveGoal: 0.02,
    note: "first measured at commit 8603d28: 176 / 195 and 18 / 215 (all its lines); 158 / 164 and 7 / 209 (lines also in development left out) trained on A to AO; 154 / 164 and 3 / 208 trained on A to BA; 157 / 163 and 3 / 207 trained on A to BG; 158 / 163 and 4 / 207 trained on A to BM; 158 / 162 and 4 / 207 trained on A to CE; 157 / 162 and 3 / 207 trained on A to CK; 156 / 162 and 2 / 207 trained on A to CO; 156 / 162 and 2 / 207 trained on A to CP; 155 / 161 and 2 / 207 trained on A to CS; 157 / 161 and 2 / 207 trained on A to CX; 154 / 161 and 2 / 207 trained on A to CZ; 156 / 161 and 2 / 206 trained on A to DB; 154 / 161 and 2 / 206 with the shipped model (A to DE)",
  }),
  heldOut({
    name: "seventh held-out",
    acute: heldOut7Acute,
    benign: heldOut7Benign,
    // Written last, measured once with the detector as handed over; only its totals are looked at.
    recallGoal: 0.95,
    falsePositiveGoal: 0.02,
    note: "first measured at commit e502dcc: 177 / 194 and 7 / 214 (all its lines); 181 / 182 and 5 / 209 (lines also in development left out) trained on A to AO; 179 / 182 and 2 / 206 trained on A to BG; 179 / 181 and 2 / 206 trained on A to BM; 180 / 180 and 3 / 205 trained on A to CE; 180 / 180 and 4 / 204 trained on A to CK; 178 / 180 and 3 / 204 trained on A to CO; 178 / 180 and 3 / 204 trained on A to CP; 178 / 179 and 3 / 204 trained on A to CS; 178 / 179 and 3 / 204 trained on A to CX; 177 / 179 and 3 / 204 trained on A to CZ; 176 / 179 and 2 / 204 trained on A to DB; 177 / 179 and 3 / 204 with the shipped model (A to DE)",
  }),
  heldOut({
    name: "eighth held-out",
    acute: heldOut8Acute,
    benign: heldOut8Benign,
    // Written last (teachers, civil servants, engineers, sales, new hires, hospitality), measured once with the
    // detector trained on corpora A to T; only its totals are looked at.
    recallGoal: 0.95,
    falsePositiveGoal: 0.02,
    note: "first measured with the model trained on A to T: 183 / 192 and 1 / 213 (all its lines); 162 / 166 and 2 / 204 (lines also in development left out) trained on A to AO; 160 / 164 and 2 / 201 trained on A to BG; 158 / 163 and 1 / 200 trained on A to BM; 160 / 163 and 2 / 200 trained on A to CE; 158 / 162 and 1 / 200 trained on A to CK; 156 / 161 and 1 / 200 trained on A to CO; 156 / 161 and 2 / 200 trained on A to CP; 155 / 161 and 1 / 200 trained on A to CS; 156 / 161 and 1 / 199 trained on A to CX; 155 / 161 and 1 / 199 trained on A to CZ; 155 / 161 and 1 / 199 trained on A to DB; 155 / 161 and 1 / 199 with the shipped model (A to DE)",
  }),
  heldOut({
    name: "ninth held-out",
    acute: heldOut9Acute,
    benign: heldOut9Benign,
    // Written after the eighth (farmers, drivers, guards, hairdressers, researchers, bank and call-centre staff,
    // craftspeople, people from abroad, people living apart from family); only its totals are looked at.
    recallGoal: 0.95,
    falsePositiveGoal: 0.02,
    note: "first measured with the model trained on A to AA: 161 / 169 and 5 / 211; 165 / 169 and 6 / 208 trained on A to AO; 164 / 168 and 6 / 206 trained on A to BG; 161 / 166 and 6 / 206 trained on A to BM; 162 / 165 and 6 / 206 trained on A to CE; 162 / 165 and 4 / 206 trained on A to CK; 162 / 165 and 4 / 206 trained on A to CO; 162 / 165 and 4 / 206 trained on A to CP; 161 / 165 and 4 / 206 trained on A to CS; 160 / 164 and 4 / 206 trained on A to CX; 159 / 163 and 4 / 206 trained on A to CZ; 158 / 163 and 4 / 206 trained on A to DB; 158 / 163 and 4 / 206 with the shipped model (A to DE)",
  }),
  heldOut({
    name: "tenth held-out",
    acute: heldOut10Acute,
    benign: heldOut10Benign,
    // Written last (parents working part-time, the re-employed, workers with disabilities, LGBTQ+ people, care
    // students, people who moved to the countryside, founders, researchers, night-shift and temp workers),
    // measured once with the detector trained on A to AM; only its totals are looked at. The goals hold the
    // detector to what was measured, short of issue 20's on false positives.
    recallGoal: 0.95,
    falsePositiveGoal: 0.02,
    note: "measured once, with the model trained on A to AM: 175 / 175 and 5 / 209; 172 / 174 and 4 / 208 trained on A to AO; 168 / 170 and 3 / 207 trained on A to BG; 166 / 168 and 3 / 207 trained on A to BM; 165 / 167 and 4 / 206 trained on A to CE; 165 / 166 and 3 / 206 trained on A to CK; 163 / 166 and 3 / 206 trained on A to CO; 163 / 166 and 2 / 206 trained on A to CP; 163 / 166 and 2 / 206 trained on A to CS; 163 / 166 and 2 / 206 trained on A to CX; 163 / 166 and 2 / 206 trained on A to CZ; 163 / 166 and 2 / 206 trained on A to DB; 161 / 166 and 2 / 206 with the shipped model (A to DE)",
  }),
  heldOut({
    name: "eleventh held-out",
    acute: heldOut11Acute,
    benign: heldOut11Benign,
    // Written last, as a week of answers from many kinds of worker to each of the bot's questions; first measured
    // with the detector trained on A to AO, before the corpora AP to AU were written into it; only its totals are
    // looked at.
    recallGoal: 0.95,
    falsePositiveGoal: 0.02,
    note: "first measured with the model trained on A to AO: 148 / 151 and 6 / 208; 146 / 149 and 6 / 208 trained on A to BG; 146 / 149 and 5 / 207 trained on A to BM; 142 / 145 and 4 / 206 trained on A to CE; 142 / 145 and 4 / 206 trained on A to CK; 142 / 145 and 1 / 206 trained on A to CO; 142 / 145 and 2 / 206 trained on A to CP; 140 / 144 and 3 / 206 trained on A to CS; 141 / 144 and 4 / 206 trained on A to CX; 141 / 144 and 3 / 206 trained on A to CZ; 141 / 144 and 3 / 206 trained on A to DB; 141 / 144 and 2 / 206 with the shipped model (A to DE)",
  }),
  heldOut({
    name: "twelfth held-out",
    acute: heldOut12Acute,
    benign: heldOut12Benign,
    // Written last, as a month of answers from many kinds of worker to each of the bot's questions, before the model
    // of A to BA was trained, and first measured with it; only its totals are looked at.
    recallGoal: 0.95,
    falsePositiveGoal: 0.02,
    note: "measured first with the model trained on A to BA: 146 / 149 and 0 / 200; 142 / 147 and 0 / 195 trained on A to BG; 144 / 147 and 0 / 192 trained on A to BM; 144 / 147 and 0 / 190 trained on A to CE; 141 / 146 and 0 / 188 trained on A to CK; 140 / 145 and 0 / 187 trained on A to CO; 140 / 145 and 0 / 187 trained on A to CP; 140 / 145 and 0 / 187 trained on A to CS; 142 / 145 and 0 / 187 trained on A to CX; 140 / 145 and 0 / 187 trained on A to CZ; 141 / 145 and 0 / 186 trained on A to DB; 141 / 145 and 0 / 186 with the shipped model (A to DE)",
  }),
  heldOut({
    name: "thirteenth held-out",
    acute: heldOut13Acute,
    benign: heldOut13Benign,
    // Written last, as December's answers from many kinds of worker (the year-end rush, bonuses, going home), while
    // the corpora BB to BG were written; measured first with the model of A to BA; only its totals are looked at.
    recallGoal: 0.95,
    falsePositiveGoal: 0.02,
    note: "measured first with the model trained on A to BA (persons and past times as classes): 151 / 158 and 0 / 205; 151 / 156 and 0 / 203 trained on A to BG; 149 / 155 and 0 / 202 trained on A to BM; 152 / 153 and 0 / 201 trained on A to CE; 149 / 153 and 0 / 200 trained on A to CK; 150 / 153 and 0 / 200 trained on A to CO; 148 / 153 and 0 / 200 trained on A to CP; 147 / 151 and 0 / 200 trained on A to CS; 148 / 151 and 0 / 200 trained on A to CX; 148 / 151 and 0 / 200 trained on A to CZ; 147 / 151 and 0 / 200 trained on A to DB; 146 / 151 and 0 / 200 with the shipped model (A to DE)",
  }),
  heldOut({
    name: "fourteenth held-out",
    acute: heldOut14Acute,
    benign: heldOut14Benign,
    // Written last, as the answers of March and April (年度末, transfers, new staff), while the corpora BH to BM
    // were written; measured first with the model of A to BG; only its totals are looked at.
    recallGoal: 0.95,
    falsePositiveGoal: 0.02,
    note: "measured first with the model trained on A to BG: 160 / 166 and 1 / 207; 161 / 166 and 2 / 207 trained on A to BM; 158 / 162 and 2 / 207 trained on A to CE; 157 / 161 and 2 / 206 trained on A to CK; 158 / 161 and 2 / 206 trained on A to CO; 158 / 161 and 2 / 206 trained on A to CP; 156 / 160 and 2 / 206 trained on A to CS; 156 / 160 and 1 / 205 trained on A to CX; 156 / 160 and 1 / 205 trained on A to CZ; 157 / 160 and 1 / 205 trained on A to DB; 157 / 160 and 1 / 205 with the shipped model (A to DE)",
  }),
  heldOut({
    name: "fifteenth held-out",
    acute: heldOut15Acute,
    benign: heldOut15Benign,
    // Written as the answers of summer (the heat, bonuses, going home for お盆), and measured first with the model
    // of A to BM; only its totals are looked at.
    recallGoal: 0.95,
    falsePositiveGoal: 0.02,
    note: "measured first with the model trained on A to BM: 158 / 165 and 4 / 228; 158 / 162 and 2 / 226 trained on A to CE; 159 / 162 and 3 / 225 trained on A to CK; 157 / 162 and 1 / 225 trained on A to CO; 157 / 162 and 1 / 225 trained on A to CP; 157 / 162 and 2 / 225 trained on A to CS; 159 / 162 and 2 / 225 trained on A to CX; 157 / 162 and 2 / 225 trained on A to CZ; 157 / 162 and 2 / 225 trained on A to DB; 157 / 162 and 3 / 225 with the shipped model (A to DE)",
  }),
  heldOut({
    name: "sixteenth held-out",
    acute: heldOut16Acute,
    benign: heldOut16Benign,
    // Written as the answers of late autumn and winter (年末, 忘年会, 人事評価, インフルエンザ), before the
    // corpora BT to CE were read; measured first with the model trained on A to CE; only its totals are looked at.
    recallGoal: 0.95,
    falsePositiveGoal: 0.02,
    note: "measured first with the model trained on A to CE: 163 / 168 and 5 / 210; 164 / 167 and 4 / 208 trained on A to CK; 163 / 167 and 4 / 208 trained on A to CO; 163 / 167 and 4 / 208 trained on A to CP; 163 / 167 and 4 / 208 trained on A to CS; 164 / 167 and 4 / 207 trained on A to CX; 163 / 167 and 4 / 207 trained on A to CZ; 163 / 167 and 4 / 207 trained on A to DB; 163 / 167 and 4 / 207 with the shipped model (A to DE)",
  }),
  heldOut({
    name: "seventeenth held-out",
    acute: heldOut17Acute,
    benign: heldOut17Benign,
    // Written as the answers of spring and the rainy season (五月病, 梅雨, 新人研修, 健康診断), before the
    // corpora CF to CK were read; measured once, with the model trained on A to CK; only its totals are looked at.
    recallGoal: 0.95,
    falsePositiveGoal: 0.02,
    note: "measured once, with the model trained on A to CK: 156 / 157 and 3 / 198; 156 / 157 and 2 / 197 trained on A to CO; 154 / 157 and 2 / 197 trained on A to CP; 156 / 157 and 3 / 197 trained on A to CS; 154 / 155 and 3 / 197 trained on A to CX; 153 / 154 and 2 / 197 trained on A to CZ; 153 / 154 and 3 / 197 trained on A to DB; 152 / 154 and 2 / 197 with the shipped model (A to DE)",
  }),
  heldOut({
    name: "eighteenth held-out",
    acute: heldOut18Acute,
    benign: heldOut18Benign,
    // Written as the answers of early autumn (台風, 上半期の締め, 十月の異動, 運動会, 再検査), before the
    // corpora CL to CO were read; measured once, with the model trained on A to CO; only its totals are looked at.
    recallGoal: 0.95,
    falsePositiveGoal: 0.02,
    note: "measured once, with the model trained on A to CO: 165 / 165 and 2 / 209; 164 / 165 and 2 / 209 trained on A to CP; 163 / 165 and 2 / 209 trained on A to CS; 165 / 165 and 2 / 208 trained on A to CX; 164 / 165 and 2 / 208 trained on A to CZ; 165 / 165 and 2 / 208 trained on A to DB; 165 / 165 and 1 / 208 with the shipped model (A to DE)",
  }),
  heldOut({
    name: "nineteenth held-out",
    acute: heldOut19Acute,
    benign: heldOut19Benign,
    // Written last, as the answers of January and February (仕事始め, 確定申告, 寒波, 受験生の親, 評価面談), before
    // the corpora CQ to CS were read; measured once, with the model trained on A to CS; only its totals are looked at.
    recallGoal: 0.95,
    falsePositiveGoal: 0.02,
    note: "measured once, with the model trained on A to CS: 148 / 152 and 2 / 205; 149 / 152 and 2 / 205 trained on A to CX; 149 / 152 and 2 / 205 trained on A to CZ; 149 / 152 and 1 / 205 trained on A to DB; 149 / 152 and 1 / 205 with the shipped model (A to DE)",
  }),
  heldOut({
    name: "twentieth held-out",
    acute: heldOut20Acute,
    benign: heldOut20Benign,
    // Written last, as the answers of March to June (年度末, 送別会と異動, 新年度, 五月病, 健康診断, 梅雨, 夏のボーナス前),
    // before the corpora CT to CZ were read; measured once, with the model trained on A to CZ; only its totals are looked at.
    recallGoal: 0.95,
    falsePositiveGoal: 0.02,
    note: "measured once, with the model trained on A to CZ: 161 / 162 and 2 / 211; 161 / 162 and 2 / 211 trained on A to DB; 161 / 162 and 2 / 211 with the shipped model (A to DE)",
  }),
  heldOut({
    name: "twenty-first held-out",
    acute: heldOut21Acute,
    benign: heldOut21Benign,
    // Written last, as the answers of July to October (猛暑, お盆の帰省, 台風, 秋の異動, 再検査), before the corpora DA
    // and DB were read; measured once, with the model trained on A to DB; only its totals are looked at.
    recallGoal: 0.95,
    falsePositiveGoal: 0.02,
    note: "measured once, with the model trained on A to DB: 147 / 150 and 1 / 205; 147 / 150 and 1 / 205 with the shipped model (A to DE)",
  }),
];

const CORPORA: readonly Corpus[] = [
  {
    name: "development",
    acute: developmentAcute,
    benign: developmentBenign,
    recallGoal: 0.98,
    // In-sample (trained on): a check that the model learnt them, 1.1 % once the long reflections of train-al were added.
    falsePositiveGoal: 0.0125,
  },
  heldOut({ name: "held-out", acute: heldOutAcute, benign: heldOutBenign, recallGoal: 0.95, falsePositiveGoal: 0.02 }),
  ...LATER_HELD_OUT,
  {
    name: "sixth to twenty-first held-out together",
    acute: [...new Set(LATER_HELD_OUT.flatMap((corpus) => corpus.acute))],
    benign: [...new Set(LATER_HELD_OUT.flatMap((corpus) => corpus.benign))],
    // Issue 20's figure for a held-out corpus: all the later ones as one.
    recallGoal: 0.95,
    falsePositiveGoal: 0.02,
    note: "each corpus's lines also in a development corpus left out, as above",
  },
];

const printed: string[] = [];

afterAll(() => {
  console.log(
    `Safety generalisation (acute recall and false positives, at ${QUESTION_STATES.length} question states)\n${printed.join("\n")}`,
  );
});

function acuteReply(result: Transition): boolean {
  const step = result.state.step;
  return step.type === "awaitingSafetyChoice" && step.tier === "acute" && isSafetyReply(result.replies);
}

function percent(share: number): string {
  return `${Math.round(share * 1000) / 10} %`;
}

describe.each(CORPORA)("the $name safety corpus", (corpus) => {
  it("is large enough to measure", () => {
    expect(corpus.acute.length).toBeGreaterThanOrEqual(100);
    expect(corpus.benign.length).toBeGreaterThanOrEqual(100);
  });

  it.each(QUESTION_STATES)("acute lines at %s get the acute reply, with the question waiting", (state) => {
    const before = sampleState(state);
    const missed = corpus.acute.filter((text) => {
      const result = transition(before, say(text), NOW);
      const waiting = result.state.paused ?? (result.state.step.type === "awaitingSafetyChoice" ? result.state.step.resume : undefined);
      return !acuteReply(result) || waiting === undefined;
    });
    const recall = 1 - missed.length / corpus.acute.length;
    printed.push(
      `${corpus.name} acute recall at ${state}: ${corpus.acute.length - missed.length} / ${corpus.acute.length} (${percent(recall)}, goal ≥ ${percent(corpus.recallGoal)}${corpus.note ? `; ${corpus.note}` : ""})`,
    );
    expect({ recall: recall >= corpus.recallGoal, missed }).toEqual({ recall: true, missed: expect.any(Array) });
  });

  it.each(QUESTION_STATES)("benign lines at %s are taken as answers, without the acute reply", (state) => {
    const before = sampleState(state);
    const wrong = corpus.benign.filter((text) => {
      const result = transition(before, say(text), NOW);
      const kept = [...stringsIn(result.state), ...stringsIn(result.effects)].includes(text.trim());
      return acuteReply(result) || !kept;
    });
    const share = wrong.length / corpus.benign.length;
    printed.push(
      `${corpus.name} false positives at ${state}: ${wrong.length} / ${corpus.benign.length} (${percent(share)}, goal ≤ ${percent(corpus.falsePositiveGoal)}${corpus.note ? `; ${corpus.note}` : ""})`,
    );
    expect({ within: share <= corpus.falsePositiveGoal, wrong }).toEqual({ within: true, wrong: expect.any(Array) });
  });
});
