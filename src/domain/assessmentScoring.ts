import type { Assessment } from './records.js';
import type { DimensionId, Questionnaire } from '../questionnaire/schema.js';
import { discloseRows, flaggedExclusion } from './anonymity.js';
import { decodeAnswers } from './answers.js';
import type { ScoringItem } from './itemScore.js';
import type { AssessmentRef } from './presentResults.js';
import { computeResults, type Results } from './results.js';

export function assessmentRef(a: Assessment): AssessmentRef {
  const targets = {
    ...(a.target_culture !== null && { culture: a.target_culture }),
    ...(a.target_process !== null && { process: a.target_process }),
    ...(a.target_interaction !== null && { interaction: a.target_interaction }),
  };
  return {
    id: a.id,
    questionnaire: { id: a.questionnaire_id, version: a.questionnaire_version },
    targets: Object.keys(targets).length ? targets : null,
    anonymityThreshold: a.anonymity_threshold,
  };
}

/** What scoring reads from the database: plain data, so it can also be scored on a report thread. */
export interface ScoringData {
  /** One compact row per submitted response, released or not (see domain/anonymity.ts). */
  rows: ScoringRow[];
  invited: number;
  headcount: number | null;
  /** Whether the assessment was closed when the rows were read: its snapshot is then the final one. */
  closed: boolean;
}

export interface ScoringRow {
  id: string;
  role: 'manager' | 'staff';
  department: string | null;
  answers: string;
  release: number | null;
}

export class FlaggedExclusionRefused extends Error {}

/**
 * The only way figures are made from an assessment's responses: the rows pass through the anonymity rules
 * first (released rows only, labels generalized, nothing below k), then the statistics. `pick` maps the
 * stored answers onto `items` (a trend compares versions on their shared items).
 */
export function scoreRows(
  input: { items: readonly ScoringItem[]; data: ScoringData; k: number; targets: Partial<Record<DimensionId, number>> | null; excludeFlagged: boolean },
  pick: (answers: Int8Array) => ArrayLike<number> = (a) => a,
): Results {
  const { data, k } = input;
  const raw = data.rows.map((r) => ({ id: r.id, role: r.role, department: r.department, release: r.release, answers: pick(decodeAnswers(r.answers)) }));
  const disclosed = discloseRows(raw, k, data.closed);
  if (input.excludeFlagged) {
    const verdict = flaggedExclusion(disclosed.rows, k);
    if (!verdict.allowed) throw new FlaggedExclusionRefused(verdict.reason);
  }
  return computeResults({
    items: input.items,
    responses: disclosed.rows.map(({ row, label }) => ({ id: row.id, role: label.role, department: label.department, answers: row.answers })),
    departments: disclosed.departments,
    submitted: data.rows.length,
    snapshot: disclosed.snapshot,
    invited: data.invited,
    headcount: data.headcount,
    targets: input.targets,
    excludeFlagged: input.excludeFlagged,
  });
}

/** Every figure of an assessment, computed in one pass over its released responses. */
export function scoreAssessment(q: Questionnaire, a: Assessment, data: ScoringData, excludeFlagged: boolean): Results {
  return scoreRows({ items: q.items, data, k: a.anonymity_threshold, targets: assessmentRef(a).targets, excludeFlagged });
}
