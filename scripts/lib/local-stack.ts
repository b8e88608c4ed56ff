/**
 * How a second terminal finds the stack `npm start` runs: `npm start` writes
 * `.local/stack.json` (the webhook's address and secret, the LINE stand-in's address and
 * token, the consultants' ids) and removes it when it stops; `npm start -- --operator` reads
 * it, posts to the same webhook and reads what the stand-in accepts from its `/local/sent`
 * feed. Everything in it exists only on this machine, on loopback addresses.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { FEED_LAST_HEADER, LOCAL_FEED_PATH, type FeedEntry } from "./line-stand-in";

/** What a second terminal needs to join a running stack. */
export interface StackInfo {
  /** The process that runs the stack (and wrote the file). */
  pid: number;
  webhookUrl: string;
  channelSecret: string;
  lineUrl: string;
  channelAccessToken: string;
  /** The consultants' LINE user ids (`OPERATOR_LINE_IDS`, or the local stand-in consultant). */
  operatorIds: string[];
}

/** The file under the local folder (`.local`) that describes the running stack. */
export function stackFile(localDir: string): string {
  return join(localDir, "stack.json");
}

/** Writes the file for `info`, readable by this user only. */
export function writeStackFile(localDir: string, info: StackInfo): void {
  writeFileSync(stackFile(localDir), `${JSON.stringify(info, null, 2)}\n`, { mode: 0o600 });
}

/** Removes the file if the stack of process `pid` wrote it (not one that another `npm start` wrote since). */
export function removeStackFile(localDir: string, pid: number): void {
  if (readStackFile(localDir)?.pid === pid) rmSync(stackFile(localDir), { force: true });
}

/** The running stack's description, or null when there is none (or the file is not one). */
export function readStackFile(localDir: string): StackInfo | null {
  const file = stackFile(localDir);
  if (!existsSync(file)) return null;
  try {
    const info = JSON.parse(readFileSync(file, "utf8")) as Partial<StackInfo>;
    const texts = [info.webhookUrl, info.channelSecret, info.lineUrl, info.channelAccessToken];
    if (!Number.isInteger(info.pid) || !texts.every((text) => typeof text === "string") || !Array.isArray(info.operatorIds)) return null;
    return info as StackInfo;
  } catch {
    return null;
  }
}

/** A reading of the stand-in's feed; see {@link readFeed}. */
export interface FeedReading {
  /** The batches the stand-in had accepted before the feed was opened, oldest first. */
  history: FeedEntry[];
  /** Resolves when the feed ends: the stand-in stopped, or {@link FeedReading.stop} was called. */
  ended: Promise<void>;
  stop(): void;
}

/**
 * Opens the stand-in's feed of accepted batches and resolves once the ones it had already
 * accepted are read (as `history`); `onEntry` gets each new one from then on. Rejects when
 * the stand-in cannot be reached or refuses (e.g. a stack file left by a stack that is gone).
 */
export async function readFeed(
  stack: Pick<StackInfo, "lineUrl" | "channelAccessToken">,
  onEntry: (entry: FeedEntry) => void,
): Promise<FeedReading> {
  const abort = new AbortController();
  const response = await fetch(`${stack.lineUrl}${LOCAL_FEED_PATH}?after=0`, {
    headers: { authorization: `Bearer ${stack.channelAccessToken}` },
    signal: abort.signal,
  });
  if (!response.ok || response.body === null) {
    await response.body?.cancel();
    throw new Error(`the LINE stand-in answered ${response.status}`);
  }
  const last = Number(response.headers.get(FEED_LAST_HEADER) ?? 0);
  const history: FeedEntry[] = [];
  let caughtUp!: () => void;
  const read = new Promise<void>((resolve) => (caughtUp = resolve));
  if (last === 0) caughtUp();
  const body = response.body;
  const ended = (async () => {
    const decoder = new TextDecoder();
    let pending = "";
    try {
      for await (const chunk of body) {
        pending += decoder.decode(chunk as Uint8Array, { stream: true });
        let newline: number;
        while ((newline = pending.indexOf("\n")) >= 0) {
          const line = pending.slice(0, newline);
          pending = pending.slice(newline + 1);
          if (line.trim() === "") continue;
          const entry = JSON.parse(line) as FeedEntry;
          if (entry.seq <= last) {
            history.push(entry);
            if (entry.seq === last) caughtUp();
          } else onEntry(entry);
        }
      }
    } catch {
      // The stand-in went away (or we stopped reading): the feed has ended either way.
    } finally {
      caughtUp();
    }
  })();
  await read;
  return { history, ended, stop: () => abort.abort() };
}
