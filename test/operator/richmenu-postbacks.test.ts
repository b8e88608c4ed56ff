/**
 * A tap on each rich-menu tile of every stage, fed through the dialogue core exactly as the
 * webhook feeds LINE's postback event: it does what typing the command does, and that is the
 * right thing for a user who sees that menu.
 */
import { commands, messages, richMenus } from "../../src/dialogue/content";
import type { Input } from "../../src/dialogue/input";
import type { CommandId } from "../../src/dialogue/postback";
import type { UserState } from "../../src/dialogue/state";
import { advance, menuFor, type MenuStage, type Transition } from "../../src/dialogue";
import { richMenuDefinition } from "../../scripts/lib/richmenu-layout";
import { expectSoundTurn, NOW, sampleState } from "../helpers/dialogue-states";

/** Each tile of `stage`'s menu with the postback its area sends. */
function tapsOf(stage: MenuStage) {
  const areas = richMenuDefinition(stage, "test").areas;
  return richMenus[stage].tiles.map((tile, i) => ({
    tile,
    input: { type: "postbackReceived", data: areas[i].action.data } satisfies Input,
  }));
}
const taps = tapsOf("main");

/** What each command must do for a user who finished the first session and is at rest. */
const EXPECTED: Partial<Record<CommandId, (result: Transition) => void>> = {
  will: (r) => {
    expect(r.replies[0]?.type).toBe("card");
    expect(r.effects).toContainEqual({ type: "showInsights" });
  },
  logThanks: (r) => expect(r.state.step.type).toBe("awaitingQuickThanks"),
  reflect: (r) => expect(r.state.step.type).toBe("reflectingScore"),
  records: (r) => expect(r.effects).toEqual([{ type: "showRecords", page: 0 }]),
  reminder: (r) => expect(r.state.step.type).toBe("changingReminder"),
  consult: (r) => expect(r.state.step.type).toBe("awaitingHandoffTopic"),
  help: (r) => expect(r.replies[0]).toMatchObject({ type: "text", text: commands.help.reply }),
};

/** The core's answer to `input` for a user whose stored state is `state`. */
function turn(state: UserState, input: Input): Transition {
  return advance(JSON.parse(JSON.stringify(state)), input, NOW);
}

describe("tapping a rich-menu tile", () => {
  it.each(taps.map(({ tile, input }) => [tile.title, tile.command, input] as const))(
    "「%s」 runs the %s command for a user at rest",
    (_title, command, input) => {
      const state = sampleState("resting");
      const result = turn(state, input);
      const expectation = EXPECTED[command];
      if (expectation === undefined) throw new Error(`add what the ${command} command must do to EXPECTED in this test`);
      expectation(result);
      expectSoundTurn(input, result, NOW);
    },
  );

  it.each(taps.map(({ tile, input }) => [tile.title, input] as const))(
    "「%s」 does what typing it does, at rest and mid-session",
    (title, input) => {
      for (const state of [sampleState("resting"), sampleState("awaitingValues"), sampleState("reflectingThanks")]) {
        expect(turn(state, input)).toEqual(turn(state, { type: "textReceived", text: title }));
      }
    },
  );

  it.each(
    taps
      .filter(({ tile }) => tile.command !== "help" && tile.command !== "will" && tile.command !== "records")
      .map(({ tile, input }) => [tile.title, input] as const),
  )("「%s」 mid-session keeps the pending question to come back to", (_title, input) => {
    const state = sampleState("awaitingValues");
    const result = turn(state, input);
    expect(result.state.paused).toEqual(state.step);
    expectSoundTurn(input, result, NOW);
  });

  it.each(taps.filter(({ tile }) => tile.command !== "help").map(({ tile, input }) => [tile.title, input] as const))(
    "「%s」 before consent asks for the consent first and stores nothing",
    (_title, input) => {
      const result = turn(sampleState("awaitingConsent"), input);
      expect(result.state.step.type).toBe("awaitingConsent");
      expect(result.state.consent.status).not.toBe("given");
      expect(result.effects).toEqual([]);
    },
  );
});

describe("tapping a tile of the onboarding menu", () => {
  const state = sampleState("awaitingConsent");

  it("is the menu of a new friend who has not agreed yet", () => {
    expect(menuFor(state)).toBe("onboarding");
    expect(menuFor(sampleState("declined"))).toBe("onboarding");
  });

  it.each(tapsOf("onboarding").map(({ tile, input }) => [tile.title, tile.command, input] as const))(
    "「%s」 (%s) answers, stores nothing and keeps the consent question",
    (title, command, input) => {
      const result = turn(state, input);
      expect(result).toEqual(turn(state, { type: "textReceived", text: title }));
      expect(result.state.step.type).toBe("awaitingConsent");
      expect(result.state.consent.status).toBe("none");
      expect(result.effects).toEqual([]);
      const first = result.replies[0];
      if (command === "dataPolicy") expect(first).toMatchObject({ type: "text", text: messages["consent.details"] });
      if (command === "help") expect(first).toMatchObject({ type: "text", text: commands.help.reply });
      expectSoundTurn(input, result, NOW);
    },
  );
});

describe("tapping a tile of the consultant menu", () => {
  const resting = sampleState("resting");
  const state: UserState = {
    ...resting,
    handover: {
      status: "active",
      operator: `U${"c0de".repeat(8)}`,
      requestedAt: "2026-11-24T00:00:00.000Z",
      takenAt: "2026-11-24T00:30:00.000Z",
      idleMs: 48 * 3_600_000,
      until: new Date(NOW.getTime() + 3_600_000).toISOString(),
    },
  };
  const [back, myData, help] = tapsOf("consultant").map(({ input }) => turn(state, input));

  it("is the menu while a consultant is with the user", () => {
    expect(menuFor(state)).toBe("consultant");
  });

  it("「ボットに戻る」 ends the hand-over, back to the main menu", () => {
    expect(back.state.handover).toBeNull();
    expect(menuFor(back.state)).toBe("main");
    expect(back.effects).toContainEqual(expect.objectContaining({ type: "notifyOperator", reason: "user" }));
  });

  it("「データ確認」 shows the stored data and keeps the consultant", () => {
    expect(myData.effects).toEqual([{ type: "showStoredData" }]);
    expect(menuFor(myData.state)).toBe("consultant");
  });

  it("「ヘルプ」 says what works while a consultant answers, and keeps the consultant", () => {
    expect(help.replies).toEqual([{ type: "text", text: messages["handover.help"] }]);
    expect(menuFor(help.state)).toBe("consultant");
  });
});
