/**
 * The one line that reminds a user back after a long gap where they were, before their answer
 * to the question that waited is taken (「おかえりなさい。前回は『飲み会の幹事』の場面をうかがっていました。」).
 */
import { fill, messages, type MessageId } from "./content";
import type { Reply } from "./reply";
import { say } from "./say";
import type { UserState } from "./state";
import type { QuestionStep } from "./step";
import { sceneName } from "./understand/scene";

/** The recap of where `state` was at `step`, a first-session question. */
export function recapLine(state: UserState, step: QuestionStep): Reply {
  const moment = state.draft?.moments.at(-1);
  const telling = step.type === "awaitingThanksFeeling" || step.type === "awaitingThanksDeed";
  const scene = telling && moment !== undefined ? sceneName(moment.text) : null;
  const where = scene === null ? messages[WHERE[step.type]] : fill(messages["resume.where.scene"], { scene });
  return say("resume.recap", { where });
}

const WHERE: { readonly [K in QuestionStep["type"]]: MessageId } = {
  awaitingWorkScore: "resume.where.workScore",
  awaitingMoyamoya: "resume.where.moyamoya",
  awaitingThanksMoment: "resume.where.moments",
  awaitingThanksAlternative: "resume.where.moments",
  awaitingThanksFeeling: "resume.where.moments",
  awaitingThanksDeed: "resume.where.moments",
  awaitingMoreMoments: "resume.where.moments",
  awaitingValues: "resume.where.values",
  awaitingWillWho: "resume.where.will",
  awaitingWillWhat: "resume.where.will",
  awaitingWillReview: "resume.where.will",
  awaitingWillRewrite: "resume.where.will",
  awaitingAction: "resume.where.action",
  awaitingOwnAction: "resume.where.action",
  awaitingActionDue: "resume.where.action",
  awaitingReminder: "resume.where.reminder",
  awaitingReminderDays: "resume.where.reminder",
  awaitingFollowUpOffer: "resume.where.reminder",
};
