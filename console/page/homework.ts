/**
 * A client's page, the consultants' part: private notes (who wrote each, when), homework sent
 * to the client (a question or a suggested next step) with its answer, and withdrawing one
 * that waits. Mounted below the page main.ts draws; the alerts on the clients page.
 */
import { homeworkCopy as copy } from "./copy";
import { el, when } from "./dom";
import { apiPost, getOrNull } from "./homework-api";

interface Note {
  id: string;
  text: string;
  author: string;
  at: string;
}

interface HomeworkRow {
  id: string;
  kind: "question" | "step";
  text: string;
  sentBy: string;
  sentAt: string;
  status: "waiting" | "answered" | "withdrawn";
  answer: { text: string; at: string } | null;
}

interface AlertRow {
  code: string;
  lowScores: number[] | null;
  contactRequested: boolean;
}

/** The longest homework the API takes (HOMEWORK_MAX in the dialogue's content). */
const HOMEWORK_MAX = 500;

function form(label: string, field: HTMLTextAreaElement, button: string, ...extra: Node[]): HTMLFormElement {
  field.required = true;
  return el("form", "send", el("label", null, label, field), ...extra, el("button", null, button));
}

/** Adds the notes and homework sections of client `code` to `host`. */
export async function mountClientWork(host: HTMLElement, code: string): Promise<void> {
  const base = `/api/clients/${encodeURIComponent(code)}`;
  const notes = el("section", "card work", el("h2", null, copy.notesTitle), el("p", "muted", copy.notesPrivate));
  const homework = el("section", "card work", el("h2", null, copy.homeworkTitle));
  host.append(el("div", "grid", homework, notes));

  const noteList = el("ul", "notes");
  const noteField = el("textarea", null);
  noteField.name = "note";
  const noteStatus = el("p", "status");
  const noteForm = form(copy.noteLabel, noteField, copy.noteSave, noteStatus);
  notes.append(noteForm, noteList);
  const drawNotes = async () => {
    const body = await getOrNull<{ notes: Note[] }>(`${base}/notes`);
    noteList.replaceChildren(
      ...(body?.notes ?? []).map((n) => el("li", null, el("span", "muted", `${when(n.at)} ${n.author}`), el("p", null, n.text))),
    );
  };
  noteForm.addEventListener("submit", (event) => {
    event.preventDefault();
    void apiPost(`${base}/notes`, { text: noteField.value }).then(async (result) => {
      noteStatus.textContent = result.ok ? "" : (copy.errors[result.error ?? ""] ?? copy.failed);
      if (result.ok) noteField.value = "";
      await drawNotes();
    });
  });

  const kind = el("select", null, el("option", null, copy.kinds.question), el("option", null, copy.kinds.step));
  kind.name = "kind";
  kind.options[0].value = "question";
  kind.options[1].value = "step";
  const hwField = el("textarea", null);
  hwField.name = "homework";
  hwField.maxLength = HOMEWORK_MAX;
  const hwStatus = el("p", "status");
  hwStatus.setAttribute("role", "status");
  const hwForm = form(copy.homeworkLabel, hwField, copy.homeworkSend, el("label", null, copy.kindLabel, kind), hwStatus);
  const hwList = el("ul", "homework");
  homework.append(el("p", "muted", copy.homeworkHint), hwForm, hwList);
  const drawHomework = async () => {
    const body = await getOrNull<{ homework: HomeworkRow[] }>(`${base}/homework`);
    hwList.replaceChildren(...(body?.homework ?? []).map((row) => homeworkItem(row, base, drawHomework)));
  };
  hwForm.addEventListener("submit", (event) => {
    event.preventDefault();
    hwStatus.textContent = copy.sending;
    void apiPost(`${base}/homework`, { kind: kind.value, text: hwField.value }).then(async (result) => {
      hwStatus.textContent = result.ok ? copy.sent : (copy.errors[result.error ?? ""] ?? copy.failed);
      if (result.ok) hwField.value = "";
      await drawHomework();
    });
  });
  await Promise.all([drawNotes(), drawHomework()]);
}

function homeworkItem(row: HomeworkRow, base: string, redraw: () => Promise<void>): HTMLElement {
  const item = el(
    "li",
    `hw ${row.status}`,
    el("span", "muted", `${when(row.sentAt)} ${copy.kinds[row.kind]}・${row.sentBy}`),
    el("p", null, row.text),
    el("span", `tag ${row.status}`, copy.statuses[row.status]),
  );
  if (row.answer !== null) item.append(el("p", "answer", `${copy.answer}（${when(row.answer.at)}）：${row.answer.text}`));
  if (row.status === "waiting") {
    const withdraw = el("button", "secondary", copy.withdraw);
    withdraw.type = "button";
    withdraw.addEventListener("click", () => {
      void apiPost(`${base}/homework/${encodeURIComponent(row.id)}/withdraw`, {}).then(redraw);
    });
    item.append(withdraw);
  }
  return item;
}

/**
 * Adds the alerts section to the top of the clients page `host`, when there are any and the
 * page is still the one shown (the consultant may have opened a client meanwhile).
 */
export async function mountAlerts(host: HTMLElement): Promise<void> {
  const page = host.firstElementChild;
  const alerts = (await getOrNull<{ alerts: AlertRow[] }>("/api/alerts"))?.alerts ?? [];
  if (alerts.length === 0 || page === null || !page.isConnected) return;
  const list = el("ul", "alerts");
  for (const alert of alerts) {
    const link = el("a", null, `${copy.code} ${alert.code}`);
    link.href = `#/c/${alert.code}`;
    const reasons = [
      ...(alert.contactRequested ? [copy.contactRequested] : []),
      ...(alert.lowScores ? [`${copy.lowScores}（${alert.lowScores.join("→")}）`] : []),
    ];
    list.append(el("li", null, link, " ", reasons.join("・")));
  }
  host.prepend(el("section", "card alerts", el("h2", null, copy.alertsTitle), el("p", "muted", copy.alertsHint), list));
}
