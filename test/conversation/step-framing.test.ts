/**
 * The step and the length of the first session, over every persona's whole first session
 * (test/corpus/personas.ts): the step is framed as the method frames it (small activities for
 * fulfilment and growth that need no side-job permission) and never as 「お金を受け取らないので両立
 * できる」; the suggestions follow the WILL's who; and the length the bot announces is the median
 * length of the personas' sessions, counted.
 */
import { messages } from "../../src/dialogue";
import { defaultStepSuggestions, valueStepSuggestions, willStepThemes } from "../../src/dialogue/content";
import { personas } from "../corpus/personas";
import { botTexts, runPersona, type SessionCount } from "../helpers/persona-run";
import { createTranscript, type Transcript } from "../helpers/transcript";

/** The method's framing: the step needs no side-job permission. */
const NO_PERMISSION = /副業の許可がいらない/u;
/** The framing the method does not use: unpaid, so it fits beside the job (a promise the bot cannot keep). */
const UNPAID_SO_IT_FITS = /お金を受け取らない|報酬を受け取らない|無理なく両立|両立できます/u;

interface Run extends SessionCount {
  readonly name: string;
  readonly texts: readonly string[];
  readonly offered: readonly string[];
}

/**
 * How long a session takes a person, from what it asked of them: reading Japanese on a phone at
 * about 500 characters a minute, typing an answer with flick input (thinking included) at about
 * 30 characters a minute, and about 3 seconds to find and tap a quick reply.
 */
const READ_PER_MINUTE = 500;
const TYPED_PER_MINUTE = 30;
const TAP_SECONDS = 3;

function minutes(run: SessionCount): number {
  return run.read / READ_PER_MINUTE + run.typed / TYPED_PER_MINUTE + (run.taps * TAP_SECONDS) / 60;
}

function userId(name: string): string {
  return `U${name
    .replace(/[^a-z]/g, "")
    .padEnd(32, "0")
    .slice(0, 32)}`;
}

/** The step buttons offered at 「小さな一歩」 (the suggestions, without 自分で決める). */
function offeredSteps(t: Transcript): string[] {
  const ask = messages["session.action.ask"].split("\n")[0];
  const call = t.gateway.calls.find((made) =>
    made.messages.some((message) => (message as { text?: string }).text?.startsWith(ask) === true),
  );
  const message = call?.messages.find((sent) => (sent as { text?: string }).text?.startsWith(ask) === true) as
    { quickReply?: { items: { action: { label: string } }[] } } | undefined;
  return (message?.quickReply?.items ?? []).map((item) => item.action.label).slice(0, -1);
}

const runs: Run[] = [];

beforeAll(async () => {
  for (const persona of personas) {
    const t = createTranscript({ userId: userId(persona.name) });
    const count = await runPersona(t, persona);
    runs.push({ name: persona.name, texts: botTexts(t), offered: offeredSteps(t), ...count });
  }
});

function median(numbers: readonly number[]): number {
  const sorted = [...numbers].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

describe("the step, as the method frames it", () => {
  it("says in every persona's session that the step needs no side-job permission", () => {
    expect(runs.length).toBe(personas.length);
    expect(runs.filter((run) => !run.texts.some((text) => NO_PERMISSION.test(text))).map((run) => run.name)).toEqual([]);
  });

  it("never says in any persona's session that the step fits because it is unpaid", () => {
    const said = runs.flatMap((run) => run.texts.filter((text) => UNPAID_SO_IT_FITS.test(text)).map((text) => `${run.name}: ${text}`));
    expect(said).toEqual([]);
  });

  it("says the framing in one line of the step question", () => {
    const lines = messages["session.action.ask"].split("\n").filter((line) => NO_PERMISSION.test(line));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/やりがい/u);
    expect(lines[0]).toMatch(/収入のためではなく/u);
  });

  it("offers the nurse, whose WILL is about patients, steps about care and not a friend's worries", () => {
    const nurse = runs.find((run) => run.name === "nurse");
    expect(nurse?.offered.length).toBeGreaterThan(0);
    expect(nurse?.offered.filter((step) => /友人/u.test(step))).toEqual([]);
    expect(nurse?.offered.some((step) => /患者|ケア|認知症/u.test(step))).toBe(true);
  });

  it("offers no in-job task and no self-care as the parallel-career step", () => {
    const every = [
      ...willStepThemes.flatMap((theme) => theme.steps),
      ...Object.values(valueStepSuggestions).flat(),
      ...defaultStepSuggestions,
    ];
    const inJobOrSelfCare = /社内|後輩|部下|上司|本業|業務|自分のため|ふり返り|休む|読む|感謝を伝える/u;
    expect(every.filter(({ step }) => inJobOrSelfCare.test(step)).map(({ step }) => step)).toEqual([]);
    expect(every.filter(({ first }) => first.trim() === "")).toEqual([]);
  });

  it("gives every suggested step its first 15 minutes in the message that offers it", () => {
    const ask = messages["session.action.ask"].split("\n")[0];
    const asked = runs.flatMap((run) => run.texts.filter((text) => text.startsWith(ask)));
    expect(asked.length).toBeGreaterThan(0);
    for (const text of asked) {
      const options = text.split("\n").filter((line) => line.startsWith("・"));
      expect(options.length).toBeGreaterThan(0);
      for (const option of options) expect(option).toMatch(/（最初の15分：.+）$/u);
    }
  });
});

describe("the length of the first session", () => {
  it.each([
    { how: "follows the bot", start: (t: Transcript) => t.follow() },
    { how: "types before following", start: (t: Transcript) => t.say("こんにちは") },
  ])("sends at most two bubbles before the first tap when a new user $how: the greeting and the consent", async ({ start }) => {
    const t = createTranscript({ userId: userId("onboarding"), displayName: "山田" });
    await start(t);
    const sent = t.gateway.calls.flatMap((call) => call.messages) as { quickReply?: unknown }[];
    const firstTap = sent.findIndex((message) => message.quickReply !== undefined);
    expect(firstTap).toBeGreaterThanOrEqual(0);
    expect(firstTap + 1).toBeLessThanOrEqual(2);
  });

  it("announces as many questions as the median persona session takes", () => {
    const answers = median(runs.map((run) => run.answers));
    const stated = /(\d+)問ほど/u.exec(messages["session.intro"]);
    console.log(`First session answers per persona: ${runs.map((run) => `${run.name} ${run.answers}`).join(", ")}; median ${answers}`);
    expect(stated).not.toBeNull();
    expect(Number(stated?.[1])).toBe(Math.round(answers));
  });

  it("announces the minutes the median persona session takes, to the nearest five", () => {
    const taken = median(runs.map(minutes));
    const said = [messages["start.ask"], messages["session.intro"]].map((text) => /(\d+)分ほど/u.exec(text)?.[1]);
    console.log(
      `First session minutes per persona: ${runs.map((run) => `${run.name} ${minutes(run).toFixed(1)}`).join(", ")}; median ${taken.toFixed(1)}`,
    );
    expect(said).toEqual([String(Math.max(5, Math.round(taken / 5) * 5)), String(Math.max(5, Math.round(taken / 5) * 5))]);
  });
});
