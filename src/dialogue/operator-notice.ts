/**
 * What an operator (a consultant) is sent about a hand-over: the buttons' data, the card under
 * the hand-off push, the urgent notice of a crisis request and the notice that a hand-over ended.
 */
import { fill, messages, operatorCard, operatorLabels } from "./content";
import type { Card, Reply } from "./reply";
import { say } from "./say";
import type { HandoverEnd } from "./state";

/** What an operator can do to a hand-over. */
export type OperatorVerb = "take" | "decline" | "end";

/** The first part of an operator button's data. */
export const OPERATOR_PREFIX = "op1";

/** The postback data of an operator's button. */
export function operatorData(verb: OperatorVerb, code: string): string {
  return [OPERATOR_PREFIX, verb, code].join("|");
}

/** The card under the hand-off push: how to respond, with the two buttons; a crisis request's is marked urgent. */
export function operatorNoticeCard(code: string, crisis = false): Card {
  return {
    altText: fill(crisis ? operatorCard.altTextCrisis : operatorCard.altText, { code }),
    title: fill(crisis ? operatorCard.titleCrisis : operatorCard.title, { code }),
    sections: [{ heading: operatorCard.heading, lines: [fill(messages["operator.notice.guide"], { code })] }],
    links: [
      { label: operatorLabels.take, data: operatorData("take", code) },
      { label: operatorLabels.decline, data: operatorData("decline", code) },
    ],
  };
}

/**
 * The push to the operators when a user in crisis asked to be contacted: plainly urgent, with
 * the 受付番号 and never the user's words, what the user was promised (`replyHours`, the
 * operators' HANDOVER_REPLY_HOURS), and the buttons to take over.
 */
export function escalationNotice(code: string, replyHours: number | undefined): Reply[] {
  const promise =
    replyHours === undefined
      ? messages["operator.escalationNotPromised"]
      : fill(messages["operator.escalationPromised"], { hours: String(replyHours) });
  return [
    { type: "text", text: fill(messages["operator.escalation"], { code, promise }) },
    { type: "card", card: operatorNoticeCard(code, true) },
  ];
}

/** What the operator is told when a hand-over ends; `idleMs` names the idle time. */
export function operatorEndNotice(reason: HandoverEnd, code: string, idleMs: number): Reply[] {
  const id = (
    {
      operator: "operator.ended",
      user: "operator.userReturned",
      idle: "operator.idleEnded",
      deleted: "operator.userDeleted",
      blocked: "operator.userBlocked",
    } as const
  )[reason];
  return [say(id, { code, hours: String(Math.round(idleMs / 3_600_000)) })];
}

/** How the state names a consultant who took a hand-over in the console, not from LINE: this prefix, then their sign-in email. */
export const CONSOLE_OPERATOR_PREFIX = "console:";

/** The operator id of a consultant signed in to the console as `email`. */
export function consoleOperator(email: string): string {
  return `${CONSOLE_OPERATOR_PREFIX}${email}`;
}

/** Whether `operator` is a LINE user id, which LINE can push to (a console consultant has none). */
export function isLineOperator(operator: string): boolean {
  return /^U[0-9a-f]{32}$/.test(operator);
}
