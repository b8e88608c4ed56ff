/**
 * `npm run line-webhook -- --url <Function URL>`: points the LINE channel at the deployed
 * webhook and proves that it answers. It asks LINE to send its test request to the URL
 * (signed with the channel secret, like every webhook), saves the URL as the channel's
 * webhook URL only when that got 200, and reads the setting back to check that "Use
 * webhook" is on. Reads LINE_CHANNEL_ACCESS_TOKEN (and
 * LINE_API_BASE_URL when not LINE's own host); the token is never printed.
 *
 * Exits 0 when LINE reached the webhook and got 200 with the webhook in use; 1 when LINE
 * refused or the webhook did not answer 200 (the output says what to check); 2 for a
 * usage or configuration problem.
 */
import { messagingApi } from "@line/bot-sdk";
import { toLineApiError } from "../src/line/error";
import { loadLineConfig, type LineConfig } from "../src/config";
import { parseOptions, usageExit } from "./lib/command-args";
import { configOrExit } from "./lib/config-or-exit";

/** What {@link pointLineAtWebhook} found. */
export interface WebhookCheck {
  /** LINE reached the URL and it answered 200; only then was the URL saved. */
  reached: boolean;
  /** The status LINE got back (0 or less when nothing answered). */
  statusCode: number;
  reason: string;
  /** Whether "Use webhook" is on in the channel. */
  active: boolean;
}

/**
 * Has LINE test `url` and, only when it answered 200, saves it as the channel's webhook URL:
 * a mistyped URL never replaces one that works.
 */
export async function pointLineAtWebhook(config: LineConfig, url: string): Promise<WebhookCheck> {
  const client = new messagingApi.MessagingApiClient({ channelAccessToken: config.lineChannelAccessToken, baseURL: config.lineApiBaseUrl });
  const test = await client.testWebhookEndpoint({ endpoint: url });
  const reached = test.success === true && test.statusCode === 200;
  if (!reached) return { reached, statusCode: test.statusCode, reason: test.reason, active: false };
  await client.setWebhookEndpoint({ endpoint: url });
  const { active } = await client.getWebhookEndpoint();
  return { reached, statusCode: test.statusCode, reason: test.reason, active };
}

const USAGE = "npm run line-webhook -- --url <the Function URL of webhook that firebase deploy printed>";

/** The URL argument, checked: LINE only calls https addresses (http only on this machine, for tests). */
function parseUrl(): string {
  const { url: value } = parseOptions(USAGE, { url: { type: "string" } });
  const url = value === undefined ? null : URL.parse(value);
  const local = url !== null && url.protocol === "http:" && ["127.0.0.1", "localhost", "[::1]"].includes(url.hostname);
  if (url === null || (url.protocol !== "https:" && !local)) {
    usageExit(
      USAGE,
      value === undefined ? "--url is missing: give the https:// address." : `The URL must be an https:// address, not "${value}".`,
    );
  }
  return url.href;
}

async function main(): Promise<void> {
  const url = parseUrl();
  const config = configOrExit(loadLineConfig);
  const check = await pointLineAtWebhook(config, url);
  if (!check.reached) {
    process.stdout.write(
      `LINE's test request to ${url} did not get 200 (status ${check.statusCode}, ${check.reason}); the webhook URL was not changed.\n` +
        `  404: the URL is not the Function URL; 401: the channel secret in Secret Manager is not this channel's;\n` +
        `  500: a secret is missing (see: firebase functions:log --only webhook). docs/deploy.md, "When something goes wrong".\n`,
    );
    process.exit(1);
  }
  process.stdout.write(`LINE's test request reached the webhook: 200. Webhook URL set to ${url}\n`);
  if (!check.active) {
    process.stdout.write(`"Use webhook" is OFF: turn it on in the LINE Developers console → your channel → Messaging API → Use webhook.\n`);
    process.exit(1);
  }
  process.stdout.write(`"Use webhook" is on. LINE will now send your users' messages to the bot.\n`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    const answered = toLineApiError("webhookEndpoint", error).status;
    const status = answered === undefined ? "" : ` (LINE answered ${answered})`;
    const hint = answered === 401 ? " Check LINE_CHANNEL_ACCESS_TOKEN." : "";
    process.stderr.write(`Could not set the webhook${status}: ${error instanceof Error ? error.message : String(error)}.${hint}\n`);
    process.exit(1);
  });
}
