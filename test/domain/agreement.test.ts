import { describe, expect, it } from 'vitest';
import { rwgJ, uniformVariance, varianceFromCounts } from '../../src/domain/agreement.js';

describe('rwg(j) (§6)', () => {
  it('uses σ²_EU = (A² − 1)/12', () => {
    expect(uniformVariance(5)).toBe(2);
    expect(uniformVariance(7)).toBe(4);
  });

  it('computes a normal case', () => {
    // item A answers 3, 4, 5: var 1; item B answers 2, 2, 3, 3: var 4·0.25/3 = 1/3.
    // s̄² = (1 + 1/3)/2 = 2/3; r = (2/3)/2 = 1/3; rwg = 2·(2/3) / (2·(2/3) + 1/3) = (4/3)/(5/3) = 0.8
    const a = varianceFromCounts([0, 0, 1, 1, 1], 1);
    const b = varianceFromCounts([0, 2, 2, 0, 0], 1);
    expect(a).toBe(1);
    expect(b).toBeCloseTo(1 / 3, 12);
    expect(rwgJ([{ variance: a, scalePoints: 5 }, { variance: b, scalePoints: 5 }])).toBeCloseTo(0.8, 12);
  });

  it('is 1 for perfect agreement', () => {
    expect(rwgJ([{ variance: varianceFromCounts([0, 0, 0, 7, 0], 1), scalePoints: 5 }])).toBe(1);
  });

  it('is 0 when r ≥ 1', () => {
    // answers 1 and 5: var 8, r = 4
    expect(rwgJ([{ variance: varianceFromCounts([1, 0, 0, 0, 1], 1), scalePoints: 5 }])).toBe(0);
    // answers 1 and 3: var 2, r = 1 exactly
    expect(rwgJ([{ variance: varianceFromCounts([1, 0, 1, 0, 0], 1), scalePoints: 5 }])).toBe(0);
  });

  it('skips items with fewer than 2 answers and is null when none is left (J = 0)', () => {
    const one = varianceFromCounts([0, 1, 0, 0, 0], 1);
    expect(one).toBeNull();
    expect(rwgJ([{ variance: one, scalePoints: 5 }])).toBeNull();
    expect(rwgJ([])).toBeNull();
    // J = 1 from the item with answers 3, 4, 5 (var 1): r = 0.5, rwg = 0.5/(0.5 + 0.5) = 0.5
    expect(rwgJ([{ variance: one, scalePoints: 5 }, { variance: 1, scalePoints: 5 }])).toBeCloseTo(0.5, 12);
  });
});
