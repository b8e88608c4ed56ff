/**
 * `npm run setup -- --update`, run in the folder of the version to deploy: a newer release to
 * update, or the previous one to roll back. It says which version it deploys and which one it
 * deployed last, puts back the settings kept outside the folder, installs the exact packages,
 * deploys, checks `/healthz` and LINE's test request, and keeps the settings and the version
 * for next time. With `--local` the deploy is the practice stack's emulators.
 */
import { spawnSync } from "node:child_process";
import { existsSync, lstatSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pointLineAtWebhook } from "../../line-webhook";
import { copy, fillCopy, updateCopy } from "./copy";
import type { SetupContext } from "./context";
import { deploySteps } from "./google-steps";
import type { SetupStep, StepResult } from "./runner";
import { backUpSettings, parseEnv, restoreSettings } from "./settings";

type Step = SetupStep<SetupContext>;
const ok = (lines?: string[]): StepResult => ({ ok: true, ...(lines ? { lines } : {}) });
const fail = (problem: string): StepResult => ({ ok: false, problem });
const lastLine = (output: string) => output.trim().split(/\r?\n/).at(-1) ?? "";

/** A version of the bot: package.json's, and git's description of the folder when it is a clone. */
export interface FolderVersion {
  /** `v` and package.json's version, e.g. `v0.2.0`. */
  release: string;
  /** `git describe` (e.g. `v0.2.0`, or `v0.2.0-3-gabc1234` three commits after it); absent outside git. */
  described?: string;
}

/** What was deployed last by the setup, kept beside the settings. */
export interface DeployedRecord {
  version: FolderVersion;
  project: string;
  at: string;
}

/** The version of the folder `root`. */
export function folderVersion(root: string): FolderVersion {
  const { version } = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string };
  const git = spawnSync("git", ["describe", "--tags", "--always", "--dirty"], { cwd: root, encoding: "utf8" });
  const described = git.status === 0 ? git.stdout.trim() : "";
  return { release: `v${version}`, ...(described !== "" ? { described } : {}) };
}

/** How a version is shown: `v0.2.0`, with git's description when it says more. */
export function showVersion(version: FolderVersion): string {
  return version.described === undefined || version.described === version.release
    ? version.release
    : `${version.release}（${version.described}）`;
}

const recordFile = (home: string, local: boolean) => join(home, local ? "deployed-local.json" : "deployed.json");

/** The last deploy the setup recorded in `home`, or null. */
export function readDeployed(home: string, local: boolean): DeployedRecord | null {
  try {
    return JSON.parse(readFileSync(recordFile(home, local), "utf8")) as DeployedRecord;
  } catch {
    return null;
  }
}

/** Records a deploy in `home` (practice runs keep their own record). */
export function writeDeployed(home: string, local: boolean, record: DeployedRecord): void {
  mkdirSync(home, { recursive: true });
  writeFileSync(recordFile(home, local), `${JSON.stringify(record, null, 2)}\n`);
}

/** The default project of `.firebaserc` in `root`, if there is one. */
export function firebasercProject(root: string): string | undefined {
  try {
    const rc = JSON.parse(readFileSync(join(root, ".firebaserc"), "utf8")) as { projects?: { default?: unknown } };
    return typeof rc.projects?.default === "string" ? rc.projects.default : undefined;
  } catch {
    return undefined;
  }
}

/** The update's steps, each run every time. `install` runs `npm ci` (a test passes its own). */
export function updateSteps(install: (root: string) => number): Step[] {
  const local = (context: SetupContext) => context.practice !== null;
  const version = { value: { release: "" } as FolderVersion };
  const deploy = deploySteps().find((step) => step.id === "deploy")!;
  const steps: Step[] = [
    {
      id: "updateVersion",
      title: updateCopy.versionTitle,
      run(context) {
        version.value = folderVersion(context.root);
        const last = readDeployed(context.settingsHome, local(context));
        return Promise.resolve(
          ok([
            fillCopy(updateCopy.thisVersion, { version: showVersion(version.value) }),
            last === null
              ? updateCopy.lastUnknown
              : fillCopy(updateCopy.lastVersion, { version: showVersion(last.version), at: last.at.slice(0, 16).replace("T", " ") }),
          ]),
        );
      },
    },
    {
      id: "updateSettings",
      title: updateCopy.settingsTitle,
      run(context) {
        const { root, state } = context;
        const restored = restoreSettings(root, context.settingsHome);
        if (!existsSync(join(root, "functions", ".env"))) return Promise.resolve(fail(updateCopy.settingsMissing));
        const chosen = firebasercProject(root);
        const project = local(context) ? "demo-will-note" : chosen;
        if (project === undefined) return Promise.resolve(fail(updateCopy.settingsMissing));
        state.projectId = project;
        state.settings = parseEnv(readFileSync(join(root, "functions", ".env"), "utf8"));
        const lines = restored.map((file) => fillCopy(updateCopy.restored, { file, home: context.settingsHome }));
        const shown = local(context) && chosen !== undefined ? fillCopy(updateCopy.localProject, { id: chosen, local: project }) : null;
        return Promise.resolve(ok([...lines, shown ?? fillCopy(copy.projectOk, { id: project })]));
      },
    },
    {
      id: "updateInstall",
      title: updateCopy.installTitle,
      run({ root }) {
        const modules = join(root, "node_modules");
        if (existsSync(modules) && lstatSync(modules).isSymbolicLink()) return Promise.resolve(ok([updateCopy.installLinked]));
        return Promise.resolve(install(root) === 0 ? ok() : fail(copy.nodeMissing));
      },
    },
    {
      ...deploy,
      run(context) {
        if (context.practice !== null) context.keys = context.practice.keys;
        return deploy.run(context);
      },
    },
    {
      id: "updateWebhook",
      title: updateCopy.webhookTitle,
      async run(context) {
        const url = context.state.functionUrl;
        const token = await accessToken(context);
        if (url === undefined || token === null) return fail(updateCopy.tokenUnreadable);
        try {
          const check = await pointLineAtWebhook({ lineChannelAccessToken: token, lineApiBaseUrl: context.lineBaseUrl }, url);
          if (!check.reached) return fail(fillCopy(copy.webhookFailed, { status: check.statusCode }));
          return check.active ? ok([fillCopy(copy.webhookOk, { url })]) : fail(copy.webhookInactive);
        } catch (error) {
          return fail(fillCopy(copy.lineUnreachable, { detail: error instanceof Error ? error.message : String(error) }));
        }
      },
    },
    {
      id: "updateKeep",
      title: updateCopy.keepTitle,
      run(context) {
        const kept = backUpSettings(context.root, context.settingsHome);
        const at = new Date().toISOString();
        writeDeployed(context.settingsHome, local(context), { version: version.value, project: context.state.projectId ?? "", at });
        return Promise.resolve(
          ok([
            fillCopy(updateCopy.kept, { files: kept.join(", "), home: context.settingsHome }),
            fillCopy(updateCopy.deployed, { version: showVersion(version.value) }),
          ]),
        );
      },
    },
  ];
  return steps.map((step) => ({ ...step, every: true }));
}

/** The long-lived token: the stand-in's in practice, else read from Secret Manager into memory. */
async function accessToken(context: SetupContext): Promise<string | null> {
  if (context.practice !== null) return context.practice.keys.channelAccessToken;
  const read = await context.firebase.run([
    "functions:secrets:access",
    "LINE_CHANNEL_ACCESS_TOKEN",
    "--project",
    context.state.projectId ?? "",
  ]);
  const token = lastLine(read.output);
  return read.status === 0 && token !== "" ? token : null;
}

/** `npm ci` with the npm that runs the setup; its exit status (0 when there is no npm to run). */
export function npmCi(root: string): number {
  const npm = process.env.npm_execpath;
  if (npm === undefined) return 0;
  return spawnSync(process.execPath, [npm, "ci", "--no-audit", "--no-fund"], { cwd: root, stdio: "inherit" }).status ?? 1;
}
