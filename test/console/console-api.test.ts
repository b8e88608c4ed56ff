/**
 * The console's data functions (issue 22, item 2) over real HTTP, the real Firestore and Auth
 * emulators and the real webhook: a consultant sees only clients who share, by 受付番号; anyone
 * else gets nothing; and the Firestore rules deny the client SDK's reads.
 */
import { createSign, generateKeyPairSync } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { handoverCode } from "../../src/store/user-document";
import { CONSULTANT, NON_CONSULTANT, startConsoleFixture, type ConsoleFixture } from "../helpers/console";

const SHARING = `U${"a1".repeat(16)}`;
const PRIVATE = `U${"b2".repeat(16)}`;

let fixture: ConsoleFixture;
let consultantToken: string;

beforeAll(async () => {
  fixture = await startConsoleFixture();
  consultantToken = await fixture.signIn(CONSULTANT);
  await fixture.client(SHARING, true);
  await fixture.client(PRIVATE, false);
}, 90_000);

afterAll(async () => {
  await fixture?.close();
});

const get = async (path: string, token?: string) => {
  const response = await fetch(`${fixture.apiUrl}${path}`, { headers: token === undefined ? {} : { authorization: `Bearer ${token}` } });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};

const base64url = (value: object | string) => Buffer.from(typeof value === "string" ? value : JSON.stringify(value)).toString("base64url");

/** A token shaped like the emulator's, for the consultant's account, with `changes` to its payload and signed as `sign` says. */
function craftedToken(changes: Record<string, unknown>, sign: "none" | "ownKey"): Promise<string> {
  const { sub: uid } = JSON.parse(Buffer.from(consultantToken.split(".")[1], "base64url").toString("utf8")) as { sub: string };
  const now = Math.floor(Date.now() / 1000);
  const payload = {
    iss: `https://securetoken.google.com/${fixture.stack.projectId}`,
    aud: fixture.stack.projectId,
    auth_time: now - 60,
    user_id: uid,
    sub: uid,
    iat: now - 60,
    exp: now + 3600,
    email: CONSULTANT.email,
    consultant: true,
    firebase: { identities: {}, sign_in_provider: "password" },
    ...changes,
  };
  if (sign === "none") return Promise.resolve(`${base64url({ alg: "none", typ: "JWT" })}.${base64url(payload)}.`);
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const unsigned = `${base64url({ alg: "RS256", typ: "JWT", kid: "forged" })}.${base64url(payload)}`;
  return Promise.resolve(`${unsigned}.${createSign("RSA-SHA256").update(unsigned).sign(privateKey).toString("base64url")}`);
}

describe("the console's data functions", () => {
  it("a consultant sees the client who shares, by 受付番号, and not the one who does not", async () => {
    const { status, body } = await get("/api/clients", consultantToken);
    expect(status).toBe(200);
    const codes = (body.clients as { code: string }[]).map((client) => client.code);
    expect(codes).toEqual([handoverCode(SHARING)]);
    const page = await get(`/api/clients/${handoverCode(SHARING)}`, consultantToken);
    expect(page.status).toBe(200);
    expect(JSON.stringify(page.body)).not.toContain(SHARING);
    expect(JSON.stringify(body)).not.toContain(SHARING);
  });

  it("a consultant cannot read a client who did not share, even with their 受付番号", async () => {
    const page = await get(`/api/clients/${handoverCode(PRIVATE)}`, consultantToken);
    expect(page.status).toBe(404);
    expect(page.body).toEqual({ error: "notFound" });
  });

  it("a signed-in account without the consultant claim gets nothing", async () => {
    const token = await fixture.signIn(NON_CONSULTANT);
    for (const path of ["/api/clients", `/api/clients/${handoverCode(SHARING)}`]) {
      const { status, body } = await get(path, token);
      expect(status).toBe(403);
      expect(body).toEqual({ error: "forbidden" });
    }
  });

  it.each([
    ["no token at all", () => Promise.resolve(undefined)],
    ["a token signed with someone else's key", () => craftedToken({}, "ownKey")],
    ["an expired token", () => craftedToken({ iat: 1_700_000_000, auth_time: 1_700_000_000, exp: 1_700_003_600 }, "none")],
    ["a token for an account that does not exist", () => craftedToken({ sub: "nobody", user_id: "nobody" }, "none")],
    ["a token for another project", () => craftedToken({ aud: "demo-other", iss: "https://securetoken.google.com/demo-other" }, "none")],
    ["text that is not a token", () => Promise.resolve("not-a-token")],
  ])("%s gets 401", async (_name, token) => {
    const { status, body } = await get("/api/clients", await token());
    expect(status).toBe(401);
    expect(body).toEqual({ error: "unauthenticated" });
  });

  it("when the client stops sharing, the console stops showing them at once", async () => {
    await fixture.unshare(SHARING);
    const { body } = await get("/api/clients", consultantToken);
    expect(body.clients).toEqual([]);
    expect((await get(`/api/clients/${handoverCode(SHARING)}`, consultantToken)).status).toBe(404);
  });

  it("the operator adds, lists and removes consultants, and a removed one is refused at their next request", async () => {
    const other = { email: "leaving@example.com", password: "leaving-pass-1" };
    await fixture.signUp(other);
    expect(fixture.consultants("add", other.email)).toMatchObject({ status: 0, output: `${other.email} is now a consultant.\n` });
    expect(fixture.consultants("list")).toEqual({ status: 0, output: `${CONSULTANT.email}\n${other.email}\n` });
    const token = await fixture.signIn(other);
    expect((await get("/api/clients", token)).status).toBe(200);
    expect(fixture.consultants("remove", other.email).status).toBe(0);
    // Refused either way: its sessions are revoked (401) or, within the same second, its claim is gone (403).
    const refused = await get("/api/clients", token);
    expect([401, 403]).toContain(refused.status);
    expect(refused.body.clients).toBeUndefined();
    expect(fixture.consultants("list").output).toBe(`${CONSULTANT.email}\n`);
    expect(fixture.consultants("add").status).toBe(2);
  });

  it("Firestore's rules deny the client SDK's reads, a consultant's included", async () => {
    const host = process.env.FIRESTORE_EMULATOR_HOST;
    const project = fixture.stack.projectId;
    const rules = readFileSync(join(__dirname, "..", "..", "firestore.rules"), "utf8");
    const loaded = await fetch(`http://${host}/emulator/v1/projects/${project}:securityRules`, {
      method: "PUT",
      body: JSON.stringify({ rules: { files: [{ content: rules }] } }),
    });
    expect(loaded.ok).toBe(true);
    const documents = `http://${host}/v1/projects/${project}/databases/(default)/documents`;
    const asOwner = await fetch(`${documents}/users/${SHARING}`, { headers: { authorization: "Bearer owner" } });
    expect(asOwner.status).toBe(200);
    const clients: Record<string, string>[] = [{ authorization: `Bearer ${consultantToken}` }, {}];
    for (const headers of clients) {
      expect((await fetch(`${documents}/users/${SHARING}`, { headers })).status).toBe(403);
      expect((await fetch(`${documents}/users`, { headers })).status).toBe(403);
    }
  });
});
