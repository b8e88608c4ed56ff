/**
 * The small parallel-career steps the bot suggests: activities for fulfilment and growth, not
 * income, that need no side-job permission. Each comes with what to do in its first 15 minutes.
 * Nothing here is an in-job task or self-care. Limits: a step is a button (20 characters).
 */
import type { ValueId } from "../state";

/** One suggested step and its first 15 minutes. */
export interface StepSuggestion {
  /** The step, as its button reads (≤ 20 characters). */
  readonly step: string;
  /** What to do in the first 15 minutes, a phrase that fits 「最初の15分：…」. */
  readonly first: string;
}

const listen: StepSuggestion = { step: "友人の悩みを聞く時間をつくる", first: "声をかけたい人を1人決める" };
const selfAnalysis: StepSuggestion = { step: "友人の自己分析を手伝う", first: "手伝えそうな人を1人思い浮かべる" };
const careerEducation: StepSuggestion = { step: "学生のキャリア教育に参加する", first: "NPOの募集を1件調べる" };
const writeWork: StepSuggestion = { step: "仕事の経験を文章に書く", first: "書きたい場面を3行メモする" };
const localVolunteer: StepSuggestion = { step: "地域のボランティアに参加する", first: "市の募集を1件調べる" };
const proBono: StepSuggestion = { step: "NPOのプロボノに参加する", first: "プロボノの募集を1件調べる" };
const studyGroupTalk: StepSuggestion = { step: "社外の勉強会で経験を話す", first: "参加できる勉強会を1件調べる" };
const worries: StepSuggestion = { step: "身近な人の困りごとを一緒に考える", first: "困っていそうな人を1人思い浮かべる" };

/**
 * Steps by whom or what the WILL is about: when a cue is in the WILL's who (checked first) or
 * what, its steps come first, so that a nurse whose WILL is about patients gets steps about care.
 */
export const willStepThemes: readonly { readonly cues: readonly string[]; readonly steps: readonly StepSuggestion[] }[] = [
  {
    cues: ["患者", "利用者", "お年寄り", "高齢", "介護", "看護", "病気", "ご家族"],
    steps: [
      { step: "患者会や家族会を手伝う", first: "近くの会を1件調べる" },
      { step: "認知症カフェを手伝う", first: "近くの開催日を1件調べる" },
      { step: "ケアの経験を文章に書く", first: "書きたい場面を3行メモする" },
    ],
  },
  {
    cues: ["子ども", "子供", "こども", "保護者", "親子"],
    steps: [
      { step: "子どもの学習支援を手伝う", first: "近くの団体を1つ調べる" },
      { step: "子育てサロンを手伝う", first: "近くの開催日を1件調べる" },
    ],
  },
  {
    cues: ["学生", "生徒", "若い", "若者", "新人"],
    steps: [careerEducation, { step: "学生の進路相談にのる", first: "相談会の募集を1件調べる" }, selfAnalysis],
  },
  {
    cues: ["地域", "近所", "住民", "町の", "まちの"],
    steps: [localVolunteer, { step: "地域の催しを手伝う", first: "近くの催しを1件調べる" }],
  },
  { cues: ["団体", "NPO", "社会"], steps: [proBono, { step: "NPOの活動説明会に行く", first: "説明会を1件調べる" }] },
  { cues: ["友人", "友達", "友だち"], steps: [listen, selfAnalysis] },
  { cues: ["お客", "取引先", "顧客"], steps: [writeWork, worries] },
  { cues: ["同僚", "後輩", "スタッフ", "チーム", "仲間", "社員"], steps: [studyGroupTalk, writeWork] },
  { cues: ["困っている", "悩んでいる", "悩み", "不安", "相談"], steps: [listen, worries] },
  { cues: ["伝える", "教える", "わかりやすく", "経験"], steps: [writeWork, careerEducation] },
  { cues: ["成長", "自己分析", "キャリア", "進路", "一緒に考え"], steps: [selfAnalysis, careerEducation] },
  { cues: ["つくる", "作る", "形に", "デザイン"], steps: [{ step: "小さな作品をつくって公開する", first: "つくりたいものを1つ決める" }] },
];

/** Steps for each chosen value, after those of the WILL's who and what. */
export const valueStepSuggestions: Record<ValueId, readonly StepSuggestion[]> = {
  helpOthers: [listen, localVolunteer],
  growOthers: [selfAnalysis, careerEducation],
  solveProblems: [worries, proBono],
  createNew: [
    { step: "小さな作品をつくって公開する", first: "つくりたいものを1つ決める" },
    { step: "地域の催しの企画を手伝う", first: "近くの催しを1件調べる" },
  ],
  teach: [writeWork, careerEducation],
  teamwork: [{ step: "地域のイベント運営を手伝う", first: "運営の募集を1件調べる" }, proBono],
  mastery: [studyGroupTalk, { step: "専門知識でNPOを手伝う", first: "プロボノの募集を1件調べる" }],
  freedom: [{ step: "自分の企画で小さな場をひらく", first: "来てほしい人を1人思い浮かべる" }, writeWork],
  challenge: [{ step: "初めてのボランティアに参加する", first: "気になる募集を1件調べる" }, studyGroupTalk],
  stability: [{ step: "身近な人の相談にのる", first: "話を聞きたい人を1人思い浮かべる" }, localVolunteer],
};

/** Steps when neither the WILL nor the values point anywhere: the method's own examples. */
export const defaultStepSuggestions: readonly StepSuggestion[] = [listen, selfAnalysis, careerEducation, writeWork];

/**
 * Words that make a typed step concrete: when (a day, a time, how often) or where (a place, a
 * channel). A typed step with none of them is asked 「いつ・どこで？」 once.
 */
export const concreteStepCues: readonly string[] = [
  "今日",
  "明日",
  "明後日",
  "今週",
  "来週",
  "再来週",
  "今月",
  "来月",
  "週末",
  "土日",
  "平日",
  "曜",
  "毎週",
  "毎月",
  "毎日",
  "週に",
  "月に",
  "週1",
  "月1",
  "回",
  "日に",
  "時に",
  "時から",
  "時ごろ",
  "時頃",
  "朝",
  "昼",
  "夜",
  "休み",
  "休日",
  "連休",
  "年内",
  "今度",
  "オンライン",
  "ズーム",
  "zoom",
  "近所",
  "公民館",
  "図書館",
  "カフェ",
  "社協",
  "note",
  "ブログ",
  "SNS",
  "で、",
];
