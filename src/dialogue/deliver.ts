/**
 * What the user finally receives for a turn. Some effects need data the core cannot read
 * (a page of records, the stored-data card, the insights chart, the hand-off result); the
 * app reads it, hands it in as {@link EffectData}, and {@link deliveredReplies} places the
 * replies those effects add. The five-message cap of a reply is applied here, once.
 */
import type { NewEntry, StoredEntry } from "../model/entry";
import { handoffResultReplies, RECORDS_PER_PAGE, recordsReplies, storedDataReplies } from "./cards";
import { insightsReplies } from "./checkin";
import type { ReadLogLine } from "./homework-cards";
import { HANDOFF_ENTRIES, type Effect } from "./effect";
import { capReplies, type Transition } from "./flow";
import { restingChoices } from "./prompts";
import type { Choice, Reply } from "./reply";
import { say } from "./say";
import { SHEET_ENTRIES, sheetReplies, sheetUnavailable, type SheetLink } from "./sheet";
import { lookBackReply } from "./look-back";

/** How many recent entries the insights read (about three months of weekly use). */
export const INSIGHT_ENTRIES = 200;

/** How many recent entries 「データ確認」 counts; past this it says "at least". */
export const MY_DATA_ENTRIES = 500;

export { HANDOFF_ENTRIES } from "./effect";

/** What the app read or did for the effects of one turn, by effect; absent parts add nothing. */
export interface EffectData {
  /** `showRecords`: the page's entries, newest first, plus one more when a next page exists. */
  records?: readonly StoredEntry[];
  /** `showStoredData`: the newest entries (up to {@link MY_DATA_ENTRIES}) and how many event ids the document remembers. */
  storedData?: { entries: readonly StoredEntry[]; recentEvents: number; reads?: readonly ReadLogLine[] };
  /** `showInsights`: the newest entries (up to {@link INSIGHT_ENTRIES}). */
  insights?: readonly NewEntry[];
  /** `handOff`: whether at least one operator was told, the user's reference code and the booking link. */
  handoff?: { notified: boolean; code: string; bookingUrl: string | undefined };
  /** `showSheet`: where the new sheet is kept, or "unavailable" when it could not be made or kept. */
  sheet?: SheetLink | "unavailable";
  /** `escalate`: whether at least one operator was told. */
  escalated?: boolean;
  /**
   * How soon a consultant writes to a user who asked (the operators' HANDOVER_REPLY_HOURS), for
   * the replies that promise it; absent when the operators state no time, and then none is promised.
   */
  replyHours?: number;
  /**
   * The entries an effect needed could not be read (the turn itself is stored): its reply
   * says so instead of showing records or stored data, and the insights chart is left out.
   */
  entriesUnavailable?: boolean;
}

/** The slice of the user's entries (newest first) an effect needs read, or null when it needs none. */
export function entriesNeeded(effect: Effect): { offset: number; limit: number } | null {
  switch (effect.type) {
    case "showRecords":
      return { offset: effect.page * RECORDS_PER_PAGE, limit: RECORDS_PER_PAGE + 1 };
    case "showStoredData":
      return { offset: 0, limit: MY_DATA_ENTRIES };
    case "showInsights":
      return { offset: 0, limit: INSIGHT_ENTRIES };
    case "showSheet":
      return { offset: 0, limit: SHEET_ENTRIES };
    case "handOff":
      return effect.scope === "withEntries" ? { offset: 0, limit: HANDOFF_ENTRIES } : null;
    case "recordEntry":
    case "removeEntry":
    case "deleteUserData":
    case "notifyOperator":
    case "escalate":
      return null;
  }
}

/**
 * The replies sent for a turn: the core's replies, with what each effect adds placed as the
 * user should read it (records, stored data and the hand-off result first, the insights chart
 * before the closing question), at most five. When the core said nothing after an added
 * message, that message carries the menu.
 */
export function deliveredReplies(transition: Transition, data: EffectData, now: Date): Reply[] {
  let replies = transition.replies;
  for (const effect of transition.effects) replies = addFor(effect, replies, transition, data, now);
  return capReplies(replies);
}

function addFor(effect: Effect, replies: Reply[], transition: Transition, data: EffectData, now: Date): Reply[] {
  const menu: Choice[] = replies.length === 0 ? restingChoices(transition.state) : [];
  switch (effect.type) {
    case "showRecords":
      if (data.records) return [...recordsReplies(data.records, effect.page, menu, transition.state.profile.steps), ...replies];
      return data.entriesUnavailable ? [say("records.unavailable", {}, menu), ...replies] : replies;
    case "showStoredData": {
      const stored = data.storedData;
      if (stored)
        return [
          ...storedDataReplies(transition.state, stored.entries, MY_DATA_ENTRIES, stored.recentEvents, menu, stored.reads ?? null),
          ...replies,
        ];
      return data.entriesUnavailable ? [say("records.unavailable", {}, menu), ...replies] : replies;
    }
    case "showInsights": {
      if (!data.insights) return replies;
      const lookBack = effect.lookBack ? lookBackReply(data.insights, transition.state.profile.will, now) : null;
      const chart = [...insightsReplies(data.insights, now), ...(lookBack ? [lookBack] : [])];
      return replies.length === 0 ? chart : [...replies.slice(0, -1), ...chart, replies.at(-1)!];
    }
    case "handOff": {
      const result = data.handoff;
      return result
        ? [...handoffResultReplies(result.notified, result.bookingUrl, result.code, menu, data.replyHours), ...replies]
        : replies;
    }
    case "showSheet":
      if (data.sheet === undefined) return replies;
      return [...(data.sheet === "unavailable" ? [sheetUnavailable(menu)] : sheetReplies(data.sheet, menu)), ...replies];
    case "escalate": {
      const hours = data.replyHours;
      if (!data.escalated) return [say("safety.escalateFailed"), ...replies];
      return [hours === undefined ? say("safety.escalated") : say("safety.escalatedWithin", { hours: String(hours) }), ...replies];
    }
    case "recordEntry":
    case "removeEntry":
    case "deleteUserData":
    case "notifyOperator":
      return replies;
  }
}
