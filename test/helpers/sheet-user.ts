/**
 * A heavy user for the 振り返りシート (issue 23): three WILL versions, 30 ありがとう moments, 20
 * check-ins and a step set now, so ten steps on the sheet; and the longest a sheet can get. The
 * bench, the renderer's tests and the README's image all draw these.
 */
import { addDays } from "date-fns";
import { emptyProfile, type Profile, type UserState } from "../../src/dialogue/state";
import type { NewEntry } from "../../src/model/entry";
import type { Sheet } from "../../src/model/sheet";
import { sheetOf } from "../../src/dialogue/sheet";
import { MAX_ANSWER_LENGTH } from "../../src/dialogue/flow";
import { sampleState } from "./dialogue-states";

/** When the heavy user asks for their sheet. */
export const SHEET_NOW = new Date("2026-03-02T12:00:00.000Z");

/** The WILL the heavy user holds now. */
export const HEAVY_WILL = "取引先の人たちが、安心して相談できる相手でいたい。";

const MOMENTS: readonly { text: string; feeling: string; deed: string }[] = [
  {
    text: "後輩から「説明がわかりやすかった」と言われた",
    feeling: "うれしかった",
    deed: "新人向けの手順書を作り直して、一緒に読み合わせた",
  },
  {
    text: "お客さまに「相談してよかった」と言ってもらえた",
    feeling: "やりがいを感じた",
    deed: "急ぎの見積もりを、その日のうちに丁寧に確認して出した",
  },
  { text: "友人の転職の話を聞いたら、気持ちが整理できたと言われた", feeling: "ほっとした", deed: "夜に電話で最後まで話を聞いた" },
  { text: "隣の部署の人にエクセルの集計を教えたら感謝された", feeling: "誇らしかった", deed: "関数の使い方を画面を見せながら教えた" },
  { text: "母に「いつも気にかけてくれてありがとう」と言われた", feeling: "照れくさかった", deed: "毎週日曜に電話をかけている" },
  { text: "チームの締め切りに間に合って、課長からお礼を言われた", feeling: "ほっとした", deed: "残業して資料の誤りを見直した" },
  { text: "地域の清掃で、子どもたちに声をかけたら喜ばれた", feeling: "うれしかった", deed: "あいさつをして、道具の使い方を案内した" },
  {
    text: "取引先の担当者に、トラブルのあとで「助かりました」と言われた",
    feeling: "やりがいを感じた",
    deed: "言い訳せずに謝って、代わりの手配をすぐにした",
  },
  { text: "大学の後輩のエントリーシートを読んで、お礼のメッセージが来た", feeling: "うれしかった", deed: "自己分析の質問を一緒に考えた" },
  { text: "同僚が体調を崩したとき、仕事を引き受けて感謝された", feeling: "ほっとした", deed: "代わりに会議の準備を引き受けた" },
];

/** The heavy user's profile: three WILL versions, three values, a step due this week. */
export function heavyProfile(): Profile {
  return {
    ...emptyProfile(),
    values: ["helpOthers", "growOthers", "teach"],
    moments: MOMENTS.slice(0, 3).map((m) => m.text),
    will: {
      statement: HEAVY_WILL,
      at: "2026-02-10T11:00:00.000Z",
      history: [
        { statement: "まわりの人が困ったときに、気軽に頼ってもらえる人でいたい。", at: "2025-10-05T11:00:00.000Z" },
        { statement: "後輩が自分で考えて動けるように、そばで支える人でいたい。", at: "2025-12-14T11:00:00.000Z" },
      ],
    },
    action: { text: "友人の転職の悩みを30分聞く時間をつくる", due: "2026-03-06" },
    completedFirstSession: true,
    checkins: 20,
    lastScore: 4,
  };
}

/** The heavy user's entries: 30 moments and 20 weekly check-ins from October on, and the first やりがい度. */
export function heavyEntries(): NewEntry[] {
  const start = new Date("2025-10-05T11:00:00.000Z");
  const moments: NewEntry[] = Array.from({ length: 30 }, (_, i) => {
    const m = MOMENTS[i % MOMENTS.length] ?? MOMENTS[0];
    return { kind: "thanks", text: m.text, source: "thanked", feeling: m.feeling, deed: m.deed, at: addDays(start, i * 5).toISOString() };
  });
  const statuses = ["done", "partly", "notYet", "done", "done"] as const;
  const checkins: NewEntry[] = Array.from({ length: 20 }, (_, i) => ({
    kind: "checkin",
    score: [3, 3, 4, 2, 4, 5, 4, 3, 4, 5][i % 10] ?? 3,
    thanks: i % 2 === 0,
    actionStatus: statuses[i % statuses.length] ?? "done",
    willLink: "yes",
    at: addDays(start, 7 + i * 7).toISOString(),
  }));
  return [{ kind: "workScore", score: 2, note: null, at: start.toISOString() }, ...moments, ...checkins];
}

/** The heavy user's state, as the dialogue keeps it. */
export function heavyState(): UserState {
  return { ...sampleState("resting", SHEET_NOW), profile: heavyProfile() };
}

/** The heavy user's sheet. */
export function heavySheet(now: Date = SHEET_NOW): Sheet {
  return sheetOf(heavyProfile(), heavyEntries(), now);
}

/** The longest a sheet gets: every text at the longest the bot keeps, every list full. */
export function longestSheet(now: Date = SHEET_NOW): Sheet {
  const long = (seed: string) => seed.repeat(Math.ceil(MAX_ANSWER_LENGTH / seed.length)).slice(0, MAX_ANSWER_LENGTH);
  const profile = heavyProfile();
  profile.will = {
    statement: long("ありがとうと言われる仕事を、"),
    at: profile.will!.at,
    history: profile.will!.history.map((version) => ({ ...version, statement: long("WWWWWWWWWW 広い字で書いた長いWILL、") })),
  };
  profile.ownValues = [];
  profile.action = { text: long("長い一歩の説明、"), due: "2026-03-06" };
  const entries = heavyEntries().map((entry) =>
    entry.kind === "thanks"
      ? { ...entry, text: long("とても長い場面の説明、"), feeling: long("気持ち、"), deed: long("手伝って教えた、") }
      : entry,
  );
  return sheetOf(profile, entries, now);
}
