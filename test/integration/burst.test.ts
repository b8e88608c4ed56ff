/**
 * Messages in a row over real HTTP with real signatures, through the production wiring (the
 * per-user turn queue over the Firestore emulator, the LINE API stand-in): a filler, an answer
 * and its correction sent as three requests at once leave exactly the corrected answer stored.
 */
import { answerData, commandData } from "../../src/dialogue/postback";
import { readEntry } from "../../src/store/user-store";
import { follow, postback, text, userId } from "../helpers/events";
import { useStack } from "../helpers/stack";
import { stateIn } from "../helpers/stored-user";

const stack = useStack();

/** The dialogue state stored for `user`. */
async function storedState(user: string): Promise<Record<string, unknown>> {
  const snapshot = await stack().db.collection("users").doc(user).get();
  return stateIn(snapshot) as unknown as Record<string, unknown>;
}

/** Every entry stored under `user`. */
async function storedEntries(user: string): Promise<unknown[]> {
  const snapshot = await stack().db.collection("users").doc(user).collection("entries").get();
  return snapshot.docs.map((doc) => readEntry(doc.data()));
}

/** `texts` typed by `user` in a row, 300 ms apart by LINE's timestamps, each in its own request, all sent at once. */
async function sendAtOnce(user: string, texts: readonly string[]): Promise<number[]> {
  const start = Date.now();
  return Promise.all(texts.map((said, index) => stack().send({ ...text(user, said), timestamp: start + index * 300 })));
}

/** The texts of the messages `user` was sent. */
function textsTo(user: string): string[] {
  return stack()
    .messagesTo(user)
    .map((message) => (message as { text?: string }).text ?? "");
}

describe("messages in a row", () => {
  it("a filler, an answer and its correction sent at once leave exactly the corrected もやもや stored", async () => {
    const user = userId();
    await stack().send(follow(user));
    await stack().send(postback(user, answerData("consent", "agree")));
    await stack().send(postback(user, answerData("start", "now")));
    await stack().send(postback(user, answerData("score", "3")));
    stack().line.reset();

    const statuses = await sendAtOnce(user, [
      "えっと",
      "仕様が毎週変わって、終わりが見えないです",
      "すみません、さっきのは間違いです。正しくは、会議が多くて自分の作業が進まないことです",
    ]);

    expect(statuses).toEqual([200, 200, 200]);
    expect(await storedState(user)).toMatchObject({ step: { type: "awaitingThanksMoment" }, draft: { workScore: 3, moments: [] } });
    expect(await storedEntries(user)).toEqual([
      expect.objectContaining({ kind: "workScore", score: 3, note: "会議が多くて自分の作業が進まないことです" }),
    ]);
    expect(textsTo(user).some((said) => said.includes("「会議が多くて自分の作業が進まないこと」に直しました。"))).toBe(true);
  });

  it("the check-in's 「えっと」「3くらいですかね」「いや、やっぱり2です」 keeps 2, and nothing is stored as a ありがとう", async () => {
    const user = userId();
    await stack().send(follow(user));
    await stack().send(postback(user, answerData("consent", "agree")));
    await stack().send(postback(user, answerData("start", "later")));
    await stack().send(postback(user, commandData("reflect")));
    stack().line.reset();

    await sendAtOnce(user, ["えっと", "3くらいですかね", "いや、やっぱり2です"]);

    expect(await storedState(user)).toMatchObject({ step: { type: "reflectingThanks" }, reflection: { score: 2, thanks: false } });
    expect(await storedEntries(user)).toEqual([]);
    expect(textsTo(user)).toContain("やりがい度を2に直しました。");
    expect(textsTo(user).filter((said) => said.includes("5段階"))).toEqual([]);
  });
});
