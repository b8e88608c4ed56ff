/**
 * Words that suggest the user may be in crisis, and the services shown with the reply.
 */
/**
 * Words that suggest the user may be in crisis. When one appears, the bot replies with
 * care and the resources below, and asks nothing else that turn.
 */
export const distressWords: readonly string[] = [
  "死にたい",
  "消えたい",
  "自殺",
  "死のう",
  "生きていたくない",
  "いなくなりたい",
  "もう限界",
  "楽になりたい",
];

/** Public consultation services shown with the distress reply. Check them before deploying. */
export const distressResources: readonly string[] = [
  "・いのちの電話 0570-783-556（ナビダイヤル）",
  "・よりそいホットライン 0120-279-338（24時間・無料）",
  "・こころの健康相談統一ダイヤル 0570-064-556",
  "・緊急のときは 119 番へ",
];
