/**
 * The Firestore client library, loaded on first use. The functions bundle's module load
 * must stay free of it (it is most of a cold start; see src/server.ts), so modules that
 * are part of the bundle import only its types at the top and its values through here.
 */
import type * as FirestoreLibrary from "@google-cloud/firestore";

let library: typeof FirestoreLibrary | undefined;

/** `@google-cloud/firestore`, required the first time it is asked for. */
export function firestoreLibrary(): typeof FirestoreLibrary {
  library ??= require("@google-cloud/firestore") as typeof FirestoreLibrary;
  return library;
}
