/**
 * The ありがとう moments of the first session (PRODUCT.md §3.2 step 2): the moment, other angles
 * when none comes to mind, how it felt, what the user did, and another or next. A deed told in
 * the thanker's words is asked about once more (「そのとき、あなたは何をしましたか？」); a deed
 * is reflected in the user's voice, naming a strength the session has not named yet.
 */
import type { Effect } from "./effect";
import { goTo, type Answer, type Transition } from "./flow";
import { feelings, stepWords } from "./content";
import { ALTERNATIVES } from "./prompts";
import type { Reply } from "./reply";
import { quoting, say } from "./say";
import { emptyDraft, type Moment, type SessionDraft, type UserState } from "./state";
import type { QuestionStep } from "./step";
import { answerMeaning, isAnswerWord, type AnswerMeaning } from "./understand/answers";
import { deedVoice, type NamedStrength } from "./understand/deed";
import { acknowledgeDeed, type DeedAcknowledgement } from "./understand/mirror";

/** How many ありがとう moments the first session collects at most. */
export const MAX_MOMENTS = 3;

/** The steps of a moment, answered here. */
export type MomentStep = Extract<
  QuestionStep,
  { type: "awaitingThanksMoment" | "awaitingThanksAlternative" | "awaitingThanksFeeling" | "awaitingThanksDeed" | "awaitingMoreMoments" }
>;

/** Whether `step` is one of the {@link MomentStep}s. */
export function isMomentStep(step: QuestionStep): step is MomentStep {
  return MOMENT_STEPS.has(step.type);
}

const MOMENT_STEPS: ReadonlySet<string> = new Set<MomentStep["type"]>([
  "awaitingThanksMoment",
  "awaitingThanksAlternative",
  "awaitingThanksFeeling",
  "awaitingThanksDeed",
  "awaitingMoreMoments",
]);

/** Answers a moment step; null when the answer does not fit it (the caller asks again). */
export function answerMoment(state: UserState, step: MomentStep, answer: Answer, now: Date): Transition | null {
  const draft = state.draft ?? emptyDraft();
  const text = answer.kind === "text" ? answer.text : null;
  const button = answer.kind === "button" ? answer.value : null;
  /** The bot said the typed answer back already (a message of distress): no reflection of its own. */
  const echoed = answer.kind === "text" && answer.echoed === true;
  const means = (...meanings: AnswerMeaning[]) => text !== null && answerMeaning(text, meanings) !== null;
  const skipped = () => means("none", "later") || (text !== null && isAnswerWord(text, stepWords.skip));
  const withDraft = (next: Partial<SessionDraft>): UserState => ({ ...state, draft: { ...draft, ...next } });
  const told = (source: Moment["source"], said: string): Transition =>
    goTo(
      withDraft({ moments: [...draft.moments, { text: said, source, feeling: null, deed: null }] }),
      echoed ? { type: "awaitingThanksFeeling", echoed } : { type: "awaitingThanksFeeling" },
      now,
    );

  switch (step.type) {
    case "awaitingThanksMoment": {
      if (step.source === "thanked" && (button === "none" || means("none")))
        return goTo(state, { type: "awaitingThanksAlternative", tried: [] }, now);
      if (button === "skip") return skipThanks(state, now);
      if (button === "none" || skipped()) return nextAngle(state, step, now);
      return text === null ? null : told(step.source, text);
    }
    case "awaitingThanksAlternative": {
      if (button === "skip" || skipped()) return skipThanks(state, now);
      if (button === "thankedSomeone" || button === "longAgo" || button === "everyday")
        return goTo(state, { type: "awaitingThanksMoment", source: button, tried: step.tried ?? [] }, now);
      return text === null ? null : told("thanked", text);
    }
    case "awaitingThanksFeeling": {
      const feeling = pickFeeling(button, text, skipped());
      if (feeling === undefined) return null;
      const next = withDraft({ moments: updateLast(draft.moments, { feeling }) });
      return goTo(next, echoed ? { type: "awaitingThanksDeed", echoed } : { type: "awaitingThanksDeed" }, now);
    }
    case "awaitingThanksDeed": {
      if (button !== null && button !== "skip") return null;
      const typed = text !== null && !skipped() ? text : null;
      const own = draft.moments.at(-1)?.source !== "thankedSomeone";
      // Words the bot already said back (a message of distress) are kept as told, not asked about again.
      if (typed !== null && own && step.told === undefined && !echoed && deedVoice(typed).kind === "thanker")
        return goTo(state, { type: "awaitingThanksDeed", told: typed }, now);
      const moments = updateLast(draft.moments, { deed: typed ?? step.told ?? null });
      const last = moments.at(-1);
      const effects: Effect[] = last ? [{ type: "recordEntry", entry: { kind: "thanks", ...last, at: now.toISOString() } }] : [];
      const next = withDraft({ moments });
      const ack = echoed
        ? []
        : [typed !== null && step.told === undefined ? quoting(acknowledgeMoment(moments)) : acknowledgeMoment(moments)];
      return moments.length >= MAX_MOMENTS
        ? goTo(next, { type: "awaitingValues" }, now, [...ack, say("session.thanks.enough")], effects)
        : goTo(next, { type: "awaitingMoreMoments" }, now, ack, effects);
    }
    case "awaitingMoreMoments": {
      if (button === "another") return goTo(state, { type: "awaitingThanksMoment", source: "thanked" }, now);
      const more = text === null ? null : answerMeaning(text, ["more", "yes", "next", "none", "no"]);
      if (button === "next" || more === "next" || more === "none" || more === "no") return goTo(state, { type: "awaitingValues" }, now);
      if (more === "more" || more === "yes") return goTo(state, { type: "awaitingThanksMoment", source: "thanked" }, now);
      return text === null ? null : told("thanked", text);
    }
  }
}

/**
 * The acknowledgement of each moment's deed, in order: the user's own deeds reflected, each
 * naming a strength not named for an earlier one (unless the words repeat); empty for a moment
 * the user thanked someone for, or without a deed in the user's voice.
 */
export function deedAcknowledgements(moments: readonly Moment[]): DeedAcknowledgement[] {
  const named: NamedStrength[] = [];
  return moments.map((moment, index) => {
    if (moment.source === "thankedSomeone" || moment.deed === null) return { text: "", strength: null };
    const ack = acknowledgeDeed(moment.deed, index, named);
    if (ack.strength !== null) named.push({ strength: ack.strength, deed: moment.deed });
    return ack;
  });
}

/** The reply after the latest moment is told in full: its deed reflected, or one of a few thanks. */
function acknowledgeMoment(moments: readonly Moment[]): Reply {
  const index = moments.length - 1;
  const quoted = deedAcknowledgements(moments).at(-1)?.text ?? "";
  return quoted ? { type: "text", text: quoted } : say(MOMENT_ACKS[Math.max(0, index) % MOMENT_ACKS.length]);
}

const MOMENT_ACKS = ["session.thanks.ack.0", "session.thanks.ack.1", "session.thanks.ack.2"] as const;

/**
 * Nothing came to mind for one kind of moment: the other kinds not yet offered are offered,
 * and only when every one was tried does the session move on without a moment.
 */
function nextAngle(state: UserState, step: Extract<QuestionStep, { type: "awaitingThanksMoment" }>, now: Date): Transition {
  const tried = [...(step.tried ?? []), step.source];
  const left = ALTERNATIVES.filter(({ source }) => !tried.includes(source));
  return left.length > 0 ? goTo(state, { type: "awaitingThanksAlternative", tried }, now) : skipThanks(state, now);
}

function skipThanks(state: UserState, now: Date): Transition {
  return goTo(state, { type: "awaitingValues" }, now, [say("session.thanks.skipped")]);
}

function updateLast(moments: Moment[], change: Partial<Moment>): Moment[] {
  const last = moments.at(-1);
  return last ? [...moments.slice(0, -1), { ...last, ...change }] : moments;
}

/** The feeling a tap or a typed answer gives; null when skipped, undefined when the tap does not fit. */
export function pickFeeling(button: string | null, text: string | null, skipped: boolean): string | null | undefined {
  if (button === "skip" || skipped) return null;
  if (button !== null) return /^f\d$/.test(button) ? (feelings[Number(button.slice(1))] ?? undefined) : undefined;
  return text ?? undefined;
}
