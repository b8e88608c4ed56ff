/**
 * Table tests of the pure dialogue core: every step type crossed with every class of input,
 * then hand-written rows for the key moves of the first session and the side flows.
 * (state, input) → (state, replies, effects); no mocks.
 */
import { recordsReplies } from "../../src/dialogue/cards";
import type { StoredEntry } from "../../src/model/entry";
import { fill, messages, willWhatPhrases } from "../../src/dialogue/content";
import { actionOptions } from "../../src/dialogue/prompts";
import { decodePostback } from "../../src/dialogue/postback";
import { MAX_ANSWER_LENGTH } from "../../src/dialogue/flow";
import { advance, promptFor, RESUME_AFTER_MS, transition } from "../../src/dialogue";
import { emptyProfile, initialState, type UserState } from "../../src/dialogue/state";
import { isQuestionStep, STEP_TYPES } from "../../src/dialogue/step";
import type { Input } from "../../src/dialogue/input";
import { checkMessages } from "../../src/line/limits";
import { renderReplies } from "../../src/line/render";
import {
  charCount,
  DISTRESS_TEXT,
  deliveredReplies,
  expectSoundTurn,
  inputCases,
  isSafetyReply,
  lastChoices,
  LONG_EMOJI_TEXT,
  LONG_TEXT,
  NOW,
  ownTopics,
  runInputs,
  sampleEntries,
  sampleState,
  sampleStates,
  say,
  stringsIn,
  tap,
  tapOf,
  textOf,
} from "../helpers/dialogue-states";

const ENTRIES = sampleEntries();
const DAY_MS = 24 * 60 * 60 * 1000;
const later = (ms: number): Date => new Date(NOW.getTime() + ms);

describe("the sample states", () => {
  it("cover every step type", () => {
    const covered = new Set(sampleStates().map(({ state }) => state.step.type));
    expect(STEP_TYPES.filter((type) => !covered.has(type))).toEqual([]);
  });

  it.each(sampleStates())("$name is valid stored data", ({ state }) => {
    expect(advance(JSON.parse(JSON.stringify(state)), { type: "mediaReceived", kind: "sticker" }, NOW).state.step).toEqual(state.step);
  });
});

describe.each(sampleStates())("$name", ({ state }) => {
  it.each(inputCases(state))("answers $name soundly", ({ input, inputClass, command }) => {
    const before = structuredClone(state);
    const result = transition(state, input, NOW);
    expect(state).toEqual(before);
    expectSoundTurn(input, result, NOW, ENTRIES);

    if (state.consent.status !== "given") {
      expect(result.effects.filter((effect) => effect.type === "recordEntry" || effect.type === "handOff")).toEqual([]);
    }
    // The first contact of a session after a crisis reply asks how the user is, whatever it was, and keeps it for later.
    if (result.state.step.type === "awaitingCareCheck" && state.step.type !== "awaitingCareCheck" && inputClass !== "acute") {
      expect(result.effects).toEqual([]);
      const step = result.state.step;
      if (input.type === "textReceived") {
        expect(step.held).toEqual({ text: expect.any(String) });
        expect(step.held !== null && "text" in step.held && input.text.trim().startsWith(step.held.text)).toBe(true);
      }
      if (input.type === "postbackReceived") expect(step.held).toEqual({ data: input.data });
      return;
    }
    const decoded = input.type === "postbackReceived" ? decodePostback(input.data) : null;
    const notItsButton = decoded?.kind === "answer" && decoded.topic !== "rec" && !ownTopics(state).includes(decoded.topic);
    if (
      notItsButton ||
      inputClass === "stalePostback" ||
      inputClass === "forgedPostback" ||
      inputClass === "pickerOutOfRange" ||
      inputClass === "media"
    ) {
      expect(result.state.step).toEqual(state.step);
      expect(result.effects).toEqual([]);
    }
    switch (inputClass) {
      case "acute":
        expect(result.state.step.type).toBe("awaitingSafetyChoice");
        expect(result.state.paused).toEqual(isQuestionStep(state.step) ? state.step : state.paused);
        expect(result.effects).toEqual([]);
        expect(isSafetyReply(result.replies)).toBe(true);
        break;
      case "distress": {
        // Distress is heard, and never stops the conversation, except as the answer to 「その後、いかがですか？」.
        const afterCrisis =
          state.step.type === "awaitingCareCheck" ||
          (state.care.askHow && state.lastActiveAt !== null && NOW.getTime() - Date.parse(state.lastActiveAt) >= 3_600_000);
        expect(isSafetyReply(result.replies)).toBe(afterCrisis);
        const said = textOf(result.replies.slice(0, 1));
        expect(said).toContain("怒鳴られて");
        expect(said).toContain("眠れ");
        expect(said).not.toContain(DISTRESS_TEXT);
        if (!afterCrisis && state.step.type !== "awaitingSafetyChoice") expect(result.state.step.type).not.toBe("awaitingSafetyChoice");
        break;
      }
      case "recordsPage":
        if (state.consent.status === "given") {
          expect(result.state.step).toEqual(state.step);
        } else {
          expect(result.state.step.type).toBe("awaitingConsent");
          expect(result.effects).toEqual([]);
        }
        break;
      case "typedCommand":
      case "commandButton":
        if (command === "help") {
          expect(result.state.step).toEqual(state.step);
          expect(textOf(result.replies)).toContain("使い方");
        }
        if (command === "deleteData") {
          expect(result.state.step.type).toBe("awaitingDeleteConfirm");
          expect(result.effects).toEqual([]);
        }
        break;
      case "unfollow":
        expect(result.state.following).toBe(false);
        expect(result.state.step).toEqual(state.step);
        expect(result.state.profile.reminder?.nextAt ?? null).toBeNull();
        break;
      case "follow":
        expect(result.state.following).toBe(true);
        if (state.consent.status === "given") {
          expect(result.state.step).toEqual(state.step);
          const nextAt = result.state.profile.reminder?.nextAt;
          if (state.profile.reminder) expect(Date.parse(nextAt ?? "")).toBeGreaterThan(NOW.getTime());
        } else {
          expect(result.state.step.type).toBe("awaitingConsent");
        }
        break;
      case "longText":
        expect(stringsIn([result.state, result.effects]).filter((text) => charCount(text) > MAX_ANSWER_LENGTH)).toEqual([]);
        break;
      default:
        break;
    }
  });
});

/** A check of one turn's result. */
type Expectation = (result: ReturnType<typeof transition>) => void;
const stepIs =
  (type: UserState["step"]["type"]): Expectation =>
  (result) =>
    expect(result.state.step.type).toBe(type);

/** The review step with the draft and two alternatives on offer. */
function withReviewOptions(): UserState {
  const at = sampleState("awaitingWillReview");
  return {
    ...at,
    step: {
      type: "awaitingWillReview",
      draft: "後輩のために、わかりやすく教える人でいたい。",
      alternatives: [
        "わかりやすく教えることで、後輩から『ありがとう』と言われたい。",
        "誰かの成長を支えることを大切に、わかりやすく教える人でいたい。",
      ],
    },
  };
}

describe("the first session", () => {
  const moments3 = (() => {
    const s = sampleState("awaitingThanksDeed");
    const done = sampleState("awaitingValues").draft!.moments;
    return {
      ...s,
      draft: {
        ...s.draft!,
        moments: [...done, { text: "家族の夕食をつくったら喜ばれた", source: "everyday" as const, feeling: "ほっとした", deed: null }],
      },
    };
  })();
  const threeValues: UserState = {
    ...sampleState("awaitingValues"),
    draft: { ...sampleState("awaitingValues").draft!, values: ["teach", "growOthers", "challenge"] },
  };

  it.each<[string, UserState, Input, Expectation]>([
    [
      "a tapped score moves on to the もやもや question",
      sampleState("awaitingWorkScore"),
      tap("score", "2"),
      (r) => {
        expect(r.state.step.type).toBe("awaitingMoyamoya");
        expect(r.state.draft?.workScore).toBe(2);
      },
    ],
    [
      "a typed full-width score with words after it is read too",
      sampleState("awaitingWorkScore"),
      say("３くらいです"),
      (r) => expect(r.state.draft?.workScore).toBe(3),
    ],
    [
      "a score out of range asks again",
      sampleState("awaitingWorkScore"),
      say("7"),
      (r) => {
        expect(r.state.step.type).toBe("awaitingWorkScore");
        expect(r.state.draft?.workScore).toBeNull();
      },
    ],
    [
      "the もやもや answer records the score with the note",
      sampleState("awaitingMoyamoya"),
      say("会議ばかりで手応えがない"),
      (r) => {
        expect(r.state.step).toEqual({ type: "awaitingThanksMoment", source: "thanked" });
        expect(r.effects).toEqual([
          { type: "recordEntry", entry: { kind: "workScore", score: 2, note: "会議ばかりで手応えがない", at: NOW.toISOString() } },
        ]);
      },
    ],
    [
      "skipping もやもや records the score without a note",
      sampleState("awaitingMoyamoya"),
      tap("moya", "skip"),
      (r) => {
        expect(r.state.step.type).toBe("awaitingThanksMoment");
        expect(r.effects).toEqual([{ type: "recordEntry", entry: { kind: "workScore", score: 2, note: null, at: NOW.toISOString() } }]);
      },
    ],
    [
      "typing 思いつかない offers other kinds of moment",
      sampleState("awaitingThanksMoment"),
      say("思いつかない"),
      (r) => {
        expect(r.state.step.type).toBe("awaitingThanksAlternative");
        expect(lastChoices(r.replies).map((c) => c.label)).toEqual([
          "誰かに感謝した場面",
          "ずっと前のこと",
          "日常の小さなこと",
          "いまはとばす",
        ]);
      },
    ],
    [
      "tapping 思いつかない offers other kinds of moment",
      sampleState("awaitingThanksMoment"),
      tap("thx", "none"),
      stepIs("awaitingThanksAlternative"),
    ],
    [
      "picking a moment long ago asks for one",
      sampleState("awaitingThanksAlternative"),
      tap("alt", "longAgo"),
      (r) => expect(r.state.step).toEqual({ type: "awaitingThanksMoment", source: "longAgo", tried: [] }),
    ],
    [
      "a moment long ago is kept with its kind",
      { ...sampleState("awaitingThanksAlternative"), step: { type: "awaitingThanksMoment", source: "longAgo" } },
      say("学園祭で実行委員をまとめた"),
      (r) => {
        expect(r.state.step.type).toBe("awaitingThanksFeeling");
        expect(r.state.draft?.moments).toEqual([{ text: "学園祭で実行委員をまとめた", source: "longAgo", feeling: null, deed: null }]);
      },
    ],
    [
      "skipping the alternatives goes on to the values",
      sampleState("awaitingThanksAlternative"),
      tap("alt", "skip"),
      stepIs("awaitingValues"),
    ],
    [
      "a tapped feeling is kept and the deed is asked",
      sampleState("awaitingThanksFeeling"),
      tap("feel", "f1"),
      (r) => {
        expect(r.state.step.type).toBe("awaitingThanksDeed");
        expect(r.state.draft?.moments.at(-1)?.feeling).toBe("誇らしかった");
      },
    ],
    [
      "the deed completes the moment and records it",
      sampleState("awaitingThanksDeed"),
      say("図を使って説明した"),
      (r) => {
        expect(r.state.step.type).toBe("awaitingMoreMoments");
        expect(r.effects).toEqual([
          { type: "recordEntry", entry: { kind: "thanks", ...r.state.draft!.moments[0], at: NOW.toISOString() } },
        ]);
        expect(r.state.draft?.moments[0]?.deed).toBe("図を使って説明した");
      },
    ],
    [
      "もう一つ asks for another moment",
      sampleState("awaitingMoreMoments"),
      tap("more", "another"),
      (r) => expect(r.state.step).toEqual({ type: "awaitingThanksMoment", source: "thanked" }),
    ],
    ["次へ goes on to the values", sampleState("awaitingMoreMoments"), tap("more", "next"), stepIs("awaitingValues")],
    [
      "the third moment's deed goes straight on to the values",
      moments3,
      say("献立を考えた"),
      (r) => {
        expect(r.state.step.type).toBe("awaitingValues");
        expect(r.state.draft?.moments).toHaveLength(3);
        expect(r.effects).toHaveLength(1);
      },
    ],
    [
      "a tapped value is added and the question stays",
      sampleState("awaitingValues"),
      tap("val", "growOthers"),
      (r) => {
        expect(r.state.step.type).toBe("awaitingValues");
        expect(r.state.draft?.values).toEqual(["teach", "growOthers"]);
        expect(lastChoices(r.replies).find((c) => c.action.data === "w1|val|growOthers")?.label).toBe("✓ 誰かの成長を支える");
      },
    ],
    [
      "a typed value label is added",
      sampleState("awaitingValues"),
      say("挑戦"),
      (r) => expect(r.state.draft?.values).toEqual(["teach", "challenge"]),
    ],
    [
      "tapping a picked value removes it",
      sampleState("awaitingValues"),
      tap("val", "teach"),
      (r) => expect(r.state.draft?.values).toEqual([]),
    ],
    [
      "a fourth value is refused and the three are kept",
      threeValues,
      tap("val", "mastery"),
      (r) => {
        expect(r.state.draft?.values).toEqual(["teach", "growOthers", "challenge"]);
        expect(textOf(r.replies)).toContain("3つまで");
      },
    ],
    ["決定 with values picked asks who to be thanked by", threeValues, tap("val", "done"), stepIs("awaitingWillWho")],
    ["typed 決定 works like the button", threeValues, say("決定"), stepIs("awaitingWillWho")],
    [
      "決定 with nothing picked asks for one first",
      { ...threeValues, draft: { ...threeValues.draft!, values: [] } },
      tap("val", "done"),
      (r) => {
        expect(r.state.step.type).toBe("awaitingValues");
        expect(textOf(r.replies)).toContain("一つ以上");
      },
    ],
    [
      "who and what make a drafted WILL statement",
      sampleState("awaitingWillWhat"),
      tap("what", "teach"),
      (r) => {
        expect(r.state.step.type).toBe("awaitingWillReview");
        expect(r.state.draft?.willWhat).toBe(willWhatPhrases.teach);
        const statement = r.state.step.type === "awaitingWillReview" ? r.state.step.draft : "";
        expect(statement).toBe("後輩のために、自分の経験を伝える人でいたい。");
        const alternatives = r.state.step.type === "awaitingWillReview" ? (r.state.step.alternatives ?? []) : [];
        expect(alternatives.length).toBeGreaterThanOrEqual(1);
        expect(textOf(r.replies)).toContain("②「");
      },
    ],
    [
      "しっくりくる saves the drafted statement and asks for an action",
      sampleState("awaitingWillReview"),
      tap("willrev", "accept"),
      (r) => {
        expect(r.state.step.type).toBe("awaitingAction");
        expect(r.state.profile.will).toEqual({
          statement: (sampleState("awaitingWillReview").step as { draft: string }).draft,
          at: NOW.toISOString(),
          history: [],
        });
      },
    ],
    ...["うん、ええと思う", "ええやん、それでいこ"].map((text): [string, UserState, Input, Expectation] => [
      `a yes in dialect (「${text}」, typed by two fresh personas) saves the drafted statement, not the words typed`,
      sampleState("awaitingWillReview"),
      say(text),
      (r) => {
        expect(r.state.step.type).toBe("awaitingAction");
        expect(r.state.profile.will?.statement).toBe((sampleState("awaitingWillReview").step as { draft: string }).draft);
      },
    ]),
    [
      "tapping an alternative saves that sentence as the WILL",
      withReviewOptions(),
      tap("willrev", "alt2"),
      (r) => {
        expect(r.state.step.type).toBe("awaitingAction");
        expect(r.state.profile.will?.statement).toBe("誰かの成長を支えることを大切に、わかりやすく教える人でいたい。");
      },
    ],
    [
      "typing an alternative's number (「2番目のがいいです」) saves that sentence as the WILL",
      withReviewOptions(),
      say("2番目のがいいです"),
      (r) => expect(r.state.profile.will?.statement).toBe("わかりやすく教えることで、後輩から『ありがとう』と言われたい。"),
    ],
    [
      "a deed told in the thanker's words is asked about once more, and nothing is recorded yet",
      sampleState("awaitingThanksDeed"),
      say("いつも丁寧に説明してくれてありがとう、と言ってくれました"),
      (r) => {
        expect(r.state.step).toEqual({ type: "awaitingThanksDeed", told: "いつも丁寧に説明してくれてありがとう、と言ってくれました" });
        expect(textOf(r.replies)).toContain("そのとき、あなたは何をしましたか？");
        expect(r.effects).toEqual([]);
      },
    ],
    [
      "the deed told when asked once more is the one recorded",
      { ...sampleState("awaitingThanksDeed"), step: { type: "awaitingThanksDeed", told: "ありがとうって言ってくれた" } },
      say("お薬手帳を一緒に見ながら説明しました"),
      (r) => {
        expect(r.state.draft?.moments.at(-1)?.deed).toBe("お薬手帳を一緒に見ながら説明しました");
        expect(r.effects).toEqual([
          { type: "recordEntry", entry: expect.objectContaining({ deed: "お薬手帳を一緒に見ながら説明しました" }) },
        ]);
      },
    ],
    [
      "a deed told from the thanker's side is reflected in the user's voice",
      sampleState("awaitingThanksDeed"),
      say("相談にのってくれて"),
      (r) => {
        expect(r.state.step.type).toBe("awaitingMoreMoments");
        expect(textOf(r.replies)).toContain("「相談にのった」");
        expect(textOf(r.replies)).not.toContain("くれ");
      },
    ],
    [
      "自分で書き直す asks for the user's own sentence",
      sampleState("awaitingWillReview"),
      tap("willrev", "rewrite"),
      stepIs("awaitingWillRewrite"),
    ],
    [
      "a rewritten statement is saved",
      sampleState("awaitingWillRewrite"),
      say("教えることで誰かの一歩を後押しする"),
      (r) => {
        expect(r.state.step.type).toBe("awaitingAction");
        expect(r.state.profile.will?.statement).toBe("教えることで誰かの一歩を後押しする");
      },
    ],
    [
      "a new statement keeps the earlier one in the history",
      {
        ...sampleState("awaitingWillRewrite"),
        profile: {
          ...sampleState("awaitingWillRewrite").profile,
          will: { statement: "前の一文", at: "2026-11-01T00:00:00.000Z", history: [] },
        },
      },
      say("新しい一文"),
      (r) => {
        expect(r.state.profile.will?.history).toEqual([{ statement: "前の一文", at: "2026-11-01T00:00:00.000Z" }]);
      },
    ],
    [
      "あとで leaves the WILL open and asks for an action",
      sampleState("awaitingWillReview"),
      tap("willrev", "later"),
      (r) => {
        expect(r.state.step.type).toBe("awaitingAction");
        expect(r.state.profile.will).toBeNull();
      },
    ],
    [
      "a suggested action asks for its due date",
      sampleState("awaitingAction"),
      tap("act", "s1"),
      (r) => {
        const picked = actionOptions(sampleState("awaitingAction"))[1];
        expect(r.state.step).toEqual({ type: "awaitingActionDue", action: picked.step, first: picked.first });
      },
    ],
    ["自分で決める asks for the user's own action", sampleState("awaitingAction"), tap("act", "own"), stepIs("awaitingOwnAction")],
    [
      "a typed step that says neither when nor where is asked 「いつ・どこで？」",
      sampleState("awaitingAction"),
      say("地域のボランティアに参加する"),
      (r) => {
        expect(r.state.step).toEqual({ type: "awaitingOwnAction", vague: "地域のボランティアに参加する" });
        expect(r.replies.at(-1)).toMatchObject({ text: expect.stringContaining("いつ・どこで") });
      },
    ],
    [
      "a typed step that says when goes straight on to its date",
      sampleState("awaitingOwnAction"),
      say("土曜の午前に地域のボランティアに参加する"),
      (r) => expect(r.state.step).toEqual({ type: "awaitingActionDue", action: "土曜の午前に地域のボランティアに参加する" }),
    ],
    [
      "the when and where told after 「いつ・どこで？」 join the step, and nothing more is asked about it",
      { ...sampleState("awaitingOwnAction"), step: { type: "awaitingOwnAction", vague: "地域のボランティアに参加する" } },
      say("来週の土曜に、市の社協で。"),
      (r) => expect(r.state.step).toEqual({ type: "awaitingActionDue", action: "来週の土曜に、市の社協で、地域のボランティアに参加する" }),
    ],
    [
      "「まだ決めていない」 after 「いつ・どこで？」 keeps the step as typed",
      { ...sampleState("awaitingOwnAction"), step: { type: "awaitingOwnAction", vague: "地域のボランティアに参加する" } },
      tap("own", "undecided"),
      (r) => expect(r.state.step).toEqual({ type: "awaitingActionDue", action: "地域のボランティアに参加する" }),
    ],
    ...["まだ決めていないです", "未定です", "まだです", "あとで決めます"].map((text): [string, UserState, Input, Expectation] => [
      `「${text}」 after 「いつ・どこで？」 keeps the step as typed`,
      { ...sampleState("awaitingOwnAction"), step: { type: "awaitingOwnAction", vague: "地域のボランティアに参加する" } },
      say(text),
      (r) => expect(r.state.step).toEqual({ type: "awaitingActionDue", action: "地域のボランティアに参加する" }),
    ]),
    [
      "a vague answer to 「いつ・どこで？」 is taken, not asked again",
      { ...sampleState("awaitingOwnAction"), step: { type: "awaitingOwnAction", vague: "地域のボランティアに参加する" } },
      say("そのうち"),
      (r) => expect(r.state.step.type).toBe("awaitingActionDue"),
    ],
    [
      "an action due today is accepted",
      sampleState("awaitingActionDue"),
      say("2026-11-24"),
      (r) => {
        expect(r.state.step.type).toBe("awaitingReminder");
        expect(r.state.profile.action).toEqual({ text: "友人の自己分析を手伝う", due: "2026-11-24" });
      },
    ],
    [
      "a typed month and day means this year",
      sampleState("awaitingActionDue"),
      say("12/5"),
      (r) => expect(r.state.profile.action?.due).toBe("2026-12-05"),
    ],
    [
      "an action due yesterday is questioned, naming the date",
      sampleState("awaitingActionDue"),
      say("2026-11-23"),
      (r) => {
        expect(r.state.step.type).toBe("awaitingActionDue");
        expect(r.state.profile.action).toBeNull();
        expect(textOf(r.replies)).toContain("11月23日(月)は、もう過ぎた日付");
      },
    ],
    [
      "今週中 means the coming Sunday in Tokyo",
      sampleState("awaitingActionDue"),
      tap("due", "week"),
      (r) => expect(r.state.profile.action?.due).toBe("2026-11-29"),
    ],
    [
      "今月中 means the last day of the month in Tokyo",
      sampleState("awaitingActionDue"),
      tap("due", "month"),
      (r) => expect(r.state.profile.action?.due).toBe("2026-11-30"),
    ],
    [
      "a picked date is taken",
      sampleState("awaitingActionDue"),
      tap("due", "pick", { date: "2026-12-10" }),
      (r) => expect(r.state.profile.action?.due).toBe("2026-12-10"),
    ],
    [
      "毎週 日曜 20:00 sets the next reminder to Sunday 20:00 in Tokyo",
      sampleState("awaitingReminder"),
      tap("rem", "weekly"),
      (r) => {
        expect(r.state.profile.reminder).toEqual({
          schedule: { kind: "weekly", weekdays: [0], time: "20:00" },
          nextAt: "2026-11-29T11:00:00.000Z",
        });
      },
    ],
    [
      "毎日 21:00 sets the next reminder to tonight 21:00 in Tokyo",
      sampleState("awaitingReminder"),
      tap("rem", "daily"),
      (r) => {
        expect(r.state.profile.reminder).toEqual({ schedule: { kind: "daily", time: "21:00" }, nextAt: "2026-11-24T12:00:00.000Z" });
      },
    ],
    [
      "a picked time asks for the days",
      sampleState("awaitingReminder"),
      tap("rem", "pick", { time: "07:30" }),
      (r) => expect(r.state.step).toEqual({ type: "awaitingReminderDays", time: "07:30" }),
    ],
    [
      "a typed hour that could be morning or evening asks which before anything is set",
      sampleState("awaitingReminder"),
      say("7時半"),
      (r) => expect(r.state.step).toEqual({ type: "awaitingReminder", hour: "07:30" }),
    ],
    [
      "「朝」 after an unclear hour takes the morning and asks for the days",
      { ...sampleState("awaitingReminder"), step: { type: "awaitingReminder", hour: "07:30" } },
      say("朝です"),
      (r) => expect(r.state.step).toEqual({ type: "awaitingReminderDays", time: "07:30" }),
    ],
    [
      "「夜」 after an unclear hour takes the evening",
      { ...sampleState("awaitingReminder"), step: { type: "awaitingReminder", hour: "09:00" } },
      say("夜"),
      (r) => expect(r.state.step).toEqual({ type: "awaitingReminderDays", time: "21:00" }),
    ],
    [
      "a typed evening time asks for the days",
      sampleState("awaitingReminder"),
      say("夜9時"),
      (r) => expect(r.state.step).toEqual({ type: "awaitingReminderDays", time: "21:00" }),
    ],
    [
      "a picked time and Monday remind on Monday morning in Tokyo",
      sampleState("awaitingReminderDays"),
      tap("days", "d1"),
      (r) => {
        expect(r.state.profile.reminder).toEqual({
          schedule: { kind: "weekly", weekdays: [1], time: "07:30" },
          nextAt: "2026-11-29T22:30:00.000Z",
        });
      },
    ],
    [
      "a picked time and 平日 remind tomorrow morning in Tokyo",
      sampleState("awaitingReminderDays"),
      say("平日"),
      (r) => {
        expect(r.state.profile.reminder).toEqual({
          schedule: { kind: "weekly", weekdays: [1, 2, 3, 4, 5], time: "07:30" },
          nextAt: "2026-11-24T22:30:00.000Z",
        });
      },
    ],
    ["いらない sets no reminder", sampleState("awaitingReminder"), say("いらない"), (r) => expect(r.state.profile.reminder).toBeNull()],
    [
      "the reminder answer ends the session with the summary card",
      sampleState("awaitingReminder"),
      tap("rem", "weekly"),
      (r) => {
        const draft = sampleState("awaitingReminder").draft!;
        expect(r.state.step.type).toBe("resting");
        expect(r.state.draft).toBeNull();
        expect(r.state.profile.completedFirstSession).toBe(true);
        expect(r.state.profile.values).toEqual(draft.values);
        expect(r.state.profile.moments).toHaveLength(draft.moments.length);
        expect(r.replies.some((reply) => reply.type === "card")).toBe(true);
        expect(textOf(r.replies)).toContain("毎週 日曜 20:00");
      },
    ],
  ])("%s", (_name, state, input, check) => {
    const result = transition(state, input, NOW);
    check(result);
    expectSoundTurn(input, result, NOW);
  });

  it("judges due dates by the Tokyo calendar, not UTC", () => {
    const lateUtc = new Date("2026-11-24T20:00:00.000Z");
    const state = sampleState("awaitingActionDue", lateUtc);
    expect(transition(state, say("2026-11-24"), lateUtc).state.step.type).toBe("awaitingActionDue");
    expect(transition(state, say("2026-11-25"), lateUtc).state.profile.action?.due).toBe("2026-11-25");
  });

  it("reads a typed month and day already past this year as next year", () => {
    const december = new Date("2026-12-20T03:00:00.000Z");
    expect(transition(sampleState("awaitingActionDue", december), say("1/10"), december).state.profile.action?.due).toBe("2027-01-10");
  });

  it("offers a date picker from today to a year ahead in Tokyo", () => {
    const picker = lastChoices(promptFor(sampleState("awaitingActionDue"), NOW)).find((c) => c.action.type === "datetimePicker");
    expect(picker?.action).toEqual({
      type: "datetimePicker",
      data: "w1|due|pick",
      mode: "date",
      initial: "2026-11-30",
      min: "2026-11-24",
      max: "2027-11-24",
    });
  });

  it("walks from the follow to the summary card by taps and typing", () => {
    const inputs: Input[] = [
      { type: "followed", displayName: "花子" },
      tap("consent", "agree"),
      tap("start", "now"),
      tap("score", "2"),
      say("会議ばかり"),
      say("後輩に資料の作り方を教えたら感謝された"),
      tap("feel", "f0"),
      say("図を使って説明した"),
      tap("more", "next"),
      tap("val", "teach"),
      tap("val", "growOthers"),
      tap("val", "done"),
      tap("who", "w2"),
      tap("what", "teach"),
      tap("willrev", "accept"),
      tap("act", "s0"),
      tap("due", "week"),
      tap("rem", "weekly"),
    ];
    const results = runInputs(initialState(), inputs);
    results.forEach((result, i) => expectSoundTurn(inputs[i], result, NOW));
    const end = results.at(-1)!.state;
    expect(end.step.type).toBe("resting");
    expect(end.draft).toBeNull();
    expect(end.profile).toMatchObject({ values: ["teach", "growOthers"], completedFirstSession: true, action: { due: "2026-11-29" } });
    expect(end.profile.will?.statement).toContain("同僚や後輩");
    expect(results.flatMap((r) => r.effects).map((e) => e.type)).toEqual(["recordEntry", "recordEntry"]);
  });
});

describe("side flows", () => {
  const resting = sampleState("resting");

  it("ありがとう記録 asks for the moment, the feeling and what the user did, then records it", () => {
    const [asked, told, felt, did] = runInputs(resting, [
      say("ありがとう記録"),
      say("同僚に段取りを褒められた"),
      tap("qfeel", "f0"),
      say("会議の前に資料の順番を整理しておきました"),
    ]);
    expect(asked.state.step.type).toBe("awaitingQuickThanks");
    expect(told.state.step).toEqual({ type: "awaitingQuickThanksFeeling", text: "同僚に段取りを褒められた" });
    expect(felt.state.step).toEqual({ type: "awaitingQuickThanksDeed", text: "同僚に段取りを褒められた", feeling: "うれしかった" });
    expect(textOf(felt.replies)).toContain("あなたのどんな行動");
    expect(asked.effects.concat(told.effects, felt.effects)).toEqual([]);
    expect(did.state.step.type).toBe("resting");
    expect(textOf(did.replies)).toContain("「会議の前に資料の順番を整理しておいた」");
    expect(did.effects).toEqual([
      {
        type: "recordEntry",
        entry: {
          kind: "thanks",
          text: "同僚に段取りを褒められた",
          source: "thanked",
          feeling: "うれしかった",
          deed: "会議の前に資料の順番を整理しておきました",
          at: NOW.toISOString(),
        },
      },
    ]);
  });

  it("ありがとう記録 asks once more what the user did when the deed is told in the thanker's words", () => {
    const [thanker, own] = runInputs(sampleState("awaitingQuickThanksDeed"), [
      say("いつも助かるよって言ってくれました"),
      say("資料の誤字を直しておきました"),
    ]);
    expect(thanker.state.step).toMatchObject({ type: "awaitingQuickThanksDeed", told: "いつも助かるよって言ってくれました" });
    expect(textOf(thanker.replies)).toContain("そのとき、あなたは何をしましたか？");
    expect(thanker.effects).toEqual([]);
    expect(own.effects).toEqual([{ type: "recordEntry", entry: expect.objectContaining({ deed: "資料の誤字を直しておきました" }) }]);
  });

  it("ありがとう記録 in the middle of the first session comes back to the question", () => {
    const results = runInputs(sampleState("awaitingValues"), [
      say("ありがとう記録"),
      say("同僚に段取りを褒められた"),
      say("うれしい"),
      tap("qdeed", "skip"),
    ]);
    expect(results.at(-1)!.state.step.type).toBe("awaitingValues");
    expect(results.at(-1)!.state.draft).toEqual(sampleState("awaitingValues").draft);
  });

  it("free text at rest offers to save it, and saves it only when asked", () => {
    const [offered, yes, , did] = runInputs(resting, [
      say("今日は後輩が自分で提案できた"),
      tap("save", "yes"),
      tap("qfeel", "skip"),
      tap("qdeed", "skip"),
    ]);
    expect(offered.state.step).toEqual({ type: "awaitingSaveFreeText", text: "今日は後輩が自分で提案できた" });
    expect(offered.effects).toEqual([]);
    expect(yes.state.step.type).toBe("awaitingQuickThanksFeeling");
    expect(did.effects).toEqual([
      {
        type: "recordEntry",
        entry: {
          kind: "thanks",
          text: "今日は後輩が自分で提案できた",
          source: "thanked",
          feeling: null,
          deed: null,
          at: NOW.toISOString(),
        },
      },
    ]);
    const [, no] = runInputs(resting, [say("今日は後輩が自分で提案できた"), tap("save", "no")]);
    expect(no.state.step.type).toBe("resting");
    expect(no.effects).toEqual([]);
  });

  it("相談したい shares nothing until 送る is tapped", () => {
    const results = runInputs(resting, [say("相談したい"), tap("hot", "skip"), tap("ho", "withEntries"), tap("hoc", "send")]);
    expect(results.map((r) => r.state.step.type)).toEqual([
      "awaitingHandoffTopic",
      "awaitingHandoffScope",
      "awaitingHandoffConfirm",
      "resting",
    ]);
    expect(results.slice(0, 3).flatMap((r) => r.effects)).toEqual([]);
    expect(results[3].effects).toEqual([{ type: "handOff", scope: "withEntries", topic: null }]);
    expect(textOf(deliveredReplies(results[3]))).toContain("https://example.com/booking");
  });

  it("相談したい asks what to talk about, names every item it will send, the display name included, and sends the topic", () => {
    const results = runInputs(resting, [say("相談したい"), say("転職するか迷っています"), tap("ho", "summary"), tap("hoc", "send")]);
    expect(results[1].state.step).toEqual({ type: "awaitingHandoffScope", topic: "転職するか迷っています" });
    const confirm = textOf(results[2].replies);
    expect(confirm).toContain("LINEの表示名");
    expect(confirm).toContain("転職するか迷っています");
    expect(confirm).not.toContain("最近の記録");
    expect(results[3].effects).toEqual([{ type: "handOff", scope: "summary", topic: "転職するか迷っています" }]);
  });

  it("相談したい mid-session offers to wait or go on instead of resuming the question at once", () => {
    const at = sampleState("awaitingMoyamoya");
    const [, , , sent] = runInputs(at, [say("相談したい"), tap("hot", "skip"), tap("ho", "summary"), tap("hoc", "send")]);
    expect(sent.state.step).toEqual({ type: "awaitingContinueChoice", reason: "handoff" });
    expect(sent.state.paused).toEqual({ type: "awaitingMoyamoya" });
    const waited = transition(sent.state, tap("cont", "wait"), NOW);
    expect(waited.state.step.type).toBe("resting");
    expect(transition(waited.state, say("はじめる"), NOW).state.step).toEqual({ type: "awaitingMoyamoya" });
    expect(transition(sent.state, tap("cont", "continue"), NOW).state.step).toEqual({ type: "awaitingMoyamoya" });
  });

  it("three 思いつかない in a row in the first session offer a rest; ここで休む keeps the question for later", () => {
    const at = sampleState("awaitingMoyamoya");
    const results = runInputs(at, [say("思いつかない"), say("特にないです"), say("思い浮かばないです")]);
    expect(results.map((r) => r.state.step.type)).toEqual(["awaitingThanksMoment", "awaitingThanksAlternative", "awaitingRestOffer"]);
    const offer = results[2];
    expect(offer.state.paused?.type).toBe("awaitingValues");
    expect(offer.state.draft?.blanks).toBeUndefined();
    const rested = transition(offer.state, tap("tired", "rest"), NOW);
    expect(rested.state.step.type).toBe("resting");
    expect(transition(rested.state, say("はじめる"), NOW).state.step.type).toBe("awaitingValues");
    expect(transition(offer.state, tap("tired", "stepLater"), NOW).state.step.type).toBe("awaitingReminder");
    expect(transition(offer.state, tap("tired", "goOn"), NOW).state.step.type).toBe("awaitingValues");
  });

  it("an answer between two 思いつかない starts the count again", () => {
    const at = sampleState("awaitingMoyamoya");
    const results = runInputs(at, [say("思いつかない"), say("思いつかない"), tap("alt", "everyday"), say("思いつかない")]);
    expect(results.at(-1)!.state.step.type).not.toBe("awaitingRestOffer");
  });

  it.each<[string, Input[]]>([
    ["cancelled at the topic", [say("相談したい"), tap("hot", "cancel")]],
    ["cancelled at the scope", [say("相談したい"), tap("hot", "skip"), tap("ho", "cancel")]],
    ["cancelled at the confirmation", [say("相談したい"), say("職場の人間関係"), tap("ho", "summary"), tap("hoc", "cancel")]],
    ["stopped with やめる", [say("相談したい"), tap("hot", "skip"), tap("ho", "summary"), say("やめる")]],
  ])("相談したい %s shares nothing", (_name, inputs) => {
    const results = runInputs(resting, inputs);
    expect(results.flatMap((r) => r.effects)).toEqual([]);
    expect(results.at(-1)!.state.step.type).toBe("resting");
  });

  it("データ削除 deletes only after 削除する", () => {
    const [asked, deleted] = runInputs(resting, [say("データ削除"), tap("del", "yes")]);
    expect(asked.state.step.type).toBe("awaitingDeleteConfirm");
    expect(asked.effects).toEqual([]);
    expect(deleted.effects).toEqual([{ type: "deleteUserData" }]);
    expect(deleted.state).toEqual(initialState());
  });

  it("データ削除 then やめる keeps everything", () => {
    const [, kept] = runInputs(resting, [say("データ削除"), tap("del", "no")]);
    expect(kept.effects).toEqual([]);
    expect(kept.state).toEqual({ ...resting, lastActiveAt: NOW.toISOString() });
  });

  it("cancelling データ削除 before consent goes back to the consent question and stores nothing after", () => {
    const results = runInputs(sampleState("awaitingConsent"), [
      say("データ削除"),
      tap("del", "no"),
      say("今日は疲れた"),
      tap("save", "yes"),
      tap("qfeel", "f0"),
    ]);
    expect(results[1].state.step.type).toBe("awaitingConsent");
    expect(results.flatMap((r) => r.effects)).toEqual([]);
    expect(results.at(-1)!.state.consent).toEqual({ status: "none" });
    expect(results.map((r) => r.state.step.type)).not.toContain("awaitingSaveFreeText");
  });

  it("やめる pauses the question and はじめる resumes it with the answers kept", () => {
    const at = sampleState("awaitingValues");
    const [paused, resumed] = runInputs(at, [say("やめる"), say("はじめる")]);
    expect(paused.state.step.type).toBe("resting");
    expect(paused.state.paused).toEqual({ type: "awaitingValues" });
    expect(resumed.state.step).toEqual({ type: "awaitingValues" });
    expect(resumed.state.paused).toBeNull();
    expect(resumed.state.draft).toEqual(at.draft);
  });

  it("リマインダー in the middle of the first session comes back to the paused question", () => {
    const at = sampleState("awaitingValues");
    const [, set] = runInputs(at, [say("リマインダー"), tap("rem", "weekly")]);
    expect(set.state.profile.reminder?.schedule).toEqual({ kind: "weekly", weekdays: [0], time: "20:00" });
    expect(set.state.step).toEqual({ type: "awaitingValues" });
    expect(set.state.draft).toEqual(at.draft);
    expect(set.state.profile.completedFirstSession).toBe(false);
  });

  it("a side flow opened from リマインダー keeps the first-session question paused before it", () => {
    const results = runInputs(sampleState("awaitingValues"), [
      say("リマインダー"),
      say("ありがとう記録"),
      say("同僚に褒められた"),
      tap("qfeel", "f0"),
      tap("qdeed", "skip"),
      tap("rem", "off"),
    ]);
    expect(results.at(-1)!.state.step).toEqual({ type: "awaitingValues" });
    expect(results.at(-1)!.state.draft).not.toBeNull();
  });

  it("最初から after the first session runs all the way to a new summary", () => {
    const inputs: Input[] = [
      say("最初から"),
      tap("score", "4"),
      tap("moya", "skip"),
      say("新人研修で説明したら感謝された"),
      tap("feel", "f4"),
      tap("deed", "skip"),
      tap("more", "next"),
      tap("val", "challenge"),
      tap("val", "done"),
      tap("who", "w4"),
      tap("what", "challenge"),
      tap("willrev", "accept"),
      tap("act", "s0"),
      tap("due", "month"),
      tap("rem", "daily"),
    ];
    const results = runInputs(resting, inputs);
    expect(results[11].state.step.type).toBe("awaitingAction");
    const end = results.at(-1)!.state;
    expect(end.step.type).toBe("resting");
    expect(end.draft).toBeNull();
    expect(end.profile.values).toEqual(["challenge"]);
    expect(end.profile.reminder?.schedule).toEqual({ kind: "daily", time: "21:00" });
  });

  it("a user back after more than three days mid-flow has the answer taken, after one line on where they were", () => {
    const at = { ...sampleState("awaitingThanksFeeling"), lastActiveAt: new Date(NOW.getTime() - RESUME_AFTER_MS - 60_000).toISOString() };
    const back = transition(at, say("うれしかった"), NOW);
    expect(back.state.step.type).toBe("awaitingThanksDeed");
    expect(back.state.draft?.moments.at(-1)?.feeling).toBe("うれしかった");
    expect(textOf(back.replies.slice(0, 1))).toMatch(/^おかえりなさい。前回は/);
    expect(textOf(back.replies)).not.toContain("前回の続きからにしますか");
    expectSoundTurn(say("うれしかった"), back, NOW);
  });

  it("a user back within three days just goes on", () => {
    const at = { ...sampleState("awaitingThanksFeeling"), lastActiveAt: new Date(NOW.getTime() - RESUME_AFTER_MS + 60_000).toISOString() };
    expect(transition(at, say("うれしかった"), NOW).state.step.type).toBe("awaitingThanksDeed");
  });

  it("a stored state at the retired question 「前回の続きからにしますか？」 loads at the question that waited", () => {
    const old = {
      ...sampleState("awaitingThanksFeeling"),
      step: { type: "awaitingResumeChoice", text: "うれしかった" },
      paused: { type: "awaitingThanksFeeling" },
    };
    const result = advance(old, say("うれしかった"), NOW);
    expect(result.state.step.type).toBe("awaitingThanksDeed");
    expect(result.state.paused).toBeNull();
  });

  it("a block stops reminders at once and a re-follow schedules the next one", () => {
    const blocked = transition(resting, { type: "unfollowed" }, NOW);
    expect(blocked.replies).toEqual([]);
    expect(blocked.state.following).toBe(false);
    expect(blocked.state.profile.reminder).toEqual({ schedule: resting.profile.reminder!.schedule, nextAt: null });
    const back = transition(blocked.state, { type: "followed", displayName: "花子" }, later(10 * DAY_MS));
    expect(back.state.following).toBe(true);
    expect(back.state.step).toEqual(resting.step);
    expect(back.state.profile.reminder?.nextAt).toBe("2026-12-06T11:00:00.000Z");
    expect(textOf(back.replies)).toContain("おかえりなさい");
  });

  it("a reminder set while blocked waits for the re-follow", () => {
    const blocked = { ...sampleState("awaitingReminder"), following: false };
    expect(transition(blocked, tap("rem", "daily"), NOW).state.profile.reminder?.nextAt).toBeNull();
  });
});

describe("long and odd text", () => {
  it("stores a long answer cut to the documented limit and says so", () => {
    const result = transition(sampleState("awaitingThanksMoment"), say(LONG_TEXT), NOW);
    expect(result.state.draft?.moments[0]?.text).toBe("あ".repeat(MAX_ANSWER_LENGTH));
    expect(textOf(result.replies)).toContain(`${MAX_ANSWER_LENGTH}文字`);
  });

  it("names the documented limit when the long answer is emoji", () => {
    const result = transition(sampleState("awaitingThanksMoment"), say(LONG_EMOJI_TEXT), NOW);
    expect(charCount(result.state.draft?.moments[0]?.text ?? "")).toBe(MAX_ANSWER_LENGTH);
    expect(textOf(result.replies)).toContain(`${MAX_ANSWER_LENGTH}文字`);
  });

  it.each<[string, UserState]>([
    ["while consent is pending", sampleState("awaitingConsent")],
    ["after consent was declined", sampleState("declined")],
  ])("does not say a long text is kept for the record %s", (_name, state) => {
    const notice = fill(messages["input.truncated"], { max: String(MAX_ANSWER_LENGTH) });
    const result = transition(state, say(LONG_TEXT), NOW);
    expect(result.replies.map((reply) => (reply.type === "text" ? reply.text : ""))).not.toContain(notice);
    expect(result.state.consent).toEqual(state.consent);
  });

  it.each(["", "   ", "\u3000\n"])("asks for more on empty text %j", (text) => {
    const result = transition(sampleState("awaitingThanksMoment"), say(text), NOW);
    expect(result.state.step).toEqual(sampleState("awaitingThanksMoment").step);
    expect(result.state.draft?.moments).toEqual([]);
  });

  it("answers a crisis at any step before anything else, even inside a long text, keeping the question for later", () => {
    const result = transition(sampleState("awaitingWorkScore"), say(`${"あ".repeat(3000)}死にたい${"あ".repeat(1000)}`), NOW);
    expect(isSafetyReply(result.replies)).toBe(true);
    expect(result.state.step).toEqual({ type: "awaitingSafetyChoice", tier: "acute", text: null });
    expect(result.state.paused).toEqual({ type: "awaitingWorkScore" });
  });
});

describe("typed button labels", () => {
  const cases = sampleStates()
    .filter(({ state }) => state.consent.status === "given")
    .flatMap(({ name, state }) =>
      lastChoices(promptFor(state, NOW))
        .filter((choice) => choice.action.type === "postback" && decodePostback(choice.action.data)?.kind === "answer")
        .map((choice) => ({ name, state, choice })),
    );
  const kept = (result: ReturnType<typeof transition>): string[] =>
    stringsIn([result.state.step, result.state.draft, result.state.profile, result.effects]);

  it.each(cases)("for $name, typing 「$choice.label」 is never kept as the user's own words", ({ state, choice }) => {
    const typed = kept(transition(state, say(choice.label), NOW));
    const tapped = new Set(kept(transition(state, tapOf(choice), NOW)));
    const before = new Set(stringsIn([state.step, state.draft, state.profile]));
    expect(typed.filter((text) => text.includes(choice.label) && !tapped.has(text) && !before.has(text))).toEqual([]);
  });

  it("typing 記録する at the save offer saves the offered text, like tapping it", () => {
    const state = sampleState("awaitingSaveFreeText");
    expect(transition(state, say("記録する"), NOW).state.step).toEqual(transition(state, tap("save", "yes"), NOW).state.step);
  });
});

describe("damaged stored state", () => {
  const damaged = (state: UserState, patch: (raw: Record<string, unknown>) => void): unknown => {
    const raw = JSON.parse(JSON.stringify(state)) as Record<string, unknown>;
    patch(raw);
    return raw;
  };

  it.each<[string, unknown, Input]>([
    [
      "an action due date that is not a date, then WILL",
      damaged(sampleState("resting"), (raw) => {
        (raw.profile as { action: unknown }).action = { text: "友人の自己分析を手伝う", due: "来週" };
      }),
      say("WILL"),
    ],
    [
      "a reminder time that is not HH:mm, then 毎日",
      damaged(sampleState("awaitingReminderDays"), (raw) => {
        raw.step = { type: "awaitingReminderDays", time: "7時" };
      }),
      tap("days", "daily"),
    ],
    [
      "a last-active time that is not a date, then text",
      damaged(sampleState("awaitingThanksFeeling"), (raw) => {
        raw.lastActiveAt = "yesterday";
      }),
      say("うれしかった"),
    ],
    [
      "an empty profile with a card request",
      damaged({ ...sampleState("resting"), profile: { ...emptyProfile(), completedFirstSession: true } }, () => undefined),
      say("WILL"),
    ],
    [
      "a moment of an unknown kind, then its deed and the records",
      damaged(sampleState("awaitingThanksDeed"), (raw) => {
        (raw.draft as { moments: { source: string }[] }).moments[0].source = "friend";
      }),
      say("図を使って説明した"),
    ],
  ])("does not crash a turn: %s", (_name, stored, input) => {
    const result = advance(stored, input, NOW);
    expect(result.replies.length).toBeGreaterThanOrEqual(1);
    expect(checkRendered(result)).toEqual([]);
  });
});

/** What LINE would reject of the turn's replies and of the records page showing what it recorded. */
function checkRendered(result: ReturnType<typeof transition>): string[] {
  const recorded: StoredEntry[] = result.effects.flatMap((effect, i) =>
    effect.type === "recordEntry" ? [{ id: `r${i}`, entry: effect.entry }] : [],
  );
  const replies = deliveredReplies(result, recorded);
  const records = recorded.length > 0 ? checkMessages(renderReplies(recordsReplies(recorded, 0))) : [];
  return replies.length === 0 ? ["no reply"] : [...checkMessages(renderReplies(replies)), ...records];
}
