/**
 * The hand-overs page (`#/handovers`): the requests waiting (urgent first, then the longest
 * waiting), the running hand-overs and the ended ones of the last week, by 受付番号, with who
 * took each and how long the client waited; and 対応する / 対応を終了する, which the console API
 * runs as a consultant's command from LINE runs.
 */
import { apiGet, apiPost } from "./api";
import { copy } from "./copy";
import { el, when } from "./dom";
import type { HandoverRow, TakenBy } from "./types";

/** How the page shows a load that failed (sign-in again, no access, or try later). */
type Failed = (status: number) => void;

/** A waiting time in words: minutes, hours and minutes, or days. */
export function waited(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 60) return copy.minutes(minutes);
  if (minutes < 24 * 60) return copy.hours(Math.floor(minutes / 60), minutes % 60);
  return copy.days(Math.floor(minutes / (24 * 60)));
}

function who(by: TakenBy): string {
  if (by.you) return copy.you;
  return by.name ?? copy.lineConsultant;
}

function fact(label: string, value: string): HTMLElement {
  return el("span", "fact", el("span", "muted", `${label} `), value);
}

/** Draws the page into `show`, with `notice` (the outcome of the last action) above the queue. */
export async function handoversPage(show: (...nodes: Node[]) => void, failed: Failed, notice: string | null = null): Promise<void> {
  show(el("p", null, copy.loading));
  const result = await apiGet<{ handovers: HandoverRow[] }>("/api/handovers");
  if (!result.ok) return result.status === 503 ? show(el("p", "error", copy.handoversUnavailable)) : failed(result.status);
  const rows = result.body.handovers;
  const head: Node[] = [el("h1", null, copy.handoversTitle), el("p", "muted", copy.handoversLead)];
  if (notice !== null) head.push(el("p", "notice", notice));
  if (rows.length === 0) return show(...head, el("p", "empty", copy.noHandovers));
  const list = el("ul", "handovers");
  for (const row of rows) list.append(item(row, show, failed));
  show(...head, list);
}

function item(row: HandoverRow, show: (...nodes: Node[]) => void, failed: Failed): HTMLElement {
  const status = el("span", `status status-${row.status}`, copy.queueStatus[row.status] ?? row.status);
  const facts = el(
    "div",
    "facts",
    fact(copy.requestedAt, when(row.requestedAt)),
    fact(copy.waited, waited(row.waitedMs)),
    row.takenBy === null ? null : fact(copy.takenBy, who(row.takenBy)),
    row.endedAt === null ? null : fact(copy.endedAt, when(row.endedAt)),
  );
  const verb = row.status === "waiting" ? "take" : row.status === "active" ? "end" : null;
  const button = verb === null ? null : el("button", verb === "take" ? "primary" : null, verb === "take" ? copy.take : copy.end);
  button?.addEventListener("click", () => {
    button.disabled = true;
    void act(row.code, verb ?? "take").then((outcome) => {
      if (outcome === null) return failed(401);
      void handoversPage(show, failed, `${copy.code} ${row.code}：${outcome}`);
    });
  });
  return el(
    "li",
    `handover-item${row.crisis ? " urgent" : ""}`,
    el(
      "div",
      "handover-head",
      el("span", "code", `${copy.code} ${row.code}`),
      row.crisis ? el("span", "tag urgent-tag", copy.urgent) : null,
      status,
    ),
    facts,
    button,
  );
}

/** Runs 対応する or 対応を終了する; resolves to what to tell the consultant (null when signed out). */
async function act(code: string, verb: "take" | "end"): Promise<string | null> {
  const result = await apiPost<{ outcome: string; takenBy: TakenBy | null }>(`/api/handovers/${code}/${verb}`);
  if (!result.ok) return result.status === 401 ? null : result.status === 503 ? copy.handoversUnavailable : copy.loadFailed;
  const { outcome, takenBy } = result.body;
  if (outcome === "takenByOther") return copy.takenByOther(takenBy === null ? copy.lineConsultant : who(takenBy));
  return copy.outcomes[outcome] ?? copy.loadFailed;
}
