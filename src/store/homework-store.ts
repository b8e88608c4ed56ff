/**
 * The console's writes and reads around a shared client (found by 受付番号): private notes, the
 * read log, homework sent and withdrawn (the client's state changes only through the dialogue
 * core, in a transaction on `users/{id}`), and the alerts (`alerts-store.ts`). The LINE
 * user id never leaves this module except to the push the caller hands in.
 */
import type { Firestore } from "@google-cloud/firestore";
import {
  afterHomeworkSent,
  afterHomeworkWithdrawn,
  homeworkRefusal,
  restoreState,
  type HomeworkAsk,
  type HomeworkRefusal,
  type UserState,
} from "../dialogue";
import { createAlertsReader, type AlertRow } from "./alerts-store";
import { ENTRIES, USERS } from "./firestore-store";
import { firestoreLibrary } from "./firestore-library";
import { clientRecords, CONSOLE_RECORDS, HOMEWORK, nameOf, type ClientRecords, type Consultant } from "./client-records";
import { HANDOVER_CODE, handoverCode, readState, stateFields } from "./user-document";

/** A client's answer to homework, from their entries. */
export interface HomeworkAnswer {
  homeworkId: string;
  answer: string;
  at: string;
}

/** How sending homework ended: pushed, refused by the state, or the push did not go (`quota`: the month's pushes are spent). */
export type SendOutcome = { kind: "sent"; id: string } | { kind: "refused"; why: Exclude<HomeworkRefusal, null> } | { kind: PushFailure };

/** Why a push did not go. */
export type PushFailure = "quota" | "unreachable" | "failed";

/** Pushes the homework to the client; the caller's LINE client. */
export type PushHomework = (userId: string, ask: HomeworkAsk) => Promise<"sent" | PushFailure>;

/** How withdrawing ended. */
export type WithdrawOutcome = "withdrawn" | "notWaiting" | "notFound";

/** A shared client the console may work with. */
export interface SharedHandle {
  code: string;
  records: ClientRecords;
  answers(): Promise<HomeworkAnswer[]>;
  send(kind: HomeworkAsk["kind"], text: string, by: Consultant, now: Date, push: PushHomework): Promise<SendOutcome>;
  withdraw(id: string, by: Consultant, now: Date): Promise<WithdrawOutcome>;
}

/** The store of the console's work with shared clients. */
export interface HomeworkStore {
  /** The client with this 受付番号 if they share now; null otherwise. */
  shared(code: string): Promise<SharedHandle | null>;
  /** The shared clients the alerts list (see `alerts-store.ts`), those who asked to be contacted first. */
  alerts(): Promise<AlertRow[]>;
}

/** The {@link HomeworkStore} over Firestore. */
export function createHomeworkStore(db: Firestore): HomeworkStore {
  const users = db.collection(USERS);
  const { FieldValue } = firestoreLibrary();
  const handle = (userId: string): SharedHandle => {
    const ref = users.doc(userId);
    const homeworkRef = (id: string) => db.collection(CONSOLE_RECORDS).doc(userId).collection(HOMEWORK).doc(id);
    const records = clientRecords(db, userId);
    const change = (next: (stored: unknown) => UserState | null) =>
      db.runTransaction(async (tx) => {
        const snapshot = await tx.get(ref);
        const state = snapshot.exists ? next(readState(snapshot.data())) : null;
        if (state !== null) tx.update(ref, stateFields(state, new Date(), FieldValue.delete()));
        return state !== null;
      });
    return {
      code: handoverCode(userId),
      records,
      async answers() {
        const snapshot = await ref.collection(ENTRIES).where("kind", "==", "homework").get();
        return snapshot.docs.map((doc) => ({
          homeworkId: String(doc.get("homeworkId")),
          answer: String(doc.get("answer")),
          at: String(doc.get("at")),
        }));
      },
      async send(kind, text, by, now, push) {
        const ask: HomeworkAsk = { id: records.newHomeworkId(), kind, text, at: now.toISOString() };
        const refused = await db.runTransaction(async (tx) => {
          const snapshot = await tx.get(ref);
          const stored = readState(snapshot.data());
          const why = snapshot.exists ? homeworkRefusal(stored) : "notSharing";
          if (why !== null) return why;
          tx.update(ref, stateFields(afterHomeworkSent(stored, ask), now, FieldValue.delete()));
          tx.set(homeworkRef(ask.id), { kind, text, sentBy: nameOf(by), sentByUid: by.uid, sentAt: ask.at, withdrawnAt: null });
          return null;
        });
        if (refused !== null) return { kind: "refused", why: refused };
        const pushed = await push(userId, ask);
        if (pushed === "sent") return { kind: "sent", id: ask.id };
        // Not delivered: the client is not waiting on it, and the console keeps no record of it.
        await change((stored) => afterHomeworkWithdrawn(stored, ask.id, true));
        await homeworkRef(ask.id).delete();
        return { kind: pushed };
      },
      async withdraw(id, by, now) {
        const doc = await homeworkRef(id).get();
        if (!doc.exists) return "notFound";
        const withdrawn = await change((stored) => afterHomeworkWithdrawn(stored, id));
        if (!withdrawn) return "notWaiting";
        await homeworkRef(id).update({ withdrawnAt: now.toISOString(), withdrawnBy: nameOf(by) });
        return "withdrawn";
      },
    };
  };
  const sharing = (data: unknown): UserState | null => {
    const { state } = restoreState(readState(data as Record<string, unknown>));
    return state.sharing === null ? null : state;
  };
  return {
    async shared(code) {
      if (!/^[0-9A-F]{8}$/.test(code)) return null;
      const snapshot = await users.where(HANDOVER_CODE, "==", code).limit(1).get();
      const doc = snapshot.docs[0];
      return doc === undefined || sharing(doc.data()) === null ? null : handle(doc.id);
    },
    alerts: createAlertsReader(db),
  };
}
