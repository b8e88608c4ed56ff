/**
 * Cards built from the user's data: the WILL summary, the pages of records and the
 * 「データ確認」 card. Pure; the app calls {@link recordsReplies} and
 * {@link storedDataReplies} with entries it has read.
 */
import { tokyoDate } from "../calendar/schedule";
import { formatDate, formatInstant, formatSchedule } from "./format";
import { cardText, commandLabels, fill, labels, messages, momentSourceLabels, myDataText, sharingText, values } from "./content";
import { sharingLine, sharingLink } from "./sharing-prompt";
import type { NewEntry, StepOutcome, StoredEntry } from "../model/entry";
import { commandData } from "./postback";
import { homeworkEntryLine, homeworkRecordCard, readsSection, type ReadLogLine } from "./homework-cards";
import { stepEntryLine, stepRecordCard, stepsTimelineCard } from "./step-timeline";
import { answerLabel, echo, say } from "./say";
import type { Card, CardSection, Choice, Reply } from "./reply";
import type { Consent, Profile, UserState } from "./state";

/** Records shown per carousel page (LINE allows up to 12 bubbles; one is kept for "more"). */
export const RECORDS_PER_PAGE = 10;

/** The WILL summary card. */
export function summaryCard(profile: Profile): Card {
  const sections: CardSection[] = [
    { heading: cardText.will, lines: [profile.will?.statement ?? cardText.noWill] },
    {
      heading: cardText.values,
      lines:
        profile.values.length + profile.ownValues.length > 0
          ? [...profile.values.map((id) => values[id].label), ...profile.ownValues]
          : [cardText.none],
    },
    { heading: cardText.moments, lines: profile.moments.length > 0 ? profile.moments.map((m) => `・${echo(m)}`) : [cardText.none] },
    {
      heading: cardText.action,
      lines: profile.action ? [profile.action.text, fill(cardText.due, { due: formatDate(profile.action.due) })] : [cardText.noAction],
    },
    { heading: cardText.reminder, lines: [profile.reminder ? formatSchedule(profile.reminder.schedule) : cardText.noReminder] },
  ];
  return {
    altText: messages["will.card.altText"],
    title: cardText.summaryTitle,
    sections,
    links: [{ label: commandLabels.sheet, data: commandData("sheet") }],
  };
}

/**
 * Page `page` (0 = newest) of the records: one card per entry, after the timeline of the profile's
 * `steps` on the first page. `entries` holds that page plus, when there are more, one extra
 * entry, which only tells that a next page exists.
 */
export function recordsReplies(
  entries: readonly StoredEntry[],
  page: number,
  menu: Choice[] = [],
  steps: readonly StepOutcome[] = [],
): Reply[] {
  if (entries.length === 0) return [say(page === 0 ? "records.empty" : "records.end", {}, menu)];
  const shown = entries.slice(0, RECORDS_PER_PAGE);
  const more = entries.length > RECORDS_PER_PAGE;
  const timeline = page === 0 ? stepsTimelineCard(steps) : null;
  const cards = [...(timeline ? [timeline] : []), ...shown.map(({ entry }) => recordCard(entry))];
  const carousel: Reply = { type: "cards", altText: messages["records.intro"], cards };
  const closing = more
    ? say("records.moreAsk", {}, [answerLabel("records.more", "rec", String(page + 1)), ...menu.slice(0, 12)])
    : say("records.end", {}, menu);
  return [say(page === 0 ? "records.intro" : "records.next"), carousel, closing];
}

function recordCard(entry: NewEntry): Card {
  const date = formatDate(tokyoDate(new Date(entry.at)));
  switch (entry.kind) {
    case "workScore":
      return {
        altText: `${cardText.recordScore} ${entry.score}`,
        title: date,
        sections: [{ heading: scoreLine(entry.score), lines: entry.note ? [entry.note] : [] }],
      };
    case "checkin":
      return { altText: cardText.recordCheckin, title: date, sections: [{ heading: cardText.recordCheckin, lines: checkinLines(entry) }] };
    case "step":
      return stepRecordCard(entry);
    case "homework":
      return homeworkRecordCard(entry);
    case "thanks":
      return {
        altText: cardText.recordThanks,
        title: date,
        sections: [
          {
            heading: momentSourceLabels[entry.source],
            lines: [
              entry.text,
              ...(entry.feeling ? [entry.feeling] : []),
              ...(entry.deed ? [fill(cardText.recordDeed, { deed: entry.deed })] : []),
            ],
          },
        ],
      };
  }
}

function scoreLine(score: number): string {
  return fill(cardText.recordScoreValue, { score: String(score) });
}

function checkinLines(entry: Extract<NewEntry, { kind: "checkin" }>): string[] {
  return [
    scoreLine(entry.score),
    ...(entry.actionStatus ? [fill(cardText.recordAction, { status: labels[`action.${entry.actionStatus}`] })] : []),
    ...(entry.willLink ? [fill(cardText.recordWill, { link: labels[`will.${entry.willLink}`] })] : []),
  ];
}

/** One entry as a line of the operators' hand-off text. */
function entryLine(entry: NewEntry): string {
  const date = formatDate(tokyoDate(new Date(entry.at)));
  switch (entry.kind) {
    case "thanks":
      return `${date} ${cardText.recordThanks}：${entry.text}${entry.feeling ? `（${entry.feeling}）` : ""}${entry.deed ? ` ${fill(cardText.recordDeed, { deed: entry.deed })}` : ""}`;
    case "workScore":
      return `${date} ${scoreLine(entry.score)}${entry.note ? `：${entry.note}` : ""}`;
    case "checkin":
      return `${date} ${cardText.recordCheckin}：${checkinLines(entry).join("、")}`;
    case "step":
      return stepEntryLine(entry);
    case "homework":
      return homeworkEntryLine(entry);
  }
}

/** Who a hand-off is from: a reference code both sides see, and the LINE name when known. */
export interface HandoffSender {
  code: string;
  displayName: string | null;
}

/**
 * The text pushed to the operators on a confirmed hand-off: what the user wants to talk about
 * (`topic`, when they said), the summary, and entries when shared.
 */
export function handoffNotice(
  profile: Profile,
  entries: readonly StoredEntry[] | null,
  sender: HandoffSender,
  topic: string | null = null,
): string {
  const card = summaryCard(profile);
  const lines = card.sections.flatMap((section) => [`■${section.heading}`, ...section.lines]);
  const recent =
    entries === null
      ? []
      : [`■${cardText.records}`, ...(entries.length === 0 ? [cardText.none] : entries.map(({ entry }) => entryLine(entry)))];
  return fill(messages["handoff.operatorNotice"], {
    code: sender.code,
    name: sender.displayName ?? cardText.none,
    topic: topic === null ? "" : fill(messages["handoff.operatorTopic"], { topic }),
    summary: [...lines, ...recent].join("\n"),
  });
}

/**
 * What the user is told after a confirmed hand-off, depending on whether it reached anyone;
 * `menu` goes on the message when nothing else follows it. Without a booking link, `replyHours`
 * (HANDOVER_REPLY_HOURS) is the reply time promised; without it, none is.
 */
export function handoffResultReplies(
  notified: boolean,
  bookingUrl: string | undefined,
  code: string,
  menu: Choice[],
  replyHours?: number,
): Reply[] {
  const reply = !notified
    ? say("handoff.failed")
    : bookingUrl !== undefined
      ? say("handoff.sent", { url: bookingUrl, code })
      : replyHours !== undefined
        ? say("handoff.sentWithin", { code, hours: String(replyHours) })
        : say("handoff.sentNoUrl", { code });
  return [menu.length > 0 && reply.type === "text" ? { ...reply, choices: menu } : reply];
}

/** The consent state in words, for 「データ確認」. */
export function consentText(consent: Consent): string {
  if (consent.status === "given") return fill(myDataText.consentGiven, { date: formatDate(tokyoDate(new Date(consent.at))) });
  return consent.status === "declined" ? myDataText.consentDeclined : myDataText.consentNone;
}

/**
 * 「データ確認」: everything stored about the user, as one card and a closing note. `entries`
 * are the newest entries the app read (at most `counted`); `recentEvents` is how many event
 * ids the document remembers. Long texts are shortened, since the WILL card and the records
 * show them whole.
 */
export function storedDataReplies(
  state: UserState,
  entries: readonly StoredEntry[],
  counted: number,
  recentEvents: number,
  menu: Choice[],
  reads: readonly ReadLogLine[] | null = null,
): Reply[] {
  const { profile } = state;
  const nextAt = profile.reminder?.nextAt ?? null;
  const extra: Record<string, string[]> = {
    [cardText.will]:
      profile.will === null || profile.will.history.length === 0
        ? []
        : [fill(myDataText.willHistory, { count: String(profile.will.history.length) })],
    [cardText.reminder]: nextAt === null ? [] : [fill(myDataText.nextReminder, { at: formatInstant(new Date(nextAt)) })],
  };
  const summary = summaryCard(profile).sections.map(({ heading, lines }) => ({
    heading,
    lines: [...lines.map(echo), ...(extra[heading] ?? [])],
  }));
  const sections: CardSection[] = [
    { heading: myDataText.consent, lines: [consentText(state.consent)] },
    { heading: sharingText.heading, lines: [sharingLine(state)] },
    ...(reads === null ? [] : [readsSection(reads)]),
    ...summary,
    { heading: myDataText.records, lines: recordLines(entries, counted) },
    ...inProgress(state),
    {
      heading: myDataText.other,
      lines: [
        fill(myDataText.otherLines, { recent: String(recentEvents) }),
        ...(state.lastActiveAt === null ? [] : [fill(myDataText.lastActive, { at: formatInstant(new Date(state.lastActiveAt)) })]),
        ...(state.care.acuteAt === null ? [] : [fill(myDataText.careAcute, { at: formatInstant(new Date(state.care.acuteAt)) })]),
        ...(state.care.messageAt === null ? [] : [fill(myDataText.careMessage, { at: formatInstant(new Date(state.care.messageAt)) })]),
      ],
    },
  ];
  const card = { altText: myDataText.altText, title: myDataText.title, sections, links: [sharingLink(state)] };
  return [{ type: "card", card }, say("myData.footer", {}, menu)];
}

function recordLines(entries: readonly StoredEntry[], counted: number): string[] {
  if (entries.length === 0) return [cardText.none];
  const count = (kind: NewEntry["kind"]) => String(entries.filter(({ entry }) => entry.kind === kind).length);
  const dates = entries.map(({ entry }) => entry.at).sort();
  const day = (at: string) => formatDate(tokyoDate(new Date(at)));
  return [
    fill(myDataText.recordCounts, {
      thanks: count("thanks"),
      scores: count("workScore"),
      checkins: count("checkin"),
      steps: count("step"),
    }),
    fill(myDataText.recordSpan, { first: day(dates[0]), last: day(dates.at(-1)!) }),
    ...(entries.length >= counted ? [fill(myDataText.recordCountsMore, { count: String(counted) })] : []),
  ];
}

function inProgress(state: UserState): CardSection[] {
  const lines = [...(state.draft ? [myDataText.inProgressDraft] : []), ...(state.reflection ? [myDataText.inProgressCheckin] : [])];
  return lines.length === 0 ? [] : [{ heading: myDataText.inProgress, lines }];
}
