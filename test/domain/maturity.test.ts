import { describe, expect, it } from 'vitest';
import { maturityLevel, overallLevel } from '../../src/domain/maturity.js';

describe('maturity level (§4)', () => {
  it.each([
    [0, 1], [19.94, 1], [20, 2], [39.94, 2], [40, 3], [59.94, 3], [60, 4], [79.94, 4], [80, 5], [100, 5],
  ])('score %d is level %d', (score, level) => {
    expect(maturityLevel(score)).toBe(level);
  });

  // Issue 16: 39.99 showed as 40.0 with level 2. The level is read from the score as displayed.
  it.each([
    [19.96, 2], [39.95, 3], [39.99, 3], [39.96, 3], [59.95, 4], [79.95, 5], [39.949999, 2], [79.9499, 4],
  ])('score %d shows with one decimal at the next band, and is level %d', (score, level) => {
    expect(maturityLevel(score)).toBe(level);
  });

  it('does not let floating-point noise drop a boundary score a level', () => {
    expect(maturityLevel(60 - 1e-12)).toBe(4);
  });

  it('rounds the exact double: 19.95 is stored just below it, shows as 19.9 and is level 1', () => {
    expect(maturityLevel(19.95)).toBe(1);
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
