/**
 * What the console keeps about a client, apart from anything the client's own documents hold:
 * `consoleRecords/{lineUserId}` with three subcollections, `notes` (the consultants' private
 * notes), `homework` (what was sent, by whom, and whether it was withdrawn; the answer itself is
 * the client's `homework` entry) and `reads` (who opened the client's page, when; never any text).
 * データ削除 deletes the whole of it ({@link ClientRecordsForBot.deleteForUser}).
 */
import type { DocumentData, Firestore, QueryDocumentSnapshot } from "@google-cloud/firestore";

/** The top-level collection of the console's records, one document per client. */
export const CONSOLE_RECORDS = "consoleRecords";
/** Subcollections of a client's {@link CONSOLE_RECORDS} document. */
export const NOTES = "notes";
/** See {@link NOTES}. */
export const HOMEWORK = "homework";
/** See {@link NOTES}. */
export const READS = "reads";

/** A consultant as the records name them: the account's uid and sign-in address. */
export interface Consultant {
  uid: string;
  email: string | null;
}

/** A private note on a client. */
export interface Note {
  id: string;
  text: string;
  author: string;
  at: string;
}

/** Homework as the console keeps it: sent (and maybe withdrawn); the answer is the client's entry. */
export interface HomeworkRecord {
  id: string;
  kind: "question" | "step";
  text: string;
  sentBy: string;
  sentAt: string;
  withdrawnAt: string | null;
}

/** One read of a client's page. */
export interface ReadRecord {
  who: string;
  at: string;
}

/** The webhook's side: the read log 「データ確認」 shows, and the deletion of everything here. */
export interface ClientRecordsForBot {
  /** The newest reads of the client's page (at most `limit`), newest first. */
  readsOf(userId: string, limit: number): Promise<ReadRecord[]>;
  /** Deletes the client's notes, homework and read log. */
  deleteForUser(userId: string): Promise<void>;
}

/** The console's records of one client. */
export interface ClientRecords {
  notes(): Promise<Note[]>;
  addNote(text: string, by: Consultant, now: Date): Promise<Note>;
  homework(): Promise<HomeworkRecord[]>;
  /** A new homework id (not yet stored). */
  newHomeworkId(): string;
  logRead(by: Consultant, now: Date): Promise<void>;
}

/** Who a consultant is in a record: their sign-in address, else their uid. */
export function nameOf(by: Consultant): string {
  return by.email ?? by.uid;
}

/** The records of the client `userId`; only the console store hands them out, for a client who shares. */
export function clientRecords(db: Firestore, userId: string): ClientRecords {
  const doc = db.collection(CONSOLE_RECORDS).doc(userId);
  return {
    async notes() {
      const snapshot = await doc.collection(NOTES).orderBy("at", "desc").get();
      return snapshot.docs.map((note) => ({ id: note.id, text: str(note, "text"), author: str(note, "author"), at: str(note, "at") }));
    },
    async addNote(text, by, now) {
      const ref = doc.collection(NOTES).doc();
      const note = { text, author: nameOf(by), authorUid: by.uid, at: now.toISOString() };
      await ref.set(note);
      return { id: ref.id, text, author: note.author, at: note.at };
    },
    async homework() {
      const snapshot = await doc.collection(HOMEWORK).orderBy("sentAt", "desc").get();
      return snapshot.docs.map(homeworkOf);
    },
    newHomeworkId: () => doc.collection(HOMEWORK).doc().id,
    async logRead(by, now) {
      await doc.collection(READS).add({ who: nameOf(by), uid: by.uid, at: now.toISOString() });
    },
  };
}

/** The webhook's {@link ClientRecordsForBot} over Firestore. */
export function createClientRecordsForBot(db: Firestore): ClientRecordsForBot {
  const records = db.collection(CONSOLE_RECORDS);
  return {
    async readsOf(userId, limit) {
      const snapshot = await records.doc(userId).collection(READS).orderBy("at", "desc").limit(limit).get();
      return snapshot.docs.map((read) => ({ who: str(read, "who"), at: str(read, "at") }));
    },
    async deleteForUser(userId) {
      await db.recursiveDelete(records.doc(userId));
    },
  };
}

/** A stored homework record read back. */
export function homeworkOf(doc: QueryDocumentSnapshot<DocumentData>): HomeworkRecord {
  const withdrawnAt: unknown = doc.get("withdrawnAt");
  return {
    id: doc.id,
    kind: doc.get("kind") === "step" ? "step" : "question",
    text: str(doc, "text"),
    sentBy: str(doc, "sentBy"),
    sentAt: str(doc, "sentAt"),
    withdrawnAt: typeof withdrawnAt === "string" ? withdrawnAt : null,
  };
}

function str(doc: QueryDocumentSnapshot<DocumentData>, field: string): string {
  const value: unknown = doc.get(field);
  return typeof value === "string" ? value : "";
}
