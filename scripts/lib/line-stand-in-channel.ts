/**
 * The channel part of the LINE stand-in (`./line-stand-in`): what the setup checks before it
 * stores the keys. A stateless token issued for the channel ID and secret
 * (`POST /oauth2/v3/token`, no bearer token, as at LINE), a token's channel
 * (`POST /v2/oauth/verify`), and the bot's info with its チャット mode (`GET /v2/bot/info`).
 * Tokens of `otherChannels` verify as theirs, so a token pasted from another channel is told apart.
 */
import { randomBytes } from "node:crypto";

/** An answer, as the stand-in's other route modules give. */
interface Answer {
  status: number;
  body: unknown;
}

/** A route of this module; `public` ones take no bearer token. */
export interface ChannelRoute {
  method: string;
  pattern: RegExp;
  public?: boolean;
  binary?: boolean;
  handle: (req: { body: unknown; headers: Record<string, string | undefined> }) => Answer;
}

/** The channel as the LINE consoles would show it. */
export interface StandInChannel {
  channelId: string;
  /** チャット in LINE Official Account Manager: `chat` on, `bot` off. */
  chatMode: "chat" | "bot";
  displayName: string;
  basicId: string;
  botUserId: string;
}

/** What the channel routes need. */
export interface ChannelOptions {
  channelId: string;
  channelSecret: string;
  channelAccessToken: string;
  /** Tokens that belong to other channels of the same LINE account. */
  otherChannels: readonly { channelId: string; channelAccessToken: string }[];
}

const form = (body: unknown): URLSearchParams => new URLSearchParams(Buffer.isBuffer(body) ? body.toString("utf8") : "");
const oauthError = (error: string, description: string): Answer => ({ status: 400, body: { error, error_description: description } });

/** The routes and the channel they describe (mutable: tests switch チャット off). */
export function createChannelRoutes(options: ChannelOptions): { routes: ChannelRoute[]; channel: StandInChannel; reset(): void } {
  const initial: StandInChannel = {
    channelId: options.channelId,
    chatMode: "chat",
    displayName: "WILLノート（ローカル）",
    basicId: "@000local",
    botUserId: `U${randomBytes(16).toString("hex")}`,
  };
  const channel: StandInChannel = { ...initial };
  const issued = new Set<string>();
  const channelOf = (token: string): string | null => {
    if (token === options.channelAccessToken || issued.has(token)) return options.channelId;
    return options.otherChannels.find((other) => other.channelAccessToken === token)?.channelId ?? null;
  };
  const routes: ChannelRoute[] = [
    {
      method: "POST",
      pattern: /^\/oauth2\/v3\/token$/,
      public: true,
      binary: true,
      handle: ({ body }) => {
        const params = form(body);
        if (params.get("grant_type") !== "client_credentials") return oauthError("unsupported_grant_type", "grant_type is invalid");
        if (params.get("client_id") !== options.channelId || params.get("client_secret") !== options.channelSecret) {
          return oauthError("invalid_client", "invalid client_id or client_secret");
        }
        const token = randomBytes(24).toString("hex");
        issued.add(token);
        return { status: 200, body: { access_token: token, expires_in: 900, token_type: "Bearer" } };
      },
    },
    {
      method: "POST",
      pattern: /^\/v2\/oauth\/verify$/,
      public: true,
      binary: true,
      handle: ({ body }) => {
        const token = form(body).get("access_token") ?? "";
        const channelId = channelOf(token);
        if (channelId === null) return oauthError("invalid_request", "access token expired");
        return { status: 200, body: { client_id: channelId, expires_in: issued.has(token) ? 900 : 2_591_999, scope: "P CM" } };
      },
    },
    {
      method: "GET",
      pattern: /^\/v2\/bot\/info$/,
      handle: () => ({
        status: 200,
        body: {
          userId: channel.botUserId,
          basicId: channel.basicId,
          displayName: channel.displayName,
          chatMode: channel.chatMode,
          markAsReadMode: channel.chatMode === "chat" ? "manual" : "auto",
        },
      }),
    },
  ];
  return { routes, channel, reset: () => void Object.assign(channel, initial) };
}
