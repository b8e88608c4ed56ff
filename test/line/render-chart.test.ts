import type { messagingApi } from "@line/bot-sdk";
import { renderMessage } from "../../scripts/lib/terminal-view";
import type { Chart, ChartBar, Choice, Reply } from "../../src/dialogue/reply";
import { checkMessages, jsonBytes } from "../../src/line/limits";
import { CHART_LIMITS, renderReplies } from "../../src/line/render";

const weeks = ["11/2", "11/9", "11/16", "11/23", "11/30", "12/7"];
const sixWeekChart = (): Chart => ({
  altText: "6週間のふりかえり",
  title: "6週間のふりかえり",
  sections: [
    { heading: "ありがとう", bars: weeks.map((label, i) => ({ label, value: i, max: 5, caption: `${i}件` })) },
    {
      heading: "やりがい度",
      bars: weeks.map((label, i) => ({ label, value: i % 2 === 0 ? 3.5 : 0, max: 5, caption: i % 2 === 0 ? "3.5" : "" })),
    },
  ],
  notes: ["よく出てくることば：後輩・資料", "3週つづけてふりかえり"],
});

function only(reply: Reply): messagingApi.FlexMessage {
  const messages = renderReplies([reply]);
  expect(messages).toHaveLength(1);
  expect(checkMessages(messages)).toEqual([]);
  return messages[0] as messagingApi.FlexMessage;
}
const bubbleOf = (message: messagingApi.FlexMessage): messagingApi.FlexBubble => message.contents as messagingApi.FlexBubble;

/** Every box in `node`, depth first. */
function boxes(node: messagingApi.FlexComponent | undefined): messagingApi.FlexBox[] {
  if (node?.type !== "box") return [];
  return [node, ...node.contents.flatMap((child) => boxes(child))];
}
/** The bar rows of a chart bubble: the horizontal boxes. */
const barRows = (bubble: messagingApi.FlexBubble) => boxes(bubble.body).filter((box) => box.layout === "horizontal");
/** The filled part of each bar row, or null when the bar is empty. */
const fills = (bubble: messagingApi.FlexBubble) =>
  barRows(bubble).map((row) => {
    const track = row.contents[1];
    return track?.type === "box" && track.contents[0]?.type === "box" ? (track.contents[0].width ?? null) : null;
  });
const texts = (node: unknown): string[] =>
  JSON.stringify(node)
    .match(/"text":"(?:[^"\\]|\\.)*"/g)
    ?.map((t) => JSON.parse(t.slice(7)) as string) ?? [];

describe("rendering a chart as a Flex bubble", () => {
  it("renders six weeks in two sections as twelve bar rows within LINE's limits", () => {
    const message = only({ type: "chart", chart: sixWeekChart() });
    expect(message.altText).toBe("6週間のふりかえり");
    expect(barRows(bubbleOf(message))).toHaveLength(12);
  });

  it("puts the title in the header and, in the body, each heading before its rows and the notes last", () => {
    const bubble = bubbleOf(only({ type: "chart", chart: sixWeekChart() }));
    expect(texts(bubble.header)).toEqual(["6週間のふりかえり"]);
    const body = texts(bubble.body);
    expect(body.slice(0, 8)).toEqual(["ありがとう", "11/2", "0件", "11/9", "1件", "11/16", "2件", "11/23"]);
    expect(body.indexOf("やりがい度")).toBeGreaterThan(body.lastIndexOf("5件"));
    expect(body.slice(-2)).toEqual(["よく出てくることば：後輩・資料", "3週つづけてふりかえり"]);
    expect(body).not.toContain("…");
  });

  it("fills each bar to value / max, at least 2% when above zero, and leaves zero bars empty", () => {
    const bar = (value: number, max = 5): ChartBar => ({ label: "w", value, max, caption: "" });
    const chart: Chart = {
      ...sixWeekChart(),
      sections: [{ heading: "h", bars: [bar(0), bar(1), bar(5), bar(0.01), bar(2, 3)] }],
      notes: [],
    };
    expect(fills(bubbleOf(only({ type: "chart", chart })))).toEqual([null, "20%", "100%", "2%", "67%"]);
  });

  it.each<[string, number, number]>([
    ["NaN", Number.NaN, 5],
    ["a negative value", -3, 5],
    ["a zero max", 3, 0],
    ["a negative max", -3, -5],
    ["an infinite value", Number.POSITIVE_INFINITY, 5],
  ])("draws an empty bar for %s", (_, value, max) => {
    const chart: Chart = { ...sixWeekChart(), sections: [{ heading: "h", bars: [{ label: "w", value, max, caption: "?" }] }] };
    expect(fills(bubbleOf(only({ type: "chart", chart })))).toEqual([null]);
  });

  it("caps a value over max at a full bar", () => {
    const chart: Chart = { ...sixWeekChart(), sections: [{ heading: "h", bars: [{ label: "w", value: 99, max: 5, caption: "99" }] }] };
    expect(fills(bubbleOf(only({ type: "chart", chart })))).toEqual(["100%"]);
  });

  it("keeps a chart's choices as quick replies", () => {
    const choices: Choice[] = [{ label: "ふりかえる", action: { type: "postback", data: "cmd=checkin" } }];
    const message = only({ type: "chart", chart: sixWeekChart(), choices });
    expect(message.quickReply?.items).toHaveLength(1);
  });

  it("uses the title as altText when the chart's altText is blank", () => {
    expect(only({ type: "chart", chart: { ...sixWeekChart(), altText: "  " } }).altText).toBe("6週間のふりかえり");
  });

  it("renders an empty chart with no title as a bubble LINE accepts", () => {
    const bubble = bubbleOf(
      only({ type: "chart", chart: { altText: "", title: "", sections: [{ heading: "", bars: [] }], notes: [" "] } }),
    );
    expect(bubble.header).toBeUndefined();
    expect(texts(bubble.body)).toEqual(["…"]);
  });
});

describe("a chart rendered from huge or odd input stays within LINE's limits", () => {
  const long = (n: number, piece = "長") => piece.repeat(n);
  const oddBars = (count: number): ChartBar[] =>
    Array.from({ length: count }, (_, i) => ({
      label: i % 3 === 0 ? long(500) : i % 3 === 1 ? "" : "😀".repeat(40),
      value: [Number.NaN, -1, 1e9, 0, 2.5, Number.NEGATIVE_INFINITY][i % 6],
      max: i % 4 === 0 ? 0 : 5,
      caption: long(300, '"\\'),
    }));

  it("cuts labels and captions, keeps 12 bars per section and 4 sections, and marks what was left out", () => {
    const chart: Chart = {
      altText: long(3000),
      title: long(1000),
      sections: Array.from({ length: 10 }, (_, i) => ({ heading: `${i}${long(500)}`, bars: oddBars(100) })),
      notes: Array.from({ length: 50 }, (_, i) => `${i}${long(5000)}`),
    };
    const message = only({ type: "chart", chart });
    const bubble = bubbleOf(message);
    expect(jsonBytes(bubble)).toBeLessThanOrEqual(30_000);
    expect(message.altText).toHaveLength(1500);
    expect(barRows(bubble).length).toBeLessThanOrEqual(CHART_LIMITS.maxSections * CHART_LIMITS.maxBarsPerSection);
    const body = texts(bubble.body);
    expect(body.every((text) => text.length <= 300)).toBe(true);
    expect(body).toContain("…");
    expect(body.some((text) => text.startsWith("4長"))).toBe(false);
  });

  it("drops the rows that would push the bubble past 30 KB and ends with a single mark", () => {
    const worst = "\u0001".repeat(1000); // six bytes each in JSON
    const chart: Chart = {
      altText: "a",
      title: worst,
      sections: Array.from({ length: 4 }, () => ({
        heading: worst,
        bars: Array.from({ length: 12 }, () => ({ label: worst, value: 1, max: 2, caption: worst })),
      })),
      notes: Array.from({ length: 6 }, () => worst),
    };
    const bubble = bubbleOf(only({ type: "chart", chart }));
    expect(jsonBytes(bubble)).toBeLessThanOrEqual(30_000);
    expect(jsonBytes(bubble)).toBeGreaterThan(25_000);
    expect(barRows(bubble).length).toBeLessThan(48);
    expect(texts(bubble.body).at(-1)).toBe("…");
  });

  it("passes the limits check for 200 generated charts", () => {
    let seed = 20_261_130;
    const rand = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    const pieces = ["a", "あ", "😀", "\uD83D", "\n", " ", '"', "\\", "\u0000", "漢字"];
    const str = () =>
      Array.from({ length: Math.floor(rand() * (rand() < 0.1 ? 3000 : 30)) }, () => pieces[Math.floor(rand() * pieces.length)]).join("");
    const num = () => [Number.NaN, -1, 0, 1, 5, 1e12, rand() * 10][Math.floor(rand() * 7)];
    for (let run = 0; run < 200; run++) {
      const chart: Chart = {
        altText: str(),
        title: str(),
        sections: Array.from({ length: Math.floor(rand() * 8) }, () => ({
          heading: str(),
          bars: Array.from({ length: Math.floor(rand() * 40) }, () => ({ label: str(), value: num(), max: num(), caption: str() })),
        })),
        notes: Array.from({ length: Math.floor(rand() * 10) }, str),
      };
      const violations = checkMessages(renderReplies([{ type: "chart", chart }]));
      if (violations.length > 0) throw new Error(`run ${run}: ${violations.join("; ")}`);
    }
  });
});

describe("a chart in the terminal chat", () => {
  it("shows the title, headings, bar labels, captions and notes", () => {
    const [message] = renderReplies([{ type: "chart", chart: sixWeekChart() }]);
    const screen = renderMessage(message).join("\n");
    for (const shown of ["6週間のふりかえり", "ありがとう", "やりがい度", ...weeks, "5件", "3.5", "よく出てくることば：後輩・資料"]) {
      expect(screen).toContain(shown);
    }
  });

  it("draws each bar row on one line, label, bar and caption side by side", () => {
    const [message] = renderReplies([{ type: "chart", chart: sixWeekChart() }]);
    const lines = renderMessage(message);
    expect(lines.some((line) => /11\/30 +█{8}░{2} +4件/.test(line))).toBe(true);
    expect(lines.some((line) => /11\/2 +░{10} +0件/.test(line))).toBe(true);
    expect(lines.some((line) => /11\/9 +░{10} +│/.test(line))).toBe(true);
  });
});
