/**
 * Who is asking: every request to the console's functions carries a Firebase Authentication
 * ID token. It is verified by firebase-admin (signature, expiry, audience, revocation; against
 * the Auth emulator when FIREBASE_AUTH_EMULATOR_HOST is set), and the `consultant` custom claim
 * is read from the account itself, not from the token, so that removing a consultant takes
 * effect at their next request instead of when their token expires.
 */
import type { Auth } from "firebase-admin/auth";

/** The custom claim that makes an account a consultant (`npm run consultants -- add <email>`). */
export const CONSULTANT_CLAIM = "consultant";

/** What a token turned out to be. */
export type Verdict =
  /** A consultant's valid token. */
  | { kind: "consultant"; uid: string; email: string | null }
  /** A valid token of an account without the claim. */
  | { kind: "notConsultant" }
  /** Forged, expired, revoked, of a disabled or deleted account, or not a token at all. */
  | { kind: "invalid" };

/** Reads a token to a {@link Verdict}; never throws. */
export type VerifyToken = (token: string) => Promise<Verdict>;

/** The {@link VerifyToken} of firebase-admin's `auth`. */
export function consultantVerifier(auth: Pick<Auth, "verifyIdToken" | "getUser">): VerifyToken {
  return async (token) => {
    try {
      const decoded = await auth.verifyIdToken(token, true);
      const user = await auth.getUser(decoded.uid);
      if (user.disabled) return { kind: "invalid" };
      return user.customClaims?.[CONSULTANT_CLAIM] === true
        ? { kind: "consultant", uid: user.uid, email: user.email ?? null }
        : { kind: "notConsultant" };
    } catch {
      return { kind: "invalid" };
    }
  };
}
