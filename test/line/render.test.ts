import type { messagingApi } from "@line/bot-sdk";
import type { Card, Choice, Reply } from "../../src/dialogue/reply";
import { checkMessages, jsonBytes } from "../../src/line/limits";
import { renderReplies, truncateText } from "../../src/line/render";

const postback = (label: string, data = "p"): Choice => ({ label, action: { type: "postback", data } });
const card = (overrides: Partial<Card> = {}): Card => ({
  altText: "今週のまとめ",
  title: "今週のまとめ",
  sections: [{ heading: "ありがとう", lines: ["資料を直してくれて助かった", "説明が分かりやすかった"] }],
  ...overrides,
});
const only = (replies: Reply[]): messagingApi.Message => {
  const messages = renderReplies(replies);
  expect(messages).toHaveLength(1);
  return messages[0];
};
const textOf = (message: messagingApi.Message): string => (message as messagingApi.TextMessage).text;
const flexOf = (message: messagingApi.Message): messagingApi.FlexMessage => message as messagingApi.FlexMessage;
const bubbleOf = (message: messagingApi.Message): messagingApi.FlexBubble => flexOf(message).contents as messagingApi.FlexBubble;
const actionsOf = (message: messagingApi.Message) => (message.quickReply?.items ?? []).map((item) => item.action);
const isLoneHighSurrogateAtEnd = (s: string, beforeEllipsis: number) => {
  const code = s.charCodeAt(beforeEllipsis);
  return code >= 0xd800 && code <= 0xdbff;
};

describe("truncateText", () => {
  it.each([
    ["short", 10, "short"],
    ["exactly10!", 10, "exactly10!"],
    ["abcdefghijk", 10, "abcdefghi…"],
    ["abc", 0, ""],
    ["abc", 1, "…"],
  ])("cuts %j to %i units as %j", (input, max, expected) => {
    expect(truncateText(input, max)).toBe(expected);
  });

  it("never leaves half of a surrogate pair before the ellipsis", () => {
    const cut = truncateText("a😀😀😀", 3);
    expect(cut).toBe("a…");
    expect(truncateText("😀😀😀", 4)).toBe("😀…");
  });
});

describe("rendering replies as LINE messages", () => {
  it("renders text as a text message without quick replies when there are no choices", () => {
    expect(renderReplies([{ type: "text", text: "こんにちは" }])).toEqual([{ type: "text", text: "こんにちは" }]);
  });

  it.each(["", "   \n"])("replaces blank text %j with an ellipsis, since LINE rejects empty text", (blank) => {
    expect(textOf(only([{ type: "text", text: blank }]))).toBe("…");
  });

  it("cuts text over 5000 units to 5000 ending with an ellipsis", () => {
    const out = textOf(only([{ type: "text", text: "あ".repeat(6000) }]));
    expect(out).toHaveLength(5000);
    expect(out.endsWith("あ…")).toBe(true);
  });

  it("cuts emoji-only text without splitting a surrogate pair", () => {
    const out = textOf(only([{ type: "text", text: "😀".repeat(3000) }]));
    expect(out.length).toBeLessThanOrEqual(5000);
    expect(out.endsWith("😀…")).toBe(true);
    expect(isLoneHighSurrogateAtEnd(out, out.length - 2)).toBe(false);
  });

  it("turns postback choices into quick-reply buttons whose displayText is the label", () => {
    const message = only([{ type: "text", text: "どうする？", choices: [postback("はじめる", "cmd=start")] }]);
    expect(message.quickReply).toEqual({
      items: [{ type: "action", action: { type: "postback", label: "はじめる", data: "cmd=start", displayText: "はじめる" } }],
    });
  });

  it("turns a datetime picker choice into a datetimepicker action with its values", () => {
    const choice: Choice = {
      label: "時間を選ぶ",
      action: { type: "datetimePicker", data: "remind", mode: "time", initial: "21:00", min: "06:00", max: "23:30" },
    };
    expect(actionsOf(only([{ type: "text", text: "何時？", choices: [choice] }]))).toEqual([
      { type: "datetimepicker", label: "時間を選ぶ", data: "remind", mode: "time", initial: "21:00", min: "06:00", max: "23:30" },
    ]);
  });

  it("leaves out picker values in the wrong format instead of sending them", () => {
    const choice: Choice = { label: "日付", action: { type: "datetimePicker", data: "d", mode: "date", initial: "21:00" } };
    expect(actionsOf(only([{ type: "text", text: "?", choices: [choice] }]))).toEqual([
      { type: "datetimepicker", label: "日付", data: "d", mode: "date" },
    ]);
  });

  it("cuts labels to 20 units and keeps at most 13 buttons", () => {
    const choices = Array.from({ length: 30 }, (_, i) => postback(`${i}`.padEnd(25, "長"), `n=${i}`));
    const actions = actionsOf(only([{ type: "text", text: "選んで", choices }]));
    expect(actions).toHaveLength(13);
    expect(actions[0]).toMatchObject({ label: "0長長長長長長長長長長長長長長長長長長…", data: "n=0" });
    expect(actions.every((a) => (a?.label ?? "").length <= 20)).toBe(true);
  });

  it("drops a choice whose postback data is too long rather than corrupting it", () => {
    const choices = [postback("長すぎ", "d".repeat(301)), postback("ふつう", "ok")];
    expect(actionsOf(only([{ type: "text", text: "?", choices }])).map((a) => a?.label)).toEqual(["ふつう"]);
  });

  it("sends five of eight replies and moves the last reply's choices onto the fifth", () => {
    const replies: Reply[] = Array.from({ length: 8 }, (_, i) => ({ type: "text", text: `m${i}` }));
    replies[7] = { type: "text", text: "m7", choices: [postback("次へ", "next")] };
    const messages = renderReplies(replies);
    expect(messages.map(textOf)).toEqual(["m0", "m1", "m2", "m3", "m4"]);
    expect(actionsOf(messages[4])).toEqual([{ type: "postback", label: "次へ", data: "next", displayText: "次へ" }]);
    expect(messages.slice(0, 4).every((m) => m.quickReply === undefined)).toBe(true);
  });

  it("renders nothing for no replies", () => {
    expect(renderReplies([])).toEqual([]);
  });

  it("renders a card as a Flex bubble with the title in the header and sections in order", () => {
    const message = only([{ type: "card", card: card(), choices: [postback("OK")] }]);
    expect(flexOf(message).altText).toBe("今週のまとめ");
    const bubble = bubbleOf(message);
    expect(JSON.stringify(bubble.header)).toContain("今週のまとめ");
    const body = JSON.stringify(bubble.body);
    expect(body.indexOf("ありがとう")).toBeLessThan(body.indexOf("資料を直してくれて助かった"));
    expect(body.indexOf("資料を直してくれて助かった")).toBeLessThan(body.indexOf("説明が分かりやすかった"));
    expect(message.quickReply?.items).toHaveLength(1);
    expect(checkMessages([message])).toEqual([]);
  });

  it("puts a card's tel: and https: links as footer buttons and leaves out any other scheme", () => {
    const card: Card = {
      altText: "窓口",
      title: "相談窓口",
      sections: [{ heading: "電話", lines: ["24時間"] }],
      links: [
        { label: "電話をかける", uri: "tel:0120000000" },
        { label: "サイトを開く", uri: "https://example.com/" },
        { label: "開けないリンク", uri: "javascript:alert(1)" },
      ],
    };
    const [message] = renderReplies([{ type: "card", card }]);
    const bubble = (message as messagingApi.FlexMessage).contents as messagingApi.FlexBubble;
    const actions = (bubble.footer?.contents ?? []).map((c) => (c as messagingApi.FlexButton).action);
    expect(actions).toEqual([
      { type: "uri", label: "電話をかける", uri: "tel:0120000000" },
      { type: "uri", label: "サイトを開く", uri: "https://example.com/" },
    ]);
    expect(checkMessages([message])).toEqual([]);
  });

  it("reports a URI action whose scheme LINE refuses", () => {
    const bad = {
      type: "flex",
      altText: "x",
      contents: {
        type: "bubble",
        body: { type: "box", layout: "vertical", contents: [{ type: "button", action: { type: "uri", label: "x", uri: "ftp://x" } }] },
      },
    };
    expect(checkMessages([bad])).toEqual([
      expect.stringMatching(/contents\.body\.contents\[0\]\.action\.uri "ftp:\/\/x" does not start with/),
    ]);
  });

  it("uses the title as altText when the card's altText is blank, and cuts altText to 1500", () => {
    expect(flexOf(only([{ type: "card", card: card({ altText: " ", title: "見出し" }) }])).altText).toBe("見出し");
    expect(flexOf(only([{ type: "card", card: card({ altText: "a".repeat(2000) }) }])).altText).toHaveLength(1500);
  });

  it("cuts a card line over 300 units and skips empty lines", () => {
    const message = only([{ type: "card", card: card({ sections: [{ heading: "h", lines: ["", "x".repeat(400)] }] }) }]);
    const texts = JSON.stringify(bubbleOf(message).body);
    expect(texts).toContain(`"${"x".repeat(299)}…"`);
    expect(texts).not.toContain('"text":""');
  });

  it("keeps a huge card under 30 KB by dropping the lines that do not fit and marking the cut", () => {
    const lines = Array.from({ length: 500 }, (_, i) => `${i}番目の出来事`.padEnd(300, "あ"));
    const message = only([{ type: "card", card: card({ sections: [{ heading: "全部", lines }] }) }]);
    const bubble = bubbleOf(message);
    expect(jsonBytes(bubble)).toBeLessThanOrEqual(30_000);
    expect(jsonBytes(bubble)).toBeGreaterThan(20_000);
    const body = JSON.stringify(bubble.body);
    expect(body).toContain("0番目の出来事");
    expect(body).not.toContain("499番目の出来事");
    expect(body.endsWith('"text":"…","wrap":true,"size":"sm","color":"#999999","align":"center"}]}')).toBe(true);
  });

  it("renders a card with no title and no lines as a bubble LINE accepts", () => {
    const message = only([{ type: "card", card: { altText: "", title: "", sections: [{ heading: "", lines: [""] }] } }]);
    expect(checkMessages([message])).toEqual([]);
  });
});

describe("rendered output always respects LINE's limits", () => {
  function random(seed: number): () => number {
    let a = seed >>> 0;
    return () => {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }
  const pieces = ["a", "あ", "😀", "👨‍👩‍👧", "\uD83D", "\uDE00", "\n", " ", '"', "\\", "漢字", "é"];

  function generate(rand: () => number): Reply[] {
    const int = (max: number) => Math.floor(rand() * (max + 1));
    const str = (): string => {
      const size = rand() < 0.1 ? 12_000 : rand() < 0.3 ? int(400) : int(30);
      const piece = pieces[int(pieces.length - 1)];
      const mixed = Array.from({ length: Math.min(size, 40) }, () => pieces[int(pieces.length - 1)]).join("");
      return rand() < 0.5 ? piece.repeat(size) : mixed;
    };
    const choice = (): Choice =>
      rand() < 0.7
        ? { label: str(), action: { type: "postback", data: rand() < 0.9 ? "d".repeat(int(300)) : str() } }
        : {
            label: str(),
            action: { type: "datetimePicker", data: str(), mode: "datetime", initial: rand() < 0.5 ? "2026-11-24T21:00" : str() },
          };
    const choices = () => (rand() < 0.5 ? Array.from({ length: int(30) }, choice) : undefined);
    return Array.from({ length: 1 + int(8) }, (): Reply => {
      if (rand() < 0.5) return { type: "text", text: str(), choices: choices() };
      const sections = Array.from({ length: int(rand() < 0.2 ? 30 : 4) }, () => ({
        heading: str(),
        lines: Array.from({ length: int(rand() < 0.2 ? 120 : 6) }, str),
      }));
      return { type: "card", card: { altText: str(), title: str(), sections }, choices: choices() };
    });
  }

  it("passes the limits check for 300 generated nasty inputs", () => {
    const rand = random(20_261_124);
    for (let run = 0; run < 300; run++) {
      const replies = generate(rand);
      const messages = renderReplies(replies);
      const violations = checkMessages(messages);
      if (violations.length > 0) throw new Error(`run ${run}: ${violations.join("; ")}`);
      expect(messages.length).toBe(Math.min(replies.length, 5));
    }
  });
});

describe("quoting the user's message", () => {
  const reflected: Reply = { type: "text", text: "「図を描いて説明した」ことが、「ありがとう」につながったんですね。", quote: true };

  it("puts the message's quote token on the reply that says it back, and on no other", () => {
    const messages = renderReplies([reflected, { type: "text", text: "ほかにもありますか？" }], "qt-123");
    expect(messages[0]).toMatchObject({ type: "text", quoteToken: "qt-123" });
    expect(messages[1]).not.toHaveProperty("quoteToken");
  });

  it("quotes nothing when the event carried no quote token (a postback)", () => {
    expect(renderReplies([reflected])[0]).not.toHaveProperty("quoteToken");
  });

  it("never puts a quote token on a card, which LINE does not allow to quote", () => {
    expect(renderReplies([{ type: "card", card: card() }], "qt-123")[0]).not.toHaveProperty("quoteToken");
  });
});
