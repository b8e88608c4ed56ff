/** Small statistics for the benchmarks: medians, percentiles and the spread over runs. */

/** A figure over repeated runs: the median run and the smallest and largest. */
export interface Spread {
  median: number;
  min: number;
  max: number;
  runs: number;
}

/** The `p`-th percentile (0–100) of `values`, nearest rank; NaN when empty. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1];
}

/** The median of `values` (the mean of the middle two for an even count); NaN when empty. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** The {@link Spread} of one figure measured in several runs, rounded to `digits`. */
export function spread(values: readonly number[], digits = 1): Spread {
  return {
    median: round(median(values), digits),
    min: round(Math.min(...values), digits),
    max: round(Math.max(...values), digits),
    runs: values.length,
  };
}

/** `value` rounded to `digits` decimals. */
export function round(value: number, digits = 1): number {
  return Number(value.toFixed(digits));
}

/** "12.3 (11.9–13.0)": a spread as the tables show it. */
export function showSpread(figure: Spread, digits = 1): string {
  return `${figure.median.toFixed(digits)} (${figure.min.toFixed(digits)}–${figure.max.toFixed(digits)})`;
}
