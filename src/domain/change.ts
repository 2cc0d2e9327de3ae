import type { Ci95 } from './describe.js';
import { tQuantile, twoSidedP } from './tDistribution.js';

/** One assessment's figures for a group, as §3 reports them. */
export interface GroupStats {
  n: number;
  mean: number | null;
  sd: number | null;
}

/** Change from an earlier assessment A to a later B (statistics.md §9). Test fields are null without a test. */
export interface Change {
  /** mean_B − mean_A; null when either side has no score. */
  delta: number | null;
  /** Whether a Welch test was possible (n ≥ 2 on both sides and some variation). */
  tested: boolean;
  se: number | null;
  t: number | null;
  df: number | null;
  p: number | null;
  ci95: Ci95 | null;
  cohensD: number | null;
  significant: boolean | null;
}

const untested = (delta: number | null): Change => ({
  delta, tested: false, se: null, t: null, df: null, p: null, ci95: null, cohensD: null, significant: null,
});

/**
 * Welch's unequal-variance t test of the change, its 95% CI, and Cohen's d with the pooled sd. When both
 * groups have zero variance SE = 0 and t is undefined, so the change is reported untested like n < 2.
 */
export function compareGroups(a: GroupStats, b: GroupStats): Change {
  if (a.mean === null || b.mean === null) return untested(null);
  const delta = b.mean - a.mean;
  if (a.n < 2 || b.n < 2 || a.sd === null || b.sd === null) return untested(delta);
  const va = (a.sd * a.sd) / a.n;
  const vb = (b.sd * b.sd) / b.n;
  const se = Math.sqrt(va + vb);
  if (!(se > 0)) return untested(delta);
  const t = delta / se;
  const df = (se * se * se * se) / ((va * va) / (a.n - 1) + (vb * vb) / (b.n - 1));
  const p = twoSidedP(t, df);
  const half = tQuantile(0.975, df) * se;
  const pooled = Math.sqrt(((a.n - 1) * a.sd * a.sd + (b.n - 1) * b.sd * b.sd) / (a.n + b.n - 2));
  return {
    delta, tested: true, se, t, df, p,
    ci95: { low: delta - half, high: delta + half },
    cohensD: pooled > 0 ? delta / pooled : null,
    significant: p < 0.05,
  };
}

/**
 * Two questionnaire versions are compared on their shared items only; compatibility = |shared| / |union| of item
 * ids (the API refuses below 0.5). Two empty lists share nothing worth comparing: 0.
 */
export function compatibility(itemIdsA: readonly string[], itemIdsB: readonly string[]): { shared: string[]; compatibility: number } {
  const inB = new Set(itemIdsB);
  const union = new Set([...itemIdsA, ...itemIdsB]);
  const shared = [...new Set(itemIdsA)].filter((id) => inB.has(id));
  return { shared, compatibility: union.size === 0 ? 0 : shared.length / union.size };
}
