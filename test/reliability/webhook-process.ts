/**
 * The child process of the {@link startServerStack} webhook: the app exactly as production
 * wires it ({@link createServerApp}), configured from the environment through
 * {@link loadConfig}. It writes `{"listening":PORT}` once it serves, then every JSON log line
 * of the app on stdout; a line `flush` on stdin is answered `{"flushed":true}` after every
 * log line written before it. Its Firestore client lives and dies with the process, so
 * requests it left hanging (a black-holed link) cannot outlive the test file that killed it.
 */
import type { AddressInfo } from "node:net";
import { createInterface } from "node:readline";
import { loadConfig } from "../../src/config";
import { createJsonLogger } from "../../src/log";
import { createServerApp } from "../../src/server";

const write = (line: string) => process.stdout.write(`${line}\n`);
const fixedNow = process.env.WEBHOOK_TEST_NOW;
const app = createServerApp(loadConfig(process.env), createJsonLogger(write), fixedNow ? () => new Date(fixedNow) : undefined);
const server = app.listen(0, "127.0.0.1", () => write(JSON.stringify({ listening: (server.address() as AddressInfo).port })));
createInterface({ input: process.stdin }).on("line", (line) => {
  if (line === "flush") write(JSON.stringify({ flushed: true }));
});
process.stdin.on("end", () => process.exit(0));
