/**
 * The help resources shown with the safety replies (PRODUCT.md §3.6), and the stretch marks
 * the safety detector ignores. What the detector reads is in `./safety-concepts.ts`; operators
 * re-check every number and address here before each deployment.
 */

/** Prolonged-sound marks and wave dashes people stretch words with (「しにたーい」); ignored when matching. */
export const stretchMarks = "ーｰ〜～";

/** A contact shown with a safety reply; rendered as a tap-to-call or tap-to-open button. */
export interface HelpResource {
  /** Service name as the user would search for it. */
  readonly name: string;
  /** Hours and cost, short enough for a button caption. */
  readonly detail: string;
  /** Digits only, for a `tel:` link. */
  readonly tel?: string;
  /** An https address. */
  readonly url?: string;
}

/**
 * When these help resources were last checked. Operators: call each number and open each
 * address again before every deployment, and update this date with the list.
 */
export const resourcesCheckedOn = "2026-11-29";

/** Contacts shown with an acute reply, most immediate first. Operators re-check them before deploying. */
export const acuteResources: readonly HelpResource[] = [
  { name: "よりそいホットライン", detail: "24時間・無料", tel: "0120279338" },
  { name: "いのちの電話（フリーダイヤル）", detail: "毎日16時〜21時・無料", tel: "0120783556" },
  { name: "いのちの電話（ナビダイヤル）", detail: "10時〜22時（地域により異なります）・通話料がかかります", tel: "0570783556" },
  { name: "あなたのいばしょ（チャット相談）", detail: "24時間・無料・匿名", url: "https://talkme.jp/" },
  {
    name: "こころの耳（働く人の電話相談）",
    detail: "平日17時〜22時・土日10時〜16時・無料",
    tel: "0120565455",
    url: "https://kokoro.mhlw.go.jp/",
  },
  { name: "警察（いま危険が迫っているとき）", detail: "110番・24時間", tel: "110" },
  { name: "救急（けがや急病のとき）", detail: "119番・24時間", tel: "119" },
];

/** Contacts shown with a distress reply: work-related help. */
export const distressResources: readonly HelpResource[] = [
  {
    name: "こころの耳（働く人の電話相談）",
    detail: "平日17時〜22時・土日10時〜16時・無料",
    tel: "0120565455",
    url: "https://kokoro.mhlw.go.jp/",
  },
  {
    name: "総合労働相談コーナー（パワハラ・労働条件の相談）",
    detail: "各都道府県の労働局・労働基準監督署内、平日の日中・無料",
    url: "https://www.mhlw.go.jp/general/seido/chihou/kaiketu/soudan.html",
  },
];
