/**
 * Writes the consultants' console as Firebase Hosting serves it: `console/dist/` (git ignores
 * it) holds the page (console/page/index.html), its bundled script and its style, the same
 * files `npm start -- --web` serves. `npm run build` runs it after the functions' bundle, and
 * firebase.json's Hosting predeploy runs `npm run build`.
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { bundleConsolePage } from "./lib/console-web";

/** The repository root. */
const ROOT = resolve(__dirname, "..");

/** Hosting's public directory (firebase.json's `hosting.public`). */
export const HOSTING_DIR = join(ROOT, "console", "dist");

/** Bundles the console page into {@link HOSTING_DIR}, replacing what was there; returns the files written. */
export async function buildConsoleHosting(): Promise<string[]> {
  const { script, html, css } = await bundleConsolePage();
  rmSync(HOSTING_DIR, { recursive: true, force: true });
  mkdirSync(HOSTING_DIR, { recursive: true });
  const files = { "index.html": html, "console.js": script, "console.css": css };
  for (const [name, body] of Object.entries(files)) writeFileSync(join(HOSTING_DIR, name), body);
  return Object.keys(files).map((name) => join(HOSTING_DIR, name));
}

if (require.main === module) {
  buildConsoleHosting().then(
    (files) => console.log(`Built the console for Hosting: ${files.map((file) => relative(ROOT, file)).join(", ")}.`),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    },
  );
}
