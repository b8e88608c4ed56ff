/**
 * A short name for the scene of a ありがとう moment, to remind a returning user where they were
 * (「前回は『部署の飲み会の幹事』の場面を…」): the moment's words up to where what followed begins.
 */
import { sceneEnds, sceneMarks, sceneNotEnds } from "../content";

/** The longest scene name shown (characters). */
export const SCENE_MAX = 20;

/** The scene `moment` tells, in its own words; null when no short, clean name can be cut from it. */
export function sceneName(moment: string): string | null {
  const text = moment.replace(/\s+/g, " ").trim();
  let cut = -1;
  for (const end of [...sceneEnds].sort((a, b) => b.length - a.length)) {
    const at = text.indexOf(end);
    if (at > 0 && (cut === -1 || at < cut)) cut = at;
  }
  if (cut === -1) return null;
  const scene = text.slice(0, cut).trim();
  const length = [...scene].length;
  if (length < 2 || length > SCENE_MAX || sceneMarks.some((mark) => scene.includes(mark))) return null;
  return sceneNotEnds.some((end) => scene.endsWith(end)) ? null : scene;
}
