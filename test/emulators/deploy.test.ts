/**
 * `npm run test:deploy`: the built deploy unit in Firebase's own emulators (Functions,
 * Firestore, Cloud Tasks), with the LINE stand-in in place of LINE. A signed webhook reaches
 * the emulated `webhook` function and its reply reaches the stand-in; one run of the
 * scheduled `reminders` function (fan-out) plans a shard on the Tasks emulator, which
 * dispatches it to `reminderShard`, whose push reaches the stand-in; the functions' region,
 * secrets and memory are what docs/deploy.md says; a client's sheet is kept in the emulated
 * Firestore and served by the emulated webhook from its link, until the user deletes their
 * data. Not part of `npm test` (it needs Java and takes about a minute); `.ci/run` runs it
 * after `npm test`.
 */
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { buildFunctions } from "../../scripts/build-functions";
import {
  EMULATOR_PORTS,
  EMULATOR_PROJECT,
  startFirebaseEmulators,
  type RunningFirebaseEmulators,
} from "../../scripts/lib/firebase-emulators";
import { startLineStandIn, type LineStandIn } from "../../scripts/lib/line-stand-in";
import { createFirestore } from "../../src/server";
import { answerData } from "../../src/dialogue/postback";
import { checkImageFile } from "../../src/line/image-limits";
import { createFirestoreStore } from "../../src/store/firestore-store";
import { follow, postback, text, userId } from "../helpers/events";
import { heavyEntries, heavyState, HEAVY_WILL } from "../helpers/sheet-user";
import { seedReminderUser } from "../helpers/reminder-users";
import { postEvents } from "../helpers/webhook";

const WEBHOOK_URL = `http://127.0.0.1:${EMULATOR_PORTS.functions}/${EMULATOR_PROJECT}/asia-northeast1/webhook`;
const channelSecret = randomBytes(16).toString("hex");
const channelAccessToken = randomBytes(16).toString("hex");
let line: LineStandIn;
let emulators: RunningFirebaseEmulators;

beforeAll(async () => {
  await buildFunctions();
  line = await startLineStandIn({ channelAccessToken, channelSecret });
  emulators = await startFirebaseEmulators({
    lineApiBaseUrl: line.url,
    channelSecret,
    channelAccessToken,
    // The sheets' links lead to the emulated webhook function, which renders them on request.
    env: { REMINDER_DELIVERY: "fanout", QUIET_HOURS: "off", PUBLIC_URL: WEBHOOK_URL },
  });
}, 150_000);

afterAll(async () => {
  await emulators?.stop();
  await line?.close();
}, 30_000);

/** Resolves once `found` holds for what the stand-in has sent; rejects after `ms`. */
async function sentWithin(ms: number, found: () => boolean): Promise<void> {
  const until = Date.now() + ms;
  while (!found()) {
    if (Date.now() > until) throw new Error(`Nothing arrived at the LINE stand-in within ${ms} ms:\n${emulators.output().slice(-3000)}`);
    await new Promise((done) => setTimeout(done, 200));
  }
}

describe("the deploy unit in the Firebase emulators", () => {
  it("answers a signed webhook from the emulated function, and the reply reaches LINE", async () => {
    const user = userId();
    const status = await postEvents(emulators.functionUrl("webhook"), channelSecret, [follow(user)]);
    expect({ status, log: status === 200 ? "" : emulators.output().slice(-4000) }).toEqual({ status: 200, log: "" });
    await sentWithin(20_000, () => line.sent().some((batch) => batch.kind === "reply"));
  });

  it("refuses a webhook signed with another secret", async () => {
    expect(await postEvents(emulators.functionUrl("webhook"), "not-the-secret", [follow(userId())])).toBe(401);
  });

  it("fans a due reminder out through the Tasks emulator: one run plans a shard and its push reaches LINE", async () => {
    const db = createFirestore({ projectId: EMULATOR_PROJECT, firestoreEmulatorHost: `127.0.0.1:${EMULATOR_PORTS.firestore}` });
    const user = userId();
    const tick = Math.floor(Date.now() / 300_000) * 300_000;
    await seedReminderUser(db, user, { kind: "daily", time: "00:00" }, new Date(tick - 60_000));
    await db.terminate();

    await emulators.runScheduled("reminders");

    await sentWithin(30_000, () => line.sent().some((batch) => batch.kind === "push" && batch.to.includes(user)));
    expect(emulators.output()).toContain('"message":"reminder plan"');
    // With FOLLOW_UPS on (the default), the same run sweeps the follow-ups once after planning.
    expect(emulators.output()).toContain('"message":"follow-up pass"');
    expect(line.sent().filter((batch) => batch.kind === "push" && batch.to.includes(user))).toHaveLength(1);
  });

  it("serves a client's sheet from the emulated webhook, behind its link, until the user deletes their data", async () => {
    const db = createFirestore({ projectId: EMULATOR_PROJECT, firestoreEmulatorHost: `127.0.0.1:${EMULATOR_PORTS.firestore}` });
    const user = userId();
    const entries = heavyEntries().map((entry, i) => ({ id: `seed-${i}`, entry }));
    await createFirestoreStore(db).runTurn(user, () => ({ write: { state: heavyState(), recentEventIds: [], entries }, result: null }));

    expect(await postEvents(emulators.functionUrl("webhook"), channelSecret, [text(user, "シートを見る")])).toBe(200);
    const image = () =>
      line
        .sent()
        .flatMap((batch) => batch.messages as { type: string; originalContentUrl?: string }[])
        .find((message) => message.type === "image" && message.originalContentUrl?.startsWith(WEBHOOK_URL));
    await sentWithin(20_000, () => image() !== undefined);
    const pageUrl = (image()?.originalContentUrl ?? "").replace(/\/sheet\.png$/, "");

    const page = await fetch(pageUrl);
    expect({ status: page.status, log: page.status === 200 ? "" : emulators.output().slice(-3000) }).toEqual({ status: 200, log: "" });
    expect(await page.text()).toContain(HEAVY_WILL);
    const png = await fetch(`${pageUrl}/sheet.png`);
    expect(png.headers.get("content-type")).toBe("image/png");
    expect(checkImageFile(Buffer.from(await png.arrayBuffer()), "original")).toEqual([]);
    expect((await fetch(`${WEBHOOK_URL}/sheet-fonts/biz-udpgothic-400.ttf`)).status).toBe(200);

    await postEvents(emulators.functionUrl("webhook"), channelSecret, [text(user, "データ削除")]);
    await postEvents(emulators.functionUrl("webhook"), channelSecret, [postback(user, answerData("del", "yes"))]);
    expect((await fetch(pageUrl)).status).toBe(404);
    await db.terminate();
  });

  it("deploys each function with the region, secrets and memory docs/deploy.md gives", async () => {
    const response = await fetch(`http://127.0.0.1:${EMULATOR_PORTS.functions}/backends`);
    const { backends } = (await response.json()) as {
      backends: {
        functionTriggers: { name: string; region: string; availableMemoryMb?: number; secretEnvironmentVariables?: { key: string }[] }[];
      }[];
    };
    const triggers = new Map(backends.flatMap((backend) => backend.functionTriggers).map((trigger) => [trigger.name, trigger]));
    const docs = readFileSync(join(__dirname, "..", "..", "docs", "deploy.md"), "utf8");
    const expected = {
      webhook: { memory: 256, secrets: ["LINE_CHANNEL_ACCESS_TOKEN", "LINE_CHANNEL_SECRET"] },
      reminders: { memory: 512, secrets: ["LINE_CHANNEL_ACCESS_TOKEN"] },
      reminderShard: { memory: 512, secrets: ["LINE_CHANNEL_ACCESS_TOKEN"] },
      retention: { memory: 256, secrets: [] },
      consoleApi: { memory: 256, secrets: ["LINE_CHANNEL_ACCESS_TOKEN"] },
    };
    for (const [name, { memory, secrets }] of Object.entries(expected)) {
      const trigger = triggers.get(name);
      expect({ name, region: trigger?.region }).toEqual({ name, region: "asia-northeast1" });
      expect({ name, memory: trigger?.availableMemoryMb }).toEqual({ name, memory });
      expect({ name, secrets: (trigger?.secretEnvironmentVariables ?? []).map((secret) => secret.key).sort() }).toEqual({ name, secrets });
      expect(docs).toMatch(new RegExp(`\`${name}\`[^\\n]*${memory} MiB`));
    }
    expect(docs).toContain("asia-northeast1");
  });
});
