/**
 * How tests find a quick reply by its label: exactly, or without the mark a value button
 * carries (★ suggested, ✓ ticked), so that 「教える・伝える」 taps 「★ 教える・伝える」.
 */

/** The first of `offered` whose label is `label`, exactly or apart from a leading ★ or ✓. */
export function findByLabel<T extends { label: string }>(offered: readonly T[], label: string): T | undefined {
  return (
    offered.find((candidate) => candidate.label === label) ?? offered.find((candidate) => candidate.label.replace(/^[★✓] /u, "") === label)
  );
}
