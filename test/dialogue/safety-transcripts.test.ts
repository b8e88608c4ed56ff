/**
 * Golden transcripts of messages that only look like a crisis: a nurse who sat with a patient who
 * could not sleep, and a busy day described as 死ぬほど that ended in a thank-you. The bot takes each
 * as the answer it is, says back what happened, and the first session goes on with no crisis reply
 * and no help line. Regenerate an intended change with `UPDATE_GOLDEN=1 npx jest test/dialogue/safety-transcripts`.
 */
import { acuteResources, distressResources } from "../../src/dialogue/content/safety";
import { grammarFaults } from "../helpers/grammar";
import { botTexts, storedState } from "../helpers/persona-run";
import { createTranscript, expectGolden, startFirstSession } from "../helpers/transcript";

const NURSE = `U${"3e".repeat(16)}`;
const BUSY = `U${"4f".repeat(16)}`;

/** Every tap-to-call or tap-to-open target of the safety replies. */
const HELP_TARGETS = [...acuteResources, ...distressResources].flatMap((resource) =>
  [resource.tel && `tel:${resource.tel}`, resource.url].filter((target): target is string => typeof target === "string"),
);

function sentHelp(t: ReturnType<typeof createTranscript>): string[] {
  const sent = JSON.stringify(t.gateway.calls.map((call) => call.messages));
  return HELP_TARGETS.filter((target) => sent.includes(target));
}

describe("golden conversations that only look like a crisis", () => {
  it("a nurse who sat with a patient who could not sleep: her moment is taken and the session goes on", async () => {
    const t = createTranscript({ userId: NURSE });
    await startFirstSession(t);
    await t.say("3です");
    await t.say("夜勤が続いて、患者さんとゆっくり話せないのがもどかしいです");
    await t.say("眠れないと言っていた患者さんに一晩付き添ったら、翌朝ありがとうと言われました");
    await t.say("じんわり嬉しかったです");
    await t.say("消灯後も30分おきに様子を見に行って、話したいときは話を聞きました");
    expectGolden("third-person-distress", t.text());

    expect(sentHelp(t)).toEqual([]);
    const state = storedState(t);
    expect(state.step.type).toBe("awaitingMoreMoments");
    expect(state.draft?.moments.map((moment) => moment.text)).toEqual([
      "眠れないと言っていた患者さんに一晩付き添ったら、翌朝ありがとうと言われました",
    ]);
    expect(botTexts(t).flatMap(grammarFaults)).toEqual([]);
  });

  it("a day that was 死ぬほど忙しい and ended in a thank-you: the thanks is heard, not an alarm", async () => {
    const t = createTranscript({ userId: BUSY });
    await startFirstSession(t);
    await t.say("4");
    await t.say("特にないです");
    await t.say("今日は死ぬほど忙しかったけど、お客さんにありがとうと言われました");
    await t.say("疲れが吹き飛びました笑");
    await t.say("閉店間際でも、探している商品を一緒に倉庫まで見に行きました");
    expectGolden("hyperbole-with-thanks", t.text());

    expect(sentHelp(t)).toEqual([]);
    const state = storedState(t);
    expect(state.step.type).toBe("awaitingMoreMoments");
    expect(state.draft?.moments.map((moment) => moment.text)).toEqual(["今日は死ぬほど忙しかったけど、お客さんにありがとうと言われました"]);
    expect(botTexts(t).flatMap(grammarFaults)).toEqual([]);
  });
});
