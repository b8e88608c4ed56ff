/**
 * The consultants' accounts of the console (Firebase Authentication): the operator adds,
 * removes and lists them with `npm run consultants`. An account is a consultant while it carries
 * the `consultant` custom claim; removing the claim also revokes its sessions.
 */
import { randomBytes } from "node:crypto";
import type { Auth } from "firebase-admin/auth";
import { CONSULTANT_CLAIM } from "../../src/console/consultant-auth";

/** What `add` did: the claim set on an existing account, or a new account made with a one-time password. */
export type AddOutcome = { kind: "added" } | { kind: "already" } | { kind: "created"; password: string };

/** Makes `email`'s account a consultant, creating the account when there is none. */
export async function addConsultant(auth: Auth, email: string, password?: string): Promise<AddOutcome> {
  const existing = await auth.getUserByEmail(email).catch((error: unknown) => {
    if ((error as { code?: unknown }).code === "auth/user-not-found") return null;
    throw error;
  });
  if (existing?.customClaims?.[CONSULTANT_CLAIM] === true) return { kind: "already" };
  if (existing) {
    await auth.setCustomUserClaims(existing.uid, { ...existing.customClaims, [CONSULTANT_CLAIM]: true });
    return { kind: "added" };
  }
  const chosen = password ?? randomBytes(12).toString("base64url");
  const created = await auth.createUser({ email, password: chosen, emailVerified: false });
  await auth.setCustomUserClaims(created.uid, { [CONSULTANT_CLAIM]: true });
  return { kind: "created", password: chosen };
}

/**
 * Takes the claim from `email`'s account and signs it out everywhere. Resolves whether it was a
 * consultant, and the account's uid (null when there is no account).
 */
export async function removeConsultant(auth: Auth, email: string): Promise<{ wasConsultant: boolean; uid: string | null }> {
  const user = await auth.getUserByEmail(email).catch(() => null);
  if (user?.customClaims?.[CONSULTANT_CLAIM] !== true) return { wasConsultant: false, uid: user?.uid ?? null };
  const claims = Object.fromEntries(Object.entries(user.customClaims).filter(([key]) => key !== CONSULTANT_CLAIM));
  await auth.setCustomUserClaims(user.uid, claims);
  await auth.revokeRefreshTokens(user.uid);
  return { wasConsultant: true, uid: user.uid };
}

/** The e-mail addresses of every consultant, sorted. */
export async function listConsultants(auth: Auth): Promise<string[]> {
  const emails: string[] = [];
  let pageToken: string | undefined;
  do {
    const page = await auth.listUsers(1000, pageToken);
    for (const user of page.users) if (user.customClaims?.[CONSULTANT_CLAIM] === true) emails.push(user.email ?? user.uid);
    pageToken = page.pageToken;
  } while (pageToken !== undefined);
  return emails.sort();
}
