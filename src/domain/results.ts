import { DIMENSIONS, LEVELS, type DimensionId, type LevelId } from '../questionnaire/schema.js';
import { accumulate, ROLES, type Accumulated, type ResponseInput } from './accumulate.js';
import { rwgJ, varianceFromCounts } from './agreement.js';
import type { Snapshot } from './anonymity.js';
import { perceptionGap, type BreakdownGroup, type PerceptionGap } from './breakdowns.js';
import { summarizeSlot, type Moments, type Summary } from './describe.js';
import type { ScoringItem } from './itemScore.js';
import { buildLayout, LEVEL_SLOT, SECTION_SLOT, type Layout } from './scoringLayout.js';
import { maturityLevel, overallLevel, type MaturityLevel } from './maturity.js';
import { responseRate } from './quality.js';
import { accumulatedAlpha, accumulatedAlphaIfDeleted } from './reliability.js';

export type { ResponseInput } from './accumulate.js';

export interface ResultsInput {
  /** In questionnaire order; each response's answers are aligned with it. */
  items: readonly ScoringItem[];
  /** Labelled by domain/anonymity.ts: a group is shown exactly when some response carries its label. */
  responses: readonly ResponseInput[];
  /** Every department among the responses, shown or not, so suppressed ones are listed by name. */
  departments?: readonly string[];
  /** Submitted responses, in the figures or not (default: the responses given). */
  submitted?: number;
  snapshot?: Snapshot;
  invited: number;
  headcount: number | null;
  targets: Partial<Record<DimensionId, number>> | null;
  excludeFlagged: boolean;
}

/** A group's §3 summary, with its mean called `score`. */
export type GroupSummary = Omit<Summary, 'mean'> & { score: number | null };

export interface DimensionResult extends GroupSummary {
  id: DimensionId;
  level: MaturityLevel | null;
  alpha: number | null;
  rwg: number | null;
  target: number | null;
  /** target − score. */
  gap: number | null;
}

export type GroupResult<Id extends string> = GroupSummary & { id: Id };

export interface ItemResult {
  id: string;
  /** Mean item score (0..100) over those who answered. */
  score: number | null;
  n: number;
  /** Count per scale point ("1".."5"), "dontKnow" and "notApplicable"; unanswered is not counted. */
  distribution: Record<string, number>;
  alphaIfDeleted: number | null;
}

export interface Results {
  /** Where the figures stand (domain/anonymity.ts); absent only for figures computed outside an assessment. */
  snapshot: Snapshot | null;
  respondents: { submitted: number; invited: number; responseRate: number | null };
  overall: { score: number | null; level: MaturityLevel | null };
  dimensions: DimensionResult[];
  levels: GroupResult<LevelId>[];
  sections: GroupResult<string>[];
  items: ItemResult[];
  breakdowns: { role: BreakdownGroup[]; department: BreakdownGroup[] };
  perceptionGap: PerceptionGap[] | null;
  quality: { straightLining: number; flagged: string[] };
}

/**
 * Every figure of an assessment's results (statistics.md), unrounded, null wherever there is no data.
 * Flagged (straight-lined) responses stay in `submitted` and the response rate — they were submitted — but
 * leave every statistic, including breakdown sizes, when `excludeFlagged` is set.
 */
export function computeResults(input: ResultsInput): Results {
  const layout = buildLayout(input.items);
  const acc = accumulate(layout, input.responses, input.excludeFlagged);
  // §3: the population is the headcount when known, else the invitations, else unknown.
  const population = input.headcount ?? (input.invited > 0 ? input.invited : null);
  const group = (slot: number) => {
    const { mean, ...rest } = summarizeSlot(acc.groups, slot, population);
    return { score: mean, ...rest };
  };

  const dimensions = DIMENSIONS.map((id, d): DimensionResult => {
    const g = group(d);
    const target = input.targets?.[id] ?? null;
    return {
      id,
      ...g,
      level: g.score === null ? null : maturityLevel(g.score),
      alpha: accumulatedAlpha(acc.alpha[d]),
      rwg: rwgJ(layout.dimensionItems[d].map((i) => itemAgreement(layout, acc, i))),
      target,
      gap: target === null || g.score === null ? null : target - g.score,
    };
  });
  const dimensionScores = dimensions.map((d) => d.score);
  const overall = dimensionScores.some((s) => s === null)
    ? null
    : (dimensionScores as number[]).reduce((a, b) => a + b, 0) / dimensionScores.length;

  const role = breakdown([...ROLES], [...ROLES], acc.roleSize, acc.roleScores);
  const submitted = input.submitted ?? input.responses.length;
  return {
    snapshot: input.snapshot ?? null,
    respondents: { submitted, invited: input.invited, responseRate: responseRate(submitted, input.invited) },
    overall: { score: overall, level: overallLevel(overall, dimensionScores) },
    dimensions,
    levels: LEVELS.map((id, l) => ({ id, ...group(LEVEL_SLOT + l) })),
    sections: layout.sectionIds.map((id, s) => ({ id, ...group(SECTION_SLOT + s) })),
    items: itemResults(layout, acc),
    breakdowns: {
      role,
      department: breakdown(input.departments ?? acc.departments, acc.departments, acc.departmentSize, acc.departmentScores),
    },
    perceptionGap: perceptionGap(role),
    quality: { straightLining: acc.flagged.length, flagged: acc.flagged },
  };
}

function itemResults(layout: Layout, acc: Accumulated): ItemResult[] {
  const ifDeleted = acc.alpha.map((a) => accumulatedAlphaIfDeleted(a));
  return layout.items.map((item, i) => {
    const { min, max } = item.scale;
    const start = layout.distributionStart[i];
    const distribution: Record<string, number> = {};
    let n = 0;
    let points = 0;
    for (let v = min; v <= max; v++) {
      const count = acc.distribution[start + v - min];
      distribution[String(v)] = count;
      n += count;
      points += count * (layout.offset[i] + layout.sign[i] * v);
    }
    distribution.dontKnow = acc.distribution[start + max - min + 1];
    distribution.notApplicable = acc.distribution[start + max - min + 2];
    const dimension = layout.dimensionSlot[i];
    return {
      id: item.id,
      score: n === 0 ? null : (points / n) * layout.factor[i],
      n,
      distribution,
      alphaIfDeleted: ifDeleted[dimension][layout.positionInDimension[i]],
    };
  });
}

/** rwg(j) works on raw answers, which the item's answer counts already hold. */
function itemAgreement(layout: Layout, acc: Accumulated, i: number) {
  const { min, max } = layout.items[i].scale;
  const start = layout.distributionStart[i];
  return {
    variance: varianceFromCounts(acc.distribution.subarray(start, start + max - min + 1), min),
    scalePoints: max - min + 1,
  };
}

/**
 * One breakdown: every group by name, in order; a group no response is labelled with is suppressed and
 * carries no figures at all. Which groups are shown was decided by the labels (domain/anonymity.ts).
 */
function breakdown(names: readonly string[], labelled: readonly string[], sizes: Int32Array, scores: Moments): BreakdownGroup[] {
  const slot = new Map(labelled.map((name, g) => [name, g]));
  return names.map((group): BreakdownGroup => {
    const g = slot.get(group);
    if (g === undefined || sizes[g] === 0) return { group, suppressed: true };
    return {
      group,
      suppressed: false,
      n: sizes[g],
      dimensions: DIMENSIONS.map((id, d) => {
        // Breakdowns report score and n only, so no population correction is needed.
        const s = summarizeSlot(scores, g * DIMENSIONS.length + d, null);
        return { id, score: s.mean, n: s.n };
      }),
    };
  });
}
