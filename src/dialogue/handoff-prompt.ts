/**
 * The questions of 相談したい (PRODUCT.md §3.7), with their buttons: what the user wants to
 * talk about, what to share, the confirmation that names every item that will be sent (the
 * LINE display name included), and, once sent or handed back, whether to go on with a waiting
 * question now or later.
 */
import { fill, messages } from "./content";
import { HANDOFF_ENTRIES } from "./effect";
import type { Reply } from "./reply";
import { answerLabel, echo, say } from "./say";
import type { Step } from "./step";

/** The hand-off steps whose question {@link handoffPrompt} asks. */
export type HandoffPromptStep = Extract<
  Step,
  { type: "awaitingHandoffTopic" | "awaitingHandoffScope" | "awaitingHandoffConfirm" | "awaitingContinueChoice" }
>;

/** The question of a hand-off step, with its buttons. */
export function handoffPrompt(step: HandoffPromptStep): Reply[] {
  switch (step.type) {
    case "awaitingHandoffTopic":
      return [say("handoff.topic.ask", {}, [answerLabel("skip", "hot", "skip"), answerLabel("handoffTopic.cancel", "hot", "cancel")])];
    case "awaitingHandoffScope":
      return [
        say("handoff.ask", {}, [
          answerLabel("handoff.summary", "ho", "summary"),
          answerLabel("handoff.withEntries", "ho", "withEntries"),
          answerLabel("handoff.cancel", "ho", "cancel"),
        ]),
      ];
    case "awaitingHandoffConfirm":
      return [
        say("handoff.confirm", { items: sentItems(step).join("\n") }, [
          answerLabel("handoffConfirm.send", "hoc", "send"),
          answerLabel("handoffConfirm.cancel", "hoc", "cancel"),
        ]),
      ];
    case "awaitingContinueChoice":
      return step.reason === "handoff"
        ? [say("handoff.next.ask", {}, [answerLabel("continue.wait", "cont", "wait"), answerLabel("continue.goOn", "cont", "continue")])]
        : [say("handback.ask", {}, [answerLabel("continue.goOn", "cont", "continue"), answerLabel("continue.later", "cont", "wait")])];
  }
}

/** Every item a confirmed hand-off sends, in the order the consultant reads them. */
function sentItems(step: Extract<Step, { type: "awaitingHandoffConfirm" }>): string[] {
  return [
    messages["handoff.item.sender"],
    ...(step.topic === undefined ? [] : [fill(messages["handoff.item.topic"], { topic: echo(step.topic) })]),
    messages["handoff.item.summary"],
    ...(step.scope === "withEntries" ? [fill(messages["handoff.item.entries"], { count: String(HANDOFF_ENTRIES) })] : []),
  ];
}
