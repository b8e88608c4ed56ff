/**
 * The setup's steps on the Google side: Node and the folder, login, the project, billing, the
 * APIs, Firestore in Tokyo, the secrets, the settings and the deploy. In the practice run
 * (`--local`) the Firebase CLI only prints its commands, except where Firebase has an emulator:
 * the database and the deploy run in the emulators.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { copy, costCopy, fillCopy, stepTitles } from "./copy";
import { isYes, projectOf, type SetupContext } from "./context";
import { estimateCost, PRICE_SOURCES, PRICES_AS_OF } from "./cost";
import type { SetupStep, StepResult } from "./runner";
import { askSettings, backUpSettings, exampleSettings, parseEnv, writeEnvFile } from "./settings";
import type { ReminderGuess } from "./state";

type Step = SetupStep<SetupContext>;

/** Output of `firebase deploy` that a first deploy often gives and a later attempt does not. */
const FIRST_RUN_ERRORS = /retry the deployment|has not been used in project|it is disabled|Eventarc Service Agent|try again in a few/i;
/** The webhook's URL in `firebase deploy`'s output. */
const FUNCTION_URL = /Function URL \(webhook(?:\(asia-northeast1\))?\):\s*(https:\/\/\S+)/;
const ok = (lines?: string[]): StepResult => ({ ok: true, ...(lines ? { lines } : {}) });
const fail = (problem: string): StepResult => ({ ok: false, problem });
const lastLine = (output: string) => output.trim().split(/\r?\n/).at(-1) ?? "";

/** The webhook's address once deployed: the region and name functions/src/index.ts gives it. */
export function webhookUrlOf(project: string): string {
  return `https://asia-northeast1-${project}.cloudfunctions.net/webhook`;
}

/**
 * `settings` with PUBLIC_URL (where the 振り返りシート's links start) set to the webhook's address
 * when the operator left it empty: it is known from the project before the first deploy.
 */
export function withPublicUrl(settings: Record<string, string>, project: string): Record<string, string> {
  return settings.PUBLIC_URL || project === "" ? settings : { ...settings, PUBLIC_URL: webhookUrlOf(project) };
}

/** The Google-side steps, in order. */
export function googleSteps(): Step[] {
  return [
    {
      id: "node",
      title: stepTitles.node,
      run({ root }) {
        return Promise.resolve(nodeCheck(root));
      },
    },
    {
      id: "login",
      title: stepTitles.login,
      async run({ io, firebase, practice }) {
        if (practice !== null) io.say(copy.loginLocal);
        else io.say(copy.loginAsk);
        const login = await firebase.run(["login"], { interactive: true });
        const listed = await firebase.run(["projects:list", "--json"]);
        return login.status === 0 && listed.status === 0 ? ok() : fail(copy.loginFailed);
      },
    },
    {
      id: "project",
      title: stepTitles.project,
      async run(context) {
        const { io, firebase, practice, state, root } = context;
        const id = practice !== null ? "demo-will-note" : await io.ask(copy.projectAsk, state.projectId);
        if (!/^[a-z][a-z0-9-]{4,28}[a-z0-9]$/.test(id)) return fail(copy.projectBad);
        const listed = await firebase.run(["projects:list", "--json"]);
        if (!firebase.dryRun && !listed.output.includes(`"${id}"`)) return fail(fillCopy(copy.projectMissing, { id }));
        state.projectId = id;
        if (practice === null) writeFileSync(join(root, ".firebaserc"), `${JSON.stringify({ projects: { default: id } }, null, 2)}\n`);
        return ok([fillCopy(copy.projectOk, { id })]);
      },
    },
    {
      id: "billing",
      title: stepTitles.billing,
      async run(context) {
        const { io, state } = context;
        state.expectedClients = Number(
          await askUntil(context, costCopy.askClients, costCopy.clientsBad, (a) => /^\d+$/.test(a) && Number(a) > 0),
        );
        state.reminder = (await askUntil(context, costCopy.askReminder, costCopy.reminderBad, (a) =>
          ["weekly", "daily", "none"].includes(a),
        )) as ReminderGuess;
        const cost = estimateCost(state.expectedClients, state.reminder);
        io.say(fillCopy(copy.costTitle, { date: PRICES_AS_OF, where: PRICE_SOURCES }));
        for (const line of cost.lines) io.say(`  ${line}`);
        io.say(fillCopy(copy.billing, { url: `https://console.firebase.google.com/project/${projectOf(context)}/usage/details` }));
        return isYes(await io.ask(copy.billingConfirm)) ? ok() : fail(copy.billingNotYet);
      },
    },
    {
      id: "apis",
      title: stepTitles.apis,
      run: () => Promise.resolve(ok([copy.apis])),
    },
    {
      id: "firestore",
      title: stepTitles.firestore,
      async run(context) {
        const { firebase, practice } = context;
        const project = projectOf(context);
        const listed = await firebase.run(["firestore:databases:list", "--json", "--project", project]);
        if (practice !== null) {
          await firebase.run(["firestore:databases:create", "(default)", "--location", "asia-northeast1", "--project", project]);
          return ok([fillCopy(copy.firestoreLocal, { host: "127.0.0.1:8086" })]);
        }
        let location = /"name":\s*"projects\/[^/]+\/databases\/\(default\)"[^}]*?"locationId":\s*"([^"]+)"/s.exec(listed.output)?.[1];
        if (location === undefined) {
          context.io.say(copy.firestoreCreating);
          const created = await firebase.run([
            "firestore:databases:create",
            "(default)",
            "--location",
            "asia-northeast1",
            "--project",
            project,
          ]);
          if (created.status !== 0) return fail(copy.firestoreFailed);
          location = "asia-northeast1";
        }
        return ok([location === "asia-northeast1" ? copy.firestoreOk : fillCopy(copy.firestoreElsewhere, { location })]);
      },
    },
  ];
}

/** The steps from the secrets to the deploy, which follow the LINE keys. */
export function deploySteps(): Step[] {
  return [
    {
      id: "secrets",
      title: stepTitles.secrets,
      every: true,
      async run(context) {
        const { io, firebase, keys, practice } = context;
        if (keys === null) return fail(copy.secretsFailed);
        io.say(practice !== null ? copy.secretsLocal : copy.secretsStoring);
        for (const [name, value] of [
          ["LINE_CHANNEL_SECRET", keys.channelSecret],
          ["LINE_CHANNEL_ACCESS_TOKEN", keys.channelAccessToken],
        ] as const) {
          const set = await firebase.run(["functions:secrets:set", name, "--data-file", "-", "--project", projectOf(context)], {
            input: value,
          });
          if (set.status !== 0) return fail(fillCopy(copy.secretsFailed, { detail: lastLine(set.output) }));
        }
        return ok();
      },
    },
    {
      id: "settings",
      title: stepTitles.settings,
      async run(context) {
        const { io, root, state, practice } = context;
        const envFile = join(root, "functions", ".env");
        const current = state.settings ?? (practice === null && existsSync(envFile) ? parseEnv(readFileSync(envFile, "utf8")) : {});
        const asked = await askSettings(io, { ...exampleSettings(root), ...current });
        const settings = practice !== null ? asked : withPublicUrl(asked, projectOf(context));
        state.settings = settings;
        if (practice !== null) return ok();
        const file = writeEnvFile(root, settings);
        backUpSettings(root, context.settingsHome);
        return ok([fillCopy(copy.settingsSaved, { file, backup: context.settingsHome })]);
      },
    },
    {
      id: "deploy",
      title: stepTitles.deploy,
      every: true,
      async run(context) {
        const url = context.practice !== null ? await deployPractice(context) : await deployReal(context);
        if (typeof url !== "string") return url;
        context.state.functionUrl = url;
        return checkHealth(url);
      },
    },
  ];
}

/** Node 22 or later, and this folder's packages installed. */
function nodeCheck(root: string): StepResult {
  const version = process.versions.node;
  if (Number(version.split(".")[0]) < 22) return fail(fillCopy(copy.nodeOld, { version }));
  if (!existsSync(join(root, "node_modules", "firebase-tools", "package.json"))) return fail(copy.nodeMissing);
  return ok([fillCopy(copy.nodeOk, { version })]);
}

async function askUntil(context: SetupContext, question: string, problem: string, good: (answer: string) => boolean): Promise<string> {
  for (;;) {
    const answer = (await context.io.ask(question)).toLowerCase();
    if (good(answer)) return answer;
    context.io.say(problem);
  }
}

async function deployPractice(context: SetupContext): Promise<string | StepResult> {
  const { practice, keys, io, state } = context;
  if (practice === null || keys === null) return fail(fillCopy(copy.deployFailed, { detail: "no keys" }));
  await context.firebase.run(["deploy", "--only", "functions,firestore", "--project", projectOf(context)]);
  io.say(copy.deployLocal);
  try {
    return await practice.deploy(state.settings ?? {}, keys);
  } catch (error) {
    return fail(fillCopy(copy.deployFailed, { detail: lastLine(error instanceof Error ? error.message : String(error)) }));
  }
}

async function deployReal(context: SetupContext): Promise<string | StepResult> {
  const project = projectOf(context);
  context.io.say(copy.deploying);
  for (let attempt = 0; ; attempt++) {
    const deploy = await context.firebase.run(["deploy", "--only", "functions,firestore", "--project", project]);
    if (deploy.status === 0) {
      return FUNCTION_URL.exec(deploy.output)?.[1] ?? context.state.functionUrl ?? webhookUrlOf(project);
    }
    const gone = functionsNotInFolder(deploy.output, project);
    if (gone !== null)
      return fail(fillCopy(copy.deployFunctionsGone, { names: gone.names.join("、"), commands: gone.commands.join("\n") }));
    if (attempt >= 2 || !FIRST_RUN_ERRORS.test(deploy.output))
      return fail(fillCopy(copy.deployFailed, { detail: lastLine(deploy.output) }));
    context.io.say(fillCopy(copy.deployRetry, { reason: lastLine(deploy.output) }));
    await context.sleep(60_000);
  }
}

/**
 * The functions a deploy refused to delete without asking: the project runs functions this
 * folder does not have, as after rolling back to a release from before they were added. The
 * Firebase CLI stops there when it cannot ask (the setup runs it without a terminal) and lists
 * the commands that delete them; null when the output is not that.
 */
export function functionsNotInFolder(output: string, project: string): { names: string[]; commands: string[] } | null {
  if (!/found in your project but do not exist in your local source code/.test(output)) return null;
  const commands = [...output.matchAll(/firebase functions:delete (\S+) --region (\S+)/g)].map(([, name, region]) => ({
    name: name ?? "",
    command: `npx firebase functions:delete ${name} --region ${region} --project ${project}`,
  }));
  return { names: commands.map(({ name }) => name), commands: commands.map(({ command }) => `  ${command}`) };
}

async function checkHealth(url: string): Promise<StepResult> {
  try {
    const response = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(20_000) });
    const body = (await response.json()) as { status?: unknown };
    if (response.ok && body.status === "ok") return ok([fillCopy(copy.healthOk, { url })]);
    return fail(fillCopy(copy.healthFailed, { detail: String(response.status) }));
  } catch (error) {
    return fail(fillCopy(copy.healthFailed, { detail: error instanceof Error ? error.message : String(error) }));
  }
}
