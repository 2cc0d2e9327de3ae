import { DIMENSIONS, LEVELS } from '../questionnaire/schema.js';
import { compareGroups, type Change, type GroupStats } from './change.js';
import { describeValues, type Ci95 } from './describe.js';
import { thickScores } from './anonymity.js';
import { respondentScore } from './groupScore.js';
import type { ScoringItem } from './itemScore.js';
import type { MaturityLevel } from './maturity.js';
import type { Results } from './results.js';

/**
 * The overall readiness is the mean of the three dimension means (§3), which has no per-respondent spread of
 * its own. For the change test each respondent's composite (the mean of their three dimension scores,
 * when they have all three) supplies n and sd; the Δ shown stays the difference of the published scores.
 * Without `k` (figures computed outside an assessment) nothing is withheld.
 */
export function overallComposite(items: readonly ScoringItem[], responses: readonly { answers: ArrayLike<number>; cell?: string }[], k = 1): GroupStats {
  const byDimension = DIMENSIONS.map((d) => items.flatMap((item, i) => (item.dimension === d ? [i] : [])));
  const composites = responses.map((r) => {
    const scores = byDimension.map((indices) => respondentScore(items, r.answers, indices));
    return scores.every((s) => s !== null) ? (scores as number[]).reduce((a, b) => a + b, 0) / 3 : null;
  });
  // Released rows carry their cell: a cell where only 1..k−1 have a composite keeps theirs out (domain/anonymity.ts).
  const s = describeValues(thickScores(responses.map((r) => r.cell ?? ''), composites, k));
  return { n: s.n, mean: s.mean, sd: s.sd };
}

export interface TrendPoint {
  assessmentId: string;
  title: string;
  /** When the assessment closed, else when it started. */
  date: string;
  questionnaire: { id: string; version: number };
  results: Results;
  overallComposite: GroupStats;
}

export interface SeriesPoint {
  assessmentId: string;
  score: number | null;
  n: number;
  sd: number | null;
  ci95: Ci95 | null;
  level?: MaturityLevel | null;
}

export interface GroupSeries {
  group: string;
  kind: 'overall' | 'dimension' | 'level' | 'section';
  points: SeriesPoint[];
  changes: Array<{ from: string; to: string; change: Change }>;
}

function pairs(points: TrendPoint[]): Array<[TrendPoint, TrendPoint]> {
  const out: Array<[TrendPoint, TrendPoint]> = [];
  for (let i = 1; i < points.length; i++) out.push([points[i - 1], points[i]]);
  if (points.length > 2) out.push([points[0], points[points.length - 1]]);
  return out;
}

/** Series and changes for overall, each dimension, level and section, over assessments oldest first. */
export function buildTrend(points: TrendPoint[]) {
  const steps = pairs(points);
  const series = (kind: GroupSeries['kind'], group: string, pick: (p: TrendPoint) => SeriesPoint, stats: (p: TrendPoint) => GroupStats): GroupSeries => ({
    group,
    kind,
    points: points.map(pick),
    changes: steps.map(([a, b]) => ({ from: a.assessmentId, to: b.assessmentId, change: compareGroups(stats(a), stats(b)) })),
  });

  const overall = series(
    'overall', 'overall',
    (p) => ({ assessmentId: p.assessmentId, score: p.results.overall.score, n: p.overallComposite.n, sd: p.overallComposite.sd, ci95: null, level: p.results.overall.level }),
    (p) => ({ ...p.overallComposite, mean: p.results.overall.score }),
  );
  const find = <T extends { id: string; n: number; sd: number | null; score: number | null }>(list: T[], id: string) => list.find((x) => x.id === id);
  const fromGroup = (p: TrendPoint, g: { n: number; sd: number | null; score: number | null; ci95: Ci95 | null } | undefined, id: string, level?: MaturityLevel | null): SeriesPoint =>
    g ? { assessmentId: p.assessmentId, score: g.score, n: g.n, sd: g.sd, ci95: g.ci95, ...(level !== undefined && { level }) } : { assessmentId: p.assessmentId, score: null, n: 0, sd: null, ci95: null };
  const statsOf = (g: { n: number; sd: number | null; score: number | null } | undefined): GroupStats => (g ? { n: g.n, mean: g.score, sd: g.sd } : { n: 0, mean: null, sd: null });

  const dimensions = DIMENSIONS.map((d) =>
    series('dimension', d, (p) => { const g = find(p.results.dimensions, d); return fromGroup(p, g, d, g?.level ?? null); }, (p) => statsOf(find(p.results.dimensions, d))),
  );
  const levels = LEVELS.map((l) => series('level', l, (p) => fromGroup(p, find(p.results.levels, l), l), (p) => statsOf(find(p.results.levels, l))));
  const sectionIds = points[0]?.results.sections.map((s) => s.id) ?? [];
  const sections = sectionIds.map((s) => series('section', s, (p) => fromGroup(p, find(p.results.sections, s), s), (p) => statsOf(find(p.results.sections, s))));

  const transitions = steps.map(([a, b]) => ({
    from: a.assessmentId,
    to: b.assessmentId,
    overall: { from: a.results.overall.level, to: b.results.overall.level },
    dimensions: DIMENSIONS.map((d) => ({ id: d, from: find(a.results.dimensions, d)?.level ?? null, to: find(b.results.dimensions, d)?.level ?? null })),
  }));

  return { overall, dimensions, levels, sections, transitions, movers: topMovers(points) };
}

/** The items whose score moved most between the first and the last assessment, up and down. */
export function topMovers(points: TrendPoint[], count = 5) {
  if (points.length < 2) return { up: [], down: [] };
  const first = new Map(points[0].results.items.map((i) => [i.id, i.score]));
  const moves = points[points.length - 1].results.items.flatMap((i) => {
    const before = first.get(i.id);
    return before === null || before === undefined || i.score === null ? [] : [{ id: i.id, from: before, to: i.score, delta: i.score - before }];
  });
  return {
    up: moves.filter((m) => m.delta > 0).sort((a, b) => b.delta - a.delta || a.id.localeCompare(b.id)).slice(0, count),
    down: moves.filter((m) => m.delta < 0).sort((a, b) => a.delta - b.delta || a.id.localeCompare(b.id)).slice(0, count),
  };
}
