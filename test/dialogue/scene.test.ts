/** The short scene name that reminds a returning user where they were. */
import { sceneName } from "../../src/dialogue/understand/scene";

describe("the scene of a ありがとう moment", () => {
  it.each([
    ["部署の飲み会の幹事をしたら、みんなに楽しかったと言ってもらえました", "部署の飲み会の幹事"],
    ["新人さんに業務の流れを説明したら、わかりやすかったとお礼を言われました", "新人さんに業務の流れを説明"],
    ["後輩がシステムの操作で困っていたので手順をまとめて渡しました", "後輩がシステムの操作で困っていた"],
  ])("names 「%s」 by its scene, 『%s』", (moment, scene) => {
    expect(sceneName(moment)).toBe(scene);
  });

  it.each([
    ["取引先の方から、いつも丁寧に対応してくれてありがとうと言われました", "the cut names the thanker"],
    ["ありがとうと言われました", "nothing marks where the scene ends"],
    [
      "子どもの学校のバザーで値札づくりを引き受けて、何日もかけて準備したら先生から感謝されました",
      "the scene is too long to recall in a line",
    ],
    ["「助かった」と言われたら、うれしかった", "the scene holds a quote"],
  ])("gives no name for 「%s」 (%s)", (moment) => {
    expect(sceneName(moment)).toBeNull();
  });
});
