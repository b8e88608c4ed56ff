/**
 * The check-in scores the state keeps for the consultants' alerts: counted with the check-in
 * (once, even when its last answer is corrected), left for the store to fill in when they are
 * not current, filled in from the entries (the burst's earlier state without its answer's), and
 * read into whether a client is listed.
 */
import {
  consoleAlert,
  contactRequested,
  lowScores,
  scoresWanted,
  withFilledScores,
  type StoredCheckin,
} from "../../src/dialogue/checkin-scores";
import type { Transition } from "../../src/dialogue/flow";
import type { Input } from "../../src/dialogue/input";
import { restoreState } from "../../src/dialogue/restore";
import type { CheckinScores, UserState } from "../../src/dialogue/state";
import { transition } from "../../src/dialogue/transition";
import { NOW, sampleState } from "../helpers/dialogue-states";

const SHARING = { since: "2026-11-01T00:00:00.000Z" };

/** At the check-in's last question (the WILL), this week's やりがい度 `score`, with `kept` scores (absent: none kept). */
function atLastQuestion(score: number, kept?: CheckinScores): UserState {
  const state = sampleState("reflectingWill");
  const { checkinScores: _none, ...profile } = state.profile;
  return {
    ...state,
    sharing: SHARING,
    reflection: { score, thanks: false, actionStatus: "done" },
    profile: kept === undefined ? profile : { ...profile, checkinScores: kept },
  };
}

/** Typing `text` at `ms` after {@link NOW}. */
function typed(text: string, ms: number): Input {
  return { type: "textReceived", text, sent: { at: new Date(NOW.getTime() + ms).toISOString(), id: `m${ms}` } };
}

function run(state: UserState, inputs: readonly Input[]): Transition[] {
  const results: Transition[] = [];
  for (const input of inputs) results.push(transition(results.at(-1)?.state ?? state, input, NOW));
  return results;
}

const checkin = (id: string, day: number, score: number): StoredCheckin => ({
  id,
  at: `2026-10-${String(day).padStart(2, "0")}T12:00:00.000Z`,
  score,
});

describe("the check-in scores", () => {
  it("count the check-in's score with it, the newest last and three at most, and list a client who shares at three low ones", () => {
    const [done] = run(atLastQuestion(1, { asOf: 2, scores: [2, 1] }), [typed("いいえ", 0)]);
    expect(done.state.profile).toMatchObject({ checkins: 3, checkinScores: { asOf: 3, scores: [2, 1, 1] } });
    expect(lowScores(done.state)).toEqual([2, 1, 1]);
    expect(consoleAlert(done.state)).toBe(true);
    expect(consoleAlert({ ...done.state, sharing: null })).toBe(false);

    const again: UserState = {
      ...done.state,
      step: { type: "reflectingWill" },
      reflection: { score: 3, thanks: false, actionStatus: "done" },
    };
    const [better] = run(again, [typed("いいえ", 0)]);
    expect(better.state.profile.checkinScores?.scores).toEqual([1, 1, 3]);
    expect(consoleAlert(better.state)).toBe(false);
  });

  it("count a check-in once, even when a correction of its last answer follows right after it", () => {
    const [done, corrected] = run(atLastQuestion(1, { asOf: 2, scores: [2, 1] }), [typed("いいえ", 0), typed("いや、少しです", 4_000)]);
    expect(done.state.profile.checkinScores).toEqual({ asOf: 3, scores: [2, 1, 1] });
    expect(corrected.state.profile).toMatchObject({ checkins: 3, checkinScores: { asOf: 3, scores: [2, 1, 1] } });
  });

  it("stay behind when they were not current, so that nobody is listed from old scores until the store fills them in", () => {
    const [done] = run(atLastQuestion(1, { asOf: 1, scores: [1] }), [typed("いいえ", 0)]);
    expect(done.state.profile).toMatchObject({ checkins: 3, checkinScores: { asOf: 1, scores: [1] } });
    expect(scoresWanted(done.state)).toBe(true);
    const [none] = run(atLastQuestion(1), [typed("いいえ", 0)]);
    expect(none.state.profile.checkinScores).toBeUndefined();
    expect(lowScores({ ...none.state, profile: { ...none.state.profile, checkinScores: { asOf: 2, scores: [1, 1, 1] } } })).toBeNull();
  });

  it("are filled in from the newest three check-in entries, and the burst's earlier state from those before its answer", () => {
    const before = atLastQuestion(2);
    const after = { ...before, profile: { ...before.profile, checkins: 3 } };
    const kept = { ...after, burst: { at: NOW.toISOString(), messages: 1, fillers: 0, answer: { text: null, before, entries: ["d"] } } };
    const entries = [checkin("a", 3, 1), checkin("b", 1, 5), checkin("c", 2, 2), checkin("d", 4, 2)];
    expect(scoresWanted(kept)).toBe(true);

    const filled = restoreState(JSON.parse(JSON.stringify(withFilledScores(kept, entries)))).state;

    expect(filled.profile.checkinScores).toEqual({ asOf: 3, scores: [2, 1, 2] });
    expect(filled.burst?.answer?.before.profile.checkinScores).toEqual({ asOf: 2, scores: [5, 2, 1] });
    expect(scoresWanted(filled)).toBe(false);
    expect(consoleAlert(filled)).toBe(true);
  });

  it("that do not check out are dropped when the state is read back, and the rest of the state is kept", () => {
    const state = atLastQuestion(2, { asOf: 2, scores: [1, 1] });
    const damaged = { ...state, profile: { ...state.profile, checkinScores: { asOf: 2, scores: [9, "1"] } } };
    const { state: restored, migrated } = restoreState(JSON.parse(JSON.stringify(damaged)));
    expect(migrated).toBe(false);
    expect(restored.profile.checkinScores).toBeUndefined();
    expect(restored.step).toEqual(state.step);
    expect(scoresWanted(restored)).toBe(true);
  });

  it("list a request to be contacted after a crisis reply, and not any other request", () => {
    const resting = { ...sampleState("resting"), sharing: SHARING };
    const crisis: UserState = { ...resting, handover: { status: "requested", at: NOW.toISOString(), crisis: true } };
    expect(contactRequested(crisis)).toBe(true);
    expect(consoleAlert(crisis)).toBe(true);
    const ordinary: UserState = { ...resting, handover: { status: "requested", at: NOW.toISOString() } };
    expect(consoleAlert(ordinary)).toBe(false);
  });
});
