/**
 * The rich menu under the chat: LINE's chat bar (its text folds and unfolds the menu) and the
 * menu image with a button over each tap area, placed from the rich menu object's bounds. The
 * menu is the user's own and changes with their stage, so it can be drawn again at any time.
 */
import type { WebRichMenu } from "../protocol";
import { copy } from "./copy";
import { h } from "./dom";

/** The rich menu's controls; see {@link createRichMenu}. */
export interface RichMenuView {
  /** Draws `menu` (null: none, an empty panel) and keeps the panel open or folded as it was. */
  show(menu: WebRichMenu | null): void;
  setOpen(open: boolean): void;
}

/** Wires `toggle` (the chat bar) to fold `panel`; taps on an area go to `tap` with the area's postback. */
export function createRichMenu(
  elements: { panel: HTMLElement; toggle: HTMLButtonElement },
  tap: (action: WebRichMenu["areas"][number]["action"]) => void,
): RichMenuView {
  const { panel, toggle } = elements;
  const label = h("span");
  const arrow = h("span", { class: "chat-bar-arrow", "aria-hidden": "true" });
  toggle.replaceChildren(label, arrow);
  const setOpen = (open: boolean) => {
    panel.hidden = !open;
    toggle.setAttribute("aria-expanded", String(open));
    arrow.textContent = open ? "▼" : "▲";
  };
  toggle.addEventListener("click", () => setOpen(panel.hidden));
  let first = true;
  const show = (menu: WebRichMenu | null) => {
    label.textContent = menu?.chatBarText ?? copy.richMenu;
    panel.replaceChildren(menu === null ? "" : frameOf(menu, tap));
    panel.dataset.menu = menu?.name ?? "";
    if (first) setOpen(menu?.selected ?? false);
    first = false;
  };
  return { show, setOpen };
}

function frameOf(menu: WebRichMenu, tap: (action: WebRichMenu["areas"][number]["action"]) => void): HTMLElement {
  const image = h("img", { class: "rich-menu-image", src: menu.imageUrl, alt: "", draggable: "false" });
  const frame = h("div", { class: "rich-menu-frame", role: "group", "aria-label": copy.richMenu }, image);
  frame.style.aspectRatio = `${menu.size.width} / ${menu.size.height}`;
  for (const area of menu.areas) {
    const { x, y, width, height } = area.bounds;
    const button = h("button", {
      type: "button",
      class: "rich-menu-area",
      "aria-label": area.action.displayText,
      title: area.action.displayText,
      "data-postback": area.action.data,
    });
    button.style.left = `${(x / menu.size.width) * 100}%`;
    button.style.top = `${(y / menu.size.height) * 100}%`;
    button.style.width = `${(width / menu.size.width) * 100}%`;
    button.style.height = `${(height / menu.size.height) * 100}%`;
    button.addEventListener("click", () => tap(area.action));
    frame.append(button);
  }
  return frame;
}
