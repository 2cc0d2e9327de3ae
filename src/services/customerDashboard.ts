import type { AppDeps } from '../deps.js';
import type { Assessment, Organization, User } from '../domain/records.js';
import { assessmentWithOrganization } from './assessments.js';
import { customerSurveyStatus, type SurveyStatus } from './customerSurvey.js';
import { customerViewOf, type CustomerViewData } from './customerView.js';
import { readScoringData } from './results.js';

/** What the dashboard's customer page shows: the survey (or none yet) and the customers' view beside the staff's. */
export async function customerPageFor(
  deps: AppDeps,
  user: User,
  assessmentId: string,
): Promise<{ assessment: Assessment; org: Organization; status: SurveyStatus | null; data: CustomerViewData | null }> {
  const { assessment, org } = await assessmentWithOrganization(deps, user, assessmentId);
  const status = await customerSurveyStatus(deps, assessment);
  const data = status ? await customerViewOf(deps, assessment, await readScoringData(deps, assessment)) : null;
  // The count after the snapshot was taken, so it and the figures agree.
  return { assessment, org, status: status && data ? { ...status, submitted: data.view.respondents.submitted } : status, data };
}
