/**
 * Starts and stops the real Firestore emulator (the Google Cloud CLI's
 * `cloud-firestore-emulator.jar`, or firebase-tools' cached copy) on a loopback port.
 * Used by the test setup and by `npm start`.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, realpathSync } from "node:fs";
import { createServer } from "node:net";
import { homedir } from "node:os";
import { dirname, join } from "node:path";

/** A running emulator. */
export interface RunningEmulator {
  /** `127.0.0.1:PORT`, the value for FIRESTORE_EMULATOR_HOST. */
  host: string;
  /** Stops the emulator and waits for its process to exit. */
  stop(): Promise<void>;
}

/** The emulator could not be found or started; the message says what to install or set. */
export class EmulatorError extends Error {
  override name = "EmulatorError";
}

const MAIN_CLASS = "com.google.cloud.datastore.emulator.firestore.CloudFirestore";
const JAR_NAME = "cloud-firestore-emulator.jar";

/** Finds the emulator jar: $FIRESTORE_EMULATOR_JAR, the Google Cloud CLI, or firebase-tools' cache. */
export function findEmulatorJar(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.FIRESTORE_EMULATOR_JAR?.trim();
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new EmulatorError(`FIRESTORE_EMULATOR_JAR points to ${fromEnv}, which does not exist.`);
    return fromEnv;
  }
  const candidates = [
    ...gcloudSdkRoots().map((root) => join(root, "platform", "cloud-firestore-emulator", JAR_NAME)),
    ...firebaseToolsJars(),
  ];
  const found = candidates.find((path) => existsSync(path));
  if (found) return found;
  throw new EmulatorError(
    "The Firestore emulator was not found. Install one of:\n" +
      "- the Google Cloud CLI with its emulator: `gcloud components install cloud-firestore-emulator` " +
      "(or Debian's google-cloud-cli-firestore-emulator package), or\n" +
      "- firebase-tools, then run `firebase setup:emulators:firestore` once,\n" +
      "or set FIRESTORE_EMULATOR_JAR to the path of cloud-firestore-emulator*.jar, " +
      "or set FIRESTORE_EMULATOR_HOST to an emulator that is already running.",
  );
}

function gcloudSdkRoots(): string[] {
  const roots = ["/usr/lib/google-cloud-sdk", "/usr/share/google-cloud-sdk", "/opt/google-cloud-sdk", join(homedir(), "google-cloud-sdk")];
  const which = spawnSync("sh", ["-c", "command -v gcloud"], { encoding: "utf8" });
  const gcloud = which.status === 0 ? which.stdout.trim() : "";
  if (gcloud) {
    try {
      roots.unshift(dirname(dirname(realpathSync(gcloud))));
    } catch {
      // a dangling link: fall back to the usual places
    }
  }
  return roots;
}

function firebaseToolsJars(): string[] {
  const dir = join(homedir(), ".cache", "firebase", "emulators");
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => /^cloud-firestore-emulator-v[\d.]+\.jar$/.test(name))
    .sort()
    .reverse()
    .map((name) => join(dir, name));
}

/** A free TCP port on 127.0.0.1. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Starts the emulator on `port` (a free one when omitted) and resolves once it answers. */
export async function startFirestoreEmulator(options: { port?: number; timeoutMs?: number } = {}): Promise<RunningEmulator> {
  const jar = findEmulatorJar();
  const java = spawnSync("java", ["-version"], { encoding: "utf8" });
  if (java.error || java.status !== 0) {
    throw new EmulatorError(
      "Java is not installed or not on PATH. The Firestore emulator needs Java 11 or newer (e.g. `apt-get install openjdk-17-jre-headless`).",
    );
  }
  const port = options.port ?? (await freePort());
  const host = `127.0.0.1:${port}`;
  const child = spawn("java", ["-cp", jar, MAIN_CLASS, "--host", "127.0.0.1", "--port", String(port)], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));

  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    if (await answers(`http://${host}/`)) {
      return { host, stop: () => stopProcess(child, exited) };
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await stopProcess(child, exited);
  throw new EmulatorError(`The Firestore emulator did not start on ${host}. Its last output:\n${output.trim()}`);
}

async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(1000) });
    return response.ok;
  } catch {
    return false;
  }
}

async function stopProcess(child: ChildProcess, exited: Promise<number | null>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
  await exited;
  clearTimeout(timer);
}

/**
 * Deletes every document of `projectId` in the emulator at `host`. The emulator answers 409
 * while a transaction still holds a document (one a test abandoned on purpose, until the
 * emulator expires it): that is retried for up to {@link WIPE_PATIENCE_MS}.
 */
export async function wipeEmulator(host: string, projectId: string): Promise<void> {
  const deadline = Date.now() + WIPE_PATIENCE_MS;
  for (;;) {
    const response = await fetch(`http://${host}/emulator/v1/projects/${projectId}/databases/(default)/documents`, { method: "DELETE" });
    if (response.ok) return;
    if (response.status !== 409 || Date.now() > deadline) {
      throw new EmulatorError(`Wiping the emulator at ${host} failed with HTTP ${response.status}.`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** How long a wipe waits for the emulator to release documents held by a transaction. */
const WIPE_PATIENCE_MS = 15_000;
