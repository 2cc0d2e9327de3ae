import type { Assessment } from '../../domain/records.js';
import { assessmentRef, type ScoringData, scoreAssessment } from '../../domain/assessmentScoring.js';
import { type CommentRow, presentComments } from '../../domain/presentComments.js';
import { presentResults } from '../../domain/presentResults.js';
import type { Results } from '../../domain/results.js';
import type { Questionnaire } from '../../questionnaire/schema.js';
import type { ReportLang } from '../text/index.js';
import type { ReportInput } from './buildReportModel.js';
import type { ReportActions } from '../../domain/actionsChange.js';
import type { Branding } from '../../domain/branding.js';
import type { CustomerView } from '../../domain/customerView.js';
import { presentCustomerView } from '../../domain/customerViewPresent.js';

// Pure: what the report is built from, and the step from it to the model's input. No I/O, so the report
// thread imports it without pulling in the database.

export interface ReportData {
  assessment: Assessment;
  organization: { name_fa: string; name_en: string | null; sector: string | null; headcount: number | null };
  questionnaire: Questionnaire;
  /** Every response included: the report lists straight-lined ones but does not leave them out. */
  results: Results;
  /** The released comments (domain/presentComments.ts applies the rest of the rules per language). */
  comments: CommentRow[];
  /** The customers' view and its questionnaire (services/customerView.ts); absent without a customer survey. */
  customers?: { view: CustomerView; questionnaire: Questionnaire } | null;
  /** The firm the report is branded with (services/branding.ts); Mehvar's own when absent. */
  branding?: Branding;
  /** The action plans the report shows (services/actions.ts reportActionsFor). */
  actions?: ReportActions | null;
}

/** What a report is built from, as read from the database: plain data, before any scoring. */
export interface ReportSource extends Omit<ReportData, 'results'> {
  scoring: ScoringData;
}

/** Scores the source: pure, so it runs wherever the report is drawn. */
export function reportDataFrom({ scoring, ...source }: ReportSource): ReportData {
  return { ...source, results: scoreAssessment(source.questionnaire, source.assessment, scoring, false) };
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
    comments: data.results.snapshot ? presentComments(a.id, data.questionnaire, data.comments, data.results.snapshot, lang) : null,
    branding: data.branding,
    customerView: data.customers ? presentCustomerView(data.customers.view, data.customers.questionnaire, lang) : null,
    actions: data.actions ?? null,
  };
}
