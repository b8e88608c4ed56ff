/**
 * The setup's steps on the LINE side: the keys, checked at once; the webhook and the menu;
 * the manual checklist, then checked through the API; consultants paired by code; and the
 * last check, a test push to every consultant and one reminder pass that finds nothing due.
 */
import { messagingApi } from "@line/bot-sdk";
import { pointLineAtWebhook } from "../../line-webhook";
import { deployRichMenus, loadRichMenuConfig } from "../richmenu-deploy";
import { stageMenus } from "../richmenu-stages";
import { issuePairing, pairingStatus, testPush, type AdminTarget } from "./admin-client";
import { copy, fillCopy, stepTitles } from "./copy";
import { isYes, projectOf, type SetupContext } from "./context";
import { checkLineKeys, lineCheckLines, type LineKeys } from "./line-checks";
import type { SetupStep, StepResult } from "./runner";

type Step = SetupStep<SetupContext>;
const ok = (lines?: string[]): StepResult => ({ ok: true, ...(lines ? { lines } : {}) });
const fail = (problem: string): StepResult => ({ ok: false, problem });
const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));
/** How often the setup asks whether a pairing code was taken. */
const PAIRING_POLL_MS = 2_000;

/** The LINE keys step: asked (every run: they are never stored) and checked before anything uses them. */
export function lineKeysStep(): Step {
  return {
    id: "line",
    title: stepTitles.line,
    every: true,
    async run(context) {
      const { io, practice } = context;
      io.say(copy.lineIntro);
      if (practice !== null) {
        const { channelId: id, channelSecret: secret, channelAccessToken: token } = practice.keys;
        io.say(fillCopy(copy.lineLocalKeys, { id, secret, token }));
      }
      const keys: LineKeys = {
        channelId: await io.ask(copy.askChannelId),
        channelSecret: await io.askSecret(copy.askChannelSecret),
        channelAccessToken: await io.askSecret(copy.askAccessToken),
      };
      const check = await checkLineKeys(context.lineBaseUrl, keys);
      if (!check.ok) return fail(check.problem);
      context.keys = keys;
      return ok(lineCheckLines(check, keys.channelId));
    },
  };
}

/** The steps after the deploy. */
export function lineSteps(): Step[] {
  return [
    {
      id: "webhook",
      title: stepTitles.webhook,
      every: true,
      async run(context) {
        const { keys, state } = context;
        if (keys === null || state.functionUrl === undefined) return fail(copy.webhookFailed);
        try {
          const check = await pointLineAtWebhook(
            { lineChannelAccessToken: keys.channelAccessToken, lineApiBaseUrl: context.lineBaseUrl },
            state.functionUrl,
          );
          if (!check.reached) return fail(fillCopy(copy.webhookFailed, { status: check.statusCode }));
          return check.active ? ok([fillCopy(copy.webhookOk, { url: state.functionUrl })]) : fail(copy.webhookInactive);
        } catch (error) {
          return fail(fillCopy(copy.lineUnreachable, { detail: describe(error) }));
        }
      },
    },
    {
      id: "richmenu",
      title: stepTitles.richmenu,
      every: true,
      async run(context) {
        if (context.keys === null) return fail(copy.richMenuFailed);
        try {
          const config = loadRichMenuConfig({
            LINE_CHANNEL_ACCESS_TOKEN: context.keys.channelAccessToken,
            LINE_API_BASE_URL: context.lineBaseUrl,
          });
          await deployRichMenus(
            config,
            stageMenus(context.root, () => undefined),
          );
          return ok([copy.richMenuOk]);
        } catch (error) {
          return fail(fillCopy(copy.richMenuFailed, { detail: describe(error) }));
        }
      },
    },
    {
      id: "manual",
      title: stepTitles.manual,
      async run(context) {
        const { io, keys } = context;
        io.say(copy.manualIntro);
        for (const [index, item] of copy.manualItems.entries()) io.say(`  ${index + 1}. ${item}`);
        if (!isYes(await io.ask(copy.manualConfirm))) return fail(copy.manualNotYet);
        if (keys === null) return fail(copy.manualNotYet);
        const client = new messagingApi.MessagingApiClient({ channelAccessToken: keys.channelAccessToken, baseURL: context.lineBaseUrl });
        try {
          if ((await client.getBotInfo()).chatMode !== "chat") return fail(copy.chatOff);
          // No webhook URL at all answers 404: that is "not in use" too.
          const endpoint = await client.getWebhookEndpoint().catch(() => ({ active: false }));
          if (!endpoint.active) return fail(copy.webhookInactive);
          return ok([copy.manualChecked]);
        } catch (error) {
          return fail(fillCopy(copy.lineUnreachable, { detail: describe(error) }));
        }
      },
    },
    {
      id: "consultant",
      title: stepTitles.consultant,
      async run(context) {
        const target = adminTarget(context);
        if (target === null) return fail(copy.testPushNone);
        context.io.say(copy.consultantIntro);
        for (;;) {
          const paired = await pairOne(context, target);
          if (!paired.ok) return paired;
          context.io.say(fillCopy(copy.consultantPaired, { name: paired.lines?.[0] ?? "" }));
          if (!isYes(await context.io.ask(copy.consultantAnother))) return ok();
        }
      },
    },
    {
      id: "lastCheck",
      title: stepTitles.lastCheck,
      every: true,
      async run(context) {
        const target = adminTarget(context);
        if (target === null) return fail(copy.testPushNone);
        const lines: string[] = [];
        try {
          const results = await testPush(target);
          if (results.length === 0) return fail(copy.testPushNone);
          const missed = results.filter((result) => !result.sent).map((result) => result.lineUserId);
          if (missed.length > 0) return fail(fillCopy(copy.testPushFailed, { ids: missed.join(", ") }));
          lines.push(fillCopy(copy.testPushSent, { count: results.length }));
        } catch (error) {
          return fail(fillCopy(copy.lineUnreachable, { detail: describe(error) }));
        }
        const pass = await reminderPass(context);
        return pass.ok ? ok([...lines, ...(pass.lines ?? [])]) : pass;
      },
    },
  ];
}

/** Where the bot is and how to sign for it, once both are known. */
export function adminTarget(context: SetupContext): AdminTarget | null {
  const { keys, state } = context;
  if (keys === null || state.functionUrl === undefined) return null;
  return { baseUrl: state.functionUrl, channelSecret: keys.channelSecret };
}

/** Shows a code and waits until it is taken (the paired consultant's name in `lines`) or expires. */
export async function pairOne(context: SetupContext, target: AdminTarget): Promise<StepResult> {
  const { io, practice } = context;
  try {
    const ticket = await issuePairing(target);
    io.say(fillCopy(copy.consultantCode, { code: `${ticket.code.slice(0, 4)}-${ticket.code.slice(4)}` }));
    if (practice !== null) io.say(fillCopy(copy.consultantLocalHint, { url: await practice.webChat() }));
    io.say(copy.consultantWaiting);
    for (;;) {
      const status = await pairingStatus(target, ticket.id);
      if (status.state === "paired") return ok([status.consultant.displayName ?? status.consultant.lineUserId]);
      if (status.state !== "waiting") return fail(copy.consultantExpired);
      await context.sleep(PAIRING_POLL_MS);
    }
  } catch (error) {
    return fail(fillCopy(copy.lineUnreachable, { detail: describe(error) }));
  }
}

/** One reminder pass: run in the emulators in practice; for a real setup, its last run read from the logs. */
async function reminderPass(context: SetupContext): Promise<StepResult> {
  if (context.practice === null) {
    context.io.say(copy.reminderPassDryRun);
    const log = await context.firebase.run(["functions:log", "--only", "reminders", "--project", projectOf(context)]);
    return log.output.includes("reminder pass") ? ok([copy.reminderPassOk]) : fail(fillCopy(copy.reminderPassFailed, { detail: "log" }));
  }
  try {
    const output = await context.practice.runReminders();
    return /reminder pass[^\n]*"due":0/.test(output)
      ? ok([copy.reminderPassOk])
      : fail(fillCopy(copy.reminderPassFailed, { detail: lastLines(output) }));
  } catch (error) {
    return fail(fillCopy(copy.reminderPassFailed, { detail: describe(error) }));
  }
}

const lastLines = (text: string) => text.trim().split(/\r?\n/).slice(-3).join(" / ");
