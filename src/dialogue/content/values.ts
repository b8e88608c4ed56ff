/**
 * The values a user can pick, and what the dialogue builds from them: WILL phrases, how
 * each value reads in a sentence, small actions, and the quick choices of the WILL questions.
 */
import type { ValueId } from "../state";

/** The values a user can pick, with a label (≤ 20 characters) and words that suggest it. */
export const values: Record<ValueId, { label: string; cues: readonly string[] }> = {
  helpOthers: { label: "人の役に立つ", cues: ["助け", "手伝", "役に立", "支え", "困って", "サポート", "喜ん"] },
  growOthers: { label: "誰かの成長を支える", cues: ["成長", "後輩", "部下", "育て", "できるように", "相談", "新人"] },
  solveProblems: { label: "問題を解決する", cues: ["解決", "トラブル", "改善", "問題", "直し", "対応", "クレーム"] },
  createNew: { label: "新しいものを生み出す", cues: ["企画", "新し", "作っ", "つくっ", "アイデア", "提案", "デザイン"] },
  teach: { label: "教える・伝える", cues: ["教え", "説明", "伝え", "わかりやす", "発表", "書い", "研修"] },
  teamwork: { label: "チームで成し遂げる", cues: ["チーム", "みんな", "一緒", "協力", "仲間", "プロジェクト"] },
  mastery: { label: "専門性を極める", cues: ["専門", "技術", "知識", "資格", "詳し", "スキル"] },
  freedom: { label: "自由・裁量", cues: ["任せ", "自分で決め", "自由", "裁量", "自分のやり方"] },
  challenge: { label: "挑戦", cues: ["挑戦", "初めて", "はじめて", "チャレンジ", "難し", "やり遂げ"] },
  stability: { label: "安心・安定", cues: ["安心", "安定", "安全", "丁寧", "正確", "ミスなく"] },
};

/** What the user might want to be thanked for, one phrase per value (≤ 20 characters each). */
export const willWhatPhrases: Record<ValueId, string> = {
  helpOthers: "困っている人の力になること",
  growOthers: "成長のきっかけをつくること",
  solveProblems: "悩みを一緒に解決すること",
  createNew: "新しいものを形にすること",
  teach: "自分の経験を伝えること",
  teamwork: "みんなで何かを成し遂げること",
  mastery: "専門性を活かして支えること",
  freedom: "自分らしいやり方で役立つこと",
  challenge: "新しい挑戦を後押しすること",
  stability: "安心できる場をつくること",
};

/** How each value reads inside the WILL sentence (「大切にしたいのは、…。」). */
export const valueClauses: Record<ValueId, string> = {
  helpOthers: "人の役に立つこと",
  growOthers: "誰かの成長を支えること",
  solveProblems: "問題を解決すること",
  createNew: "新しいものを生み出すこと",
  teach: "教えること、伝えること",
  teamwork: "チームで成し遂げること",
  mastery: "専門性を極めること",
  freedom: "自由と裁量",
  challenge: "挑戦すること",
  stability: "安心と安定",
};

/** Small actions that need no side-job permission, suggested from the chosen values. */
export const actionSuggestions: Record<ValueId, readonly string[]> = {
  helpOthers: ["友人の悩みを聞く時間をつくる", "地域のボランティアに参加する"],
  growOthers: ["友人の自己分析を手伝う", "後輩の相談にのる"],
  solveProblems: ["身近な人の困りごとを一緒に考える", "NPOのプロボノに参加する"],
  createNew: ["やってみたい企画をメモにまとめる", "小さな作品をつくって公開する"],
  teach: ["自分の経験を文章に書く", "学生向けのキャリア教育に参加する"],
  teamwork: ["社外の勉強会に参加する", "仲間と小さな活動を始める"],
  mastery: ["勉強会で学んだことを発表する", "専門分野の本を一冊読む"],
  freedom: ["週に1時間、自分のための時間をとる", "やりたいことリストを書く"],
  challenge: ["気になっていた講座に申し込む", "初めてのコミュニティに参加する"],
  stability: ["毎週ふり返りの時間をとる", "身近な人に感謝を伝える"],
};

/** Action suggestions when no value has been chosen. */
export const defaultActionSuggestions: readonly string[] = [
  "友人の悩みを聞く時間をつくる",
  "自分の経験を文章に書く",
  "社外の勉強会に参加する",
];

/** Who the user might want to be thanked by: quick choices (≤ 20 characters each). */
export const willWhoChoices: readonly string[] = ["家族", "友人", "同僚・後輩", "お客さま", "地域の人", "学生・若い人"];

/** How a moment felt: quick choices (≤ 20 characters each); free text is accepted too. */
export const feelings: readonly string[] = ["うれしかった", "誇らしかった", "ほっとした", "照れくさかった", "やりがいを感じた"];
