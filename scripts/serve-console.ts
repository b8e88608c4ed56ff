/**
 * `tsx scripts/serve-console.ts [--port <n>]`: the consultants' console API on its own, as the
 * `consoleApi` function serves it, for the local stack and the tests. Reads
 * GOOGLE_CLOUD_PROJECT, FIRESTORE_EMULATOR_HOST and FIREBASE_AUTH_EMULATOR_HOST; listens on
 * 127.0.0.1 (port 0 picks a free one) and prints `console api: <origin>` once it listens.
 */
import type { AddressInfo } from "node:net";
import { loadConsoleConfig } from "../src/config";
import { createConsoleServerApp } from "../src/console/server";
import { createJsonLogger } from "../src/log";
import { parseOptions, usageExit } from "./lib/command-args";
import { configOrExit } from "./lib/config-or-exit";

const USAGE = "tsx scripts/serve-console.ts [--port <n>]";

function main(): void {
  const { port } = parseOptions(USAGE, { port: { type: "string", default: "0" } });
  if (!/^\d{1,5}$/.test(port)) usageExit(USAGE, "--port takes a number.");
  const config = configOrExit(loadConsoleConfig);
  const server = createConsoleServerApp(config, createJsonLogger()).listen(Number(port), "127.0.0.1", () => {
    process.stdout.write(`console api: http://127.0.0.1:${(server.address() as AddressInfo).port}\n`);
  });
  const stop = () => server.close(() => process.exit(0));
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main();
