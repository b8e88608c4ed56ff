/**
 * Handles the events of one webhook request: each event is one turn of the dialogue, run
 * in one Firestore transaction (state and new entries together), then answered with its
 * reply token. Events of different users run concurrently; one user's run in timestamp order.
 */
import {
  advance,
  deliveredReplies,
  entriesNeeded,
  escalationNotice,
  handoffNotice,
  menuAfter,
  operatorCommand,
  operatorEndNotice,
  operatorNoticeCard,
  isLineOperator,
  offerEscalation,
  pairingReplies,
  pairingRequest,
  prepareSafetyReadStep,
  sharedChatReplies,
  storedMenu,
  type Effect,
  type EffectData,
  type MenuStage,
  type OperatorCommand,
  type Reply,
  type Transition,
} from "./dialogue";
import type { Consultants } from "./consultants";
import { routeEvent, type RoutedEvent } from "./line/events";
import { lineRequestIdOf } from "./line/error";
import type { LineGateway } from "./line/gateway";
import { renderReplies } from "./line/render";
import { afterTurn, startLoading, type MarkAsReadMode } from "./line/surface";
import { retryKey } from "./line/retry-key";
import { holdReply, markStale, releaseReply } from "./held-replies";
import { describeError, userTag, type Logger } from "./log";
import { handoverCode } from "./store/user-document";
import type { StoredEntry } from "./model/entry";
import { rememberEvent, type UserStore } from "./store/user-store";
import { issueSheet, type SheetSettings } from "./sheet-routes";
import type { ClientRecordsForBot, ReadRecord } from "./store/client-records";
import { runOperatorCommand } from "./operator-commands";
import type { HandoverRecords } from "./store/handover-record-store";

/** Where a consultant hand-off goes. */
export interface HandoffSettings {
  /** LINE user ids that receive the request. */
  operatorLineIds: string[];
  /** The booking page the user is sent; optional. */
  bookingUrl: string | undefined;
  /** How long a consultant's hand-over lasts without a message from the user (`HANDOVER_IDLE_HOURS`). */
  idleMs: number;
  /** Whether a user in crisis is asked if their consultant may contact them (`ESCALATE_CRISIS`). */
  escalateCrisis: boolean;
  /** How soon a consultant writes to a user who asked to be contacted (`HANDOVER_REPLY_HOURS`); absent: no time is promised. */
  replyHours?: number;
}

/** What handling events needs; every part is injectable. */
export interface BotDeps {
  store: UserStore;
  line: LineGateway;
  /** The clock; tests pass a fixed one. */
  now: () => Date;
  log: Logger;
  handoff: HandoffSettings;
  /** Whether an answered message is marked read (`MARK_AS_READ`). */
  markAsRead: MarkAsReadMode;
  /** The paired consultants; without it, only `handoff.operatorLineIds` are consultants and every pairing code is refused. */
  consultants?: Consultants;
  /** Where 振り返りシート are kept and linked from; without it 「シートを見る」 says the sheet cannot be made now. */
  sheets?: SheetSettings;
  /** The console's records of a client (notes, homework, the read log): shown in 「データ確認」, deleted by データ削除. */
  clientRecords?: ClientRecordsForBot;
  /** Where taken and ended hand-overs are recorded for the console's queue; without it, nothing is. */
  handoverRecords?: HandoverRecords;
}

/** Some events could not be stored; the webhook answers non-2xx so that LINE redelivers. */
export class EventsFailedError extends Error {
  override name = "EventsFailedError";
  constructor(
    readonly failedEventIds: string[],
    options?: ErrorOptions,
  ) {
    super(`${failedEventIds.length} event(s) could not be handled`, options);
  }
}

type UserEvent = Extract<RoutedEvent, { kind: "user" }>;

/** The consultants' LINE user ids: those configured and, with `consultants`, those paired since. */
function operatorIdsOf(deps: BotDeps): Promise<string[]> {
  return deps.consultants ? deps.consultants.operatorIds() : Promise.resolve(deps.handoff.operatorLineIds);
}

/**
 * Readies the crisis detector for an instance's first text message in the waits that message has
 * anyway (the store's first read), one step of a few milliseconds at a time, so that the turn
 * does not do it and no answer from the store waits long behind it; once the detector is ready,
 * this does nothing.
 */
function prepareSafetyReadInSteps(): void {
  const next = () => {
    if (prepareSafetyReadStep()) setImmediate(next);
  };
  setImmediate(next);
}

/** Handles every event of one webhook request; resolves when all have settled. */
export async function handleEvents(rawEvents: readonly unknown[], deps: BotDeps): Promise<void> {
  const routedEvents = rawEvents.map(routeEvent);
  // Who the consultants are is read only for a message that reads as a consultant's command:
  // an ordinary message (an instance's first among them) does not wait for that read.
  const commands = routedEvents.map((routed) => (routed.kind === "user" ? operatorCommand(routed.input) : null));
  const operators = commands.some((command) => command !== null) ? await operatorIdsOf(deps) : [];
  const byUser = new Map<string, UserEvent[]>();
  const tasks: Promise<void>[] = [];
  const operatorEvents: { event: UserEvent; command: OperatorCommand }[] = [];
  const pairings: { event: UserEvent; code: string }[] = [];
  for (const [index, routed] of routedEvents.entries()) {
    const command = routed.kind === "user" && operators.includes(routed.userId) ? commands[index] : null;
    const pairing = routed.kind === "user" ? pairingRequest(routed.input) : null;
    if (routed.kind === "user" && pairing !== null) {
      pairings.push({ event: routed, code: pairing.code });
    } else if (routed.kind === "user" && command !== null) {
      operatorEvents.push({ event: routed, command });
    } else if (routed.kind === "user") {
      byUser.set(routed.userId, [...(byUser.get(routed.userId) ?? []), routed]);
    } else if (routed.kind === "sharedChat") {
      tasks.push(answerSharedChat(routed, deps));
    } else {
      deps.log.info("event ignored", { eventId: routed.eventId, reason: routed.reason });
    }
  }
  const failed: string[] = [];
  const causes: unknown[] = [];
  for (const events of byUser.values()) {
    const ordered = [...events].sort((a, b) => a.timestamp - b.timestamp);
    tasks.push(
      runInOrder(ordered, deps).catch((error: unknown) => {
        failed.push(...ordered.map((event) => event.eventId));
        causes.push(error);
      }),
    );
  }
  for (const { event, code } of pairings) {
    tasks.push(
      answerPairing(event, code, deps).catch((error: unknown) => {
        failed.push(event.eventId);
        causes.push(error);
      }),
    );
  }
  for (const { event, command } of operatorEvents) {
    tasks.push(
      handleOperatorEvent(event, command, deps).catch((error: unknown) => {
        deps.log.error("operator event failed", { eventId: event.eventId, error: describeError(error) });
        failed.push(event.eventId);
        causes.push(error);
      }),
    );
  }
  await Promise.all(tasks);
  if (failed.length > 0) throw new EventsFailedError(failed, { cause: causes[0] });
}

/**
 * Runs one user's events in order, stopping at the first that cannot be stored, then sends
 * their replies, each with what goes beside it (menu, read mark): a reply a later message
 * made stale (`held-replies.ts`) is left unsent.
 */
async function runInOrder(events: readonly UserEvent[], deps: BotDeps): Promise<void> {
  const replies: (() => Promise<void>)[] = [];
  try {
    for (const event of events) {
      try {
        const reply = await handleUserEvent(event, deps);
        if (reply !== null) replies.push(reply);
      } catch (error) {
        deps.log.error("event failed", { eventId: event.eventId, user: userTag(event.userId), error: describeError(error) });
        throw error;
      }
    }
  } finally {
    for (const reply of replies) await reply();
  }
}

/** Runs one event's turn and its effects; resolves to what sends its reply, null when there is none. */
async function handleUserEvent(event: UserEvent, deps: BotDeps): Promise<(() => Promise<void>) | null> {
  holdReply(event.eventId);
  try {
    return await runUserEvent(event, deps);
  } catch (error) {
    releaseReply(event.eventId);
    throw error;
  }
}

async function runUserEvent(event: UserEvent, deps: BotDeps): Promise<(() => Promise<void>) | null> {
  const started = Date.now();
  const input = event.input.type === "followed" ? { ...event.input, displayName: await deps.line.displayName(event.userId) } : event.input;
  const now = deps.now();
  const turn = deps.store.runTurn<
    { transition: Transition; from: string; recentEvents: number; menu: MenuStage | null } | "handled" | "gone"
  >(
    event.userId,
    (stored) => {
      if (stored?.recentEventIds.includes(event.eventId)) return { write: null, result: "handled" };
      // A redelivered event of a user with no document: most likely the データ削除 that removed
      // it (a deletion stores no event id), or a later one. Handling it would bring back a document.
      if (stored === null && event.redelivery && input.type !== "followed") return { write: null, result: "gone" };
      const advanced = advance(stored?.state, input, now);
      const transition = deps.handoff.escalateCrisis ? offerEscalation(advanced, now) : advanced;
      const deleting = transition.effects.some((effect) => effect.type === "deleteUserData");
      const entries = transition.effects.flatMap((effect, index) =>
        effect.type === "recordEntry" ? [{ id: effect.id ?? `${event.eventId}-${index}`, entry: effect.entry }] : [],
      );
      const removedEntries = transition.effects.flatMap((effect) => (effect.type === "removeEntry" ? [effect.id] : []));
      // The messages this one takes up were the user's latest: their replies, if still held, are stale.
      const takesUp = transition.takesUp ?? 0;
      if (takesUp > 0) markStale((stored?.recentEventIds ?? []).slice(-takesUp));
      const recentEventIds = rememberEvent(stored?.recentEventIds ?? [], event.eventId);
      return {
        write: deleting ? null : { state: transition.state, recentEventIds, entries, removedEntries },
        result: {
          transition,
          from: stepOf(stored?.state),
          recentEvents: recentEventIds.length,
          menu: stored === null ? null : storedMenu(stored.state),
        },
      };
    },
    { order: event.timestamp },
  );
  // The turn now waits for the store; an instance's first text message readies the crisis
  // detector in those waits, not inside the turn.
  if (input.type === "textReceived") prepareSafetyReadInSteps();
  const outcome = await turn;
  const fields = { eventId: event.eventId, user: userTag(event.userId), input: input.type };
  if (outcome === "handled" || outcome === "gone") {
    releaseReply(event.eventId);
    deps.log.info(outcome === "handled" ? "event already handled" : "redelivered event of a user with no data ignored", fields);
    return null;
  }
  const { transition, from, recentEvents } = outcome;
  const data: EffectData = deps.handoff.replyHours === undefined ? {} : { replyHours: deps.handoff.replyHours };
  // Started before the entries are read, and settled before the reply that ends it.
  const loading = transition.effects.some((effect) => entriesNeeded(effect) !== null)
    ? startLoading(deps.line, event.userId, deps.log, fields)
    : undefined;
  for (const effect of transition.effects) await perform(effect, event, data, transition, recentEvents, deps);
  const replies = deliveredReplies(transition, data, deps.now());
  return async () => {
    await loading;
    const current = releaseReply(event.eventId);
    const answered = current ? sendReply(event.replyToken, replies, fields, deps, event.quoteToken) : Promise.resolve(false);
    const turn = { userId: event.userId, input: input.type, markAsReadToken: event.markAsReadToken, answered };
    const surfaced = afterTurn(
      deps.line,
      { ...turn, before: outcome.menu, after: menuAfter(transition) },
      deps.markAsRead,
      deps.log,
      fields,
    );
    await answered;
    deps.log.info("event handled", {
      ...fields,
      from,
      to: transition.state.step.type,
      replies: current ? replies.length : 0,
      stale: current ? undefined : true,
      effects: transition.effects.map((effect) => effect.type).join(",") || undefined,
      ms: Date.now() - started,
    });
    await surfaced;
  };
}

/** Carries out one effect after the commit, keeping in `data` what its replies need. */
async function perform(
  effect: Effect,
  event: UserEvent,
  data: EffectData,
  transition: Transition,
  recentEvents: number,
  deps: BotDeps,
): Promise<void> {
  const slice = entriesNeeded(effect);
  const entries = slice ? await readEntries(event, effect, slice, deps) : null;
  if (entries === "unavailable") {
    // The turn is stored: a failure now must not fail the request, or LINE's redelivery would
    // find the event handled and the user would never get an answer. The reply says so instead.
    data.entriesUnavailable = true;
    if (effect.type === "showSheet") data.sheet = "unavailable";
    if (effect.type === "handOff")
      data.handoff = { notified: false, code: handoverCode(event.userId), bookingUrl: deps.handoff.bookingUrl };
    return;
  }
  switch (effect.type) {
    case "recordEntry":
    case "removeEntry":
      return;
    case "deleteUserData":
      // The sheets first: if their deletion fails, the event fails whole and LINE's redelivery
      // finds the user document still there and deletes everything again.
      await deps.sheets?.store.deleteForUser(event.userId);
      await deps.clientRecords?.deleteForUser(event.userId);
      await deps.store.deleteUser(event.userId);
      deps.log.info("user data deleted", { eventId: event.eventId, user: userTag(event.userId) });
      return;
    case "showRecords":
      data.records = entries ?? [];
      return;
    case "showStoredData":
      data.storedData = {
        entries: entries ?? [],
        recentEvents,
        ...(await readsFor(event.userId, deps)),
      };
      return;
    case "showInsights":
      data.insights = (entries ?? []).map(({ entry }) => entry);
      return;
    case "showSheet":
      data.sheet = await issueSheet(event.userId, transition.state, entries ?? [], deps.now(), deps.sheets, deps.log, {
        eventId: event.eventId,
      });
      return;
    case "handOff": {
      const sender = { code: handoverCode(event.userId), displayName: await deps.line.displayName(event.userId) };
      const notice: Reply[] = [
        { type: "text", text: handoffNotice(transition.state.profile, entries, sender, effect.topic) },
        { type: "card", card: operatorNoticeCard(sender.code) },
      ];
      const notified = await notifyOperators(notice, event.eventId, deps);
      data.handoff = { notified, code: sender.code, bookingUrl: deps.handoff.bookingUrl };
      return;
    }
    case "escalate": {
      // The 受付番号 only: the operator never gets the message that showed the crisis.
      const notice = escalationNotice(handoverCode(event.userId), deps.handoff.replyHours);
      data.escalated = await notifyOperators(notice, `escalate:${event.eventId}`, deps);
      deps.log.warn("crisis escalated to the operators", { eventId: event.eventId, user: userTag(event.userId), notified: data.escalated });
      return;
    }
    case "notifyOperator":
      // The console's queue shows when it ended; a client who deleted their data has no record left to end.
      if (effect.reason !== "deleted") await recordEnd(event, effect.takenAt, deps);
      // A consultant who took the client in the console has no LINE chat to tell: the console shows the end.
      if (!isLineOperator(effect.operator)) return;
      await pushTo(
        effect.operator,
        operatorEndNotice(effect.reason, handoverCode(event.userId), deps.handoff.idleMs),
        `handover-end:${event.eventId}`,
        { eventId: event.eventId, operator: userTag(effect.operator) },
        deps,
      );
      return;
  }
}

/** Records the end of the hand-over taken at `takenAt`; a failure is logged, never the turn's (it is stored by then). */
async function recordEnd(event: UserEvent, takenAt: string, deps: BotDeps): Promise<void> {
  try {
    await deps.handoverRecords?.ended(event.userId, takenAt, deps.now());
  } catch (error) {
    deps.log.warn("hand-over record failed", { eventId: event.eventId, user: userTag(event.userId), error: describeError(error) });
  }
}

/** How many reads of the client's page 「データ確認」 reads (it lists the newest and counts the rest). */
const READS_LISTED = 200;

/** The console's read log for 「データ確認」; left out (the card then has no such section) when it cannot be read. */
async function readsFor(userId: string, deps: BotDeps): Promise<{ reads?: ReadRecord[] }> {
  if (!deps.clientRecords) return {};
  try {
    return { reads: await deps.clientRecords.readsOf(userId, READS_LISTED) };
  } catch (error) {
    deps.log.warn("read log unavailable", { user: userTag(userId), error: describeError(error) });
    return {};
  }
}

/**
 * An operator's 対応 / 見送り / 終了, typed or tapped: applied to the user whose 受付番号 it names
 * in that user's turn (so it queues with the user's own messages, and the first of two
 * operators wins), remembered under the operator's event id (a redelivery changes nothing),
 * then pushed to the user and answered to the operator.
 */
async function handleOperatorEvent(event: UserEvent, command: OperatorCommand, deps: BotDeps): Promise<void> {
  const fields = { eventId: event.eventId, operator: userTag(event.userId), verb: command.verb };
  const request = { ...command, operator: event.userId, key: event.eventId, order: event.timestamp };
  const { turn, userId } = await runOperatorCommand(request, { ...deps, records: deps.handoverRecords });
  if (turn === "handled") {
    deps.log.info("operator event already handled", fields);
    return;
  }
  await sendReply(event.replyToken, turn.toOperator, fields, deps);
  deps.log.info("operator event handled", { ...fields, user: userId === null ? undefined : userTag(userId), outcome: turn.outcome });
}

/**
 * A pairing code (「相談員登録 …」), answered apart from the dialogue: it is never stored as an
 * answer, whether the code is taken or refused. A failure to reach Firestore fails the request,
 * so that LINE redelivers it.
 */
async function answerPairing(event: UserEvent, code: string, deps: BotDeps): Promise<void> {
  const fields = { eventId: event.eventId, user: userTag(event.userId) };
  const outcome = deps.consultants
    ? await deps.consultants
        .pair(code, event.userId, () => deps.line.displayName(event.userId), deps.now())
        .catch((error: unknown) => {
          deps.log.error("pairing failed", { ...fields, error: describeError(error) });
          throw error;
        })
    : ("invalid" as const);
  deps.log.info("pairing code answered", { ...fields, outcome });
  await sendReply(event.replyToken, pairingReplies(outcome), fields, deps);
}

/**
 * The entries an effect needs, read after the turn's commit; "unavailable" (logged) when the
 * read fails, since the event is applied by then and its request must still be answered 200.
 */
async function readEntries(
  event: UserEvent,
  effect: Effect,
  slice: { offset: number; limit: number },
  deps: BotDeps,
): Promise<StoredEntry[] | "unavailable"> {
  try {
    return await deps.store.listEntries(event.userId, slice.offset, slice.limit);
  } catch (error) {
    deps.log.error("entries read failed", {
      eventId: event.eventId,
      user: userTag(event.userId),
      effect: effect.type,
      error: describeError(error),
    });
    return "unavailable";
  }
}

/**
 * Pushes `replies` once (LINE drops a second push with the same retry key); a failure is
 * logged as `what` failed, not thrown. Resolves whether the push went out.
 */
async function pushTo(
  to: string,
  replies: Reply[],
  key: string,
  fields: Record<string, string>,
  deps: BotDeps,
  what = "push",
): Promise<boolean> {
  try {
    await deps.line.push(to, renderReplies(replies), retryKey(key));
    return true;
  } catch (error) {
    deps.log.error(`${what} failed`, { ...fields, error: describeError(error), lineRequestId: lineRequestIdOf(error) });
    return false;
  }
}

/** Pushes `notice` to every operator; resolves whether at least one got it. */
async function notifyOperators(notice: Reply[], eventId: string, deps: BotDeps): Promise<boolean> {
  let notified = false;
  // After the commit: a failed read of the paired consultants must not lose the request, so the
  // configured ones are told at least.
  const operators = await operatorIdsOf(deps).catch((error: unknown) => {
    deps.log.warn("consultants could not be read; telling the configured ones", { eventId, error: describeError(error) });
    return deps.handoff.operatorLineIds;
  });
  for (const operator of operators) {
    const fields = { eventId, operator: userTag(operator) };
    if (await pushTo(operator, notice, `handoff:${eventId}:${operator}`, fields, deps, "hand-off push")) notified = true;
  }
  if (operators.length === 0) deps.log.warn("hand-off requested but OPERATOR_LINE_IDS is empty", { eventId });
  return notified;
}

/** Replies, quoting the user's message where a reply asks to; resolves whether LINE took the reply. */
async function sendReply(
  replyToken: string | null,
  replies: Reply[],
  fields: Record<string, string>,
  deps: BotDeps,
  quoteToken: string | null = null,
): Promise<boolean> {
  if (replyToken === null || replies.length === 0) return false;
  try {
    await deps.line.reply(replyToken, renderReplies(replies, quoteToken));
    return true;
  } catch (error) {
    deps.log.error("reply failed", { ...fields, error: describeError(error), lineRequestId: lineRequestIdOf(error) });
    return false;
  }
}

/**
 * Answers a group or room once and leaves it. The notice and the leave are tried apart, so
 * a failed notice never keeps the bot in the chat; a redelivered event gets no second
 * notice. Neither failure fails the request: nothing is stored, so a redelivery would only
 * repeat the attempt.
 */
async function answerSharedChat(event: Extract<RoutedEvent, { kind: "sharedChat" }>, deps: BotDeps): Promise<void> {
  const fields = { eventId: event.eventId, chat: event.chat.type };
  const failed = (step: string) => (error: unknown) =>
    deps.log.warn(`shared chat ${step} failed`, { ...fields, error: describeError(error), lineRequestId: lineRequestIdOf(error) });
  if (event.replyToken !== null && !event.redelivery) {
    await deps.line.reply(event.replyToken, renderReplies(sharedChatReplies())).catch(failed("notice"));
  }
  try {
    await deps.line.leave(event.chat);
    deps.log.info("left shared chat", { ...fields, redelivery: event.redelivery });
  } catch (error) {
    failed("leave")(error);
  }
}

function stepOf(state: unknown): string {
  if (typeof state === "object" && state !== null && "step" in state) {
    const step: unknown = state.step;
    if (typeof step === "object" && step !== null && "type" in step && typeof step.type === "string") return step.type;
  }
  return "none";
}
