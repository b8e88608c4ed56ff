/**
 * The dialogue core: `transition(state, input, now)` returns the next state, the replies
 * to send and the effects to perform, as data. It is pure: no I/O, no clock, no
 * randomness; the same arguments always give the same result.
 */
import { matchCommand } from "./commands";
import { fill, labels, messages, type LabelId, type MessageId } from "./content";
import type { Effect } from "./effect";
import type { Input } from "./input";
import { decodePostback, encodePostback, type CommandId, type Postback } from "./postback";
import type { Choice, Reply } from "./reply";
import { STATE_VERSION, initialState, type UserState } from "./state";

/** The outcome of one input. */
export interface Transition {
  state: UserState;
  replies: Reply[];
  effects: Effect[];
}

/** LINE accepts at most five messages in one reply. */
export const MAX_REPLIES = 5;

/**
 * Advances a user from their stored state, which may be missing, of an older version or
 * damaged: such a state restarts at a safe point, keeps consent, and the user is told.
 */
export function advance(stored: unknown, input: Input, now: Date): Transition {
  const { state, migrated } = restoreState(stored);
  if (!migrated || input.type === "followed" || input.type === "unfollowed") return transition(state, input, now);
  return respond(state, [say("state.migrated"), ...promptFor(state)]);
}

/** The one reply for a group or room chat: the bot talks in 1:1 chats only. */
export function sharedChatReplies(): Reply[] {
  return [say("sharedChat.notice")];
}

/** Advances the dialogue of one user by one input. */
export function transition(state: UserState, input: Input, now: Date): Transition {
  switch (input.type) {
    case "followed":
      return onFollow(state, input.displayName);
    case "unfollowed":
      return { state, replies: [], effects: [] };
    case "mediaReceived":
      return respond(state, [say("input.media"), ...promptFor(state)]);
    case "textReceived": {
      const command = matchCommand(input.text);
      return command ? runCommand(state, command, now) : onText(state, input.text, now);
    }
    case "postbackReceived": {
      const postback = decodePostback(input.data);
      if (postback === null) return respond(state, [say("input.stalePostback"), ...promptFor(state)]);
      return postback.kind === "command" ? runCommand(state, postback.command, now) : onPostback(state, postback, now);
    }
  }
}

/**
 * Reads stored state. Anything that is not a state of the current version restarts the
 * user at a safe point, keeping their consent, and says so.
 */
export function restoreState(raw: unknown): { state: UserState; migrated: boolean } {
  if (isCurrentState(raw)) return { state: raw, migrated: false };
  const consent = isRecord(raw) && isRecord(raw.consent) && raw.consent.status === "given" && typeof raw.consent.at === "string"
    ? { status: "given" as const, at: raw.consent.at }
    : null;
  if (consent) return { state: { version: STATE_VERSION, step: { type: "resting" }, consent }, migrated: true };
  return { state: initialState(), migrated: raw !== undefined && raw !== null };
}

/** The replies that (re)ask whatever the current step is waiting for. */
export function promptFor(state: UserState): Reply[] {
  switch (state.step.type) {
    case "new":
    case "awaitingConsent":
      return [say("consent.request", {}, consentChoices())];
    case "awaitingStartChoice":
      return [say("start.ask", {}, startChoices())];
    case "declined":
      return [say("consent.declined", {}, [commandChoice("start")])];
    case "resting":
      return [say("resting.prompt", {}, restingChoices())];
    case "awaitingWorkScore":
      return [say("session.workScore.ask", {}, workScoreChoices())];
  }
}

function onFollow(state: UserState, displayName: string | null): Transition {
  if (state.consent.status === "given") {
    return respond(state, [say("welcome.back"), ...promptFor(state)]);
  }
  const greeting = displayName
    ? say("welcome.greetingNamed", { name: displayName })
    : say("welcome.greetingAnonymous");
  const next = withStep(state, { type: "awaitingConsent" });
  return respond(next, [greeting, say("welcome.about"), say("welcome.parallelCareer"), ...promptFor(next)]);
}

function runCommand(state: UserState, command: CommandId, now: Date): Transition {
  switch (command) {
    case "help":
      return respond(state, [say("help.text"), ...promptFor(state)]);
    case "start":
      return startSession(state, now);
  }
}

function startSession(state: UserState, now: Date): Transition {
  if (state.consent.status !== "given") {
    const next = withStep(state, { type: "awaitingConsent" });
    return respond(next, [say("welcome.about"), ...promptFor(next)]);
  }
  const next = withStep(state, { type: "awaitingWorkScore" });
  void now;
  return respond(next, promptFor(next));
}

function onText(state: UserState, text: string, now: Date): Transition {
  switch (state.step.type) {
    case "new":
      return onFollow(state, null);
    case "awaitingConsent":
      return respond(state, [say("consent.pending"), ...promptFor(state)]);
    case "awaitingWorkScore": {
      const score = parseScore(text);
      return score === null
        ? respond(state, [say("session.workScore.invalid", {}, workScoreChoices())])
        : answerWorkScore(state, score, now);
    }
    case "awaitingStartChoice":
    case "declined":
    case "resting":
      return respond(state, promptFor(state));
  }
}

function onPostback(state: UserState, postback: Exclude<Postback, { kind: "command" }>, now: Date): Transition {
  const step = state.step.type;
  if (postback.kind === "consent" && (step === "awaitingConsent" || step === "new")) {
    return answerConsent(state, postback.choice, now);
  }
  if (postback.kind === "startChoice" && step === "awaitingStartChoice") {
    return postback.choice === "now"
      ? startSession(state, now)
      : respond(withStep(state, { type: "resting" }), [say("start.later", {}, restingChoices())]);
  }
  if (postback.kind === "workScore" && step === "awaitingWorkScore") {
    return answerWorkScore(state, postback.value, now);
  }
  return respond(state, [say("input.stalePostback"), ...promptFor(state)]);
}

function answerConsent(state: UserState, choice: "agree" | "details" | "decline", now: Date): Transition {
  switch (choice) {
    case "agree": {
      const next: UserState = { ...state, step: { type: "awaitingStartChoice" }, consent: { status: "given", at: now.toISOString() } };
      return respond(next, promptFor(next));
    }
    case "details":
      return respond(withStep(state, { type: "awaitingConsent" }), [say("consent.details"), ...promptFor(state)]);
    case "decline":
      return respond({ ...state, step: { type: "declined" }, consent: { status: "declined" } }, promptFor({ ...state, step: { type: "declined" } }));
  }
}

function answerWorkScore(state: UserState, score: number, now: Date): Transition {
  void now;
  const next = withStep(state, { type: "resting" });
  return respond(next, [say("session.workScore.thanks", { score: String(score) }), ...promptFor(next)]);
}

function parseScore(text: string): number | null {
  const digits = text.normalize("NFKC").trim().match(/^([1-5])(?:\D.*)?$/s);
  return digits ? Number(digits[1]) : null;
}

function respond(state: UserState, replies: Reply[]): Transition {
  return { state, replies: replies.slice(0, MAX_REPLIES), effects: [] };
}

function withStep(state: UserState, step: UserState["step"]): UserState {
  return { ...state, step };
}

function say(id: MessageId, values: Record<string, string> = {}, choices?: Choice[]): Reply {
  const text = fill(messages[id], values);
  return choices ? { type: "text", text, choices } : { type: "text", text };
}

function postbackChoice(label: LabelId, postback: Postback): Choice {
  return { label: labels[label], action: { type: "postback", data: encodePostback(postback) } };
}

function commandChoice(command: CommandId): Choice {
  return postbackChoice(`command.${command}`, { kind: "command", command });
}

function consentChoices(): Choice[] {
  return [
    postbackChoice("consent.agree", { kind: "consent", choice: "agree" }),
    postbackChoice("consent.details", { kind: "consent", choice: "details" }),
    postbackChoice("consent.decline", { kind: "consent", choice: "decline" }),
  ];
}

function startChoices(): Choice[] {
  return [
    postbackChoice("start.now", { kind: "startChoice", choice: "now" }),
    postbackChoice("start.later", { kind: "startChoice", choice: "later" }),
  ];
}

function restingChoices(): Choice[] {
  return [commandChoice("start"), commandChoice("help")];
}

function workScoreChoices(): Choice[] {
  return ([1, 2, 3, 4, 5] as const).map((value) => postbackChoice(`workScore.${value}`, { kind: "workScore", value }));
}

const STEP_TYPES: ReadonlySet<string> = new Set<UserState["step"]["type"]>([
  "new", "awaitingConsent", "awaitingStartChoice", "declined", "resting", "awaitingWorkScore",
]);
const CONSENT_STATUSES: ReadonlySet<string> = new Set<UserState["consent"]["status"]>(["none", "declined", "given"]);

function isCurrentState(raw: unknown): raw is UserState {
  return (
    isRecord(raw) && raw.version === STATE_VERSION &&
    isRecord(raw.step) && typeof raw.step.type === "string" && STEP_TYPES.has(raw.step.type) &&
    isRecord(raw.consent) && typeof raw.consent.status === "string" && CONSENT_STATUSES.has(raw.consent.status)
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
