/**
 * The consultants' console: plain DOM, no framework (two pages and a form do not need one, and
 * the page then has no dependency to keep up to date). Routes: `#/` the shared clients,
 * `#/c/<受付番号>` one client, `#/handovers` the hand-overs, `#/line` 「LINEとつなぐ」. Only the
 * 受付番号 ever appears in an address.
 */
import { apiGet, signedIn, signIn, signOut } from "./api";
import { clientsList, type ClientsPage } from "./clients-list";
import { copy } from "./copy";
import { el, scoreBars, when } from "./dom";
import { handoversPage } from "./handovers";
import { linePage } from "./line";
import type { ClientPage } from "./types";
import { mountAlerts, mountClientWork } from "./homework";

const main = document.getElementById("main") as HTMLElement;
const signOutButton = document.getElementById("sign-out") as HTMLButtonElement;

function show(...nodes: Node[]): void {
  main.replaceChildren(...nodes);
}

function signInForm(message: string | null): void {
  signOutButton.hidden = true;
  const email = el("input", null);
  Object.assign(email, { type: "email", name: "email", autocomplete: "username", required: true });
  const password = el("input", null);
  Object.assign(password, { type: "password", name: "password", autocomplete: "current-password", required: true });
  const form = el(
    "form",
    "card sign-in",
    el("h1", null, copy.signInTitle),
    el("label", null, copy.email, email),
    el("label", null, copy.password, password),
    message === null ? null : el("p", "error", message),
    el("button", null, copy.signIn),
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    void signIn(email.value, password.value).then((ok) => (ok ? route() : signInForm(copy.signInFailed)));
  });
  show(form);
}

async function clientsPage(): Promise<void> {
  show(el("p", null, copy.loading));
  const result = await apiGet<ClientsPage>("/api/clients");
  if (!result.ok) return failed(result.status);
  if (result.body.clients.length === 0) return show(el("h1", null, copy.clientsTitle), el("p", "empty", copy.noClients));
  show(el("h1", null, copy.clientsTitle), clientsList(result.body, failed));
  await mountAlerts(main);
}

async function clientPage(code: string): Promise<void> {
  show(el("p", null, copy.loading));
  const result = await apiGet<{ client: ClientPage }>(`/api/clients/${encodeURIComponent(code)}`);
  const back = el("a", "back", copy.back);
  back.href = "#/";
  if (!result.ok) return result.status === 404 ? show(back, el("p", "empty", copy.notShared)) : failed(result.status);
  const c = result.body.client;
  const section = (title: string, ...children: (Node | string | null)[]) => el("section", "card", el("h2", null, title), ...children);
  const items = <T>(rows: readonly T[], line: (row: T) => Node) =>
    rows.length === 0 ? el("p", "muted", copy.none) : el("ul", null, ...rows.map(line));
  show(
    back,
    el("h1", null, `${copy.code} ${c.code}`),
    el("p", "muted", `${copy.stages[c.stage]}・${copy.sharedSince} ${when(c.sharedSince)}・${copy.lastActive} ${when(c.lastActiveAt)}`),
    el(
      "div",
      "grid",
      section(
        copy.will,
        el("p", "will", c.will?.statement ?? copy.none),
        c.will && c.will.history.length > 0
          ? el(
              "details",
              null,
              el("summary", null, copy.willHistory),
              items(c.will.history, (h) => el("li", null, `${when(h.at)} ${h.statement}`)),
            )
          : null,
        el("h3", null, copy.values),
        el("p", null, c.values.join("・") || copy.none),
        el("h3", null, copy.action),
        el("p", null, c.action ? `${c.action.text}（${copy.due} ${c.action.due}）` : copy.none),
      ),
      section(
        copy.chart,
        c.scoreSeries.length === 0
          ? el("p", "muted", copy.none)
          : scoreBars(
              c.scoreSeries.map((s) => s.score),
              copy.chart,
            ),
      ),
      section(
        copy.moments,
        items(c.moments, (m) =>
          el(
            "li",
            null,
            el("span", "muted", when(m.at)),
            " ",
            m.text,
            m.feeling ? el("span", "tag", `${copy.feeling}：${m.feeling}`) : null,
            m.deed ? el("span", "tag", `${copy.deed}：${m.deed}`) : null,
          ),
        ),
      ),
      section(
        copy.steps,
        items(c.steps, (s) =>
          el(
            "li",
            null,
            el("span", "muted", when(s.at)),
            " ",
            s.action,
            el("span", "tag", copy.stepStatus[s.status] ?? s.status),
            s.feeling ? el("span", "tag", s.feeling) : null,
          ),
        ),
      ),
      section(
        copy.checkins,
        items(c.checkins, (k) =>
          el("li", null, el("span", "muted", when(k.at)), ` ${copy.trend} ${k.score}・${k.thanks ? copy.thanksYes : copy.thanksNo}`),
        ),
      ),
    ),
  );
  await mountClientWork(main, c.code);
}

function failed(status: number): void {
  if (status === 401) return signInForm(null);
  show(el("p", "error", status === 403 ? copy.notConsultant : copy.loadFailed));
}

function route(): void {
  if (!signedIn()) return signInForm(null);
  signOutButton.hidden = false;
  if (location.hash === "#/handovers") return void handoversPage(show, failed);
  if (location.hash === "#/line") return void linePage(show, failed);
  const match = /^#\/c\/([0-9A-F]{8})$/.exec(location.hash);
  void (match ? clientPage(match[1]) : clientsPage());
}

signOutButton.addEventListener("click", () => {
  signOut();
  location.hash = "#/";
  signInForm(null);
});
window.addEventListener("hashchange", route);
route();
