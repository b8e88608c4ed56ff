/**
 * The client's 振り返りシート as data: every word already chosen and formatted by the dialogue
 * core (`sheetOf`), so the renderer in `src/sheet/` only lays it out and draws it, and the store
 * keeps it as-is while its link lives. Plain types; this module imports nothing.
 */

/** A dated line: an earlier WILL, a step. */
export interface SheetDated {
  /** The date as shown, e.g. 「2026年1月5日」 or 「3月2日(月)」. */
  date: string;
  text: string;
}

/** One ありがとう moment on the sheet. */
export interface SheetMoment {
  date: string;
  text: string;
  /** How it felt, what the user did, and the strength it shows: each null when not known. */
  feeling: string | null;
  deed: string | null;
  strength: string | null;
}

/** One value the user chose, with the words of their moments that point to it (may be empty). */
export interface SheetValue {
  label: string;
  words: string[];
}

/** One point of the やりがい度 chart: a short date label and the score (1–5). */
export interface SheetScore {
  label: string;
  score: number;
}

/** One step with its date and how it went, as words. */
export interface SheetStep extends SheetDated {
  outcome: string;
}

/** The fixed words of the sheet: headings and the labels inside sections. */
export interface SheetWords {
  will: string;
  earlier: string;
  values: string;
  moments: string;
  chart: string;
  steps: string;
  feeling: string;
  deed: string;
  strength: string;
  /** Shown in a section with nothing to show yet. */
  none: string;
  /** The footer line (what made the sheet). */
  footer: string;
}

/** Bump when {@link Sheet} changes shape; a stored sheet of another version is not drawn. */
export const SHEET_VERSION = 1;

/** Everything one sheet shows. */
export interface Sheet {
  version: typeof SHEET_VERSION;
  title: string;
  /** When the sheet was made, as shown (「2026年3月1日 作成」). */
  dateLine: string;
  /** Until when the printable page can be opened, as the page says it (not drawn on the sheet). */
  pageNote: string;
  words: SheetWords;
  /** The WILL now (null before the user set one) and its earlier versions, newest first. */
  will: { current: string | null; earlier: SheetDated[] };
  values: SheetValue[];
  /** The newest moments, newest first, and a line saying how many more there are (null when none). */
  moments: SheetMoment[];
  momentsMore: string | null;
  /** やりがい度 answers, oldest first, and a line under the chart (counts). */
  scores: SheetScore[];
  chartNote: string;
  /** Steps, newest first. */
  steps: SheetStep[];
}
