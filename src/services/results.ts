import type { AppDeps } from '../deps.js';
import { FlaggedExclusionRefused, type ScoringData, scoreAssessment } from '../domain/assessmentScoring.js';
import { Invalid } from '../domain/errors.js';
import { type Assessment, isClosed, type Organization, type User } from '../domain/records.js';
import type { Results } from '../domain/results.js';
import { countInvitations } from '../repositories/invitations.js';
import { readOrganizationProfile } from '../repositories/organizations.js';
import { releasePending } from '../repositories/releases.js';
import { listResponsesForScoring } from '../repositories/responses.js';
import type { Questionnaire } from '../questionnaire/schema.js';
import { assessmentWithOrganization } from './assessments.js';
import { questionnaireOf } from './questionnaires.js';
import { customerViewOf, type CustomerViewData } from './customerView.js';

/**
 * Reads what scoring an assessment needs: one compact row per response, the invited and headcount. The
 * submissions waiting enter the figures first when the anonymity rules allow it (domain/anonymity.ts), so
 * every reader — results, exports, reports, trend, benchmark, dashboard — sees the same snapshot.
 */
export async function readScoringData(deps: AppDeps, a: Assessment): Promise<ScoringData> {
  const { db } = deps;
  const closed = await takeSnapshot(deps, a);
  const [rows, invited, org] = await Promise.all([listResponsesForScoring(db, a.id), countInvitations(db, a.id), readOrganizationProfile(db, a.organization_id)]);
  return { rows, invited, headcount: org.headcount, closed };
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
    if (err instanceof FlaggedExclusionRefused) throw new Invalid(err.message, [{ path: 'excludeFlagged', message: err.message }]);
    throw err;
  }
}

/** The results of an assessment the caller may see, with its organization and questionnaire. */
export async function resultsFor(
  deps: AppDeps,
  user: User,
  assessmentId: string,
  excludeFlagged: boolean,
): Promise<{ assessment: Assessment; org: Organization; q: Questionnaire; results: Results; customers: CustomerViewData | null }> {
  const { assessment, org } = await assessmentWithOrganization(deps, user, assessmentId);
  const { q, results, data } = await loadResults(deps, assessment, excludeFlagged);
  // The customers' view stands beside the staff figures, on the same staff snapshot; it never enters them.
  const customers = await customerViewOf(deps, assessment, data);
  return { assessment, org, q, results, customers };
}
