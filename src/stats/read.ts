/**
 * What the operators' report reads from outside: user documents and entries from Firestore,
 * and this month's push quota from LINE. Firestore is read in pages of projected documents
 * that hold only the fields the report counts, so no answer text, WILL or action ever
 * leaves the database; LINE failures become a {@link QuotaStatus} instead of an error.
 */
import { FieldPath, Timestamp, type DocumentData, type Firestore, type Query, type QueryDocumentSnapshot } from "@google-cloud/firestore";
import { MENU_STAGES, type MenuStage } from "../dialogue";
import type { LineGateway } from "../line/gateway";
import { LineApiError } from "../line/error";
import { RICH_MENU_ALIAS_IDS } from "../line/surface";
import { ENTRIES, USERS } from "../store/firestore-store";
import { REPORT, UPDATED_AT } from "../store/user-document";
import type { EntryDoc, UserDoc } from "./aggregate";

/** Documents per Firestore page when not told. */
export const DEFAULT_PAGE_SIZE = 500;

/**
 * The fields of a user document the report reads (see `readUserFacts`): the `report`
 * facts of the current document shape, or their nested originals in a document of the old
 * shape (see `src/store/user-document.ts`).
 */
const USER_FIELDS = [
  REPORT,
  UPDATED_AT,
  "state.step.type",
  "state.paused.type",
  "state.consent.status",
  "state.profile.completedFirstSession",
  "state.profile.reminder.schedule.kind",
  "state.lastActiveAt",
  "state.following",
];

/** Every user document and entry, reduced to what the report counts. */
export interface StatsInput {
  users: UserDoc[];
  entries: EntryDoc[];
}

/**
 * Reads all users and all their entries, `pageSize` documents per query. Entries come from
 * one collection-group scan ordered by document path, which needs no extra index.
 */
export async function readStatsInput(db: Firestore, pageSize: number = DEFAULT_PAGE_SIZE): Promise<StatsInput> {
  const users: UserDoc[] = [];
  await forEachPage(db.collection(USERS).select(...USER_FIELDS), pageSize, (doc) => {
    const data = doc.data();
    users.push({ key: doc.id, state: reportState(data), updatedAt: isoOf(data[UPDATED_AT]) });
  });
  const entries: EntryDoc[] = [];
  await forEachPage(db.collectionGroup(ENTRIES).select("kind", "at"), pageSize, (doc) => {
    const owner = doc.ref.parent.parent;
    if (owner === null || owner.parent.id !== USERS) return;
    const data = doc.data();
    entries.push({ owner: owner.id, kind: data.kind, at: data.at });
  });
  return { users, entries };
}

/** This month's pushes against the quota, or why they are not known. */
export type QuotaStatus =
  /** `limit` is null when the plan has no limit. */
  | { status: "known"; used: number; limit: number | null }
  /** No channel access token was configured, so LINE was not asked. */
  | { status: "noToken" }
  /** LINE was asked and did not answer with the numbers; `httpStatus` when it answered at all. */
  | { status: "failed"; httpStatus: number | null };

/** Asks LINE for the month's quota and consumption; `line` null means no token is configured. */
export async function readQuota(line: Pick<LineGateway, "quota"> | null): Promise<QuotaStatus> {
  if (line === null) return { status: "noToken" };
  try {
    const { limit, used } = await line.quota();
    return { status: "known", used, limit };
  } catch (error) {
    return { status: "failed", httpStatus: error instanceof LineApiError ? (error.status ?? null) : null };
  }
}

/**
 * Which stages' rich menus are live at LINE (their aliases point at a menu), or why that is not
 * known. LINE's API offers neither tap counts for menus made through it nor the webhook's error
 * statistics; the report says where those are, whatever this answers.
 */
export type RichMenuStatus =
  { status: "known"; live: Record<MenuStage, boolean> } | { status: "noToken" } | { status: "failed"; httpStatus: number | null };

/** Asks LINE for each stage's menu alias; `line` null means no token is configured. */
export async function readRichMenus(line: Pick<LineGateway, "richMenuOfAlias"> | null): Promise<RichMenuStatus> {
  if (line === null) return { status: "noToken" };
  try {
    const ids = await Promise.all(MENU_STAGES.map((stage) => line.richMenuOfAlias(RICH_MENU_ALIAS_IDS[stage])));
    return { status: "known", live: { onboarding: ids[0] !== null, main: ids[1] !== null, consultant: ids[2] !== null } };
  } catch (error) {
    return { status: "failed", httpStatus: error instanceof LineApiError ? (error.status ?? null) : null };
  }
}

async function forEachPage(query: Query, pageSize: number, visit: (doc: QueryDocumentSnapshot<DocumentData>) => void): Promise<void> {
  const size = Math.max(1, Math.floor(pageSize));
  let last: QueryDocumentSnapshot | undefined;
  for (;;) {
    const ordered = query.orderBy(FieldPath.documentId()).limit(size);
    const page = await (last === undefined ? ordered : ordered.startAfter(last)).get();
    page.docs.forEach(visit);
    if (page.docs.length < size) return;
    last = page.docs[page.docs.length - 1];
  }
}

/** The state's skeleton the report counts: the `report` facts, or the old shape's projected `state`. */
function reportState(data: DocumentData): unknown {
  const facts: unknown = data[REPORT];
  if (typeof facts !== "string") return data.state;
  try {
    return JSON.parse(facts) as unknown;
  } catch {
    return undefined;
  }
}

function isoOf(value: unknown): string | null {
  if (value instanceof Timestamp) return value.toDate().toISOString();
  if (value instanceof Date) return value.toISOString();
  return typeof value === "string" ? value : null;
}
