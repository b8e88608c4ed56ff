/**
 * The clients page's list, one page of the API at a time: the first page as it arrives, and
 * 「もっと見る」 under it while more clients share, which appends the next page in place (the
 * API reads only the clients it returns, so 1,000 shared clients open about as fast as 25).
 */
import { apiGet } from "./api";
import { copy } from "./copy";
import { el, scoreBars, when } from "./dom";
import type { ClientRow } from "./types";

/** One page of the clients list, as `GET /api/clients?from=` answers. */
export interface ClientsPage {
  clients: ClientRow[];
  total: number;
  /** Where the next page starts; null on the last. */
  next: number | null;
}

function row(client: ClientRow): HTMLElement {
  const link = el("a", "client-row", el("span", "code", client.code));
  link.href = `#/c/${client.code}`;
  link.append(
    el("span", "stage", copy.stages[client.stage]),
    el("span", "when", `${copy.lastActive} ${when(client.lastActiveAt)}`),
    scoreBars(client.scores, copy.trend),
    client.handover === null
      ? el("span", null)
      : el("span", `handover ${client.handover}`, `${copy.handover}：${copy.handovers[client.handover]}`),
  );
  return el("li", null, link);
}

/** The list of `first` and, while more share, the button that appends the next page; `failed` hears a refused call. */
export function clientsList(first: ClientsPage, failed: (status: number) => void): HTMLElement {
  const list = el("ul", "clients");
  const more = el("button", "more");
  more.type = "button";
  const append = (page: ClientsPage) => {
    const rows = document.createDocumentFragment();
    for (const client of page.clients) rows.append(row(client));
    list.append(rows);
    more.hidden = page.next === null;
    more.disabled = false;
    more.textContent = `${copy.more}（${copy.remaining} ${page.total - list.childElementCount}${copy.people}）`;
    more.dataset.next = String(page.next ?? "");
  };
  more.addEventListener("click", () => {
    more.disabled = true;
    void apiGet<ClientsPage>(`/api/clients?from=${more.dataset.next ?? ""}`).then((result) =>
      result.ok ? append(result.body) : failed(result.status),
    );
  });
  append(first);
  return el("div", null, list, more);
}
