/**
 * The LINE checks the setup runs as soon as the keys are pasted, before anything is stored:
 * the secret issues a token for the channel ID (a stateless one, which expires by itself), the
 * long-lived token belongs to that channel, the bot's info says whether チャット is on, and the
 * month's quota. Nothing here prints or keeps a key.
 */
import { copy, fillCopy } from "./copy";

/** The three values pasted from the LINE Developers console. */
export interface LineKeys {
  channelId: string;
  channelSecret: string;
  channelAccessToken: string;
}

/** What the checks found: a problem to fix, or the channel as LINE sees it. */
export type LineCheck =
  { ok: false; problem: string } | { ok: true; botName: string; chatMode: "chat" | "bot"; quota: { limit: number | null; used: number } };

/** The shape of each key, checked before LINE is asked: the problem with the first bad one, or null. */
export function lineKeyShapeProblem(keys: LineKeys): string | null {
  if (!/^\d{10}$/.test(keys.channelId)) return copy.channelIdBad;
  if (!/^[0-9a-f]{32}$/i.test(keys.channelSecret)) return copy.secretBad;
  if (keys.channelAccessToken.length < 32 || /\s/.test(keys.channelAccessToken)) return copy.tokenBad;
  return null;
}

const formPost = (url: string, fields: Record<string, string>) =>
  fetch(url, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields).toString(),
    signal: AbortSignal.timeout(15_000),
  });

/** Runs the checks against LINE's API at `baseUrl` (the stand-in's in practice and in tests). */
export async function checkLineKeys(baseUrl: string, keys: LineKeys): Promise<LineCheck> {
  const shape = lineKeyShapeProblem(keys);
  if (shape !== null) return { ok: false, problem: shape };
  try {
    const issued = await formPost(`${baseUrl}/oauth2/v3/token`, {
      grant_type: "client_credentials",
      client_id: keys.channelId,
      client_secret: keys.channelSecret,
    });
    await issued.arrayBuffer();
    if (!issued.ok) return { ok: false, problem: copy.secretWrong };

    const verified = await formPost(`${baseUrl}/v2/oauth/verify`, { access_token: keys.channelAccessToken });
    const verify = (await verified.json()) as { client_id?: unknown };
    if (!verified.ok) return { ok: false, problem: copy.tokenInvalid };
    if (String(verify.client_id) !== keys.channelId) {
      return { ok: false, problem: fillCopy(copy.tokenOtherChannel, { other: String(verify.client_id), id: keys.channelId }) };
    }

    const get = async (path: string): Promise<Record<string, unknown>> => {
      const response = await fetch(`${baseUrl}${path}`, {
        headers: { authorization: `Bearer ${keys.channelAccessToken}` },
        signal: AbortSignal.timeout(15_000),
      });
      if (!response.ok) throw new Error(`${path} ${response.status}`);
      return (await response.json()) as Record<string, unknown>;
    };
    const [info, quota, consumption] = await Promise.all([
      get("/v2/bot/info"),
      get("/v2/bot/message/quota"),
      get("/v2/bot/message/quota/consumption"),
    ]);
    return {
      ok: true,
      botName: typeof info.displayName === "string" ? info.displayName : "",
      chatMode: info.chatMode === "chat" ? "chat" : "bot",
      quota: { limit: quota.type === "limited" ? Number(quota.value) : null, used: Number(consumption.totalUsage ?? 0) },
    };
  } catch (error) {
    return { ok: false, problem: fillCopy(copy.lineUnreachable, { detail: error instanceof Error ? error.message : String(error) }) };
  }
}

/** The lines that describe a channel that passed, for the step's summary. */
export function lineCheckLines(check: Extract<LineCheck, { ok: true }>, channelId: string): string[] {
  const { limit, used } = check.quota;
  return [
    fillCopy(copy.lineOk, { name: check.botName, id: channelId }),
    check.chatMode === "chat" ? copy.chatOn : copy.chatOff,
    limit === null ? fillCopy(copy.quotaUnlimited, { used }) : fillCopy(copy.quota, { used, limit }),
  ];
}
