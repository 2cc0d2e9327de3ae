import { describe, expect, it } from 'vitest';
import { alphaFromVariances, cronbachAlpha } from '../../src/domain/reliability.js';

/*
 * Item scores of 4 respondents on 3 items:
 *        i1   i2   i3    T
 *   R1    0   25   25    50
 *   R2   25   25   50   100
 *   R3   50   75   50   175
 *   R4   75   75  100   250
 * Sums of squared deviations: i1 3125 (mean 37.5), i2 2500 (mean 50), i3 2968.75 (mean 56.25),
 * T 22968.75 (mean 143.75). With n − 1 = 3 the common factor cancels:
 *   α = 3/2 · (1 − (3125 + 2500 + 2968.75)/22968.75) = 3/2 · (1 − 55/147) = 138/147 = 0.9387755
 * α if deleted:
 *   − i1: T' = 50, 75, 125, 175 (SS 9218.75): 2 · (1 − 5468.75/9218.75) = 0.8135593
 *   − i2: T' = 25, 75, 100, 175 (SS 11718.75): 2 · (1 − 6093.75/11718.75) = 0.96
 *   − i3: T' = 25, 50, 125, 150 (SS 10625): 2 · (1 − 5625/10625) = 0.9411765
 */
const matrix = [
  [0, 25, 25],
  [25, 25, 50],
  [50, 75, 50],
  [75, 75, 100],
];

describe("Cronbach's α (§5)", () => {
  it('computes α on a small matrix', () => {
    expect(cronbachAlpha(matrix).alpha).toBeCloseTo(138 / 147, 10);
  });

  it('computes α-if-item-deleted', () => {
    const { ifDeleted } = cronbachAlpha(matrix);
    expect(ifDeleted[0]).toBeCloseTo(0.8135593, 6);
    expect(ifDeleted[1]).toBeCloseTo(0.96, 10);
    expect(ifDeleted[2]).toBeCloseTo(0.9411765, 6);
  });

  it('is unchanged by multiplying every item by one constant', () => {
    expect(cronbachAlpha(matrix.map((r) => r.map((x) => x * 25.2))).alpha).toBeCloseTo(138 / 147, 10);
  });

  it('uses only respondents who answered every item (listwise)', () => {
    expect(cronbachAlpha([...matrix, [100, null, 0]]).alpha).toBeCloseTo(138 / 147, 10);
  });

  it('is null with fewer than 3 complete respondents', () => {
    expect(cronbachAlpha(matrix.slice(0, 2)).alpha).toBeNull();
    expect(cronbachAlpha([...matrix.slice(0, 2), [0, null, 0]]).alpha).toBeNull();
  });

  it('is null when var_T = 0', () => {
    // every total is 100
    const { alpha, ifDeleted } = cronbachAlpha([
      [0, 100],
      [100, 0],
      [50, 50],
    ]);
    expect(alpha).toBeNull();
    expect(ifDeleted).toEqual([null, null]); // k = 2: deleting one leaves a single item
  });

  it('is null for a single item', () => {
    expect(cronbachAlpha([[1], [2], [3]]).alpha).toBeNull();
  });

  it('reports α-if-deleted only from k ≥ 3', () => {
    const two = cronbachAlpha(matrix.map((r) => r.slice(0, 2)));
    expect(two.alpha).not.toBeNull();
    expect(two.ifDeleted).toEqual([null, null]);
  });

  it('applies the formula directly', () => {
    // 2/1 · (1 − (625 + 625)/2500) = 1
    expect(alphaFromVariances(2, 3, [625, 625], 2500)).toBe(1);
    expect(alphaFromVariances(2, 3, [1, 1], 0)).toBeNull();
  });
});
