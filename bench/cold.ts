/**
 * `npm run bench:cold [-- --runs 5]`: only the cold-start part of `npm run bench`
 * ({@link benchColdStart}), with its own emulator and LINE stand-in, for trying a change to
 * what the first message costs without the four minutes of the whole benchmark. It prints
 * the figures and writes nothing. A benchmark, never a test.
 */
import { randomBytes } from "node:crypto";
import { countOption, parseOptions } from "../scripts/lib/command-args";
import { startFirestoreEmulator, wipeEmulator, type RunningEmulator } from "../scripts/lib/firestore-emulator";
import { startLineStandIn } from "../scripts/lib/line-stand-in";
import { benchColdStart } from "./cold-start";
import { showSpread } from "./stats";
import { VARIANTS } from "./turns";

const USAGE = "npm run bench:cold [-- --runs 5]";

async function main(): Promise<void> {
  const { runs } = parseOptions(USAGE, { runs: { type: "string" } });
  const count = countOption(USAGE, "--runs", runs, 5);
  let emulator: RunningEmulator | undefined;
  const emulatorHost = process.env.FIRESTORE_EMULATOR_HOST?.trim() || (emulator = await startFirestoreEmulator()).host;
  const projectId = `bench-cold-${randomBytes(4).toString("hex")}`;
  const channelAccessToken = randomBytes(24).toString("hex");
  const line = await startLineStandIn({ channelAccessToken });
  try {
    const results = await benchColdStart({ lineUrl: line.url, channelAccessToken, emulatorHost, projectId }, count, (progress) =>
      process.stdout.write(`${progress}\n`),
    );
    for (const variant of VARIANTS) {
      const figures = results.bundles[variant];
      process.stdout.write(
        `${variant}: listening ${showSpread(figures.listeningMs, 0)} ms, first 200 ${showSpread(figures.firstReplyMs, 0)} ms, ${figures.bundleKiB} KiB\n`,
      );
    }
    process.stdout.write(
      `bot ÷ echo ${showSpread(results.ratios.vsEcho, 2)}, bot ÷ echo + tx ${showSpread(results.ratios.vsTransaction, 2)} (${count} runs)\n`,
    );
  } finally {
    await line.close();
    await wipeEmulator(emulatorHost, projectId).catch(() => undefined);
    await emulator?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
