/**
 * The setup's side of the bot's signed requests (`src/admin.ts`): make a pairing code, wait
 * for it to be taken, list and remove consultants, push the test message. `baseUrl` is the
 * function's URL (the webhook's Function URL, or a local server's origin).
 */
import { randomUUID } from "node:crypto";
import { ADMIN_PATH, ADMIN_SIGNATURE_HEADER, adminSignature, type AdminRequest } from "../../../src/admin";
import type { RemovalSummary } from "../../../src/consultants";
import type { Consultant, PairingStatus, PairingTicket } from "../../../src/store/consultant-store";

/** Where the bot is and the secret that signs for it. */
export interface AdminTarget {
  baseUrl: string;
  channelSecret: string;
}

/** The bot refused or could not be reached; `status` 0 when nothing answered. */
export class AdminRequestError extends Error {
  override name = "AdminRequestError";
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

type Body<A extends AdminRequest["action"]> = Omit<Extract<AdminRequest, { action: A }>, "action" | "at">;

async function call<T>(target: AdminTarget, action: AdminRequest["action"], fields: object, now = new Date()): Promise<T> {
  const body = JSON.stringify({ action, at: now.toISOString(), ...fields });
  let response: Response;
  try {
    response = await fetch(`${target.baseUrl.replace(/\/+$/, "")}${ADMIN_PATH}`, {
      method: "POST",
      headers: { "content-type": "application/json", [ADMIN_SIGNATURE_HEADER]: adminSignature(target.channelSecret, body) },
      body,
      signal: AbortSignal.timeout(30_000),
    });
  } catch (error) {
    throw new AdminRequestError(0, error instanceof Error ? error.message : String(error));
  }
  const text = await response.text();
  if (!response.ok) throw new AdminRequestError(response.status, text.slice(0, 200));
  return JSON.parse(text) as T;
}

/** Dates arrive as ISO text. */
const revive = <T extends object>(value: T, ...keys: string[]): T =>
  Object.fromEntries(Object.entries(value).map(([k, v]) => [k, keys.includes(k) && typeof v === "string" ? new Date(v) : v])) as T;

/** A new one-time pairing code. */
export async function issuePairing(target: AdminTarget): Promise<PairingTicket> {
  return revive(await call<PairingTicket>(target, "issuePairing", {}), "expiresAt");
}

/** Where the code `id` stands. */
export async function pairingStatus(target: AdminTarget, id: string): Promise<PairingStatus> {
  const status = await call<PairingStatus>(target, "pairingStatus", { id } satisfies Body<"pairingStatus">);
  return status.state === "paired" ? { state: "paired", consultant: revive(status.consultant, "pairedAt") } : revive(status, "expiresAt");
}

/** Every consultant: all the ids the bot treats as consultants, and the paired ones with their names. */
export async function listConsultants(target: AdminTarget): Promise<{ configured: string[]; paired: Consultant[] }> {
  const list = await call<{ configured: string[]; paired: Consultant[] }>(target, "list", {});
  return { configured: list.configured, paired: list.paired.map((c) => revive(c, "pairedAt")) };
}

/** Removes a paired consultant; their clients go back to the bot. */
export function removeConsultant(target: AdminTarget, lineUserId: string): Promise<RemovalSummary> {
  return call<RemovalSummary>(target, "remove", { lineUserId } satisfies Body<"remove">);
}

/** Pushes the setup's test message to every consultant. */
export async function testPush(target: AdminTarget): Promise<{ lineUserId: string; sent: boolean }[]> {
  const { results } = await call<{ results: { lineUserId: string; sent: boolean }[] }>(target, "testPush", {
    runId: randomUUID(),
  } satisfies Body<"testPush">);
  return results;
}

/** Sends `request` as is (its own time), for tests of the bot's checks. */
export function rawAdminCall(target: AdminTarget, action: AdminRequest["action"], fields: object, at: Date): Promise<unknown> {
  return call(target, action, fields, at);
}
