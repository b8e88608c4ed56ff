/**
 * The hand-overs a consultant took, kept beside the user (`users/{id}/handoverRecords/{takenAt}`)
 * so that the console's hand-over queue can show the ended ones (終了) and who took each: the
 * state forgets a hand-over once it ends. A record is written after the take-over's own
 * transaction, by whichever path took it (LINE or the console), and its end after the end's
 * (the webhook's turn, the idle sweep, a consultant's removal); データ削除 removes it with the
 * user (a recursive delete). The queue reads users by their 受付番号 and never returns a
 * LINE user id.
 */
import type { Firestore } from "@google-cloud/firestore";
import { restoreState, type UserState } from "../dialogue";
import { CONSULTANTS } from "./consultant-store";
import { USERS } from "./firestore-store";
import { HANDOVER_CODE, handoverCode, readState } from "./user-document";

/** The subcollection of a user's hand-over records. */
export const HANDOVER_RECORDS = "handoverRecords";

/**
 * A hand-over a consultant took: ISO instants; `endedAt` null while it runs. It is set however
 * the hand-over ends (the consultant, the client going back to the bot, idle, a block, the
 * consultant's removal); a client who deletes their data leaves no record to set.
 */
export interface HandoverRecord {
  requestedAt: string;
  takenAt: string;
  operator: string;
  endedAt: string | null;
}

/** One line of the console's hand-over queue, by 受付番号. */
export interface QueueItem {
  code: string;
  status: "waiting" | "active" | "ended";
  /** Marks a request made after a crisis message: urgent. */
  crisis: boolean;
  requestedAt: string;
  takenAt: string | null;
  endedAt: string | null;
  /** The operator id of who took it (a LINE id or a console one); null while waiting. */
  operator: string | null;
}

/** The records, written by the operator commands. */
export interface HandoverRecords {
  taken(userId: string, record: Omit<HandoverRecord, "endedAt">): Promise<void>;
  ended(userId: string, takenAt: string, endedAt: Date): Promise<void>;
}

/** What the console's hand-over page reads. */
export interface HandoverQueueStore {
  /** Waiting and running hand-overs, and those taken since `since` that have ended. */
  queue(since: Date): Promise<QueueItem[]>;
  /**
   * The paired consultants' names by LINE id (for "who took it"): the console account's address
   * of one linked to the console (so that both sides show one name), else the name LINE gave.
   */
  consultantNames(): Promise<Map<string, string>>;
}

const recordId = (takenAt: string) => takenAt.replace(/[^0-9A-Za-z]/g, "");

/** {@link HandoverRecords} over Firestore. */
export function createHandoverRecords(db: Firestore): HandoverRecords {
  const records = (userId: string) => db.collection(USERS).doc(userId).collection(HANDOVER_RECORDS);
  return {
    async taken(userId, record) {
      await records(userId)
        .doc(recordId(record.takenAt))
        .set({ ...record, endedAt: null });
    },
    async ended(userId, takenAt, endedAt) {
      await records(userId).doc(recordId(takenAt)).set({ endedAt: endedAt.toISOString() }, { merge: true });
    },
  };
}

/** {@link HandoverQueueStore} over Firestore. */
export function createHandoverQueueStore(db: Firestore): HandoverQueueStore {
  return {
    async queue(since) {
      const users = await db.collection(USERS).orderBy(HANDOVER_CODE).get();
      const states = new Map<string, UserState>();
      const items: QueueItem[] = [];
      for (const doc of users.docs) {
        const { state } = restoreState(readState(doc.data()));
        states.set(doc.id, state);
        const handover = state.handover;
        const code = handoverCode(doc.id);
        if (handover?.status === "requested")
          items.push({
            code,
            status: "waiting",
            crisis: handover.crisis === true,
            requestedAt: handover.at,
            takenAt: null,
            endedAt: null,
            operator: null,
          });
        if (handover?.status === "active")
          items.push({
            code,
            status: "active",
            crisis: false,
            requestedAt: handover.requestedAt,
            takenAt: handover.takenAt,
            endedAt: null,
            operator: handover.operator,
          });
      }
      const taken = await db.collectionGroup(HANDOVER_RECORDS).where("takenAt", ">=", since.toISOString()).get();
      for (const doc of taken.docs) {
        const userId = doc.ref.parent.parent?.id;
        const record = doc.data() as Partial<HandoverRecord>;
        if (userId === undefined || typeof record.takenAt !== "string" || typeof record.requestedAt !== "string") continue;
        const current = states.get(userId)?.handover;
        if (current?.status === "active" && current.takenAt === record.takenAt) continue;
        const endedAt = typeof record.endedAt === "string" ? record.endedAt : null;
        const operator = typeof record.operator === "string" ? record.operator : null;
        items.push({
          code: handoverCode(userId),
          status: "ended",
          crisis: false,
          requestedAt: record.requestedAt,
          takenAt: record.takenAt,
          endedAt,
          operator,
        });
      }
      return items;
    },
    async consultantNames() {
      const snapshot = await db.collection(CONSULTANTS).get();
      const names = new Map<string, string>();
      for (const doc of snapshot.docs) {
        const email: unknown = doc.get("email");
        const name: unknown = typeof email === "string" && email !== "" ? email : doc.get("displayName");
        if (typeof name === "string" && name !== "") names.set(doc.id, name);
      }
      return names;
    },
  };
}
