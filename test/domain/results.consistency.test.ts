import { describe, expect, it } from 'vitest';
import { DIMENSIONS, LEVELS } from '../../src/questionnaire/schema.js';
import { DONT_KNOW, UNANSWERED } from '../../src/domain/answers.js';
import { rwgJ, varianceFromCounts } from '../../src/domain/agreement.js';
import { describeValues } from '../../src/domain/describe.js';
import { respondentScore } from '../../src/domain/groupScore.js';
import { itemScore, type ScoringItem } from '../../src/domain/itemScore.js';
import { cronbachAlpha } from '../../src/domain/reliability.js';
import { computeResults, type ResponseInput } from '../../src/domain/results.js';
import { item } from './fixtures.js';

/*
 * computeResults takes a single typed-array pass for speed. This checks it against the plain reference
 * functions (one respondent, one group at a time) on a seeded random assessment with mixed weights, reverse
 * items, scales and missing answers.
 */
function random(seed: number) {
  return () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
}

const rnd = random(7);
const items: ScoringItem[] = Array.from({ length: 14 }, (_, i) =>
  item(`q${i}`, {
    dimension: DIMENSIONS[i % 3],
    level: LEVELS[i % 2],
    section: `s${Math.floor(i / 4)}`,
    weight: 1 + (i % 4),
    reverse: i % 5 === 0,
    scale: i === 13 ? { min: 0, max: 6 } : { min: 1, max: 5 },
  }),
);
const responses: ResponseInput[] = Array.from({ length: 300 }, (_, r) => ({
  id: `r${r}`,
  role: rnd() < 0.3 ? 'manager' : 'staff',
  department: r % 7 === 0 ? null : `d${r % 4}`,
  answers: items.map((it) => {
    const u = rnd();
    if (u < 0.08) return DONT_KNOW;
    if (u < 0.15) return UNANSWERED;
    return it.scale.min + Math.floor(rnd() * (it.scale.max - it.scale.min + 1));
  }),
}));
const population = 400;
const result = computeResults({ items, responses, invited: population, headcount: null, targets: null, excludeFlagged: false });

const indicesWhere = (pred: (it: ScoringItem) => boolean) => items.flatMap((it, i) => (pred(it) ? [i] : []));
const reference = (indices: number[]) =>
  describeValues(
    responses.map((r) => respondentScore(items, r.answers, indices)).filter((s): s is number => s !== null),
    population,
  );

function expectSame(actual: { score: number | null; n: number; sd: number | null; ci95: unknown }, indices: number[]) {
  const ref = reference(indices);
  expect(actual.n).toBe(ref.n);
  expect(actual.score).toBeCloseTo(ref.mean as number, 9);
  expect(actual.sd).toBeCloseTo(ref.sd as number, 9);
  expect(actual.ci95).toEqual({ low: expect.closeTo(ref.ci95!.low, 9), high: expect.closeTo(ref.ci95!.high, 9) });
}

describe('computeResults agrees with the reference functions', () => {
  it('for dimensions, levels and sections', () => {
    result.dimensions.forEach((d) => expectSame(d, indicesWhere((it) => it.dimension === d.id)));
    result.levels.forEach((l) => expectSame(l, indicesWhere((it) => it.level === l.id)));
    result.sections.forEach((s) => expectSame(s, indicesWhere((it) => it.section === s.id)));
  });

  it('for α, α-if-deleted and rwg(j)', () => {
    for (const d of result.dimensions) {
      const indices = indicesWhere((it) => it.dimension === d.id);
      const matrix = responses.map((r) => indices.map((i) => itemScore(items[i], r.answers[i])));
      const ref = cronbachAlpha(matrix, indices.length);
      expect(d.alpha).toBeCloseTo(ref.alpha as number, 9);
      indices.forEach((i, j) => expect(result.items[i].alphaIfDeleted).toBeCloseTo(ref.ifDeleted[j] as number, 9));
      const agreement = indices.map((i) => {
        const { min, max } = items[i].scale;
        const counts = new Array(max - min + 1).fill(0);
        for (const r of responses) if (r.answers[i] >= min) counts[r.answers[i] - min]++;
        return { variance: varianceFromCounts(counts, min), scalePoints: max - min + 1 };
      });
      expect(d.rwg).toBeCloseTo(rwgJ(agreement) as number, 12);
    }
  });

  it('for item scores and role breakdowns', () => {
    items.forEach((it, i) => {
      const scores = responses.map((r) => itemScore(it, r.answers[i])).filter((s): s is number => s !== null);
      expect(result.items[i].n).toBe(scores.length);
      expect(result.items[i].score).toBeCloseTo(describeValues(scores).mean as number, 9);
    });
    const managers = responses.filter((r) => r.role === 'manager');
    const culture = indicesWhere((it) => it.dimension === 'culture');
    const ref = managers.map((r) => respondentScore(items, r.answers, culture)).filter((s): s is number => s !== null);
    expect(result.breakdowns.role[0].n).toBe(managers.length);
    expect(result.breakdowns.role[0].dimensions?.[0].score).toBeCloseTo(describeValues(ref).mean as number, 9);
  });
});
