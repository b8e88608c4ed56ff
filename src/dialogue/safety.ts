/**
 * The crisis reply (PRODUCT.md §3.6). A message that shows a crisis gets a short warm reply,
 * the consultation lines as tap-to-call and tap-to-open buttons, and the choice to go on or
 * stop for today. The pending question stays open in `paused` and the next message is never
 * taken as its answer by accident: only 「続ける」 goes back to it. Distress does not stop the
 * conversation; it is heard in `./care.ts`.
 */
import { acuteResources, distressResources, fill, labels, messages, resourcesCheckedOn, type HelpResource } from "./content";
import { endSideFlow, goTo, respond, withStep, type Transition } from "./flow";
import { formatFullDate } from "./format";
import { promptFor } from "./prompts";
import { commandChoice, say } from "./say";
import type { Card, CardLink, Reply } from "./reply";
import { requestHandover, type UserState } from "./state";
import { isQuestionStep, isSideQuestionStep, type Step } from "./step";
import type { SafetyLevel } from "./understand/safety";

/** The tier of a message that needs the safety reply. */
export type SafetyTier = Exclude<SafetyLevel, null>;

type SafetyStep = Extract<Step, { type: "awaitingSafetyChoice" }>;

/**
 * Answers a message that shows a crisis: the question waits, and the next contact in a new
 * session first asks how the user is (only once consent is given: nothing is kept before).
 */
export function safetyReply(state: UserState, now: Date): Transition {
  const cared: UserState =
    state.consent.status === "given" ? { ...state, care: { ...state.care, acuteAt: now.toISOString(), askHow: true } } : state;
  return pauseForSafety(cared, [say("safety.acute")], null, now);
}

/**
 * Shows the consultation lines after `opening` and waits for 続ける or 今日はここまで, with the
 * pending question set aside. `kept` is a message to take as that question's answer if the
 * user goes on (only when a question was pending).
 */
export function pauseForSafety(state: UserState, opening: Reply[], kept: string | null, now: Date): Transition {
  const { step, paused } = settled(state);
  const resume = isSideQuestionStep(step) ? step : undefined;
  const base: UserState = { ...state, paused: isQuestionStep(step) ? step : paused };
  const text = isQuestionStep(step) || resume !== undefined ? kept : null;
  const next = withStep(
    base,
    resume ? { type: "awaitingSafetyChoice", tier: "acute", text, resume } : { type: "awaitingSafetyChoice", tier: "acute", text },
  );
  return respond(next, [...opening, { type: "card", card: resourcesCard("acute") }, ...promptFor(next, now)]);
}

/**
 * Where the user is underneath the safety and care steps: the question a safety choice or a
 * care check set aside, rest after 今日はここまで, or the step itself. A question also waits in
 * the returned `paused`.
 */
export function settled(state: UserState): { step: Step; paused: UserState["paused"] } {
  const step = state.step;
  switch (step.type) {
    case "awaitingSafetyChoice":
      return step.resume ? { step: step.resume, paused: state.paused } : underneath(state);
    case "awaitingCareCheck":
      return step.resume && !isQuestionStep(step.resume) ? { step: step.resume, paused: state.paused } : underneath(state);
    case "awaitingCareOffer":
      return { step: { type: "resting" }, paused: state.paused };
    default:
      return { step, paused: state.paused };
  }
}

/** The paused question brought back, or rest when none waits. */
function underneath(state: UserState): { step: Step; paused: UserState["paused"] } {
  return state.paused ? { step: state.paused, paused: state.paused } : { step: { type: "resting" }, paused: null };
}

/** The buttons after a safety reply: go on, ask for the consultant, or stop for today. */
export function answerSafety(state: UserState, step: SafetyStep, value: string, now: Date, answer: AnswerKept): Transition | null {
  if (value === "continue") {
    // Back to the question that waited: a check-in's, or the first session's paused one.
    const back = step.resume ? withStep(state, step.resume) : state.paused ? withStep({ ...state, paused: null }, state.paused) : null;
    if (back === null) return endSideFlow(state, now, [say("safety.continued")]);
    const answered = step.text !== null ? answer(back, step.text) : respond(back, promptFor(back, now));
    return respond(answered.state, [say("safety.continued"), ...answered.replies], answered.effects);
  }
  if (value === "escalate" && step.escalate === "offered") {
    // A request the consultant can take over with one tap, as after 相談したい, marked urgent.
    const requested = requestHandover(state, now, true);
    const agreed: UserState = {
      ...withStep(requested, { ...step, escalate: "agreed" }),
      tally: { ...requested.tally, escalations: requested.tally.escalations + 1 },
    };
    return respond(agreed, promptFor(agreed, now), [{ type: "escalate" }]);
  }
  if (value === "stop") {
    if (state.consent.status !== "given") return endSideFlow({ ...state, paused: null }, now, [say("safety.stopped")]);
    // After a crisis reply the bot may offer to check on the user tomorrow, once.
    if (step.tier === "acute" && state.care.messageAt === null)
      return goTo(state, { type: "awaitingCareOffer" }, now, [say("safety.stopped")]);
    return respond(withStep(state, { type: "resting" }), [say("safety.stopped", {}, [commandChoice("start"), commandChoice("help")])]);
  }
  return null;
}

/**
 * With the operator's ESCALATE_CRISIS on, the acute safety reply also offers that the user's
 * consultant contact them; nothing is sent unless the user taps it. Other turns pass unchanged,
 * and so does a user whose request already waits for a consultant.
 */
export function offerEscalation(result: Transition, now: Date): Transition {
  const step = result.state.step;
  if (step.type !== "awaitingSafetyChoice" || step.tier !== "acute" || step.escalate !== undefined) return result;
  if (result.effects.length > 0 || result.replies.length === 0 || result.state.handover !== null) return result;
  const offered = withStep(result.state, { ...step, escalate: "offered" });
  return respond(offered, [...result.replies.slice(0, -1), ...promptFor(offered, now)]);
}

/** Takes a kept message as the answer to a question (the core's typed-answer path). */
export type AnswerKept = (state: UserState, text: string) => Transition;

/** The consultation lines as a card: each service with its hours, and a button to call or open it. */
export function resourcesCard(tier: SafetyTier): Card {
  const resources = tier === "acute" ? acuteResources : distressResources;
  return {
    altText: messages["safety.card.altText"],
    title: messages[tier === "acute" ? "safety.card.title" : "safety.card.titleWork"],
    sections: [
      ...resources.map((resource) => ({ heading: resource.name, lines: [resource.detail] })),
      { heading: "", lines: [fill(messages["safety.card.checked"], { date: formatFullDate(resourcesCheckedOn) })] },
    ],
    links: resources.flatMap((resource) => linksOf(resource, resources)),
  };
}

/** The one short line pointing to work-related help: the first work-related service, by name, with its page or number. */
export function workHelpLine(): Reply {
  const resource = distressResources[0];
  if (resource === undefined) return say("safety.card.titleWork");
  return say("care.helpLine", { name: shortName(resource.name), contact: resource.url ?? resource.tel ?? "" });
}

function linksOf(resource: HelpResource, all: readonly HelpResource[]): CardLink[] {
  const name = buttonName(resource, all);
  const links: CardLink[] = [];
  if (resource.tel) links.push({ label: fill(labels["safety.call"], { name }), uri: `tel:${resource.tel}` });
  if (resource.url) links.push({ label: fill(labels["safety.open"], { name }), uri: resource.url });
  return links;
}

/**
 * A service's name for its buttons: without the explanation in brackets, unless another
 * service shares that short name (the free and the navi-dial いのちの電話), when the brackets
 * tell the two apart.
 */
function buttonName(resource: HelpResource, all: readonly HelpResource[]): string {
  const short = shortName(resource.name);
  const shared = all.some((other) => other !== resource && shortName(other.name) === short);
  return shared ? resource.name : short;
}

/** A service's name without the explanation in brackets. */
function shortName(name: string): string {
  const bracket = name.search(/[（(]/);
  return bracket > 0 ? name.slice(0, bracket) : name;
}
