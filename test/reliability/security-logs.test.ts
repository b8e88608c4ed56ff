/**
 * Security: the logs of a whole session (first session, records, hand-off, データ削除)
 * carry ids, steps and timings but no user text, display name, raw LINE user id, secret or
 * token; データ削除 leaves no document of the user anywhere in the database; the secret and
 * token come only from the environment or Secret Manager and configuration errors never
 * echo them.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import type { CollectionReference, Firestore } from "@google-cloud/firestore";
import { loadConfig } from "../../src/config";
import { lineUser } from "../helpers/line-user";
import { useStack } from "../helpers/stack";
import { userId } from "../helpers/events";

const OPERATOR = `U${"b".repeat(32)}`;
const stack = useStack({ operatorLineIds: [OPERATOR], bookingUrl: "https://example.com/booking" });
const ROOT = join(__dirname, "..", "..");
const DISPLAY_NAME = "佐藤みのり";
const SAID = [
  "上司の評価ばかり気にして疲れています",
  "新人の資料づくりを手伝ったら、ありがとうと言われた",
  "一緒に目次を考えて、話す順番を整えた",
  "母の引っ越しを手伝ったら涙ぐんで感謝された",
  "ほっとして誇らしい気持ち",
  "転職に迷う人の話をじっくり聴くこと",
  "いまの部署で続けるか異動を願い出るか迷っています",
];

async function firstSessionThenMore(id: string): Promise<void> {
  const user = lineUser(stack(), id);
  await user.follow();
  await user.tap("同意してはじめる");
  await user.tap("いまはじめる");
  await user.tap("2");
  await user.say(SAID[0]);
  await user.say(SAID[1]);
  await user.tap("うれしかった");
  await user.say(SAID[2]);
  await user.tap("もう一つ");
  await user.tap("思いつかない");
  await user.tap("日常の小さなこと");
  await user.say(SAID[3]);
  await user.say(SAID[4]);
  await user.tap("スキップ");
  await user.tap("次へ");
  await user.tap("誰かの成長を支える");
  await user.tap("決定");
  await user.tap("学生・若い人");
  await user.say(SAID[5]);
  await user.tap("①にする");
  await user.tap("友人の自己分析を手伝う");
  await user.tap("今週中");
  await user.tap("毎週 日曜 20:00");
  await user.say("記録を見る");
  await user.say("相談したい");
  await user.say(SAID[6]);
  await user.tap("最近の記録も");
  await user.tap("送る");
  await user.say("データ削除");
  await user.tap("削除する");
}

/** Every document path in the database, existing or only holding subcollections. */
async function allDocumentPaths(db: Firestore): Promise<string[]> {
  const paths: string[] = [];
  const walk = async (collections: CollectionReference[]): Promise<void> => {
    for (const collection of collections) {
      for (const doc of await collection.listDocuments()) {
        paths.push(doc.path);
        await walk(await doc.listCollections());
      }
    }
  };
  await walk(await db.listCollections());
  return paths;
}

describe("a whole session", () => {
  it("logs ids, steps and timings, never the user's words, name, id, the secret or the token", async () => {
    const id = userId();
    stack().line.setProfile(id, { displayName: DISPLAY_NAME });

    await firstSessionThenMore(id);

    const logs = stack().logs;
    const serialized = JSON.stringify(logs);
    expect(logs.length).toBeGreaterThan(25);
    for (const secret of [...SAID, DISPLAY_NAME, id, OPERATOR, stack().channelSecret, stack().channelAccessToken]) {
      expect(serialized).not.toContain(secret);
    }
    const handled = logs.filter((line) => line.message === "event handled");
    expect(handled.length).toBeGreaterThan(25);
    for (const line of handled) {
      expect(line.fields).toMatchObject({
        eventId: expect.any(String),
        user: expect.stringMatching(/^[0-9a-f]{12}$/),
        from: expect.any(String),
        to: expect.any(String),
        ms: expect.any(Number),
      });
    }
    expect(
      stack()
        .line.sent()
        .some((batch) => batch.kind === "push" && batch.to.includes(OPERATOR)),
    ).toBe(true);
  });

  it("ends with データ削除 leaving no document of the user anywhere, and other users untouched", async () => {
    const id = userId();
    const other = lineUser(stack(), userId());
    await other.follow();
    await other.tap("同意してはじめる");

    await firstSessionThenMore(id);

    const paths = await allDocumentPaths(stack().db);
    expect(paths).toContain(`users/${other.id}`);
    expect(paths.filter((path) => path.includes(id))).toEqual([]);
    const everything = await Promise.all(paths.map(async (path) => JSON.stringify((await stack().db.doc(path).get()).data() ?? {})));
    for (const words of SAID) expect(everything.join("\n")).not.toContain(words);
  });
});

describe("the channel secret and access token", () => {
  function sourceFiles(dir: string): string[] {
    return readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith(".ts") ? [path] : [];
    });
  }

  it("are read from the environment only by the config module, and deployed from Secret Manager", () => {
    const readers = [...sourceFiles(join(ROOT, "src")), ...sourceFiles(join(ROOT, "functions", "src"))]
      .filter((path) => /env(\.|\[["'])LINE_CHANNEL_(SECRET|ACCESS_TOKEN)/.test(readFileSync(path, "utf8")))
      .map((path) => relative(ROOT, path));
    expect(readers).toEqual(["src/config.ts"]);
    const entry = readFileSync(join(ROOT, "functions", "src", "index.ts"), "utf8");
    expect(entry).toMatch(/defineSecret\("LINE_CHANNEL_SECRET"/);
    expect(entry).toMatch(/defineSecret\("LINE_CHANNEL_ACCESS_TOKEN"/);
  });

  it("never appear in a configuration error", () => {
    const secret = "s3cr3t-value-that-must-not-leak";
    const token = "t0ken-value-that-must-not-leak";
    let message = "";
    try {
      loadConfig({
        LINE_CHANNEL_SECRET: secret,
        LINE_CHANNEL_ACCESS_TOKEN: token,
        PORT: "not a port",
        LINE_API_BASE_URL: "ftp://x",
        BOOKING_URL: "http://x",
      });
    } catch (error) {
      message = String(error);
    }
    expect(message).toContain("PORT");
    expect(message).not.toContain(secret);
    expect(message).not.toContain(token);
  });
});
