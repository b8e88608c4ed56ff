/** The check-in's edges: the push arriving mid-question, its closing buttons, the next reminder. */
import { answerData, commandData } from "../../src/dialogue/postback";
import { transition } from "../../src/dialogue/transition";
import { sampleState } from "../helpers/dialogue-states";

const NOW = new Date("2026-11-29T20:01:00+09:00");

describe("the check-in", () => {
  it("leaves a question in progress as it was when the push's あとで is tapped", () => {
    const state = sampleState("awaitingValues");
    const result = transition(state, { type: "postbackReceived", data: answerData("cnext", "later") }, NOW);
    expect(result.state.step).toEqual(state.step);
    expect(result.state.draft).toEqual(state.draft);
    expect(result.replies.at(-1)?.choices?.some((choice) => choice.label === "決定")).toBe(true);
  });

  it("treats a closing button of an earlier check-in as stale while a question is open", () => {
    const state = sampleState("awaitingValues");
    const result = transition(state, { type: "postbackReceived", data: answerData("cnext", "newAction") }, NOW);
    expect(result.state.step).toEqual(state.step);
  });

  it("moves a reminder time that has already passed on when the check-in ends", () => {
    let state = sampleState("resting");
    state = {
      ...state,
      profile: {
        ...state.profile,
        reminder: { schedule: { kind: "weekly", weekdays: [0], time: "20:00" }, nextAt: "2026-11-29T11:00:00.000Z" },
      },
    };
    for (const input of [
      { type: "postbackReceived" as const, data: commandData("reflect") },
      { type: "postbackReceived" as const, data: answerData("cscore", "4") },
      { type: "postbackReceived" as const, data: answerData("cthx", "no") },
      { type: "postbackReceived" as const, data: answerData("cact", "done") },
      { type: "postbackReceived" as const, data: answerData("cwill", "yes") },
    ]) {
      state = transition(state, input, NOW).state;
    }
    expect(state.step.type).toBe("resting");
    expect(state.profile.reminder?.nextAt).toBe("2026-12-06T11:00:00.000Z");
  });
});
