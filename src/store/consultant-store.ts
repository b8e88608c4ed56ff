/**
 * Consultants added by pairing, in Firestore: `consultants/{lineUserId}` (when and under what
 * name they were paired, and the console account they are one consultant with, if any) and
 * `consultantPairings/{id}`, one-time codes waiting to be sent.
 *
 * A code the console asked for carries the signed-in consultant's account: whoever sends it
 * from LINE becomes that consultant's LINE, whether their LINE id was paired before or not, and
 * an account is linked to one LINE id at most (a new link moves it).
 *
 * A code is eight random digits. Only its SHA-256 is stored; a code sent to the bot is compared
 * with every waiting one in constant time (`timingSafeEqual`, and no early exit). A code is
 * single use (it records who took it), expires, and every refused code counts against all the
 * waiting ones: after {@link PAIRING_MAX_FAILURES} of them a code is void, so a code cannot be
 * guessed in its lifetime.
 */
import { createHash, randomInt, timingSafeEqual } from "node:crypto";
import type { DocumentData, Firestore, Timestamp as FirestoreTimestamp } from "@google-cloud/firestore";
import { PAIRING_CODE_DIGITS, type PairingOutcome } from "../dialogue";
import { firestoreLibrary } from "./firestore-library";

/** The collection of paired consultants, one document per LINE user id. */
export const CONSULTANTS = "consultants";
/** The collection of one-time pairing codes. */
export const PAIRINGS = "consultantPairings";
/** How long a pairing code can be used. */
export const PAIRING_TTL_MS = 15 * 60_000;
/** Refused codes after which the waiting codes are void. */
export const PAIRING_MAX_FAILURES = 5;

/** A consultant's account of the console (Firebase Authentication). */
export interface ConsoleAccount {
  uid: string;
  email: string | null;
}

/** A consultant who paired their LINE account. */
export interface Consultant {
  lineUserId: string;
  pairedAt: Date;
  /** Their LINE display name when they paired, to tell consultants apart in the setup; null if LINE gave none. */
  displayName: string | null;
  /** The console account they are one consultant with (paired from the console); null for a LINE-only consultant. */
  account: ConsoleAccount | null;
  /** When the account was linked (the latest code taken); null without one. */
  linkedAt: Date | null;
}

/** A code just made: shown once, stored only as a hash. */
export interface PairingTicket {
  id: string;
  code: string;
  expiresAt: Date;
}

/** Where a code stands, for the setup that waits for it. */
export type PairingStatus =
  { state: "waiting"; expiresAt: Date } | { state: "paired"; consultant: Consultant } | { state: "expired" } | { state: "unknown" };

/** The consultants and their pairing codes. */
export interface ConsultantStore {
  /** Every paired consultant. */
  list(): Promise<Consultant[]>;
  /** Makes a code that can be used until `now` + {@link PAIRING_TTL_MS}; with `account`, for that console consultant. */
  issuePairing(now: Date, account?: ConsoleAccount): Promise<PairingTicket>;
  /** Where the code `id` stands at `now`. */
  pairingStatus(id: string, now: Date): Promise<PairingStatus>;
  /** Takes `code` from `lineUserId` at `now`, in one transaction. */
  redeem(code: string, lineUserId: string, displayName: string | null, now: Date): Promise<PairingOutcome>;
  /**
   * The consultants linked to a console account, found by its uid or its sign-in address (one at
   * most, unless two codes were taken at once).
   */
  linkedTo(by: { uid: string } | { email: string }): Promise<Consultant[]>;
  /** Removes a consultant; resolves what was removed, null when there was none. */
  remove(lineUserId: string): Promise<Consultant | null>;
}

const digest = (code: string): Buffer => createHash("sha256").update(code, "utf8").digest();

/** A new code of {@link PAIRING_CODE_DIGITS} random digits. */
export function newPairingCode(): string {
  return Array.from({ length: PAIRING_CODE_DIGITS }, () => String(randomInt(10))).join("");
}

/** A {@link ConsultantStore} over Firestore. */
export function createFirestoreConsultantStore(db: Firestore): ConsultantStore {
  const { FieldValue, Timestamp } = firestoreLibrary();
  const consultants = db.collection(CONSULTANTS);
  const pairings = db.collection(PAIRINGS);
  const consultantOf = (id: string, data: DocumentData | undefined): Consultant => ({
    lineUserId: id,
    pairedAt: (data?.pairedAt as FirestoreTimestamp | undefined)?.toDate() ?? new Date(0),
    displayName: typeof data?.displayName === "string" ? data.displayName : null,
    account: accountOf(data),
    linkedAt: (data?.linkedAt as FirestoreTimestamp | undefined)?.toDate() ?? null,
  });
  return {
    async list() {
      const snapshot = await consultants.get();
      return snapshot.docs.map((doc) => consultantOf(doc.id, doc.data()));
    },
    async issuePairing(now, account) {
      const code = newPairingCode();
      const expiresAt = new Date(now.getTime() + PAIRING_TTL_MS);
      const ref = pairings.doc();
      const hash = digest(code).toString("hex");
      const forAccount = account === undefined ? {} : { uid: account.uid, email: account.email };
      await ref.set({ hash, expiresAt: Timestamp.fromDate(expiresAt), failures: 0, pairedUserId: null, ...forAccount });
      return { id: ref.id, code, expiresAt };
    },
    async pairingStatus(id, now) {
      const doc = await pairings.doc(id).get();
      if (!doc.exists) return { state: "unknown" };
      const pairedUserId: unknown = doc.get("pairedUserId");
      if (typeof pairedUserId === "string") {
        const consultant = await consultants.doc(pairedUserId).get();
        return { state: "paired", consultant: consultantOf(pairedUserId, consultant.data()) };
      }
      const expiresAt = (doc.get("expiresAt") as FirestoreTimestamp).toDate();
      const spent = Number(doc.get("failures")) >= PAIRING_MAX_FAILURES;
      return expiresAt.getTime() <= now.getTime() || spent ? { state: "expired" } : { state: "waiting", expiresAt };
    },
    redeem(code, lineUserId, displayName, now) {
      const candidate = digest(code);
      return db.runTransaction(async (tx) => {
        const waiting = await tx.get(pairings.where("expiresAt", ">", Timestamp.fromDate(now)));
        const me = await tx.get(consultants.doc(lineUserId));
        const open = waiting.docs.filter((doc) => doc.get("pairedUserId") === null && Number(doc.get("failures")) < PAIRING_MAX_FAILURES);
        let match: (typeof open)[number] | undefined;
        for (const doc of open) {
          const stored = Buffer.from(String(doc.get("hash")), "hex");
          const equal = stored.length === candidate.length && timingSafeEqual(stored, candidate);
          if (equal && match === undefined && code !== "") match = doc;
        }
        if (match === undefined) {
          for (const doc of open) tx.update(doc.ref, { failures: Number(doc.get("failures")) + 1 });
          return "invalid";
        }
        const account = accountOf(match.data());
        // Reads first: a transaction reads everything before it writes.
        const before = account === null ? [] : (await tx.get(consultants.where("uid", "==", account.uid))).docs;
        tx.update(match.ref, { pairedUserId: lineUserId, pairedAt: Timestamp.fromDate(now) });
        const record = me.exists ? {} : { pairedAt: Timestamp.fromDate(now), displayName };
        if (account === null) {
          if (me.exists) return "already";
          tx.set(consultants.doc(lineUserId), record);
          return "paired";
        }
        const unlink = { uid: FieldValue.delete(), email: FieldValue.delete(), linkedAt: FieldValue.delete() };
        for (const other of before) if (other.id !== lineUserId) tx.update(other.ref, unlink);
        const link = { uid: account.uid, email: account.email, linkedAt: Timestamp.fromDate(now) };
        tx.set(consultants.doc(lineUserId), { ...record, ...link }, { merge: true });
        return "linked";
      });
    },
    async linkedTo(by) {
      const snapshot = await ("uid" in by ? consultants.where("uid", "==", by.uid) : consultants.where("email", "==", by.email)).get();
      return snapshot.docs.map((doc) => consultantOf(doc.id, doc.data()));
    },
    async remove(lineUserId) {
      const ref = consultants.doc(lineUserId);
      return db.runTransaction(async (tx) => {
        const doc = await tx.get(ref);
        if (!doc.exists) return null;
        tx.delete(ref);
        return consultantOf(doc.id, doc.data());
      });
    },
  };
}

/** The console account stored with a pairing code or a consultant, if any. */
function accountOf(data: DocumentData | undefined): ConsoleAccount | null {
  if (typeof data?.uid !== "string") return null;
  return { uid: data.uid, email: typeof data.email === "string" ? data.email : null };
}
