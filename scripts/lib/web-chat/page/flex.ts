/**
 * Flex Messages drawn as LINE draws them on a phone, from the JSON the bot sends: bubbles
 * (header, hero, body, footer and their styles) and carousels; boxes (vertical, horizontal,
 * baseline) with flex, spacing, margins, paddings, sizes, colours, borders and corner radii;
 * text with its spans, sizes, weights, colours, alignment, wrapping and line limits;
 * separators, fillers and buttons. Images are drawn as placeholders: the page loads nothing
 * from elsewhere. Sizes follow LINE's keywords (Flex Message reference).
 */
import { copy } from "./copy";
import { h, isRecord, str } from "./dom";

type Json = Record<string, unknown>;

/** What a Flex action (a button, or a box or text with an action) does when tapped. */
export type ActionHandler = (action: Json) => void;

const BUBBLE_WIDTHS: Record<string, number> = { nano: 120, micro: 160, deca: 220, hecto: 241, kilo: 260, mega: 300, giga: 386 };
const TEXT_SIZES: Record<string, string> = {
  xxs: "11px",
  xs: "13px",
  sm: "14px",
  md: "16px",
  lg: "19px",
  xl: "22px",
  xxl: "29px",
  "3xl": "35px",
  "4xl": "48px",
  "5xl": "74px",
};
const SPACES: Record<string, string> = { none: "0px", xs: "2px", sm: "4px", md: "8px", lg: "12px", xl: "16px", xxl: "20px" };
const BUTTON_HEIGHTS: Record<string, string> = { sm: "40px", md: "52px" };
const JUSTIFY: Record<string, string> = {
  "flex-start": "flex-start",
  "flex-end": "flex-end",
  center: "center",
  "space-between": "space-between",
  "space-around": "space-around",
  "space-evenly": "space-evenly",
};
const ALIGN: Record<string, string> = { "flex-start": "flex-start", "flex-end": "flex-end", center: "center" };
const GRAVITY: Record<string, string> = { top: "flex-start", bottom: "flex-end", center: "center" };
const TEXT_ALIGN: Record<string, string> = { start: "start", end: "end", center: "center" };
const LINK_COLOR = "#42659A";
const PRIMARY_COLOR = "#17C950";
const SECONDARY_COLOR = "#DCDFE5";

/** A size keyword from `table`, or a pixel or percent length as given; undefined otherwise. */
function length(value: unknown, table: Record<string, string> = {}): string | undefined {
  if (typeof value !== "string") return undefined;
  if (value in table) return table[value];
  return /^\d+(\.\d+)?(px|%)$/.test(value) ? value : undefined;
}

/** A colour LINE accepts (#RRGGBB or #RRGGBBAA); undefined otherwise, so nothing odd reaches CSS. */
function color(value: unknown): string | undefined {
  return typeof value === "string" && /^#([0-9a-f]{6}|[0-9a-f]{8})$/i.test(value) ? value : undefined;
}

/** The element for a Flex container: a bubble, or a carousel of them. */
export function renderFlex(container: unknown, act: ActionHandler): HTMLElement {
  if (isRecord(container) && container.type === "carousel" && Array.isArray(container.contents)) {
    const carousel = h("div", { class: "flex-carousel", role: "group", tabindex: 0, "aria-roledescription": "carousel" });
    for (const bubble of container.contents) carousel.append(renderBubble(bubble, act));
    return carousel;
  }
  return renderBubble(container, act);
}

function renderBubble(bubble: unknown, act: ActionHandler): HTMLElement {
  const record = isRecord(bubble) ? bubble : {};
  const size = str(record.size, "mega");
  const element = h("div", { class: `flex-bubble flex-size-${size in BUBBLE_WIDTHS ? size : "mega"}` });
  element.style.width = `${BUBBLE_WIDTHS[size] ?? BUBBLE_WIDTHS.mega}px`;
  if (record.direction === "rtl") element.dir = "rtl";
  const styles = isRecord(record.styles) ? record.styles : {};
  let first = true;
  for (const name of ["header", "hero", "body", "footer"] as const) {
    const part = record[name];
    if (!isRecord(part)) continue;
    const style = isRecord(styles[name]) ? styles[name] : {};
    const block = h("div", { class: `flex-block flex-${name}` });
    const background = color(style.backgroundColor);
    if (background) block.style.backgroundColor = background;
    if (!first && style.separator === true) block.style.borderTop = `1px solid ${color(style.separatorColor) ?? "#D4D6DA"}`;
    block.append(renderComponent(part, "vertical", act));
    element.append(block);
    first = false;
  }
  return element;
}

/** One component inside a box laid out as `parent`. */
function renderComponent(component: Json, parent: string, act: ActionHandler): HTMLElement {
  let element: HTMLElement;
  switch (component.type) {
    case "box":
      element = renderBox(component, act);
      break;
    case "text":
      element = renderText(component);
      break;
    case "separator":
      element = h("div", { class: "flex-separator", role: "separator" });
      element.style.backgroundColor = color(component.color) ?? "#D4D6DA";
      break;
    case "button":
      element = renderButton(component, act);
      break;
    case "filler":
    case "spacer":
      element = h("div", { class: "flex-filler" });
      if (component.type === "spacer") element.style.height = length(component.size, SPACES) ?? "8px";
      break;
    case "image":
    case "icon":
    case "video":
      element = h("div", { class: `flex-${component.type}`, role: "img", "aria-label": copy.imageAlt });
      break;
    default:
      element = h("div", { class: "flex-unknown", text: str(component.type) });
  }
  applyCommon(element, component, parent, act);
  return element;
}

/** What every component can set: flex, size, position, offsets, gravity, and an action when the element does not handle its own. */
function applyCommon(element: HTMLElement, component: Json, parent: string, act: ActionHandler): void {
  const style = element.style;
  const horizontal = parent !== "vertical";
  const defaultFlex = horizontal && component.type !== "separator" ? 1 : 0;
  const flex = typeof component.flex === "number" && component.flex >= 0 ? component.flex : defaultFlex;
  const width = length(component.width);
  if (horizontal) {
    // Grown parts share what is left; a part of fixed width keeps it; other parts shrink rather than overflow.
    style.flex = flex > 0 ? `${flex} 1 ${width ?? "0px"}` : `0 ${width ? 0 : 1} ${width ?? "auto"}`;
    style.minWidth = "0";
  } else {
    style.flex = `${flex} 0 auto`;
  }
  if (width) style.width = width;
  const height = length(component.height);
  if (height) style.height = height;
  const maxWidth = length(component.maxWidth);
  if (maxWidth) style.maxWidth = maxWidth;
  const maxHeight = length(component.maxHeight);
  if (maxHeight) style.maxHeight = maxHeight;
  const gravity = GRAVITY[str(component.gravity)];
  if (gravity && horizontal) style.alignSelf = gravity;
  if (component.position === "absolute") style.position = "absolute";
  for (const side of ["Top", "Bottom", "Start", "End"] as const) {
    const offset = length(component[`offset${side}`], SPACES);
    if (!offset) continue;
    const css = side === "Start" ? "left" : side === "End" ? "right" : side.toLowerCase();
    if (component.position === "absolute") style.setProperty(css, offset);
    else style.setProperty(css, side === "Bottom" || side === "End" ? `-${offset}` : offset);
  }
  if (component.position !== "absolute" && Object.keys(component).some((key) => key.startsWith("offset"))) style.position = "relative";
  const action = component.action;
  if (isRecord(action) && component.type !== "button") {
    element.classList.add("flex-tappable");
    element.tabIndex = 0;
    element.setAttribute("role", action.type === "uri" ? "link" : "button");
    element.addEventListener("click", () => act(action));
    element.addEventListener("keydown", (event) => {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        act(action);
      }
    });
  }
}

function renderBox(box: Json, act: ActionHandler): HTMLElement {
  const layout = box.layout === "horizontal" || box.layout === "baseline" ? box.layout : "vertical";
  const element = h("div", { class: `flex-box flex-${layout}` });
  const style = element.style;
  const background = color(box.backgroundColor);
  if (background) style.backgroundColor = background;
  const border = color(box.borderColor);
  const borderWidth = length(box.borderWidth, {
    none: "0px",
    light: "0.5px",
    normal: "1px",
    medium: "2px",
    "semi-bold": "3px",
    bold: "4px",
  });
  if (borderWidth) style.border = `${borderWidth} solid ${border ?? "#000000"}`;
  const radius = length(box.cornerRadius, SPACES);
  if (radius) {
    style.borderRadius = radius;
    style.overflow = "hidden";
  }
  const padding = length(box.paddingAll, SPACES);
  if (padding) style.padding = padding;
  for (const side of ["Top", "Bottom", "Start", "End"] as const) {
    const value = length(box[`padding${side}`], SPACES);
    if (value) style.setProperty(`padding-${side === "Start" ? "left" : side === "End" ? "right" : side.toLowerCase()}`, value);
  }
  const justify = JUSTIFY[str(box.justifyContent)];
  if (justify) style.justifyContent = justify;
  const align = ALIGN[str(box.alignItems)];
  if (align) style.alignItems = align;
  const spacing = length(box.spacing, SPACES);
  const contents = Array.isArray(box.contents) ? box.contents.filter(isRecord) : [];
  // A child's own margin replaces the box's spacing before it, as in LINE.
  contents.forEach((component, index) => {
    const child = renderComponent(component, layout, act);
    const margin = length(component.margin, SPACES) ?? (index > 0 ? spacing : undefined);
    if (margin && component.position !== "absolute") {
      if (layout === "vertical") child.style.marginTop = margin;
      else child.style.marginLeft = margin;
    }
    element.append(child);
  });
  return element;
}

function renderText(text: Json): HTMLElement {
  const element = h("p", { class: "flex-text" });
  styleText(element, text);
  const spans = Array.isArray(text.contents) ? text.contents.filter(isRecord) : [];
  if (spans.length > 0) {
    for (const span of spans) {
      const part = h("span", { text: str(span.text) });
      styleText(part, span);
      element.append(part);
    }
  } else {
    element.textContent = str(text.text);
  }
  const align = TEXT_ALIGN[str(text.align)];
  if (align) element.style.textAlign = align;
  if (text.wrap === true) {
    element.classList.add("flex-wrap");
    const maxLines = typeof text.maxLines === "number" && text.maxLines > 0 ? text.maxLines : 0;
    if (maxLines > 0) {
      element.classList.add("flex-clamp");
      element.style.setProperty("-webkit-line-clamp", String(maxLines));
    }
  }
  const lineSpacing = length(text.lineSpacing);
  if (lineSpacing) element.style.lineHeight = `calc(1.4em + ${lineSpacing})`;
  return element;
}

/** Size, weight, colour, style and decoration of a text or a span. */
function styleText(element: HTMLElement, text: Json): void {
  const size = length(text.size, TEXT_SIZES);
  if (size) element.style.fontSize = size;
  if (text.weight === "bold") element.style.fontWeight = "700";
  const textColor = color(text.color);
  if (textColor) element.style.color = textColor;
  if (text.style === "italic") element.style.fontStyle = "italic";
  if (text.decoration === "underline" || text.decoration === "line-through") element.style.textDecoration = text.decoration;
}

function renderButton(button: Json, act: ActionHandler): HTMLElement {
  const action = isRecord(button.action) ? button.action : {};
  const label = str(action.label);
  const style = button.style === "primary" || button.style === "secondary" ? button.style : "link";
  const uri = action.type === "uri" ? str(action.uri) : "";
  const element =
    uri !== ""
      ? h("a", {
          class: `flex-button flex-button-${style}`,
          href: uri,
          ...(uri.startsWith("tel:") ? {} : { target: "_blank", rel: "noopener noreferrer" }),
        })
      : h("button", { class: `flex-button flex-button-${style}`, type: "button" });
  element.append(h("span", { text: label }));
  element.style.height = BUTTON_HEIGHTS[str(button.height)] ?? BUTTON_HEIGHTS.md;
  const buttonColor = color(button.color);
  if (style === "link") element.style.color = buttonColor ?? LINK_COLOR;
  else {
    element.style.backgroundColor = buttonColor ?? (style === "primary" ? PRIMARY_COLOR : SECONDARY_COLOR);
    element.style.color = style === "primary" ? "#FFFFFF" : "#111111";
  }
  if (uri === "") element.addEventListener("click", () => act(action));
  return element;
}
