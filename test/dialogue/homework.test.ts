/**
 * The dialogue core's homework (issue 22, item 4), input by input: what counts as the answer,
 * what does not (a tap, a command, a crisis, an active hand-over), a stale 「あとで答える」, the
 * withdrawal, and which clients may be sent homework at all.
 */
import {
  afterHomeworkSent,
  afterHomeworkWithdrawn,
  answerData,
  homeworkRefusal,
  initialState,
  restoreState,
  transition,
  type HomeworkAsk,
  type UserState,
} from "../../src/dialogue";

const NOW = new Date("2026-11-24T10:00:00+09:00");
const ASK: HomeworkAsk = { id: "hwA", kind: "question", text: "最近うれしかったことは？", at: NOW.toISOString() };

function sharing(overrides: Partial<UserState> = {}): UserState {
  return {
    ...initialState(),
    consent: { status: "given", at: NOW.toISOString() },
    step: { type: "awaitingMoyamoya" },
    draft: { workScore: 3, moments: [], values: [], ownValues: [], willWho: null, willWhat: null },
    lastActiveAt: NOW.toISOString(),
    sharing: { since: NOW.toISOString() },
    ...overrides,
  };
}

const waiting = (overrides: Partial<UserState> = {}) => afterHomeworkSent(sharing(overrides), ASK);
const text = (value: string) => ({ type: "textReceived" as const, text: value });
const texts = (replies: { type: string }[]) => replies.flatMap((reply) => ("text" in reply ? [String(reply.text)] : []));

describe("homework in the dialogue core", () => {
  it("is sent only to a client who shares, follows, has none waiting and is not with a consultant", () => {
    expect(homeworkRefusal(sharing())).toBeNull();
    expect(homeworkRefusal(sharing({ sharing: null }))).toBe("notSharing");
    expect(homeworkRefusal(sharing({ following: false }))).toBe("notFollowing");
    expect(homeworkRefusal(waiting())).toBe("waiting");
    const active = {
      status: "active" as const,
      operator: "Uop",
      requestedAt: NOW.toISOString(),
      takenAt: NOW.toISOString(),
      idleMs: 1000,
      until: NOW.toISOString(),
    };
    expect(homeworkRefusal(sharing({ handover: active }))).toBe("withConsultant");
  });

  it("survives being stored and read back, and a damaged homework restarts the state politely", () => {
    expect(restoreState(JSON.parse(JSON.stringify(waiting())))).toMatchObject({ migrated: false, state: { homework: ASK } });
    expect(restoreState({ ...waiting(), homework: { id: "bad id!", kind: "question", text: "x", at: NOW.toISOString() } }).migrated).toBe(
      true,
    );
  });

  it("takes the next typed message as the answer, records it and asks the pending question again", () => {
    const result = transition(waiting(), text("後輩に感謝されたことです"), NOW);
    expect(result.state.homework).toBeNull();
    expect(result.state.step).toEqual({ type: "awaitingMoyamoya" });
    expect(result.state.tally).toMatchObject({ homeworkSent: 1, homeworkAnswered: 1 });
    expect(result.effects).toEqual([
      {
        type: "recordEntry",
        id: "homework-hwA",
        entry: {
          kind: "homework",
          homeworkId: "hwA",
          askKind: "question",
          ask: ASK.text,
          askedAt: ASK.at,
          answer: "後輩に感謝されたことです",
          at: NOW.toISOString(),
        },
      },
    ]);
    expect(texts(result.replies)[0]).toContain("担当者にお届けしました");
  });

  it("leaves the homework waiting for a tapped answer, a command and a crisis message", () => {
    for (const input of [
      { type: "postbackReceived" as const, data: answerData("moya", "skip") },
      text("ヘルプ"),
      text("もう消えてしまいたい"),
    ]) {
      const result = transition(waiting(), input, NOW);
      expect(result.state.homework).toEqual(ASK);
      expect(result.effects.some((effect) => effect.type === "recordEntry" && effect.entry.kind === "homework")).toBe(false);
    }
  });

  it("keeps the bot silent during a consultant's hand-over, and the homework waits for after it", () => {
    const until = new Date(NOW.getTime() + 3_600_000).toISOString();
    const active = {
      status: "active" as const,
      operator: "Uop",
      requestedAt: NOW.toISOString(),
      takenAt: NOW.toISOString(),
      idleMs: 3_600_000,
      until,
    };
    const result = transition(waiting({ handover: active }), text("よろしくお願いします"), NOW);
    expect(result.replies).toEqual([]);
    expect(result.state.homework).toEqual(ASK);
  });

  it("answers 「あとで答える」 while the homework waits, and a tap on it once answered or withdrawn is stale", () => {
    const later = { type: "postbackReceived" as const, data: answerData("hw", "hwA") };
    expect(texts(transition(waiting(), later, NOW).replies)[0]).toContain("思いついたときに");
    const answered = transition(waiting(), text("答えです"), NOW).state;
    expect(texts(transition(answered, later, NOW).replies)[0]).toContain("受け付けを終えています");
    const withdrawn = afterHomeworkWithdrawn(waiting(), "hwA");
    expect(withdrawn?.homework).toBeNull();
    expect(texts(transition(withdrawn!, later, NOW).replies)[0]).toContain("受け付けを終えています");
  });

  it("withdraws only the homework that waits, and an unsent push is not counted", () => {
    expect(afterHomeworkWithdrawn(waiting(), "other")).toBeNull();
    expect(afterHomeworkWithdrawn(sharing(), "hwA")).toBeNull();
    expect(afterHomeworkWithdrawn(waiting(), "hwA", true)?.tally.homeworkSent).toBe(0);
    const withdrawn = afterHomeworkWithdrawn(waiting(), "hwA")!;
    expect(withdrawn.tally.homeworkSent).toBe(1);
    const next = transition(withdrawn, text("会議が多いときです"), NOW);
    expect(next.state.step.type).not.toBe("awaitingMoyamoya");
    expect(next.effects.some((effect) => effect.type === "recordEntry" && effect.entry.kind === "homework")).toBe(false);
  });
});
