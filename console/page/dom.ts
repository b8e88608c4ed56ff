/** A few DOM builders: elements with text only (never HTML from data). */

/** An element with a class and children (strings become text). */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className: string | null,
  ...children: (Node | string | null)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className !== null) node.className = className;
  for (const child of children) if (child !== null) node.append(child);
  return node;
}

/** One formatter for every date on a page: making one per date took about 0.45 s of a page with 2,000 dates. */
const TOKYO = new Intl.DateTimeFormat("ja-JP", {
  timeZone: "Asia/Tokyo",
  month: "numeric",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
});

/** A date and time in Tokyo, as 11月24日 12:00. */
export function when(iso: string | null): string {
  return iso === null ? "—" : TOKYO.format(new Date(iso));
}

/** A row of small bars for やりがい度 1–5, with its label for screen readers. */
export function scoreBars(scores: readonly number[], label: string): HTMLElement {
  const bars = el("span", "bars");
  bars.setAttribute("role", "img");
  bars.setAttribute("aria-label", `${label} ${scores.join("→")}`);
  for (const score of scores) {
    const bar = el("span", "bar");
    bar.style.height = `${score * 20}%`;
    bar.title = String(score);
    bars.append(bar);
  }
  return bars;
}
