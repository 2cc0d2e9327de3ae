import { describe, expect, it } from 'vitest';
import { type BreakdownGroup, perceptionGap } from '../../src/domain/breakdowns.js';

// Which groups are shown is decided by domain/anonymity.ts (test/domain/anonymity.test.ts); the gap only
// reads the groups as shown.
describe('perception gap (§7)', () => {
  const role = (group: string, culture: number | null, process: number | null): BreakdownGroup => ({
    group,
    suppressed: false,
    n: 10,
    dimensions: [
      { id: 'culture', score: culture, n: 10 },
      { id: 'process', score: process, n: 10 },
    ],
  });

  it('is manager − staff per dimension', () => {
    expect(perceptionGap([role('manager', 80, 40), role('staff', 60, null)])).toEqual([
      { dimension: 'culture', gap: 20 },
      { dimension: 'process', gap: null },
    ]);
  });

  it('is null when a role is suppressed', () => {
    expect(perceptionGap([{ group: 'manager', suppressed: true }, role('staff', 60, 50)])).toBeNull();
  });
});
