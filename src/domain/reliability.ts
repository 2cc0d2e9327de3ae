/**
 * Cronbach's α (statistics.md §5): α = k/(k − 1) · (1 − Σ var_i / var_T), variances with n − 1, T the sum of the
 * k item scores per respondent. Null when k < 2, n < 3 (too few complete respondents to mean anything) or
 * var_T = 0 (everyone gave the same total: α is undefined, not 1 or −∞).
 */
export function alphaFromVariances(k: number, n: number, itemVariances: readonly number[], totalVariance: number): number | null {
  if (k < 2 || n < 3 || !(totalVariance > 0)) return null;
  let sum = 0;
  for (const v of itemVariances) sum += v;
  return (k / (k - 1)) * (1 - sum / totalVariance);
}

/**
 * Streams complete (listwise) rows of one dimension. Besides each item and the total T it keeps the sums of
 * T − x_i, so α-if-item-deleted needs no second pass and no stored matrix. Values are shifted by the first
 * row's (as in describe.ts' Moments) so a constant total gives var_T exactly 0. α is unchanged when every item
 * is multiplied by the same constant, so callers may feed any unit proportional to the item scores (the results
 * pass uses integers, which keeps every sum exact).
 */
export interface AlphaAccumulator {
  k: number;
  n: number;
  shift: Float64Array;
  sum: Float64Array;
  sumSq: Float64Array;
  totalSum: number;
  totalSumSq: number;
  withoutSum: Float64Array;
  withoutSumSq: Float64Array;
  /** Scratch: the current row's shifted values. */
  deviation: Float64Array;
}

export function createAlphaAccumulator(k: number): AlphaAccumulator {
  const arrays = () => new Float64Array(k);
  return {
    k, n: 0, shift: arrays(), sum: arrays(), sumSq: arrays(), totalSum: 0, totalSumSq: 0,
    withoutSum: arrays(), withoutSumSq: arrays(), deviation: arrays(),
  };
}

/** Adds one respondent who answered all k items; `row` holds their k item values. */
export function addAlphaRow(acc: AlphaAccumulator, row: ArrayLike<number>): void {
  const { k, shift, sum, sumSq, withoutSum, withoutSumSq, deviation } = acc;
  if (acc.n === 0) for (let i = 0; i < k; i++) shift[i] = row[i];
  acc.n++;
  let t = 0;
  for (let i = 0; i < k; i++) {
    const d = row[i] - shift[i];
    deviation[i] = d;
    sum[i] += d;
    sumSq[i] += d * d;
    t += d;
  }
  acc.totalSum += t;
  acc.totalSumSq += t * t;
  for (let i = 0; i < k; i++) {
    const e = t - deviation[i];
    withoutSum[i] += e;
    withoutSumSq[i] += e * e;
  }
}

const variance = (n: number, sum: number, sumSq: number) => Math.max(0, sumSq - (sum * sum) / n) / (n - 1);

function itemVariances(acc: AlphaAccumulator): number[] {
  const vars: number[] = [];
  for (let i = 0; i < acc.k; i++) vars.push(variance(acc.n, acc.sum[i], acc.sumSq[i]));
  return vars;
}

/** α of all k items. */
export function accumulatedAlpha(acc: AlphaAccumulator): number | null {
  if (acc.k < 2 || acc.n < 3) return null;
  return alphaFromVariances(acc.k, acc.n, itemVariances(acc), variance(acc.n, acc.totalSum, acc.totalSumSq));
}

/** α of the other k − 1 items for each item; all null when k < 3 (α needs two items). */
export function accumulatedAlphaIfDeleted(acc: AlphaAccumulator): (number | null)[] {
  const { k, n } = acc;
  if (k < 3 || n < 3) return new Array<number | null>(k).fill(null);
  const vars = itemVariances(acc);
  return vars.map((_, i) =>
    alphaFromVariances(k - 1, n, vars.filter((_, j) => j !== i), variance(n, acc.withoutSum[i], acc.withoutSumSq[i])),
  );
}

/**
 * α and α-if-item-deleted of a small matrix of item scores (rows = respondents, columns = items, null =
 * missing). Rows with any missing value are dropped (listwise).
 */
export function cronbachAlpha(rows: readonly (readonly (number | null)[])[], k = rows[0]?.length ?? 0): {
  alpha: number | null;
  ifDeleted: (number | null)[];
} {
  const acc = createAlphaAccumulator(k);
  for (const row of rows) if (row.every((x) => x !== null)) addAlphaRow(acc, row as number[]);
  return { alpha: accumulatedAlpha(acc), ifDeleted: accumulatedAlphaIfDeleted(acc) };
}
