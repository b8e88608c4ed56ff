/**
 * The pure aggregation behind `npm run stats`: stages from stored states, the funnel,
 * rates, activity and the Tokyo weeks.
 */
import { type UserState } from "../../src/dialogue/state";
import { STEP_TYPES } from "../../src/dialogue/step";
import { aggregate, FUNNEL_STAGES, readUserFacts, type EntryDoc, type FunnelStage, type UserDoc } from "../../src/stats/aggregate";
import { NOW, sampleState, sampleStates, type StepType } from "../helpers/dialogue-states";

const doc = (key: string, state: unknown, updatedAt: string | null = null): UserDoc => ({ key, state, updatedAt });
const stageOf = (state: unknown) => readUserFacts(doc("u", state)).stage;
const tokyo = (wallClock: string) => new Date(`${wallClock}+09:00`).toISOString();
const withActivity = (state: UserState, lastActiveAt: string | null): UserState => ({ ...state, lastActiveAt });

/** The stage each sample state is at: what the user has to do next in the first session. */
const EXPECTED_STAGE: Record<StepType, FunnelStage> = {
  new: "consent",
  awaitingConsent: "consent",
  declined: "consent",
  awaitingStartChoice: "workScore",
  awaitingWorkScore: "workScore",
  awaitingMoyamoya: "workScore",
  awaitingThanksMoment: "thanks",
  awaitingThanksAlternative: "thanks",
  awaitingThanksFeeling: "thanks",
  awaitingThanksDeed: "thanks",
  awaitingMoreMoments: "thanks",
  awaitingValues: "values",
  awaitingWillWho: "will",
  awaitingWillWhat: "will",
  awaitingWillReview: "will",
  awaitingWillRewrite: "will",
  awaitingAction: "action",
  awaitingOwnAction: "action",
  awaitingActionDue: "action",
  awaitingReminder: "reminder",
  awaitingReminderDays: "reminder",
  awaitingFollowUpOffer: "reminder",
  // The samples of these steps have finished the first session.
  resting: "completed",
  awaitingQuickThanks: "completed",
  awaitingQuickThanksFeeling: "completed",
  awaitingQuickThanksDeed: "completed",
  awaitingSaveFreeText: "completed",
  awaitingHandoffTopic: "completed",
  awaitingHandoffScope: "completed",
  awaitingHandoffConfirm: "completed",
  awaitingDeleteConfirm: "completed",
  awaitingShareConfirm: "completed",
  changingReminder: "completed",
  changingReminderDays: "completed",
  reflectingScore: "completed",
  reflectingThanks: "completed",
  reflectingThanksText: "completed",
  reflectingThanksFeeling: "completed",
  reflectingThanksDeed: "completed",
  reflectingAction: "completed",
  reflectingWill: "completed",
  reflectingStepStatus: "completed",
  reflectingStepFeeling: "completed",
  reflectingStepReaction: "completed",
  // After a hand-off or a run of 思いつかない, the first-session question waits.
  awaitingContinueChoice: "workScore",
  awaitingRestOffer: "thanks",
  // The safety reply, the care question and the care offer at the もやもや question: the question waits.
  awaitingSafetyChoice: "workScore",
  awaitingCareCheck: "workScore",
  awaitingCareOffer: "workScore",
};

describe("the stage of a stored user", () => {
  it.each(STEP_TYPES.map((type) => [type]))("is read from a user at %s", (type) => {
    expect(stageOf(JSON.parse(JSON.stringify(sampleState(type))))).toBe(EXPECTED_STAGE[type]);
  });

  it("is the paused first-session question while the user is in a side flow", () => {
    const named = (name: string) => sampleStates().find((c) => c.name === name)!.state;
    expect(stageOf(named("a user who paused the first session and rests"))).toBe("values");
    expect(stageOf(named("a user changing the reminder with a first-session question paused"))).toBe("values");
  });

  it("is the first question for a consenting user who has not started", () => {
    expect(stageOf({ ...sampleState("awaitingStartChoice"), step: { type: "resting" } })).toBe("workScore");
  });

  it("is consent for damaged or unknown documents, which are still counted", () => {
    const cases: [unknown, FunnelStage][] = [
      [null, "consent"],
      ["text", "consent"],
      [[], "consent"],
      [{ step: { type: "noSuchStep" } }, "consent"],
      [{ consent: { status: "given" }, step: 7, paused: "x" }, "workScore"],
    ];
    expect(cases.map(([damaged]) => stageOf(damaged))).toEqual(cases.map(([, stage]) => stage));
    expect(aggregate([doc("a", null), doc("b", "x")], [], new Date(NOW)).users.total).toBe(2);
  });
});

describe("the report's numbers", () => {
  const now = new Date(tokyo("2026-11-24T12:00:00")); // a Tuesday; the week started on Monday 11-23
  const completedOptedOut: UserState = { ...sampleState("resting"), profile: { ...sampleState("resting").profile, reminder: null } };
  const users = [
    doc("consent", sampleState("awaitingConsent"), tokyo("2026-11-23T09:00:00")),
    doc("declined", sampleState("declined"), tokyo("2026-10-01T09:00:00")),
    doc("start", withActivity(sampleState("awaitingStartChoice"), tokyo("2026-11-10T09:00:00"))),
    doc("thanks", withActivity(sampleState("awaitingThanksDeed"), tokyo("2026-11-24T11:00:00"))),
    doc("done1", withActivity(sampleState("resting"), tokyo("2026-11-24T08:00:00"))),
    doc("done2", withActivity(completedOptedOut, tokyo("2026-11-22T23:50:00"))),
    doc("blocked", { ...withActivity(sampleState("resting"), tokyo("2026-09-01T09:00:00")), following: false }),
  ];
  const entries: EntryDoc[] = [
    { owner: "done1", kind: "thanks", at: tokyo("2026-11-23T00:10:00") },
    { owner: "done1", kind: "checkin", at: tokyo("2026-11-23T00:12:00") },
    { owner: "done1", kind: "checkin", at: tokyo("2026-11-24T08:00:00") },
    { owner: "done2", kind: "checkin", at: tokyo("2026-11-22T23:50:00") },
    { owner: "done2", kind: "thanks", at: tokyo("2026-11-22T23:40:00") },
    { owner: "done2", kind: "thanks", at: tokyo("2026-11-16T07:00:00") },
    { owner: "thanks", kind: "workScore", at: tokyo("2026-11-24T10:59:00") },
    { owner: "blocked", kind: "thanks", at: tokyo("2026-05-01T12:00:00") },
    { owner: "done1", kind: "thanks", at: tokyo("2026-11-25T09:00:00") },
    { owner: "done1", kind: "thanks", at: "not a time" },
  ];
  const numbers = aggregate(users, entries, now);

  it("counts users, those who block the bot and those who declined", () => {
    expect(numbers.users).toEqual({ total: 7, following: 6, blocked: 1, consented: 5, declined: 1 });
  });

  it("gives each funnel stage the users at it now and the users who reached it", () => {
    const byStage = Object.fromEntries(numbers.funnel.map((row) => [row.stage, [row.current, row.reached]]));
    expect(numbers.funnel.map((row) => row.stage)).toEqual([...FUNNEL_STAGES]);
    expect(byStage).toEqual({
      consent: [2, 7],
      workScore: [1, 5],
      thanks: [1, 4],
      values: [0, 3],
      will: [0, 3],
      action: [0, 3],
      reminder: [0, 3],
      completed: [3, 3],
    });
  });

  it("rates completion against consent and reminders against completion", () => {
    expect(numbers.completion).toEqual({ count: 3, of: 5, rate: 3 / 5 });
    expect(numbers.reminderOptIn).toEqual({ count: 2, of: 3, rate: 2 / 3 });
  });

  it("counts users active in the last seven days, from their last message or else the document's last write", () => {
    // consent (no message; written 11-23), thanks, done1, done2; start (11-10), declined and blocked are older.
    expect(numbers.activeLast7Days).toBe(4);
  });

  it("splits entries into Tokyo weeks starting on Monday, counting active and reflecting users once", () => {
    expect(numbers.weeks).toHaveLength(12);
    expect(numbers.weeks[0]?.weekStart).toBe("2026-09-07");
    const [previous, current] = numbers.weeks.slice(-2);
    expect(current).toEqual({ weekStart: "2026-11-23", activeUsers: 3, reflectingUsers: 1, thanksEntries: 1, checkins: 2 });
    expect(previous).toEqual({ weekStart: "2026-11-16", activeUsers: 1, reflectingUsers: 1, thanksEntries: 2, checkins: 1 });
    expect(numbers.weeks.find((w) => w.weekStart === "2026-11-09")).toMatchObject({ activeUsers: 1, thanksEntries: 0 });
    expect(numbers.weeks.reduce((sum, w) => sum + w.thanksEntries, 0)).toBe(3);
  });

  it("counts follow-ups sent, the users who got one, and those of them who wrote again within 48 hours", () => {
    const tallied = (key: string, sent: number, resumed: number) => {
      const state = sampleState("awaitingThanksDeed");
      return doc(key, { ...state, tally: { ...state.tally, followUpsSent: sent, followUpsResumed: resumed } });
    };
    const report = aggregate(
      [tallied("a", 2, 1), tallied("b", 1, 0), tallied("c", 0, 0), doc("damaged", { tally: { followUpsSent: -3 } })],
      [],
      now,
    );
    expect(report.followUps).toEqual({ sent: 3, users: 2, resumedUsers: 1 });
    expect(numbers.followUps).toEqual({ sent: 0, users: 0, resumedUsers: 0 });
  });

  it("gives no rate when there is nothing to divide by", () => {
    const empty = aggregate([], [], now);
    expect(empty.completion.rate).toBeNull();
    expect(empty.reminderOptIn.rate).toBeNull();
    expect(empty.funnel.every((row) => row.reached === 0 && row.current === 0)).toBe(true);
    expect(empty.weeks.every((w) => w.activeUsers === 0 && w.thanksEntries === 0)).toBe(true);
  });
});

describe("the consultants' figures", () => {
  const withTally = (key: string, tally: Partial<UserState["tally"]>, handover: UserState["handover"] = null) => {
    const state = sampleState("resting");
    return doc(key, { ...state, handover, tally: { ...state.tally, ...tally } });
  };
  const active = {
    status: "active" as const,
    operator: `U${"a".repeat(32)}`,
    requestedAt: NOW.toISOString(),
    takenAt: NOW.toISOString(),
    idleMs: 1,
    until: NOW.toISOString(),
  };

  it("adds up hand-overs, escalations, follow-ups and homework, with the median time to take over", () => {
    const { consultant } = aggregate(
      [
        withTally("a", { handoversRequested: 2, handoversTaken: 2, handoversEnded: 1, takeOverMs: [60_000, 7_200_000] }, active),
        withTally("b", { handoversRequested: 1, handoversTaken: 1, handoversEnded: 1, takeOverMs: [1_800_000], escalations: 1 }),
        withTally("c", { followUpsSent: 2, followUpsResumed: 1 }),
        withTally("d", { followUpsSent: 1, homeworkSent: 2, homeworkAnswered: 1 }),
        doc("old", { ...sampleState("resting"), tally: undefined }),
      ],
      [],
      NOW,
    );
    expect(consultant).toEqual({
      handoversRequested: 3,
      handoversTaken: 3,
      handoversEnded: 2,
      withConsultantNow: 1,
      medianTakeOverMs: 1_800_000,
      escalations: 1,
      homeworkSent: 2,
      homeworkAnswered: 1,
    });
  });

  it("counts damaged tallies as zero and has no median without a take-over", () => {
    const { consultant } = aggregate([doc("x", { tally: { handoversRequested: -3, takeOverMs: ["soon"], escalations: 1.5 } })], [], NOW);
    expect(consultant).toMatchObject({ handoversRequested: 0, escalations: 0, medianTakeOverMs: null });
  });
});
