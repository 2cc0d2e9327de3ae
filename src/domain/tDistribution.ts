import jStat from 'jstat';

/**
 * jstat's Student's t loses accuracy above roughly 10⁷ degrees of freedom (t(0.975, 10⁸) comes out 1.9570)
 * and returns NaN for infinity; beyond this the normal distribution agrees with t to better than 10⁻⁶.
 */
const NORMAL_ABOVE_DF = 1e6;

/** Quantile of Student's t: the value t with P(T ≤ t) = p for `df` degrees of freedom (df may be fractional). */
export function tQuantile(p: number, df: number): number {
  return df > NORMAL_ABOVE_DF ? jStat.normal.inv(p, 0, 1) : jStat.studentt.inv(p, df);
}

/** P(T ≤ x) for Student's t with `df` degrees of freedom. */
export function tCdf(x: number, df: number): number {
  return df > NORMAL_ABOVE_DF ? jStat.normal.cdf(x, 0, 1) : jStat.studentt.cdf(x, df);
}

/** Two-sided p-value of a t statistic; taken from the lower tail so small p-values keep their precision. */
export function twoSidedP(t: number, df: number): number {
  return Math.min(1, 2 * tCdf(-Math.abs(t), df));
}
