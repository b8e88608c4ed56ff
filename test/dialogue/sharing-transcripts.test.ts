/**
 * The golden transcript of sharing with the consultants (issue 22, item 1): what the client
 * reads before confirming, after, in データ確認, and when they stop.
 */
import { createTranscript, expectGolden, startFirstSession } from "../helpers/transcript";

const SHARING_USER = `U${"5a".repeat(16)}`;

describe("sharing transcripts", () => {
  it("the client reads what is shared, shares, sees it in データ確認 and stops sharing at once", async () => {
    const t = createTranscript({ userId: SHARING_USER });
    await t.offRecord("同意して最初のふり返りをはじめ、やりがい度に3と答えたユーザー", async () => {
      await startFirstSession(t);
      await t.tap("3");
    });
    await t.say("担当者と共有する");
    await t.tap("やめておく");
    await t.say("担当者と共有する");
    await t.tap("共有する");
    await t.say("データ確認");
    await t.say("共有をやめる");
    expectGolden("sharing", t.text());

    const state = t.store.documents.get(SHARING_USER)?.state as { sharing: unknown; step: { type: string } };
    expect(state.sharing).toBeNull();
    expect(state.step.type).toBe("awaitingMoyamoya");
    expect(t.gateway.calls.filter((call) => call.kind === "push")).toEqual([]);
  });
});
