/**
 * The values a user can pick, and what the dialogue builds from them: WILL phrases, how
 * each value reads in a sentence, small actions, and the quick choices of the WILL questions.
 */
import type { ValueId } from "../state";

/**
 * A word of the user's text that suggests a value: `word` is how it is named back to the user,
 * a whole word (後輩, 手伝う, 長く働ける), and `forms` how it appears in a text (手伝っ, 手伝い …;
 * the word itself when absent). A verb is named by its dictionary form, never by a stem.
 */
export interface ValueCue {
  readonly word: string;
  readonly forms?: readonly string[];
}

/**
 * The values a user can pick, with a label (≤ 20 characters) and the cues that suggest it.
 * Cues were reviewed against stories they misread: 一緒 is left out (helping someone with a form
 * is not teamwork), so are 作る (making a document is not creating something new) and 初めて
 * (usually someone else's first time), and 安心・安定 comes only from words about the user's
 * own footing (長く働ける, 安定した), never from care given to others (丁寧, 安心して相談できる).
 */
export const values: Record<ValueId, { label: string; cues: readonly ValueCue[] }> = {
  helpOthers: {
    label: "人の役に立つ",
    cues: [
      { word: "手伝う", forms: ["手伝う", "手伝っ", "手伝い", "手伝わ", "手伝え"] },
      { word: "助ける", forms: ["助け"] },
      { word: "手助け" },
      { word: "役に立つ", forms: ["役に立", "役立"] },
      { word: "支える", forms: ["支え"] },
      { word: "サポート" },
      { word: "力になる", forms: ["力にな"] },
      { word: "相談にのる", forms: ["相談にの", "相談に乗"] },
      { word: "案内" },
      { word: "付き添う", forms: ["付き添"] },
      { word: "困りごと" },
    ],
  },
  growOthers: {
    label: "誰かの成長を支える",
    cues: [
      { word: "成長" },
      { word: "後輩" },
      { word: "部下" },
      { word: "新人" },
      { word: "若手" },
      { word: "育てる", forms: ["育て"] },
      { word: "指導" },
      { word: "教え子" },
      { word: "生徒" },
    ],
  },
  solveProblems: {
    label: "問題を解決する",
    cues: [
      { word: "解決" },
      { word: "改善" },
      { word: "問題" },
      { word: "トラブル" },
      { word: "原因" },
      { word: "仕組み" },
      { word: "効率" },
      { word: "自動化" },
      { word: "直す", forms: ["直す", "直し", "直っ"] },
    ],
  },
  createNew: {
    label: "新しいものを生み出す",
    cues: [
      { word: "企画" },
      { word: "アイデア" },
      { word: "提案" },
      { word: "デザイン" },
      { word: "新しい", forms: ["新しい", "新しく"] },
      { word: "イラスト" },
      { word: "ツール" },
      { word: "チラシ" },
      { word: "作品" },
      { word: "開発" },
      { word: "考案" },
    ],
  },
  teach: {
    label: "教える・伝える",
    cues: [
      { word: "教える", forms: ["教え"] },
      { word: "説明" },
      { word: "伝える", forms: ["伝え"] },
      { word: "わかりやすい", forms: ["わかりやす", "分かりやす"] },
      { word: "発表" },
      { word: "研修" },
      { word: "授業" },
      { word: "資料" },
      { word: "勉強会" },
    ],
  },
  teamwork: {
    label: "チームで成し遂げる",
    cues: [{ word: "チーム" }, { word: "協力" }, { word: "仲間" }, { word: "プロジェクト" }, { word: "連携" }, { word: "全員" }],
  },
  mastery: {
    label: "専門性を極める",
    cues: [
      { word: "専門" },
      { word: "技術" },
      { word: "知識" },
      { word: "資格" },
      { word: "スキル" },
      { word: "詳しい", forms: ["詳し"] },
      { word: "研究" },
    ],
  },
  freedom: {
    label: "自由・裁量",
    cues: [
      { word: "任せる", forms: ["任せ", "任され"] },
      { word: "自由" },
      { word: "裁量" },
      { word: "自分で決める", forms: ["自分で決め"] },
    ],
  },
  challenge: {
    label: "挑戦",
    cues: [
      { word: "挑戦" },
      { word: "チャレンジ" },
      { word: "思い切って" },
      { word: "未経験" },
      { word: "難しい", forms: ["難し"] },
      { word: "やり遂げる", forms: ["やり遂げ"] },
    ],
  },
  stability: {
    label: "安心・安定",
    cues: [
      { word: "安定" },
      { word: "長く働ける", forms: ["長く働"] },
      { word: "長く続ける", forms: ["長く続け"] },
      { word: "腰を据える", forms: ["腰を据え"] },
      { word: "無理なく" },
    ],
  },
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

/**
 * Each value as the value's word in a WILL sentence, a noun phrase before を大切に
 * (「誰かの成長を支えることを大切に、…人でいたい。」). A value the user named (誠実さ) is used as named.
 */
export const valueWords: Record<ValueId, string> = {
  helpOthers: "人の役に立つこと",
  growOthers: "誰かの成長を支えること",
  solveProblems: "問題を解決すること",
  createNew: "新しいものを生み出すこと",
  teach: "わかりやすく伝えること",
  teamwork: "チームで成し遂げること",
  mastery: "専門性を磨くこと",
  freedom: "自分らしいやり方",
  challenge: "挑戦する気持ち",
  stability: "安心して長く働けること",
};

/** Who the user might want to be thanked by: quick choices (≤ 20 characters each). */
export const willWhoChoices: readonly string[] = ["家族", "友人", "同僚・後輩", "お客さま", "地域の人", "学生・若い人"];

/** How a moment felt: quick choices (≤ 20 characters each); free text is accepted too. */
export const feelings: readonly string[] = ["うれしかった", "誇らしかった", "ほっとした", "照れくさかった", "やりがいを感じた"];
