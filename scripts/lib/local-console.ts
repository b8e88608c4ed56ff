/**
 * The consultants' console on the local stack (`npm start -- --web`): the Auth emulator, the
 * console API in this process, a seeded consultant account, and the console page.
 */
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { ConsoleLineConfig } from "../../src/config";
import { createConsoleServerApp, loadAuth } from "../../src/console/server";
import { createJsonLogger } from "../../src/log";
import { startAuthEmulator } from "./auth-emulator";
import { addConsultant } from "./consultant-accounts";
import { startConsoleWeb } from "./console-web";

/** The seeded consultant's sign-in on the local stack (the Auth emulator's accounts are local only). */
export const LOCAL_CONSULTANT = { email: "consultant@example.com", password: "will-note-local" };

/** A running local console. */
export interface LocalConsole {
  url: string;
  close(): Promise<void>;
}

/**
 * Starts the console for `projectId` (a demo- one) over the Firestore emulator at `firestoreHost`;
 * with `line` (the LINE stand-in and the webhook's hand-over settings), consultants send
 * homework and take over and end hand-overs from it.
 */
export async function startLocalConsole(
  projectId: string,
  firestoreHost: string,
  log = createJsonLogger(),
  line?: ConsoleLineConfig,
): Promise<LocalConsole> {
  const emulator = await startAuthEmulator(projectId);
  const stops: (() => Promise<unknown>)[] = [() => emulator.stop()];
  const close = async () => {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
  };
  try {
    process.env.FIREBASE_AUTH_EMULATOR_HOST = emulator.host;
    await addConsultant(loadAuth(projectId), LOCAL_CONSULTANT.email, LOCAL_CONSULTANT.password);
    const api: Server = createConsoleServerApp({ projectId, firestoreEmulatorHost: firestoreHost, ...(line ? { line } : {}) }, log).listen(
      0,
      "127.0.0.1",
    );
    await new Promise((resolve) => api.once("listening", resolve));
    stops.push(
      () =>
        new Promise<void>((resolve) => {
          api.close(() => resolve());
          api.closeAllConnections();
        }),
    );
    const web = await startConsoleWeb({
      apiUrl: `http://127.0.0.1:${(api.address() as AddressInfo).port}`,
      authEmulatorHost: emulator.host,
    });
    stops.push(() => web.close());
    return { url: web.url, close };
  } catch (error) {
    await close();
    throw error;
  }
}
