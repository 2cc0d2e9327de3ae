import { DIMENSIONS } from '../questionnaire/schema.js';
import { DONT_KNOW, NOT_APPLICABLE } from './answers.js';
import { addMoment, createMoments, type Moments } from './describe.js';
import { meetsTwoThirds } from './groupScore.js';
import type { Layout } from './scoringLayout.js';
import { isStraightLining } from './quality.js';
import { addAlphaRow, createAlphaAccumulator, type AlphaAccumulator } from './reliability.js';

export const ROLES = ['manager', 'staff'] as const;
export type Role = (typeof ROLES)[number];

/** A response as the figures may see it: role and department as labelled by domain/anonymity.ts (null = not shown). */
export interface ResponseInput {
  id: string;
  role: Role | null;
  department: string | null;
  answers: ArrayLike<number>;
  /** Per group slot, 1 where this respondent's score is withheld (domain/anonymity.ts withheldThinScores). */
  withheld?: ArrayLike<number> | null;
}

/** Everything the results need, gathered in one pass over the responses. */
export interface Accumulated {
  /** Responses that entered the statistics (all, unless flagged ones are excluded). */
  included: number;
  /** Ids of straight-lined responses, whether or not they were excluded. */
  flagged: string[];
  /** Respondent scores per group slot (see layout.ts). */
  groups: Moments;
  /** Per role / department: responses included, and respondent dimension scores at slot `group·3 + dimension`. */
  roleSize: Int32Array;
  roleScores: Moments;
  departments: string[];
  departmentSize: Int32Array;
  departmentScores: Moments;
  /** Answer counts per item (see Layout.distributionStart). */
  distribution: Int32Array;
  alpha: AlphaAccumulator[];
}

const D = DIMENSIONS.length;

/**
 * One pass over all responses with a fixed set of scratch arrays: nothing is allocated per response, which
 * is what keeps 100k × 50 answers well under a second.
 */
export function accumulate(layout: Layout, responses: readonly ResponseInput[], excludeFlagged: boolean): Accumulated {
  const departments = [...new Set(responses.flatMap((r) => (r.department === null ? [] : [r.department])))].sort();
  const departmentIndex = new Map(departments.map((d, i) => [d, i]));
  const acc: Accumulated = {
    included: 0,
    flagged: [],
    groups: createMoments(layout.groupCount),
    roleSize: new Int32Array(ROLES.length),
    roleScores: createMoments(ROLES.length * D),
    departments,
    departmentSize: new Int32Array(departments.length),
    departmentScores: createMoments(departments.length * D),
    distribution: new Int32Array(layout.distributionLength),
    alpha: layout.dimensionItems.map((items) => createAlphaAccumulator(items.length)),
  };
  const m = layout.items.length;
  const { min, max, offset, sign, weight, weightedFactor, distributionStart, groupSize } = layout;
  const { dimensionSlot, levelSlot, sectionSlot } = layout;
  const weighted = new Float64Array(layout.groupCount);
  const weights = new Float64Array(layout.groupCount);
  const answered = new Int32Array(layout.groupCount);
  // Items marked "not applicable" leave the respondent's group: the two-thirds rule counts the rest (§2).
  const notApplicable = new Int32Array(layout.groupCount);
  const points = new Float64Array(m);
  const rows = layout.dimensionItems.map((items) => new Float64Array(items.length));
  const distribution = acc.distribution;

  for (const response of responses) {
    const a = response.answers;
    if (isStraightLining(a)) {
      acc.flagged.push(response.id);
      if (excludeFlagged) continue;
    }
    acc.included++;
    weighted.fill(0);
    weights.fill(0);
    answered.fill(0);
    notApplicable.fill(0);
    for (let i = 0; i < m; i++) {
      const x = a[i];
      if (x >= min[i] && x <= max[i]) {
        const p = offset[i] + sign[i] * x;
        points[i] = p;
        distribution[distributionStart[i] + x - min[i]]++;
        const ws = weightedFactor[i] * p;
        const w = weight[i];
        weighted[dimensionSlot[i]] += ws;
        weights[dimensionSlot[i]] += w;
        answered[dimensionSlot[i]]++;
        weighted[levelSlot[i]] += ws;
        weights[levelSlot[i]] += w;
        answered[levelSlot[i]]++;
        weighted[sectionSlot[i]] += ws;
        weights[sectionSlot[i]] += w;
        answered[sectionSlot[i]]++;
      } else if (x === DONT_KNOW) {
        distribution[distributionStart[i] + max[i] - min[i] + 1]++;
      } else if (x === NOT_APPLICABLE) {
        distribution[distributionStart[i] + max[i] - min[i] + 2]++;
        notApplicable[dimensionSlot[i]]++;
        notApplicable[levelSlot[i]]++;
        notApplicable[sectionSlot[i]]++;
      }
    }

    const role = response.role === 'manager' ? 0 : response.role === 'staff' ? 1 : -1;
    const department = response.department === null ? -1 : (departmentIndex.get(response.department) as number);
    if (role >= 0) acc.roleSize[role]++;
    if (department >= 0) acc.departmentSize[department]++;
    for (let g = 0; g < layout.groupCount; g++) {
      if (!meetsTwoThirds(answered[g], groupSize[g] - notApplicable[g]) || response.withheld?.[g]) continue;
      const score = weighted[g] / weights[g];
      addMoment(acc.groups, g, score);
      if (g < D) {
        if (role >= 0) addMoment(acc.roleScores, role * D + g, score);
        if (department >= 0) addMoment(acc.departmentScores, department * D + g, score);
      }
    }

    // Cronbach's α is listwise: only respondents who answered every item of the dimension.
    for (let d = 0; d < D; d++) {
      const items = layout.dimensionItems[d];
      if (items.length < 2 || answered[d] !== items.length) continue;
      const row = rows[d];
      for (let j = 0; j < items.length; j++) row[j] = points[items[j]] * layout.alphaUnit[items[j]];
      addAlphaRow(acc.alpha[d], row);
    }
  }
  return acc;
}

/**
 * Which group slots (see layout.ts) a respondent has a score for under the two-thirds rule, as
 * `accumulate` decides it: the returned function writes 1 or 0 per slot into `out` from `at` on.
 */
export function scoredSlots(layout: Layout): (answers: ArrayLike<number>, out: Uint8Array, at: number) => void {
  const answered = new Int32Array(layout.groupCount);
  const notApplicable = new Int32Array(layout.groupCount);
  const { min, max, dimensionSlot, levelSlot, sectionSlot, groupSize } = layout;
  return (answers, out, at) => {
    answered.fill(0);
    notApplicable.fill(0);
    for (let i = 0; i < layout.items.length; i++) {
      const x = answers[i];
      const counts = x >= min[i] && x <= max[i] ? answered : x === NOT_APPLICABLE ? notApplicable : null;
      if (!counts) continue;
      counts[dimensionSlot[i]]++;
      counts[levelSlot[i]]++;
      counts[sectionSlot[i]]++;
    }
    for (let g = 0; g < layout.groupCount; g++) out[at + g] = meetsTwoThirds(answered[g], groupSize[g] - notApplicable[g]) ? 1 : 0;
  };
}
