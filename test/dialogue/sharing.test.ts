/**
 * Sharing with the consultants, the client's choice (issue 22, item 1): nothing is shared
 * before the confirmation, 「共有をやめる」 stops it at once from anywhere, and データ確認 says
 * which it is.
 */
import { commandData } from "../../src/dialogue/postback";
import { restoreState } from "../../src/dialogue/restore";
import { transition } from "../../src/dialogue/transition";
import { deliveredReplies, NOW, runInputs, sampleState, say, tap, textOf } from "../helpers/dialogue-states";
import type { Input } from "../../src/dialogue/input";

const command = (id: "share" | "unshare" | "myData" | "will"): Input => ({ type: "postbackReceived", data: commandData(id) });

describe("sharing with the consultants", () => {
  it("「担当者と共有する」 names everything a consultant would see and shares nothing before the client confirms", () => {
    const asked = transition(sampleState("resting"), say("担当者と共有する"), NOW);
    const text = textOf(asked.replies);
    for (const item of ["WILL", "ありがとうの場面", "大切にしていること", "やりがい度", "一歩とその結果", "ふりかえり"])
      expect(text).toContain(item);
    expect(text).toContain("共有をやめる");
    expect(asked.state.sharing).toBeNull();
    expect(asked.state.step).toEqual({ type: "awaitingShareConfirm" });
  });

  it("the confirmation shares from that moment, and declining keeps the notes private", () => {
    const [, shared] = runInputs(sampleState("resting"), [command("share"), tap("share", "yes")]);
    expect(shared.state.sharing).toEqual({ since: NOW.toISOString() });
    expect(shared.state.step).toEqual({ type: "resting" });
    const [, declined] = runInputs(sampleState("resting"), [command("share"), say("いいえ")]);
    expect(declined.state.sharing).toBeNull();
    expect(textOf(declined.replies)).toContain("共有はしませんでした");
  });

  it("a question waiting in the first session comes back after the client decides", () => {
    const [, shared] = runInputs(sampleState("awaitingValues"), [command("share"), tap("share", "yes")]);
    expect(shared.state.sharing).not.toBeNull();
    expect(shared.state.step.type).toBe("awaitingValues");
  });

  it("「共有をやめる」 stops sharing at once, even while a consultant is with the client", () => {
    const [, shared] = runInputs(sampleState("resting"), [command("share"), tap("share", "yes")]);
    const stopped = transition(shared.state, say("共有をやめる"), NOW);
    expect(stopped.state.sharing).toBeNull();
    expect(textOf(stopped.replies)).toContain("共有をやめました");
    const at = NOW.toISOString();
    const active = {
      status: "active" as const,
      operator: "Uop",
      requestedAt: at,
      takenAt: at,
      idleMs: 3_600_000,
      until: "2099-01-01T00:00:00.000Z",
    };
    const away = transition({ ...shared.state, handover: active }, command("unshare"), NOW);
    expect(away.state.sharing).toBeNull();
    expect(away.state.handover?.status).toBe("active");
  });

  it("「共有をやめる」 without sharing says so and changes nothing", () => {
    const result = transition(sampleState("resting"), command("unshare"), NOW);
    expect(result.state.sharing).toBeNull();
    expect(textOf(result.replies)).toContain("いまは担当者と共有していません");
  });

  it("データ確認 and the WILL card say whether the notes are shared, with the button that changes it", () => {
    const [, shared] = runInputs(sampleState("resting"), [command("share"), tap("share", "yes")]);
    const myData = transition(shared.state, command("myData"), NOW);
    const card = deliveredReplies(myData).find((reply) => reply.type === "card");
    expect(textOf(card ? [card] : [])).toContain("担当者との共有");
    expect(JSON.stringify(card)).toContain(commandData("unshare"));
    const will = transition(sampleState("resting"), command("will"), NOW);
    expect(JSON.stringify(will.replies[0])).toContain(commandData("share"));
  });

  it("sharing is kept across a save and dropped when the stored value is damaged", () => {
    const [, shared] = runInputs(sampleState("resting"), [command("share"), tap("share", "yes")]);
    expect(restoreState(JSON.parse(JSON.stringify(shared.state))).state.sharing).toEqual({ since: NOW.toISOString() });
    expect(restoreState({ ...shared.state, sharing: { since: "yesterday" } }).migrated).toBe(true);
  });
});
