import { describe, expect, it } from 'vitest';
import { buildBreakdown, perceptionGap, suppressedGroups, type GroupInput } from '../../src/domain/breakdowns.js';

const sizes = (...groups: [string, number][]) => groups.map(([group, size]) => ({ group, size }));
const suppressed = (groups: ReturnType<typeof sizes>, threshold = 5) => [...suppressedGroups(groups, threshold)].sort();

describe('anonymity suppression (§7)', () => {
  it('suppresses nothing when every group reaches the threshold', () => {
    expect(suppressed(sizes(['a', 5], ['b', 9]))).toEqual([]);
  });

  it('adds the smallest remaining group when exactly one is suppressed', () => {
    // c (3) < 5; otherwise c = total − a − b, so b (8, smaller than a's 10) goes too
    expect(suppressed(sizes(['a', 10], ['b', 8], ['c', 3]))).toEqual(['b', 'c']);
  });

  it('breaks a tie for smallest by name', () => {
    expect(suppressed(sizes(['b', 8], ['a', 8], ['c', 2]))).toEqual(['a', 'c']);
  });

  it('adds nothing when the only suppressed group has no responses', () => {
    expect(suppressed(sizes(['a', 10], ['b', 8], ['c', 0]))).toEqual(['c']);
  });

  it('adds nothing when two or more groups are suppressed', () => {
    expect(suppressed(sizes(['a', 10], ['b', 3], ['c', 4]))).toEqual(['b', 'c']);
  });

  it('follows the threshold parameter', () => {
    expect(suppressed(sizes(['a', 10], ['b', 3]), 3)).toEqual([]);
    expect(suppressed(sizes(['a', 10], ['b', 3]), 4)).toEqual(['a', 'b']);
  });

  it('omits size and scores of suppressed groups entirely', () => {
    const dims = (score: number): GroupInput['dimensions'] => [{ id: 'culture', score, n: 1 }];
    const out = buildBreakdown(
      [
        { group: 'a', size: 10, dimensions: dims(50) },
        { group: 'b', size: 8, dimensions: dims(60) },
        { group: 'c', size: 3, dimensions: dims(70) },
      ],
      5,
    );
    expect(out[0]).toEqual({ group: 'a', suppressed: false, n: 10, dimensions: dims(50) });
    expect(out[1]).toEqual({ group: 'b', suppressed: true });
    expect(out[2]).not.toHaveProperty('n');
    expect(out[2]).not.toHaveProperty('dimensions');
  });
});

describe('perception gap (§7)', () => {
  const role = (group: string, culture: number | null, process: number | null): GroupInput => ({
    group,
    size: 10,
    dimensions: [
      { id: 'culture', score: culture, n: 10 },
      { id: 'process', score: process, n: 10 },
    ],
  });

  it('is manager − staff per dimension', () => {
    const roles = buildBreakdown([role('manager', 80, 40), role('staff', 60, null)], 5);
    expect(perceptionGap(roles)).toEqual([
      { dimension: 'culture', gap: 20 },
      { dimension: 'process', gap: null },
    ]);
  });

  it('is null when a role is suppressed', () => {
    const roles = buildBreakdown([{ ...role('manager', 80, 40), size: 2 }, role('staff', 60, 50)], 5);
    expect(roles.every((g) => g.suppressed)).toBe(true); // complementary suppression takes staff too
    expect(perceptionGap(roles)).toBeNull();
  });
});
