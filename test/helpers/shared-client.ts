/**
 * A client who shares their notes with the consultants, written through the store as the
 * webhook writes one: the heavy user of the sheet's tests (test/helpers/sheet-user.ts) with
 * `each` moments, check-ins, step outcomes and past WILL versions. The console's deploy test,
 * its screenshots and its benchmark seed these.
 */
import type { Firestore } from "@google-cloud/firestore";
import { addDays, addHours } from "date-fns";
import { restoreState, withFilledScores } from "../../src/dialogue";
import type { UserState } from "../../src/dialogue/state";
import type { NewEntry, StoredEntry } from "../../src/model/entry";
import { createFirestoreStore } from "../../src/store/firestore-store";
import { handoverCode } from "../../src/store/user-document";
import { heavyEntries, heavyState } from "./sheet-user";

/** How a seeded client looks. */
export interface SharedClientShape {
  /** How many moments, check-ins, step outcomes and past WILL versions (0: the heavy user's own). */
  each: number;
  /** When they last wrote; the clients page sorts by it. */
  lastActiveAt?: Date;
  /** Whether they asked for a consultant (the clients page lists open requests first). */
  handoverRequested?: boolean;
  /** Whether their latest three check-ins, after all the others, were at やりがい度 1 (the console's alerts list them). */
  lowCheckins?: boolean;
}

/** The most entries written in one transaction (Firestore takes up to 500 writes in one). */
const CHUNK = 400;
const START = new Date("2025-01-05T11:00:00.000Z");
const STEPS = ["同僚の相談に15分のる", "社内勉強会で5分話す", "友人の履歴書を一緒に読む", "地域の集まりで受付を手伝う"];
const STATUSES = ["done", "partly", "notYet"] as const;

/** The state of a client who shares, with `each` past WILL versions. */
export function sharedState(shape: SharedClientShape): UserState {
  const state = heavyState();
  const will = state.profile.will;
  const history =
    shape.each === 0 || will === null
      ? (will?.history ?? [])
      : Array.from({ length: shape.each }, (_, i) => ({
          statement: `${["まわりの人に頼ってもらえる人", "後輩を支える人", "安心して相談できる相手"][i % 3]}でいたい（${i + 1}）。`,
          at: addHours(START, i * 12).toISOString(),
        }));
  const lastActiveAt = shape.lastActiveAt ?? new Date("2026-03-02T12:00:00.000Z");
  return {
    ...state,
    handover: shape.handoverRequested === true ? { status: "requested", at: lastActiveAt.toISOString() } : null,
    lastActiveAt: lastActiveAt.toISOString(),
    sharing: { since: "2026-02-20T10:00:00.000Z" },
    profile: { ...state.profile, will: will === null ? null : { ...will, history } },
  };
}

/** The entries of a client of `shape`: the heavy user's, or `each` of every kind, then any low check-ins. */
export function sharedEntries(shape: SharedClientShape): NewEntry[] {
  const low: NewEntry[] =
    shape.lowCheckins === true
      ? [1, 2, 3].map((day) => ({
          kind: "checkin",
          score: 1,
          thanks: false,
          actionStatus: "notYet",
          willLink: null,
          at: `2026-03-0${day}T12:00:00.000Z`,
        }))
      : [];
  return [...someOfEach(shape.each), ...low];
}

function someOfEach(each: number): NewEntry[] {
  const base = heavyEntries();
  if (each === 0) return [...base, ...stepEntries(4, new Date("2026-01-10T11:00:00.000Z"))];
  const moments = base.filter((entry) => entry.kind === "thanks");
  const at = (i: number, hours: number) => addHours(addDays(START, i), hours).toISOString();
  const steps = stepEntries(each, START);
  return Array.from({ length: each }, (_, i): NewEntry[] => [
    { ...(moments[i % moments.length] ?? moments[0]), at: at(i, 1) },
    { kind: "checkin", score: (i % 5) + 1, thanks: i % 2 === 0, actionStatus: STATUSES[i % 3], willLink: "yes", at: at(i, 2) },
    steps[i],
  ]).flat();
}

/** `count` step outcomes, a week apart from `start`. */
function stepEntries(count: number, start: Date): NewEntry[] {
  return Array.from({ length: count }, (_, i) => ({
    kind: "step",
    action: STEPS[i % STEPS.length],
    due: addDays(start, i * 7)
      .toISOString()
      .slice(0, 10),
    status: STATUSES[i % 3],
    feeling: i % 2 === 0 ? "すっきりした" : null,
    reaction: null,
    at: addHours(addDays(start, i * 7), 3).toISOString(),
  }));
}

/**
 * Writes a sharing client through the store; returns their 受付番号. The state's check-in
 * scores are those of the entries, as a webhook that recorded them would have kept them.
 */
export async function seedSharedClient(db: Firestore, userId: string, shape: SharedClientShape): Promise<string> {
  const store = createFirestoreStore(db);
  const entries = sharedEntries(shape).map((entry, i) => ({ id: `seed-${i}`, entry }));
  const state = withScoresOf(sharedState(shape), entries);
  for (let from = 0; from === 0 || from < entries.length; from += CHUNK) {
    const chunk = entries.slice(from, from + CHUNK);
    await store.runTurn(userId, () => ({ write: { state, recentEventIds: [], entries: chunk }, result: null }));
  }
  return handoverCode(userId);
}

/** `state` with the check-in scores of `entries` (by the store's own filling in). */
function withScoresOf(state: UserState, entries: readonly StoredEntry[]): UserState {
  const checkins = entries.flatMap(({ id, entry }) => (entry.kind === "checkin" ? [{ id, at: entry.at, score: entry.score }] : []));
  const { checkinScores: _replaced, ...profile } = state.profile;
  return restoreState(withFilledScores({ ...state, profile }, checkins)).state;
}
