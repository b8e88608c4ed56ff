/**
 * The steps as a timeline (「記録を見る」): every step told, newest first, with its outcome (できた /
 * 少しできた / まだ), how it felt and who reacted; and one step entry as a record card or a line of
 * the operators' hand-off text. Pure; the texts come from `./content`.
 */
import { tokyoDate } from "../calendar/schedule";
import type { StepOutcome } from "../model/entry";
import { cardText, fill, labels, stepLoopCardText } from "./content";
import { formatDate } from "./format";
import type { Card } from "./reply";
import { displayQuote } from "./understand/mirror";

/** The timeline card of `steps` (oldest first, as the profile keeps them); null when there are none. */
export function stepsTimelineCard(steps: readonly StepOutcome[]): Card | null {
  if (steps.length === 0) return null;
  return {
    altText: stepLoopCardText.timelineAltText,
    title: stepLoopCardText.timelineTitle,
    sections: [...steps].reverse().map((step) => ({
      heading: `${dateOf(step.at)} ${labels[`action.${step.status}`]}`,
      lines: [displayQuote(step.action), ...outcomeLines(step, true)],
    })),
  };
}

/** One step entry as a record card, its words whole. */
export function stepRecordCard(step: StepOutcome): Card {
  return {
    altText: stepLoopCardText.recordStep,
    title: dateOf(step.at),
    sections: [{ heading: stepLoopCardText.recordStep, lines: stepLines(step) }],
  };
}

/** One step entry as a line of the operators' hand-off text. */
export function stepEntryLine(step: StepOutcome): string {
  return `${dateOf(step.at)} ${stepLoopCardText.recordStep}：${stepLines(step).join("、")}`;
}

function stepLines(step: StepOutcome): string[] {
  return [
    fill(stepLoopCardText.step, { action: step.action }),
    fill(cardText.recordAction, { status: labels[`action.${step.status}`] }),
    ...outcomeLines(step, false),
  ];
}

/** How it felt and who reacted; a skipped reaction is said only for a step done, never for まだ. */
function outcomeLines(step: StepOutcome, short: boolean): string[] {
  const shown = (text: string) => (short ? displayQuote(text) : text);
  const feeling = step.feeling === null ? [] : [fill(stepLoopCardText.feeling, { feeling: shown(step.feeling) })];
  if (step.status === "notYet") return feeling;
  const reaction =
    step.reaction === null ? stepLoopCardText.noReaction : fill(stepLoopCardText.reaction, { reaction: shown(step.reaction) });
  return [...feeling, reaction];
}

function dateOf(at: string): string {
  return formatDate(tokyoDate(new Date(at)));
}
