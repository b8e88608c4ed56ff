/**
 * Runs the setup's steps in order. A step does its work and then checks it; only a step whose
 * check passed is recorded as done, and the run stops at the first that did not, saying what to
 * fix. Running the setup again skips what is done and starts at the step that stopped. Steps
 * marked `every` (the local practice stack, which ends with the process) run every time.
 */
import { copy, fillCopy } from "./copy";
import type { SetupIo } from "./io";
import type { SetupState } from "./state";

/** What a step found when it checked its work. */
export type StepResult = { ok: true; lines?: string[] } | { ok: false; problem: string };

/** One step of the setup. */
export interface SetupStep<C> {
  id: string;
  title: string;
  /** Runs again on every run, even when done before. */
  every?: boolean;
  run(context: C): Promise<StepResult>;
}

/** What a run needs besides the steps. */
export interface RunnerDeps {
  io: SetupIo;
  state: SetupState;
  save(state: SetupState): void;
  now?: () => Date;
}

/** Runs `steps`; resolves the id of the step that stopped the run, or null when all are done. */
export async function runSteps<C>(steps: readonly SetupStep<C>[], context: C, deps: RunnerDeps): Promise<string | null> {
  const now = deps.now ?? (() => new Date());
  for (const [index, step] of steps.entries()) {
    if (deps.state.done[step.id] !== undefined && !step.every) {
      deps.io.say(fillCopy(copy.doneBefore, { title: step.title }));
      continue;
    }
    deps.io.say(fillCopy(copy.stepOf, { n: index + 1, total: steps.length, title: step.title }));
    const result = await step.run(context);
    if (!result.ok) {
      deps.io.say(fillCopy(copy.failed, { title: step.title }));
      deps.io.say(`  ${result.problem}`);
      deps.io.say(copy.resumeHint);
      deps.save(deps.state);
      return step.id;
    }
    deps.state.done[step.id] = now().toISOString();
    deps.save(deps.state);
    deps.io.say(fillCopy(copy.done, { title: step.title }));
    for (const line of result.lines ?? []) deps.io.say(`  ${line}`);
  }
  return null;
}
