import type { AppDeps } from '../deps.js';
import type { ScoringData } from '../domain/assessmentScoring.js';
import { isSurveyClosed } from '../domain/customerSurvey.js';
import { computeCustomerView, type CustomerView } from '../domain/customerView.js';
import type { Assessment } from '../domain/records.js';
import type { Questionnaire } from '../questionnaire/schema.js';
import { findSurveyByAssessment, listCustomerResponsesForScoring, releaseCustomerPending } from '../repositories/customerSurveys.js';
import { customerQuestionnaireOf } from './customerSurvey.js';
import { questionnaireOf } from './questionnaires.js';

export interface CustomerViewData {
  view: CustomerView;
  /** The customer questionnaire, for the factors' names and recommendations. */
  customerQ: Questionnaire;
}

/**
 * The customers' view of an assessment beside its staff figures, or null when it has no customer survey.
 * The customer answers waiting enter the figures first when the anonymity rules allow (k at once, as for
 * staff), so the API, dashboard and reports see one snapshot.
 */
export async function customerViewOf(deps: AppDeps, assessment: Assessment, staff: ScoringData): Promise<CustomerViewData | null> {
  const survey = await findSurveyByAssessment(deps.db, assessment.id);
  if (!survey) return null;
  const closed = isSurveyClosed(survey, assessment, deps.clock());
  await releaseCustomerPending(deps.db, survey.id, assessment.anonymity_threshold, closed);
  const rows = await listCustomerResponsesForScoring(deps.db, survey.id);
  const customerQ = customerQuestionnaireOf(deps, survey);
  const view = computeCustomerView({
    customerQ,
    staffQ: questionnaireOf(deps, assessment).definition,
    staff,
    customers: { rows, closed },
    k: assessment.anonymity_threshold,
  });
  return { view, customerQ };
}
