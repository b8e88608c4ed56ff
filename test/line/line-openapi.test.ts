/**
 * The check of the bot's requests against LINE's OpenAPI document (test/helpers/line-openapi.ts):
 * it accepts what LINE documents and names what it does not, so that the integration tests'
 * check can fail.
 */
import { openApiProblems } from "../helpers/line-openapi";

const user = `U${"1".repeat(32)}`;

describe("checking a request against LINE's OpenAPI document", () => {
  it.each([
    ["a link of a user's rich menu", { method: "POST", path: `/v2/bot/user/${user}/richmenu/richmenu-abc`, body: undefined }],
    ["an unlink", { method: "DELETE", path: `/v2/bot/user/${user}/richmenu`, body: undefined }],
    ["reading an alias", { method: "GET", path: "/v2/bot/richmenu/alias/will-note-main", body: undefined }],
    ["listing the aliases", { method: "GET", path: "/v2/bot/richmenu/alias/list", body: undefined }],
    ["a read mark", { method: "POST", path: "/v2/bot/chat/markAsRead", body: { markAsReadToken: "token" } }],
    ["the loading animation", { method: "POST", path: "/v2/bot/chat/loading/start", body: { chatId: user, loadingSeconds: 10 } }],
    [
      "a reply quoting the user",
      {
        method: "POST",
        path: "/v2/bot/message/reply",
        body: { replyToken: "r", messages: [{ type: "text", text: "はい", quoteToken: "q" }] },
      },
    ],
  ])("accepts %s", (_what, call) => {
    expect(openApiProblems(call)).toEqual([]);
  });

  it.each([
    ["an operation LINE does not have", { method: "POST", path: "/v2/bot/chat/markAsUnread", body: {} }, "no such operation"],
    ["a read mark without its token", { method: "POST", path: "/v2/bot/chat/markAsRead", body: {} }, "body.markAsReadToken: is required"],
    [
      "a loading time that is not a number",
      { method: "POST", path: "/v2/bot/chat/loading/start", body: { chatId: user, loadingSeconds: "10" } },
      "body.loadingSeconds: must be of type integer",
    ],
    [
      "a quote token that is not a string",
      { method: "POST", path: "/v2/bot/message/reply", body: { replyToken: "r", messages: [{ type: "text", text: "x", quoteToken: 1 }] } },
      "body.messages[0].quoteToken: must be a string",
    ],
    [
      "a message of a type LINE does not know",
      { method: "POST", path: "/v2/bot/message/reply", body: { replyToken: "r", messages: [{ type: "poem", text: "x" }] } },
      'body.messages[0].type: "poem" is none of the document\'s types',
    ],
    [
      "a Flex bubble whose box lacks its contents",
      {
        method: "POST",
        path: "/v2/bot/message/push",
        body: {
          to: user,
          messages: [{ type: "flex", altText: "a", contents: { type: "bubble", body: { type: "box", layout: "vertical" } } }],
        },
      },
      "body.messages[0].contents.body.contents: is required",
    ],
  ])("names %s", (_what, call, problem) => {
    expect(openApiProblems(call).join("\n")).toContain(problem);
  });
});
