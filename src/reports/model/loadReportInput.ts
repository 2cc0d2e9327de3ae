import type { Assessment } from '../../db/tables.js';
import type { AppDeps } from '../../deps.js';
import { questionnaireOf } from '../../http/access.js';
import { readScoringData } from '../../services/results.js';
import { type ReportData, reportDataFrom, type ReportSource } from './reportData.js';

// The one file of model/ that reads the database: it gathers what the pure buildReportModel needs.

export async function loadReportSource(deps: AppDeps, assessment: Assessment): Promise<ReportSource> {
  const [organization, scoring] = await Promise.all([
    deps.db
      .selectFrom('organizations')
      .select(['name_fa', 'name_en', 'sector', 'headcount'])
      .where('id', '=', assessment.organization_id)
      .executeTakeFirstOrThrow(),
    readScoringData(deps, assessment),
  ]);
  return { assessment, organization, questionnaire: questionnaireOf(deps, assessment).definition, scoring };
}

export async function loadReportData(deps: AppDeps, assessment: Assessment): Promise<ReportData> {
  return reportDataFrom(await loadReportSource(deps, assessment));
}
