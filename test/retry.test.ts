/** The one retry-and-deadline helper: deadlines stop the wait, retries stop at the first final error or the budget. */
import { DeadlineError, retry, withDeadline } from "../src/retry";

const never = () => new Promise<never>(() => {});
const failing = (error: Error) => () => Promise.reject(error);
const transient = Object.assign(new Error("try again"), { transient: true });
const final = new Error("give up");
const retryable = (error: unknown) => (error as { transient?: boolean }).transient === true;

describe("withDeadline", () => {
  it("resolves with the work when it finishes in time", async () => {
    await expect(withDeadline(Promise.resolve(7), 50, "work")).resolves.toBe(7);
  });

  it("rejects with a DeadlineError naming the work once the deadline passes", async () => {
    const error = await withDeadline(never(), 10, "Firestore runTurn").catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DeadlineError);
    expect(error).toMatchObject({ label: "Firestore runTurn", deadlineMs: 10, message: "Firestore runTurn did not finish within 10 ms" });
  });

  it("rejects with the caller's own error when given one", async () => {
    await expect(withDeadline(never(), 5, "work", () => new RangeError("late"))).rejects.toThrow(RangeError);
  });

  it("leaves no unhandled rejection when the work fails after its deadline", async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => void unhandled.push(reason);
    process.on("unhandledRejection", onUnhandled);
    const late = new Promise<never>((_, reject) => setTimeout(() => reject(new Error("late failure")), 20));
    await expect(withDeadline(late, 5, "work")).rejects.toThrow(DeadlineError);
    await new Promise((resolve) => setTimeout(resolve, 40));
    process.off("unhandledRejection", onUnhandled);
    expect(unhandled).toEqual([]);
  });
});

describe("retry", () => {
  const noSleep = () => Promise.resolve();

  it("returns the first success and waits the given delays before each retry", async () => {
    const waited: number[] = [];
    let calls = 0;
    const result = await retry(
      () => {
        calls++;
        return calls < 3 ? Promise.reject(transient) : Promise.resolve("ok");
      },
      {
        delaysMs: [200, 1000, 3000],
        retryable,
        sleep: (ms) => {
          waited.push(ms);
          return Promise.resolve();
        },
      },
    );
    expect(result).toBe("ok");
    expect(calls).toBe(3);
    expect(waited).toEqual([200, 1000]);
  });

  it("rethrows a final error at once", async () => {
    let calls = 0;
    const attempt = () => {
      calls++;
      return failing(final)();
    };
    await expect(retry(attempt, { delaysMs: [1, 1], retryable, sleep: noSleep })).rejects.toBe(final);
    expect(calls).toBe(1);
  });

  it("gives up with the last error after one attempt more than there are delays", async () => {
    let calls = 0;
    const attempt = () => {
      calls++;
      return failing(transient)();
    };
    await expect(retry(attempt, { delaysMs: [1, 1], retryable, sleep: noSleep })).rejects.toBe(transient);
    expect(calls).toBe(3);
  });

  it("bounds each attempt, and a timed-out attempt counts as retryable when the caller says so", async () => {
    let calls = 0;
    const attempt = () => {
      calls++;
      return calls === 1 ? never() : Promise.resolve("second");
    };
    const result = await retry(attempt, { delaysMs: [0], perAttemptMs: 10, retryable: (error) => error instanceof DeadlineError });
    expect(result).toBe("second");
    expect(calls).toBe(2);
  });

  it("starts no attempt that the budget cannot fit, and gives each at most what is left", async () => {
    let clock = 0;
    const given: number[] = [];
    const attempt = (_index: number, waitMs: number) => {
      given.push(waitMs);
      clock += 300;
      return failing(transient)();
    };
    const options = {
      delaysMs: [100, 100, 100],
      perAttemptMs: 700,
      budgetMs: 1000,
      minAttemptMs: 250,
      retryable,
      now: () => clock,
      sleep: (ms: number) => {
        clock += ms;
        return Promise.resolve();
      },
    };
    await expect(retry(attempt, options)).rejects.toBe(transient);
    // 0 → 300 (fail) → 400 (wait) → 700 (fail): 300 left, minus a 100 ms wait leaves less than 250.
    expect(given).toEqual([700, 600]);
  });
});
