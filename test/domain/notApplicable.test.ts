import { describe, expect, it } from 'vitest';
import { decodeAnswers, DONT_KNOW as DK, encodeAnswers, NOT_APPLICABLE as NA, UNANSWERED as UN } from '../../src/domain/answers.js';
import { respondentScore } from '../../src/domain/groupScore.js';
import { isStraightLining } from '../../src/domain/quality.js';
import { computeResults } from '../../src/domain/results.js';
import { overallComposite } from '../../src/domain/trend.js';
import { item } from './fixtures.js';

// Issue 16: "not applicable" is an answer of its own, apart from "don't know": left out of scores and n,
// counted in distribution.notApplicable, and it takes the item out of the respondent's group, so a manager
// whose organization has no shop is not left without a score for saying so.

describe('the stored code for "not applicable"', () => {
  it('is "-", and rows stored before it read exactly as before', () => {
    expect(encodeAnswers([5, DK, NA, UN, 1])).toBe('5?-.1');
    expect(Array.from(decodeAnswers('5?-.1'))).toEqual([5, DK, NA, UN, 1]);
    // A v1 row (digits, ? and . only) decodes to the same values it always did.
    expect(Array.from(decodeAnswers('31?.5'))).toEqual([3, 1, DK, UN, 5]);
  });
});

/*
 * Three 1..5 items of one dimension and section:
 *   r1  5  NA NA  → answered 1 of the 1 item that applies → score 100
 *   r2  4  DK DK  → answered 1 of 3 (don't know stays in the group) → no score
 *   r3  3  3  NA  → answered 2 of 2 → score 50
 *   r4  1  NA 2   → answered 2 of 2 → (0 + 25) / 2 = 12.5
 */
describe('scores with "not applicable"', () => {
  const items = [item('a'), item('b'), item('c')];
  const r = computeResults({
    items,
    responses: [
      { id: 'r1', role: 'staff', department: null, answers: [5, NA, NA] },
      { id: 'r2', role: 'staff', department: null, answers: [4, DK, DK] },
      { id: 'r3', role: 'staff', department: null, answers: [3, 3, NA] },
      { id: 'r4', role: 'staff', department: null, answers: [1, NA, 2] },
    ],
    invited: 0,
    headcount: null,
    targets: null,
    excludeFlagged: false,
  });

  it('leaves not applicable out of the group, where don\'t know stays in it (two-thirds rule, §2)', () => {
    const culture = r.dimensions[0];
    expect(culture.n).toBe(3);
    expect(culture.score).toBeCloseTo((100 + 50 + 12.5) / 3, 12);
    expect(respondentScore(items, [5, NA, NA], [0, 1, 2])).toBe(100);
    expect(respondentScore(items, [4, DK, DK], [0, 1, 2])).toBeNull();
    expect(respondentScore(items, [NA, NA, NA], [0, 1, 2])).toBeNull();
  });

  it('counts it in distribution.notApplicable, never in n or the item score', () => {
    const [a, b, c] = r.items;
    expect(a).toMatchObject({ n: 4, distribution: { 1: 1, 2: 0, 3: 1, 4: 1, 5: 1, dontKnow: 0, notApplicable: 0 } });
    expect(b).toMatchObject({ n: 1, score: 50, distribution: { 3: 1, dontKnow: 1, notApplicable: 2 } });
    expect(c).toMatchObject({ n: 1, score: 25, distribution: { 2: 1, dontKnow: 1, notApplicable: 2 } });
  });

  it('keeps Cronbach\'s α listwise: a response with not applicable answered fewer than all items', () => {
    // No response answered all three items, so α has no rows at all.
    expect(r.dimensions[0].alpha).toBeNull();
  });

  it('neither counts nor breaks a straight line', () => {
    expect(isStraightLining([4, 4, NA, 4, 4, 4, 4, 4, 4, 4, NA, 4])).toBe(true);
    expect(isStraightLining([4, 4, NA, 4, 4, 4, 4, 4, 4, NA])).toBe(false); // 8 answers
  });

  it('gives the trend\'s composite the same rule', () => {
    const s = overallComposite(
      [item('c', { dimension: 'culture' }), item('p', { dimension: 'process' }), item('x', { dimension: 'interaction' }), item('x2', { dimension: 'interaction' })],
      [{ answers: [5, 5, 5, NA] }, { answers: [1, 1, 1, DK] }],
    );
    // The first has all three dimensions (x2 does not apply); the second answered one of two interaction items.
    expect(s).toMatchObject({ n: 1, mean: 100 });
  });
});
