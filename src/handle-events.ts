/**
 * Handles the events of one webhook request: each event is one turn of the dialogue, run
 * in one Firestore transaction (state and new entries together), then answered with its
 * reply token. Events of different users run concurrently; one user's run in timestamp order.
 */
import {
  advance,
  deliveredReplies,
  entriesNeeded,
  handoffNotice,
  sharedChatReplies,
  type Effect,
  type EffectData,
  type Reply,
  type Transition,
} from "./dialogue";
import { routeEvent, type RoutedEvent } from "./line/events";
import { lineRequestIdOf } from "./line/error";
import type { LineGateway } from "./line/gateway";
import { renderReplies } from "./line/render";
import { retryKey } from "./line/retry-key";
import { describeError, userTag, type Logger } from "./log";
import type { StoredEntry } from "./model/entry";
import { rememberEvent, type UserStore } from "./store/user-store";

/** Where a consultant hand-off goes. */
export interface HandoffSettings {
  /** LINE user ids that receive the request. */
  operatorLineIds: string[];
  /** The booking page the user is sent; optional. */
  bookingUrl: string | undefined;
}

/** What handling events needs; every part is injectable. */
export interface BotDeps {
  store: UserStore;
  line: LineGateway;
  /** The clock; tests pass a fixed one. */
  now: () => Date;
  log: Logger;
  handoff: HandoffSettings;
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

/** Handles every event of one webhook request; resolves when all have settled. */
export async function handleEvents(rawEvents: readonly unknown[], deps: BotDeps): Promise<void> {
  const byUser = new Map<string, UserEvent[]>();
  const tasks: Promise<void>[] = [];
  for (const routed of rawEvents.map(routeEvent)) {
    if (routed.kind === "user") {
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
  await Promise.all(tasks);
  if (failed.length > 0) throw new EventsFailedError(failed, { cause: causes[0] });
}

/** Runs one user's events in order, stopping at the first that cannot be stored. */
async function runInOrder(events: readonly UserEvent[], deps: BotDeps): Promise<void> {
  for (const event of events) {
    try {
      await handleUserEvent(event, deps);
    } catch (error) {
      deps.log.error("event failed", { eventId: event.eventId, user: userTag(event.userId), error: describeError(error) });
      throw error;
    }
  }
}

async function handleUserEvent(event: UserEvent, deps: BotDeps): Promise<void> {
  const started = Date.now();
  const input = event.input.type === "followed" ? { ...event.input, displayName: await deps.line.displayName(event.userId) } : event.input;
  const now = deps.now();
  const outcome = await deps.store.runTurn<{ transition: Transition; from: string; recentEvents: number } | "handled" | "gone">(
    event.userId,
    (stored) => {
      if (stored?.recentEventIds.includes(event.eventId)) return { write: null, result: "handled" };
      // A redelivered event of a user with no document: most likely the データ削除 that removed
      // it (a deletion stores no event id), or a later one. Handling it would bring back a document.
      if (stored === null && event.redelivery && input.type !== "followed") return { write: null, result: "gone" };
      const transition = advance(stored?.state, input, now);
      const deleting = transition.effects.some((effect) => effect.type === "deleteUserData");
      const entries = transition.effects.flatMap((effect, index) =>
        effect.type === "recordEntry" ? [{ id: `${event.eventId}-${index}`, entry: effect.entry }] : [],
      );
      const recentEventIds = rememberEvent(stored?.recentEventIds ?? [], event.eventId);
      return {
        write: deleting ? null : { state: transition.state, recentEventIds, entries },
        result: { transition, from: stepOf(stored?.state), recentEvents: recentEventIds.length },
      };
    },
    { order: event.timestamp },
  );
  const fields = { eventId: event.eventId, user: userTag(event.userId), input: input.type };
  if (outcome === "handled" || outcome === "gone") {
    deps.log.info(outcome === "handled" ? "event already handled" : "redelivered event of a user with no data ignored", fields);
    return;
  }
  const { transition, from, recentEvents } = outcome;
  const data: EffectData = {};
  for (const effect of transition.effects) await perform(effect, event, data, transition, recentEvents, deps);
  const replies = deliveredReplies(transition, data, deps.now());
  await sendReply(event.replyToken, replies, fields, deps);
  deps.log.info("event handled", {
    ...fields,
    from,
    to: transition.state.step.type,
    replies: replies.length,
    effects: transition.effects.map((effect) => effect.type).join(",") || undefined,
    ms: Date.now() - started,
  });
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
    if (effect.type === "handOff") data.handoff = { notified: false, code: handoffCode(event.userId), bookingUrl: deps.handoff.bookingUrl };
    return;
  }
  switch (effect.type) {
    case "recordEntry":
      return;
    case "deleteUserData":
      await deps.store.deleteUser(event.userId);
      deps.log.info("user data deleted", { eventId: event.eventId, user: userTag(event.userId) });
      return;
    case "showRecords":
      data.records = entries ?? [];
      return;
    case "showStoredData":
      data.storedData = { entries: entries ?? [], recentEvents };
      return;
    case "showInsights":
      data.insights = (entries ?? []).map(({ entry }) => entry);
      return;
    case "handOff": {
      const sender = { code: handoffCode(event.userId), displayName: await deps.line.displayName(event.userId) };
      const notified = await notifyOperators(handoffNotice(transition.state.profile, entries, sender), event.eventId, deps);
      data.handoff = { notified, code: sender.code, bookingUrl: deps.handoff.bookingUrl };
      return;
    }
  }
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

/** A reference code for a user's hand-off, the same each time, shown to both sides. */
export function handoffCode(userId: string): string {
  return userTag(`handoff:${userId}`).slice(0, 8).toUpperCase();
}

async function notifyOperators(text: string, eventId: string, deps: BotDeps): Promise<boolean> {
  const messages = renderReplies([{ type: "text", text }]);
  let notified = false;
  for (const operator of deps.handoff.operatorLineIds) {
    try {
      await deps.line.push(operator, messages, retryKey(`handoff:${eventId}:${operator}`));
      notified = true;
    } catch (error) {
      deps.log.error("hand-off push failed", {
        eventId,
        operator: userTag(operator),
        error: describeError(error),
        lineRequestId: lineRequestIdOf(error),
      });
    }
  }
  if (deps.handoff.operatorLineIds.length === 0) deps.log.warn("hand-off requested but OPERATOR_LINE_IDS is empty", { eventId });
  return notified;
}

async function sendReply(replyToken: string | null, replies: Reply[], fields: Record<string, string>, deps: BotDeps): Promise<void> {
  if (replyToken === null || replies.length === 0) return;
  try {
    await deps.line.reply(replyToken, renderReplies(replies));
  } catch (error) {
    deps.log.error("reply failed", { ...fields, error: describeError(error), lineRequestId: lineRequestIdOf(error) });
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
