/**
 * 「LINEとつなぐ」 (`#/line`): whether the signed-in consultant's LINE is linked to this account,
 * and a one-time code to link it. The consultant sends the code to the bot from their own LINE;
 * the page asks every few seconds until the link is made or the code expires.
 */
import { apiGet, apiPost } from "./api";
import { lineCopy as copy } from "./copy";
import { el, when } from "./dom";

/** The account's LINE as `GET /api/me` gives it; null when the console cannot link one. */
interface LineLink {
  linked: boolean;
  name: string | null;
  since: string | null;
}

/** How often the page asks whether the code was taken. */
const POLL_MS = 3_000;
const ROUTE = "#/line";

/** Draws the page into `show`. */
export async function linePage(show: (...nodes: Node[]) => void, failed: (status: number) => void): Promise<void> {
  const me = await apiGet<{ line: LineLink | null }>("/api/me");
  if (!me.ok) return failed(me.status);
  const head = [el("h1", null, copy.title), el("p", "muted", copy.lead)];
  const line = me.body.line;
  if (line === null) return show(...head, el("p", "error", copy.unavailable));
  const state = el("p", line.linked ? "notice" : null, line.linked ? copy.linked(line.name) : copy.notLinked);
  const area = el("div", "pairing");
  const button = el("button", line.linked ? null : "primary", line.linked ? copy.reissue : copy.issue);
  button.addEventListener("click", () => {
    button.disabled = true;
    void issue(area, line, failed).finally(() => (button.disabled = false));
  });
  show(...head, el("section", "card", state, button, area));
}

/** Shows a new code in `area` and waits for it to be taken (a link newer than `before`) or to expire. */
async function issue(area: HTMLElement, before: LineLink, failed: (status: number) => void): Promise<void> {
  const ticket = await apiPost<{ message: string; expiresAt: string }>("/api/me/line");
  if (!ticket.ok) return ticket.status === 503 ? void area.replaceChildren(el("p", "error", copy.unavailable)) : failed(ticket.status);
  const status = el("p", "status", copy.waiting);
  area.replaceChildren(el("p", null, copy.howTo(when(ticket.body.expiresAt))), el("p", "pairing-code", ticket.body.message), status);
  const expiresAt = Date.parse(ticket.body.expiresAt);
  while (location.hash === ROUTE && area.isConnected) {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    if (Date.now() >= expiresAt) return void status.replaceChildren(copy.expired);
    const me = await apiGet<{ line: LineLink | null }>("/api/me");
    if (!me.ok) return failed(me.status);
    const now = me.body.line;
    if (now?.linked === true && now.since !== before.since) {
      area.replaceChildren(el("p", "notice", copy.done), el("p", null, copy.linked(now.name)));
      return;
    }
  }
}
