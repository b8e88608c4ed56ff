/**
 * Firebase's Authentication emulator on a free loopback port, for the console's local stack and
 * tests: firebase-tools 14 (JavaScript only, no Java), offline, under a `demo-` project, from a
 * configuration written to a temporary folder so that it never touches firebase.json's ports.
 * firebase-admin reaches it when FIREBASE_AUTH_EMULATOR_HOST names its host.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { EmulatorError, freePort } from "./firestore-emulator";

const FIREBASE_BIN = resolve(__dirname, "..", "..", "node_modules", "firebase-tools", "lib", "bin", "firebase.js");

/** A running Auth emulator. */
export interface RunningAuthEmulator {
  /** `127.0.0.1:<port>`, the value of FIREBASE_AUTH_EMULATOR_HOST. */
  host: string;
  /** The project its accounts belong to. */
  projectId: string;
  /** Stops it and removes its temporary configuration. */
  stop(): Promise<void>;
}

/** How many times a start is tried on fresh ports when another process took one in between. */
const PORT_ATTEMPTS = 3;

/** What firebase-tools prints when a port it was given was taken before it could bind it. */
const PORT_TAKEN = /port taken|is not open on/i;

/**
 * Starts the Auth emulator for `projectId` (a `demo-` id keeps it offline); resolves once it
 * answers. A free port can be taken by another process between the probe and the emulator's bind
 * (an outgoing connection's ephemeral port, a parallel test's emulator): then it starts again on
 * fresh ports, up to {@link PORT_ATTEMPTS} times.
 */
export async function startAuthEmulator(projectId: string, timeoutMs = 60_000): Promise<RunningAuthEmulator> {
  if (!projectId.startsWith("demo-")) throw new EmulatorError(`The Auth emulator runs offline only for a demo- project, not ${projectId}.`);
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce(projectId, timeoutMs);
    } catch (error) {
      if (attempt >= PORT_ATTEMPTS || !(error instanceof EmulatorError) || !PORT_TAKEN.test(error.message)) throw error;
    }
  }
}

async function startOnce(projectId: string, timeoutMs: number): Promise<RunningAuthEmulator> {
  const [port, hub, logging] = [await freePort(), await freePort(), await freePort()];
  const dir = mkdtempSync(join(tmpdir(), "will-note-auth-"));
  const emulators = {
    auth: { host: "127.0.0.1", port },
    hub: { host: "127.0.0.1", port: hub },
    logging: { host: "127.0.0.1", port: logging },
  };
  writeFileSync(join(dir, "firebase.json"), JSON.stringify({ emulators: { ...emulators, ui: { enabled: false } } }));
  const child = spawn(process.execPath, [FIREBASE_BIN, "emulators:start", "--only", "auth", "--project", projectId], {
    cwd: dir,
    env: { ...process.env, npm_config_offline: "true", FIREBASE_CLI_EXPERIMENTS: "" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  const exited = new Promise<void>((done) => child.once("exit", () => done()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dir, { recursive: true, force: true });
  };
  const host = `127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && child.exitCode === null) {
    if (await ready(`http://${host}/`)) return { host, projectId, stop };
    await new Promise((wait) => setTimeout(wait, 200));
  }
  await stop();
  throw new EmulatorError(`The Auth emulator did not start on ${host}. Its last output:\n${output.trim()}`);
}

async function ready(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(1000) });
    return response.ok && ((await response.json()) as { authEmulator?: { ready?: boolean } }).authEmulator?.ready === true;
  } catch {
    return false;
  }
}
