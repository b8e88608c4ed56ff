/**
 * The client's 振り返りシート (「シートを見る」, PRODUCT.md §3.7a): {@link sheetOf} gathers it from
 * the profile and the entries the app read, every word chosen here from content; the app keeps
 * it behind an unguessable link and `src/sheet/` draws it. {@link sheetReplies} brings it.
 */
import { dateParts, tokyoDate } from "../calendar/schedule";
import type { NewEntry } from "../model/entry";
import { SHEET_VERSION, type Sheet, type SheetMoment, type SheetScore, type SheetStep, type SheetValue } from "../model/sheet";
import { fill, labels, sheetMessages, sheetPage, sheetWords, values } from "./content";
import { formatDate, formatFullDate } from "./format";
import type { Choice, Reply } from "./reply";
import type { Profile } from "./state";
import { deedVoice, strengthCandidates } from "./understand/deed";
import { suggestValues } from "./values-prompt";

/** How long a sheet's link lives, in days. */
export const SHEET_LINK_DAYS = 7;

/** How many of the newest entries the sheet reads (about a year of weekly use). */
export const SHEET_ENTRIES = 500;
/** Moments drawn on the sheet, newest first; the rest are counted under them. */
export const SHEET_MOMENTS = 10;
/** Earlier WILL versions drawn, newest first. */
export const SHEET_EARLIER_WILLS = 2;
/** やりがい度 answers drawn in the chart, the newest. */
export const SHEET_SCORES = 24;
/** Steps drawn, newest first. */
export const SHEET_STEPS = 10;

/** Where the app put the sheet: its printable page, its image and the image's preview, until `expiresAt` (ISO instant). */
export interface SheetLink {
  pageUrl: string;
  imageUrl: string;
  previewUrl: string;
  expiresAt: string;
}

/** The sheet of a user with `profile` and `entries` (any order), made at `now`. */
export function sheetOf(profile: Profile, entries: readonly NewEntry[], now: Date): Sheet {
  const newest = [...entries].sort((a, b) => b.at.localeCompare(a.at));
  const thanks = newest.filter((entry): entry is Extract<NewEntry, { kind: "thanks" }> => entry.kind === "thanks");
  const will = profile.will;
  return {
    version: SHEET_VERSION,
    title: sheetWords.title,
    dateLine: fill(sheetWords.dateLine, { date: formatFullDate(tokyoDate(now)) }),
    pageNote: fill(sheetPage.until, { date: formatDate(tokyoDate(sheetExpiry(now))) }),
    words: {
      will: sheetWords.will,
      earlier: sheetWords.earlier,
      values: sheetWords.values,
      moments: sheetWords.moments,
      chart: sheetWords.chart,
      steps: sheetWords.steps,
      feeling: sheetWords.feeling,
      deed: sheetWords.deed,
      strength: sheetWords.strength,
      none: sheetWords.none,
      footer: sheetWords.footer,
    },
    will: {
      current: will?.statement ?? null,
      earlier: [...(will?.history ?? [])]
        .sort((a, b) => b.at.localeCompare(a.at))
        .slice(0, SHEET_EARLIER_WILLS)
        .map((version) => ({ date: dayOf(version.at), text: version.statement })),
    },
    values: sheetValues(profile, thanks),
    moments: thanks.slice(0, SHEET_MOMENTS).map(sheetMoment),
    momentsMore: thanks.length > SHEET_MOMENTS ? fill(sheetWords.momentsMore, { count: String(thanks.length - SHEET_MOMENTS) }) : null,
    scores: sheetScores(newest),
    chartNote: fill(sheetWords.chartNote, {
      thanks: String(thanks.length),
      checkins: String(newest.filter((entry) => entry.kind === "checkin").length),
    }),
    steps: sheetSteps(profile, newest),
  };
}

/** When the link of a sheet made at `now` expires. */
export function sheetExpiry(now: Date): Date {
  return new Date(now.getTime() + SHEET_LINK_DAYS * 86_400_000);
}

/** The image of the sheet and the link to its printable page; `menu` goes on the last message. */
export function sheetReplies(link: SheetLink, menu: Choice[]): Reply[] {
  const text = fill(sheetMessages.ready, { url: link.pageUrl, date: formatDate(tokyoDate(new Date(link.expiresAt))) });
  return [
    { type: "image", url: link.imageUrl, previewUrl: link.previewUrl },
    menu.length > 0 ? { type: "text", text, choices: menu } : { type: "text", text },
  ];
}

/** What the user hears when the sheet could not be made. */
export function sheetUnavailable(menu: Choice[]): Reply {
  return menu.length > 0
    ? { type: "text", text: sheetMessages.unavailable, choices: menu }
    : { type: "text", text: sheetMessages.unavailable };
}

function dayOf(instant: string): string {
  const at = new Date(instant);
  return Number.isNaN(at.getTime()) ? "" : formatFullDate(tokyoDate(at));
}

function shortDayOf(instant: string): string {
  const at = new Date(instant);
  return Number.isNaN(at.getTime()) ? "" : formatDate(tokyoDate(at));
}

/** The chosen values, each with the words of the moments that suggest it; the user's own values as they named them. */
function sheetValues(profile: Profile, thanks: readonly Extract<NewEntry, { kind: "thanks" }>[]): SheetValue[] {
  const suggested = suggestValues(thanks.flatMap((entry) => [entry.text, ...(entry.deed ? [entry.deed] : [])]));
  return [
    ...profile.values.map((id) => ({ label: values[id].label, words: suggested.find((s) => s.id === id)?.words ?? [] })),
    ...profile.ownValues.map((label) => ({ label, words: [] })),
  ];
}

function sheetMoment(entry: Extract<NewEntry, { kind: "thanks" }>): SheetMoment {
  const voice = entry.deed === null ? null : deedVoice(entry.deed);
  const deed = voice === null || voice.kind === "thanker" ? entry.deed : voice.text;
  const strength =
    voice === null || voice.kind === "thanker" ? null : (strengthCandidates(voice.text).find((m) => m.cue !== null)?.strength ?? null);
  return { date: shortDayOf(entry.at), text: entry.text, feeling: entry.feeling, deed, strength };
}

function sheetScores(newest: readonly NewEntry[]): SheetScore[] {
  return newest
    .flatMap((entry) => (entry.kind === "workScore" || entry.kind === "checkin" ? [entry] : []))
    .filter((entry) => Number.isFinite(entry.score) && !Number.isNaN(new Date(entry.at).getTime()))
    .slice(0, SHEET_SCORES)
    .reverse()
    .map((entry) => {
      const { month, day } = dateParts(tokyoDate(new Date(entry.at)));
      return {
        label: fill(sheetWords.scoreLabel, { month: String(month), day: String(day) }),
        score: Math.min(5, Math.max(1, entry.score)),
      };
    });
}

/**
 * The steps: the step the user set now, then each step's outcome as the learning loop recorded it
 * (its words, date, outcome and feeling). For a user whose steps were told before the loop, how
 * each check-in found the step of its week (the check-ins keep the outcome, not the step's words).
 */
function sheetSteps(profile: Profile, newest: readonly NewEntry[]): SheetStep[] {
  const planned: SheetStep[] = profile.action
    ? [{ date: formatDate(profile.action.due), text: profile.action.text, outcome: sheetWords.stepPlanned }]
    : [];
  const told = newest.flatMap((entry): SheetStep[] => {
    if (entry.kind !== "step") return [];
    const outcome = labels[`action.${entry.status}`];
    return [
      {
        date: formatDate(entry.due),
        text: entry.action,
        outcome: entry.feeling === null ? outcome : fill(sheetWords.stepOutcomeFelt, { outcome, feeling: entry.feeling }),
      },
    ];
  });
  const checked = newest.flatMap((entry): SheetStep[] =>
    entry.kind === "checkin" && entry.actionStatus !== null
      ? [{ date: shortDayOf(entry.at), text: sheetWords.stepCheckin, outcome: labels[`action.${entry.actionStatus}`] }]
      : [],
  );
  return [...planned, ...(told.length > 0 ? told : checked)].slice(0, SHEET_STEPS);
}
