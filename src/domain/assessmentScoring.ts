import type { Assessment } from '../db/tables.js';
import type { Questionnaire } from '../questionnaire/schema.js';
import { decodeAnswers } from './answers.js';
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
  /** One compact row per response, in submission order. */
  rows: Array<{ id: string; role: 'manager' | 'staff'; department: string | null; answers: string }>;
  invited: number;
  headcount: number | null;
}

/** Every figure of an assessment, computed in one pass over its responses. */
export function scoreAssessment(q: Questionnaire, a: Assessment, data: ScoringData, excludeFlagged: boolean): Results {
  return computeResults({
    items: q.items,
    responses: data.rows.map((r) => ({ id: r.id, role: r.role, department: r.department, answers: decodeAnswers(r.answers) })),
    invited: data.invited,
    headcount: data.headcount,
    anonymityThreshold: a.anonymity_threshold,
    targets: assessmentRef(a).targets,
    excludeFlagged,
  });
}
