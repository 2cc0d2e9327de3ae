/**
 * Within-group agreement rwg(j) (James, Demaree & Wolf 1984; statistics.md §6), computed on raw answers.
 */

/** Variance of answers spread uniformly over A scale points: (A² − 1)/12, i.e. 2 on a 5-point scale. */
export function uniformVariance(scalePoints: number): number {
  return (scalePoints * scalePoints - 1) / 12;
}

/** Sample variance (n − 1) of raw answers given how many chose each value; null when n < 2. */
export function varianceFromCounts(counts: ArrayLike<number>, min: number): number | null {
  let n = 0;
  let sum = 0;
  let sumSq = 0;
  for (let v = 0; v < counts.length; v++) {
    const x = min + v;
    n += counts[v];
    sum += counts[v] * x;
    sumSq += counts[v] * x * x;
  }
  // Integer sums: n·Σx² − (Σx)² is exact, so perfect agreement gives exactly 0.
  return n < 2 ? null : (n * sumSq - sum * sum) / (n * (n - 1));
}

/** One item's contribution: its answers' sample variance and the number of points on its scale. */
export interface ItemAgreement {
  variance: number | null;
  scalePoints: number;
}

/**
 * rwg(j) over the items that have a variance (≥ 2 answers); null when there are none (J = 0). With r = s̄²/σ²_EU:
 * 0 when r ≥ 1 (answers at least as spread as random), else J(1 − r) / (J(1 − r) + r).
 * The questionnaire normally uses one scale; if a dimension mixes scales, σ²_EU is the mean of the items'.
 */
export function rwgJ(items: readonly ItemAgreement[]): number | null {
  let j = 0;
  let observed = 0;
  let expected = 0;
  for (const item of items) {
    if (item.variance === null) continue;
    j++;
    observed += item.variance;
    expected += uniformVariance(item.scalePoints);
  }
  if (j === 0) return null;
  const r = observed / expected;
  return r >= 1 ? 0 : (j * (1 - r)) / (j * (1 - r) + r);
}
