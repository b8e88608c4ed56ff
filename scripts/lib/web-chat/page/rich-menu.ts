/**
 * The rich menu under the chat: LINE's chat bar (its text folds and unfolds the menu) and the
 * menu image with a button over each tap area, placed from the rich menu object's bounds.
 */
import type { WebRichMenu } from "../protocol";
import { copy } from "./copy";
import { h } from "./dom";

/** Draws `menu` into `panel` and wires `toggle` (the chat bar) to fold it; `tap` gets the area's postback. */
export function setUpRichMenu(
  menu: WebRichMenu,
  elements: { panel: HTMLElement; toggle: HTMLButtonElement },
  tap: (action: WebRichMenu["areas"][number]["action"]) => void,
): { setOpen(open: boolean): void } {
  const { panel, toggle } = elements;
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
  panel.replaceChildren(frame);
  const label = h("span", { text: menu.chatBarText });
  const arrow = h("span", { class: "chat-bar-arrow", "aria-hidden": "true" });
  toggle.replaceChildren(label, arrow);
  const setOpen = (open: boolean) => {
    panel.hidden = !open;
    toggle.setAttribute("aria-expanded", String(open));
    arrow.textContent = open ? "▼" : "▲";
  };
  toggle.addEventListener("click", () => setOpen(panel.hidden));
  setOpen(menu.selected);
  return { setOpen };
}
