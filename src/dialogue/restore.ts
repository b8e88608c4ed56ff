/**
 * Reading stored state back. Stored data is untrusted: a document written by an older
 * version, edited by hand or damaged must never crash a turn. Whatever does not check
 * out restarts the user at a safe point, keeping consent and what can be kept.
 */
import { isValidDate, isValidTime, parseSchedule } from "../calendar/schedule";
import { emptyCare, emptyFollowUps, emptyProfile, emptyTally, STATE_VERSION, initialState, type Profile, type UserState } from "./state";
import { restoredBurst } from "./burst-state";
import { isCheckinScores } from "./checkin-scores";
import { isSideQuestionStep, QUESTION_STEP_TYPES, STEP_TYPES, type Step } from "./step";
import { dayParts } from "./content/formats";
import {
  isActionStatus,
  isCount,
  isEchoed,
  isHeld,
  isInstant,
  isMomentSource,
  isRecord,
  isScore,
  isStepOutcome,
  isStringList,
  isTried,
  isValueList,
} from "./restore-checks";

/** The stored state as a valid {@link UserState}; `migrated` when anything had to be reset. */
export function restoreState(raw: unknown): { state: UserState; migrated: boolean } {
  if (raw === undefined || raw === null) return { state: initialState(), migrated: false };
  const current = isRecord(raw) ? withNewerDefaults(raw) : raw;
  if (isRecord(current) && current.version === STATE_VERSION && isValidState(current))
    return { state: withBurst(current), migrated: false };
  const consent =
    isRecord(raw) && isRecord(raw.consent) && raw.consent.status === "given" && typeof raw.consent.at === "string"
      ? { status: "given" as const, at: raw.consent.at }
      : null;
  if (consent === null) return { state: initialState(), migrated: true };
  const profile = isRecord(current) && isValidProfile(current.profile) ? current.profile : emptyProfile();
  return { state: { ...initialState(), step: { type: "resting" }, consent, profile }, migrated: true };
}

/** `state` with its burst read back, or without it when it does not check out. */
function withBurst({ burst, ...state }: UserState): UserState {
  const kept = burst === undefined ? null : restoredBurst(burst, earlierState);
  return kept === null ? state : { ...state, burst: kept };
}

/** A burst's earlier state read back; null when it had to be reset. */
function earlierState(raw: unknown): UserState | null {
  const { state, migrated } = restoreState(raw);
  return migrated ? null : state;
}

function isValidState(raw: Record<string, unknown>): raw is Record<string, unknown> & UserState {
  const consent = raw.consent;
  return (
    isStep(raw.step) &&
    isRecord(consent) &&
    (consent.status === "none" || consent.status === "declined" || (consent.status === "given" && typeof consent.at === "string")) &&
    (raw.paused === null || (isStep(raw.paused) && (QUESTION_STEP_TYPES as readonly string[]).includes(raw.paused.type))) &&
    (raw.draft === null || isValidDraft(raw.draft)) &&
    (raw.reflection === null || isValidReflection(raw.reflection)) &&
    isValidProfile(raw.profile) &&
    (raw.lastActiveAt === null || typeof raw.lastActiveAt === "string") &&
    typeof raw.following === "boolean" &&
    (raw.handover === null || isValidHandover(raw.handover)) &&
    (raw.sharing === null || (isRecord(raw.sharing) && isInstant(raw.sharing.since))) &&
    (raw.homework === null || isValidHomework(raw.homework)) &&
    isValidTally(raw.tally) &&
    isValidFollowUps(raw.followUp) &&
    isValidCare(raw.care)
  );
}

function isStep(raw: unknown): raw is Step {
  if (!isRecord(raw) || typeof raw.type !== "string" || !(STEP_TYPES as readonly string[]).includes(raw.type)) return false;
  switch (raw.type as Step["type"]) {
    case "awaitingThanksMoment":
      return isMomentSource(raw.source) && isTried(raw.tried);
    case "awaitingThanksAlternative":
      return isTried(raw.tried);
    case "awaitingThanksFeeling":
      return isEchoed(raw.echoed);
    case "awaitingThanksDeed":
      return (raw.told === undefined || typeof raw.told === "string") && isEchoed(raw.echoed);
    case "awaitingWillReview":
      return typeof raw.draft === "string" && (raw.alternatives === undefined || isStringList(raw.alternatives));
    case "awaitingWillRewrite":
      return raw.draft === undefined || typeof raw.draft === "string";
    case "awaitingActionDue":
      return typeof raw.action === "string" && (raw.first === undefined || typeof raw.first === "string");
    case "awaitingOwnAction":
      return raw.vague === undefined || typeof raw.vague === "string";
    case "awaitingReminderDays":
    case "changingReminderDays":
      return typeof raw.time === "string" && isValidTime(raw.time);
    case "awaitingReminder":
    case "changingReminder":
      return (
        (raw.hour === undefined || (typeof raw.hour === "string" && isValidTime(raw.hour) && Number(raw.hour.slice(0, 2)) < 12)) &&
        (raw.days === undefined || parseSchedule({ kind: "weekly", weekdays: raw.days, time: "00:00" }) !== null) &&
        (raw.part === undefined || (typeof raw.part === "string" && Object.hasOwn(dayParts, raw.part)))
      );
    case "awaitingSafetyChoice":
      return (
        (raw.tier === "acute" || raw.tier === "distress") &&
        (raw.text === null || typeof raw.text === "string") &&
        (raw.resume === undefined || (isStep(raw.resume) && isSideQuestionStep(raw.resume))) &&
        (raw.escalate === undefined || raw.escalate === "offered" || raw.escalate === "agreed")
      );
    case "awaitingCareCheck":
      return (
        (raw.held === null || isHeld(raw.held)) &&
        (raw.since === null || isInstant(raw.since)) &&
        (raw.askedAt === undefined || isInstant(raw.askedAt)) &&
        (raw.resume === undefined ||
          (isStep(raw.resume) && !["awaitingCareCheck", "awaitingCareOffer", "awaitingSafetyChoice", "resting"].includes(raw.resume.type)))
      );
    case "awaitingQuickThanksFeeling":
      return typeof raw.text === "string" && isEchoed(raw.echoed);
    case "awaitingSaveFreeText":
      return typeof raw.text === "string";
    case "awaitingQuickThanksDeed":
      return (
        typeof raw.text === "string" &&
        (raw.feeling === null || typeof raw.feeling === "string") &&
        (raw.told === undefined || typeof raw.told === "string")
      );
    case "reflectingThanksFeeling":
      return typeof raw.text === "string" && isEchoed(raw.echoed);
    case "reflectingThanksDeed":
      return typeof raw.text === "string" && (raw.feeling === null || typeof raw.feeling === "string") && isEchoed(raw.echoed);
    case "awaitingHandoffScope":
      return raw.topic === undefined || typeof raw.topic === "string";
    case "awaitingHandoffConfirm":
      return (raw.scope === "summary" || raw.scope === "withEntries") && (raw.topic === undefined || typeof raw.topic === "string");
    case "awaitingContinueChoice":
      return raw.reason === "handoff" || raw.reason === "handback";
    case "reflectingStepFeeling":
    case "reflectingStepReaction":
      return (
        (raw.status === "done" || raw.status === "partly") &&
        (raw.within === "checkin" || raw.within === "followUp") &&
        (raw.type === "reflectingStepFeeling" || raw.feeling === null || typeof raw.feeling === "string")
      );
    default:
      return true;
  }
}

function isValidDraft(raw: unknown): boolean {
  return (
    isRecord(raw) &&
    (raw.workScore === null || isScore(raw.workScore)) &&
    Array.isArray(raw.moments) &&
    raw.moments.every(
      (m) =>
        isRecord(m) &&
        typeof m.text === "string" &&
        isMomentSource(m.source) &&
        (m.feeling === null || typeof m.feeling === "string") &&
        (m.deed === null || typeof m.deed === "string"),
    ) &&
    isValueList(raw.values) &&
    isStringList(raw.ownValues) &&
    (raw.willWho === null || typeof raw.willWho === "string") &&
    (raw.willWhat === null || typeof raw.willWhat === "string") &&
    (raw.blanks === undefined || (typeof raw.blanks === "number" && Number.isInteger(raw.blanks) && raw.blanks > 0))
  );
}

function isValidProfile(raw: unknown): raw is Profile {
  if (!isRecord(raw)) return false;
  const { will, action, reminder } = raw;
  return (
    isValueList(raw.values) &&
    isStringList(raw.ownValues) &&
    Array.isArray(raw.moments) &&
    raw.moments.every((m) => typeof m === "string") &&
    (will === null ||
      (isRecord(will) && typeof will.statement === "string" && typeof will.at === "string" && Array.isArray(will.history))) &&
    (action === null ||
      (isRecord(action) && typeof action.text === "string" && typeof action.due === "string" && isValidDate(action.due))) &&
    (reminder === null ||
      (isRecord(reminder) &&
        parseSchedule(reminder.schedule) !== null &&
        (reminder.nextAt === null || (typeof reminder.nextAt === "string" && !Number.isNaN(Date.parse(reminder.nextAt)))))) &&
    typeof raw.completedFirstSession === "boolean" &&
    (raw.lastScore === null || isScore(raw.lastScore)) &&
    typeof raw.checkins === "number" &&
    Number.isInteger(raw.checkins) &&
    raw.checkins >= 0 &&
    Array.isArray(raw.steps) &&
    raw.steps.every(isStepOutcome)
  );
}

function isValidReflection(raw: unknown): boolean {
  return (
    isRecord(raw) &&
    (raw.score === null || isScore(raw.score)) &&
    typeof raw.thanks === "boolean" &&
    (raw.actionStatus === null || isActionStatus(raw.actionStatus)) &&
    (raw.recall === undefined ||
      (isRecord(raw.recall) && isInstant(raw.recall.at) && typeof raw.recall.action === "string" && typeof raw.recall.feeling === "string"))
  );
}

/**
 * Fields added after the first release, filled in so that older documents stay valid. A user
 * left at the retired question 「前回の続きからにしますか？」 is back at the question that waited.
 */
function withNewerDefaults(raw: Record<string, unknown>): Record<string, unknown> {
  const resuming = isRecord(raw.step) && raw.step.type === "awaitingResumeChoice";
  const resumed = resuming ? { step: isRecord(raw.paused) ? raw.paused : { type: "resting" }, paused: null } : {};
  const profile = isRecord(raw.profile)
    ? withoutDamagedScores({ checkins: 0, ownValues: [], lastScore: null, steps: [], ...raw.profile })
    : raw.profile;
  const draft = isRecord(raw.draft) ? { ownValues: [], ...raw.draft } : raw.draft;
  const tally = isRecord(raw.tally) ? { ...emptyTally(), ...raw.tally } : "tally" in raw ? raw.tally : emptyTally();
  return {
    ...raw,
    reflection: "reflection" in raw ? raw.reflection : null,
    handover: "handover" in raw ? raw.handover : null,
    sharing: "sharing" in raw ? raw.sharing : null,
    homework: "homework" in raw ? raw.homework : null,
    tally,
    followUp: "followUp" in raw ? raw.followUp : emptyFollowUps(),
    care: "care" in raw ? raw.care : emptyCare(),
    profile,
    draft,
    ...resumed,
  };
}

/** A profile without check-in scores that do not check out: they are filled in again from the entries (`checkin-scores.ts`). */
function withoutDamagedScores(profile: Record<string, unknown>): Record<string, unknown> {
  if (profile.checkinScores === undefined || isCheckinScores(profile.checkinScores)) return profile;
  const { checkinScores: _damaged, ...rest } = profile;
  return rest;
}

function isValidHandover(raw: unknown): boolean {
  if (!isRecord(raw)) return false;
  if (raw.status === "requested") return isInstant(raw.at) && (raw.crisis === undefined || raw.crisis === true);
  return (
    raw.status === "active" &&
    typeof raw.operator === "string" &&
    isInstant(raw.requestedAt) &&
    isInstant(raw.takenAt) &&
    isInstant(raw.until) &&
    typeof raw.idleMs === "number" &&
    raw.idleMs > 0
  );
}

function isValidHomework(raw: unknown): boolean {
  return (
    isRecord(raw) &&
    typeof raw.id === "string" &&
    /^[A-Za-z0-9]{1,40}$/.test(raw.id) &&
    (raw.kind === "question" || raw.kind === "step") &&
    typeof raw.text === "string" &&
    isInstant(raw.at)
  );
}

function isValidTally(raw: unknown): boolean {
  return (
    isRecord(raw) &&
    Object.keys(emptyTally()).every((key) =>
      key === "takeOverMs" ? Array.isArray(raw[key]) && raw[key].every(isCount) : isCount(raw[key]),
    )
  );
}

function isValidFollowUps(raw: unknown): boolean {
  if (!isRecord(raw) || !(raw.pushedAt === null || isInstant(raw.pushedAt))) return false;
  if (!(raw.actionDate === null || (typeof raw.actionDate === "string" && isValidDate(raw.actionDate)))) return false;
  const next = raw.next;
  if (next === null) return true;
  if (!isRecord(next) || !isInstant(next.at)) return false;
  if (next.kind === "nudge") return next.n === 1 || next.n === 2;
  if (next.kind === "care") return true;
  return next.kind === "action" && typeof next.date === "string" && isValidDate(next.date);
}

function isValidCare(raw: unknown): boolean {
  return (
    isRecord(raw) &&
    (raw.acuteAt === null || isInstant(raw.acuteAt)) &&
    typeof raw.askHow === "boolean" &&
    (raw.helpLineAt === null || isInstant(raw.helpLineAt)) &&
    (raw.messageAt === null || isInstant(raw.messageAt))
  );
}
