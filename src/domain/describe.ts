import { tQuantile } from './tDistribution.js';

/** A 95% confidence interval. */
export interface Ci95 {
  low: number;
  high: number;
}

/** The assessment-level description of one group's scores (statistics.md §3); nulls where there is no data. */
export interface Summary {
  n: number;
  mean: number | null;
  /** Sample standard deviation (n − 1); null when n < 2. */
  sd: number | null;
  /** Null when n < 2. */
  ci95: Ci95 | null;
}

/**
 * Finite-population correction √((N − n)/(N − 1)). Sampling most of a small organization leaves little
 * uncertainty; N unknown (null) or N ≤ 1 means no correction. Clamped at 0 for when more people responded than
 * the headcount says exist.
 */
export function populationCorrection(n: number, population: number | null): number {
  if (population === null || population <= 1) return 1;
  return Math.sqrt(Math.max(0, (population - n) / (population - 1)));
}

/** mean ± t(0.975, n − 1) · sd/√n · FPC, or null when n < 2. */
export function confidenceInterval(mean: number, sd: number, n: number, population: number | null): Ci95 | null {
  if (n < 2) return null;
  const half = tQuantile(0.975, n - 1) * (sd / Math.sqrt(n)) * populationCorrection(n, population);
  return { low: mean - half, high: mean + half };
}

/** Summary from the count, mean and sum of squared deviations from the mean. */
export function summaryFromMoments(n: number, mean: number, squaredDeviations: number, population: number | null): Summary {
  if (n === 0) return { n: 0, mean: null, sd: null, ci95: null };
  if (n === 1) return { n: 1, mean, sd: null, ci95: null };
  const sd = Math.sqrt(Math.max(0, squaredDeviations) / (n - 1));
  return { n, mean, sd, ci95: confidenceInterval(mean, sd, n, population) };
}

/** Summary of a plain list of values (for small inputs and tests; the results pass uses `Moments`). */
export function describeValues(values: readonly number[], population: number | null = null): Summary {
  const m = createMoments(1);
  for (const v of values) addMoment(m, 0, v);
  return summarizeSlot(m, 0, population);
}

/**
 * Running count / sum / sum of squares for many groups ("slots") at once, in typed arrays so a pass over
 * 100k responses allocates nothing per response. Values are shifted by each slot's first value before
 * summing: that keeps Σd² − (Σd)²/n free of cancellation and makes the variance exactly 0 when all values are
 * equal (the naive sum-of-squares formula can leave 1e-12 there, and α tests var_T = 0).
 */
export interface Moments {
  n: Float64Array;
  shift: Float64Array;
  sum: Float64Array;
  sumSq: Float64Array;
}

export function createMoments(slots: number): Moments {
  return {
    n: new Float64Array(slots),
    shift: new Float64Array(slots),
    sum: new Float64Array(slots),
    sumSq: new Float64Array(slots),
  };
}

export function addMoment(m: Moments, slot: number, x: number): void {
  if (m.n[slot] === 0) m.shift[slot] = x;
  const d = x - m.shift[slot];
  m.n[slot]++;
  m.sum[slot] += d;
  m.sumSq[slot] += d * d;
}

/** Sample variance (n − 1) of a slot, or null when n < 2. */
export function slotVariance(m: Moments, slot: number): number | null {
  const n = m.n[slot];
  if (n < 2) return null;
  return Math.max(0, m.sumSq[slot] - (m.sum[slot] * m.sum[slot]) / n) / (n - 1);
}

export function summarizeSlot(m: Moments, slot: number, population: number | null): Summary {
  const n = m.n[slot];
  if (n === 0) return summaryFromMoments(0, 0, 0, population);
  const mean = m.shift[slot] + m.sum[slot] / n;
  return summaryFromMoments(n, mean, m.sumSq[slot] - (m.sum[slot] * m.sum[slot]) / n, population);
}
