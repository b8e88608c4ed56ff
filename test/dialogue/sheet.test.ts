/**
 * The 振り返りシート in the dialogue core: what 「シートを見る」 asks of the app, what the sheet
 * gathers from a heavy user's profile and entries, how the reply brings it, and the monthly look
 * back at the first check-in of a month. Pure: no app, no store.
 */
import { advance, deliveredReplies, type EffectData } from "../../src/dialogue";
import { matchCommand } from "../../src/dialogue/commands";
import { lookBackText, sheetMessages, sheetWords } from "../../src/dialogue/content";
import { lookBackReply } from "../../src/dialogue/look-back";
import { SHEET_MOMENTS, sheetOf } from "../../src/dialogue/sheet";
import { emptyProfile, type Will } from "../../src/dialogue/state";
import type { NewEntry } from "../../src/model/entry";
import { sampleSheetLink, sampleState, say, textOf } from "../helpers/dialogue-states";
import { heavyEntries, heavyProfile, HEAVY_WILL, SHEET_NOW } from "../helpers/sheet-user";

describe("「シートを見る」", () => {
  it.each(["シートを見る", "シート", "振り返りシート", "ふりかえりシート", "「シートを見る」"])("is read from %s", (text) => {
    expect(matchCommand(text)).toBe("sheet");
  });

  it("asks the app for the sheet at rest, and then the sheet and its link come with the menu", () => {
    const result = advance(sampleState("resting", SHEET_NOW), say("シートを見る"), SHEET_NOW);
    expect(result.effects).toEqual([{ type: "showSheet" }]);
    const link = sampleSheetLink(SHEET_NOW);
    const replies = deliveredReplies(result, { sheet: link }, SHEET_NOW);
    expect(replies[0]).toEqual({ type: "image", url: link.imageUrl, previewUrl: link.previewUrl });
    expect(replies[1]?.type === "text" && replies[1].text).toContain(link.pageUrl);
    expect(textOf(replies)).toContain("3月9日(月)まで");
    expect(replies.at(-1)?.choices?.length).toBeGreaterThan(0);
  });

  it("keeps a pending question and asks it again after the sheet", () => {
    const state = sampleState("awaitingWillWho", SHEET_NOW);
    const result = advance(state, say("シートを見る"), SHEET_NOW);
    expect(result.state.step).toEqual(state.step);
    const replies = deliveredReplies(result, { sheet: sampleSheetLink(SHEET_NOW) }, SHEET_NOW);
    expect(replies[0]?.type).toBe("image");
    expect(replies.length).toBeGreaterThan(2);
  });

  it("says so kindly when the sheet could not be made", () => {
    const result = advance(sampleState("resting", SHEET_NOW), say("シートを見る"), SHEET_NOW);
    const data: EffectData = { sheet: "unavailable" };
    expect(textOf(deliveredReplies(result, data, SHEET_NOW))).toContain(sheetMessages.unavailable);
  });

  it("is not made before the user consents", () => {
    const result = advance(sampleState("awaitingConsent", SHEET_NOW), say("シートを見る"), SHEET_NOW);
    expect(result.effects).toEqual([]);
    expect(result.state.step.type).toBe("awaitingConsent");
  });
});

describe("the sheet's content", () => {
  const sheet = sheetOf(heavyProfile(), heavyEntries(), SHEET_NOW);

  it("holds the WILL now and its earlier versions, newest first, with their dates", () => {
    expect(sheet.will.current).toBe(HEAVY_WILL);
    expect(sheet.will.earlier.map((version) => version.date)).toEqual(["2025年12月14日", "2025年10月5日"]);
    expect(sheet.dateLine).toBe("2026年3月2日 作成");
  });

  it("holds the chosen values with the words of the moments that point to them", () => {
    expect(sheet.values.map((value) => value.label)).toEqual(["人の役に立つ", "誰かの成長を支える", "教える・伝える"]);
    expect(sheet.values.find((value) => value.label === "教える・伝える")?.words).toContain("教える");
  });

  it("holds the newest moments with feeling, deed and strength, and counts the rest", () => {
    expect(sheet.moments).toHaveLength(SHEET_MOMENTS);
    expect(sheet.moments[0]).toMatchObject({ date: "2月27日(金)", feeling: "ほっとした" });
    expect(sheet.moments.every((moment) => moment.deed !== null)).toBe(true);
    expect(sheet.moments.filter((moment) => moment.strength !== null).length).toBeGreaterThan(5);
    expect(sheet.momentsMore).toContain("20件");
  });

  it("holds every やりがい度 oldest first, the counts, and ten steps with the one set now first", () => {
    expect(sheet.scores).toHaveLength(21);
    expect(sheet.scores[0]).toEqual({ label: "10/5", score: 2 });
    expect(sheet.chartNote).toBe("ありがとう 30件 ・ ふりかえり 20回");
    expect(sheet.steps).toHaveLength(10);
    expect(sheet.steps[0]).toEqual({ date: "3月6日(金)", text: "友人の転職の悩みを30分聞く時間をつくる", outcome: sheetWords.stepPlanned });
    expect(sheet.steps[1]).toMatchObject({ text: sheetWords.stepCheckin });
  });

  it("says there is nothing yet rather than leaving a new user's sheet empty of words", () => {
    const empty = sheetOf(emptyProfile(), [], SHEET_NOW);
    expect(empty).toMatchObject({
      will: { current: null, earlier: [] },
      values: [],
      moments: [],
      momentsMore: null,
      scores: [],
      steps: [],
    });
    expect(empty.words.none).toBe(sheetWords.none);
  });
});

describe("the monthly look back", () => {
  const will: Will = {
    statement: "後輩が安心して相談できる先輩でいたい。",
    at: "2026-02-20T11:00:00.000Z",
    history: [{ statement: "まわりの人の役に立ちたい。", at: "2026-01-10T11:00:00.000Z" }],
  };
  const thanks = (text: string, at: string): NewEntry => ({ kind: "thanks", text, source: "thanked", feeling: null, deed: null, at });
  const checkin = (at: string): NewEntry => ({ kind: "checkin", score: 4, thanks: true, actionStatus: "done", willLink: "yes", at });
  const february = [
    thanks("後輩に資料の作り方を教えた", "2026-02-03T11:00:00.000Z"),
    thanks("後輩の相談にのった", "2026-02-10T11:00:00.000Z"),
    checkin("2026-02-15T11:00:00.000Z"),
  ];

  it("comes at the first check-in of a month: last month's moments, its words, and the WILL then beside the WILL now", () => {
    const reply = lookBackReply([checkin("2026-03-01T11:00:00.000Z"), ...february], will, SHEET_NOW);
    const text = reply?.type === "text" ? reply.text : "";
    expect(text).toContain("2月のふり返りです。");
    expect(text).toContain("ありがとうの場面：2件");
    expect(text).toContain("後輩");
    expect(text).toContain("「まわりの人の役に立ちたい。」");
    expect(text).toContain("「後輩が安心して相談できる先輩でいたい。」");
  });

  it("says the WILL held all month when it did not change", () => {
    const kept: Will = { ...will, at: "2026-01-10T11:00:00.000Z", history: [] };
    const reply = lookBackReply([checkin("2026-03-01T11:00:00.000Z"), ...february], kept, SHEET_NOW);
    expect(reply?.type === "text" && reply.text).toContain(lookBackText.willSame.split("：")[0]?.replace("{month}", "2"));
  });

  it("does not come at a month's second check-in, nor to a user whose first month this is", () => {
    expect(
      lookBackReply([checkin("2026-03-02T10:00:00.000Z"), checkin("2026-03-01T11:00:00.000Z"), ...february], will, SHEET_NOW),
    ).toBeNull();
    expect(lookBackReply([checkin("2026-03-01T11:00:00.000Z")], will, SHEET_NOW)).toBeNull();
  });
});
