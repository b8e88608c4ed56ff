/**
 * Consultants added by pairing, through the webhook over real HTTP against the Firestore
 * emulator and the LINE stand-in: the setup's signed request makes a code, the consultant sends
 * it from their own LINE, and from then on they get hand-off requests, with no redeploy. A code
 * is single use, expires, is void after five refusals, and is never stored as an answer.
 * Removing a consultant hands their clients back to the bot politely.
 */
import { operatorData } from "../../src/dialogue";
import { PAIRING_TTL_MS } from "../../src/store/consultant-store";
import { handoverCode } from "../../src/store/user-document";
import {
  AdminRequestError,
  issuePairing,
  listConsultants,
  pairingStatus,
  rawAdminCall,
  removeConsultant,
  testPush,
  type AdminTarget,
} from "../../scripts/lib/setup/admin-client";
import { text, userId } from "../helpers/events";
import { clientAskingForHelp, lineUser, type LineUser } from "../helpers/line-user";
import { useStack } from "../helpers/stack";
import { storedState } from "../helpers/stored-user";

const START = new Date("2026-12-06T10:00:00+09:00");
let now = START;
const CONFIGURED = `U${"c".repeat(32)}`;
const stack = useStack({ now: () => now, operatorLineIds: [CONFIGURED] });

beforeEach(() => {
  now = START;
});

function admin(): AdminTarget {
  return { baseUrl: new URL(stack().webhookUrl).origin, channelSecret: stack().channelSecret };
}

/** The code as the setup shows it, typed as a consultant would. */
const typed = (code: string) => `相談員登録 ${code.slice(0, 4)}-${code.slice(4)}`;

const sentTo = (id: string) =>
  stack()
    .messagesTo(id)
    .map((message) => JSON.stringify(message))
    .join("\n");

/** A user who consented and asked for a consultant, sharing the WILL summary only. */
const askingForHelp = (): Promise<LineUser> => clientAskingForHelp(stack(), userId());

async function pairedConsultant(): Promise<LineUser> {
  const consultant = lineUser(stack(), userId());
  const ticket = await issuePairing(admin());
  await consultant.say(typed(ticket.code));
  expect(sentTo(consultant.id)).toContain("相談員として登録しました");
  return consultant;
}

describe("pairing a consultant by code", () => {
  it("records the sender as a consultant, who then gets hand-off requests without a redeploy", async () => {
    const ticket = await issuePairing(admin());
    expect(ticket.code).toMatch(/^\d{8}$/);
    expect(ticket.expiresAt.getTime() - START.getTime()).toBe(PAIRING_TTL_MS);
    expect(await pairingStatus(admin(), ticket.id)).toEqual({ state: "waiting", expiresAt: ticket.expiresAt });

    const consultant = lineUser(stack(), userId());
    // Full-width digits and no hyphen, as a phone keyboard may give them.
    const fullWidth = ticket.code.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
    await consultant.say(`相談員登録\u3000${fullWidth}`);
    expect(sentTo(consultant.id)).toContain("相談員として登録しました");
    const status = await pairingStatus(admin(), ticket.id);
    expect(status).toMatchObject({ state: "paired", consultant: { lineUserId: consultant.id, displayName: "テストユーザー" } });
    const list = await listConsultants(admin());
    expect(list.configured).toEqual([CONFIGURED, consultant.id]);
    expect(list.paired.map((c) => c.lineUserId)).toEqual([consultant.id]);
    // The code message started no conversation and was stored nowhere as an answer.
    expect((await stack().db.collection("users").doc(consultant.id).get()).exists).toBe(false);

    const client = await askingForHelp();
    const code = handoverCode(client.id);
    expect(sentTo(consultant.id)).toContain(code);
    expect(sentTo(CONFIGURED)).toContain(code);
    await consultant.tapData(operatorData("take", code));
    expect((await storedState(stack().db, client.id)).handover).toMatchObject({ status: "active", operator: consultant.id });
  });

  it("takes a code once: a second sender is refused, and the first is told they are registered already", async () => {
    const ticket = await issuePairing(admin());
    const first = lineUser(stack(), userId());
    const second = lineUser(stack(), userId());
    await first.say(typed(ticket.code));
    await second.say(typed(ticket.code));
    expect(sentTo(second.id)).toContain("このコードでは登録できませんでした");
    const again = await issuePairing(admin());
    await first.say(typed(again.code));
    expect(sentTo(first.id)).toContain("すでに相談員として登録されています");
    expect((await listConsultants(admin())).paired.map((c) => c.lineUserId)).toEqual([first.id]);
  });

  it("refuses a code after fifteen minutes", async () => {
    const ticket = await issuePairing(admin());
    now = new Date(START.getTime() + PAIRING_TTL_MS);
    const late = lineUser(stack(), userId());
    await late.say(typed(ticket.code));
    expect(sentTo(late.id)).toContain("このコードでは登録できませんでした");
    expect(await pairingStatus(admin(), ticket.id)).toEqual({ state: "expired" });
  });

  it("voids the waiting code after five wrong ones, so that it cannot be guessed", async () => {
    const ticket = await issuePairing(admin());
    const guesser = lineUser(stack(), userId());
    const wrong = ticket.code === "00000000" ? "11111111" : "00000000";
    for (let i = 0; i < 5; i++) await guesser.say(typed(wrong));
    await guesser.say(typed(ticket.code));
    expect(sentTo(guesser.id)).not.toContain("相談員として登録しました");
    expect(await pairingStatus(admin(), ticket.id)).toEqual({ state: "expired" });
    expect((await listConsultants(admin())).paired).toEqual([]);
  });

  it("never stores a code message as an answer, even in the middle of a question", async () => {
    const user = lineUser(stack(), userId());
    await user.follow();
    await user.tap("同意してはじめる");
    await user.tap("いまはじめる");
    await user.tap("2");
    const before = await storedState(stack().db, user.id);
    await user.say("相談員登録 1234-5678");
    await user.say("相談員登録");
    expect(sentTo(user.id)).toContain("このコードでは登録できませんでした");
    const after = await storedState(stack().db, user.id);
    expect(after.step).toEqual(before.step);
    expect(JSON.stringify(after)).not.toContain("1234");
  });
});

describe("removing a consultant", () => {
  it("hands their clients back to the bot with a word to each, tells the consultant, and stops their requests", async () => {
    const consultant = await pairedConsultant();
    const client = await askingForHelp();
    const code = handoverCode(client.id);
    await consultant.tapData(operatorData("take", code));

    const summary = await removeConsultant(admin(), consultant.id);
    expect(summary).toEqual({ removed: true, account: null, handedBack: 1, failed: 0 });
    expect(sentTo(client.id)).toContain("担当者とのお話が終わりました");
    expect((await storedState(stack().db, client.id)).handover).toBeNull();
    const told = sentTo(consultant.id);
    expect(told).toContain("相談員の登録を解除しました");
    expect(told).toContain(code);

    const next = await askingForHelp();
    expect(sentTo(consultant.id)).not.toContain(handoverCode(next.id));
    expect(sentTo(CONFIGURED)).toContain(handoverCode(next.id));
    expect(await removeConsultant(admin(), consultant.id)).toEqual({ removed: false, account: null, handedBack: 0, failed: 0 });
  });
});

describe("the setup's requests to the bot", () => {
  it("push the test message to every consultant, configured or paired", async () => {
    const consultant = await pairedConsultant();
    const results = await testPush(admin());
    expect(results).toEqual([
      { lineUserId: CONFIGURED, sent: true },
      { lineUserId: consultant.id, sent: true },
    ]);
    expect(sentTo(consultant.id)).toContain("テスト送信");
  });

  it("are refused with another secret's signature or a time far from the server's", async () => {
    const forged = { ...admin(), channelSecret: "not-the-channel-secret" };
    await expect(issuePairing(forged)).rejects.toMatchObject({ status: 401 });
    const stale = rawAdminCall(admin(), "issuePairing", {}, new Date(Date.now() - 10 * 60_000));
    await expect(stale).rejects.toBeInstanceOf(AdminRequestError);
    await expect(stale).rejects.toMatchObject({ status: 400 });
    // A LINE webhook body signed the LINE way is not an admin request either.
    expect(await stack().send(text(userId(), "こんにちは"))).toBe(200);
  });
});
