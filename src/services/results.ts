import type { AppDeps } from '../deps.js';
import type { Assessment } from '../db/tables.js';
import { FlaggedExclusionRefused, type ScoringData, scoreAssessment } from '../domain/assessmentScoring.js';
import type { Results } from '../domain/results.js';
import { AppError } from '../errors.js';
import { questionnaireOf } from '../http/access.js';
import { isClosed } from '../repositories/assessments.js';
import { releasePending } from '../repositories/releases.js';
import { listResponsesForScoring } from '../repositories/responses.js';
import type { Questionnaire } from '../questionnaire/schema.js';

/**
 * Reads what scoring an assessment needs: one compact row per response, the invited and headcount. The
 * submissions waiting enter the figures first when the anonymity rules allow it (domain/anonymity.ts), so
 * every reader — results, exports, reports, trend, benchmark, dashboard — sees the same snapshot.
 */
export async function readScoringData(deps: AppDeps, a: Assessment): Promise<ScoringData> {
  const { db } = deps;
  const closed = await takeSnapshot(deps, a);
  const [rows, invited, org] = await Promise.all([
    listResponsesForScoring(db, a.id),
    db.selectFrom('invitations').select((eb) => eb.fn.countAll<number>().as('n')).where('assessment_id', '=', a.id).executeTakeFirstOrThrow(),
    db.selectFrom('organizations').select('headcount').where('id', '=', a.organization_id).executeTakeFirstOrThrow(),
  ]);
  return { rows, invited: Number(invited.n), headcount: org.headcount, closed };
}

/** Lets the submissions waiting enter the figures when the anonymity rules allow; whether the assessment is closed. */
export async function takeSnapshot(deps: AppDeps, a: Assessment): Promise<boolean> {
  const closed = isClosed(a, deps.clock());
  await releasePending(deps.db, a.id, a.anonymity_threshold, closed);
  return closed;
}

/** Reads an assessment's responses (one compact row each) and computes every figure in one pass. */
export async function loadResults(deps: AppDeps, a: Assessment, excludeFlagged: boolean): Promise<{ q: Questionnaire; results: Results; data: ScoringData }> {
  const q = questionnaireOf(deps, a).definition;
  const data = await readScoringData(deps, a);
  try {
    return { q, results: scoreAssessment(q, a, data, excludeFlagged), data };
  } catch (err) {
    if (err instanceof FlaggedExclusionRefused) throw new AppError(422, err.message, [{ path: 'excludeFlagged', message: err.message }]);
    throw err;
  }
}
