import { describe, expect, it } from 'vitest';
import { displayedScore, maturityLevel } from '../../src/domain/maturity.js';
import { createFmt } from '../../src/reports/model/format.js';
import { fmtFor } from '../../src/web/app/format.js';

// Issue 16: 39.99 showed as 40.0 with level 2 on the dashboard and in the report. Every page rounds a score
// to one decimal and reads its level from that displayed value (statistics.md §4).

const band = (s: number) => (s < 20 ? 1 : s < 40 ? 2 : s < 60 ? 3 : s < 80 ? 4 : 5);
const ascii = (s: string) => s.replace(/[۰-۹]/g, (d) => String(d.charCodeAt(0) - 0x06f0)).replace('٫', '.');

/** Scores near every band edge, including the awkward doubles just below and above a half. */
function nearEdges(): number[] {
  const out: number[] = [];
  for (const edge of [20, 40, 60, 80])
    for (let k = -2000; k <= 2000; k++) out.push(edge + k / 10000);
  out.push(39.95, 39.949999999999996, 39.95000000000001, 59.99999999999999, 60.00000000000001, 19.95, 79.95, 0, 100);
  return out;
}

describe('a score and its level on screen', () => {
  it('never disagree: the level of what the dashboard and the report show is the level given', () => {
    const shown = [fmtFor('en').score, fmtFor('fa').score, createFmt('en').score, createFmt('fa').score];
    for (const s of nearEdges()) {
      const level = maturityLevel(s);
      for (const format of shown) expect(band(Number(ascii(format(s).replace(/,/g, '')))), `${s} → ${format(s)}`).toBe(level);
      expect(band(displayedScore(s))).toBe(level);
    }
  });

  it('shows 39.99 as 40.0 at level 3, and 39.94 as 39.9 at level 2', () => {
    expect([fmtFor('en').score(39.99), maturityLevel(39.99)]).toEqual(['40.0', 3]);
    expect([createFmt('fa').score(39.99), maturityLevel(39.99)]).toEqual(['۴۰٫۰', 3]);
    expect([fmtFor('en').score(39.94), maturityLevel(39.94)]).toEqual(['39.9', 2]);
  });
});
