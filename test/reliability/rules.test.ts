/**
 * firestore.rules, loaded into the emulator for a project of its own, deny every client:
 * requests without the emulator's admin credential (what a web or mobile client sends) are
 * refused for reading and writing users and their entries, while the same requests as
 * admin (the server's view) succeed, so the refusals come from the rules.
 */
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";

const host = process.env.FIRESTORE_EMULATOR_HOST ?? "";
const projectId = `demo-rules-${randomBytes(4).toString("hex")}`;
const documents = `http://${host}/v1/projects/${projectId}/databases/(default)/documents`;
const ADMIN = { authorization: "Bearer owner" };
/** A signed-in client: an unsigned Firebase ID token, which the emulator accepts as such. */
const CLIENT = { authorization: `Bearer ${idToken("Uexisting")}` };

function idToken(uid: string): string {
  const now = Math.floor(Date.now() / 1000);
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const claims = {
    iss: `https://securetoken.google.com/${projectId}`,
    aud: projectId,
    sub: uid,
    user_id: uid,
    iat: now,
    exp: now + 3600,
    auth_time: now,
  };
  return `${part({ alg: "none", typ: "JWT" })}.${part(claims)}.`;
}

async function call(method: string, path: string, headers: Record<string, string>, body?: unknown) {
  const response = await fetch(`${documents}${path}`, {
    method,
    headers: { "content-type": "application/json", ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, text };
}

const fields = { fields: { state: { stringValue: "x" } } };
const runQuery = { structuredQuery: { from: [{ collectionId: "entries", allDescendants: true }] } };

const cases: Array<{ name: string; method: string; path: string; body?: unknown }> = [
  { name: "read a user", method: "GET", path: "/users/Uexisting" },
  { name: "read an entry", method: "GET", path: "/users/Uexisting/entries/e1" },
  { name: "list users", method: "GET", path: "/users" },
  { name: "query every entry", method: "POST", path: ":runQuery", body: runQuery },
  { name: "create a user", method: "PATCH", path: "/users/Unew", body: fields },
  { name: "overwrite a user", method: "PATCH", path: "/users/Uexisting", body: fields },
  { name: "write an entry", method: "PATCH", path: "/users/Uexisting/entries/e2", body: fields },
  { name: "delete a user", method: "DELETE", path: "/users/Uexisting" },
];

beforeAll(async () => {
  const rules = readFileSync(join(__dirname, "..", "..", "firestore.rules"), "utf8");
  const loaded = await fetch(`http://${host}/emulator/v1/projects/${projectId}:securityRules`, {
    method: "PUT",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ rules: { files: [{ name: "firestore.rules", content: rules }] } }),
  });
  expect(loaded.status).toBe(200);
  expect((await call("PATCH", "/users/Uexisting", ADMIN, fields)).status).toBe(200);
  expect((await call("PATCH", "/users/Uexisting/entries/e1", ADMIN, fields)).status).toBe(200);
});

describe("firestore.rules", () => {
  it.each(cases)("refuse a client that tries to $name", async ({ method, path, body }) => {
    for (const headers of [{}, CLIENT]) {
      const answer = await call(method, path, headers, body);
      expect({ status: answer.status, text: answer.text.slice(0, 200) }).toMatchObject({ status: 403 });
      expect(answer.text).toContain("PERMISSION_DENIED");
    }
  });

  it("leave the data as it was, and let the server (admin) do the same requests", async () => {
    const read = await call("GET", "/users/Uexisting", ADMIN);
    expect(read.status).toBe(200);
    expect(JSON.parse(read.text)).toMatchObject(fields);
    expect((await call("GET", "/users/Unew", ADMIN)).status).toBe(404);
    for (const { method, path, body } of cases) expect((await call(method, path, ADMIN, body)).status).toBe(200);
  });
});
