/**
 * The console's calls: sign-in with Firebase Authentication's REST API (no SDK; the Hosting
 * page's `/__/firebase/init.json` gives the API key, and locally the page's server passes the
 * calls on to the Auth emulator), and the console API under `/api` with the ID token.
 */

/** What the page knows of the Firebase project. */
interface InitJson {
  apiKey: string;
  /** A `demo-` project is one of Firebase's emulators (`npm run emulators`), never a deployed one. */
  projectId?: string;
  /** Where Authentication's REST API answers: Google's by default, a path of the page's own server on the local stack. */
  authBase?: string;
}

/** A signed-in consultant's session, kept for this tab only. */
interface Session {
  idToken: string;
  refreshToken: string;
  expiresAt: number;
}

const SESSION_KEY = "will-note-console";
/** The Auth emulator's port in firebase.json, which the Hosting emulator's page signs in with. */
const AUTH_EMULATOR_PORT = 9099;
let init: InitJson | undefined;

async function firebaseInit(): Promise<InitJson> {
  init ??= (await (await fetch("/__/firebase/init.json")).json()) as InitJson;
  return init;
}

function stored(): Session | null {
  const raw = sessionStorage.getItem(SESSION_KEY);
  return raw === null ? null : (JSON.parse(raw) as Session);
}

/** Whether someone signed in on this tab. */
export function signedIn(): boolean {
  return stored() !== null;
}

/** Signs in with e-mail and password; false when Authentication refused them. */
export async function signIn(email: string, password: string): Promise<boolean> {
  const { apiKey, projectId, authBase = defaultAuthBase(projectId) } = await firebaseInit();
  const response = await fetch(`${authBase}/v1/accounts:signInWithPassword?key=${encodeURIComponent(apiKey)}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password, returnSecureToken: true }),
  });
  if (!response.ok) return false;
  const body = (await response.json()) as { idToken: string; refreshToken: string; expiresIn: string };
  const session: Session = {
    idToken: body.idToken,
    refreshToken: body.refreshToken,
    expiresAt: Date.now() + Number(body.expiresIn) * 1000,
  };
  sessionStorage.setItem(SESSION_KEY, JSON.stringify(session));
  return true;
}

function defaultAuthBase(projectId: string | undefined): string {
  return projectId?.startsWith("demo-") === true
    ? `http://127.0.0.1:${AUTH_EMULATOR_PORT}/identitytoolkit.googleapis.com`
    : "https://identitytoolkit.googleapis.com";
}

/** Forgets the session. */
export function signOut(): void {
  sessionStorage.removeItem(SESSION_KEY);
}

/** What an API call gave: the JSON, or why not. */
export type ApiResult<T> = { ok: true; body: T } | { ok: false; status: number };

/** GETs `path` of the console API with the session's ID token. */
export async function apiGet<T>(path: string): Promise<ApiResult<T>> {
  const session = stored();
  if (session === null) return { ok: false, status: 401 };
  const response = await fetch(path, { headers: { authorization: `Bearer ${session.idToken}` } });
  if (response.status === 401) signOut();
  return response.ok ? { ok: true, body: (await response.json()) as T } : { ok: false, status: response.status };
}

/** POSTs to `path` of the console API (no body) with the session's ID token. */
export async function apiPost<T>(path: string): Promise<ApiResult<T>> {
  const session = stored();
  if (session === null) return { ok: false, status: 401 };
  const response = await fetch(path, { method: "POST", headers: { authorization: `Bearer ${session.idToken}` } });
  if (response.status === 401) signOut();
  return response.ok ? { ok: true, body: (await response.json()) as T } : { ok: false, status: response.status };
}
