/**
 * Short answers as people type them, with the meanings the question expects and the
 * meaning each must get (null: not a short answer; keep it as free text). Used by
 * test/understand/answers.test.ts.
 */
import type { AnswerMeaning } from "../../src/dialogue/understand/answers";

/** One typed answer at one kind of question. */
export interface AnswerCase {
  readonly text: string;
  readonly expected: readonly AnswerMeaning[];
  readonly meaning: AnswerMeaning | null;
}

/** "Which moment comes to mind?" — a free answer, or nothing comes to mind. */
const openQuestion: readonly AnswerMeaning[] = ["none", "later"];
/** "Does this fit you?" */
const confirm: readonly AnswerMeaning[] = ["yes", "no", "later"];
/** "Anything else?" */
const anythingElse: readonly AnswerMeaning[] = ["more", "next"];
/** "How did the step you planned go?" */
const checkIn: readonly AnswerMeaning[] = ["done", "partly", "notYet", "later"];

/** The answers and what they must mean. */
export const answers: readonly AnswerCase[] = [
  { text: "思いつかない", expected: openQuestion, meaning: "none" },
  { text: "思いつかないです", expected: openQuestion, meaning: "none" },
  { text: "思いつきません。", expected: openQuestion, meaning: "none" },
  { text: "特にないです。", expected: openQuestion, meaning: "none" },
  { text: "とくにないですね", expected: openQuestion, meaning: "none" },
  { text: "ありません", expected: openQuestion, meaning: "none" },
  { text: "ないです", expected: openQuestion, meaning: "none" },
  { text: "わからないです", expected: openQuestion, meaning: "none" },
  { text: "わかんない", expected: openQuestion, meaning: "none" },
  { text: "うーん、ないかな", expected: openQuestion, meaning: "none" },
  { text: "出てこないです…", expected: openQuestion, meaning: "none" },
  { text: "すみません、思い浮かばないです😢", expected: openQuestion, meaning: "none" },
  { text: "ｵﾓｲﾂｶﾅｲ", expected: openQuestion, meaning: "none" },
  { text: "とくに思い浮かばないです", expected: openQuestion, meaning: "none" },
  { text: "特に思い浮かばないです。", expected: openQuestion, meaning: "none" },
  { text: "特に思い浮かばないです、すみません", expected: openQuestion, meaning: "none" },
  { text: "そういうのはあまり無いかもしれないです", expected: openQuestion, meaning: "none" },
  { text: "思いつかないです。ごめんなさい🙏", expected: openQuestion, meaning: "none" },
  { text: "すみません", expected: openQuestion, meaning: null },
  { text: "特に思い浮かばない", expected: openQuestion, meaning: "none" },
  { text: "浮かばないです", expected: openQuestion, meaning: "none" },
  { text: "全然出てこないです…", expected: openQuestion, meaning: "none" },
  { text: "思い出せません", expected: openQuestion, meaning: "none" },
  { text: "うーん、すぐには思い出せないです", expected: openQuestion, meaning: "none" },
  { text: "なかなか思いつかないんですよね", expected: openQuestion, meaning: "none" },
  { text: "パッと思い浮かばないです", expected: openQuestion, meaning: "none" },
  { text: "何も思いつきませんでした", expected: openQuestion, meaning: "none" },
  { text: "特に心当たりがないです", expected: openQuestion, meaning: "none" },
  { text: "思い付かないです", expected: openQuestion, meaning: "none" },
  { text: "いまは思いつかないかな", expected: openQuestion, meaning: "none" },
  { text: "特に思い浮かばないですが、強いて言えば後輩の指導です", expected: openQuestion, meaning: null },
  { text: "特に先輩に感謝されました", expected: openQuestion, meaning: null },
  // A day of later with a feeling about it: an answer, not 「あとで」.
  { text: "あしたしごといきたくない", expected: openQuestion, meaning: null },
  { text: "あしたがこわい", expected: openQuestion, meaning: null },
  { text: "週末がつらい", expected: openQuestion, meaning: null },
  // Busy right now: later, and the question waits.
  { text: "今会議中！", expected: openQuestion, meaning: "later" },
  { text: "運転中なんで後ほど", expected: openQuestion, meaning: "later" },
  { text: "あとでにします", expected: openQuestion, meaning: "later" },
  { text: "また今度で", expected: openQuestion, meaning: "later" },
  { text: "また今度！", expected: openQuestion, meaning: "later" },
  { text: "はい", expected: confirm, meaning: "yes" },
  { text: "うん", expected: confirm, meaning: "yes" },
  { text: "そうです", expected: confirm, meaning: "yes" },
  { text: "いいと思います！", expected: confirm, meaning: "yes" },
  { text: "それでいいです", expected: confirm, meaning: "yes" },
  { text: "しっくりきます", expected: confirm, meaning: "yes" },
  { text: "大丈夫です", expected: confirm, meaning: "yes" },
  { text: "OKです", expected: confirm, meaning: "yes" },
  { text: "ＯＫ👍", expected: confirm, meaning: "yes" },
  { text: "いいですね", expected: confirm, meaning: "yes" },
  { text: "はいっ", expected: confirm, meaning: "yes" },
  { text: "はい、そう思います", expected: confirm, meaning: "yes" },
  { text: "うん、いいよ", expected: confirm, meaning: "yes" },
  { text: "いいえ", expected: confirm, meaning: "no" },
  { text: "違うと思います", expected: confirm, meaning: "no" },
  { text: "ちょっと違う", expected: confirm, meaning: "no" },
  { text: "違います", expected: confirm, meaning: "no" },
  { text: "しっくりこない", expected: confirm, meaning: "no" },
  { text: "うーん違うかな", expected: confirm, meaning: "no" },
  { text: "いや、ちょっと違うかも", expected: confirm, meaning: "no" },
  { text: "もう一つあります", expected: anythingElse, meaning: "more" },
  { text: "まだあります！", expected: anythingElse, meaning: "more" },
  { text: "あります", expected: anythingElse, meaning: "more" },
  { text: "次へ", expected: anythingElse, meaning: "next" },
  { text: "もうないです", expected: anythingElse, meaning: "next" },
  { text: "ないです", expected: anythingElse, meaning: "next" },
  { text: "大丈夫です", expected: anythingElse, meaning: "next" },
  { text: "以上です。", expected: anythingElse, meaning: "next" },
  { text: "ありません", expected: anythingElse, meaning: "next" },
  { text: "できた", expected: checkIn, meaning: "done" },
  { text: "できました！", expected: checkIn, meaning: "done" },
  { text: "やりました", expected: checkIn, meaning: "done" },
  { text: "はい、できました", expected: checkIn, meaning: "done" },
  { text: "少しできた", expected: checkIn, meaning: "partly" },
  { text: "ちょっとだけ", expected: checkIn, meaning: "partly" },
  { text: "途中までです", expected: checkIn, meaning: "partly" },
  { text: "まだです", expected: checkIn, meaning: "notYet" },
  { text: "できませんでした", expected: checkIn, meaning: "notYet" },
  { text: "やれてないです", expected: checkIn, meaning: "notYet" },
  { text: "すみません、まだできていません", expected: checkIn, meaning: "notYet" },
  { text: "全然できなかったです", expected: checkIn, meaning: "notYet" },
  { text: "少しだけできました", expected: checkIn, meaning: "partly" },
  { text: "あとで", expected: checkIn, meaning: "later" },
  { text: "全然できなかったです", expected: checkIn, meaning: "notYet" },
  { text: "とくにないです", expected: anythingElse, meaning: "next" },
  { text: "後でにします", expected: checkIn, meaning: "later" },
  { text: "はい、先週のミーティングで後輩にありがとうと言われました", expected: confirm, meaning: null },
  { text: "特にないですが、しいて言えば資料づくりです", expected: openQuestion, meaning: null },
  { text: "ないと思っていたけど、同僚に感謝されたことがあった", expected: openQuestion, meaning: null },
  { text: "後輩の相談にのった", expected: openQuestion, meaning: null },
  { text: "はい", expected: openQuestion, meaning: null },
  { text: "できました", expected: confirm, meaning: null },
  { text: "", expected: confirm, meaning: null },
  { text: "！？", expected: confirm, meaning: null },
];
