/**
 * The one retry-and-deadline helper. Every call that must not wait forever goes through
 * {@link withDeadline}; every call worth trying again goes through {@link retry}. Neither
 * can abort the work it waits for (the SDKs offer no abort): a deadline only stops the
 * wait, and the work's late outcome is dropped without an unhandled rejection.
 */

/** A wait that outlived its deadline; `label` names what was waited for. */
export class DeadlineError extends Error {
  override readonly name: string = "DeadlineError";
  constructor(
    /** What was waited for, e.g. `Firestore runTurn`. */
    readonly label: string,
    /** The deadline that passed, in milliseconds. */
    readonly deadlineMs: number,
  ) {
    super(`${label} did not finish within ${deadlineMs} ms`);
  }
}

/**
 * Resolves or rejects like `work`, or rejects with `onTimeout()` (a {@link DeadlineError}
 * unless given) once `ms` have passed. The timer never outlives the race.
 */
export function withDeadline<T>(
  work: Promise<T>,
  ms: number,
  label: string,
  onTimeout: () => Error = () => new DeadlineError(label, ms),
): Promise<T> {
  // The work may settle after the deadline; its outcome is then nobody's, and not unhandled.
  work.catch(() => {});
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(onTimeout()), Math.max(0, ms));
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** How {@link retry} tries. */
export interface RetryOptions {
  /** Waits before the second, third, … attempt; its length + 1 is the most attempts made. */
  delaysMs: readonly number[];
  /** The longest one attempt is waited for (see {@link withDeadline}); unbounded when absent. */
  perAttemptMs?: number;
  /**
   * The longest all attempts and waits together may take. An attempt gets at most what is
   * left; no attempt starts with less than `minAttemptMs` left. Unbounded when absent.
   */
  budgetMs?: number;
  /** No retry starts with less than this left of `budgetMs` (0 unless given). */
  minAttemptMs?: number;
  /** Whether an attempt's error is worth another attempt; a false answer rethrows at once. */
  retryable: (error: unknown) => boolean;
  /** Builds the error a timed-out attempt rejects with; a {@link DeadlineError} unless given. */
  onTimeout?: (ms: number) => Error;
  /** Waits between attempts; tests pass one that does not sleep. */
  sleep?: (ms: number) => Promise<void>;
  /** The clock the budget is measured with; `Date.now` unless given. */
  now?: () => number;
  /** Named in the {@link DeadlineError} of a timed-out attempt. */
  label?: string;
}

/** Waits `ms` milliseconds. */
export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `attempt` until it resolves, an error is not `retryable`, the delays run out or the
 * budget would be overdrawn; then rejects with the last error. `attempt` receives the
 * number of the attempt (0 for the first) and the milliseconds it may take.
 */
export async function retry<T>(attempt: (index: number, waitMs: number) => Promise<T>, options: RetryOptions): Promise<T> {
  const now = options.now ?? Date.now;
  const wait = options.sleep ?? sleep;
  const label = options.label ?? "attempt";
  const end = options.budgetMs === undefined ? Infinity : now() + options.budgetMs;
  for (let index = 0; ; index++) {
    const waitMs = Math.min(options.perAttemptMs ?? Infinity, end - now());
    try {
      const work = attempt(index, waitMs);
      if (!Number.isFinite(waitMs)) return await work;
      const timeout = options.onTimeout ? () => options.onTimeout!(waitMs) : undefined;
      return await withDeadline(work, waitMs, label, timeout);
    } catch (error) {
      const delay = options.delaysMs[index];
      if (delay === undefined || !options.retryable(error)) throw error;
      if (end - now() - delay < (options.minAttemptMs ?? 0)) throw error;
      await wait(delay);
    }
  }
}
