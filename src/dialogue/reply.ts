/**
 * Platform-neutral replies. The dialogue core returns these as data; `src/line/render.ts`
 * turns them into LINE messages and the terminal chat prints them as text.
 */

/** What tapping a {@link Choice} does. */
export type ChoiceAction =
  /** Sends postback `data` back to the bot; the chat shows `label` as the user's message. */
  | { type: "postback"; data: string }
  /** Opens LINE's date/time picker; the picked value comes back as a postback with params. */
  | {
      type: "datetimePicker";
      data: string;
      mode: "date" | "time" | "datetime";
      /** Initial, min and max values in LINE's formats (`2026-11-24`, `21:00`, `2026-11-24T21:00`). */
      initial?: string;
      min?: string;
      max?: string;
    };

/** One quick-reply button. The label is at most 20 characters (LINE's limit). */
export interface Choice {
  label: string;
  action: ChoiceAction;
}

/** A titled block of short lines inside a {@link Card}. */
export interface CardSection {
  heading: string;
  lines: string[];
}

/**
 * A button on a card: one that opens a link (`uri`: a `tel:` number to call or an `https:`
 * page), or one that sends postback `data` back like a quick reply. The label is at most 20
 * characters.
 */
export type CardLink = { label: string; uri: string } | { label: string; data: string };

/** A summary card, rendered as a Flex bubble on LINE and as a boxed block in the terminal. */
export interface Card {
  /** Shown in notifications and in chat lists (Flex `altText`). */
  altText: string;
  title: string;
  sections: CardSection[];
  /** Buttons under the sections, in order (for example the consultation lines of the safety reply). */
  links?: CardLink[];
}

/** One bar of a {@link Chart}: `value` out of `max`, with its row label and a short caption. */
export interface ChartBar {
  label: string;
  value: number;
  max: number;
  caption: string;
}

/** A titled group of bars inside a {@link Chart}. */
export interface ChartSection {
  heading: string;
  bars: ChartBar[];
}

/** A small bar chart, rendered as a Flex bubble of boxes on LINE (no image hosting). */
export interface Chart {
  altText: string;
  title: string;
  sections: ChartSection[];
  /** Short lines under the bars (recurring words, the streak). */
  notes: string[];
}

/**
 * One outgoing message. Quick replies are attached to the last reply of a turn only,
 * because LINE shows them for the last message alone.
 */
export type Reply =
  /**
   * A chat bubble of plain text. `quote` marks the bubble that says back what the user just
   * typed (a ありがとう moment, their WILL): LINE then shows the user's message quoted above it.
   */
  | { type: "text"; text: string; choices?: Choice[]; quote?: true }
  /** A structured card. */
  | { type: "card"; card: Card; choices?: Choice[] }
  /** Several cards side by side (a carousel on LINE, at most 12). */
  | { type: "cards"; altText: string; cards: Card[]; choices?: Choice[] }
  /** A bar chart. */
  | { type: "chart"; chart: Chart; choices?: Choice[] }
  /** An image (PNG) at an https `url`, with a smaller `previewUrl` for the chat (the 振り返りシート). */
  | { type: "image"; url: string; previewUrl: string; choices?: Choice[] };
