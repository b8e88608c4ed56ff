/**
 * Handles the events of one webhook request: each event is one turn of the dialogue, run
 * in one Firestore transaction, then answered with its reply token. Events of different
 * users run concurrently; events of one user run in timestamp order.
 */
import { createHash } from "node:crypto";
import { advance, sharedChatReplies } from "./dialogue/transition";
import type { Transition } from "./dialogue/transition";
import { routeEvent, type RoutedEvent } from "./line/events";
import type { LineGateway } from "./line/gateway";
import { renderReplies } from "./line/render";
import { describeError, type Logger } from "./log";
import { rememberEvent, type UserStore } from "./store/user-store";

/** What handling events needs; every part is injectable. */
export interface BotDeps {
  store: UserStore;
  line: LineGateway;
  /** The clock; tests pass a fixed one. */
  now: () => Date;
  log: Logger;
}

/** Some events could not be stored; the webhook answers non-2xx so that LINE redelivers. */
export class EventsFailedError extends Error {
  override name = "EventsFailedError";
  constructor(readonly failedEventIds: string[], options?: ErrorOptions) {
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
  const input =
    event.input.type === "followed" ? { ...event.input, displayName: await deps.line.displayName(event.userId) } : event.input;
  const now = deps.now();
  const outcome = await deps.store.runTurn<{ transition: Transition; from: string } | null>(event.userId, (stored) => {
    if (stored?.recentEventIds.includes(event.eventId)) return { write: null, result: null };
    const transition = advance(stored?.state, input, now);
    return {
      write: { state: transition.state, recentEventIds: rememberEvent(stored?.recentEventIds ?? [], event.eventId) },
      result: { transition, from: stepOf(stored?.state) },
    };
  });
  const fields = { eventId: event.eventId, user: userTag(event.userId), input: input.type };
  if (outcome === null) {
    deps.log.info("event already handled", fields);
    return;
  }
  const { transition, from } = outcome;
  await sendReply(event.replyToken, transition, fields, deps);
  deps.log.info("event handled", { ...fields, from, to: transition.state.step.type, replies: transition.replies.length, ms: Date.now() - started });
}

async function sendReply(replyToken: string | null, transition: Transition, fields: Record<string, string>, deps: BotDeps): Promise<void> {
  if (replyToken === null || transition.replies.length === 0) return;
  try {
    await deps.line.reply(replyToken, renderReplies(transition.replies));
  } catch (error) {
    deps.log.error("reply failed", { ...fields, error: describeError(error), ...lineRequestId(error) });
  }
}

async function answerSharedChat(event: Extract<RoutedEvent, { kind: "sharedChat" }>, deps: BotDeps): Promise<void> {
  try {
    if (event.replyToken !== null) await deps.line.reply(event.replyToken, renderReplies(sharedChatReplies()));
    await deps.line.leave(event.chat);
    deps.log.info("left shared chat", { eventId: event.eventId, chat: event.chat.type });
  } catch (error) {
    deps.log.warn("shared chat answer failed", { eventId: event.eventId, chat: event.chat.type, error: describeError(error), ...lineRequestId(error) });
  }
}

function stepOf(state: unknown): string {
  if (typeof state === "object" && state !== null && "step" in state) {
    const step: unknown = state.step;
    if (typeof step === "object" && step !== null && "type" in step && typeof step.type === "string") return step.type;
  }
  return "none";
}

function lineRequestId(error: unknown): { lineRequestId?: string } {
  if (typeof error === "object" && error !== null && "requestId" in error && typeof error.requestId === "string") {
    return { lineRequestId: error.requestId };
  }
  return {};
}

/** A short, stable, non-reversible tag for a LINE user id, for correlating log lines. */
export function userTag(userId: string): string {
  return createHash("sha256").update(userId).digest("hex").slice(0, 12);
}
