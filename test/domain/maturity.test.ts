import { describe, expect, it } from 'vitest';
import { maturityLevel, overallLevel } from '../../src/domain/maturity.js';

describe('maturity level (§4)', () => {
  it.each([
    [0, 1], [19.999, 1], [20, 2], [39.999, 2], [40, 3], [59.999, 3], [60, 4], [79.999, 4], [80, 5], [100, 5],
  ])('score %d is level %d', (score, level) => {
    expect(maturityLevel(score)).toBe(level);
  });

  it('does not let floating-point noise drop a boundary score a level', () => {
    expect(maturityLevel(60 - 1e-12)).toBe(4);
  });

  it('caps the overall level at one above the weakest dimension', () => {
    // overall 85 → 5; dimensions 5, 5, 2 → cap 1 + 2 = 3
    expect(overallLevel(85, [95, 90, 30])).toBe(3);
    // overall 70 → 4; weakest 3 → cap 4: no change
    expect(overallLevel(70, [90, 65, 55])).toBe(4);
    // the cap never raises: overall 30 → 2, dimensions all 5 → cap 6
    expect(overallLevel(30, [85, 85, 85])).toBe(2);
  });

  it('is null without an overall score or with a missing dimension', () => {
    expect(overallLevel(null, [50, 50, 50])).toBeNull();
    expect(overallLevel(50, [50, null, 50])).toBeNull();
  });
});
