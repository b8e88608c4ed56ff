/**
 * The consultants' console page on the local stack: the page (bundled from console/page), the
 * `/__/firebase/init.json` Firebase Hosting gives a deployed page, and, on the same origin, the
 * console API (`/api/…`, as Hosting's rewrite reaches the `consoleApi` function) and the Auth
 * emulator's REST API, passed on so that the page's CSP allows its own origin only.
 */
import { readFile } from "node:fs/promises";
import { createServer, request, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { build } from "esbuild";

const PAGE_DIR = join(__dirname, "..", "..", "console", "page");
/** Where the page's Authentication calls go on the local stack (see console/page/api.ts). */
const AUTH_PATH = "/identitytoolkit.googleapis.com";
const SECURITY_HEADERS = {
  "content-security-policy":
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  "x-content-type-options": "nosniff",
  "cache-control": "no-store",
};

/** Where the page's calls go. */
export interface ConsoleWebOptions {
  /** The console API's origin, e.g. `http://127.0.0.1:41234`. */
  apiUrl: string;
  /** The Auth emulator's host (FIREBASE_AUTH_EMULATOR_HOST). */
  authEmulatorHost: string;
  /** 0 or absent picks a free port. */
  port?: number;
}

/** A running console page. */
export interface ConsoleWeb {
  /** The page's address, e.g. `http://127.0.0.1:8071/`. */
  url: string;
  close(): Promise<void>;
}

/** The page's script and style, bundled for the browser. */
export async function bundleConsolePage(): Promise<{ script: string; html: string; css: string }> {
  const result = await build({
    entryPoints: [join(PAGE_DIR, "main.ts")],
    tsconfig: join(PAGE_DIR, "tsconfig.json"),
    bundle: true,
    write: false,
    format: "iife",
    platform: "browser",
    target: "es2022",
    charset: "utf8",
    logLevel: "silent",
  });
  const [html, css] = await Promise.all([readFile(join(PAGE_DIR, "index.html"), "utf8"), readFile(join(PAGE_DIR, "style.css"), "utf8")]);
  return { script: result.outputFiles[0]?.text ?? "", html, css };
}

/** Starts the console page's server and resolves once it listens on 127.0.0.1. */
export async function startConsoleWeb(options: ConsoleWebOptions): Promise<ConsoleWeb> {
  const { script, html, css } = await bundleConsolePage();
  const files: Record<string, { type: string; body: string }> = {
    "/": { type: "text/html; charset=utf-8", body: html },
    "/console.js": { type: "text/javascript; charset=utf-8", body: script },
    "/console.css": { type: "text/css; charset=utf-8", body: css },
    "/__/firebase/init.json": { type: "application/json", body: JSON.stringify({ apiKey: "local-api-key", authBase: AUTH_PATH }) },
  };
  const api = new URL(options.apiUrl);
  const server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    if (path.startsWith("/api/")) return pass(req, res, api.hostname, Number(api.port), req.url ?? "/");
    if (path.startsWith(`${AUTH_PATH}/`)) {
      const [host, port] = options.authEmulatorHost.split(":");
      return pass(req, res, host, Number(port), req.url ?? "/");
    }
    const file = req.method === "GET" ? files[path] : undefined;
    if (file === undefined) {
      res.writeHead(404, { ...SECURITY_HEADERS, "content-type": "text/plain" }).end("Not found");
      return;
    }
    res.writeHead(200, { ...SECURITY_HEADERS, "content-type": file.type }).end(file.body);
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Passes a request on to `host:port` and its answer back. */
function pass(req: IncomingMessage, res: ServerResponse, host: string, port: number, path: string): void {
  const headers = { ...req.headers, host: `${host}:${port}` };
  const upstream = request({ host, port, path, method: req.method, headers }, (answer) => {
    res.writeHead(answer.statusCode ?? 502, { ...answer.headers, ...SECURITY_HEADERS });
    answer.pipe(res);
  });
  upstream.on("error", () => {
    if (!res.headersSent) res.writeHead(502, SECURITY_HEADERS);
    res.end();
  });
  req.pipe(upstream);
}
