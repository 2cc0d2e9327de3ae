import { describe, expect, it } from 'vitest';
import { compareGroups, compatibility } from '../../src/domain/change.js';

describe('change between assessments (§9)', () => {
  /*
   * A: n 10, mean 50, sd 10; B: n 20, mean 60, sd 15.
   * Δ = 10; sd²/n: A 100/10 = 10, B 225/20 = 11.25; SE = √21.25 = 4.6097722; t = 10/4.6097722 = 2.1693046
   * df = 21.25² / (10²/9 + 11.25²/19) = 451.5625 / (11.1111111 + 6.6611842) = 25.408226
   * p (two-sided, t with 25.41 df) = 0.03961 (scipy.stats.ttest_ind_from_stats(…, equal_var=False) agrees)
   * t(0.975, 25.408) = 2.057862 → CI 10 ± 9.486275 = [0.513725, 19.486275]
   * s_p = √((9·100 + 19·225)/28) = √184.82143 = 13.594905; d = 10/13.594905 = 0.735570
   */
  const a = { n: 10, mean: 50, sd: 10 };
  const b = { n: 20, mean: 60, sd: 15 };

  it('runs Welch’s t test', () => {
    const c = compareGroups(a, b);
    expect(c.tested).toBe(true);
    expect(c.delta).toBe(10);
    expect(c.se).toBeCloseTo(4.6097722, 6);
    expect(c.t).toBeCloseTo(2.1693046, 6);
    expect(c.df).toBeCloseTo(25.408226, 5);
    expect(c.p).toBeCloseTo(0.0396108, 5);
    expect(c.significant).toBe(true);
  });

  it('gives the 95% CI of Δ and Cohen’s d', () => {
    const c = compareGroups(a, b);
    expect(c.ci95?.low).toBeCloseTo(0.513725, 4);
    expect(c.ci95?.high).toBeCloseTo(19.486275, 4);
    expect(c.cohensD).toBeCloseTo(0.73557, 5);
  });

  it('is symmetric in sign and not significant for a small change', () => {
    const c = compareGroups(b, a);
    expect(c.delta).toBe(-10);
    expect(c.t).toBeCloseTo(-2.1693046, 6);
    expect(c.p).toBeCloseTo(0.0396108, 5);
    expect(compareGroups(a, { ...a, mean: 51 }).significant).toBe(false);
  });

  it('reports the change without a test when a side has n < 2', () => {
    const c = compareGroups({ n: 1, mean: 40, sd: null }, b);
    expect(c).toMatchObject({ delta: 20, tested: false, t: null, p: null, df: null, ci95: null, cohensD: null, significant: null });
  });

  it('reports no test when both sides have zero variance (SE = 0)', () => {
    expect(compareGroups({ n: 3, mean: 40, sd: 0 }, { n: 3, mean: 50, sd: 0 })).toMatchObject({ delta: 10, tested: false });
  });

  it('has no change when a side has no score', () => {
    expect(compareGroups({ n: 0, mean: null, sd: null }, b).delta).toBeNull();
  });
});

describe('compatibility (§9)', () => {
  it('is |shared| / |union| of item ids', () => {
    // shared b, c, d; union a..e → 3/5
    const c = compatibility(['a', 'b', 'c', 'd'], ['b', 'c', 'd', 'e']);
    expect(c.shared).toEqual(['b', 'c', 'd']);
    expect(c.compatibility).toBe(0.6);
    expect(compatibility(['a', 'b'], ['b', 'a']).compatibility).toBe(1);
    expect(compatibility(['a'], ['b']).compatibility).toBe(0);
    expect(compatibility([], []).compatibility).toBe(0);
  });
});
