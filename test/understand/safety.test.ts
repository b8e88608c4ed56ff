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

  it.each([
    ["消えられたらって、ふと思ってしまう", "acute"],
    ["感謝されたいとかじゃなくて、もう全部どうでもいいから消えてしまいたいって最近よく思います", "acute"],
    ["年末の繁忙期を越えられる気がしない。越える前にいなくなりたい", "acute"],
    ["上司に言われた一言がずっと頭に残っていて、いっそこのまま目が覚めなければと思ってしまいます", "acute"],
    ["ありがとうと言われても、もう何も感じない。生きてる意味がわからない", "acute"],
    ["WILLですか……強いて言えば、誰にも迷惑をかけずに消えることです", "acute"],
    ["帰りの駅で、ホームの端に立つ時間が長くなってきました", "acute"],
    ["正直なところ、薬を少しずつためています", "acute"],
    ["仕事納めの日に、机の中のものを全部持ち帰りました。年明けにはもう自分はいないと思うので", "acute"],
    ["後輩に「先輩がいなくなったら困ります」と言われて、ちょっとだけ救われた", null],
    ["患者さんが「もう死なせてほしい」と言っていた夜、ずっと手を握っていました", null],
    ["今月は死ぬほど残業したけど、お客様に名前で「ありがとう」と言ってもらえた", null],
    ["疲れてるけど、死にたいとかじゃないので安心してください", null],
    ["入院中のおじいちゃんが、早くお迎えが来てほしいとぽつり", null],
    // Someone else's sleeplessness, told with a respectful verb or as how they looked.
    ["夜勤で、同室の方が眠れずにずっと起きていらしたので、温かいお茶をお出ししました。朝、ありがとうねと言ってくださいました", null],
    ["眠れない様子に気づいて、声をかけてお茶を用意したことだと思います", null],
    ["棚卸しで死ぬかと思ったけど、店長に『あなたがいて助かった』って言われて報われました", null],
    // The denial is taken, the strain is heard; the writer named between keeps it theirs.
    ["死にたいなんて思わないけど、毎日怒鳴られてもう限界です", "distress"],
    ["死にたいとかじゃないです。眠れない日が続いているだけで", "distress"],
    ["毎晩眠れない私を、上司が気遣ってくださった", "distress"],
    ["眠れない自分の姿が情けない", "distress"],
  ])("%j (tried before stopping, in no corpus) is read as %s", (text, level) => {
    expect(assessSafety(text)).toBe(level);
  });

  it.each(["我真的想死了", "Quero morrer, não aguento mais", "ingin mati rasanya", "Tôi muốn chết", "죽고 싶어요", "No quiero vivir más"])(
    "%j (a wish to die in another language) is acute",
    (text) => {
      expect(assessSafety(text)).toBe("acute");
    },
  );

  it.each(["研修の感想、死ぬほど書いた", "ケースワーカーです。もう死ぬしかないと話す男性の相談に乗り、今夜の宿を一緒に探した"])(
    "%j (tried before stopping, in no corpus) raises no crisis",
    (text) => {
      expect(assessSafety(text)).not.toBe("acute");
    },
  );

  it.each(["死にたいと思わない日はない", "消えたいと思わないようにしてる", "死にたいとは思わないけど、朝が来なければいいのに"])(
    "%j is acute: not a denial (every day, trying not to, another wish beside it)",
    (text) => {
      expect(assessSafety(text)).toBe("acute");
    },
  );

  it.each([
    ["今日は死ぬほど疲れたけど、後輩に助かりましたと言ってもらえた", null],
    ["年度末で死ぬかと思うくらい忙しかったけど、部長から『君のおかげで締められた』と言ってもらえました", null],
    ["上司のおかげで毎日死ぬほどしんどい", "distress"],
    ["死ぬほど忙しくて、誰も頼りにならない", "distress"],
    ["棚卸しで在庫が合わなくて死ぬかと思ったけど、主任が『よく粘った』って声かけてくれた", null],
    ["死ぬほど忙しいのに先輩が手伝ってくれた", null],
    ["毎日死ぬほどしんどい。誰も助けてくれない", "distress"],
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

  it.each([
    ["隣の班長がもう死にたい言うとったけん、休憩室で話ば聞いた", false],
    ["ばあちゃんがいつ死んでもええ言いよるけど、畑仕事は毎朝しよる", false],
    ["母がもう消えたいって言いながら泣いてた", false],
    ["高校二年の冬、本気で消えたいと思っていた。担任が毎日声をかけてくれた。今の仕事を選んだのはそのせい", false],
    ["入社二年目、駅のホームで飛び込もうとしたことがある。同期が気づいてくれた", false],
    ["高校のとき死のうとした。あの時は先生が止めてくれたけど、今度はもう止められたくない", true],
    ["新人のころから毎晩死にたいと思っていた。先輩は優しくしてくれた", true],
    ["二十代のころ、何度も死のうとした。妻が支えてくれた。でも最近また同じことを考えてる", true],
    [
      "WILLの前に少しだけ。二十代の終わりに一度、本気で死のうとしたことがあります。上司が気づいて病院につないでくれました。今は同じように悩む人の話を聞ける人になりたいです",
      false,
    ],
    ["前にも書いたけど、昔死のうとしたことがある。最近またあの頃みたいに、夜になると消えたくなる", true],
    ["明日テストです。もう死にたい", true],
    ["死にたいって言ったら、誰か助けてくれるの？", true],
    ["最後においしいお寿司を食べた。もう死んでもいい", true],
    ["推しの握手会当たった！もう死んでもいい", false],
    ["テストメッセージです。死にたい、と入力した場合の挙動確認", false],
    ["死にたいって書いたらどうなるの？試してるんじゃなくて、ほんとに今そう思ってる", true],
  ] as const)("%j (a dialect report, a told past, joy or a test of the bot, written before the check) is acute: %s", (text, acute) => {
    expect(assessSafety(text) === "acute").toBe(acute);
  });

  it.each([
    ["入社3年目の冬、毎晩手首を切っていた。上司が気づいてくれて休職した。で、昨日久しぶりにカッター出しちゃった", true],
    ["宝くじ当たった！もう死んでもいい…ってか保険金と合わせたら家族楽になるよね", true],
    ["死んでもいい！いや死なないけど、たぶん。わかんない、もう薬出してある", true],
    ["大学3年のとき、遺書書いたことがある。なんとか乗り越えた。さっき、あのときと同じ便箋を買ってきた", true],
    ["昔は毎日死にたいって思いながら通勤してた。今の会社に来てから一度もない", false],
    ["これってさ、死にたいとか打つとちゃんと相談窓口出るの？友達に勧める前に確認したくて", false],
  ] as const)(
    "%j (written to slip past the readings of told pasts, joy, denials and tests; the rules were mended after) is acute: %s",
    (text, acute) => {
      expect(assessSafety(text) === "acute").toBe(acute);
    },
  );

  it.each([
    ["産業医面談で聞かれたけど、希死念慮はありません。ただ朝がつらいです", false],
    ["死にたいってほどじゃないけど、正直しんどい", false],
    ["消えたいっていうより、ただ一週間くらい寝ていたい", false],
    ["十年前、毎晩死にたいと思っていた。今は部下の相談に乗る側になった", false],
    ["五年前に死ぬつもりで遺書まで書いた。今は週末ごとに子どもとキャンプに行っている", false],
    ["死にたい気持ちはない、って産業医には言った。本当は毎晩考えてる", true],
    ["この世に未練はない。身の回りはもう片付けた", true],
    ["生きていても仕方がないです", true],
    ["昨日飛び降りようとして、怖くてやめた。今日はいけそう", true],
    ["学生時代に死のうとしたことがある。今は、あの頃よりもっと消えたい", true],
    ["薬をまとめて飲んだ。今ふらふらする", true],
    ["死にたいなんて微塵も思っとらんけん、安心して", false],
    ["死にたいと思ったことは一度もございません", false],
    ["死にたいとかちゃうねん、寝不足なだけや", false],
    ["「消えたい気持ちはありますか」→「いいえ」で面談終わり。ストレスチェックは毎年ちょっと緊張する", false],
    ["リスカしてたのは高校のとき。今は看護師をしてる", false],
    ["希死念慮なし、って書いておいた。書かないと入院になるらしいから", true],
    ["死にたい気持ちはないよ。練炭はバーベキュー用だし", true],
    ["死にたいんちゃうかな、わたし", true],
    ["三年前に首を吊ろうとしたことある。今は地元の消防団で後輩に教える側", false],
    ["昔、遺書を書いたことがあるけど、今はその便箋で母に手紙を書いてる", false],
    ["I used to want to die back then. Now I lead a small team and love it", false],
    ["夜勤中に『死にたい』って電話してきた方と、朝まで話した", false],
    ["『もう消えたい』って泣いてた利用者さんの手を、ずっと握ってた", false],
    ["昔ODしたことあるけど、今は薬をためてる", true],
    ["「死にたい」ってずっと口にしてきた。もう限界", true],
    ["わしも孫おるけぇ、よかったのうと思うた", false],
    ["もう死のうと思うたんよ", true],
  ] as const)(
    "%j (a denial as a clinic's questions put it, or a present set against a past with its time; eight after a red-team, seven after the batches CQ to CS, two after a fresh persona in Hiroshima dialect) is acute: %s",
    (text, acute) => {
      expect(assessSafety(text) === "acute").toBe(acute);
    },
  );

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
