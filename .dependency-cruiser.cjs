/**
 * The import boundaries of WILLノート, checked by `npm run deps` (part of `npm test`).
 *
 * The layers are folders under src/, from the bottom up:
 *
 *   pure      src/model  →  src/calendar  →  src/insights  →  src/dialogue
 *             (each may import only the ones to its left, date-fns and @date-fns/tz;
 *             never Node's core modules, express, firebase, LINE or Google Cloud)
 *   support   src/log.ts, src/retry.ts: leaves every layer above the pure core may use
 *   adapters  src/line, src/store, src/tasks (Cloud Tasks), src/sheet (draws the 振り返りシート): model, calendar, the dialogue
 *             (through its index only), support, and their own folder; never each other,
 *             the app, the jobs or stats
 *   compose   src/config.ts (reads the environment; pure layers only),
 *             src/app.ts + src/handle-events.ts (+ src/admin.ts, src/consultants.ts, src/held-replies.ts), src/jobs (today src/reminders),
 *             src/stats: adapters, pure core, support, config; never each other
 *             src/server.ts: everything in src/
 *   console   src/console: the consultants' console API (adapters, pure core, support);
 *             its src/console/server.ts wires it to src/server.ts's Firestore
 *   wire      functions/src: src/server.ts, src/console/server.ts, src/config.ts, the jobs, firebase-functions
 *
 * scripts/, bench/ and test/ sit outside and may use any layer; only test/ may reach past
 * the dialogue's door (the core's own tests are white-box). Every rule allows a folder to
 * import itself, and together they form a strict order, so no folder-level cycle can pass;
 * `no-circular` catches the file-level ones (type-only imports count).
 */

/** Pure layers: no I/O, no platform. */
const PURE = "^src/(model|calendar|insights|dialogue)/";
/** The only packages a pure layer may import. */
const DATE_PACKAGES = "(^|/)node_modules/(date-fns|@date-fns/tz)/";
/** Anything installed (packages and their type declarations). */
const PACKAGES = "(^|/)node_modules/";
/** The dialogue's one door. */
const DIALOGUE_DOOR = "^src/dialogue/index\\.ts$";
/** Leaf helpers that adapters and composition share. */
const SUPPORT = "^src/(log|retry)\\.ts$";
/** The scheduled jobs (src/reminders until it moves to src/jobs). */
const JOBS = "^src/(jobs|reminders)/";
/** The webhook app: Express app, the event handler it calls and the replies it holds. */
const APP = "^src/(app|handle-events|operator-commands|admin|consultants|held-replies|sheet-routes)\\.ts$";
/** Every module of src/ that belongs to a layer above; a new one must be placed in one. */
const KNOWN_SRC = [
  PURE,
  SUPPORT,
  "^src/(line|store|tasks|sheet|stats|jobs|reminders|console)/",
  "^src/(app|handle-events|operator-commands|admin|consultants|held-replies|sheet-routes|server|config)\\.ts$",
];

/**
 * A rule that `from` may import, inside the project, only what `allowed` matches.
 * Packages and Node's core modules are left to the package rules.
 */
function onlyImports(name, comment, from, allowed) {
  return {
    name,
    severity: "error",
    comment,
    from: { path: from },
    to: { pathNot: [...allowed, PACKAGES], dependencyTypesNot: ["core"] },
  };
}

/**
 * A rule that one composer (the app, the jobs or stats) imports neither its siblings nor
 * src/server.ts, which composes them all.
 */
function notSiblings(name, from, siblings) {
  return {
    name,
    severity: "error",
    comment: "The app, the jobs and stats each compose adapters and the core; they never import one another or src/server.ts.",
    from: { path: from },
    to: { path: [...siblings, "^src/server\\.ts$"] },
  };
}

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment: "Modules must not depend on themselves through a chain of imports (type-only imports count).",
      from: {},
      to: { circular: true },
    },
    {
      name: "not-to-unresolvable",
      severity: "error",
      comment: "An import that resolves to no file or package is a typo or a missing dependency.",
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: "pure-no-node-core",
      severity: "error",
      comment: "The pure core (model, calendar, insights, dialogue) does no I/O: no node: or core modules.",
      from: { path: PURE },
      to: { dependencyTypes: ["core"] },
    },
    {
      name: "pure-only-date-packages",
      severity: "error",
      comment:
        "The pure core imports no package but date-fns and @date-fns/tz (never express, firebase*, @line/*, @google-cloud/*, google-auth-library).",
      from: { path: PURE },
      to: { path: PACKAGES, pathNot: DATE_PACKAGES },
    },
    onlyImports("model-imports-nothing", "src/model holds shared plain types: it imports nothing.", "^src/model/", ["^src/model/"]),
    onlyImports("calendar-only-model", "The Tokyo calendar may import only src/model.", "^src/calendar/", ["^src/(calendar|model)/"]),
    onlyImports("insights-only-calendar-model", "src/insights may import only the calendar and the model.", "^src/insights/", [
      "^src/(insights|calendar|model)/",
    ]),
    onlyImports("dialogue-only-pure-layers", "The dialogue may import only the calendar, insights and the model.", "^src/dialogue/", [
      "^src/(dialogue|insights|calendar|model)/",
    ]),
    {
      name: "dialogue-only-through-its-index",
      severity: "error",
      comment: "Outside src/dialogue (and its white-box tests), the dialogue is imported only through src/dialogue/index.ts.",
      from: { pathNot: ["^src/dialogue/", "^test/"] },
      to: { path: "^src/dialogue/", pathNot: DIALOGUE_DOOR },
    },
    onlyImports("support-is-a-leaf", "src/log.ts and src/retry.ts are leaves: they may import only src/model.", SUPPORT, [
      SUPPORT,
      "^src/model/",
    ]),
    onlyImports(
      "line-is-an-adapter",
      "src/line may import the model, the calendar, the dialogue (through its door, see above) and the support leaves; never the store, the app, the jobs or stats.",
      "^src/line/",
      ["^src/line/", "^src/(model|calendar|dialogue)/", SUPPORT],
    ),
    onlyImports(
      "store-is-an-adapter",
      "src/store may import the model, the calendar, the dialogue (through its door, see above) and the support leaves; never src/line, the app, the jobs or stats.",
      "^src/store/",
      ["^src/store/", "^src/(model|calendar|dialogue)/", SUPPORT],
    ),
    onlyImports(
      "sheet-is-an-adapter",
      "src/sheet (the 振り返りシート's layout, images, PDF and page) may import the model, the dialogue (through its door) and the support leaves; never src/line, src/store, the app, the jobs or stats.",
      "^src/sheet/",
      ["^src/sheet/", "^src/(model|dialogue)/", SUPPORT],
    ),
    onlyImports(
      "tasks-is-an-adapter",
      "src/tasks (the Cloud Tasks queue) may import the model and the support leaves; never src/line, src/store, the app, the jobs or stats.",
      "^src/tasks/",
      ["^src/tasks/", "^src/model/", SUPPORT],
    ),
    onlyImports(
      "config-only-pure",
      "src/config.ts reads the environment; it may import only the model and the calendar.",
      "^src/config\\.ts$",
      ["^src/(model|calendar)/"],
    ),
    notSiblings("app-not-sibling-composers", APP, [JOBS, "^src/stats/"]),
    notSiblings("jobs-not-sibling-composers", JOBS, [APP, "^src/stats/"]),
    notSiblings("stats-not-sibling-composers", "^src/stats/", [APP, JOBS]),
    onlyImports(
      "console-composes-adapters",
      "src/console may import the store, the model, the dialogue (through its door), config and the support leaves; only its server.ts reaches src/server.ts.",
      "^src/console/(?!server\\.ts$)",
      ["^src/console/", "^src/(store|model|dialogue)/", "^src/config\\.ts$", SUPPORT],
    ),
    {
      name: "src-not-tools",
      severity: "error",
      comment: "src/ never imports functions/, scripts/, bench/ or test/.",
      from: { path: "^src/" },
      to: { path: "^(functions|scripts|bench|test)/" },
    },
    {
      name: "src-module-has-a-layer",
      severity: "error",
      comment:
        "Every module of src/ belongs to a layer listed in .dependency-cruiser.cjs; place a new one there so the rules above see it.",
      from: {},
      to: { path: "^src/", pathNot: KNOWN_SRC },
    },
    onlyImports(
      "functions-only-wire",
      "functions/src only wires triggers: it imports src/server.ts, src/config.ts and the jobs.",
      "^functions/src/",
      ["^functions/src/", "^src/(server|config)\\.ts$", "^src/console/server\\.ts$", JOBS],
    ),
    {
      name: "functions-only-trigger-packages",
      severity: "error",
      comment: "functions/src imports only firebase-functions (and Express's types); the handlers live in src/.",
      from: { path: "^functions/src/" },
      to: {
        path: PACKAGES,
        pathNot: ["(^|/)node_modules/(firebase-functions|@types/express|express)/"],
      },
    },
    {
      name: "src-no-dev-dependencies",
      severity: "error",
      comment: "src/ is deployed: it must not import a devDependency at run time.",
      from: { path: "^src/" },
      to: { dependencyTypes: ["npm-dev"], dependencyTypesNot: ["type-only"] },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: ["^test/architecture/fixtures/", "^functions/lib/", "^bench/tmp/"] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      mainFields: ["module", "main", "types", "typings"],
      extensions: [".ts", ".d.ts", ".js", ".cjs", ".mjs", ".json"],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
