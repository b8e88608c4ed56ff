/**
 * Starts one Firestore emulator for the whole test run, unless FIRESTORE_EMULATOR_HOST
 * already names one. Test files share it, each under its own project id.
 */
import { startFirestoreEmulator, type RunningEmulator } from "../../scripts/lib/firestore-emulator";

declare global {
  var __firestoreEmulator: RunningEmulator | undefined;
}

export default async function globalSetup(): Promise<void> {
  process.env.METADATA_SERVER_DETECTION = "none";
  if (process.env.FIRESTORE_EMULATOR_HOST) return;
  const emulator = await startFirestoreEmulator();
  globalThis.__firestoreEmulator = emulator;
  process.env.FIRESTORE_EMULATOR_HOST = emulator.host;
}
