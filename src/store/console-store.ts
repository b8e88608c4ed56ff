/**
 * What the consultants' console reads: the clients who share their notes, by their 受付番号.
 * A client who does not share is never returned, whatever is asked; the LINE user id never
 * leaves this module (the console knows clients by 受付番号 only).
 */
import type { Firestore } from "@google-cloud/firestore";
import { restoreState, type UserState } from "../dialogue";
import type { StoredEntry } from "../model/entry";
import { HANDOVER_CODE, handoverCode, readState, REPORT, SHARED_SINCE, type ReportFacts } from "./user-document";
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
/** How many clients one page of the clients list holds (the page asks for more with 「もっと見る」). */
export const CLIENTS_PAGE = 25;
/** How many entries a client's page reads. */
export const PAGE_ENTRIES = 2000;

/** The console's reads. */
export interface ConsoleStore {
  /** Every client who shares now, each with their {@link LIST_ENTRIES} newest entries. */
  sharedClients(): Promise<SharedClient[]>;
  /**
   * One page of the clients who share, in the clients page's order (open hand-over requests,
   * then those under way, then the most recently active): `limit` of them from `from`, each
   * with their {@link LIST_ENTRIES} newest entries, and how many share in all. Only the page's
   * clients' states and entries are read: what a page reads does not grow with the number of
   * clients who share, beyond one small field each for the order.
   */
  sharedClientsPage(from: number, limit: number): Promise<{ clients: SharedClient[]; total: number }>;
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
    async sharedClientsPage(from, limit) {
      // The order needs only the report's few fields; whole states and entries are read for the page's clients alone.
      const snapshot = await users.where(SHARED_SINCE, ">", new Date(0)).select(REPORT).get();
      const order = snapshot.docs.map((doc) => ({ userId: doc.id, code: handoverCode(doc.id), facts: listFacts(doc.get(REPORT)) }));
      order.sort((a, b) => listOrder(a.facts, b.facts) || a.code.localeCompare(b.code));
      const page = order.slice(from, from + limit);
      const docs = page.length === 0 ? [] : await db.getAll(...page.map(({ userId }) => users.doc(userId)));
      const clients = await Promise.all(docs.map((doc) => client(doc.id, doc.data(), LIST_ENTRIES)));
      return { clients: clients.filter((found): found is SharedClient => found !== null), total: order.length };
    },
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

/** What the clients page is ordered by, from a user's stored report (see {@link ReportFacts}). */
interface ListFacts {
  handover: string | null;
  lastActiveAt: string;
}

function listFacts(report: unknown): ListFacts {
  try {
    const facts = JSON.parse(typeof report === "string" ? report : "{}") as Partial<ReportFacts>;
    return { handover: facts.handover?.status ?? null, lastActiveAt: facts.lastActiveAt ?? "" };
  } catch {
    return { handover: null, lastActiveAt: "" };
  }
}

/** The clients page's order: open hand-over requests, then those under way, then the most recently active. */
function listOrder(a: ListFacts, b: ListFacts): number {
  const rank = (facts: ListFacts) => (facts.handover === "requested" ? 0 : facts.handover === "active" ? 1 : 2);
  return rank(a) - rank(b) || b.lastActiveAt.localeCompare(a.lastActiveAt);
}
