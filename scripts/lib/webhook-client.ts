/** Posts webhook bodies over real HTTP with real LINE signatures (tests and the terminal chat). */
import { createHmac } from "node:crypto";

/** The `x-line-signature` of `body` under `channelSecret`: base64 HMAC-SHA256. */
export function sign(body: string, channelSecret: string): string {
  return createHmac("sha256", channelSecret).update(body).digest("base64");
}

/** Posts `{destination, events}` signed with `channelSecret`; returns the HTTP status. */
export async function postEvents(url: string, channelSecret: string, events: unknown[]): Promise<number> {
  const body = JSON.stringify({ destination: "Ubot", events });
  return postRaw(url, body, { "x-line-signature": sign(body, channelSecret) });
}

/** Posts a raw body with the given headers; returns the HTTP status. */
export async function postRaw(url: string, body: string | Buffer, headers: Record<string, string>): Promise<number> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json; charset=utf-8", ...headers },
    body,
  });
  await response.arrayBuffer();
  return response.status;
}
