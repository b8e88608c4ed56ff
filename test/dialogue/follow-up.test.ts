/**
 * The core's follow-up decisions, without I/O: when a nudge is planned, what a pass sends,
 * what a push moves on, who gets nothing, the offer on the action's date, the count of users
 * who came back, and old documents without follow-ups.
 */
import { afterJob, followUpReplies, restoreState, transition, type UserState } from "../../src/dialogue";
import { commandData } from "../../src/dialogue/postback";
import { sampleState, say, tap } from "../helpers/dialogue-states";

const tokyo = (wallClock: string) => new Date(`${wallClock}+09:00`);

/** `state` after the user typed `text` at `at`. */
const typed = (state: UserState, text: string, at: Date) => transition(state, say(text), at).state;
const nextOf = (state: UserState) => state.followUp.next;
/** A user at the third question of the first session, last seen at `at`. */
const atThirdQuestion = (at: Date) => typed(sampleState("awaitingMoyamoya"), "会議が多くて、自分の仕事が進まないことです", at);

describe("nudges", () => {
  it.each([
    ["2026-11-24T14:15", "2026-11-25T14:15"],
    ["2026-11-24T23:30", "2026-11-25T20:00"],
    ["2026-11-24T06:05", "2026-11-25T09:00"],
    ["2026-11-24T20:00", "2026-11-25T20:00"],
  ])("a user last seen at %s is nudged first at %s (Tokyo), inside the day", (seen, due) => {
    expect(nextOf(atThirdQuestion(tokyo(seen)))).toEqual({ kind: "nudge", n: 1, at: tokyo(due).toISOString() });
  });

  it("after the first nudge plans the last one four days after the last message, and nothing after the last", () => {
    const stopped = atThirdQuestion(tokyo("2026-11-24T10:00"));
    const once = afterJob(stopped, { type: "followUpSent" }, tokyo("2026-11-25T10:02"));
    expect(once.followUp).toEqual({
      next: { kind: "nudge", n: 2, at: tokyo("2026-11-28T10:00").toISOString() },
      actionDate: null,
      pushedAt: tokyo("2026-11-25T10:02").toISOString(),
    });
    const twice = afterJob(once, { type: "followUpSent" }, tokyo("2026-11-28T10:01"));
    expect(twice.followUp.next).toBeNull();
    expect(twice.tally.followUpsSent).toBe(2);
    expect(twice.step).toEqual(stopped.step);
  });

  it("keeps a day between the nudges when the first went out late", () => {
    const stopped = atThirdQuestion(tokyo("2026-11-24T10:00"));
    const late = afterJob(stopped, { type: "followUpSent" }, tokyo("2026-11-27T16:00"));
    expect(late.followUp.next).toEqual({ kind: "nudge", n: 2, at: tokyo("2026-11-28T16:00").toISOString() });
  });

  it("pushes the user's own words nowhere and offers resuming the same question or stopping", () => {
    const replies = followUpReplies(atThirdQuestion(tokyo("2026-11-24T10:00")));
    expect(JSON.stringify(replies)).not.toContain("会議");
    expect(replies?.at(-1)?.choices?.map((choice) => choice.action)).toEqual([
      { type: "postback", data: commandData("start") },
      { type: "postback", data: commandData("pause") },
    ]);
  });

  it("plans nothing for a user who paused, blocked the bot, finished, or never consented", () => {
    const stopped = atThirdQuestion(tokyo("2026-11-24T10:00"));
    const at = tokyo("2026-11-24T10:05");
    const paused = transition(stopped, say("やめる"), at).state;
    const blocked = transition(stopped, { type: "unfollowed" }, at).state;
    const finished = typed(sampleState("resting"), "ありがとう", at);
    const declined = transition(sampleState("awaitingConsent"), tap("consent", "decline"), at).state;
    for (const state of [paused, blocked, finished, declined]) {
      expect(nextOf(state)).toBeNull();
      expect(followUpReplies({ ...state, followUp: stopped.followUp })).toBeNull();
    }
    expect(paused.paused).toEqual(stopped.step);
  });

  it("sends nothing to a user now with a consultant, and the pass drops the nudge", () => {
    const stopped = atThirdQuestion(tokyo("2026-11-24T10:00"));
    const withConsultant: UserState = {
      ...stopped,
      handover: {
        status: "active",
        operator: `U${"c0de".repeat(8)}`,
        requestedAt: "2026-11-24T01:00:00.000Z",
        takenAt: "2026-11-24T01:05:00.000Z",
        idleMs: 3_600_000,
        until: "2026-11-26T01:05:00.000Z",
      },
    };
    expect(followUpReplies(withConsultant)).toBeNull();
    expect(afterJob(withConsultant, { type: "followUpDropped" }, tokyo("2026-11-25T10:00")).followUp.next).toBeNull();
  });

  it("counts a user who writes within 48 hours of a follow-up as resumed, and not one who comes back later", () => {
    const pushed = afterJob(atThirdQuestion(tokyo("2026-11-24T10:00")), { type: "followUpSent" }, tokyo("2026-11-25T10:00"));
    const soon = transition(pushed, tap("thx", "none"), tokyo("2026-11-27T09:59")).state;
    const late = transition(pushed, tap("thx", "none"), tokyo("2026-11-27T10:01")).state;
    expect(soon.tally.followUpsResumed).toBe(1);
    expect(late.tally.followUpsResumed).toBe(0);
    expect([soon.followUp.pushedAt, late.followUp.pushedAt]).toEqual([null, null]);
  });
});

describe("the follow-up on the action's date", () => {
  const resting = (reminders: boolean): UserState => {
    const state = sampleState("resting");
    return reminders ? state : { ...state, profile: { ...state.profile, reminder: null } };
  };
  /** A user at rest who picks a new action and `date` for it. */
  const dated = (at: Date, { reminders = false, date = "2026-11-27" } = {}) => {
    const chosen = transition(resting(reminders), tap("cnext", "newAction"), at).state;
    const action = transition(chosen, tap("act", "s0"), at).state;
    return transition(action, tap("due", "pick", { date }), at);
  };

  it("is offered after a later date is chosen without reminders, and planned for 19:00 that day on yes", () => {
    const at = tokyo("2026-11-24T12:00");
    const offered = dated(at);
    expect(offered.state.step).toEqual({ type: "awaitingFollowUpOffer" });
    const yes = transition(offered.state, say("はい、お願いします"), at).state;
    expect(yes.step.type).toBe("resting");
    expect(nextOf(yes)).toEqual({ kind: "action", date: "2026-11-27", at: tokyo("2026-11-27T19:00").toISOString() });
    const no = transition(offered.state, say("大丈夫です"), at).state;
    expect(no.step.type).toBe("resting");
    expect(no.followUp).toEqual({ next: null, actionDate: null, pushedAt: null });
  });

  it("is not offered to a user with reminders, nor for an action due today", () => {
    const at = tokyo("2026-11-24T12:00");
    expect(dated(at, { reminders: true }).state.step.type).toBe("resting");
    expect(dated(at, { date: "2026-11-24" }).state.step.type).toBe("resting");
    expect(dated(at).state.step.type).toBe("awaitingFollowUpOffer");
  });

  it("is sent once: after it nothing more is planned, and a changed action drops it", () => {
    const at = tokyo("2026-11-24T12:00");
    const yes = transition(dated(at).state, tap("fuo", "yes"), at).state;
    const sent = afterJob(yes, { type: "followUpSent" }, tokyo("2026-11-27T19:00"));
    expect(sent.followUp).toMatchObject({ next: null, actionDate: null });
    const changed = transition(transition(yes, tap("cnext", "changeDate"), at).state, tap("due", "week"), at).state;
    expect(followUpReplies({ ...changed, followUp: yes.followUp })).toBeNull();
  });
});

describe("stored follow-ups", () => {
  it("a document written before follow-ups restores with none, unchanged otherwise", () => {
    const { followUp: _omitted, ...old } = sampleState("awaitingThanksMoment");
    const restored = restoreState(JSON.parse(JSON.stringify(old)));
    expect(restored.migrated).toBe(false);
    expect(restored.state).toEqual(sampleState("awaitingThanksMoment"));
  });

  it.each([
    { next: { kind: "nudge", n: 3, at: "2026-11-25T01:00:00.000Z" }, actionDate: null, pushedAt: null },
    { next: { kind: "action", date: "2026-02-30", at: "2026-11-25T01:00:00.000Z" }, actionDate: null, pushedAt: null },
    { next: null, actionDate: null, pushedAt: "yesterday" },
  ])("a damaged follow-up %j restarts politely", (followUp) => {
    expect(restoreState({ ...sampleState("resting"), followUp }).migrated).toBe(true);
  });
});
