import { describe, expect, it } from 'vitest';
import { describeValues, populationCorrection } from '../../src/domain/describe.js';
import { tQuantile } from '../../src/domain/tDistribution.js';

describe("Student's t quantiles", () => {
  it('matches table values of t(0.975, df)', () => {
    expect(tQuantile(0.975, 1)).toBeCloseTo(12.706, 3);
    expect(tQuantile(0.975, 10)).toBeCloseTo(2.228, 3);
    expect(tQuantile(0.975, 30)).toBeCloseTo(2.042, 3);
  });

  it('approaches the normal 1.95996 for very large df (where jstat alone drifts)', () => {
    expect(tQuantile(0.975, 1e5)).toBeCloseTo(1.95999, 4);
    expect(tQuantile(0.975, 1e9)).toBeCloseTo(1.95996, 5);
  });
});

describe('assessment score for a group (§3)', () => {
  // 50, 60, 70: mean 60; sd = √((100 + 0 + 100)/2) = 10; t(0.975, 2) = 4.302653;
  // half-width without FPC = 4.302653 · 10/√3 = 24.84138.
  it('gives n, mean, sample sd and the t-based 95% CI when N is unknown', () => {
    const s = describeValues([50, 60, 70], null);
    expect(s.n).toBe(3);
    expect(s.mean).toBeCloseTo(60, 10);
    expect(s.sd).toBeCloseTo(10, 10);
    expect(s.ci95?.low).toBeCloseTo(60 - 24.84138, 4);
    expect(s.ci95?.high).toBeCloseTo(60 + 24.84138, 4);
  });

  it('narrows the CI by the finite-population correction when N is known', () => {
    // N = 6: FPC = √((6 − 3)/(6 − 1)) = √0.6 = 0.7745967; half = 24.84138 · 0.7745967 = 19.24205
    const s = describeValues([50, 60, 70], 6);
    expect(s.ci95?.low).toBeCloseTo(60 - 19.24205, 4);
    expect(s.ci95?.high).toBeCloseTo(60 + 19.24205, 4);
  });

  it('gives a zero-width CI when everyone responded (N = n)', () => {
    const s = describeValues([50, 60, 70], 3);
    expect(s.ci95?.low).toBeCloseTo(60, 10);
    expect(s.ci95?.high).toBeCloseTo(60, 10);
  });

  it('computes the FPC, clamped at 0 and 1 when N is unknown or ≤ 1', () => {
    expect(populationCorrection(3, 6)).toBeCloseTo(Math.sqrt(0.6), 12);
    expect(populationCorrection(3, null)).toBe(1);
    expect(populationCorrection(1, 1)).toBe(1);
    expect(populationCorrection(5, 3)).toBe(0); // more responses than headcount
  });

  it('has no sd or CI for one value and nothing for none', () => {
    expect(describeValues([42])).toEqual({ n: 1, mean: 42, sd: null, ci95: null });
    expect(describeValues([])).toEqual({ n: 0, mean: null, sd: null, ci95: null });
  });

  it('gives exactly zero sd for equal values', () => {
    const s = describeValues([100 / 3, 100 / 3, 100 / 3, 100 / 3]);
    expect(s.sd).toBe(0);
    expect(s.ci95).toEqual({ low: 100 / 3, high: 100 / 3 });
  });

  it('stays accurate for values far from zero (shifted sums, no cancellation)', () => {
    // 1e9 + {1, 2, 3}: sd 1
    expect(describeValues([1e9 + 1, 1e9 + 2, 1e9 + 3]).sd).toBeCloseTo(1, 9);
  });
});
