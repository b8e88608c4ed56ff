/**
 * What the consultants' console reads: the clients who share their notes, by their 受付番号.
 * A client who does not share is never returned, whatever is asked; the LINE user id never
 * leaves this module (the console knows clients by 受付番号 only).
 */
import type { Firestore } from "@google-cloud/firestore";
import { restoreState, type UserState } from "../dialogue";
import type { StoredEntry } from "../model/entry";
import { HANDOVER_CODE, handoverCode, readState, SHARED_SINCE } from "./user-document";
import { readEntry } from "./user-store";
import { ENTRIES } from "./firestore-store";

/** A client who shares, as the console sees them: their 受付番号, state and newest entries (newest first). */
export interface SharedClient {
  code: string;
  state: UserState & { sharing: { since: string } };
  entries: StoredEntry[];
}

/** How many entries the clients list reads per client (for the やりがい trend). */
export const LIST_ENTRIES = 10;
/** How many entries a client's page reads. */
export const PAGE_ENTRIES = 500;

/** The console's reads. */
export interface ConsoleStore {
  /** Every client who shares now, each with their {@link LIST_ENTRIES} newest entries. */
  sharedClients(): Promise<SharedClient[]>;
  /** The client with this 受付番号 if they share now, with their {@link PAGE_ENTRIES} newest entries; null otherwise. */
  sharedClient(code: string): Promise<SharedClient | null>;
}

/** The {@link ConsoleStore} over Firestore (`users/{id}` and its entries). */
export function createConsoleStore(db: Firestore): ConsoleStore {
  const users = db.collection("users");
  const entriesOf = async (userId: string, limit: number): Promise<StoredEntry[]> => {
    const snapshot = await users.doc(userId).collection(ENTRIES).orderBy("at", "desc").limit(limit).get();
    return snapshot.docs.flatMap((doc) => {
      const entry = readEntry(doc.data());
      return entry ? [{ id: doc.id, entry }] : [];
    });
  };
  const client = async (userId: string, data: unknown, limit: number): Promise<SharedClient | null> => {
    const { state } = restoreState(readState(data as Record<string, unknown>));
    if (state.sharing === null) return null;
    return { code: handoverCode(userId), state: { ...state, sharing: state.sharing }, entries: await entriesOf(userId, limit) };
  };
  return {
    async sharedClients() {
      const snapshot = await users.where(SHARED_SINCE, ">", new Date(0)).get();
      const clients = await Promise.all(snapshot.docs.map((doc) => client(doc.id, doc.data(), LIST_ENTRIES)));
      return clients.filter((found): found is SharedClient => found !== null);
    },
    async sharedClient(code) {
      if (!/^[0-9A-F]{8}$/.test(code)) return null;
      const snapshot = await users.where(HANDOVER_CODE, "==", code).limit(1).get();
      const doc = snapshot.docs[0];
      return doc === undefined ? null : client(doc.id, doc.data(), PAGE_ENTRIES);
    },
  };
}
