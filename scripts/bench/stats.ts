// Small statistics for the benchmark: medians and percentiles of noisy samples.
export function percentile(xs: readonly number[], p: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  // Nearest rank: the smallest value with at least p % of the samples at or below it.
  const i = Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1));
  return s[i] as number;
}

export function median(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

export const ms = (n: number): string => (Number.isFinite(n) ? `${n.toFixed(0)} ms` : '—');
export const ratio = (a: number, b: number): string => (Number.isFinite(a / b) && b > 0 ? (a / b).toFixed(2) : '—');
