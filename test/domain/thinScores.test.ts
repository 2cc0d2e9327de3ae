import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { measureSideOf, measureTarget } from '../../src/domain/actionsChange.js';
import type { ScoringData } from '../../src/domain/assessmentScoring.js';
import { computeCustomerView } from '../../src/domain/customerView.js';
import { customerTrend } from '../../src/domain/customerTrend.js';
import { overallComposite } from '../../src/domain/trend.js';
import { loadQuestionnaires } from '../../src/questionnaire/registry.js';

// anonymity.md, Groups: "the same for every dimension/section n". A score over a group of items exists only
// for those who answered enough of it, so its n can be smaller than the respondents in the figures. Here
// the second release of five holds one person with a score for the target and four "don't know": were
// that one person's score taken in, the figures before and after the release would differ by one person.
// Every output that scores a group of items for its own purpose (an action's measured change, the trend's
// composite, the customer view and trend) must keep that cell out, as the results do.

const registry = loadQuestionnaires(path.join(import.meta.dirname, '../../questionnaires'));
const tiny = loadQuestionnaires(path.join(import.meta.dirname, '../fixtures/questionnaires')).get('tiny')!.definition;
const k = 5;

/** Tiny questionnaire rows: org.know, org.values, org.bureaucracy, cust.service, cust.contact, cust.process. */
function data(secondRelease: boolean): ScoringData {
  const full = (i: number) => `${1 + (i % 5)}${1 + ((i + 1) % 5)}3${1 + ((i + 2) % 5)}${1 + ((i + 3) % 5)}4`;
  const rows = Array.from({ length: 5 }, (_, i) => ({ id: `a${i}`, role: 'staff' as const, department: null, answers: full(i), release: 1 }));
  if (secondRelease)
    for (let i = 0; i < 5; i++)
      // Only b0 has an interaction score (cust.service, cust.contact); the others answered "don't know".
      rows.push({ id: `b${i}`, role: 'staff', department: null, answers: i === 0 ? '555555' : '333??3', release: 2 });
  return { rows, invited: 0, headcount: null, closed: false };
}

describe('scores of a group of items held by 1..k−1 of a release', () => {
  it("stay out of an action's measured change", () => {
    const side = (second: boolean) => measureSideOf(second ? 'later' : 'earlier', tiny.items, data(second), k);
    const target = { kind: 'dimension' as const, dimension: 'interaction' as const };
    const m = measureTarget(target, side(false), side(true));
    expect(m.status).toBe('measured');
    // Ten respondents in the later figures, but the one interaction score of the second five is withheld.
    expect(m.before?.n).toBe(5);
    expect(m.after?.n).toBe(5);
    expect(m.after?.mean).toBeCloseTo(m.before!.mean!, 9);
  });

  it("stay out of the trend's overall composite", () => {
    const rows = (second: boolean) => data(second).rows.map((r) => ({ answers: Int8Array.from(r.answers, (c) => (c === '?' ? -1 : Number(c))), cell: `${r.release}` }));
    expect(overallComposite(tiny.items, rows(false), k).n).toBe(5);
    expect(overallComposite(tiny.items, rows(true), k).n).toBe(5);
  });

  it('stay out of the customer view and the customer trend', () => {
    const customerQ = registry.customer('mehvar-customer', 1)!.definition;
    const staffQ = registry.get('mehvar-core', 2)!.definition;
    const m = customerQ.items.length;
    // Five customers answered everything; of the next five, only one answered the first factor.
    const customers = [
      ...Array.from({ length: 5 }, (_, i) => ({ id: `c${i}`, answers: '4'.repeat(m), release: 1 })),
      ...Array.from({ length: 5 }, (_, i) => ({ id: `d${i}`, answers: (i === 0 ? '1' : '?') + '4'.repeat(m - 1), release: 2 })),
    ];
    const staff: ScoringData = { rows: [], invited: 0, headcount: null, closed: false };
    const view = computeCustomerView({ customerQ, staffQ, staff, customers: { rows: customers, closed: false }, k });
    expect(view.respondents.inFigures).toBe(10);
    expect(view.factors[0].customers).toMatchObject({ n: 5, mean: 75 });
    expect(view.factors[1].customers).toMatchObject({ n: 10 });
    const trend = customerTrend([{ assessmentId: 'x', k, survey: { questionnaire: customerQ, rows: customers, closed: false } }]);
    expect(trend?.factors[0].points[0]).toMatchObject({ n: 5, score: 75 });
  });
});
