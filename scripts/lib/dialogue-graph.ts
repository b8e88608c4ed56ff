/**
 * The dialogue's state graph, derived from the machine itself: a breadth-first walk from
 * `initialState()` that feeds every reached state a fixed set of representative inputs
 * through the real `transition`, and records which step each input leads to. Nothing here
 * lists steps or moves by hand, so the graph, and `docs/dialogue.md` that `npm run diagram`
 * writes from it, change exactly when the machine does.
 */
import { isDeepStrictEqual } from "node:util";
import { addDays } from "date-fns";
import { tokyoDate } from "../../src/calendar/schedule";
import {
  commandWords,
  messages,
  type Input,
  COMMAND_IDS,
  commandData,
  decodePostback,
  type CommandId,
  type Choice,
  type Reply,
  MAX_MOMENTS,
  initialState,
  QUESTION_STEP_TYPES,
  STEP_TYPES,
  type QuestionStep,
  type Step,
  type UserState,
  normalizeForMatch,
  promptFor,
  RESUME_AFTER_MS,
  transition,
  type Transition,
  afterJob,
  followUpReplies,
} from "../../src/dialogue";

/** The name of a step, as in {@link STEP_TYPES}; one node of the diagram. */
export type StepType = Step["type"];

/** The walk's fixed clock (Tuesday 2026-11-24, noon in Tokyo), so that every run writes the same file. */
export const DIAGRAM_NOW = new Date("2026-11-24T03:00:00Z");

/** The walk stops taking new states after this many, so it always ends quickly. */
export const MAX_STATES = 12000;

/** The free text sent in every state: an ordinary ありがとう moment. */
export const SAMPLE_TEXT = "同僚の資料づくりを手伝って、ありがとうと言われた";
/** A message of heavy distress: heard and taken as the answer to whatever is pending. */
export const DISTRESS_SAMPLE = "毎日怒鳴られて、もう限界です";
/** Nothing comes to mind: in the first session, a third in a row brings the offer to rest. */
export const NOTHING_SAMPLE = "思いつかないです";
/** A message that shows a crisis, which opens the safety reply wherever it is sent. */
export const CRISIS_SAMPLE = "もう消えてしまいたい";

/** What sort of input a move stands for. */
export type InputKind =
  /** A quick reply that answers the current question (date/time pickers included). */
  | "button"
  /** An any-time command, typed (its first word) or tapped. */
  | "command"
  /** Free text, sent now or after a gap long enough to ask whether to resume. */
  | "text"
  /** A follow, an unfollow, a sticker, or the follow-up pass pushing the step's follow-up. */
  | "event";

/** One observed move: an input at step `from` led to step `to`. */
export interface DialogueEdge {
  from: StepType;
  to: StepType;
  /** The button's label, 「the command word」 (see {@link commandLabel}), or the input class (`text`, `follow`…). */
  label: string;
  kind: InputKind;
  /** The input took the user back to the question they had paused (see {@link exploreDialogue}). */
  resumed: boolean;
}

/** What the walk learnt about one reached step. */
export interface StepSummary {
  type: StepType;
  /** The asking line of its prompt ({@link questionLine}) in the first state reached at it. */
  question: string;
  /** Commands that, typed here, do exactly what tapping their button does, i.e. are not taken as an answer. */
  commands: CommandId[];
}

/**
 * The explored graph. Invariant: `steps` (in {@link STEP_TYPES} order) and `unreached`
 * partition {@link STEP_TYPES}, and every edge joins two steps of `steps`. `edges` holds
 * each distinct (from, to, label, resumed) once, in the order the walk first saw it.
 */
export interface DialogueGraph {
  steps: StepSummary[];
  edges: DialogueEdge[];
  /** Steps that no explored input reached: each one is a bug. */
  unreached: StepType[];
  /** Offered buttons that the step offering them answered as stale, as `step: label`: each one is a bug. */
  staleButtons: string[];
  /** Distinct states explored, by {@link stateKey}. */
  states: number;
  /** Calls of `transition` made. */
  transitions: number;
  /** False when {@link MAX_STATES} cut the walk short. */
  complete: boolean;
}

interface Probe {
  label: string;
  kind: InputKind;
  /** What the user sends, or `push`: the follow-up pass sends the due follow-up on the step's date. */
  input: Input | "push";
  /** Applied to the state before the input; used to age the last activity. */
  prepare?: (state: UserState) => UserState;
}

/**
 * Walks the machine breadth-first from `initialState()` with the clock fixed at `now`,
 * applying the probes of {@link probesFor} to each distinct state. A move is `resumed`
 * when it lands on the paused question and, with another question paused, the same input
 * would have landed on that other one. Deterministic: equal machines give equal graphs.
 */
export function exploreDialogue(now: Date): DialogueGraph {
  let transitions = 0;
  const run = (state: UserState, probe: Pick<Probe, "input" | "prepare">): Transition => {
    transitions++;
    const before = probe.prepare ? probe.prepare(state) : state;
    if (probe.input === "push")
      return { state: afterJob(before, { type: "followUpSent" }, now), replies: followUpReplies(before) ?? [], effects: [] };
    return transition(before, probe.input, now);
  };
  const seen = new Set([stateKey(initialState())]);
  const queue = [initialState()];
  const edges = new Map<string, DialogueEdge>();
  const questions = new Map<StepType, string>();
  const commandMisses = new Map<StepType, Set<CommandId>>();
  const staleButtons = new Set<string>();
  let complete = true;

  for (let index = 0; index < queue.length; index++) {
    const state = queue[index];
    const from = state.step.type;
    if (!questions.has(from)) questions.set(from, questionLine(promptFor(state, now)));
    for (const probe of probesFor(state, now)) {
      const { state: next, replies } = run(state, probe);
      if (probe.kind === "button" && isStale(replies)) staleButtons.add(`${from}: ${probe.label}`);
      const paused = state.paused;
      const other: QuestionStep = { type: paused?.type === "awaitingMoyamoya" ? "awaitingWillWho" : "awaitingMoyamoya" };
      const resumed =
        paused !== null &&
        next.paused === null &&
        isDeepStrictEqual(next.step, paused) &&
        isDeepStrictEqual(run({ ...state, paused: other }, probe).state.step, other);
      const edge: DialogueEdge = { from, to: next.step.type, label: probe.label, kind: probe.kind, resumed };
      const edgeKey = JSON.stringify([edge.from, edge.to, edge.label, edge.resumed]);
      if (!edges.has(edgeKey)) edges.set(edgeKey, edge);
      const key = stateKey(next);
      if (seen.has(key)) continue;
      if (seen.size >= MAX_STATES) {
        complete = false;
        continue;
      }
      seen.add(key);
      queue.push(next);
    }
    const onScreen = new Set((promptFor(state, now).at(-1)?.choices ?? []).map((choice) => normalizeForMatch(choice.label)));
    for (const command of COMMAND_IDS) {
      // A typed word that is also the label of a button on screen means that button (e.g.
      // 「やめる」 at a confirmation cancels it); that is the command working as the user meant.
      if (onScreen.has(normalizeForMatch(commandWords[command][0]))) continue;
      const typed = run(state, { input: { type: "textReceived", text: commandWords[command][0] } });
      const tapped = run(state, { input: { type: "postbackReceived", data: commandData(command) } });
      if (!isDeepStrictEqual(typed, tapped)) commandMisses.set(from, (commandMisses.get(from) ?? new Set()).add(command));
    }
  }

  return {
    steps: STEP_TYPES.filter((type) => questions.has(type)).map((type) => ({
      type,
      question: questions.get(type)!,
      commands: COMMAND_IDS.filter((command) => !commandMisses.get(type)?.has(command)),
    })),
    edges: [...edges.values()],
    unreached: STEP_TYPES.filter((type) => !questions.has(type)),
    staleButtons: [...staleButtons],
    states: seen.size,
    transitions,
    complete,
  };
}

function isStale(replies: readonly Reply[]): boolean {
  return replies.some((reply) => reply.type === "text" && reply.text === messages["input.stalePostback"]);
}

/**
 * The inputs tried in `state`, in a fixed order: each offered quick reply (a date picker
 * gets a date three days on, a time picker 21:00), free text, a message of distress, one of crisis, the same text after a gap
 * that asks whether to resume, each command's first word, follow, unfollow, a sticker, and the step's follow-up push
 * when one is planned.
 */
function probesFor(state: UserState, now: Date): Probe[] {
  const away = new Date(now.getTime() - RESUME_AFTER_MS - 60 * 60 * 1000).toISOString();
  const text: Input = { type: "textReceived", text: SAMPLE_TEXT };
  return [
    ...promptFor(state, now)
      .flatMap((reply) => reply.choices ?? [])
      .map((choice) => buttonProbe(choice, now)),
    { label: "text", kind: "text", input: text },
    { label: "distress", kind: "text", input: { type: "textReceived", text: DISTRESS_SAMPLE } },
    // Three in a row in the first session bring the offer to rest: tried from the もやもや question on, so the walk stays in bounds.
    ...(state.draft === null || (state.step.type !== "awaitingMoyamoya" && (state.draft.blanks ?? 0) === 0)
      ? []
      : [{ label: "思いつかない", kind: "text" as const, input: { type: "textReceived" as const, text: NOTHING_SAMPLE } }]),
    { label: "crisis", kind: "text", input: { type: "textReceived", text: CRISIS_SAMPLE } },
    ...(state.lastActiveAt === null
      ? []
      : [
          { label: "text after a long gap", kind: "text" as const, input: text, prepare: (s: UserState) => ({ ...s, lastActiveAt: away }) },
        ]),
    ...COMMAND_IDS.map((command): Probe => ({
      label: commandLabel(command),
      kind: "command",
      input: { type: "textReceived", text: commandWords[command][0] },
    })),
    { label: "follow", kind: "event", input: { type: "followed", displayName: null } },
    { label: "unfollow", kind: "event", input: { type: "unfollowed" } },
    { label: "sticker", kind: "event", input: { type: "mediaReceived", kind: "sticker" } },
    ...(state.followUp.next?.kind === "action" ? [{ label: "push", kind: "event" as const, input: "push" as const }] : []),
  ];
}

function buttonProbe(choice: Choice, now: Date): Probe {
  const { action } = choice;
  const decoded = decodePostback(action.data);
  if (decoded?.kind === "command")
    return { label: commandLabel(decoded.command), kind: "command", input: { type: "postbackReceived", data: action.data } };
  if (action.type === "postback") return { label: choice.label, kind: "button", input: { type: "postbackReceived", data: action.data } };
  const date = tokyoDate(addDays(now, 3));
  const picked = action.mode === "date" ? { date } : action.mode === "time" ? { time: "21:00" } : { datetime: `${date}T21:00` };
  return { label: choice.label, kind: "button", input: { type: "postbackReceived", data: action.data, picked } };
}

/** How an any-time command is named on a move: its first typed word, in 「」. */
export function commandLabel(command: CommandId): string {
  return `「${commandWords[command][0]}」`;
}

/**
 * The line of a prompt that asks: its first line with a question mark, else its first
 * line. (A prompt may open by echoing the user's words, as in 「…」という場面ですね。)
 */
export function questionLine(replies: readonly Reply[]): string {
  const lines = replies.flatMap((reply) => (reply.type === "text" ? reply.text.split("\n") : []));
  return lines.find((line) => /[？?]/u.test(line)) ?? lines[0] ?? "";
}

/**
 * The parts of a state that change where inputs lead: the step (with the kind of moment
 * it asks for), consent, the paused question, how many moments and values the draft holds
 * (from {@link MAX_MOMENTS} moments on they act alike) or, without a draft, how many values
 * the profile holds, whether the first session is done, and whether the user was active.
 */
export function stateKey(state: UserState): string {
  const step = (s: Step): string => (s.type === "awaitingThanksMoment" ? `${s.type}:${s.source}` : s.type);
  const { draft, profile } = state;
  return JSON.stringify([
    step(state.step),
    state.consent.status,
    state.paused ? step(state.paused) : null,
    draft ? [Math.min(draft.moments.length, MAX_MOMENTS), draft.values.length, draft.blanks ?? 0] : profile.values.length,
    profile.completedFirstSession,
    state.lastActiveAt !== null,
    // A step's follow-up waiting to be pushed: the push brings the user to its question.
    state.followUp.next?.kind === "action" && state.step.type === "resting",
  ]);
}

/** The steps drawn inside the {@link FIRST_SESSION} box: the questions of the first session. */
export const FIRST_SESSION_STEPS: readonly StepType[] = QUESTION_STEP_TYPES;
/** The box around {@link FIRST_SESSION_STEPS}; an arrow from it leaves every step inside. */
export const FIRST_SESSION = "FirstSession";
/** Pseudo-node for an any-time command that leads to one step from at least half of the steps. */
export const ANY_STEP = "anyStep";
/** Pseudo-node for going back to whichever question was paused. */
export const PAUSED_QUESTION = "pausedQuestion";
/** An arrow lists at most this many inputs, then "…". */
export const MAX_EDGE_LABELS = 3;
/** Node descriptions are cut to this many characters. */
export const DESCRIPTION_LENGTH = 20;

/**
 * The graph as a Mermaid `stateDiagram-v2`: one node per reached step, titled by its type
 * and described by the start of its question; one arrow per (from, to) pair, listing its inputs. To stay
 * readable, loops are drawn only for a step's own buttons; returns to a paused question
 * point at {@link PAUSED_QUESTION}; a command leading to the same step from at least half
 * of the steps is drawn once, from {@link ANY_STEP}; and an input leading to the same step
 * from every first-session step is drawn once, from {@link FIRST_SESSION}.
 */
export function toMermaid(graph: DialogueGraph): string {
  const inBox = (node: string): boolean => (FIRST_SESSION_STEPS as readonly string[]).includes(node);
  const boxSize = graph.steps.filter((step) => inBox(step.type)).length;
  const group = (edge: DialogueEdge): string => JSON.stringify([edge.label, edge.to]);
  const sources = new Map<string, Set<StepType>>();
  for (const edge of graph.edges.filter((e) => !e.resumed && e.from !== e.to)) {
    sources.set(group(edge), (sources.get(group(edge)) ?? new Set()).add(edge.from));
  }
  const source = (edge: DialogueEdge): string => {
    const all = [...(sources.get(group(edge)) ?? [])];
    if (edge.kind === "command" && all.length * 2 >= graph.steps.length) return ANY_STEP;
    return inBox(edge.from) && all.filter(inBox).length === boxSize ? FIRST_SESSION : edge.from;
  };
  const arrows = new Map<string, { from: string; to: string; labels: string[] }>([["[*] new", { from: "[*]", to: "new", labels: [] }]]);
  const add = (from: string, to: string, label: string): void => {
    const arrow = arrows.get(`${from} ${to}`) ?? { from, to, labels: [] };
    if (!arrow.labels.includes(label)) arrow.labels.push(label);
    arrows.set(`${from} ${to}`, arrow);
  };
  for (const edge of graph.edges) {
    if (edge.resumed) add(edge.from, PAUSED_QUESTION, edge.label);
    else if (edge.from !== edge.to) add(source(edge), edge.to, edge.label);
    else if (edge.kind === "button") add(edge.from, edge.to, edge.label);
  }
  const drawn = [...arrows.values()];
  const inside = drawn.filter((arrow) => inBox(arrow.from) && inBox(arrow.to));
  const arrow = ({ from, to, labels }: (typeof drawn)[number]): string => {
    const text = (labels.length > MAX_EDGE_LABELS ? [...labels.slice(0, MAX_EDGE_LABELS), "…"] : labels).join(", ");
    return text === "" ? `${from} --> ${to}` : `${from} --> ${to} : ${mermaidText(text)}`;
  };
  const node =
    (indent: string) =>
    (step: StepSummary): string[] => [
      `${indent}state "${step.type}" as ${step.type}`,
      `${indent}${step.type} : ${mermaidText(truncate(step.question, DESCRIPTION_LENGTH))}`,
    ];
  const used = (id: string): boolean => drawn.some((a) => a.from === id || a.to === id);
  return [
    "stateDiagram-v2",
    ...(used(ANY_STEP) ? [`  state "any step" as ${ANY_STEP}`] : []),
    ...(used(PAUSED_QUESTION) ? [`  state "the paused question" as ${PAUSED_QUESTION}`] : []),
    ...graph.steps.filter((step) => !inBox(step.type)).flatMap(node("  ")),
    `  state ${FIRST_SESSION} {`,
    ...graph.steps.filter((step) => inBox(step.type)).flatMap(node("    ")),
    ...inside.map((a) => `    ${arrow(a)}`),
    "  }",
    ...drawn.filter((a) => !inside.includes(a)).map((a) => `  ${arrow(a)}`),
    ...(used(PAUSED_QUESTION) ? [`  ${PAUSED_QUESTION} --> ${FIRST_SESSION}`] : []),
  ].join("\n");
}

/** `text` cut to `max` characters, the last of them then being "…". */
export function truncate(text: string, max: number): string {
  const chars = [...text];
  return chars.length > max ? `${chars.slice(0, max - 1).join("")}…` : text;
}

/** Text safe in a Mermaid label: the ASCII marks Mermaid reads as syntax become full-width. */
function mermaidText(text: string): string {
  return text.replace(/[:;#"{}]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
}

/** Where the generated document lives, relative to the repository root. */
export const DIAGRAM_DOC_PATH = "docs/dialogue.md";

/**
 * The text of `docs/dialogue.md`: a preface, the Mermaid diagram, a table of the steps and
 * the steps never reached. It depends on `graph` alone (no date, no paths), so equal
 * graphs give byte-equal files.
 */
export function dialogueDocument(graph: DialogueGraph): string {
  const commands = (step: StepSummary): string => {
    const missing = COMMAND_IDS.filter((command) => !step.commands.includes(command));
    return missing.length === 0 ? "all" : `all but ${missing.map(commandLabel).join("")}`;
  };
  return [
    "# The dialogue as a state diagram",
    "",
    "Generated by `npm run diagram` from the dialogue core (`src/dialogue/`): do not edit it by hand. " +
      "A breadth-first walk starts at `initialState()` with a fixed clock and, in every state it reaches, " +
      "taps each offered quick reply, sends free text (also after a gap long enough to ask whether to resume), " +
      "types each any-time command, sends follow, unfollow and a sticker, and lets the follow-up pass push a step's follow-up where one is planned; every arrow is a move the machine made. " +
      "`test/dialogue/diagram.test.ts` fails while this file is out of date.",
    "",
    `The walk explored ${graph.states} distinct states with ${graph.transitions} transitions` +
      `${graph.complete ? "" : `, stopping at its limit of ${MAX_STATES} states,`} and saw ${graph.edges.length} distinct moves.`,
    "",
    "## Diagram",
    "",
    "An arrow lists up to three of its inputs: a button's label, 「a typed command」 (tapping its button does the same), " +
      "`text` for free text, `follow`. Loops are drawn only for a step's own buttons; an input with no arrow keeps the step. " +
      "*any step* stands for a command that leads to the same step from at least half of the steps, " +
      "an arrow from the *FirstSession* box leaves every step in it, and *the paused question* is whichever question " +
      "a side flow or 「やめる」 interrupted.",
    "",
    "```mermaid",
    toMermaid(graph),
    "```",
    "",
    "## Steps",
    "",
    "| Step | What it asks | Any-time commands |",
    "| --- | --- | --- |",
    ...graph.steps.map((step) => `| \`${step.type}\` | ${step.question.replace(/\|/g, "\\|")} | ${commands(step)} |`),
    "",
    "## Unreached steps",
    "",
    graph.unreached.length === 0
      ? "None: the walk reached every step in `STEP_TYPES`."
      : graph.unreached.map((type) => `- \`${type}\``).join("\n"),
    "",
  ].join("\n");
}
