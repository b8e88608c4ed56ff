import { LINE_LIMITS, checkMessages, findLimitViolations, isDatetimePickerValue } from "../../src/line/limits";

const text = (value: string, extra: Record<string, unknown> = {}) => ({ type: "text", text: value, ...extra });
const quickReply = (...actions: Record<string, unknown>[]) => ({
  quickReply: { items: actions.map((action) => ({ type: "action", action })) },
});
const postback = (label: string, data = "x", extra: Record<string, unknown> = {}) => ({ type: "postback", label, data, ...extra });
const bubble = (lineText: string) => ({
  type: "bubble",
  body: { type: "box", layout: "vertical", contents: [{ type: "text", text: lineText }] },
});
const flex = (contents: unknown, altText = "alt") => ({ type: "flex", altText, contents });

describe("LINE limits check", () => {
  it("accepts a plain text message", () => {
    expect(checkMessages([text("こんにちは")])).toEqual([]);
  });

  it("exports the limit numbers LINE documents", () => {
    expect(LINE_LIMITS).toMatchObject({
      maxMessagesPerRequest: 5,
      maxTextLength: 5000,
      maxQuickReplyItems: 13,
      maxActionLabelLength: 20,
      maxPostbackDataLength: 300,
      maxAltTextLength: 1500,
      maxBubbleBytes: 30_000,
      maxCarouselBubbles: 12,
      maxCarouselBytes: 50_000,
    });
  });

  it.each([0, 6])("rejects a request of %i messages", (count) => {
    const messages = Array.from({ length: count }, () => text("a"));
    expect(checkMessages(messages)).toEqual([`messages has ${count} items (min 1, max 5)`]);
  });

  it("accepts exactly five messages", () => {
    expect(checkMessages(Array.from({ length: 5 }, () => text("a")))).toEqual([]);
  });

  it("accepts text of exactly 5000 UTF-16 units and rejects 5001", () => {
    expect(checkMessages([text("a".repeat(5000))])).toEqual([]);
    expect(checkMessages([text("a"), text("a".repeat(5001))])).toEqual(["messages[1].text is 5001 characters (max 5000)"]);
  });

  it("counts an emoji as two units of text", () => {
    expect(checkMessages([text("😀".repeat(2501))])).toEqual(["messages[0].text is 5002 characters (max 5000)"]);
  });

  it("rejects empty and missing text", () => {
    expect(checkMessages([text(""), { type: "text" }])).toEqual(["messages[0].text is empty (min 1)", "messages[1].text is missing"]);
  });

  it("names the message, item and limit of a long quick-reply label", () => {
    const messages = [text("a"), text("b"), text("c", quickReply(postback("あ".repeat(23))))];
    expect(checkMessages(messages)).toEqual(["messages[2].quickReply.items[0].action.label is 23 characters (max 20)"]);
  });

  it("counts a quick-reply label in UTF-16 units, so ten emoji fit and eleven do not", () => {
    expect(checkMessages([text("a", quickReply(postback("😀".repeat(10))))])).toEqual([]);
    expect(checkMessages([text("a", quickReply(postback("😀".repeat(11))))])).toEqual([
      "messages[0].quickReply.items[0].action.label is 22 characters (max 20)",
    ]);
  });

  it("rejects an empty quick-reply label and an item that is not an action", () => {
    const message = { ...text("a"), quickReply: { items: [{ type: "action", action: postback("") }, { type: "x" }] } };
    expect(checkMessages([message])).toEqual([
      "messages[0].quickReply.items[0].action.label is empty (min 1)",
      'messages[0].quickReply.items[1].type is not "action"',
    ]);
  });

  it("accepts 13 quick replies and rejects 14", () => {
    const actions = (n: number) => Array.from({ length: n }, (_, i) => postback(`b${i}`));
    expect(checkMessages([text("a", quickReply(...actions(13)))])).toEqual([]);
    expect(checkMessages([text("a", quickReply(...actions(14)))])).toEqual(["messages[0].quickReply.items has 14 items (max 13)"]);
  });

  it("rejects postback data and displayText over 300 characters", () => {
    const action = postback("ok", "d".repeat(301), { displayText: "t".repeat(301) });
    expect(checkMessages([text("a", quickReply(action))])).toEqual([
      "messages[0].quickReply.items[0].action.data is 301 characters (max 300)",
      "messages[0].quickReply.items[0].action.displayText is 301 characters (max 300)",
    ]);
    expect(checkMessages([text("a", quickReply(postback("ok", "d".repeat(300))))])).toEqual([]);
  });

  it("checks a datetime picker's data, mode and value formats", () => {
    const good = {
      type: "datetimepicker",
      label: "日時",
      data: "p",
      mode: "datetime",
      initial: "2026-11-24T21:00",
      min: "2026-01-01t00:00",
    };
    expect(checkMessages([text("a", quickReply(good))])).toEqual([]);
    const badMode = { ...good, mode: "week" };
    const badValues = { ...good, data: "d".repeat(301), mode: "time", initial: "25:00", min: "08:00", max: "2026-11-24" };
    expect(checkMessages([text("a", quickReply(badMode, badValues))])).toEqual([
      'messages[0].quickReply.items[0].action.mode "week" is not date, time or datetime',
      "messages[0].quickReply.items[1].action.data is 301 characters (max 300)",
      'messages[0].quickReply.items[1].action.initial "25:00" is not a time value in LINE\'s format',
      'messages[0].quickReply.items[1].action.max "2026-11-24" is not a time value in LINE\'s format',
    ]);
  });

  it.each([
    ["date", "2026-02-28", true],
    ["date", "2026-13-01", false],
    ["time", "23:59", true],
    ["time", "9:00", false],
    ["datetime", "2026-11-24T21:00", true],
    ["datetime", "2026-11-24 21:00", false],
  ] as const)("reads %s value %s as valid: %s", (mode, value, valid) => {
    expect(isDatetimePickerValue(mode, value)).toBe(valid);
  });

  it("rejects a Flex altText that is empty or over 1500 characters", () => {
    expect(checkMessages([flex(bubble("x"), ""), flex(bubble("x"), "a".repeat(1501))])).toEqual([
      "messages[0].altText is empty (min 1)",
      "messages[1].altText is 1501 characters (max 1500)",
    ]);
    expect(checkMessages([flex(bubble("x"), "a".repeat(1500))])).toEqual([]);
  });

  it("measures a bubble in UTF-8 bytes, so 10,000 kana break the 30 KB limit", () => {
    const [violation] = checkMessages([flex(bubble("あ".repeat(10_000)))]);
    expect(violation).toMatch(/^messages\[0\]\.contents is \d+ bytes \(max 30000\)$/);
    expect(checkMessages([flex(bubble("a".repeat(10_000)))])).toEqual([]);
  });

  it("rejects an empty text component inside a bubble", () => {
    expect(checkMessages([flex(bubble(""))])).toEqual(["messages[0].contents.body.contents[0].text is empty (min 1)"]);
  });

  it("rejects a carousel of 13 bubbles and one over 50 KB", () => {
    const many = { type: "carousel", contents: Array.from({ length: 13 }, () => bubble("x")) };
    expect(checkMessages([flex(many)])).toEqual(["messages[0].contents.contents has 13 bubbles (min 1, max 12)"]);
    const heavy = { type: "carousel", contents: Array.from({ length: 3 }, () => bubble("あ".repeat(9_000))) };
    const violations = checkMessages([flex(heavy)]);
    expect(violations).toHaveLength(1);
    expect(violations[0]).toMatch(/^messages\[0\]\.contents is \d+ bytes \(max 50000\)$/);
  });

  it("rejects unknown message types and non-objects", () => {
    expect(checkMessages([{ type: "textbox", text: "a" }, "hello"])).toEqual([
      'messages[0].type "textbox" is not a message type LINE knows',
      "messages[1] is not an object",
    ]);
  });

  it("gives violations as a property and a message, like LINE's error details", () => {
    expect(findLimitViolations([text("")])).toEqual([{ property: "messages[0].text", message: "is empty (min 1)" }]);
  });
});
