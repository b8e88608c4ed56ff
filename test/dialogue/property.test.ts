/**
 * Property tests of the dialogue core: random walks from a new user, driving `advance` the
 * way the webhook does (state stored as JSON between turns, dropped when data is deleted,
 * entries kept as the store keeps them), with time moving on between turns, sometimes by
 * days. Inputs mix taps on the buttons the previous turn really offered (so a walk gets deep
 * into the first session), typed commands, odd text, stale and forged postbacks, picker
 * values, media and follow/unfollow. The seed is fixed, so a failure is reproducible.
 */
import fc from "fast-check";
import { recordsReplies } from "../../src/dialogue/cards";
import type { StoredEntry } from "../../src/model/entry";
import { commandWords, feelings, values, willWhoChoices } from "../../src/dialogue/content";
import { acute, distress } from "../corpus/safety";
import { MAX_ANSWER_LENGTH, MAX_REPLIES, type Transition } from "../../src/dialogue/flow";
import type { Input, MediaKind, PickedDateTime } from "../../src/dialogue/input";
import { answerData, COMMAND_IDS, commandData, decodePostback, MAX_POSTBACK_DATA, TOPICS } from "../../src/dialogue/postback";
import type { Choice, Reply } from "../../src/dialogue/reply";
import { restoreState } from "../../src/dialogue/restore";
import { emptyCare, emptyProfile, VALUE_IDS, type UserState } from "../../src/dialogue/state";
import { assessSafety } from "../../src/dialogue/understand/safety";
import { careCheckDue } from "../../src/dialogue/care";
import { STEP_TYPES } from "../../src/dialogue/step";
import { advance, promptFor } from "../../src/dialogue";
import { checkMessages } from "../../src/line/limits";
import { renderReplies } from "../../src/line/render";
import { tokyoDate } from "../../src/calendar/schedule";
import {
  charCount,
  deliveredReplies,
  expectEndsWithQuestion,
  lastChoices,
  LONG_EMOJI_TEXT,
  LONG_TEXT,
  NOW,
  sampleStates,
  stringsIn,
  tapOf,
} from "../helpers/dialogue-states";

const SEED = 20261124;
const RUNS = 300;
/** How long one property over all the walks may take: a bound on a stuck run, not a measure of speed. */
const WALK_TIMEOUT_MS = 180_000;
const STEPS = 50;
const DAY_MS = 24 * 60 * 60 * 1000;

/** What the user does next: tap one of the offered buttons, or send a prepared input. */
type Action =
  | { kind: "tap"; index: number; validPick: boolean; pickDays: number; pickTime: string; badPick: PickedDateTime }
  | { kind: "send"; input: Input };

/** One turn of a walk: wait `gapMs`, then act. */
interface Turn {
  gapMs: number;
  action: Action;
}

/** A walk: when it starts and what the user does. */
interface Walk {
  start: number;
  turns: Turn[];
}

const send = (input: Input): Action => ({ kind: "send", input });
const text = (value: string): Input => ({ type: "textReceived", text: value });

const hhmm = fc
  .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
  .map(([h, m]) => `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`);
const garbagePick: fc.Arbitrary<PickedDateTime> = fc.oneof(
  fc.constantFrom<PickedDateTime>(
    {},
    { date: "" },
    { date: "2026-02-30" },
    { date: "2020-01-01" },
    { date: "2026/12/01" },
    { time: "25:00" },
    { time: "7:30" },
    { time: "" },
    { datetime: "2026-12-01T10:00" },
    { date: "12:00" },
  ),
  fc.record({ date: fc.string({ maxLength: 12 }) }),
  fc.record({ time: fc.string({ maxLength: 6 }) }),
);

const tapAction: fc.Arbitrary<Action> = fc.record({
  kind: fc.constant("tap" as const),
  index: fc.nat({ max: 1000 }),
  validPick: fc.boolean(),
  pickDays: fc.integer({ min: -3, max: 400 }),
  pickTime: hhmm,
  badPick: garbagePick,
});

const allCommandWords = COMMAND_IDS.flatMap((id) => commandWords[id]);
const commandAction: fc.Arbitrary<Action> = fc.oneof(
  fc.constantFrom(...allCommandWords).map((word) => send(text(word))),
  fc.constantFrom(...allCommandWords).map((word) => send(text(` 「${word.normalize("NFKD")}」！ `))),
  fc.constantFrom(...COMMAND_IDS).map((id) => send({ type: "postbackReceived", data: commandData(id) })),
);

const fittingAnswers = [
  "1",
  "3",
  "５",
  "2です",
  "思いつかない",
  "スキップ",
  "なし",
  "次へ",
  "決定",
  "もう一つ",
  "しっくりくる",
  "あとで",
  "今週中",
  "今月中",
  "12/31",
  "2026-11-30",
  "1/5",
  "7:30",
  "21時",
  "6時15分",
  "毎日",
  "平日",
  "月曜",
  "金",
  "いらない",
  ...feelings,
  ...willWhoChoices,
  ...VALUE_IDS.map((id) => values[id].label),
];
const hiraganaKatakanaKanji = fc
  .oneof(fc.integer({ min: 0x3041, max: 0x30fa }), fc.integer({ min: 0x4e00, max: 0x9fa0 }))
  .map((code) => String.fromCharCode(code));
const emoji = fc.constantFrom("😀", "🙏", "👍🏽", "👨‍👩‍👧", "🇯🇵", "❤️", "✨");
const oddText = fc.constantFrom(
  "",
  " ",
  "\u3000",
  "\n\n",
  "\u200b",
  "\u200b\u200b\u200b",
  "\u0000\u0001\u001f",
  "\ud800",
  "\u202e右から左",
  "  ヘルプがほしい  ",
  LONG_TEXT,
  LONG_EMOJI_TEXT,
  "a".repeat(5000),
  `${"い".repeat(999)}😀😀`,
  "\u200b".repeat(5000),
);
const textAction: fc.Arbitrary<Action> = fc
  .oneof(
    { arbitrary: fc.constantFrom(...fittingAnswers), weight: 4 },
    { arbitrary: fc.string({ unit: hiraganaKatakanaKanji, maxLength: 60 }), weight: 3 },
    { arbitrary: fc.string({ maxLength: 40 }), weight: 1 },
    { arbitrary: fc.string({ unit: "grapheme", maxLength: 30 }), weight: 1 },
    { arbitrary: fc.array(emoji, { maxLength: 10 }).map((parts) => parts.join("")), weight: 1 },
    { arbitrary: oddText, weight: 2 },
    { arbitrary: fc.constantFrom(...acute.slice(0, 20), ...distress.slice(0, 10)).map((word) => `なんだか${word}`), weight: 1 },
  )
  .map((value) => send(text(value)));

const someValue = fc.oneof(
  fc.constantFrom(
    "agree",
    "decline",
    "now",
    "later",
    "1",
    "5",
    "skip",
    "none",
    "another",
    "next",
    "teach",
    "done",
    "w0",
    "accept",
    "rewrite",
    "s0",
    "own",
    "week",
    "weekly",
    "pick",
    "d1",
    "daily",
    "f0",
    "yes",
    "no",
    "summary",
    "send",
    "cancel",
    "continue",
    "restart",
    "0",
    "999",
  ),
  fc.stringMatching(/^[A-Za-z0-9_-]{1,40}$/),
);
const postbackAction: fc.Arbitrary<Action> = fc.oneof(
  fc
    .tuple(fc.constantFrom(...TOPICS), someValue)
    .map(([topic, value]) => send({ type: "postbackReceived", data: answerData(topic, value) })),
  fc.string({ maxLength: 60 }).map((data) => send({ type: "postbackReceived", data })),
  fc.integer({ min: 301, max: 400 }).map((n) => send({ type: "postbackReceived", data: `w1|val|${"a".repeat(n)}` })),
  fc
    .constantFrom("w2|score|3", "w1|score", "w1|cmd|format", "w1|val|人の役に立つ", "w1||", "||", "w1|rec|-1")
    .map((data) => send({ type: "postbackReceived", data })),
);
const pickerAction: fc.Arbitrary<Action> = fc.oneof(
  fc
    .tuple(fc.constantFrom("due", "rem"), fc.constantFrom("pick", "week", "weekly"), garbagePick)
    .map(([topic, value, picked]) => send({ type: "postbackReceived", data: answerData(topic, value), picked })),
  fc.tuple(fc.integer({ min: -5, max: 500 }), hhmm).map(([days, time]) =>
    send({
      type: "postbackReceived",
      data: answerData("due", "pick"),
      picked: { date: `2026-12-${String((Math.abs(days) % 28) + 1).padStart(2, "0")}`, time },
    }),
  ),
);
const mediaKinds: MediaKind[] = ["sticker", "image", "video", "audio", "file", "location", "other"];
const otherAction: fc.Arbitrary<Action> = fc.oneof(
  { arbitrary: fc.constantFrom(...mediaKinds).map((kind) => send({ type: "mediaReceived", kind })), weight: 3 },
  {
    arbitrary: fc
      .constantFrom(null, "花子", "", "  ", "😀".repeat(100), "名".repeat(300))
      .map((displayName) => send({ type: "followed", displayName })),
    weight: 2,
  },
  { arbitrary: fc.constant(send({ type: "unfollowed" })), weight: 2 },
);

const action: fc.Arbitrary<Action> = fc.oneof(
  { arbitrary: tapAction, weight: 55 },
  { arbitrary: commandAction, weight: 7 },
  { arbitrary: textAction, weight: 18 },
  { arbitrary: postbackAction, weight: 8 },
  { arbitrary: pickerAction, weight: 4 },
  { arbitrary: otherAction, weight: 8 },
  // Nothing comes to mind, typed as users do: a run of them brings the offer to rest.
  { arbitrary: fc.constantFrom("思いつかない", "特にないです", "思い浮かばないです").map((word) => send(text(word))), weight: 6 },
);

const gap = fc.oneof(
  { arbitrary: fc.integer({ min: 0, max: 120_000 }), weight: 12 },
  { arbitrary: fc.integer({ min: 120_000, max: DAY_MS }), weight: 5 },
  { arbitrary: fc.integer({ min: DAY_MS, max: 12 * DAY_MS }), weight: 3 },
);

const walks: fc.Arbitrary<Walk> = fc.record({
  start: fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2027, 11, 31) }),
  turns: fc.array(fc.record({ gapMs: gap, action }), { minLength: STEPS, maxLength: STEPS }),
});

/** What one turn of a walk saw. */
interface TurnView {
  index: number;
  before: UserState;
  input: Input;
  now: Date;
  result: Transition;
  /** What the user receives: the core's replies with those the effects add. */
  delivered: Reply[];
  /** The user's entries after the turn, newest first, as the store keeps them. */
  entries: StoredEntry[];
}

/** The input a tap on `choice` sends, with a picked value when it is a picker. */
function tapInput(choice: Choice, tapAct: Extract<Action, { kind: "tap" }>, now: Date): Input {
  const picker = choice.action;
  if (picker.type === "postback") return { type: "postbackReceived", data: picker.data };
  if (!tapAct.validPick) return { type: "postbackReceived", data: picker.data, picked: tapAct.badPick };
  const picked: PickedDateTime =
    picker.mode === "date"
      ? { date: tokyoDate(new Date(now.getTime() + tapAct.pickDays * DAY_MS)) }
      : picker.mode === "time"
        ? { time: tapAct.pickTime }
        : { datetime: `${tokyoDate(now)}T${tapAct.pickTime}` };
  return { type: "postbackReceived", data: picker.data, picked };
}

/** Runs `walk` as the webhook would, calling `onTurn` after every turn; an error names the turn. */
function runWalk(walk: Walk, onTurn: (view: TurnView) => void): void {
  let stored: unknown = undefined;
  let entries: StoredEntry[] = [];
  let offered: Choice[] = [];
  let clock = walk.start;
  const turns: Turn[] = [{ gapMs: 0, action: send({ type: "followed", displayName: "花子" }) }, ...walk.turns];
  turns.forEach((turn, index) => {
    clock += turn.gapMs;
    const now = new Date(clock);
    const before = restoreState(stored).state;
    const act = turn.action;
    const input: Input =
      act.kind === "send" ? act.input : offered.length > 0 ? tapInput(offered[act.index % offered.length], act, now) : text("はじめる");
    try {
      const result = advance(stored, input, now);
      const recorded = result.effects.flatMap((effect, i) =>
        effect.type === "recordEntry" ? [{ id: `${index}-${i}`, entry: effect.entry }] : [],
      );
      entries = [...recorded.reverse(), ...entries];
      const delivered = deliveredReplies(result, entries);
      onTurn({ index, before, input, now, result, delivered, entries });
      if (result.effects.some((effect) => effect.type === "deleteUserData")) {
        stored = undefined;
        entries = [];
      } else {
        stored = JSON.parse(JSON.stringify(result.state));
      }
      if (input.type !== "unfollowed") offered = lastChoices(delivered);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw new Error(
        `turn ${index} at ${now.toISOString()}\nstate before: ${JSON.stringify(before).slice(0, 2000)}\ninput: ${JSON.stringify(input).slice(0, 300)}\n${message}`,
        { cause: error },
      );
    }
  });
}

/** Where `value` holds something JSON would not keep as it is (undefined, NaN, a Date, a class instance). */
function nonJsonPaths(value: unknown, path = "state"): string[] {
  if (value === null || typeof value === "string" || typeof value === "boolean") return [];
  if (typeof value === "number") return Number.isFinite(value) ? [] : [path];
  if (Array.isArray(value)) return value.flatMap((item, i) => nonJsonPaths(item, `${path}[${i}]`));
  if (typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.entries(value).flatMap(([key, item]) => nonJsonPaths(item, `${path}.${key}`));
  }
  return [path];
}

/** Checks `check` on every turn of every walk. */
function everyTurn(check: (view: TurnView) => void): void {
  fc.assert(
    fc.property(walks, (walk) => runWalk(walk, check)),
    { seed: SEED, numRuns: RUNS },
  );
}

describe(`random walks (${RUNS} walks of ${STEPS + 1} turns, seed ${SEED})`, () => {
  // Bounded by the count of walks; on a loaded machine one property takes up to a minute.
  jest.setTimeout(WALK_TIMEOUT_MS);

  it("can always be answered on LINE: one to five replies within LINE's limits, none after a block", () => {
    everyTurn(({ input, result, delivered }) => {
      expect(result.replies.length).toBeLessThanOrEqual(MAX_REPLIES);
      if (input.type === "unfollowed") {
        expect(result.replies).toEqual([]);
        return;
      }
      expect(delivered.length).toBeGreaterThanOrEqual(1);
      expect(delivered.length).toBeLessThanOrEqual(MAX_REPLIES);
      expect(checkMessages(renderReplies(delivered))).toEqual([]);
    });
  });

  it("only ever offers buttons whose data fits LINE and decodes", () => {
    everyTurn(({ delivered }) => {
      const data = delivered.flatMap((reply) => reply.choices ?? []).map((choice) => choice.action.data);
      expect(data.filter((d) => d.length > MAX_POSTBACK_DATA || decodePostback(d) === null)).toEqual([]);
    });
  });

  it("keeps the state valid, serialisable stored data with no text over the limit", () => {
    everyTurn(({ result }) => {
      expect(nonJsonPaths(result.state)).toEqual([]);
      const stored: unknown = JSON.parse(JSON.stringify(result.state));
      expect(restoreState(stored)).toEqual({ state: stored, migrated: false });
      const tooLong = [...stringsIn(result.state), ...stringsIn(result.effects)].filter((s) => charCount(s) > MAX_ANSWER_LENGTH);
      expect(tooLong.map((s) => s.slice(0, 20))).toEqual([]);
    });
  });

  it("ends every turn that leaves a question pending with its quick replies", () => {
    everyTurn(({ input, result, delivered, now }) => expectEndsWithQuestion(input, result, delivered, now));
  });

  it("stores and records nothing but the consent state before consent", () => {
    everyTurn(({ result }) => {
      const state = result.state;
      if (state.consent.status === "given") return;
      expect(result.effects.filter((effect) => effect.type === "recordEntry" || effect.type === "handOff")).toEqual([]);
      expect({
        draft: state.draft,
        paused: state.paused,
        profile: state.profile,
        lastActiveAt: state.lastActiveAt,
        care: state.care,
      }).toEqual({
        draft: null,
        paused: null,
        profile: emptyProfile(),
        lastActiveAt: null,
        care: emptyCare(),
      });
      expect(["new", "awaitingConsent", "declined", "awaitingDeleteConfirm", "awaitingSafetyChoice"]).toContain(state.step.type);
      if (state.step.type === "awaitingSafetyChoice") expect(state.step.text).toBeNull();
    });
  });

  it("never stops the conversation for words of distress, unless they answer how the user is after a crisis reply", () => {
    everyTurn(({ before, input, result, now }) => {
      if (input.type !== "textReceived" || assessSafety(input.text) !== "distress") return;
      if (
        careCheckDue(before, before.lastActiveAt, now) ||
        before.step.type === "awaitingCareCheck" ||
        before.step.type === "awaitingSafetyChoice"
      )
        return;
      expect(result.state.step.type).not.toBe("awaitingSafetyChoice");
      expect(result.replies[0]?.type).toBe("text");
    });
  });

  it("reaches every step type and the end of the first session", () => {
    const reached = new Set<string>();
    let completed = 0;
    everyTurn(({ before, result }) => {
      reached.add(result.state.step.type);
      if (!before.profile.completedFirstSession && result.state.profile.completedFirstSession) completed += 1;
    });
    // The follow-up pass, not a message, puts a user at rest at the step's question (tested in step-loop.test.ts).
    const byPushOnly: readonly string[] = ["reflectingStepStatus"];
    expect(STEP_TYPES.filter((type) => !reached.has(type) && !byPushOnly.includes(type))).toEqual([]);
    expect(completed).toBeGreaterThanOrEqual(10);
  });
});

/** A leaf of stored JSON: where it is, as keys from the root. */
type JsonPath = (string | number)[];

function leafPaths(value: unknown, path: JsonPath = []): JsonPath[] {
  if (Array.isArray(value)) return [path, ...value.flatMap((item, i) => leafPaths(item, [...path, i]))];
  if (typeof value === "object" && value !== null)
    return [path, ...Object.entries(value).flatMap(([key, item]) => leafPaths(item, [...path, key]))];
  return [path];
}

/** `raw` with the value at `path` replaced by `replacement`, or removed when it is undefined. */
function damage(raw: unknown, path: JsonPath, replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const copy: unknown = structuredClone(raw);
  let parent = copy as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = path.at(-1)!;
  if (replacement === undefined && !Array.isArray(parent)) delete parent[last];
  else parent[last] = replacement;
  return copy;
}

/** Runs `run`; an error it throws is rethrown prefixed with `context`. */
function explained<T>(context: string, run: () => T): T {
  try {
    return run();
  } catch (error) {
    throw new Error(`${context}:\n${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

const garbage = fc.constantFrom<unknown>(
  undefined,
  null,
  "",
  "garbage",
  "来週",
  "7時",
  "25:99",
  "2026-02-30",
  -1,
  0,
  99,
  1.5,
  1e21,
  true,
  [],
  {},
  [null],
  { type: "resting" },
  "x".repeat(20_000),
);
const anyIndex = fc.noBias(fc.nat({ max: 1_000_000 }));
const damagedDocuments = fc.record({ sample: anyIndex, leaf: anyIndex, replacement: garbage, gapMs: gap });
const DAMAGED_RUNS = 3000;

describe(`damaged stored documents (${DAMAGED_RUNS} documents, seed ${SEED})`, () => {
  it("never crash a turn, and what is sent and recorded still fits LINE", () => {
    const samples = sampleStates(NOW);
    fc.assert(
      fc.property(damagedDocuments, ({ sample, leaf, replacement, gapMs }) => {
        const { state } = samples[sample % samples.length];
        const raw: unknown = JSON.parse(JSON.stringify(state));
        const paths = leafPaths(raw);
        const stored = damage(raw, paths[leaf % paths.length], replacement);
        const now = new Date(NOW.getTime() + gapMs);
        const inputs: Input[] = [
          text("WILL"),
          text("最近、後輩に感謝されました"),
          { type: "followed", displayName: null },
          ...lastChoices(promptFor(state, NOW)).map(tapOf),
        ];
        const where = `${JSON.stringify(paths[leaf % paths.length])} = ${JSON.stringify(replacement)?.slice(0, 40)} in ${samples[sample % samples.length].name}`;
        for (const input of inputs) {
          const result = explained(`${where}, input ${JSON.stringify(input)}`, () => advance(stored, input, now));
          const entries: StoredEntry[] = result.effects.flatMap((effect, i) =>
            effect.type === "recordEntry" ? [{ id: String(i), entry: effect.entry }] : [],
          );
          explained(`${where}, input ${JSON.stringify(input)}`, () => {
            const delivered = deliveredReplies(result, entries);
            expect(delivered.length).toBeGreaterThanOrEqual(1);
            expect(delivered.length).toBeLessThanOrEqual(MAX_REPLIES);
            expect(checkMessages(renderReplies(delivered))).toEqual([]);
            if (entries.length > 0) expect(checkMessages(renderReplies(recordsReplies(entries, 0)))).toEqual([]);
            expect(restoreState(JSON.parse(JSON.stringify(result.state))).migrated).toBe(false);
          });
        }
      }),
      { seed: SEED, numRuns: DAMAGED_RUNS },
    );
  });
});
