/**
 * Where a user is in the conversation: every step of the dialogue as a discriminated union,
 * and the lists of step types derived from type-checked objects, so that a step added to the
 * union and forgotten in the lists fails the type check.
 */
import type { Weekday } from "../calendar/schedule";
import type { MomentSource } from "../model/entry";
import type { Topic } from "./postback";
import type { DayPart } from "./content/formats";

/** Who gets what in a consultant hand-off. */
export type HandoffScope = "summary" | "withEntries";

/** What the user sent at a contact the care question came before: typed text, or a tapped button's data. */
export type HeldInput = { text: string } | { data: string };

/** Steps that wait for an answer and can be paused and resumed. */
export type QuestionStep =
  /** First session 1: やりがい度 today, 1–5. */
  | { type: "awaitingWorkScore" }
  /** First session 1b: what feels off at work (skippable). */
  | { type: "awaitingMoyamoya" }
  /** First session 2: a ありがとう moment of the given kind. */
  | { type: "awaitingThanksMoment"; source: MomentSource; tried?: MomentSource[] }
  /** The user had none: which other kind of moment to recall; `tried` are the kinds already offered in vain. */
  | { type: "awaitingThanksAlternative"; tried?: MomentSource[] }
  /**
   * How that moment felt; `echoed` when the bot already said the moment back (a message of
   * distress), so the question does not quote it again.
   */
  | { type: "awaitingThanksFeeling"; echoed?: true }
  /**
   * What the user did that led to it; `told` is a first answer given in the thanker's words
   * (いつもありがとう、と言ってくれた), kept while the bot asks again what the user did;
   * `echoed` when the bot already said the typed feeling back, so the question does not quote it.
   */
  | { type: "awaitingThanksDeed"; told?: string; echoed?: true }
  /** Another moment, or move on. */
  | { type: "awaitingMoreMoments" }
  /** First session 3: pick up to three values, then 決定. */
  | { type: "awaitingValues" }
  /** First session 4: who would you most like to be thanked by. */
  | { type: "awaitingWillWho" }
  /** …and for what. */
  | { type: "awaitingWillWhat" }
  /** First session 5: the drafted statement and its alternatives (each one sentence): pick one, rewrite or later. */
  | { type: "awaitingWillReview"; draft: string; alternatives?: string[] }
  /** The user writes the statement themselves; `draft` is the bot's draft they hesitated over, shown again. */
  | { type: "awaitingWillRewrite"; draft?: string }
  /** First session 6: a small action, suggested or the user's own. */
  | { type: "awaitingAction" }
  /** The user types their own action; `vague` is a typed step that said neither when nor where, asked 「いつ・どこで？」 once. */
  | { type: "awaitingOwnAction"; vague?: string }
  /** The target date of the action; `first` is a suggested step's first 15 minutes. */
  | { type: "awaitingActionDue"; action: string; first?: string }
  /**
   * First session 7: when to remind. `hour` (`09:30`) is a typed hour that could be morning or
   * evening; `days` are weekdays already typed (「土曜 10時」, 「平日」), waiting for a clear time;
   * `part` the part of the day typed with them (「木曜の朝」), whose hours are offered.
   */
  | { type: "awaitingReminder"; hour?: string; days?: Weekday[]; part?: DayPart }
  /** A picked time: on which days. */
  | { type: "awaitingReminderDays"; time: string }
  /** No reminders and an action with a later date: one follow-up on that date, or not? */
  | { type: "awaitingFollowUpOffer" };

/** Where the user is in the conversation. Each member names a situation. */
export type Step =
  | QuestionStep
  /** Nothing has happened yet: no follow event has been seen. */
  | { type: "new" }
  /** The consent question is on screen. */
  | { type: "awaitingConsent" }
  /** Consent given; start the first session now or later. */
  | { type: "awaitingStartChoice" }
  /** The user declined; the bot waits until they say 「はじめる」. */
  | { type: "declined" }
  /** Consent given, no question pending. */
  | { type: "resting" }
  /** ありがとう記録: the moment. */
  | { type: "awaitingQuickThanks" }
  /** ありがとう記録: how it felt; `echoed` as in `awaitingThanksFeeling`. */
  | { type: "awaitingQuickThanksFeeling"; text: string; echoed?: true }
  /** ありがとう記録: what the user did; `told` as in `awaitingThanksDeed`. */
  | { type: "awaitingQuickThanksDeed"; text: string; feeling: string | null; told?: string }
  /** Free text arrived with nothing pending: save it as a ありがとう? */
  | { type: "awaitingSaveFreeText"; text: string }
  /** 相談したい: what the user wants to talk about, in a line (skippable). */
  | { type: "awaitingHandoffTopic" }
  /** 相談したい: what to share; `topic` is what the user wants to talk about, when they said. */
  | { type: "awaitingHandoffScope"; topic?: string }
  /** 相談したい: confirm before anything is sent, every item that will be sent named. */
  | { type: "awaitingHandoffConfirm"; scope: HandoffScope; topic?: string }
  /**
   * A first-session question waits in `paused` after a consultant was asked for (`handoff`) or
   * handed the user back (`handback`): go on with it now, or later.
   */
  | { type: "awaitingContinueChoice"; reason: "handoff" | "handback" }
  /** Three 思いつかない in a row in the first session: rest here, leave the step for later, or go on (the question waits in `paused`). */
  | { type: "awaitingRestOffer" }
  /** データ削除: confirm. */
  | { type: "awaitingDeleteConfirm" }
  /** 担当者と共有する: what is shared is on screen; confirm or not. */
  | { type: "awaitingShareConfirm" }
  /**
   * After a message that showed a crisis (`acute`) or heavy distress (`distress`): the resources
   * were shown and the user chooses to go on or stop for today. A pending question waits in
   * `paused` (a first-session question) or `resume` (a check-in or ありがとう記録 question); `text` is a
   * distress message kept to answer it if the user goes on (never an acute one).
   */
  | {
      type: "awaitingSafetyChoice";
      tier: "acute" | "distress";
      text: string | null;
      resume?: SideQuestionStep;
      /** With ESCALATE_CRISIS on, after an acute message: whether contact by the consultant was offered, or agreed to. */
      escalate?: "offered" | "agreed";
    }
  /**
   * The first contact of a new session after a crisis reply: how is the user now? `held` is what
   * they sent (done once they feel a little better), `since` their last activity before it (an ISO
   * instant), `resume` the step they were at (a question also waits in `paused`), `askedAt` when
   * the bot asked (absent in documents stored before it was kept).
   */
  | { type: "awaitingCareCheck"; held: HeldInput | null; since: string | null; resume?: Step; askedAt?: string }
  /** After 今日はここまで following a crisis reply: may the bot check on the user tomorrow (one push)? */
  | { type: "awaitingCareOffer" }
  /** リマインダー from outside the first session: when to remind; `hour` and `days` as in `awaitingReminder`. */
  | { type: "changingReminder"; hour?: string; days?: Weekday[]; part?: DayPart }
  /** リマインダー: a picked time; on which days. */
  | { type: "changingReminderDays"; time: string }
  /** Check-in: やりがい度 this week. */
  | { type: "reflectingScore" }
  /** Check-in: was there a ありがとう since last time? */
  | { type: "reflectingThanks" }
  /** Check-in: tell that ありがとう. */
  | { type: "reflectingThanksText" }
  /** Check-in: how that ありがとう (`text`) felt; `echoed` when the bot already said it back. */
  | { type: "reflectingThanksFeeling"; text: string; echoed?: true }
  /**
   * Check-in: what the user did that led to it (skippable); `feeling` as answered, null when
   * skipped; `echoed` when the bot already said a typed feeling back.
   */
  | { type: "reflectingThanksDeed"; text: string; feeling: string | null; echoed?: true }
  /** Check-in: how the committed action went. */
  | { type: "reflectingAction" }
  /** Check-in: did this week connect to the WILL? */
  | { type: "reflectingWill" }
  /** The learning loop: how the committed step went (できた / 少しできた / まだ), asked by its follow-up push at rest. */
  | { type: "reflectingStepStatus" }
  /** The loop: how doing the step felt; `within` a check-in (its WILL question comes next) or after the follow-up. */
  | { type: "reflectingStepFeeling"; status: "done" | "partly"; within: StepLoopWithin }
  /** The loop: did anyone react (skippable); `feeling` as answered, null when skipped. */
  | { type: "reflectingStepReaction"; status: "done" | "partly"; within: StepLoopWithin; feeling: string | null };

/** Where the learning loop was opened: in a check-in, or by the step's follow-up push. */
export type StepLoopWithin = "checkin" | "followUp";

/** The steps outside the first session that wait for a typed answer: a check-in (the learning loop's too) or ありがとう記録 question. */
export type SideQuestionStep = Extract<Step, { type: "awaitingQuickThanks" | `reflecting${string}` }>;

/** Whether `step` is a {@link SideQuestionStep}. */
export function isSideQuestionStep(step: Step): step is SideQuestionStep {
  return step.type === "awaitingQuickThanks" || step.type.startsWith("reflecting");
}

/**
 * The question steps, in the order of the first session. The type requires every
 * {@link QuestionStep} exactly once, so a new question that is not listed fails the type
 * check instead of being reset by `restore.ts`.
 */
const QUESTION_STEPS: { readonly [K in QuestionStep["type"]]: true } = {
  awaitingWorkScore: true,
  awaitingMoyamoya: true,
  awaitingThanksMoment: true,
  awaitingThanksAlternative: true,
  awaitingThanksFeeling: true,
  awaitingThanksDeed: true,
  awaitingMoreMoments: true,
  awaitingValues: true,
  awaitingWillWho: true,
  awaitingWillWhat: true,
  awaitingWillReview: true,
  awaitingWillRewrite: true,
  awaitingAction: true,
  awaitingOwnAction: true,
  awaitingActionDue: true,
  awaitingReminder: true,
  awaitingReminderDays: true,
  awaitingFollowUpOffer: true,
};

/** The steps around the first session: onboarding and rest. */
const OUTER_STEPS = {
  new: true,
  awaitingConsent: true,
  awaitingStartChoice: true,
  declined: true,
  resting: true,
} as const satisfies { readonly [K in Step["type"]]?: true };

/** The side flows' steps: every {@link Step} that is neither a question nor in {@link OUTER_STEPS}, exactly once. */
const SIDE_STEPS: { readonly [K in Exclude<Step["type"], QuestionStep["type"] | keyof typeof OUTER_STEPS>]: true } = {
  awaitingQuickThanks: true,
  awaitingQuickThanksFeeling: true,
  awaitingQuickThanksDeed: true,
  awaitingSaveFreeText: true,
  awaitingHandoffTopic: true,
  awaitingHandoffScope: true,
  awaitingHandoffConfirm: true,
  awaitingContinueChoice: true,
  awaitingRestOffer: true,
  awaitingDeleteConfirm: true,
  awaitingShareConfirm: true,
  awaitingSafetyChoice: true,
  awaitingCareCheck: true,
  awaitingCareOffer: true,
  changingReminder: true,
  changingReminderDays: true,
  reflectingScore: true,
  reflectingThanks: true,
  reflectingThanksText: true,
  reflectingThanksFeeling: true,
  reflectingThanksDeed: true,
  reflectingAction: true,
  reflectingWill: true,
  reflectingStepStatus: true,
  reflectingStepFeeling: true,
  reflectingStepReaction: true,
};

/** The question step types, in the order of the first session. */
export const QUESTION_STEP_TYPES = Object.keys(QUESTION_STEPS) as readonly QuestionStep["type"][];

/** Every step type. */
export const STEP_TYPES = [...Object.keys(OUTER_STEPS), ...QUESTION_STEP_TYPES, ...Object.keys(SIDE_STEPS)] as readonly Step["type"][];

/** Whether `step` is a question of the first session (or the reminder question). */
export function isQuestionStep(step: Step): step is QuestionStep {
  return (QUESTION_STEP_TYPES as readonly string[]).includes(step.type);
}

/** Which button topics each step accepts; any other tap is stale. */
export const TOPICS_BY_STEP: { [K in Step["type"]]: readonly Topic[] } = {
  new: ["consent"],
  awaitingConsent: ["consent"],
  awaitingStartChoice: ["start"],
  declined: [],
  resting: [],
  awaitingWorkScore: ["score"],
  awaitingMoyamoya: ["moya"],
  awaitingThanksMoment: ["thx"],
  awaitingThanksAlternative: ["alt"],
  awaitingThanksFeeling: ["feel"],
  awaitingThanksDeed: ["deed"],
  awaitingMoreMoments: ["more"],
  awaitingValues: ["val"],
  awaitingWillWho: ["who"],
  awaitingWillWhat: ["what"],
  awaitingWillReview: ["willrev"],
  awaitingWillRewrite: ["rewrite"],
  awaitingAction: ["act"],
  awaitingOwnAction: ["own"],
  awaitingActionDue: ["due"],
  awaitingReminder: ["rem"],
  awaitingReminderDays: ["days"],
  awaitingFollowUpOffer: ["fuo"],
  awaitingQuickThanks: [],
  awaitingQuickThanksFeeling: ["qfeel"],
  awaitingQuickThanksDeed: ["qdeed"],
  awaitingSaveFreeText: ["save"],
  awaitingHandoffTopic: ["hot"],
  awaitingHandoffScope: ["ho"],
  awaitingHandoffConfirm: ["hoc"],
  awaitingContinueChoice: ["cont"],
  awaitingRestOffer: ["tired"],
  awaitingDeleteConfirm: ["del"],
  awaitingShareConfirm: ["share"],
  awaitingSafetyChoice: ["safe"],
  awaitingCareCheck: ["care"],
  awaitingCareOffer: ["coffer"],
  changingReminder: ["rem"],
  changingReminderDays: ["days"],
  reflectingScore: ["cscore"],
  reflectingThanks: ["cthx"],
  reflectingThanksText: ["cthxt"],
  reflectingThanksFeeling: ["cfeel"],
  reflectingThanksDeed: ["cdeed"],
  reflectingAction: ["cact"],
  reflectingWill: ["cwill"],
  reflectingStepStatus: ["fu"],
  reflectingStepFeeling: ["sfeel"],
  reflectingStepReaction: ["sreact"],
};
