/**
 * The Cloud Functions deploy unit: the bundle `npm run build` writes, loaded the way the
 * Functions runtime loads it, in a child process that records every module it requires.
 */
import { spawnSync } from "node:child_process";
import { createHmac } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire, isBuiltin } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { buildFunctions, FUNCTIONS_OUTFILE, type FunctionsBundle } from "../../scripts/build-functions";

const FUNCTIONS_DIR = dirname(dirname(FUNCTIONS_OUTFILE));
const CHANNEL_SECRET = "bundle-test-channel-secret";

/** What the child process reports after loading the bundle and, optionally, calling it. */
interface ChildReport {
  /** Every module specifier passed to `require`, in order, while the bundle loaded. */
  loadedAtStart: string[];
  /** Every module specifier required by the end of the run. */
  loadedAtEnd: string[];
  /** `typeof` the bundle's `webhook` export. */
  webhookType: string;
  /** Status and body of each request made through the exported trigger. */
  responses: { status: number; body: string }[];
  /** Everything the child wrote to stdout and stderr, for failure messages and log checks. */
  output: string;
}

/**
 * The child: records `require` calls, loads the bundle, then serves the `webhook` export
 * behind a body parser that sets `req.rawBody` and `req.body` as the Functions runtime does,
 * and makes the requests listed in argv.
 */
const CHILD_SCRIPT = `
const Module = require("node:module");
const loaded = [];
const load = Module._load;
Module._load = function (request, ...rest) { loaded.push(request); return load.call(this, request, ...rest); };
const [bundlePath, requestsJson] = process.argv.slice(1);
const entry = require(bundlePath);
const loadedAtStart = [...loaded];
(async () => {
  const responses = [];
  const requests = JSON.parse(requestsJson);
  if (requests.length > 0) {
    const express = Module.createRequire(bundlePath)("express");
    const runtime = express();
    runtime.use(express.json({ verify: (req, _res, buf) => { req.rawBody = buf; } }));
    runtime.use((req, res) => entry.webhook(req, res));
    const server = await new Promise((resolve) => { const s = runtime.listen(0, "127.0.0.1", () => resolve(s)); });
    const base = "http://127.0.0.1:" + server.address().port;
    for (const r of requests) {
      const res = await fetch(base + r.path, { method: r.method, headers: r.headers, body: r.body });
      responses.push({ status: res.status, body: await res.text() });
    }
    await new Promise((resolve) => server.close(resolve));
  }
  process.stdout.write("\\nREPORT " + JSON.stringify({ loadedAtStart, loadedAtEnd: [...loaded], webhookType: typeof entry.webhook, responses }) + "\\n");
  process.exit(0);
})();
`;

interface ChildRequest {
  method: "GET" | "HEAD" | "POST";
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

function runBundle(env: Record<string, string>, requests: ChildRequest[] = []): ChildReport {
  const child = spawnSync(process.execPath, ["-e", CHILD_SCRIPT, FUNCTIONS_OUTFILE, JSON.stringify(requests)], {
    cwd: FUNCTIONS_DIR,
    env: { PATH: process.env.PATH ?? "", METADATA_SERVER_DETECTION: "none", ...env },
    encoding: "utf8",
    timeout: 10_000,
  });
  const output = `${child.stdout}\n${child.stderr}`;
  const line = child.stdout.split("\n").find((text) => text.startsWith("REPORT "));
  if (child.status !== 0 || line === undefined) {
    throw new Error(`The bundle could not be loaded (exit ${child.status ?? child.signal}):\n${output}`);
  }
  return { ...(JSON.parse(line.slice("REPORT ".length)) as Omit<ChildReport, "output">), output };
}

/** The package a module specifier names: `@scope/name` or `name`. */
function packageOf(specifier: string): string {
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : (parts[0] ?? specifier);
}

const secrets = { LINE_CHANNEL_SECRET: CHANNEL_SECRET, LINE_CHANNEL_ACCESS_TOKEN: "bundle-test-access-token" };

let bundle: FunctionsBundle;
let code: string;

beforeAll(async () => {
  bundle = await buildFunctions();
  code = readFileSync(bundle.outfile, "utf8");
}, 30_000);

describe("the Cloud Functions bundle", () => {
  test("is written where functions/package.json's main points", () => {
    const manifest = JSON.parse(readFileSync(join(FUNCTIONS_DIR, "package.json"), "utf8")) as { main: string };
    expect(join(FUNCTIONS_DIR, manifest.main)).toBe(bundle.outfile);
    expect(existsSync(bundle.outfile)).toBe(true);
    expect(bundle.bytes).toBeGreaterThan(0);
  });

  test("inlines express and the LINE SDK but only requires firebase-functions, firebase-admin and Firestore", () => {
    // esbuild marks each inlined file with a `// node_modules/...` comment, its path relative to
    // the working directory (`../../main/node_modules/...` when node_modules is a link to
    // another checkout's): any prefix counts, or the negative checks would pass vacuously.
    const inlined = (pkg: string) => new RegExp(`^// \\S*node_modules/${pkg.replace("/", "\\/")}/`, "m");
    expect(code).toMatch(inlined("express"));
    expect(code).toMatch(inlined("@line/bot-sdk"));
    expect(code).not.toMatch(inlined("@google-cloud/firestore"));
    expect(code).not.toMatch(inlined("firebase-functions"));
    expect(code).not.toMatch(inlined("firebase-admin"));
    expect(code).toMatch(/require\("firebase-functions\/https"\)/);
    expect(code).toMatch(/require\("@google-cloud\/firestore"\)/);
  });

  test("does not import the firebase-functions root, which loads every trigger type", () => {
    expect(code).not.toMatch(/require\("firebase-functions"\)/);
  });

  test("loads without Firestore and exports the webhook trigger", () => {
    const report = runBundle(secrets);
    expect(report.webhookType).toBe("function");
    expect(report.loadedAtStart).toContain("firebase-functions/https");
    expect(report.loadedAtStart).not.toContain("@google-cloud/firestore");
  });

  test("answers LINE's empty verification webhook with 200 from the raw body, without loading Firestore", () => {
    // Spacing that a re-serialized body would lose, so only the raw bytes match the signature.
    const body = '{ "destination": "Ubot",  "events": [] }';
    const signature = createHmac("sha256", CHANNEL_SECRET).update(body).digest("base64");
    const report = runBundle(secrets, [
      { method: "GET", path: "/healthz" },
      { method: "POST", path: "/", headers: { "content-type": "application/json", "x-line-signature": signature }, body },
    ]);
    expect(report.responses.map((response) => response.status)).toEqual([200, 200]);
    expect(report.loadedAtEnd).not.toContain("@google-cloud/firestore");
  });

  test("serves the sheet's font from beside the bundle, and loads neither resvg nor Firestore at start", () => {
    const report = runBundle(secrets, [{ method: "HEAD", path: "/sheet-fonts/biz-udpgothic-400.ttf" }]);
    expect(report.responses[0]?.status).toBe(200);
    expect(report.loadedAtStart).not.toContain("@resvg/resvg-js");
    expect(report.loadedAtEnd).not.toContain("@google-cloud/firestore");
  });

  test("rejects a webhook whose signature does not match the raw body", () => {
    const body = '{"destination":"Ubot","events":[]}';
    const signature = createHmac("sha256", "another-secret").update(body).digest("base64");
    const report = runBundle(secrets, [
      { method: "POST", path: "/webhook", headers: { "content-type": "application/json", "x-line-signature": signature }, body },
    ]);
    expect(report.responses[0]?.status).toBe(401);
  });

  test("answers 500 and logs which secret to set when a secret is missing", () => {
    const report = runBundle({ LINE_CHANNEL_ACCESS_TOKEN: "bundle-test-access-token" }, [{ method: "GET", path: "/healthz" }]);
    expect(report.responses[0]?.status).toBe(500);
    expect(report.output).toContain("LINE_CHANNEL_SECRET is not set");
  });
});

/** The manifest the Firebase CLI reads from the SDK's discovery binary before deploying. */
interface DeployManifest {
  endpoints: Record<
    string,
    {
      region?: string[];
      availableMemoryMb?: number;
      secretEnvironmentVariables?: { key: string }[];
      httpsTrigger?: { invoker?: string[] };
    }
  >;
}

function discoverManifest(): DeployManifest {
  const sdkEntry = createRequire(FUNCTIONS_OUTFILE).resolve("firebase-functions");
  const binary = join(
    sdkEntry.slice(0, sdkEntry.lastIndexOf("node_modules") + "node_modules".length),
    "firebase-functions",
    "lib",
    "bin",
    "firebase-functions.js",
  );
  const dir = mkdtempSync(join(tmpdir(), "will-note-manifest-"));
  try {
    const manifestPath = join(dir, "manifest.json");
    const child = spawnSync(process.execPath, [binary, FUNCTIONS_DIR], {
      cwd: FUNCTIONS_DIR,
      env: {
        PATH: process.env.PATH ?? "",
        FUNCTIONS_CONTROL_API: "true",
        GCLOUD_PROJECT: "demo-will-note",
        FUNCTIONS_MANIFEST_OUTPUT_PATH: manifestPath,
      },
      encoding: "utf8",
      timeout: 10_000,
    });
    if (child.status !== 0 || !existsSync(manifestPath)) {
      throw new Error(`Discovery failed (exit ${child.status ?? child.signal}):\n${child.stdout}\n${child.stderr}`);
    }
    return JSON.parse(readFileSync(manifestPath, "utf8")) as DeployManifest;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("what the Firebase CLI deploys", () => {
  test("is one public webhook in Tokyo that mounts both LINE secrets", () => {
    const manifest = discoverManifest();
    expect(Object.keys(manifest.endpoints).sort()).toEqual(["consoleApi", "reminderShard", "reminders", "retention", "webhook"]);
    const webhook = manifest.endpoints.webhook;
    expect(webhook?.region).toEqual(["asia-northeast1"]);
    expect(webhook?.availableMemoryMb).toBe(256);
    expect(webhook?.httpsTrigger?.invoker).toEqual(["public"]);
    expect(webhook?.secretEnvironmentVariables?.map((secret) => secret.key).sort()).toEqual([
      "LINE_CHANNEL_ACCESS_TOKEN",
      "LINE_CHANNEL_SECRET",
    ]);
  });

  test("serves the consultants' console as a function of its own in Tokyo, public (the ID token authenticates), with LINE's access token only (to push homework, and to tell the client of a hand-over taken or ended there) and never the channel secret", () => {
    const consoleApi = discoverManifest().endpoints.consoleApi;
    expect(consoleApi?.region).toEqual(["asia-northeast1"]);
    expect(consoleApi?.httpsTrigger?.invoker).toEqual(["public"]);
    expect(consoleApi?.secretEnvironmentVariables?.map((secret) => secret.key)).toEqual(["LINE_CHANNEL_ACCESS_TOKEN"]);
  });
});

/** A scheduled function as the Firebase CLI would deploy it. */
function scheduledEndpoint(name: string) {
  return discoverManifest().endpoints[name] as
    | { region?: string[]; scheduleTrigger?: { schedule?: string; timeZone?: string }; secretEnvironmentVariables?: { key: string }[] }
    | undefined;
}

describe("the reminder schedule", () => {
  test("runs every 5 minutes in Asia/Tokyo, in Tokyo, with the access token only", () => {
    const reminders = scheduledEndpoint("reminders");
    expect(reminders?.region).toEqual(["asia-northeast1"]);
    expect(reminders?.scheduleTrigger).toMatchObject({ schedule: "every 5 minutes", timeZone: "Asia/Tokyo" });
    expect(reminders?.secretEnvironmentVariables?.map((secret) => secret.key)).toEqual(["LINE_CHANNEL_ACCESS_TOKEN"]);
  });
});

describe("the reminder fan-out's task queue", () => {
  test("sends shards in Tokyo with the access token, at most 19 at once, and retries a failed shard", () => {
    const shard = discoverManifest().endpoints.reminderShard as
      | {
          region?: string[];
          secretEnvironmentVariables?: { key: string }[];
          taskQueueTrigger?: { rateLimits?: Record<string, number>; retryConfig?: Record<string, number> };
        }
      | undefined;
    expect(shard?.region).toEqual(["asia-northeast1"]);
    expect(shard?.secretEnvironmentVariables?.map((secret) => secret.key)).toEqual(["LINE_CHANNEL_ACCESS_TOKEN"]);
    expect(shard?.taskQueueTrigger?.rateLimits).toMatchObject({ maxConcurrentDispatches: 19 });
    expect(shard?.taskQueueTrigger?.retryConfig).toMatchObject({ maxAttempts: 5 });
  });
});

describe("the retention sweep", () => {
  test("runs once a day in Asia/Tokyo and mounts no LINE secret", () => {
    const retention = scheduledEndpoint("retention");
    expect(retention?.region).toEqual(["asia-northeast1"]);
    expect(retention?.scheduleTrigger).toMatchObject({ schedule: "every day 04:30", timeZone: "Asia/Tokyo" });
    expect(retention?.secretEnvironmentVariables ?? []).toEqual([]);
  });
});

describe("functions/package.json", () => {
  const manifest = JSON.parse(readFileSync(join(FUNCTIONS_DIR, "package.json"), "utf8")) as {
    engines?: { node?: string };
    dependencies?: Record<string, string>;
  };

  test("targets the Node 22 runtime", () => {
    expect(manifest.engines?.node).toBe("22");
  });

  test("lists every package the bundle requires at run time", () => {
    const required = new Set<string>();
    for (const match of code.matchAll(/\brequire\("([^"]+)"\)/g)) {
      const specifier = match[1] ?? "";
      if (!isBuiltin(specifier) && !specifier.startsWith(".")) required.add(packageOf(specifier));
    }
    for (const specifier of bundle.externals) required.add(packageOf(specifier));
    // Packages read through require.resolve (the sheet's font files), named in a constant.
    for (const match of code.matchAll(/\bFONT_PACKAGE = "([^"]+)"/g)) required.add(match[1] ?? "");
    expect(required).toContain("@expo-google-fonts/biz-udpgothic");
    expect(required.size).toBeGreaterThan(0);
    const missing = [...required].filter((name) => manifest.dependencies?.[name] === undefined);
    expect(missing).toEqual([]);
  });
});
