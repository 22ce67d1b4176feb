/** The q-quantile (0..1) of `values` by the nearest-rank method; NaN for no values. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((x, y) => x - y);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length)));
  return sorted[rank - 1];
}

export const median = (values: readonly number[]): number => quantile(values, 0.5);

/** Rounds for printing: figures are medians of noisy runs, more digits would be noise. */
export const round = (value: number, digits = 3): number => Number(value.toFixed(digits));
