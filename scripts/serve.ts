/**
 * `npm run serve`: only the webhook server, for a real LINE channel (through a tunnel)
 * or any LINE-compatible endpoint. Configuration comes from the environment; see README.
 */
import { loadConfig } from "../src/config";
import { createJsonLogger } from "../src/log";
import { createServerApp } from "../src/server";
import { configOrExit } from "./lib/config-or-exit";

function main(): void {
  const config = configOrExit(loadConfig);
  const log = createJsonLogger();
  const server = createServerApp(config, log).listen(config.port, () => {
    log.info("webhook server listening", {
      port: config.port,
      lineApi: config.lineApiBaseUrl,
      firestore: config.firestoreEmulatorHost ?? "google-cloud",
    });
  });
  const stop = () => server.close(() => process.exit(0));
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main();
