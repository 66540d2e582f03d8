/** Latency samples, in microseconds, summarized the way the bench reports them. */
export interface Summary {
  n: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  mean: number;
  /** Sequential throughput: samples per second of measured time (1e6 / mean). */
  perSec: number;
}

/**
 * The nearest-rank percentile of ascending `sorted` values: the smallest value with at least p% of the
 * samples at or below it. p in (0, 100]; NaN for no samples.
 * @example percentile([1, 2, 3, 4], 50) === 2; percentile([1, 2, 3, 4], 99) === 4
 */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function summarize(samplesUs: readonly number[]): Summary {
  const sorted = [...samplesUs].sort((a, b) => a - b);
  const total = sorted.reduce((sum, x) => sum + x, 0);
  const mean = sorted.length > 0 ? total / sorted.length : Number.NaN;
  return {
    n: sorted.length,
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p99: percentile(sorted, 99),
    max: sorted.length > 0 ? sorted[sorted.length - 1]! : Number.NaN,
    mean,
    perSec: total > 0 ? (sorted.length * 1e6) / total : Number.NaN,
  };
}

/** Nanoseconds from process.hrtime.bigint() differences to microseconds. */
export const toUs = (ns: bigint): number => Number(ns) / 1000;

/**
 * How many times to repeat a side measurement of `sideMs` per cycle, next to `mainMs` of main work per
 * cycle, so that within `budgetMs` it collects about `samples` samples: n cycles fit where
 * n × (mainMs + reps × sideMs) = budgetMs, and we want n × reps ≥ samples (when the main work alone
 * fits `samples` cycles, once is enough). When the side alone cannot fit `samples`, both get equal time.
 * Clamped to 1…100.
 * @example repetitions(50, 5, 28_000, 2_000) === 6  // ~311 cycles, each timing the side 6×
 */
export function repetitions(mainMs: number, sideMs: number, budgetMs: number, samples: number): number {
  const spare = budgetMs - samples * sideMs;
  const reps =
    spare > 0 ? Math.ceil((samples * mainMs) / spare) : Math.floor(mainMs / Math.max(sideMs, 1e-6));
  return Math.min(100, Math.max(1, reps));
}
