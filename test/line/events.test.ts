/** Routing of raw webhook events, including malformed ones. */
import { routeEvent } from "../../src/line/events";
import { follow, postback, sticker, text, unfollow } from "../helpers/events";

describe("routing webhook events", () => {
  it("turns a text message into textReceived for that user", () => {
    const event = text("Uabc", "こんにちは");
    expect(routeEvent(event)).toMatchObject({
      kind: "user",
      userId: "Uabc",
      eventId: event.webhookEventId,
      input: { type: "textReceived", text: "こんにちは" },
    });
  });

  it("passes picked date and time values with a postback", () => {
    expect(routeEvent(postback("Uabc", "w1|x|y", { date: "2026-12-01" }))).toMatchObject({
      input: { type: "postbackReceived", data: "w1|x|y", picked: { date: "2026-12-01" } },
    });
  });

  it.each([
    [follow("U1"), "followed"],
    [unfollow("U1"), "unfollowed"],
    [sticker("U1"), "mediaReceived"],
    [{ ...text("U1", "x"), message: { type: "somethingNew", id: "1" } }, "mediaReceived"],
  ])("routes a %s event to the dialogue", (event, inputType) => {
    expect(routeEvent(event)).toMatchObject({ kind: "user", input: { type: inputType } });
  });

  it("routes a message in a group or room to the shared-chat answer", () => {
    expect(routeEvent({ ...text("U1", "x"), source: { type: "group", groupId: "C1", userId: "U1" } })).toMatchObject({
      kind: "sharedChat",
      chat: { type: "group", groupId: "C1" },
    });
    expect(routeEvent({ ...text("U1", "x"), source: { type: "room", roomId: "R1" } })).toMatchObject({
      kind: "sharedChat",
      chat: { type: "room", roomId: "R1" },
    });
  });

  it.each<[string, unknown]>([
    ["standby mode", { ...text("U1", "x"), mode: "standby" }],
    ["no event id", { ...text("U1", "x"), webhookEventId: undefined }],
    ["no source", { ...text("U1", "x"), source: undefined }],
    ["a non-string text", { ...text("U1", "x"), message: { type: "text", text: 42 } }],
    ["an unknown event type", { ...text("U1", "x"), type: "membershipChanged" }],
    ["not an object", "hello"],
    ["null", null],
  ])("ignores %s", (_name, event) => {
    expect(routeEvent(event)).toMatchObject({ kind: "ignored" });
  });
});
