/**
 * A conversation with the real bot as readable text: each user action goes through
 * {@link handleEvents} over the in-memory store and the recording LINE gateway, and the
 * transcript shows the action and every message the bot sent, as the terminal chat
 * (`npm start`) would. Golden transcript tests compare that text with a file.
 */
import { checkMessages } from "../../src/line/limits";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { formatInstant } from "../../src/dialogue/format";
import { handleEvents, type BotDeps } from "../../src/handle-events";
import { createRecordingGateway, type RecordedLineCall, type RecordingGateway } from "../../src/line/recording-gateway";
import type { LogFields, Logger } from "../../src/log";
import { createMemoryStore } from "../../src/store/memory-store";
import { choicesOf, renderChoices, renderMessage, type TerminalChoice } from "../../scripts/lib/terminal-view";
import * as events from "./events";
import { findByLabel } from "./labels";

/** When a transcript starts unless told otherwise: a Tuesday morning in Tokyo. */
export const TRANSCRIPT_START = new Date("2026-11-24T10:00:00+09:00");
/** The consultant who receives hand-offs in transcripts. */
export const OPERATOR_ID = `U${"c0de".repeat(8)}`;
/** The booking page sent after a hand-off in transcripts. */
export const BOOKING_URL = "https://example.com/booking";
/** How far the clock moves after each user action, so that entries have distinct times. */
export const STEP_MS = 60_000;

/** What a date/time picker sends back: a date for `mode: "date"`, a time for `mode: "time"`. */
export type PickedValue = { date: string } | { time: string } | { datetime: string };

/** One log line the bot wrote during a transcript. */
export interface TranscriptLog {
  severity: "info" | "warn" | "error";
  message: string;
  fields: LogFields;
}

/** A conversation of one user with the bot; actions resolve once the bot has answered. */
export interface Transcript {
  /** The LINE user id of the user. */
  readonly userId: string;
  /** The in-memory store, for assertions on what was saved. */
  readonly store: ReturnType<typeof createMemoryStore>;
  /** Every LINE call the bot made, in order. */
  readonly gateway: RecordingGateway;
  /** Everything the bot logged. An error log makes the action that caused it throw. */
  readonly logs: TranscriptLog[];
  /** The clock the bot reads now. */
  now(): Date;
  /** The user adds the bot as a friend (or unblocks it). */
  follow(): Promise<void>;
  /** The user blocks the bot. */
  unfollow(): Promise<void>;
  /** The user types `text`. */
  say(text: string): Promise<void>;
  /**
   * The user sends `texts` in a row, `gapMs` apart (LINE's timestamps), delivered in one
   * webhook request as LINE may batch them; the bot's replies follow all of them.
   */
  sayInRow(texts: readonly string[], gapMs?: number): Promise<void>;
  /**
   * The user taps the quick reply labelled exactly `label` on the bot's last message. A
   * date/time picker needs the picked value. Throws, listing the labels on offer, when
   * there is no such quick reply.
   */
  tap(label: string, picked?: PickedValue): Promise<void>;
  /** The user sends a sticker. */
  sticker(): Promise<void>;
  /** The consultant ({@link OPERATOR_ID}) types `text` in their own chat with the bot. */
  operatorSays(text: string): Promise<void>;
  /** The consultant taps the button labelled `label` on the messages the bot last sent them (card buttons and quick replies). */
  operatorTap(label: string): Promise<void>;
  /** Moves the clock on by `days` days; the transcript shows 「（n日後）」. */
  advanceDays(days: number): void;
  /** Sets the clock to `date` (not earlier than now); the transcript shows the new time. */
  advanceTo(date: Date): void;
  /**
   * Runs `steps` without writing them into the transcript, which shows 「（summary）」 instead.
   * For setting a user up through the real dialogue when the setup is not the point.
   */
  offRecord(summary: string, steps: () => Promise<void>): Promise<void>;
  /**
   * Runs a scheduled job at the clock's time (the reminder pass, its follow-ups) over this
   * transcript's store and gateway; the transcript shows `label` and the pushes it made.
   */
  runJob(label: string, run: (now: Date) => Promise<unknown>): Promise<void>;
  /** The quick-reply labels on the bot's last message. */
  choices(): string[];
  /** The whole conversation so far as text, one line per user action and bubbles for the bot. */
  text(): string;
}

/** Starts a conversation; nothing is sent until the first action. */
export function createTranscript(
  options: { userId?: string; now?: Date; displayName?: string | null; escalateCrisis?: boolean; replyHours?: number } = {},
): Transcript {
  const userId = options.userId ?? events.userId();
  const store = createMemoryStore();
  const gateway = createRecordingGateway(options.displayName === undefined ? {} : { displayNames: { [userId]: options.displayName } });
  const logs: TranscriptLog[] = [];
  const logger =
    (severity: TranscriptLog["severity"]) =>
    (message: string, fields: LogFields = {}) =>
      void logs.push({ severity, message, fields });
  const log: Logger = { info: logger("info"), warn: logger("warn"), error: logger("error") };
  let clock = new Date(options.now ?? TRANSCRIPT_START);
  const deps: BotDeps = {
    store,
    line: gateway,
    now: () => new Date(clock),
    log,
    handoff: {
      operatorLineIds: [OPERATOR_ID],
      bookingUrl: BOOKING_URL,
      idleMs: 48 * 3_600_000,
      escalateCrisis: options.escalateCrisis ?? false,
      ...(options.replyHours === undefined ? {} : { replyHours: options.replyHours }),
    },
    markAsRead: "auto",
  };
  const lines: string[] = [];
  let recording = true;
  let lastChoices: TerminalChoice[] = [];
  let operatorChoices: TerminalChoice[] = [];
  let actor: "user" | "operator" = "user";

  const write = (...added: string[]) => {
    if (recording) lines.push(...added);
  };

  const send = (line: string, event: Record<string, unknown>, by: "user" | "operator" = "user"): Promise<void> =>
    sendAll([line], [event], by);

  const sendAll = async (
    said: readonly string[],
    sent: readonly Record<string, unknown>[],
    by: "user" | "operator" = "user",
    gapMs = 0,
  ): Promise<void> => {
    if (lines.length > 0) write("");
    write(...said);
    const line = said.join(" / ");
    actor = by;
    const callsBefore = gateway.calls.length;
    const logsBefore = logs.length;
    if (by === "user") lastChoices = [];
    else operatorChoices = [];
    await handleEvents(
      sent.map((event, index) => ({ ...event, timestamp: clock.getTime() + index * gapMs })),
      deps,
    );
    for (const call of gateway.calls.slice(callsBefore)) {
      showCall(call);
      const broken = call.kind === "reply" || call.kind === "push" ? checkMessages(call.messages) : [];
      if (broken.length > 0) throw new Error(`A message after 「${line}」 breaks LINE's limits: ${broken.join("; ")}`);
    }
    clock = new Date(clock.getTime() + STEP_MS);
    const errors = logs.slice(logsBefore).filter((entry) => entry.severity === "error");
    if (errors.length > 0) throw new Error(`The bot logged errors after 「${line}」: ${JSON.stringify(errors)}`);
  };

  const showCall = (call: RecordedLineCall) => {
    // What surrounds the messages (menus, read marks, the loading animation) is not part of the conversation.
    if (call.kind === "richMenu" || call.kind === "markAsRead" || call.kind === "loading") return;
    if (call.kind === "leave") {
      write(`（トークから退出: ${call.target}）`);
      return;
    }
    const toUser = call.kind === "reply" ? actor === "user" : call.target === userId;
    const toOperator = call.kind === "reply" ? actor === "operator" : call.target === OPERATOR_ID;
    if (call.kind === "reply" && toOperator) write("（相談員への返信）");
    else if (toOperator) write("（相談員へのプッシュ）");
    else if (!toUser) write(`（${call.target} へのプッシュ）`);
    else if (call.kind === "push") write("（プッシュ）");
    for (const message of call.messages) {
      write(...renderMessage(message));
      if (toUser || toOperator) write(...renderChoices(choicesOf(message)));
    }
    if (toUser) lastChoices = call.messages.length > 0 ? choicesOf(call.messages.at(-1)) : lastChoices;
    if (toOperator) operatorChoices = call.messages.flatMap(choicesOf);
  };

  const operatorTap = async (label: string): Promise<void> => {
    const choice = findByLabel(operatorChoices, label);
    if (choice === undefined || choice.action.type !== "postback" || typeof choice.action.data !== "string") {
      throw new Error(
        `No button 「${label}」 on the consultant's last messages. Available: ${operatorChoices.map((c) => `「${c.label}」`).join(" ")}`,
      );
    }
    await send(`相談員（タップ）: ${label}`, events.postback(OPERATOR_ID, choice.action.data), "operator");
  };

  const tap = async (label: string, picked?: PickedValue): Promise<void> => {
    const offered = lastChoices.map((choice) => choice.label);
    const choice = findByLabel(lastChoices, label);
    if (choice === undefined) {
      const available =
        offered.length > 0 ? offered.map((name) => `「${name}」`).join(" ") : "none (the last bot message has no quick replies)";
      throw new Error(`No quick reply 「${label}」 on the bot's last message. Available: ${available}`);
    }
    const { type, data, mode } = choice.action;
    if (typeof data !== "string") throw new Error(`The quick reply 「${label}」 has no postback data: ${JSON.stringify(choice.action)}`);
    if (type === "postback") {
      if (picked !== undefined) throw new Error(`「${label}」 is a plain button; it takes no picked value.`);
      await send(`あなた（タップ）: ${label}`, events.postback(userId, data));
      return;
    }
    if (type === "datetimepicker") {
      if (picked === undefined || typeof mode !== "string" || !(mode in picked)) {
        throw new Error(`「${label}」 opens a ${String(mode)} picker: call tap(${JSON.stringify(label)}, { ${String(mode)}: … }).`);
      }
      const value = "date" in picked ? picked.date : "time" in picked ? picked.time : picked.datetime;
      await send(`あなた（タップ）: ${label} → ${value}`, events.postback(userId, data, picked));
      return;
    }
    throw new Error(`The quick reply 「${label}」 has an action of type ${String(type)}, which transcripts cannot tap.`);
  };

  return {
    userId,
    store,
    gateway,
    logs,
    now: () => new Date(clock),
    follow: () => send("（友だち追加）", events.follow(userId)),
    unfollow: () => send("（ブロック）", events.unfollow(userId)),
    say: (text) => send(`あなた: ${text}`, events.text(userId, text)),
    sayInRow: (texts, gapMs = 400) =>
      sendAll(
        texts.map((text) => `あなた: ${text}`),
        texts.map((text) => events.text(userId, text)),
        "user",
        gapMs,
      ),
    tap,
    sticker: () => send("あなた: （スタンプ）", events.sticker(userId)),
    operatorSays: (text) => send(`相談員: ${text}`, events.text(OPERATOR_ID, text), "operator"),
    operatorTap,
    advanceDays(days) {
      clock = new Date(clock.getTime() + days * 24 * 60 * 60 * 1000);
      write(...(lines.length > 0 ? [""] : []), `（${days}日後）`);
    },
    advanceTo(date) {
      if (date.getTime() < clock.getTime())
        throw new Error(`advanceTo: ${date.toISOString()} is before the clock (${clock.toISOString()}).`);
      clock = new Date(date);
      write(...(lines.length > 0 ? [""] : []), `（${formatInstant(clock)}）`);
    },
    async offRecord(summary, steps) {
      const was = recording;
      recording = false;
      try {
        await steps();
      } finally {
        recording = was;
      }
      if (lines.length > 0) write("");
      write(`（${summary}）`);
    },
    async runJob(label, run) {
      if (lines.length > 0) write("");
      write(`（${label}）`);
      const callsBefore = gateway.calls.length;
      await run(new Date(clock));
      for (const call of gateway.calls.slice(callsBefore)) {
        showCall(call);
        const broken = call.kind === "leave" ? [] : checkMessages(call.messages);
        if (broken.length > 0) throw new Error(`A message of 「${label}」 breaks LINE's limits: ${broken.join("; ")}`);
      }
    },
    choices: () => lastChoices.map((choice) => choice.label),
    text: () => `${lines.join("\n")}\n`,
  };
}

/** Follows, consents and starts the first session: the bot then asks for today's やりがい度. */
export async function startFirstSession(t: Transcript): Promise<void> {
  await t.follow();
  await t.tap("同意してはじめる");
  await t.tap("いまはじめる");
}

/** Where golden transcripts live. */
export const GOLDEN_DIR = join(__dirname, "..", "transcripts");

/**
 * Expects `actual` to equal the golden file `test/transcripts/<name>.txt`. With
 * `UPDATE_GOLDEN=1` it writes the file instead; a missing file fails and says how to make it.
 */
export function expectGolden(name: string, actual: string): void {
  const file = join(GOLDEN_DIR, `${name}.txt`);
  const shown = relative(join(__dirname, "..", ".."), file);
  if (process.env.UPDATE_GOLDEN === "1") {
    mkdirSync(GOLDEN_DIR, { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  if (!existsSync(file)) {
    throw new Error(
      `The golden transcript ${shown} does not exist. Create it with\n  UPDATE_GOLDEN=1 npx jest test/dialogue/transcripts\n` +
        "then read it: what it shows becomes the expected dialogue.",
    );
  }
  const expected = readFileSync(file, "utf8").replace(/\r\n/g, "\n");
  if (actual === expected) return;
  try {
    expect(actual).toBe(expected);
  } catch (error) {
    if (error instanceof Error)
      error.message += `\n\n${shown} differs (- golden, + now). If the change is intended, run\n  UPDATE_GOLDEN=1 npx jest test/dialogue/transcripts\nand read the new file.`;
    throw error;
  }
}
