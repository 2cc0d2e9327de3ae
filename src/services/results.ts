import type { AppDeps } from '../deps.js';
import type { Assessment } from '../db/tables.js';
import { decodeAnswers } from '../domain/answers.js';
import { computeResults, type Results } from '../domain/results.js';
import type { AssessmentRef } from '../domain/presentResults.js';
import { questionnaireOf } from '../http/access.js';
import { listResponsesForScoring } from '../repositories/responses.js';
import type { Questionnaire } from '../questionnaire/schema.js';

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

/** Reads an assessment's responses (one compact row each) and computes every figure in one pass. */
export async function loadResults(deps: AppDeps, a: Assessment, excludeFlagged: boolean): Promise<{ q: Questionnaire; results: Results }> {
  const { db } = deps;
  const q = questionnaireOf(deps, a).definition;
  const [rows, invited, org] = await Promise.all([
    listResponsesForScoring(db, a.id),
    db.selectFrom('invitations').select((eb) => eb.fn.countAll<number>().as('n')).where('assessment_id', '=', a.id).executeTakeFirstOrThrow(),
    db.selectFrom('organizations').select('headcount').where('id', '=', a.organization_id).executeTakeFirstOrThrow(),
  ]);
  const results = computeResults({
    items: q.items,
    responses: rows.map((r) => ({ id: r.id, role: r.role, department: r.department, answers: decodeAnswers(r.answers) })),
    invited: Number(invited.n),
    headcount: org.headcount,
    anonymityThreshold: a.anonymity_threshold,
    targets: assessmentRef(a).targets,
    excludeFlagged,
  });
  return { q, results };
}
