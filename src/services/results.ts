import type { AppDeps } from '../deps.js';
import type { Assessment } from '../db/tables.js';
import { type ScoringData, scoreAssessment } from '../domain/assessmentScoring.js';
import type { Results } from '../domain/results.js';
import { questionnaireOf } from '../http/access.js';
import { listResponsesForScoring } from '../repositories/responses.js';
import type { Questionnaire } from '../questionnaire/schema.js';

/** Reads what scoring an assessment needs: one compact row per response, the invited and headcount. */
export async function readScoringData(deps: AppDeps, a: Assessment): Promise<ScoringData> {
  const { db } = deps;
  const [rows, invited, org] = await Promise.all([
    listResponsesForScoring(db, a.id),
    db.selectFrom('invitations').select((eb) => eb.fn.countAll<number>().as('n')).where('assessment_id', '=', a.id).executeTakeFirstOrThrow(),
    db.selectFrom('organizations').select('headcount').where('id', '=', a.organization_id).executeTakeFirstOrThrow(),
  ]);
  return { rows, invited: Number(invited.n), headcount: org.headcount };
}

/** Reads an assessment's responses (one compact row each) and computes every figure in one pass. */
export async function loadResults(deps: AppDeps, a: Assessment, excludeFlagged: boolean): Promise<{ q: Questionnaire; results: Results }> {
  const q = questionnaireOf(deps, a).definition;
  return { q, results: scoreAssessment(q, a, await readScoringData(deps, a), excludeFlagged) };
}
