/**
 * What surrounds the bot's messages, over real HTTP against the Firestore emulator and the LINE
 * stand-in with every stage's menu deployed: the rich menu of each stage linked per user, read
 * marks that leave a hand-over's messages unread, the loading animation before entries are read,
 * and replies that quote the user's words. Every request is checked against LINE's OpenAPI
 * document (useStack), and a failure of any of these calls leaves the turn whole.
 */
import { join } from "node:path";
import { operatorData } from "../../src/dialogue";
import { handoverCode } from "../../src/store/user-document";
import { deployToStandIn } from "../../scripts/lib/richmenu-stages";
import { text, userId } from "../helpers/events";
import { lineUser, type LineUser } from "../helpers/line-user";
import { useStack, type TestStack } from "../helpers/stack";
import { storedState } from "../helpers/stored-user";

const NOW = new Date("2026-11-24T10:00:00+09:00");
const OPERATOR = `U${"a".repeat(32)}`;
const stack = useStack({ now: () => NOW, operatorLineIds: [OPERATOR], bookingUrl: "https://example.com/booking" });
const ROOT = join(__dirname, "..", "..");

beforeEach(async () => {
  await deployToStandIn(ROOT, stack().line.url, stack().channelAccessToken);
});

/** The stage of the menu `id` sees at LINE, and whether it is their own (linked) or the default. */
function menuOf(id: string): { stage: string; linked: boolean } | null {
  const menu = stack().line.menuOf(id);
  return menu === null ? null : { stage: String(menu.definition.name).split(" ")[2] ?? "", linked: menu.linked };
}

/** A user who consented and started the first session. */
async function consented(): Promise<LineUser> {
  const user = lineUser(stack(), userId());
  await user.follow();
  await user.tap("同意してはじめる");
  await user.tap("いまはじめる");
  return user;
}

/** A consented user whose hand-off an operator took. */
async function withConsultant(): Promise<LineUser> {
  const user = await consented();
  await user.tap("2");
  await user.say("相談したい");
  await user.tap("スキップ");
  await user.tap("WILLのまとめだけ");
  await user.tap("送る");
  await lineUser(stack(), OPERATOR).tapData(operatorData("take", handoverCode(user.id)));
  return user;
}

/** The paths the bot called at LINE, in order, without the user id. */
function pathsCalled(s: TestStack, user: string): string[] {
  return s.line
    .calls()
    .map((call) => `${call.method} ${call.path.replace(user, "{user}")}`)
    .filter((call) => !call.includes("/richmenu/list") && !call.includes("/profile/"));
}

describe("the rich menu of each stage", () => {
  it("is the onboarding menu for a new friend, and the main menu once they agreed", async () => {
    const user = lineUser(stack(), userId());
    await user.follow();
    expect(menuOf(user.id)).toEqual({ stage: "onboarding", linked: true });
    await user.tap("同意してはじめる");
    expect(menuOf(user.id)).toEqual({ stage: "main", linked: false });
  });

  it("is the consultant menu while a consultant is with the user, and the main one when they go back to the bot", async () => {
    const user = await withConsultant();
    expect(menuOf(user.id)).toEqual({ stage: "consultant", linked: true });
    await user.say("ボットに戻る");
    expect(menuOf(user.id)).toEqual({ stage: "main", linked: false });
  });

  it("goes back to the main menu when the operator ends the hand-over", async () => {
    const user = await withConsultant();
    await lineUser(stack(), OPERATOR).say(`終了 ${handoverCode(user.id)}`);
    expect(menuOf(user.id)).toEqual({ stage: "main", linked: false });
  });

  it("goes back to onboarding after データ削除, as for a new friend", async () => {
    const user = await consented();
    await user.say("データ削除");
    await user.tap("削除する");
    expect(menuOf(user.id)).toEqual({ stage: "onboarding", linked: true });
  });

  it("is left alone by turns that keep the stage", async () => {
    const user = await consented();
    const before = stack().line.calls().length;
    await user.tap("3");
    expect(
      stack()
        .line.calls()
        .slice(before)
        .filter((call) => call.path.includes("richmenu")),
    ).toEqual([]);
  });
});

describe("read marks", () => {
  const marked = () => stack().line.readMarks();

  it("mark a message read once the bot answered it", async () => {
    const user = await consented();
    const event = text(user.id, "3");
    await stack().send(event);
    expect(marked()).toContain((event.message as { markAsReadToken: string }).markAsReadToken);
  });

  it("are never sent while a consultant is with the user, so the consultant's chat shows what is new", async () => {
    const user = await withConsultant();
    const before = marked().length;
    for (const body of ["よろしくお願いします", "データ確認", "ヘルプ"]) await stack().send(text(user.id, body));
    expect(marked()).toHaveLength(before);
  });
});

describe("read marks with MARK_AS_READ=off", () => {
  const off = useStack({ now: () => NOW, markAsRead: "off" });

  it("are never sent", async () => {
    const user = lineUser(off(), userId());
    await user.follow();
    await user.say("ヘルプ");
    expect(user.lastReply()).not.toEqual([]);
    expect(off().line.readMarks()).toEqual([]);
  });
});

describe("the loading animation", () => {
  it("starts in the user's chat before the records are read and answered", async () => {
    const user = await consented();
    await user.say("記録を見る");
    const paths = pathsCalled(stack(), user.id);
    const loading = paths.lastIndexOf("POST /v2/bot/chat/loading/start");
    expect(loading).toBeGreaterThan(-1);
    expect(paths.indexOf("POST /v2/bot/message/reply", loading)).toBeGreaterThan(loading);
    const call = stack()
      .line.calls()
      .filter((c) => c.path === "/v2/bot/chat/loading/start")
      .at(-1);
    expect(call?.body).toEqual({ chatId: user.id, loadingSeconds: 10 });
  });

  it("is not started for a turn that reads no entries", async () => {
    const user = await consented();
    await user.say("ヘルプ");
    expect(pathsCalled(stack(), user.id)).not.toContain("POST /v2/bot/chat/loading/start");
  });
});

describe("quoted thanks", () => {
  it("quote the user's typed deed in the reply that says it back", async () => {
    const user = await consented();
    await user.tap("3");
    await user.tap("スキップ");
    await user.say("先輩に資料の作り方を教えたら、ありがとうと言われました");
    await user.tap("うれしかった");
    const event = text(user.id, "つまずいたところを画面の写真つきでまとめました");
    await stack().send(event);
    const [reflection] = stack().messagesTo(user.id).slice(-2) as { quoteToken?: string }[];
    expect(reflection?.quoteToken).toBe((event.message as { quoteToken: string }).quoteToken);
  });
});

describe("a LINE failure around the messages", () => {
  it.each([
    ["linking the menu", "/v2/bot/user/"],
    ["reading the menu's alias", "/v2/bot/richmenu/alias/"],
  ])("at %s leaves the welcome sent and the new friend stored", async (_what, path) => {
    const user = lineUser(stack(), userId());
    stack().line.failNext(path, 500, 5);
    await user.follow();
    expect(user.lastReply()).not.toEqual([]);
    expect((await storedState(stack().db, user.id)).step.type).toBe("awaitingConsent");
    expect(stack().logs.some((line) => line.message === "rich menu switch failed")).toBe(true);
    expect(menuOf(user.id)).toEqual({ stage: "main", linked: false });
  });

  it("at unlinking the menu leaves the reply sent and the consent stored", async () => {
    const user = lineUser(stack(), userId());
    await user.follow();
    stack().line.failNext(`/v2/bot/user/${user.id}/richmenu`, 500, 1);
    await user.tap("同意してはじめる");
    expect(user.lastReply()).not.toEqual([]);
    expect((await storedState(stack().db, user.id)).consent.status).toBe("given");
    expect(menuOf(user.id)).toEqual({ stage: "onboarding", linked: true });
  });

  it("at marking a message read leaves the reply sent and the answer stored", async () => {
    const user = await consented();
    stack().line.failNext("/v2/bot/chat/markAsRead", 500, 1);
    await user.say("3");
    expect(user.lastReply()).not.toEqual([]);
    expect((await storedState(stack().db, user.id)).step.type).not.toBe("awaitingWorkScore");
    expect(stack().logs.some((line) => line.message === "mark as read failed")).toBe(true);
  });

  it("at the loading animation leaves the records shown", async () => {
    const user = await consented();
    stack().line.failNext("/v2/bot/chat/loading/start", 400, 1);
    await user.say("記録を見る");
    expect(user.lastReply()).not.toEqual([]);
    expect(stack().logs.some((line) => line.message === "loading animation failed")).toBe(true);
  });

  it("at linking the consultant menu leaves the hand-over taken and the user told", async () => {
    const user = await consented();
    await user.tap("2");
    await user.say("相談したい");
    await user.tap("スキップ");
    await user.tap("WILLのまとめだけ");
    await user.tap("送る");
    stack().line.failNext(`/v2/bot/user/${user.id}/richmenu`, 500, 1);
    await lineUser(stack(), OPERATOR).tapData(operatorData("take", handoverCode(user.id)));
    expect((await storedState(stack().db, user.id)).handover).toMatchObject({ status: "active" });
    expect(JSON.stringify(stack().messagesTo(user.id).at(-1))).toContain("つながりました");
    expect(menuOf(user.id)).toEqual({ stage: "main", linked: false });
  });
});

describe("a deploy that replaced the menus", () => {
  it("is followed: the bot reads the alias again when the menu it remembered is gone", async () => {
    const first = lineUser(stack(), userId());
    await first.follow();
    await deployToStandIn(ROOT, stack().line.url, stack().channelAccessToken);
    const second = lineUser(stack(), userId());
    await second.follow();
    expect(menuOf(second.id)).toEqual({ stage: "onboarding", linked: true });
    expect(stack().logs.filter((line) => line.severity !== "INFO")).toEqual([]);
  });
});
