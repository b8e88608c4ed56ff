import { assessSafety } from "../../src/dialogue/understand/safety";
import { acuteResources, distressResources, resourcesCheckedOn } from "../../src/dialogue/content/safety";
import { acute, benign, distress } from "../corpus/safety";

describe("safety detection", () => {
  it("has a corpus large enough to mean something", () => {
    expect(acute.length).toBeGreaterThanOrEqual(80);
    expect(distress.length).toBeGreaterThanOrEqual(40);
    expect(benign.length).toBeGreaterThanOrEqual(60);
  });

  it.each(acute)("%j is read as acute", (text) => {
    expect(assessSafety(text)).toBe("acute");
  });

  it.each(distress)("%j is read as distress", (text) => {
    expect(assessSafety(text)).toBe("distress");
  });

  it.each(benign)("%j raises no safety reply", (text) => {
    expect(assessSafety(text)).toBeNull();
  });

  it.each(["", "   ", "！？", "😊"])("%j (nothing to read) raises no safety reply", (text) => {
    expect(assessSafety(text)).toBeNull();
  });

  it.each(["正直、誰かに感謝されたいとかより、もう全部投げ出していなくなれたらって最近よく思います", "消えられたらって、ふと思ってしまう"])(
    "%j (tried before stopping, in no corpus) is read as acute",
    (text) => {
      expect(assessSafety(text)).toBe("acute");
    },
  );

  it.each([
    ["今日は死ぬほど疲れたけど、後輩に助かりましたと言ってもらえた", null],
    ["死ぬほど忙しくて、誰も頼りにならない", "distress"],
  ])(
    "%j (tried before stopping, in no corpus) is read as %s: thanks said as 助かりました make the hyperbole a figure of speech",
    (text, level) => {
      expect(assessSafety(text)).toBe(level);
    },
  );

  it.each([
    "「今から死にます」って泣いた",
    "「今から死にます」ってLINEしてしまった",
    "「今夜死のう」って書いてた",
    "「死にたい」って友達に言った",
  ])("%j, the writer's own words in brackets, is read as acute", (text) => {
    expect(assessSafety(text)).toBe("acute");
  });

  it.each([
    "末期がんの患者さんが、夜中のナースコールで「もう死にたい、早く楽にしてほしい」と泣いていました。翌朝ありがとうと言われました",
    "後輩から「もう消えたい」ってLINEが来たので、話を聞きに行った",
    "研修で講師の先生が「『死にたいと思っているの？』と聞いていい」と話していた",
  ])("%j, someone else's words in brackets, raises no crisis reply", (text) => {
    expect(assessSafety(text)).not.toBe("acute");
  });

  it("finds an acute phrase at the end of a 5,000-character message", () => {
    const text = "今日は資料づくりで後輩に感謝されました。".repeat(250).slice(0, 4990) + "もう死にたい";
    expect(assessSafety(text)).toBe("acute");
  });
});

describe("help resources", () => {
  it.each([...acuteResources, ...distressResources])("$name has a tap target and its hours", (resource) => {
    expect(resource.detail).not.toBe("");
    expect(resource.tel ?? resource.url).toBeDefined();
    if (resource.tel !== undefined) expect(resource.tel).toMatch(/^\d+$/);
    if (resource.url !== undefined) expect(resource.url).toMatch(/^https:\/\//);
  });

  it("offer 110 and 119 for immediate danger", () => {
    expect(acuteResources.map((r) => r.tel)).toEqual(expect.arrayContaining(["110", "119"]));
  });

  it("carry the date they were last checked", () => {
    expect(resourcesCheckedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
