/**
 * Where 振り返りシート live while their links do: `sheets/{hash}` in Firestore, the hash being
 * the SHA-256 of the link's token, so the stored ids open nothing by themselves. A sheet is kept
 * as the data it was drawn from ({@link Sheet}), with its user and expiry; the images, the PDF
 * and the page are drawn from it on request. データ削除 deletes a user's sheets with the rest,
 * and the daily sweep deletes sheets whose link has expired.
 */
import { createHash, randomBytes } from "node:crypto";
import type { Firestore } from "@google-cloud/firestore";
import { SHEET_VERSION, type Sheet } from "../model/sheet";

/** The collection of sheets. */
export const SHEETS = "sheets";

/** A sheet as stored: whose it is, when it was made and until when its link works (ISO instants). */
export interface StoredSheet {
  userId: string;
  sheet: Sheet;
  createdAt: string;
  expiresAt: string;
}

/** Where sheets are kept. */
export interface SheetStore {
  /** Keeps `record` under the hash of its link's token. */
  save(tokenHash: string, record: StoredSheet): Promise<void>;
  /** The sheet under `tokenHash`, expired or not; null when there is none (never made, deleted, or unreadable). */
  find(tokenHash: string): Promise<StoredSheet | null>;
  /** Deletes every sheet of `userId`. */
  deleteForUser(userId: string): Promise<void>;
  /** Deletes up to `limit` sheets whose link expired before `now`; resolves how many. */
  deleteExpired(now: Date, limit: number): Promise<number>;
}

/** A new link token: 32 random bytes, base64url (43 characters). */
export function newSheetToken(): string {
  return randomBytes(32).toString("base64url");
}

/** Whether `text` has the shape of a token from {@link newSheetToken}. */
export function isSheetToken(text: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(text);
}

/** The id a token's sheet is stored under. */
export function sheetTokenHash(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** A {@link SheetStore} over Firestore (the sheet is kept as JSON text, so its shape never meets Firestore's rules). */
export function createFirestoreSheetStore(db: Firestore): SheetStore {
  const sheets = db.collection(SHEETS);
  return {
    async save(tokenHash, record) {
      await sheets.doc(tokenHash).set({
        userId: record.userId,
        createdAt: new Date(record.createdAt),
        expiresAt: new Date(record.expiresAt),
        sheet: JSON.stringify(record.sheet),
      });
    },
    async find(tokenHash) {
      const data = (await sheets.doc(tokenHash).get()).data();
      if (data === undefined) return null;
      return readStored(data["userId"], toIso(data["createdAt"]), toIso(data["expiresAt"]), data["sheet"]);
    },
    async deleteForUser(userId) {
      const found = await sheets.where("userId", "==", userId).get();
      await Promise.all(found.docs.map((doc) => doc.ref.delete()));
    },
    async deleteExpired(now, limit) {
      const found = await sheets.where("expiresAt", "<", now).limit(limit).get();
      await Promise.all(found.docs.map((doc) => doc.ref.delete()));
      return found.size;
    },
  };
}

/** A {@link SheetStore} in memory, for unit tests and experiments; `records` is exposed for assertions. */
export function createMemorySheetStore(): SheetStore & { records: Map<string, StoredSheet> } {
  const records = new Map<string, StoredSheet>();
  return {
    records,
    save: (tokenHash, record) => Promise.resolve(void records.set(tokenHash, structuredClone(record))),
    find: (tokenHash) => Promise.resolve(structuredClone(records.get(tokenHash) ?? null)),
    deleteForUser(userId) {
      for (const [hash, record] of records) if (record.userId === userId) records.delete(hash);
      return Promise.resolve();
    },
    deleteExpired(now, limit) {
      const expired = [...records].filter(([, record]) => record.expiresAt < now.toISOString()).slice(0, limit);
      for (const [hash] of expired) records.delete(hash);
      return Promise.resolve(expired.length);
    },
  };
}

/** A Firestore timestamp as an ISO instant (the class is not imported, so that Firestore loads only when used). */
function toIso(value: unknown): string | null {
  if (typeof value !== "object" || value === null || !("toDate" in value) || typeof value.toDate !== "function") return null;
  const date = (value as { toDate(): unknown }).toDate();
  return date instanceof Date ? date.toISOString() : null;
}

/** A stored sheet read back; null when any part is missing or of another version. */
function readStored(userId: unknown, createdAt: string | null, expiresAt: string | null, text: unknown): StoredSheet | null {
  if (typeof userId !== "string" || createdAt === null || expiresAt === null || typeof text !== "string") return null;
  try {
    const sheet = JSON.parse(text) as Sheet;
    return sheet.version === SHEET_VERSION ? { userId, sheet, createdAt, expiresAt } : null;
  } catch {
    return null;
  }
}
