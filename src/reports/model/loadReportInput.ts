import type { Assessment } from '../../db/tables.js';
import type { AppDeps } from '../../deps.js';
import { presentResults } from '../../domain/presentResults.js';
import type { Results } from '../../domain/results.js';
import type { Questionnaire } from '../../questionnaire/schema.js';
import { assessmentRef, loadResults } from '../../services/results.js';
import type { ReportLang } from '../text/index.js';
import type { ReportInput } from './buildReportModel.js';

// The one file of model/ that reads the database: it gathers what the pure buildReportModel needs.

export interface ReportData {
  assessment: Assessment;
  organization: { name_fa: string; name_en: string | null; sector: string | null; headcount: number | null };
  questionnaire: Questionnaire;
  /** Every response included: the report lists straight-lined ones but does not leave them out. */
  results: Results;
}

export async function loadReportData(deps: AppDeps, assessment: Assessment): Promise<ReportData> {
  const [organization, { q, results }] = await Promise.all([
    deps.db
      .selectFrom('organizations')
      .select(['name_fa', 'name_en', 'sector', 'headcount'])
      .where('id', '=', assessment.organization_id)
      .executeTakeFirstOrThrow(),
    loadResults(deps, assessment, false),
  ]);
  return { assessment, organization, questionnaire: q, results };
}

export function reportInput(data: ReportData, lang: ReportLang, generatedAt: Date): ReportInput {
  const { assessment: a, organization: o } = data;
  const ref = assessmentRef(a);
  return {
    organization: { name: { fa: o.name_fa, en: o.name_en }, sector: o.sector, headcount: o.headcount },
    assessment: {
      id: a.id,
      title: a.title,
      createdAt: a.created_at,
      closedAt: a.closed_at,
      anonymityThreshold: a.anonymity_threshold,
      targets: ref.targets,
    },
    results: presentResults(ref, data.questionnaire, data.results, lang, false),
    questionnaire: data.questionnaire,
    generatedAt,
  };
}
