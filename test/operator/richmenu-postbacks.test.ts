/**
 * A tap on each rich-menu tile, fed through the dialogue core exactly as the webhook feeds
 * LINE's postback event: it does what typing the command does, and that is the right thing.
 */
import { commands, richMenu } from "../../src/dialogue/content";
import type { Input } from "../../src/dialogue/input";
import type { CommandId } from "../../src/dialogue/postback";
import type { UserState } from "../../src/dialogue/state";
import { advance, type Transition } from "../../src/dialogue";
import { richMenuDefinition } from "../../scripts/lib/richmenu-layout";
import { expectSoundTurn, NOW, sampleState } from "../helpers/dialogue-states";

const areas = richMenuDefinition("test").areas;
const taps = richMenu.tiles.map((tile, i) => ({ tile, input: { type: "postbackReceived", data: areas[i].action.data } satisfies Input }));

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
