/** One check, used by every integration test file: all that was sent respects LINE's limits. */
import { checkMessages } from "../../src/line/limits";
import type { LineStandIn } from "../../scripts/lib/line-stand-in";

/** Asserts that the stand-in saw no limit violation and that each sent batch passes the limits check. */
export function expectWithinLineLimits(line: LineStandIn): void {
  expect(line.violations()).toEqual([]);
  for (const batch of line.sent()) expect(checkMessages(batch.messages)).toEqual([]);
}
