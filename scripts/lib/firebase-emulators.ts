/**
 * Firebase's own emulators (Functions, Firestore, Cloud Tasks, Authentication and Hosting) on
 * the built deploy unit and the built console page (`npm run build`), offline, with LINE's API
 * pointed at a local stand-in. Used by `npm run emulators` and `npm run test:deploy`. The
 * Functions emulator points firebase-admin in the functions at the Auth emulator itself.
 *
 * firebase-tools 14.27 (pinned: 15 needs Java 21) runs them on Java 17 when the project id is
 * a `demo-` one, `npm_config_offline` is set (else it waits on the registry), and
 * FIRESTORE_EMULATOR_BINARY_PATH names a JAR `java -jar` can start: the Google Cloud CLI's
 * emulator JAR has no Main-Class, so a launcher JAR whose manifest names the class and puts
 * the real JAR on its Class-Path is written under `.local/emulators/` (firebase-tools chmods
 * that path, so it must be a file the project owns).
 *
 * The functions read their settings from `functions/.env.local` and their secrets from
 * `functions/.secret.local`, which only the emulator reads: firebase.json's `ignore` keeps
 * `*.local` out of every deploy, and git ignores both.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { crc32 } from "node:zlib";
import { EmulatorError, findEmulatorJar } from "./firestore-emulator";

const ROOT = resolve(__dirname, "..", "..");
const FUNCTIONS_DIR = join(ROOT, "functions");
/** The project id: `demo-` keeps every emulator offline and every real service out of reach. */
export const EMULATOR_PROJECT = "demo-will-note";
/** Ports, as firebase.json sets them. */
export const EMULATOR_PORTS = { functions: 5001, firestore: 8086, tasks: 9499, auth: 9099, hosting: 5002 } as const;
/** The emulators started, in firebase-tools' `--only` form. */
const ONLY = "functions,firestore,tasks,auth,hosting";
/** The first line of the files written here; a file without it is the developer's and is never overwritten. */
const MARK = "# Written by scripts/lib/firebase-emulators.ts for the emulators only; removed when they stop.";
const ENV_FILE = join(FUNCTIONS_DIR, ".env.local");
const SECRET_FILE = join(FUNCTIONS_DIR, ".secret.local");

/** What the emulated functions get. */
export interface EmulatorSettings {
  /** The LINE stand-in's origin. */
  lineApiBaseUrl: string;
  channelSecret: string;
  channelAccessToken: string;
  /** Further settings for functions/.env.local (e.g. REMINDER_DELIVERY). */
  env?: Record<string, string>;
}

/** Running emulators. */
export interface RunningFirebaseEmulators {
  /** The Hosting emulator's origin, e.g. `http://127.0.0.1:5002` (the console page, `/api/**` to `consoleApi`). */
  hostingUrl: string;
  /** The Auth emulator's `host:port` (FIREBASE_AUTH_EMULATOR_HOST). */
  authHost: string;
  /** The Firestore emulator's `host:port` (FIRESTORE_EMULATOR_HOST). */
  firestoreHost: string;
  /** The emulated function `name`'s URL (region asia-northeast1). */
  functionUrl(name: string): string;
  /** Runs the scheduled function `name` once, as Cloud Scheduler would; resolves when it has finished. */
  runScheduled(name: string): Promise<void>;
  /** Everything firebase-tools printed so far. */
  output(): string;
  /** Stops the emulators and removes the env files. */
  stop(): Promise<void>;
}

/** Writes the launcher JAR for the Firestore emulator (see the module's comment); returns its path. */
export function writeFirestoreLauncher(): string {
  const jar = findEmulatorJar();
  const manifest =
    "Manifest-Version: 1.0\r\n" +
    "Main-Class: com.google.cloud.datastore.emulator.firestore.CloudFirestore\r\n" +
    `Class-Path: ${pathToFileURL(jar).href}\r\n\r\n`;
  const dir = join(ROOT, ".local", "emulators");
  mkdirSync(dir, { recursive: true });
  const path = join(dir, "firestore-launcher.jar");
  writeFileSync(path, storedZip("META-INF/MANIFEST.MF", Buffer.from(manifest, "utf8")));
  return path;
}

/** A ZIP archive holding one uncompressed file: all a launcher JAR is. */
function storedZip(name: string, data: Buffer): Buffer {
  const fileName = Buffer.from(name, "utf8");
  const crc = crc32(data);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(10, 4);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(data.length, 22);
  local.writeUInt16LE(fileName.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(10, 6);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(data.length, 24);
  central.writeUInt16LE(fileName.length, 28);
  const centralOffset = local.length + fileName.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + fileName.length, 12);
  end.writeUInt32LE(centralOffset, 16);
  return Buffer.concat([local, fileName, data, central, fileName, end]);
}

/** Java must be on PATH; throws an {@link EmulatorError} that says how to install it otherwise. */
export function checkJava(): void {
  const java = spawnSync("java", ["-version"], { encoding: "utf8" });
  if (java.error !== undefined || java.status !== 0) {
    throw new EmulatorError(
      "Java is needed to run the Firestore emulator and was not found on PATH. Install Java 17 or later " +
        "(Debian: `apt-get install openjdk-17-jre-headless`), then run this again.",
    );
  }
}

function writeOwned(path: string, lines: string[]): void {
  if (existsSync(path) && !readFileSync(path, "utf8").startsWith(MARK)) {
    throw new EmulatorError(`${path} exists and was not written by the emulator script; move it away (it would be replaced).`);
  }
  writeFileSync(path, [MARK, ...lines, ""].join("\n"));
}

function removeOwned(path: string): void {
  if (existsSync(path) && readFileSync(path, "utf8").startsWith(MARK)) rmSync(path);
}

/**
 * Starts the emulators on the bundle already built in functions/lib and the page in
 * console/dist (`npm run build`, or buildFunctions and buildConsoleHosting), and
 * resolves once firebase-tools says they are ready; rejects after `timeoutMs`.
 */
export async function startFirebaseEmulators(settings: EmulatorSettings, timeoutMs = 120_000): Promise<RunningFirebaseEmulators> {
  checkJava();
  const launcher = writeFirestoreLauncher();
  writeOwned(ENV_FILE, [
    `LINE_API_BASE_URL=${settings.lineApiBaseUrl}`,
    ...Object.entries(settings.env ?? {}).map(([k, v]) => `${k}=${v}`),
  ]);
  writeOwned(SECRET_FILE, [`LINE_CHANNEL_SECRET=${settings.channelSecret}`, `LINE_CHANNEL_ACCESS_TOKEN=${settings.channelAccessToken}`]);
  const firebase = join(ROOT, "node_modules", ".bin", "firebase");
  const child: ChildProcess = spawn(firebase, ["emulators:start", "--only", ONLY, "--project", EMULATOR_PROJECT], {
    cwd: ROOT,
    env: { ...process.env, npm_config_offline: "true", FIRESTORE_EMULATOR_BINARY_PATH: launcher, METADATA_SERVER_DETECTION: "none" },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  const exited = new Promise<number | null>((done) => child.once("exit", (code) => done(code)));
  const stop = async () => {
    if (child.exitCode === null && child.pid !== undefined) {
      try {
        process.kill(-child.pid, "SIGINT");
      } catch {
        // already gone
      }
      const killed = setTimeout(() => child.pid !== undefined && process.kill(-child.pid, "SIGKILL"), 15_000);
      await exited;
      clearTimeout(killed);
    }
    removeOwned(ENV_FILE);
    removeOwned(SECRET_FILE);
  };
  await new Promise<void>((ready, fail) => {
    const timer = setTimeout(
      () => fail(new EmulatorError(`The emulators were not ready after ${timeoutMs / 1000} s:\n${output}`)),
      timeoutMs,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString("utf8");
      if (output.includes("All emulators ready")) {
        clearTimeout(timer);
        ready();
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    void exited.then((code) => {
      clearTimeout(timer);
      fail(new EmulatorError(`firebase emulators:start exited (${code}) before it was ready:\n${output}`));
    });
  }).catch(async (error: unknown) => {
    await stop();
    throw error;
  });
  const base = `http://127.0.0.1:${EMULATOR_PORTS.functions}`;
  return {
    hostingUrl: `http://127.0.0.1:${EMULATOR_PORTS.hosting}`,
    authHost: `127.0.0.1:${EMULATOR_PORTS.auth}`,
    firestoreHost: `127.0.0.1:${EMULATOR_PORTS.firestore}`,
    functionUrl: (name) => `${base}/${EMULATOR_PROJECT}/asia-northeast1/${name}`,
    async runScheduled(name) {
      // A scheduled function is a Pub/Sub trigger to the emulator; without the Pub/Sub
      // emulator it is still listed, as `<region>-<name>-0`, and runs when posted to.
      const response = await fetch(`${base}/functions/projects/${EMULATOR_PROJECT}/triggers/asia-northeast1-${name}-0`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: "{}",
      });
      if (!response.ok) throw new EmulatorError(`Running ${name} answered ${response.status}: ${await response.text()}`);
    },
    output: () => output,
    stop,
  };
}
