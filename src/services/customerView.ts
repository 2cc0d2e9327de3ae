import type { AppDeps } from '../deps.js';
import type { ScoringData } from '../domain/assessmentScoring.js';
import { isSurveyClosed } from '../domain/customerSurvey.js';
import { type CustomerRound, type CustomerTrend, customerTrend } from '../domain/customerTrend.js';
import { computeCustomerView, type CustomerView } from '../domain/customerView.js';
import type { Assessment } from '../domain/records.js';
import type { Questionnaire } from '../questionnaire/schema.js';
import { customerCounters, findSurveyByAssessment, listCustomerResponsesForScoring, releaseCustomerPending } from '../repositories/customerSurveys.js';
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

/** What the report draws the section "In the customers' eyes" from: plain data, or null without a survey. */
export async function customerReportData(deps: AppDeps, assessment: Assessment, staff: ScoringData): Promise<{ view: CustomerView; questionnaire: Questionnaire } | null> {
  const data = await customerViewOf(deps, assessment, staff);
  return data ? { view: data.view, questionnaire: data.customerQ } : null;
}

/**
 * The customers' part of a report's fingerprint (services/reports.ts): the snapshot is taken first, so the
 * key names the customer figures the report will show.
 */
export async function customerReportVersion(deps: AppDeps, assessment: Assessment): Promise<unknown[]> {
  const survey = await findSurveyByAssessment(deps.db, assessment.id);
  if (!survey) return [];
  const closed = isSurveyClosed(survey, assessment, deps.clock());
  await releaseCustomerPending(deps.db, survey.id, assessment.anonymity_threshold, closed);
  const { count, lastRelease } = await customerCounters(deps.db, survey.id);
  return [survey.id, survey.questionnaire_hash, count, lastRelease, closed];
}

/** The customers' scores of each assessment compared, oldest first (services/trend.ts), or null when none has a survey. */
export async function customerTrendOf(deps: AppDeps, assessments: readonly Assessment[]): Promise<CustomerTrend | null> {
  const rounds: CustomerRound[] = [];
  for (const a of assessments) {
    const survey = await findSurveyByAssessment(deps.db, a.id);
    if (!survey) {
      rounds.push({ assessmentId: a.id, survey: null, k: a.anonymity_threshold });
      continue;
    }
    const closed = isSurveyClosed(survey, a, deps.clock());
    await releaseCustomerPending(deps.db, survey.id, a.anonymity_threshold, closed);
    const rows = await listCustomerResponsesForScoring(deps.db, survey.id);
    rounds.push({ assessmentId: a.id, survey: { questionnaire: customerQuestionnaireOf(deps, survey), rows, closed }, k: a.anonymity_threshold });
  }
  return customerTrend(rounds);
}
