import { describe, expect, it } from 'vitest';
import { DONT_KNOW as DK, UNANSWERED as UN } from '../../src/domain/answers.js';
import { computeResults, type ResultsInput } from '../../src/domain/results.js';
import { item } from './fixtures.js';

/*
 * Six 1..5 items:           dimension    level        section  weight  reverse
 *   c1                      culture      information  s-a      1
 *   c2                      culture      information  s-a      1       yes
 *   p1                      process      customer     s-b      1
 *   p2                      process      customer     s-b      3
 *   x1                      interaction  customer     s-b      1
 *   x2                      interaction  information  s-c      1
 * Answers → item scores:
 *   r1 manager sales  5 1 5 3 4 DK  → c1 100, c2 100, p1 100, p2 50,  x1 75, x2 —
 *   r2 staff   sales  4 2 3 5 4 4   → c1 75,  c2 75,  p1 50,  p2 100, x1 75, x2 75
 *   r3 staff   ops    3 3 1 1 UN 2  → c1 50,  c2 50,  p1 0,   p2 0,   x1 —,  x2 25
 * A 2-item dimension needs both items (3·1 < 2·2), so r1 and r3 have no interaction score.
 */
const items = [
  item('c1', { dimension: 'culture', level: 'information', section: 's-a' }),
  item('c2', { dimension: 'culture', level: 'information', section: 's-a', reverse: true }),
  item('p1', { dimension: 'process', level: 'customer', section: 's-b' }),
  item('p2', { dimension: 'process', level: 'customer', section: 's-b', weight: 3 }),
  item('x1', { dimension: 'interaction', level: 'customer', section: 's-b' }),
  item('x2', { dimension: 'interaction', level: 'information', section: 's-c' }),
];
const input: ResultsInput = {
  items,
  responses: [
    { id: 'r1', role: 'manager', department: 'sales', answers: [5, 1, 5, 3, 4, DK] },
    { id: 'r2', role: 'staff', department: 'sales', answers: Int8Array.from([4, 2, 3, 5, 4, 4]) },
    { id: 'r3', role: 'staff', department: 'ops', answers: [3, 3, 1, 1, UN, 2] },
  ],
  invited: 4,
  headcount: null,
  targets: { culture: 80 },
  excludeFlagged: false,
};

describe('computeResults on a hand-computed assessment', () => {
  const r = computeResults(input);
  const [culture, process, interaction] = r.dimensions;

  it('counts respondents', () => {
    expect(r.respondents).toEqual({ submitted: 3, invited: 4, responseRate: 0.75 });
  });

  it('scores dimensions with weights, reverse coding and the two-thirds rule', () => {
    // culture 100, 75, 50 → mean 75, sd 25
    expect(culture).toMatchObject({ id: 'culture', score: 75, n: 3, sd: 25, level: 4, target: 80, gap: 5 });
    // process (w 1, 3): (100 + 3·50)/4 = 62.5, (50 + 3·100)/4 = 87.5, 0 → mean 50; SS 156.25 + 1406.25 + 2500
    expect(process).toMatchObject({ score: 50, n: 3, level: 3, target: null, gap: null });
    expect(process.sd).toBeCloseTo(Math.sqrt(4062.5 / 2), 10);
    // interaction: only r2, (75 + 75)/2
    expect(interaction).toMatchObject({ score: 75, n: 1, sd: null, ci95: null });
  });

  it('corrects the CI for the population of invitations', () => {
    // N = 4 invited: FPC = √(1/3); half = t(0.975, 2)·25/√3·√(1/3) = 4.3026527·25/3 = 35.855439
    expect(culture.ci95?.low).toBeCloseTo(75 - 35.855439, 5);
    expect(culture.ci95?.high).toBeCloseTo(75 + 35.855439, 5);
  });

  it('gives the overall score and capped level', () => {
    // (75 + 50 + 75)/3 = 66.67 → level 4; weakest dimension level 3 → cap 4
    expect(r.overall.score).toBeCloseTo(200 / 3, 10);
    expect(r.overall.level).toBe(4);
  });

  it('computes α and rwg(j) per dimension', () => {
    // culture: c1 = c2 = 100, 75, 50 → var 625 each, T var 2500 → α = 2(1 − 1250/2500) = 1
    expect(culture.alpha).toBeCloseTo(1, 10);
    // process rows (100, 50), (50, 100), (0, 0): vars 2500, 2500; T 150, 150, 0 → var 7500; α = 2(1 − 5000/7500)
    expect(process.alpha).toBeCloseTo(2 / 3, 10);
    expect(interaction.alpha).toBeNull(); // one complete respondent
    // culture raw: c1 5,4,3 (var 1), c2 1,2,3 (var 1): r = 1/2, rwg = 2·½/(2·½ + ½) = 2/3
    expect(culture.rwg).toBeCloseTo(2 / 3, 10);
    // process raw: p1 5,3,1 (var 4), p2 3,5,1 (var 4): r = 2 ≥ 1 → 0
    expect(process.rwg).toBe(0);
    // interaction raw: x1 4,4 (var 0), x2 4,2 (var 2): r = 1/2 → 2/3
    expect(interaction.rwg).toBeCloseTo(2 / 3, 10);
  });

  it('scores levels and sections (sections in first-appearance order)', () => {
    // information (c1, c2, x2): r1 (100 + 100)/2, r2 75, r3 (50 + 50 + 25)/3 = 41.67 → 72.22
    expect(r.levels[0]).toMatchObject({ id: 'information', n: 3 });
    expect(r.levels[0].score).toBeCloseTo(650 / 9, 10);
    // customer (p1, p2 w3, x1): r1 (100 + 150 + 75)/5 = 65, r2 (50 + 300 + 75)/5 = 85, r3 (0 + 0)/4 = 0 → 50
    expect(r.levels[1]).toMatchObject({ id: 'customer', score: 50, n: 3 });
    expect(r.sections.map((s) => s.id)).toEqual(['s-a', 's-b', 's-c']);
    expect(r.sections[0]).toMatchObject({ score: 75, n: 3 });
    // s-c (x2 alone): r2 75, r3 25 → 50, sd √1250
    expect(r.sections[2]).toMatchObject({ score: 50, n: 2 });
    expect(r.sections[2].sd).toBeCloseTo(Math.sqrt(1250), 10);
  });

  it('reports item scores, distributions and α-if-deleted', () => {
    expect(r.items[1]).toEqual({
      id: 'c2', score: 75, n: 3, distribution: { '1': 1, '2': 1, '3': 1, '4': 0, '5': 0, dontKnow: 0, notApplicable: 0 }, alphaIfDeleted: null,
    });
    expect(r.items[3]).toMatchObject({ id: 'p2', score: 50, n: 3 }); // 50, 100, 0
    // x1: unanswered is not counted anywhere; x2: don't know is
    expect(r.items[4]).toMatchObject({ n: 2, score: 75, distribution: { '4': 2, dontKnow: 0 } });
    expect(r.items[5]).toMatchObject({ n: 2, score: 50, distribution: { '2': 1, '4': 1, dontKnow: 1 } });
  });

  it('breaks down by role and department', () => {
    expect(r.breakdowns.role).toEqual([
      { group: 'manager', suppressed: false, n: 1, dimensions: [
        { id: 'culture', score: 100, n: 1 }, { id: 'process', score: 62.5, n: 1 }, { id: 'interaction', score: null, n: 0 },
      ] },
      { group: 'staff', suppressed: false, n: 2, dimensions: [
        { id: 'culture', score: 62.5, n: 2 }, { id: 'process', score: 43.75, n: 2 }, { id: 'interaction', score: 75, n: 1 },
      ] },
    ]);
    expect(r.breakdowns.department.map((g) => [g.group, g.n, g.dimensions?.[0].score])).toEqual([
      ['ops', 1, 50],
      ['sales', 2, 87.5],
    ]);
    expect(r.perceptionGap).toEqual([
      { dimension: 'culture', gap: 37.5 },
      { dimension: 'process', gap: 18.75 },
      { dimension: 'interaction', gap: null },
    ]);
  });

  it('shows a group only where some response carries its label, listing the others by name', () => {
    // As domain/anonymity.ts labels them: r1's role generalized, r3's department generalized.
    const responses = [{ ...input.responses[0], role: null }, input.responses[1], { ...input.responses[2], department: null }];
    const s = computeResults({ ...input, responses, departments: ['ops', 'sales'] });
    expect(s.breakdowns.role).toEqual([{ group: 'manager', suppressed: true }, expect.objectContaining({ group: 'staff', suppressed: false, n: 2 })]);
    expect(s.breakdowns.department).toEqual([{ group: 'ops', suppressed: true }, expect.objectContaining({ group: 'sales', suppressed: false, n: 2 })]);
    expect(s.perceptionGap).toBeNull();
    expect(s.dimensions[0].n).toBe(3);
  });

  it('leaves responses without a department out of the department breakdown', () => {
    const s = computeResults({ ...input, responses: input.responses.map((x) => ({ ...x, department: null })) });
    expect(s.breakdowns.department).toEqual([]);
    expect(s.dimensions[0].n).toBe(3);
  });

  it('prefers the headcount as population', () => {
    // N = 3 = n: zero-width CI
    const s = computeResults({ ...input, headcount: 3 });
    expect(s.dimensions[0].ci95?.low).toBeCloseTo(75, 10);
    expect(s.dimensions[0].ci95?.high).toBeCloseTo(75, 10);
  });
});

describe('computeResults and straight-lining', () => {
  const ten = Array.from({ length: 10 }, (_, i) => item(`i${i}`));
  const responses = [
    { id: 'flat', role: 'staff' as const, department: null, answers: new Array(10).fill(3) },
    { id: 'a', role: 'staff' as const, department: null, answers: [5, 5, 5, 5, 5, 5, 5, 5, 5, 4] },
    { id: 'b', role: 'staff' as const, department: null, answers: [1, 2, 3, 4, 5, 1, 2, 3, 4, 5] },
  ];
  const base = { items: ten, responses, invited: 0, headcount: null, targets: null };

  it('counts and lists flagged responses but includes them by default', () => {
    const r = computeResults({ ...base, excludeFlagged: false });
    expect(r.quality).toEqual({ straightLining: 1, flagged: ['flat'] });
    expect(r.dimensions[0].n).toBe(3);
    expect(r.respondents).toEqual({ submitted: 3, invited: 0, responseRate: null });
  });

  it('excludes them on request, still listing them', () => {
    const r = computeResults({ ...base, excludeFlagged: true });
    expect(r.quality).toEqual({ straightLining: 1, flagged: ['flat'] });
    expect(r.dimensions[0].n).toBe(2);
    expect(r.items[0].distribution['3']).toBe(0);
    expect(r.breakdowns.role[1]).toMatchObject({ group: 'staff', n: 2 });
    expect(r.respondents.submitted).toBe(3);
  });
});

/** Every number in a result tree; NaN or ±Infinity anywhere is a bug. */
function numbers(x: unknown): number[] {
  if (typeof x === 'number') return [x];
  if (x && typeof x === 'object') return Object.values(x).flatMap(numbers);
  return [];
}

describe('computeResults without data', () => {
  it('gives n = 0 and nulls for no responses, never NaN', () => {
    const r = computeResults({ ...input, responses: [] });
    expect(numbers(r).every(Number.isFinite)).toBe(true);
    expect(r.respondents).toEqual({ submitted: 0, invited: 4, responseRate: 0 });
    expect(r.overall).toEqual({ score: null, level: null });
    expect(r.dimensions[0]).toEqual({
      id: 'culture', score: null, n: 0, sd: null, ci95: null, level: null, alpha: null, rwg: null, target: 80, gap: null,
    });
    expect(r.levels.every((l) => l.n === 0 && l.score === null)).toBe(true);
    expect(r.sections.every((s) => s.n === 0 && s.score === null)).toBe(true);
    expect(r.items[0]).toEqual({
      id: 'c1', score: null, n: 0, distribution: { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0, dontKnow: 0, notApplicable: 0 }, alphaIfDeleted: null,
    });
    expect(r.breakdowns).toEqual({
      role: [{ group: 'manager', suppressed: true }, { group: 'staff', suppressed: true }],
      department: [],
    });
    expect(r.perceptionGap).toBeNull();
    expect(r.quality).toEqual({ straightLining: 0, flagged: [] });
  });

  it('leaves a dimension without items empty and the overall score missing', () => {
    const r = computeResults({ ...input, items: items.slice(0, 2) });
    expect(r.dimensions[0].n).toBe(3);
    expect(r.dimensions[1]).toMatchObject({ score: null, n: 0, rwg: null, alpha: null });
    expect(r.overall).toEqual({ score: null, level: null });
    expect(r.levels[1]).toMatchObject({ id: 'customer', score: null, n: 0 });
  });
});
