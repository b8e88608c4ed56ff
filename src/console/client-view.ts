/**
 * What the console's pages receive about a shared client: plain JSON, keyed by the 受付番号,
 * with codes (stage, status) the page puts into words. Pure: built from the state and the
 * entries the console store read; never the LINE user id, never the display name (not shared).
 */
import { values, type UserState } from "../dialogue";
import type { StoredEntry } from "../model/entry";
import type { SharedClient } from "../store/console-store";

/** Where a client is on their path. */
export type ClientStage = "firstSession" | "reflecting" | "withConsultant";

/** One row of the clients page. */
export interface ClientRow {
  code: string;
  sharedSince: string;
  lastActiveAt: string | null;
  stage: ClientStage;
  /** A hand-over request waiting (`requested`) or under way (`active`); null when none. */
  handover: "requested" | "active" | null;
  /** The latest やりがい度 answers, oldest first (at most {@link TREND_POINTS}). */
  scores: number[];
}

/** A client's page. */
export interface ClientPage extends ClientRow {
  will: { statement: string; at: string; history: { statement: string; at: string }[] } | null;
  values: string[];
  action: { text: string; due: string } | null;
  moments: { text: string; feeling: string | null; deed: string | null; at: string }[];
  /** Every やりがい度 answer read, oldest first: the first session's and the check-ins'. */
  scoreSeries: { at: string; score: number }[];
  steps: { action: string; due: string; status: string; feeling: string | null; reaction: string | null; at: string }[];
  checkins: { at: string; score: number; thanks: boolean; actionStatus: string | null; willLink: string | null }[];
}

/** How many scores the clients page draws as a trend. */
export const TREND_POINTS = 5;

/** The clients page: open hand-over requests first, then the most recently active. */
export function clientRows(clients: readonly SharedClient[]): ClientRow[] {
  const rank = (row: ClientRow) => (row.handover === "requested" ? 0 : row.handover === "active" ? 1 : 2);
  return clients
    .map(clientRow)
    .sort((a, b) => rank(a) - rank(b) || (b.lastActiveAt ?? "").localeCompare(a.lastActiveAt ?? "") || a.code.localeCompare(b.code));
}

/** A client's page from what the store read. */
export function clientPage(client: SharedClient): ClientPage {
  const { profile } = client.state;
  const oldestFirst = [...client.entries].reverse().map(({ entry }) => entry);
  const steps = oldestFirst.flatMap((entry) => (entry.kind === "step" ? [entry] : []));
  return {
    ...clientRow(client),
    will: profile.will,
    values: [...profile.values.map((id) => values[id].label), ...profile.ownValues],
    action: profile.action,
    moments: oldestFirst.flatMap((e) => (e.kind === "thanks" ? [{ text: e.text, feeling: e.feeling, deed: e.deed, at: e.at }] : [])),
    scoreSeries: scoresOf(client.entries),
    steps: (steps.length > 0 ? steps : profile.steps).map(({ action, due, status, feeling, reaction, at }) => ({
      action,
      due,
      status,
      feeling,
      reaction,
      at,
    })),
    checkins: oldestFirst.flatMap((e) =>
      e.kind === "checkin" ? [{ at: e.at, score: e.score, thanks: e.thanks, actionStatus: e.actionStatus, willLink: e.willLink }] : [],
    ),
  };
}

function clientRow(client: SharedClient): ClientRow {
  const { state } = client;
  return {
    code: client.code,
    sharedSince: state.sharing.since,
    lastActiveAt: state.lastActiveAt,
    stage: stageOf(state),
    handover: state.handover?.status ?? null,
    scores: scoresOf(client.entries)
      .slice(-TREND_POINTS)
      .map(({ score }) => score),
  };
}

function stageOf(state: UserState): ClientStage {
  if (state.handover?.status === "active") return "withConsultant";
  return state.profile.completedFirstSession ? "reflecting" : "firstSession";
}

/** The やりがい度 answers among newest-first `entries`, oldest first. */
function scoresOf(entries: readonly StoredEntry[]): { at: string; score: number }[] {
  return entries
    .flatMap(({ entry }) => (entry.kind === "workScore" || entry.kind === "checkin" ? [{ at: entry.at, score: entry.score }] : []))
    .reverse();
}
