/** Stops the emulator that the global setup started, if it started one. */
export default async function globalTeardown(): Promise<void> {
  await globalThis.__firestoreEmulator?.stop();
}
