/**
 * Firestore faults: the production-wired webhook and the reminder job with their link to
 * the emulator cut (connections refused, or accepted and never answered), then restored.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import type { Firestore } from "@google-cloud/firestore";
import { answerData, commandData } from "../../src/dialogue/postback";
import { createLineGateway } from "../../src/line/client";
import { silentLogger } from "../../src/log";
import { sendDueReminders } from "../../src/jobs/reminders";
import { createFirestore } from "../../src/server";
import { createFirestoreReminderStore } from "../../src/store/reminder-store";
import { sampleState } from "../helpers/dialogue-states";
import { follow, postback, redelivered, text, userId } from "../helpers/events";
import { seedReminderUser } from "../helpers/reminder-users";
import { storedReminderAt } from "../helpers/stored-user";
import { startServerStack, type ServerStack } from "./server-stack";
import { stateIn } from "../helpers/stored-user";

jest.setTimeout(120_000);

let stack: ServerStack;
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => void unhandled.push(reason);

beforeAll(async () => {
  process.on("unhandledRejection", onUnhandled);
  stack = await startServerStack();
});
afterAll(async () => {
  process.off("unhandledRejection", onUnhandled);
  await stack.close();
});
beforeEach(() => {
  stack.link.set("up");
  stack.line.reset();
  stack.logs.length = 0;
});
afterEach(() => {
  expect(stack.line.violations()).toEqual([]);
  expect(unhandled).toEqual([]);
});

async function snapshotOf(db: Firestore, user: string) {
  const doc = await db.collection("users").doc(user).get();
  const entries = await db.collection("users").doc(user).collection("entries").get();
  return { exists: doc.exists, updateTime: doc.updateTime?.toMillis() ?? null, state: stateIn(doc) as unknown, entries: entries.size };
}

/** Runs `scripts/reminders.ts` against the link; its exit code and what it wrote to stderr. */
function runReminderScript(passAt: Date, projectId: string): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", join(__dirname, "../../scripts/reminders.ts"), "--now", passAt.toISOString()], {
    env: {
      PATH: process.env.PATH,
      METADATA_SERVER_DETECTION: "none",
      LINE_CHANNEL_ACCESS_TOKEN: stack.channelAccessToken,
      LINE_API_BASE_URL: stack.line.url,
      FIRESTORE_EMULATOR_HOST: stack.link.host,
      GOOGLE_CLOUD_PROJECT: projectId,
    },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => void (stderr += chunk.toString()));
  return new Promise((resolve) => child.once("exit", (code) => resolve({ code, stderr })));
}

async function healthz(): Promise<number> {
  return (await fetch(`${stack.origin}/healthz`)).status;
}

/** A user seeded at rest, then two steps into ありがとう記録 (the moment, how it felt), so that the next text, what they did, records an entry. */
async function userAboutToRecord(): Promise<string> {
  const user = userId();
  await stack.db
    .collection("users")
    .doc(user)
    .set({ state: sampleState("resting", new Date()), recentEventIds: [] });
  expect(await stack.send(postback(user, commandData("logThanks")))).toBe(200);
  expect(await stack.send(text(user, "後輩に段取りを教えたら感謝された"))).toBe(200);
  expect(await stack.send(text(user, "うれしかった"))).toBe(200);
  stack.line.reset();
  return user;
}

describe.each(["refuse", "blackhole"] as const)("with the Firestore link in %s mode", (mode) => {
  it("answers 500 so LINE redelivers, writes nothing, stays up, and handles the redelivery exactly once", async () => {
    const user = await userAboutToRecord();
    const before = await snapshotOf(stack.db, user);
    const deed = text(user, "段取りを図にして渡しました");

    stack.link.set(mode);
    expect(await stack.send(deed)).toBe(500);
    expect(await healthz()).toBe(200);
    expect(await snapshotOf(stack.db, user)).toEqual(before);
    expect(stack.line.sent()).toEqual([]);
    await stack.flushLogs();
    const failure = stack.logs.map((line) => JSON.parse(line) as Record<string, unknown>).find((line) => line.message === "event failed");
    expect(failure).toMatchObject({ severity: "ERROR", eventId: deed.webhookEventId });

    stack.link.set("up");
    expect(await stack.send(redelivered(deed))).toBe(200);
    const after = await snapshotOf(stack.db, user);
    expect(after.entries).toBe(before.entries + 1);
    expect(stack.line.sent()).toHaveLength(1);

    expect(await stack.send(redelivered(deed))).toBe(200);
    expect(await snapshotOf(stack.db, user)).toEqual(after);
    expect(stack.line.sent()).toHaveLength(1);
  });

  it("answers a new friend's follow with 500 while down and greets them once after recovery", async () => {
    const user = userId();
    const hello = follow(user);

    stack.link.set(mode);
    const statuses = await Promise.all([stack.send(hello), stack.send(postback(userId(), answerData("consent", "agree")))]);
    expect(statuses).toEqual([500, 500]);
    expect((await snapshotOf(stack.db, user)).exists).toBe(false);

    stack.link.set("up");
    expect(await stack.send(redelivered(hello))).toBe(200);
    expect(await stack.send(redelivered(hello))).toBe(200);
    expect((await snapshotOf(stack.db, user)).exists).toBe(true);
    expect(stack.line.sent().filter((batch) => batch.kind === "reply")).toHaveLength(1);
  });
});

describe.each(["refuse", "blackhole"] as const)("the reminder job with the Firestore link in %s mode", (mode) => {
  it("ends its pass within 60 s with a clear log line, sends nothing, and the next pass sends what was due, once", async () => {
    // A project of its own: no other user is due in it, and no transaction an earlier test
    // abandoned in the black hole holds a document of it (the emulator keeps such a lock until
    // it expires the transaction, which a wipe of the shared project would have to wait out).
    const projectId = `demo-${randomBytes(4).toString("hex")}`;
    const seeded = createFirestore({ projectId, firestoreEmulatorHost: stack.emulatorHost });
    const users = [userId(), userId()];
    const slot = new Date("2026-11-29T11:00:00.000Z");
    for (const user of users) await seedReminderUser(seeded, user, { kind: "weekly", weekdays: [0], time: "20:00" }, slot);
    // Through the link, like the app. The client gives FIRESTORE_EMULATOR_HOST precedence
    // over its settings, so the variable names the proxy while the client is created.
    const direct = process.env.FIRESTORE_EMULATOR_HOST;
    process.env.FIRESTORE_EMULATOR_HOST = stack.link.host;
    const db = createFirestore({ projectId, firestoreEmulatorHost: stack.link.host });
    process.env.FIRESTORE_EMULATOR_HOST = direct;
    const logged: { message: string; fields: Record<string, unknown> }[] = [];
    const deps = {
      // The production store, with its per-call deadline (JOB_CALL_DEADLINE_MS).
      store: createFirestoreReminderStore(db),
      line: createLineGateway({ channelAccessToken: stack.channelAccessToken, baseURL: stack.line.url }),
      log: { ...silentLogger, error: (message: string, fields = {}) => void logged.push({ message, fields }) },
      sleep: async () => {},
    };
    const passAt = new Date("2026-11-29T20:01:00+09:00");
    try {
      stack.link.set(mode);
      const started = Date.now();
      if (mode === "refuse") {
        const down = await sendDueReminders(passAt, deps).then(
          () => null,
          (error: unknown) => error,
        );
        expect(down).toBeInstanceOf(Error);
        expect(logged.find(({ message }) => message === "reminder pass stopped")).toMatchObject({ fields: { sent: 0 } });
      } else {
        // `npm run reminders` as an operator runs it. In its own process, since a client
        // left with calls in a black hole keeps retry timers that would outlive this file.
        const script = await runReminderScript(passAt, projectId);
        expect(script.code).toBe(1);
        expect(script.stderr).toContain('"message":"reminder pass stopped"');
        expect(script.stderr).toContain("did not finish within");
      }
      expect(Date.now() - started).toBeLessThan(60_000);
      expect(stack.line.sent()).toEqual([]);
      for (const user of users) expect(storedReminderAt(await seeded.collection("users").doc(user).get())).toBe(slot.toISOString());

      // The host comes back and resets the connections it held.
      stack.link.set("refuse");
      stack.link.set("up");
      expect(await sendDueReminders(passAt, deps)).toMatchObject({ due: 2, sent: 2, failed: 0 });
      expect(
        stack.line
          .sent()
          .flatMap((batch) => batch.to)
          .sort(),
      ).toEqual([...users].sort());
      expect(await sendDueReminders(passAt, deps)).toMatchObject({ due: 0, sent: 0 });
    } finally {
      await db.terminate();
      await seeded.terminate();
    }
  });
});
