/**
 * `npm run richmenu`: draws each stage's rich menu (onboarding, main, consultant) from the
 * tiles in src/dialogue/content/rich-menu.ts into assets/richmenu-<stage>.svg and .png (needs
 * Debian's fonts-noto-cjk).
 *
 * `npm run richmenu -- --deploy`: puts those menus on the LINE channel: creates them, uploads
 * the images, points each stage's alias at its menu (the bot links a user's menu through the
 * aliases when their stage changes), makes the main menu every user's default and deletes the
 * menus this command made before. A committed image is used as it is when it matches the
 * labels (no fonts needed); else it is drawn first. Reads LINE_CHANNEL_ACCESS_TOKEN, and
 * LINE_API_BASE_URL and LINE_API_DATA_BASE_URL when not LINE's own hosts.
 *
 * Exits 0 when done, 2 for a usage or configuration problem, 1 when drawing or deploying failed.
 */
import { join } from "node:path";
import { MENU_STAGES } from "../src/dialogue";
import { RICH_MENU_ALIAS_IDS } from "../src/line/surface";
import { parseOptions } from "./lib/command-args";
import { configOrExit } from "./lib/config-or-exit";
import { deployRichMenus, loadRichMenuConfig } from "./lib/richmenu-deploy";
import { drawStage, stageMenus } from "./lib/richmenu-stages";

const ROOT = join(__dirname, "..");

async function main(): Promise<void> {
  const { deploy } = parseOptions("npm run richmenu [-- --deploy]", { deploy: { type: "boolean", default: false } });
  const config = deploy ? configOrExit(loadRichMenuConfig) : null;
  if (config === null) {
    for (const stage of MENU_STAGES) process.stdout.write(`${drawStage(ROOT, stage).message}\n`);
    return;
  }
  const result = await deployRichMenus(
    config,
    stageMenus(ROOT, (message) => process.stdout.write(`${message}\n`)),
  );
  for (const stage of MENU_STAGES) {
    const id = result.richMenuIds[stage];
    if (id !== undefined) process.stdout.write(`${stage}: rich menu ${id}, alias ${RICH_MENU_ALIAS_IDS[stage]}\n`);
  }
  process.stdout.write(
    `The main menu is now the default for every user` +
      (result.deleted.length > 0 ? `; deleted the previous ${result.deleted.join(", ")}.\n` : ".\n"),
  );
  if (result.cleanupProblem !== null) {
    process.stderr.write(
      `Earlier menus of this command were not all deleted (they are no longer shown; run the command again to tidy up): ${result.cleanupProblem}\n`,
    );
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
