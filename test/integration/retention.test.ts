/**
 * The retention sweep against the Firestore emulator: data of users who blocked the bot
 * longer ago than the retention period is deleted with everything beneath it; users who
 * still follow, or blocked recently, are kept.
 */
import { addDays } from "date-fns";
import { silentLogger } from "../../src/log";
import { createFirestoreRetentionStore } from "../../src/store/retention-store";
import { deleteExpiredUsers } from "../../src/jobs/retention";
import { unfollow, userId } from "../helpers/events";
import { lineUser } from "../helpers/line-user";
import { useStack } from "../helpers/stack";

const stack = useStack();

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
