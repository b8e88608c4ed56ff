/**
 * 「シートを見る」 end to end: over real HTTP with real signatures, against the Firestore emulator
 * and the LINE stand-in, the sheet comes back as an image message within LINE's limits and a
 * link; the link serves the printable page, both PNGs and the PDF; an expired link gets a page
 * saying how to get a new one, and a deleted user's link gets 404.
 */
import { addDays, addHours, addMinutes } from "date-fns";
import { sheetPage } from "../../src/dialogue";
import { answerData, commandData } from "../../src/dialogue/postback";
import { checkImageFile } from "../../src/line/image-limits";
import { createFirestoreSheetStore } from "../../src/store/sheet-store";
import { createFirestoreStore } from "../../src/store/firestore-store";
import { deleteExpiredSheets } from "../../src/jobs/retention";
import { postback, text, userId } from "../helpers/events";
import { heavyEntries, heavyState, HEAVY_WILL, SHEET_NOW } from "../helpers/sheet-user";
import { SHEET_PUBLIC_URL, useStack } from "../helpers/stack";
import type { Logger } from "../../src/log";

let clock = SHEET_NOW;
const stack = useStack({ now: () => clock });
const quiet: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };

type Message = { type: string; text?: string; originalContentUrl?: string; previewImageUrl?: string };

beforeEach(() => {
  clock = SHEET_NOW;
});

/** Seeds the heavy user (three WILL versions, 30 moments, 20 check-ins) as the webhook would have stored them. */
async function seedHeavyUser(user: string): Promise<void> {
  const entries = heavyEntries().map((entry, i) => ({ id: `seed-${i}`, entry }));
  await createFirestoreStore(stack().db).runTurn(user, () => ({
    write: { state: heavyState(), recentEventIds: [], entries },
    result: null,
  }));
}

/** Asks for the sheet by typing; returns the image message and the page's link from the reply. */
async function askForSheet(user: string, how: "typed" | "tapped" = "typed"): Promise<{ image: Message; page: string }> {
  const before = stack().messagesTo(user).length;
  expect(await stack().send(how === "typed" ? text(user, "シートを見る") : postback(user, commandData("sheet")))).toBe(200);
  const messages = stack().messagesTo(user).slice(before) as Message[];
  const image = messages.find((message) => message.type === "image");
  const page = messages.flatMap((message) => message.text?.match(/https:\/\/\S+/) ?? [])[0];
  if (image === undefined || page === undefined) throw new Error(`no sheet in the reply: ${JSON.stringify(messages)}`);
  return { image, page };
}

/** The local address of a link the bot sent. */
function local(url: string): string {
  return url.replace(SHEET_PUBLIC_URL, stack().serverUrl);
}

describe("the client's sheet", () => {
  it("comes back as an image message and a link that opens the printable page, the images and the PDF", async () => {
    const user = userId();
    await seedHeavyUser(user);
    const { image, page } = await askForSheet(user);

    expect(image.originalContentUrl).toBe(`${page}/sheet.png`);
    expect(image.previewImageUrl).toBe(`${page}/preview.png`);
    expect(page).toMatch(/^https:\/\/will-note\.test\/sheet\/[A-Za-z0-9_-]{43}$/);

    const html = await fetch(local(page));
    expect(html.status).toBe(200);
    expect(html.headers.get("referrer-policy")).toBe("no-referrer");
    expect(await html.text()).toContain(HEAVY_WILL);

    for (const [url, role] of [
      [image.originalContentUrl, "original"],
      [image.previewImageUrl, "preview"],
    ] as const) {
      const response = await fetch(local(url ?? ""));
      expect(response.headers.get("content-type")).toBe("image/png");
      expect(checkImageFile(Buffer.from(await response.arrayBuffer()), role)).toEqual([]);
    }
    const pdf = await fetch(local(`${page}/sheet.pdf`));
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString("latin1"),
    ).toBe("%PDF-");
  });

  it("is also made from the button on the summary card, each time behind a new link", async () => {
    const user = userId();
    await seedHeavyUser(user);
    const typed = await askForSheet(user);
    const tapped = await askForSheet(user, "tapped");
    expect(tapped.page).not.toBe(typed.page);
    expect((await fetch(local(typed.page))).status).toBe(200);
  });

  it("shows a page that says how to get a new link once seven days have passed", async () => {
    const user = userId();
    await seedHeavyUser(user);
    const { page, image } = await askForSheet(user);

    clock = addMinutes(addDays(SHEET_NOW, 7), 1);
    const expired = await fetch(local(page));
    expect(expired.status).toBe(410);
    expect(await expired.text()).toContain(sheetPage.expired.split("\n")[1]);
    expect((await fetch(local(image.originalContentUrl ?? ""))).status).toBe(410);

    const renewed = await askForSheet(user);
    expect((await fetch(local(renewed.page))).status).toBe(200);
  });

  it("answers 404 for the link of a user who deleted their data, and for a made-up link", async () => {
    const user = userId();
    await seedHeavyUser(user);
    const first = await askForSheet(user);
    const second = await askForSheet(user);

    await stack().send(text(user, "データ削除"));
    await stack().send(postback(user, answerData("del", "yes")));

    for (const page of [first.page, second.page]) {
      const gone = await fetch(local(page));
      expect(gone.status).toBe(404);
      expect(await gone.text()).toContain(sheetPage.missing.split("\n")[1]);
    }
    expect((await stack().db.collection("sheets").where("userId", "==", user).get()).size).toBe(0);
    expect((await fetch(`${stack().serverUrl}/sheet/${"A".repeat(43)}`)).status).toBe(404);
    expect((await fetch(`${stack().serverUrl}/sheet/not-a-token`)).status).toBe(404);
  });

  it("is kept only while its link lives: the daily sweep deletes expired sheets and keeps live ones", async () => {
    const user = userId();
    await seedHeavyUser(user);
    const old = await askForSheet(user);
    clock = addDays(SHEET_NOW, 6);
    const recent = await askForSheet(user);

    const deleted = await deleteExpiredSheets(createFirestoreSheetStore(stack().db), addHours(SHEET_NOW, 7 * 24 + 12), quiet);

    expect(deleted).toBe(1);
    expect((await fetch(local(old.page))).status).toBe(404);
    expect((await fetch(local(recent.page))).status).toBe(200);
  });
});
