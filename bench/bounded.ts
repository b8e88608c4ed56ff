/**
 * The frame of a benchmark run: what it starts registers a stop, and everything is stopped
 * at the end, on Ctrl-C or SIGTERM, or when the run outlives its time limit.
 */

/** Stops registered by a run, called last-first. */
export type Stops = Array<() => Promise<void>>;

/**
 * Runs `work` with a list to push stops onto; stops everything when it settles, or gives up
 * after `timeoutSeconds` (exit 1) or on a signal. Each stop gets a few seconds: a Firestore
 * client with calls in flight to a stopped emulator may otherwise take minutes to close.
 */
export async function runBounded<T>(timeoutSeconds: number, work: (stops: Stops) => Promise<T>): Promise<T> {
  const stops: Stops = [];
  const stopAll = async () => {
    for (const stop of stops.splice(0).reverse()) {
      await Promise.race([stop().catch(() => {}), new Promise((resolve) => setTimeout(resolve, 5_000).unref())]);
    }
  };
  const giveUp = (message: string, code: number) => () => {
    process.stderr.write(message);
    // The run is still going: its calls now fail, and nothing is left to handle them.
    process.on("unhandledRejection", () => {});
    void stopAll().finally(() => process.exit(code));
  };
  process.once("SIGINT", giveUp("Interrupted; stopping what the benchmark started.\n", 130));
  process.once("SIGTERM", giveUp("Terminated; stopping what the benchmark started.\n", 143));
  const watchdog = setTimeout(
    giveUp(`Gave up after ${timeoutSeconds} s; stopping what the benchmark started.\n`, 1),
    timeoutSeconds * 1000,
  );
  try {
    return await work(stops);
  } finally {
    clearTimeout(watchdog);
    await stopAll();
  }
}
