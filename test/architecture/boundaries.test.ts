import { execFile } from "node:child_process";
import { mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { promisify } from "node:util";
import type { Violation } from "./cruise.mts";

const root = resolve(__dirname, "../..");

/** What `cruise.mts` prints. */
interface CruiseReport {
  modules: number;
  violations: Violation[];
}

/** Applies the repository's `.dependency-cruiser.cjs` to `paths` of the tree at `baseDir`. */
async function cruise(baseDir: string, paths: string[]): Promise<CruiseReport> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ["--import", "tsx", join(root, "test/architecture/cruise.mts"), baseDir, ...paths],
    { cwd: root },
  );
  return JSON.parse(stdout) as CruiseReport;
}

/**
 * A small tree laid out like the real one: every layer with a sound import, and then one
 * file per deliberate violation. Each entry of {@link expected} names the rule that must
 * report it.
 */
const fixture: Record<string, string> = {
  "src/model/entry.ts": "export interface Entry { text: string }\n",
  "src/calendar/schedule.ts":
    'import { addDays } from "date-fns";\nimport type { Entry } from "../model/entry";\nexport const later = (entry: Entry) => [entry, addDays(0, 1)];\n',
  "src/insights/words.ts": 'import { later } from "../calendar/schedule";\nexport const words = later;\n',
  "src/dialogue/session.ts": 'import { words } from "../insights/words";\nexport const session = words;\n',
  "src/dialogue/index.ts": 'export { session } from "./session";\n',
  "src/store/user-store.ts": 'import { session } from "../dialogue";\nexport const store = session;\n',
  "src/log.ts": 'import { randomUUID } from "node:crypto";\nexport const log = randomUUID;\n',
  "src/app.ts":
    'import express from "express";\nimport { store } from "./store/user-store";\nimport { log } from "./log";\nexport const app = [express, store, log];\n',
  "src/server.ts": 'import { app } from "./app";\nexport const server = app;\n',
  "functions/src/index.ts": 'import { server } from "../../src/server";\nexport const webhook = server;\n',

  "src/dialogue/uses-express.ts": 'import express from "express";\nexport const e = express;\n',
  "src/dialogue/uses-crypto.ts": 'import { randomUUID } from "node:crypto";\nexport const id = randomUUID;\n',
  "src/store/reaches-in.ts": 'import { session } from "../dialogue/session";\nexport const s = session;\n',
  "src/line/ping.ts": 'import { pong } from "./pong";\nexport const ping = () => pong;\n',
  "src/line/pong.ts": 'import { ping } from "./ping";\nexport const pong = () => ping;\n',
  "src/calendar/back-edge.ts": 'import { words } from "../insights/words";\nexport const w = words;\n',
  "src/line/uses-store.ts": 'import { store } from "../store/user-store";\nexport const s = store;\n',
  "src/jobs/uses-app.ts": 'import { app } from "../app";\nexport const a = app;\n',
  "src/errors.ts": "export class AppError extends Error {}\n",
  "src/handle-events.ts": 'import { AppError } from "./errors";\nexport const e = AppError;\n',
  "functions/src/reaches-store.ts": 'import { store } from "../../src/store/user-store";\nexport const s = store;\n',
};

/**
 * Every violation the fixture holds, by the rule that must name it (and nothing else). A
 * cycle is reported once, at the edge where dependency-cruiser first closes it.
 */
const expected: Violation[] = [
  { rule: "pure-only-date-packages", from: "src/dialogue/uses-express.ts", to: "express" },
  { rule: "pure-no-node-core", from: "src/dialogue/uses-crypto.ts", to: "crypto" },
  { rule: "dialogue-only-through-its-index", from: "src/store/reaches-in.ts", to: "src/dialogue/session.ts" },
  { rule: "no-circular", from: "src/line/ping.ts", to: "src/line/pong.ts" },
  { rule: "calendar-only-model", from: "src/calendar/back-edge.ts", to: "src/insights/words.ts" },
  { rule: "line-is-an-adapter", from: "src/line/uses-store.ts", to: "src/store/user-store.ts" },
  { rule: "jobs-not-sibling-composers", from: "src/jobs/uses-app.ts", to: "src/app.ts" },
  { rule: "src-module-has-a-layer", from: "src/handle-events.ts", to: "src/errors.ts" },
  { rule: "functions-only-wire", from: "functions/src/reaches-store.ts", to: "src/store/user-store.ts" },
];

/** Sorts violations so that two lists compare regardless of the order they were found in. */
function sorted(violations: Violation[]): Violation[] {
  const key = (v: Violation) => `${v.rule} ${v.from} ${v.to}`;
  return [...violations].sort((a, b) => key(a).localeCompare(key(b)));
}

/** The package part of a resolved path (`…/node_modules/express/index.js` → `express`). */
function shortTarget(to: string): string {
  const inPackage = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(to);
  return inPackage?.[1] ?? to;
}

let realTree: CruiseReport;
let fixtureTree: CruiseReport;
let fixtureDir: string;

beforeAll(async () => {
  fixtureDir = await mkdtemp(join(tmpdir(), "will-note-boundaries-"));
  for (const [path, text] of Object.entries(fixture)) {
    await mkdir(dirname(join(fixtureDir, path)), { recursive: true });
    await writeFile(join(fixtureDir, path), text);
  }
  // The fixture's packages (date-fns, express) resolve to the repository's own install.
  await symlink(join(root, "node_modules"), join(fixtureDir, "node_modules"), "dir");
  [realTree, fixtureTree] = await Promise.all([
    cruise(root, ["src", "functions/src", "scripts", "bench", "test"]),
    cruise(fixtureDir, ["src", "functions/src"]),
  ]);
}, 60_000);

afterAll(async () => {
  await rm(fixtureDir, { recursive: true, force: true });
});

describe("the import boundaries (.dependency-cruiser.cjs)", () => {
  test("the repository's tree breaks no rule", () => {
    expect(realTree.modules).toBeGreaterThan(100);
    expect(realTree.violations).toEqual([]);
  });

  test("each deliberate violation in a fixture tree is reported by the rule that forbids it, and nothing else is", () => {
    const found = fixtureTree.violations.map((v) => ({ ...v, to: shortTarget(v.to) }));
    expect(sorted(found)).toEqual(sorted(expected));
  });
});
