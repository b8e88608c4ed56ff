/**
 * Firestore operations per webhook event, counted at the client: the methods of the
 * Firestore library's classes are wrapped (in this process only) so that every document
 * read, query, write and commit the bot asks for is tallied, whatever code asks. A
 * transaction commits once per attempt when it has writes; Firestore bills one read per
 * document a `get` returns and one write per document written.
 */
import type * as FirestoreLibrary from "@google-cloud/firestore";
import type { Firestore } from "@google-cloud/firestore";
import { follow, postback, text, userId } from "../test/helpers/events";
import { postEvent, seedRestingUsers, TURN_TEXT, type RunningVariant } from "./turns";

/** What one event cost. */
export interface OpCount {
  /** Documents read by `get` of a document, inside a transaction or not. */
  documentReads: number;
  /** Queries run (a hot path should have none). */
  queries: number;
  /** Documents written (set, update, create, delete), inside a transaction or a batch. */
  documentWrites: number;
  /** Commits: transaction attempts with writes, batch commits and bulk-writer writes. */
  commits: number;
  /** Transaction attempts (above 1 only when contended). */
  transactionAttempts: number;
}

const zero = (): OpCount => ({ documentReads: 0, queries: 0, documentWrites: 0, commits: 0, transactionAttempts: 0 });

/** Wraps the client library's methods; returns a function that reads and resets the count. */
export function instrumentFirestore(): () => OpCount {
  const lib = require("@google-cloud/firestore") as typeof FirestoreLibrary;
  let count = zero();
  const wrap = <T extends object>(proto: T, name: keyof T & string, before: (self: T, args: unknown[]) => void) => {
    const original = proto[name] as (...args: unknown[]) => unknown;
    (proto as Record<string, unknown>)[name] = function (this: T, ...args: unknown[]) {
      before(this, args);
      return original.apply(this, args);
    };
  };
  const isQuery = (target: unknown) => target instanceof lib.Query;
  wrap(lib.Transaction.prototype, "get", (_tx, [target]) => (isQuery(target) ? count.queries++ : count.documentReads++));
  wrap(
    lib.Transaction.prototype,
    "getAll",
    (_tx, refs) => (count.documentReads += refs.filter((ref) => ref instanceof lib.DocumentReference).length),
  );
  // A transaction's writes go through its own WriteBatch, so they are counted there, once.
  for (const name of ["set", "update", "create", "delete"] as const) {
    wrap(lib.WriteBatch.prototype, name, () => count.documentWrites++);
    wrap(lib.BulkWriter.prototype, name, () => (count.documentWrites++, count.commits++));
  }
  wrap(lib.WriteBatch.prototype, "commit", () => count.commits++);
  wrap(lib.DocumentReference.prototype, "get", () => count.documentReads++);
  wrap(lib.Query.prototype, "get", () => count.queries++);
  // eslint-disable-next-line @typescript-eslint/unbound-method -- kept to be called with the right `this` below
  const runTransaction = lib.Firestore.prototype.runTransaction;
  lib.Firestore.prototype.runTransaction = function (this: Firestore, update, options) {
    return runTransaction.call(
      this,
      async (tx) => {
        count.transactionAttempts++;
        const writesBefore = count.documentWrites;
        const result = await update(tx);
        if (count.documentWrites > writesBefore) count.commits++;
        return result;
      },
      options,
    );
  } as typeof runTransaction;
  return () => {
    const taken = count;
    count = zero();
    return taken;
  };
}

/** The events counted, each posted alone to the running bot. */
export interface OpCounts {
  textTurn: OpCount;
  postbackTurn: OpCount;
  follow: OpCount;
}

/** Posts a text, a postback (a command button) and a new friend's follow; counts each. */
export async function countEventOps(bot: RunningVariant, db: Firestore, take: () => OpCount): Promise<OpCounts> {
  const resting = userId();
  await seedRestingUsers(db, [resting]);
  const measure = async (event: Record<string, unknown>) => {
    take();
    const { status } = await postEvent(bot, event);
    if (status !== 200) throw new Error(`The bot answered ${status} while counting Firestore operations.`);
    return take();
  };
  return {
    textTurn: await measure(text(resting, TURN_TEXT)),
    postbackTurn: await measure(postback(resting, "w1|cmd|help")),
    follow: await measure(follow(userId())),
  };
}
