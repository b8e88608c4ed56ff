/**
 * The quick-reply bar (one row of buttons that scrolls sideways, as on a phone) and the
 * datetimepicker, drawn with the browser's own date and time inputs.
 */
import { copy } from "./copy";
import { h, str } from "./dom";

type Action = Record<string, unknown>;

const INPUT_TYPES: Record<string, string> = { date: "date", time: "time", datetime: "datetime-local" };

/** Fills `bar` with a button per action (or hides it when there are none); `tap` runs when one is pressed. */
export function showQuickReplies(bar: HTMLElement, actions: Action[], tap: (action: Action) => void): void {
  bar.replaceChildren(
    ...actions.map((action) => {
      const button = h("button", {
        type: "button",
        class: "quick-reply",
        "data-action": str(action.type),
        "data-mode": action.type === "datetimepicker" ? str(action.mode) : undefined,
        text: str(action.label),
      });
      button.addEventListener("click", () => tap(action));
      return button;
    }),
  );
  bar.hidden = actions.length === 0;
  bar.scrollLeft = 0;
}

/**
 * Opens `dialog` to pick a date, a time or both for a datetimepicker `action`; resolves with
 * the postback params LINE would send (`{date: "2026-12-01"}` etc.), or null when cancelled.
 */
export function pickDateTime(dialog: HTMLDialogElement, action: Action): Promise<Record<string, string> | null> {
  const mode = str(action.mode, "datetime");
  const input = h("input", {
    type: INPUT_TYPES[mode] ?? "datetime-local",
    name: mode,
    required: true,
    value: str(action.initial) || undefined,
    min: str(action.min) || undefined,
    max: str(action.max) || undefined,
    "aria-label": str(action.label),
  });
  const form = h(
    "form",
    { method: "dialog", class: "picker" },
    h("p", { class: "picker-title", text: str(action.label) }),
    input,
    h(
      "div",
      { class: "picker-buttons" },
      h("button", { type: "button", value: "cancel", class: "picker-cancel", text: copy.pickerCancel }),
      h("button", { type: "submit", value: "ok", class: "picker-done", text: copy.pickerDone }),
    ),
  );
  dialog.replaceChildren(form);
  return new Promise((resolve) => {
    const finish = (value: Record<string, string> | null) => {
      dialog.close();
      resolve(value);
    };
    form.querySelector(".picker-cancel")?.addEventListener("click", () => finish(null));
    dialog.addEventListener("cancel", () => resolve(null), { once: true });
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      if (input.value !== "") finish({ [mode]: input.value });
    });
    dialog.showModal();
    input.focus();
  });
}
