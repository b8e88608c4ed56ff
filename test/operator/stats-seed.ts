/**
 * For the `npm run stats` tests: a Firestore emulator project and a LINE stand-in of their
 * own, and users with entries written the way the webhook stores them.
 */
import { randomBytes } from "node:crypto";
import { Timestamp, type Firestore } from "@google-cloud/firestore";
import type { NewEntry } from "../../src/model/entry";
import type { UserState } from "../../src/dialogue/state";
import { createFirestore } from "../../src/server";
import { stateFields } from "../../src/store/user-document";
import { ENTRIES, USERS } from "../../src/store/firestore-store";
import { startLineStandIn, type LineStandIn } from "../../scripts/lib/line-stand-in";
import type { StatsConfig } from "../../src/config";
import { sampleState, type StepType } from "../helpers/dialogue-states";
import { userId } from "../helpers/events";

/** A user to seed: the stored state, when the document was last written, and the entries. */
export interface SeedUser {
  id: string;
  state: UserState;
  updatedAt: Date;
  entries: NewEntry[];
}

/** An emulator project and a LINE stand-in for one test file. */
export interface StatsFixture {
  db: Firestore;
  line: LineStandIn;
  /** The configuration `npm run stats` would read for them, token included. */
  config: StatsConfig;
  /** The same as environment variables, for running the command as a child process. */
  env: Record<string, string>;
  close(): Promise<void>;
}

/** Starts a {@link StatsFixture}; the jest global setup provides the emulator. */
export async function startStatsFixture(): Promise<StatsFixture> {
  const host = process.env.FIRESTORE_EMULATOR_HOST;
  if (!host) throw new Error("FIRESTORE_EMULATOR_HOST is not set: the jest global setup starts the emulator.");
  const projectId = `demo-stats-${randomBytes(4).toString("hex")}`;
  const token = randomBytes(24).toString("hex");
  const line = await startLineStandIn({ channelAccessToken: token });
  const db = createFirestore({ projectId, firestoreEmulatorHost: host });
  return {
    db,
    line,
    config: { projectId, firestoreEmulatorHost: host, lineApiBaseUrl: line.url, lineChannelAccessToken: token },
    env: { GOOGLE_CLOUD_PROJECT: projectId, FIRESTORE_EMULATOR_HOST: host, LINE_API_BASE_URL: line.url, LINE_CHANNEL_ACCESS_TOKEN: token },
    async close() {
      await db.terminate();
      await line.close();
    },
  };
}

/**
 * Writes `users` as the webhook does: `users/{id}` with the state, and one document per
 * entry. Every other user is written in the old document shape (the state as a nested
 * map), which the report still reads.
 */
export async function seedUsers(db: Firestore, users: readonly SeedUser[]): Promise<void> {
  const writes = users.flatMap((user, index) => {
    const ref = db.collection(USERS).doc(user.id);
    const nextAt = user.state.profile.reminder?.nextAt ?? null;
    const legacy = {
      state: user.state,
      nextReminderAt: nextAt === null ? null : Timestamp.fromDate(new Date(nextAt)),
      updatedAt: user.updatedAt,
    };
    return [
      {
        ref,
        data: index % 2 === 1 ? { ...legacy, recentEventIds: [] } : { ...stateFields(user.state, user.updatedAt), recentEvents: "" },
      },
      ...user.entries.map((entry) => ({
        ref: ref.collection(ENTRIES).doc(randomBytes(10).toString("hex")),
        data: { ...entry, createdAt: new Date(entry.at) },
      })),
    ];
  });
  for (let i = 0; i < writes.length; i += 400) {
    const batch = db.batch();
    for (const { ref, data } of writes.slice(i, i + 400)) batch.set(ref, data);
    await batch.commit();
  }
}

/** An entry of `kind` at `at`, with texts that must never reach the report. */
export function seedEntry(kind: NewEntry["kind"], at: Date, marker: string): NewEntry {
  const iso = at.toISOString();
  if (kind === "thanks")
    return {
      kind,
      text: `${marker} 同僚に手順書を渡したら感謝された`,
      source: "thanked",
      feeling: `${marker} うれしい`,
      deed: `${marker} 手順書を書いた`,
      at: iso,
    };
  if (kind === "workScore") return { kind, score: 3, note: `${marker} 会議が多くてもやもや`, at: iso };
  if (kind === "step")
    return {
      kind,
      action: `${marker} 友人の相談にのる`,
      due: "2026-11-29",
      status: "done",
      feeling: `${marker} 楽しかった`,
      reaction: null,
      at: iso,
    };
  if (kind === "homework")
    return {
      kind,
      homeworkId: `hw${iso.replace(/\D/g, "")}`,
      askKind: "question",
      ask: `${marker} 最近うれしかったことは？`,
      askedAt: iso,
      answer: `${marker} 後輩に感謝された`,
      at: iso,
    };
  return { kind, score: 4, thanks: true, actionStatus: "done", willLink: "yes", at: iso };
}

const DAY_MS = 86_400_000;

/**
 * A realistic group of `size` users for the screenshot: most finished the first session over
 * the last twelve weeks and reflect most weeks, the rest stopped at each stage along the way.
 * Deterministic: the same `now` and `size` give the same users apart from their ids.
 */
export function sampleCohort(now: Date, size: number): SeedUser[] {
  let seed = 7;
  const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
  const stopped: StepType[] = [
    "awaitingConsent",
    "declined",
    "awaitingStartChoice",
    "awaitingWorkScore",
    "awaitingThanksFeeling",
    "awaitingMoreMoments",
    "awaitingValues",
    "awaitingWillReview",
    "awaitingAction",
    "awaitingReminder",
  ];
  return Array.from({ length: size }, (_, i) => {
    const joinedDaysAgo = Math.floor(random() * 84);
    const completed = random() < 0.55;
    const step: StepType = completed ? "resting" : stopped[Math.floor(random() * stopped.length)];
    const base = sampleState(step, now);
    const lastActive = new Date(now.getTime() - Math.floor(random() * Math.min(joinedDaysAgo + 1, 30)) * DAY_MS - 3_600_000);
    const state: UserState = {
      ...base,
      lastActiveAt: base.consent.status === "given" ? lastActive.toISOString() : null,
      profile: completed && random() < 0.25 ? { ...base.profile, reminder: null } : base.profile,
    };
    const entries: NewEntry[] = [];
    if (completed) {
      for (let daysAgo = joinedDaysAgo; daysAgo >= 0 && entries.length < 40; daysAgo -= 7) {
        const at = new Date(now.getTime() - daysAgo * DAY_MS - 2 * 3_600_000);
        if (random() < 0.6) entries.push(seedEntry("checkin", at, `seed${i}`));
        for (let t = Math.floor(random() * 3); t > 0; t -= 1) entries.push(seedEntry("thanks", at, `seed${i}`));
      }
    }
    return { id: userId(), state, updatedAt: lastActive, entries };
  });
}
