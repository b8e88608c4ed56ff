/**
 * How homework shows in the client's records and hand-offs, and the 「データ確認」 section on
 * who looked at the shared notes (the console's read log).
 */
import { tokyoDate } from "../calendar/schedule";
import type { NewEntry } from "../model/entry";
import { fill, homeworkText } from "./content";
import { formatDate, formatInstant } from "./format";
import type { Card, CardSection } from "./reply";

/** One read of the client's page in the console: who (the consultant's sign-in address) and when (ISO instant). */
export interface ReadLogLine {
  who: string;
  at: string;
}

/** How many reads 「データ確認」 lists; the rest are counted. */
export const READS_SHOWN = 10;

type HomeworkEntry = Extract<NewEntry, { kind: "homework" }>;

/** A homework answer as a card of 記録を見る. */
export function homeworkRecordCard(entry: HomeworkEntry): Card {
  const heading = entry.askKind === "step" ? homeworkText.recordStep : homeworkText.recordQuestion;
  return {
    altText: heading,
    title: formatDate(tokyoDate(new Date(entry.at))),
    sections: [{ heading, lines: [entry.ask, fill(homeworkText.recordAnswer, { answer: entry.answer })] }],
  };
}

/** A homework answer as a line of the operators' hand-off text. */
export function homeworkEntryLine(entry: HomeworkEntry): string {
  const heading = entry.askKind === "step" ? homeworkText.recordStep : homeworkText.recordQuestion;
  return `${formatDate(tokyoDate(new Date(entry.at)))} ${heading}：${entry.ask} → ${entry.answer}`;
}

/** 「データ確認」's section on who looked, newest first (`reads` newest first). */
export function readsSection(reads: readonly ReadLogLine[]): CardSection {
  if (reads.length === 0) return { heading: homeworkText.readsHeading, lines: [homeworkText.readsNone] };
  const shown = reads.slice(0, READS_SHOWN).map(({ who, at }) => fill(homeworkText.readsLine, { at: formatInstant(new Date(at)), who }));
  const more = reads.length - READS_SHOWN;
  return {
    heading: homeworkText.readsHeading,
    lines: more > 0 ? [...shown, fill(homeworkText.readsMore, { count: String(more) })] : shown,
  };
}
