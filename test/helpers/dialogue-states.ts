/**
 * Samples for testing the pure dialogue core: one realistic stored state for every step
 * type, the classes of input a user can send, a model of the replies the app really sends
 * for a turn (core replies plus those its effects add, as `src/handle-events.ts` does), and
 * the checks every turn must pass whatever the state and input.
 */
import { commandWords } from "../../src/dialogue/content";
import type { NewEntry, StoredEntry } from "../../src/model/entry";
import { MAX_ANSWER_LENGTH, MAX_REPLIES, type Transition } from "../../src/dialogue/flow";
import type { Input, MediaKind, PickedDateTime } from "../../src/dialogue/input";
import {
  answerData,
  COMMAND_IDS,
  commandData,
  decodePostback,
  MAX_POSTBACK_DATA,
  type CommandId,
  type Topic,
} from "../../src/dialogue/postback";
import { promptFor } from "../../src/dialogue/prompts";
import type { Choice, Reply } from "../../src/dialogue/reply";
import { restoreState } from "../../src/dialogue/restore";
import { transition } from "../../src/dialogue/transition";
import { emptyCare, emptyDraft, initialState, type Profile, type SessionDraft, type UserState } from "../../src/dialogue/state";
import { STEP_TYPES, type QuestionStep, type Step } from "../../src/dialogue/step";
import { deliveredReplies as coreDeliveredReplies, entriesNeeded, type EffectData, type SheetLink } from "../../src/dialogue";
import { checkMessages } from "../../src/line/limits";
import { renderReplies } from "../../src/line/render";
import { tokyoDate } from "../../src/calendar/schedule";
import { RECENT_EVENT_IDS } from "../../src/store/user-store";

/** A Tuesday, 12:00 in Tokyo (03:00 UTC). */
export const NOW = new Date("2026-11-24T03:00:00.000Z");
/** When the sample users agreed to the data use. */
export const CONSENTED_AT = "2026-11-20T00:00:00.000Z";
/** The booking link the app is configured with in these tests. */
export const BOOKING_URL = "https://example.com/booking";
/** A message that shows a crisis (PRODUCT.md §3.6). */
export const ACUTE_TEXT = "もう消えたい";
/** A message of distress about oneself (PRODUCT.md §3.6): taken as the answer, said back whole. */
export const DISTRESS_TEXT = "毎日怒鳴られて、もう限界です。眠れない日が続いています";
/** Fits the 5,000 UTF-16 units LINE allows in one text message. */
export const LONG_TEXT = "あ".repeat(5000);
/** 5,000 UTF-16 units too, but only 2,500 characters: every one is a surrogate pair. */
export const LONG_EMOJI_TEXT = "😀".repeat(2500);

/** One step type. */
export type StepType = Step["type"];

const minutesBefore = (now: Date, minutes: number): string => new Date(now.getTime() - minutes * 60_000).toISOString();

const MOMENT_JUNIOR = "後輩に資料の作り方を教えたら、わかりやすかったとお礼を言われた";
const MOMENT_FRIEND = "友人の転職の相談にのったら、話せてすっきりしたと言ってもらえた";

/** A first-session draft filled up to (and including) the given question. */
function draftUpTo(stage: "score" | "oneMoment" | "oneFeeling" | "oneDone" | "twoDone" | "values" | "who" | "what"): SessionDraft {
  const order = ["score", "oneMoment", "oneFeeling", "oneDone", "twoDone", "values", "who", "what"] as const;
  const reached = (s: (typeof order)[number]) => order.indexOf(s) <= order.indexOf(stage);
  const first = {
    text: MOMENT_JUNIOR,
    source: "thanked" as const,
    feeling: reached("oneFeeling") ? "うれしかった" : null,
    deed: reached("oneDone") ? "図を使って手順を一緒に確認した" : null,
  };
  const second = { text: MOMENT_FRIEND, source: "thankedSomeone" as const, feeling: "ほっとした", deed: "最後まで口をはさまずに聞いた" };
  return {
    ...emptyDraft(),
    workScore: 2,
    moments: reached("oneMoment") ? (reached("twoDone") ? [first, second] : [first]) : [],
    values: reached("values") ? ["teach", "growOthers"] : [],
    willWho: reached("who") ? "後輩" : null,
    willWhat: reached("what") ? "わかりやすく教えること" : null,
  };
}

const WILL_STATEMENT = "わかりやすく教えることで、後輩から「ありがとう」と言われる人になる。教える・伝えるを大切にしながら。";

/** A user who finished the first session, in the middle of a check-in. */
function reflecting(step: UserState["step"], reflection: NonNullable<UserState["reflection"]>, now: Date): UserState {
  return { ...completedUser(step, now), reflection };
}

/** The profile of a user who finished the first session: WILL, action and a weekly reminder. */
export function completedProfile(): Profile {
  return {
    values: ["teach", "growOthers", "helpOthers"],
    ownValues: [],
    lastScore: 3,
    moments: ["後輩に資料の作り方を教えたら、わかりやすかったとお礼を言…", "友人の転職の相談にのったら、話せてすっきりしたと言っても…"],
    will: {
      statement: WILL_STATEMENT,
      at: "2026-11-21T11:00:00.000Z",
      history: [{ statement: "後輩の成長を支える人になる。", at: "2026-11-20T11:00:00.000Z" }],
    },
    action: { text: "友人の自己分析を手伝う", due: "2026-11-29" },
    reminder: { schedule: { kind: "weekly", weekdays: [0], time: "20:00" }, nextAt: "2026-11-29T11:00:00.000Z" },
    completedFirstSession: true,
    checkins: 2,
    checkinScores: { asOf: 2, scores: [3, 3] },
    steps: [],
  };
}

/** A consenting user in the middle of the first session, at `step`. */
function midSession(step: Step, draft: SessionDraft, now: Date, profile: Partial<Profile> = {}): UserState {
  return {
    ...initialState(),
    step,
    consent: { status: "given", at: CONSENTED_AT },
    draft,
    profile: { ...initialState().profile, ...profile },
    lastActiveAt: minutesBefore(now, 2),
  };
}

/** A consenting user who finished the first session, at `step`. */
function completedUser(step: Step, now: Date, extra: Partial<UserState> = {}): UserState {
  return {
    ...initialState(),
    step,
    consent: { status: "given", at: CONSENTED_AT },
    profile: completedProfile(),
    lastActiveAt: minutesBefore(now, 2),
    ...extra,
  };
}

const WILL_SO_FAR = { will: { statement: WILL_STATEMENT, at: "2026-11-24T02:55:00.000Z", history: [] } };
const ACTION_SO_FAR = { ...WILL_SO_FAR, action: { text: "友人の自己分析を手伝う", due: "2026-11-29" } };

/** One realistic stored state for `type`. */
export function sampleState(type: StepType, now: Date = NOW): UserState {
  const builders: { [K in StepType]: () => UserState } = {
    new: () => initialState(),
    awaitingConsent: () => ({ ...initialState(), step: { type: "awaitingConsent" } }),
    awaitingStartChoice: () => ({
      ...initialState(),
      step: { type: "awaitingStartChoice" },
      consent: { status: "given", at: CONSENTED_AT },
      lastActiveAt: CONSENTED_AT,
    }),
    declined: () => ({ ...initialState(), step: { type: "declined" }, consent: { status: "declined" } }),
    resting: () => completedUser({ type: "resting" }, now),
    awaitingWorkScore: () => midSession({ type: "awaitingWorkScore" }, emptyDraft(), now),
    awaitingMoyamoya: () => midSession({ type: "awaitingMoyamoya" }, draftUpTo("score"), now),
    awaitingThanksMoment: () => midSession({ type: "awaitingThanksMoment", source: "thanked" }, draftUpTo("score"), now),
    awaitingThanksAlternative: () => midSession({ type: "awaitingThanksAlternative" }, draftUpTo("score"), now),
    awaitingThanksFeeling: () => midSession({ type: "awaitingThanksFeeling" }, draftUpTo("oneMoment"), now),
    awaitingThanksDeed: () => midSession({ type: "awaitingThanksDeed" }, draftUpTo("oneFeeling"), now),
    awaitingMoreMoments: () => midSession({ type: "awaitingMoreMoments" }, draftUpTo("oneDone"), now),
    awaitingValues: () => midSession({ type: "awaitingValues" }, { ...draftUpTo("twoDone"), values: ["teach"] }, now),
    awaitingWillWho: () => midSession({ type: "awaitingWillWho" }, draftUpTo("values"), now),
    awaitingWillWhat: () => midSession({ type: "awaitingWillWhat" }, draftUpTo("who"), now),
    awaitingWillReview: () => midSession({ type: "awaitingWillReview", draft: WILL_STATEMENT }, draftUpTo("what"), now),
    awaitingWillRewrite: () => midSession({ type: "awaitingWillRewrite" }, draftUpTo("what"), now),
    awaitingAction: () => midSession({ type: "awaitingAction" }, draftUpTo("what"), now, WILL_SO_FAR),
    awaitingOwnAction: () => midSession({ type: "awaitingOwnAction" }, draftUpTo("what"), now, WILL_SO_FAR),
    awaitingActionDue: () =>
      midSession({ type: "awaitingActionDue", action: "友人の自己分析を手伝う" }, draftUpTo("what"), now, WILL_SO_FAR),
    awaitingReminder: () => midSession({ type: "awaitingReminder" }, draftUpTo("what"), now, ACTION_SO_FAR),
    awaitingReminderDays: () => midSession({ type: "awaitingReminderDays", time: "07:30" }, draftUpTo("what"), now, ACTION_SO_FAR),
    awaitingFollowUpOffer: () => midSession({ type: "awaitingFollowUpOffer" }, draftUpTo("what"), now, ACTION_SO_FAR),
    awaitingQuickThanks: () => completedUser({ type: "awaitingQuickThanks" }, now),
    awaitingQuickThanksFeeling: () =>
      completedUser({ type: "awaitingQuickThanksFeeling", text: "同僚の会議資料を手伝ったら感謝された" }, now),
    awaitingQuickThanksDeed: () =>
      completedUser({ type: "awaitingQuickThanksDeed", text: "同僚の会議資料を手伝ったら感謝された", feeling: "うれしかった" }, now),
    awaitingSaveFreeText: () => completedUser({ type: "awaitingSaveFreeText", text: "今日は後輩が自分で提案できていてうれしかった" }, now),
    awaitingHandoffTopic: () => completedUser({ type: "awaitingHandoffTopic" }, now),
    awaitingHandoffScope: () => completedUser({ type: "awaitingHandoffScope", topic: "転職するか迷っています" }, now),
    awaitingHandoffConfirm: () => completedUser({ type: "awaitingHandoffConfirm", scope: "summary" }, now),
    awaitingContinueChoice: () => ({
      ...midSession({ type: "awaitingContinueChoice", reason: "handoff" }, draftUpTo("score"), now),
      paused: { type: "awaitingMoyamoya" },
    }),
    awaitingRestOffer: () => ({
      ...midSession({ type: "awaitingRestOffer" }, draftUpTo("score"), now),
      paused: { type: "awaitingThanksAlternative", tried: ["thanked"] },
    }),
    awaitingDeleteConfirm: () => completedUser({ type: "awaitingDeleteConfirm" }, now),
    awaitingShareConfirm: () => completedUser({ type: "awaitingShareConfirm" }, now),
    awaitingSafetyChoice: () => ({
      ...midSession({ type: "awaitingSafetyChoice", tier: "acute", text: null }, draftUpTo("score"), now),
      paused: { type: "awaitingMoyamoya" },
      care: { ...emptyCare(), acuteAt: minutesBefore(now, 2), askHow: true },
    }),
    awaitingCareCheck: () => ({
      ...midSession(
        {
          type: "awaitingCareCheck",
          held: { text: "今日は少し早く帰れました" },
          since: minutesBefore(now, 24 * 60),
          resume: { type: "awaitingMoyamoya" },
        },
        draftUpTo("score"),
        now,
      ),
      paused: { type: "awaitingMoyamoya" },
      care: { ...emptyCare(), acuteAt: minutesBefore(now, 24 * 60 + 5) },
    }),
    awaitingCareOffer: () => ({
      ...midSession({ type: "awaitingCareOffer" }, draftUpTo("score"), now),
      paused: { type: "awaitingMoyamoya" },
      care: { ...emptyCare(), acuteAt: minutesBefore(now, 3), askHow: true },
    }),
    changingReminder: () => completedUser({ type: "changingReminder" }, now),
    changingReminderDays: () => completedUser({ type: "changingReminderDays", time: "06:00" }, now),
    reflectingScore: () => reflecting({ type: "reflectingScore" }, { score: null, thanks: false, actionStatus: null }, now),
    reflectingThanks: () => reflecting({ type: "reflectingThanks" }, { score: 4, thanks: false, actionStatus: null }, now),
    reflectingThanksText: () => reflecting({ type: "reflectingThanksText" }, { score: 4, thanks: false, actionStatus: null }, now),
    reflectingThanksFeeling: () =>
      reflecting({ type: "reflectingThanksFeeling", text: MOMENT_JUNIOR }, { score: 4, thanks: false, actionStatus: null }, now),
    reflectingThanksDeed: () =>
      reflecting(
        { type: "reflectingThanksDeed", text: MOMENT_JUNIOR, feeling: "うれしかった" },
        { score: 4, thanks: false, actionStatus: null },
        now,
      ),
    reflectingAction: () => reflecting({ type: "reflectingAction" }, { score: 4, thanks: true, actionStatus: null }, now),
    reflectingWill: () => reflecting({ type: "reflectingWill" }, { score: 4, thanks: true, actionStatus: "partly" }, now),
    reflectingStepStatus: () => completedUser({ type: "reflectingStepStatus" }, now),
    reflectingStepFeeling: () =>
      reflecting(
        { type: "reflectingStepFeeling", status: "done", within: "checkin" },
        { score: 4, thanks: true, actionStatus: "done" },
        now,
      ),
    reflectingStepReaction: () =>
      reflecting(
        { type: "reflectingStepReaction", status: "partly", within: "checkin", feeling: "緊張した" },
        { score: 4, thanks: true, actionStatus: "partly" },
        now,
      ),
  };
  return builders[type]();
}

/** A named sample state. */
export interface StateCase {
  name: string;
  state: UserState;
}

/**
 * One sample for every step type in {@link STEP_TYPES}, then a few variants that reach a
 * step another way (a side flow with a first-session question paused, a blocked user, a
 * moment of another kind, and so on).
 */
export function sampleStates(now: Date = NOW): StateCase[] {
  const primary = STEP_TYPES.map((type) => ({ name: `a user at ${type}`, state: sampleState(type, now) }));
  const pausedAt: QuestionStep = { type: "awaitingValues" };
  const variants: StateCase[] = [
    {
      name: "a user who paused the first session and rests",
      state: { ...sampleState("awaitingValues", now), step: { type: "resting" }, paused: pausedAt },
    },
    {
      name: "a user logging a ありがとう with a first-session question paused",
      state: { ...sampleState("awaitingValues", now), step: { type: "awaitingQuickThanks" }, paused: pausedAt },
    },
    {
      name: "a user changing the reminder with a first-session question paused",
      state: { ...sampleState("awaitingValues", now), step: { type: "changingReminder" }, paused: pausedAt },
    },
    {
      name: "a user asked to delete their data with a first-session question paused",
      state: { ...sampleState("awaitingValues", now), step: { type: "awaitingDeleteConfirm" }, paused: pausedAt },
    },
    {
      name: "a user asked when and where about the step they typed",
      state: midSession({ type: "awaitingOwnAction", vague: "地域のボランティアに参加する" }, draftUpTo("what"), now, WILL_SO_FAR),
    },
    {
      name: "a user at awaitingReminder asked morning or evening for the days they typed",
      state: midSession({ type: "awaitingReminder", hour: "10:00", days: [6] }, draftUpTo("what"), now, ACTION_SO_FAR),
    },
    {
      name: "a user at changingReminder asked the time for the days they typed",
      state: completedUser({ type: "changingReminder", days: [1, 2, 3, 4, 5] }, now),
    },
    {
      name: "a user at a safety choice stored before distress stopped interrupting, with the answer kept",
      state: {
        ...sampleState("awaitingMoyamoya", now),
        step: { type: "awaitingSafetyChoice", tier: "distress", text: "上司に毎日怒鳴られて、眠れません" },
        paused: { type: "awaitingMoyamoya" },
      },
    },
    {
      name: "a user back the day after a crisis reply, resting with a question paused",
      state: {
        ...sampleState("awaitingMoyamoya", now),
        step: { type: "resting" },
        paused: { type: "awaitingMoyamoya" },
        lastActiveAt: minutesBefore(now, 24 * 60),
        care: { ...emptyCare(), acuteAt: minutesBefore(now, 24 * 60 + 5), askHow: true },
      },
    },
    {
      name: "a user handed back by the consultant, their question waiting",
      state: { ...sampleState("awaitingContinueChoice", now), step: { type: "awaitingContinueChoice", reason: "handback" } },
    },
    {
      name: "a user at awaitingThanksMoment recalling a moment long ago",
      state: midSession({ type: "awaitingThanksMoment", source: "longAgo" }, draftUpTo("score"), now),
    },
    { name: "a user at awaitingValues with nothing picked yet", state: midSession({ type: "awaitingValues" }, draftUpTo("twoDone"), now) },
    {
      name: "a user at awaitingHandoffConfirm sharing recent entries",
      state: completedUser({ type: "awaitingHandoffConfirm", scope: "withEntries" }, now),
    },
    {
      name: "a blocked user at rest",
      state: completedUser({ type: "resting" }, now, {
        following: false,
        profile: { ...completedProfile(), reminder: { schedule: { kind: "daily", time: "21:00" }, nextAt: null } },
      }),
    },
  ];
  return [...primary, ...variants];
}

/** The kinds of input the table crosses with every state. */
export type InputClass =
  | "text"
  | "typedCommand"
  | "commandButton"
  | "offeredButton"
  | "stalePostback"
  | "forgedPostback"
  | "recordsPage"
  | "pickerValid"
  | "pickerOutOfRange"
  | "media"
  | "follow"
  | "unfollow"
  | "longText"
  | "acute"
  | "distress";

/** One named input of a class. */
export interface InputCase {
  name: string;
  inputClass: InputClass;
  input: Input;
  /** The command it runs, for commands. */
  command?: CommandId;
}

/** Tapping `choice` as LINE would send it; a date/time picker comes back with its initial value picked. */
export function tapOf(choice: Choice): Input {
  const action = choice.action;
  if (action.type === "postback") return { type: "postbackReceived", data: action.data };
  const picked: PickedDateTime =
    action.mode === "date"
      ? { date: action.initial ?? "" }
      : action.mode === "time"
        ? { time: action.initial ?? "" }
        : { datetime: action.initial ?? "" };
  return { type: "postbackReceived", data: action.data, picked };
}

/** Tapping an answer button. */
export function tap(topic: Topic, value: string, picked?: PickedDateTime): Input {
  return picked
    ? { type: "postbackReceived", data: answerData(topic, value), picked }
    : { type: "postbackReceived", data: answerData(topic, value) };
}

/** Typing `text`. */
export function say(text: string): Input {
  return { type: "textReceived", text };
}

/** The choices on the last of `replies` (LINE shows quick replies of the last message only). */
export function lastChoices(replies: readonly Reply[]): Choice[] {
  return replies.at(-1)?.choices ?? [];
}

/** The answer topics the step's own question offers buttons for. */
export function ownTopics(state: UserState, now: Date = NOW): Topic[] {
  return lastChoices(promptFor(state, now)).flatMap((choice) => {
    const decoded = decodePostback(choice.action.data);
    return decoded?.kind === "answer" ? [decoded.topic] : [];
  });
}

const addDays = (date: Date, days: number): Date => new Date(date.getTime() + days * 86_400_000);

/** Every class of input, for `state`: the buttons its question offers are read from {@link promptFor}. */
export function inputCases(state: UserState, now: Date = NOW): InputCase[] {
  const own = ownTopics(state, now);
  const staleTopic: [Topic, string] = own.includes("score") ? ["consent", "agree"] : ["score", "3"];
  const ownTopic = own[0] ?? "consent";
  const offered = lastChoices(promptFor(state, now)).map((choice): InputCase => ({
    name: `tapping its button 「${choice.label}」`,
    inputClass: "offeredButton",
    input: tapOf(choice),
  }));
  const media: MediaKind[] = ["sticker", "image", "location"];
  const forged: [string, string][] = [
    ["data from another bot", "hello"],
    ["data of another version", "w2|score|3"],
    ["data with a part missing", "w1|score"],
    ["an unknown command", "w1|cmd|format"],
    ["an unknown topic", "w1|nope|x"],
    ["an unknown value for this very question", `w1|${ownTopic}|bogus`],
    ["a value that is not ASCII", "w1|val|人の役に立つ"],
    ["data longer than LINE allows", `w1|thx|${"a".repeat(MAX_POSTBACK_DATA)}`],
  ];
  return [
    { name: "plain text", inputClass: "text", input: say("最近、後輩に資料の作り方を教えたら、ありがとうと言われました") },
    ...COMMAND_IDS.map((command): InputCase => ({
      name: `the typed command 「${commandWords[command][0]}」`,
      inputClass: "typedCommand",
      input: say(commandWords[command][0]),
      command,
    })),
    ...COMMAND_IDS.map((command): InputCase => ({
      name: `the ${command} command button`,
      inputClass: "commandButton",
      input: { type: "postbackReceived", data: commandData(command) },
      command,
    })),
    ...offered,
    { name: `a stale button of another question (${staleTopic.join(" ")})`, inputClass: "stalePostback", input: tap(...staleTopic) },
    ...forged.map(([what, data]): InputCase => ({
      name: `forged postback: ${what}`,
      inputClass: "forgedPostback",
      input: { type: "postbackReceived", data },
    })),
    { name: "the records button for the next page", inputClass: "recordsPage", input: tap("rec", "1") },
    { name: "a due date picked a week ahead", inputClass: "pickerValid", input: tap("due", "pick", { date: tokyoDate(addDays(now, 7)) }) },
    { name: "a reminder time picked at 07:30", inputClass: "pickerValid", input: tap("rem", "pick", { time: "07:30" }) },
    {
      name: "a due date picked yesterday",
      inputClass: "pickerOutOfRange",
      input: tap("due", "pick", { date: tokyoDate(addDays(now, -1)) }),
    },
    {
      name: "a due date that does not exist (2026-02-30)",
      inputClass: "pickerOutOfRange",
      input: tap("due", "pick", { date: "2026-02-30" }),
    },
    { name: "a due date picker sending a time instead", inputClass: "pickerOutOfRange", input: tap("due", "pick", { time: "10:00" }) },
    { name: "a reminder time of 25:00", inputClass: "pickerOutOfRange", input: tap("rem", "pick", { time: "25:00" }) },
    ...media.map((kind): InputCase => ({ name: `a ${kind}`, inputClass: "media", input: { type: "mediaReceived", kind } })),
    { name: "a follow", inputClass: "follow", input: { type: "followed", displayName: "花子" } },
    { name: "a block (unfollow)", inputClass: "unfollow", input: { type: "unfollowed" } },
    { name: "a text of 5,000 characters", inputClass: "longText", input: say(LONG_TEXT) },
    { name: "a text of 2,500 emoji (5,000 UTF-16 units)", inputClass: "longText", input: say(LONG_EMOJI_TEXT) },
    { name: `the crisis text 「${ACUTE_TEXT}」`, inputClass: "acute", input: say(ACUTE_TEXT) },
    { name: `the distress text 「${DISTRESS_TEXT}」`, inputClass: "distress", input: say(DISTRESS_TEXT) },
  ];
}

/** Some stored entries for the records view: a long one, a score and a short one. */
export function sampleEntries(now: Date = NOW): StoredEntry[] {
  const entry = (i: number, e: NewEntry): StoredEntry => ({ id: `e${i}`, entry: e });
  return [
    entry(0, {
      kind: "thanks",
      text: "あ".repeat(1000),
      source: "thanked",
      feeling: "うれしかった",
      deed: "い".repeat(1000),
      at: now.toISOString(),
    }),
    entry(1, { kind: "workScore", score: 2, note: "😀".repeat(1000), at: now.toISOString() }),
    ...Array.from({ length: 11 }, (_, i) =>
      entry(i + 2, { kind: "thanks", text: `ありがとう ${i}`, source: "everyday", feeling: null, deed: null, at: now.toISOString() }),
    ),
  ];
}

/** Where the app would keep a sheet made at `now`, as the core is told. */
export function sampleSheetLink(now: Date = NOW): SheetLink {
  const page = "https://sheet.example/sheet/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
  return {
    pageUrl: page,
    imageUrl: `${page}/sheet.png`,
    previewUrl: `${page}/preview.png`,
    expiresAt: new Date(now.getTime() + 7 * 86_400_000).toISOString(),
  };
}

/** The hand-off reference code the app would show in these tests. */
export const HANDOFF_CODE = "ABCD1234";

/**
 * The replies the app sends for a turn, through the core's own {@link coreDeliveredReplies}:
 * each effect is given its slice of `entries` (newest first) as the store would read it, and
 * a hand-off reached the operators.
 */
export function deliveredReplies(result: Transition, entries: readonly StoredEntry[] = [], now: Date = NOW): Reply[] {
  const data: EffectData = {};
  for (const effect of result.effects) {
    const slice = entriesNeeded(effect);
    const read = slice ? entries.slice(slice.offset, slice.offset + slice.limit) : [];
    if (effect.type === "showRecords") data.records = read;
    if (effect.type === "showStoredData") data.storedData = { entries: read, recentEvents: RECENT_EVENT_IDS };
    if (effect.type === "showInsights") data.insights = read.map(({ entry }) => entry);
    if (effect.type === "handOff") data.handoff = { notified: true, code: HANDOFF_CODE, bookingUrl: BOOKING_URL };
    if (effect.type === "showSheet") data.sheet = sampleSheetLink(now);
  }
  return coreDeliveredReplies(result, data, now);
}

/** Every string in `value`, however deep. */
export function stringsIn(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (typeof value === "object" && value !== null) return Object.values(value).flatMap(stringsIn);
  return [];
}

/** Characters (code points), as {@link MAX_ANSWER_LENGTH} counts them. */
export function charCount(text: string): number {
  return [...text].length;
}

/** Whether `replies` are the safety reply: a card of consultation lines with tap-to-call buttons. */
export function isSafetyReply(replies: readonly Reply[]): boolean {
  return replies.some(
    (reply) => reply.type === "card" && (reply.card.links ?? []).some((link) => "uri" in link && link.uri.startsWith("tel:")),
  );
}

/**
 * Whether the turn may end without the pending question's buttons: nothing is pending (the
 * user rests, or their data was just deleted), or the user blocked the bot.
 */
export function mayEndWithoutQuestion(input: Input, result: Transition): boolean {
  if (input.type === "unfollowed") return true;
  if (result.effects.some((effect) => effect.type === "deleteUserData")) return true;
  return result.state.step.type === "resting";
}

/**
 * The question of the next state has buttons, and unless {@link mayEndWithoutQuestion}, the
 * turn ends with them: the last message the user sees is the pending question with its
 * quick replies.
 */
export function expectEndsWithQuestion(input: Input, result: Transition, delivered: readonly Reply[], now: Date): void {
  const question = lastChoices(promptFor(result.state, now));
  expect(question.length).toBeGreaterThan(0);
  // After words of distress, 「相談先を見る」 may follow the question's own buttons.
  const shown = lastChoices(delivered).filter((choice) => choice.action.data !== commandData("helpLines"));
  if (!mayEndWithoutQuestion(input, result)) expect(shown).toEqual(question);
}

/**
 * The checks every turn passes, whatever the state and input: the next state is valid stored
 * data, the user gets one to five replies (none after a block), a pending question ends the
 * turn with its quick replies, LINE accepts the rendered messages, every button's data decodes, and no stored
 * text is longer than {@link MAX_ANSWER_LENGTH}.
 */
export function expectSoundTurn(input: Input, result: Transition, now: Date, entries: readonly StoredEntry[] = []): void {
  const stored: unknown = JSON.parse(JSON.stringify(result.state));
  expect(stored).toEqual(result.state);
  const restored = restoreState(stored);
  expect(restored.migrated).toBe(false);
  expect(restored.state).toEqual(result.state);

  expect(result.replies.length).toBeLessThanOrEqual(MAX_REPLIES);
  const replies = deliveredReplies(result, entries, now);
  if (input.type === "unfollowed") {
    expect(result.replies).toEqual([]);
  } else {
    expect(replies.length).toBeGreaterThanOrEqual(1);
    expect(replies.length).toBeLessThanOrEqual(MAX_REPLIES);
    expect(checkMessages(renderReplies(replies))).toEqual([]);
  }
  expectEndsWithQuestion(input, result, replies, now);

  for (const reply of replies) {
    const choices = reply.choices ?? [];
    expect(choices.length).toBeLessThanOrEqual(13);
    for (const choice of choices) {
      expect(choice.label.length).toBeGreaterThanOrEqual(1);
      expect(choice.label.length).toBeLessThanOrEqual(20);
      expect(choice.action.data.length).toBeLessThanOrEqual(MAX_POSTBACK_DATA);
      expect(decodePostback(choice.action.data)).not.toBeNull();
    }
  }

  const tooLong = [...stringsIn(result.state), ...stringsIn(result.effects)].filter((text) => charCount(text) > MAX_ANSWER_LENGTH);
  expect(tooLong.map((text) => text.slice(0, 20))).toEqual([]);
}

/** Feeds `inputs` one after another from `state`, all at `now`; every turn's result in order. */
export function runInputs(state: UserState, inputs: readonly Input[], now: Date = NOW): Transition[] {
  const results: Transition[] = [];
  let current = state;
  for (const input of inputs) {
    const result = transition(current, input, now);
    results.push(result);
    current = result.state;
  }
  return results;
}

/** All the text the user sees in `replies`, cards included, one reply a line. */
export function textOf(replies: readonly Reply[]): string {
  return replies
    .map((reply) => {
      if (reply.type === "text") return reply.text;
      if (reply.type === "chart")
        return [reply.chart.title, ...reply.chart.sections.map((s) => s.heading), ...reply.chart.notes].join("\n");
      if (reply.type === "image") return `[image] ${reply.url}`;
      const cards = reply.type === "card" ? [reply.card] : reply.cards;
      return cards.map((card) => [card.title, ...card.sections.flatMap((s) => [s.heading, ...s.lines])].join("\n")).join("\n");
    })
    .join("\n");
}
