/**
 * The retention sweep against the Firestore emulator: data of users who blocked the bot
 * longer ago than the retention period is deleted with everything beneath it, and with what
 * データ削除 deletes beside it (the console's notes, homework and read log, the hand-over
 * records, the sheets); users who still follow, or blocked recently, are kept.
 */
import { addDays } from "date-fns";
import { silentLogger } from "../../src/log";
import { CONSOLE_RECORDS, clientRecords } from "../../src/store/client-records";
import { HANDOVER_RECORDS } from "../../src/store/handover-record-store";
import { createFirestoreRetentionStore } from "../../src/store/retention-store";
import { SHEETS } from "../../src/store/sheet-store";
import { handoverCode } from "../../src/store/user-document";
import { deleteExpiredUsers } from "../../src/jobs/retention";
import { text, unfollow, userId } from "../helpers/events";
import { lineUser } from "../helpers/line-user";
import { useStack } from "../helpers/stack";

const OPERATOR = `U${"a1".repeat(16)}`;
const stack = useStack({ operatorLineIds: [OPERATOR] });

async function userWithEntry(id: string) {
  const user = lineUser(stack(), id);
  await user.follow();
  await user.tap("同意してはじめる");
  await user.tap("いまはじめる");
  await user.tap("3");
  await user.tap("スキップ");
  return user;
}

const exists = async (id: string) => (await stack().db.collection("users").doc(id).get()).exists;
const entries = async (id: string) => (await stack().db.collection("users").doc(id).collection("entries").get()).size;

describe("the retention sweep", () => {
  it("deletes users who blocked the bot longer ago than the period, and no one else", async () => {
    const blocked = userId();
    const following = userId();
    await userWithEntry(blocked);
    await userWithEntry(following);
    expect(await stack().send(unfollow(blocked))).toBe(200);
    expect(await entries(blocked)).toBe(1);

    const soon = await deleteExpiredUsers(createFirestoreRetentionStore(stack().db), addDays(new Date(), 364), 365, silentLogger);
    expect(soon.deleted).toBe(0);
    expect(await exists(blocked)).toBe(true);

    const later = await deleteExpiredUsers(createFirestoreRetentionStore(stack().db), addDays(new Date(), 366), 365, silentLogger);
    expect(later.deleted).toBe(1);
    expect(await exists(blocked)).toBe(false);
    expect(await entries(blocked)).toBe(0);
    expect(await exists(following)).toBe(true);
    expect(await entries(following)).toBe(1);
  });

  it("deletes the console's records and the hand-over records of a user it deletes, as データ削除 does, and no one else's", async () => {
    const blocked = userId();
    const following = userId();
    const consultant = { uid: "consultant-uid", email: "consultant@example.com" };
    for (const id of [blocked, following]) {
      const user = await userWithEntry(id);
      await user.say("シートを見る");
      await user.say("相談したい");
      await user.tap("スキップ");
      await user.tap("WILLのまとめだけ");
      await user.tap("送る");
      expect(await stack().send(text(OPERATOR, `対応 ${handoverCode(id)}`))).toBe(200);
      await clientRecords(stack().db, id).addNote("来週、面談の予定", consultant, new Date());
      await clientRecords(stack().db, id).logRead(consultant, new Date());
    }
    const console = (id: string) => stack().db.collection(CONSOLE_RECORDS).doc(id);
    const left = async (id: string) => ({
      notes: (await console(id).collection("notes").get()).size,
      reads: (await console(id).collection("reads").get()).size,
      handoverRecords: (await stack().db.collection("users").doc(id).collection(HANDOVER_RECORDS).get()).size,
      sheets: (await stack().db.collection(SHEETS).where("userId", "==", id).get()).size,
    });
    expect(await left(blocked)).toEqual({ notes: 1, reads: 1, handoverRecords: 1, sheets: 1 });
    expect(await stack().send(unfollow(blocked))).toBe(200);

    const swept = await deleteExpiredUsers(createFirestoreRetentionStore(stack().db), addDays(new Date(), 366), 365, silentLogger);
    expect(swept.deleted).toBe(1);
    expect(await exists(blocked)).toBe(false);
    expect(await left(blocked)).toEqual({ notes: 0, reads: 0, handoverRecords: 0, sheets: 0 });
    expect(await left(following)).toEqual({ notes: 1, reads: 1, handoverRecords: 1, sheets: 1 });
  });

  it("keeps everything when the period is 0", async () => {
    const blocked = userId();
    await userWithEntry(blocked);
    await stack().send(unfollow(blocked));
    expect(await deleteExpiredUsers(createFirestoreRetentionStore(stack().db), addDays(new Date(), 5000), 0, silentLogger)).toEqual({
      deleted: 0,
      cutoff: null,
    });
    expect(await exists(blocked)).toBe(true);
  });
});
